/**
 * The shipped library: the generated sources match the .tla files, every module parses and
 * resolves with no diagnostic (as SANY resolves them), and a spec finds them with no library path.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeSpec } from '../analyze/analyze';
import { initParser, parseModuleText } from '../parse/parser';
import { nodeParserAssets } from '../parse/parser-assets-node';
import { isLibraryModule, libraryFile, libraryModuleNames, libraryModulesDefining } from './index';
import { LIBRARY_DIRS, renderLibrary } from './render';

const modulesDir = join(import.meta.dirname, 'modules');

/** Modules SANY rejects too. */
const KNOWN_BROKEN: Record<string, string> = {
  BagsTheorems:
    'uses Range, Cardinality and Seq without importing them, and redefines CopiesIn (SANY: the same errors)',
};

beforeAll(() => initParser(nodeParserAssets()));

describe('the shipped library', () => {
  it('sources.generated.ts is generated from the .tla files (npx tsx src/tla/tools/gen-library.ts)', () => {
    const files = LIBRARY_DIRS.flatMap((dir) =>
      readdirSync(join(modulesDir, dir))
        .filter((n) => n.endsWith('.tla'))
        .sort()
        .map((fileName) => ({
          dir,
          fileName,
          text: readFileSync(join(modulesDir, dir, fileName), 'utf8'),
        })),
    );
    const licenses = Object.fromEntries(
      LIBRARY_DIRS.map((d) => [d, readFileSync(join(modulesDir, d, 'LICENSE'), 'utf8')]),
    );
    const rendered = renderLibrary(files, (text, name) => parseModuleText(text, name), licenses);
    expect(
      rendered === readFileSync(join(import.meta.dirname, 'sources.generated.ts'), 'utf8'),
    ).toBe(true);
  });

  it('holds TLC standard modules, the Community Modules, TLAPS and Apalache, each with a licence', () => {
    for (const m of [
      'Naturals',
      'Bags',
      'TLCExt',
      'Json',
      'SequencesExt',
      'Functions',
      'Folds',
      'TLAPS',
      'Apalache',
      'Variants',
      'Option',
    ])
      expect(isLibraryModule(m), m).toBe(true);
    expect(libraryFile('Json')!.fileName).toBe('library/standard/Json.tla'); // the first folder wins, as on TLC's path
    for (const dir of LIBRARY_DIRS) expect(readdirSync(join(modulesDir, dir))).toContain('LICENSE');
    expect(libraryModulesDefining('Range')).toEqual(['Functions']);
  });

  it('every module resolves with no diagnostic', () => {
    const problems: string[] = [];
    for (const name of libraryModuleNames()) {
      const a = analyzeSpec(name, {});
      if (KNOWN_BROKEN[name]) {
        expect(a.diagnostics.length, name).toBeGreaterThan(0);
        continue;
      }
      for (const d of a.diagnostics)
        problems.push(`${d.range.module}:${d.range.start.line}: ${d.message}`);
    }
    expect(problems).toEqual([]);
  });

  it('a spec extends library modules with no library path; a module of the same name beside it wins', () => {
    const spec =
      '---- MODULE M ----\nEXTENDS Bags, SequencesExt, Functions\nA == Range(<<1>>) \\cup BagToSet(EmptyBag)\n====';
    const a = analyzeSpec('M', { files: { 'M.tla': spec } });
    expect(a.diagnostics).toEqual([]);
    expect([...a.libraryModules].sort()).toContain('SequencesExt');
    expect(a.fileOf.get('Bags')).toBe('library/standard/Bags.tla');
    const own = '---- MODULE Bags ----\nEmptyBag == 0\nBagToSet(b) == {b}\n====';
    const b = analyzeSpec('M', { files: { 'M.tla': spec, 'Bags.tla': own } });
    expect(b.fileOf.get('Bags')).toBe('Bags.tla');
    expect(b.libraryModules.has('Bags')).toBe(false);
  });
});

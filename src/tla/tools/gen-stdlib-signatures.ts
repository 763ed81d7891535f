/**
 * Generates stdlib-signatures.ts: for each library module of ../shared/corpus/modules (standard,
 * community, tlaps), its public names with their arities, what it EXTENDS and INSTANCEs, and
 * whether the engine provides it natively. Parsed with this front end. Run once when the library
 * changes (it rewrites the file, then formats it with prettier):
 *
 *   npx tsx src/tla/tools/gen-stdlib-signatures.ts [corpus dir]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Module } from '../ast';
import { references } from '../modules';
import { initParser, parseModuleText } from '../parser';
import { nodeParserAssets } from '../parser-assets-node';
import { encodeSymbol } from '../stdlib';
import type { SymbolInfo } from '../symbols';

/** TLC's standard modules and TLAPS: always provided by the engine. */
const STANDARD = [
  'Naturals',
  'Integers',
  'Reals',
  'Sequences',
  'FiniteSets',
  'Bags',
  'TLC',
  'TLCExt',
  'Randomization',
  'TLAPS',
];
/** First directory wins when two hold the same module (Json, RealTime). */
const LIBRARY_DIRS = ['modules/standard', 'modules/community', 'modules/tlaps'];
const SPEC_DIRS = ['examples', 'stategraphs'];

interface Entry {
  native: boolean;
  extends: string[];
  instances: string[];
  symbols: string[];
  deps: string[];
}

function tlaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tlaFiles(join(dir, e.name))
      : e.name.endsWith('.tla')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Public declarations and definitions of the module itself (not what it imports). */
function ownSymbols(m: Module): string[] {
  const out: SymbolInfo[] = [];
  const add = (name: string, kind: SymbolInfo['kind'], paramArities: number[]) =>
    out.push({ name, kind, arity: paramArities.length, paramArities, module: m.name });
  for (const u of m.units) {
    if (u.kind === 'Variables') for (const v of u.names) add(v.name, 'variable', []);
    if (u.kind === 'Constants')
      for (const d of u.decls) add(d.name, 'constant', new Array<number>(d.arity).fill(0));
    if (u.kind === 'OpDef' && !u.local)
      add(
        u.name,
        'operator',
        u.params.map((p) => p.arity),
      );
    if (u.kind === 'FcnDef' && !u.local) add(u.name, 'operator', []);
    if (u.kind === 'Instance' && !u.local && u.name !== undefined)
      add(
        u.name,
        'operator',
        u.params.map((p) => p.arity),
      );
  }
  return out.map(encodeSymbol);
}

async function main(): Promise<void> {
  const corpus = process.argv[2] ?? join(import.meta.dirname, '../../../../shared/corpus');
  await initParser(nodeParserAssets());
  const table = new Map<string, Entry>();
  for (const dir of LIBRARY_DIRS) {
    for (const file of tlaFiles(join(corpus, dir)).sort()) {
      const parsed = parseModuleText(readFileSync(file, 'utf8'), file);
      const m = parsed.module;
      if (!m || table.has(m.name)) continue;
      if (parsed.diagnostics.length > 0)
        throw new Error(`${file}: ${parsed.diagnostics[0].message}`);
      table.set(m.name, {
        native: false,
        extends: m.extends.map((e) => e.name),
        instances: m.units.flatMap((u) =>
          u.kind === 'Instance' && !u.local && u.name === undefined ? [u.module] : [],
        ),
        symbols: ownSymbols(m),
        deps: references(m).map((r) => r.name),
      });
    }
  }
  // Native: the standard modules, the library modules the corpus's specs use, and what those need.
  const used = new Set(STANDARD);
  for (const dir of SPEC_DIRS) {
    for (const file of tlaFiles(join(corpus, dir))) {
      for (const m of parseModuleText(readFileSync(file, 'utf8'), file).modules) {
        for (const r of references(m))
          if (table.has(r.name) && !LIBRARY_ONLY_PROOFS.has(r.name)) used.add(r.name);
      }
    }
  }
  const queue = [...used];
  while (queue.length > 0) {
    const entry = table.get(queue.pop()!);
    if (!entry || entry.native) continue;
    entry.native = true;
    queue.push(...entry.deps);
  }
  const lines = [...table.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, e]) => {
      const body = {
        native: e.native,
        extends: e.extends,
        instances: e.instances,
        symbols: e.symbols,
      };
      return `  ${name}: ${JSON.stringify(body).replace(/'/g, "\\'").replace(/"/g, "'")},`;
    });
  const out = join(import.meta.dirname, '../stdlib-signatures.ts');
  writeFileSync(
    out,
    [
      '/**',
      ' * Names and arities of the library modules (see stdlib.ts for the encoding), generated from',
      ' * ../shared/corpus/modules by src/tla/tools/gen-stdlib-signatures.ts. Do not edit by hand.',
      ' */',
      'export interface LibrarySignature {',
      '  /** Provided by the engine itself (otherwise it needs the TLA+ source). */',
      '  native: boolean;',
      '  extends: string[];',
      "  /** Public unnamed INSTANCEs: their definitions are the module's too. */",
      '  instances: string[];',
      '  symbols: string[];',
      '}',
      '',
      'export const STDLIB_SIGNATURES: Record<string, LibrarySignature> = {',
      ...lines,
      '};',
      '',
    ].join('\n'),
  );
  execFileSync('npx', ['prettier', '--write', out], { stdio: 'inherit' });
}

/** Proof libraries: TLA+ source with theorems, which the engine reads rather than implements. */
const LIBRARY_ONLY_PROOFS = new Set([
  'NaturalsInduction',
  'WellFoundedInduction',
  'FiniteSetTheorems',
  'SequenceTheorems',
  'BagsTheorems',
]);

await main();

import { describe, expect, it } from 'vitest';
import { initParser } from '../src/tla/parse/parser';
import { nodeParserAssets } from '../src/tla/parse/parser-assets-node';
import { createLanguageApi } from './languageApi';

const api = createLanguageApi(() => initParser(nodeParserAssets()));
const spec = [
  '---- MODULE M ----',
  'EXTENDS Naturals',
  'VARIABLE x',
  'Inc == x + 1',
  'Init == x = 0',
  "Next == x' = Inc /\\ y",
  '====',
].join('\n');

describe('language worker API', () => {
  it('reports an undefined name with its range while the user types', async () => {
    const r = await api.analyze({ 'M.tla': spec, 'M.cfg': 'INIT Init' }, 'M');
    const d = r.diagnostics.find((x) => x.code === 'undefined-name');
    expect(d?.range).toMatchObject({ module: 'M', start: { line: 6, column: 21 } });
    expect(r.outlines.M.map((o) => o.name)).toEqual(
      expect.arrayContaining(['x', 'Inc', 'Init', 'Next']),
    );
  });

  it('finds a definition and shows it on hover', async () => {
    const files = { 'M.tla': spec.replace(' /\\ y', '') };
    const at = { line: 6, column: 14 }; // on `Inc` in Next
    expect(await api.definition(files, 'M', 'M', at)).toEqual({
      range: expect.objectContaining({ start: { line: 4, column: 1 } }),
    });
    expect(await api.hover(files, 'M', 'M', at)).toContain('Inc == x + 1');
  });
});

describe('model config diagnostics', () => {
  const files = { 'M.tla': spec.replace(' /\\ y', ''), 'M.cfg': '' };
  const problems = async (cfg: string) =>
    (await api.analyzeConfig({ ...files, 'M.cfg': cfg }, 'M', 'M.cfg')).map(
      (d) => `${d.range.start.line}: ${d.message}`,
    );

  it('flags names the module does not define, where they are written', async () => {
    expect(await problems('INIT Init\nNEXT Next\nINVARIANT TypeOK Inc\n')).toEqual([
      '3: INVARIANT TypeOK: module M defines no TypeOK',
    ]);
    expect(await problems('INIT Init\nNEXT Nxt\nCONSTANT N = 3\n')).toEqual([
      '2: NEXT Nxt: module M defines no Nxt',
      '3: CONSTANT N: module M declares no constant N',
    ]);
  });

  it('accepts what the module defines or extends, and reports syntax errors', async () => {
    expect(await problems('INIT Init\nNEXT Next\n')).toEqual([]);
    // Nat comes from Naturals, which M extends.
    expect(await problems('INIT Init\nNEXT Next\nCONSTRAINT Nat\n')).toEqual([]);
    expect((await problems('INIT\n')).length).toBeGreaterThan(0);
  });
});

describe('the PlusCal translator in the language worker', () => {
  const algorithm = [
    '---- MODULE P ----',
    'EXTENDS Naturals',
    '(* --algorithm P',
    'variable x = 0;',
    'begin',
    '  Inc: x := x + 1;',
    '  Stop: skip;',
    'end algorithm; *)',
    '====',
  ].join('\n');

  it('says a module with no translation is stale, gives its translation and where its labels are', async () => {
    const s = await api.plusCal(algorithm);
    if (s.kind !== 'stale') throw new Error(`expected stale, got ${s.kind}`);
    expect(s.text).toContain('\\* BEGIN TRANSLATION');
    expect(s.text).toMatch(/^Inc == \/\\ pc = "Inc"$/m);
    expect(s.labels.map((l) => l.label)).toEqual(['Inc', 'Stop']);
    // 0-based lines: `Inc:` is on line 6 of the file.
    expect(s.labels[0].region.begin.line).toBe(5);
    // The translated module is current, with the same labels.
    const again = await api.plusCal(s.text);
    expect(again).toMatchObject({ kind: 'current', text: s.text });
  });

  it("gives the translator's error, and nothing for a module with no algorithm", async () => {
    const s = await api.plusCal(algorithm.replace('x := x + 1;', 'x := ;'));
    expect(s.kind).toBe('error');
    if (s.kind === 'error') expect(s.message).toMatch(/line 6/);
    expect(await api.plusCal('---- MODULE Q ----\n====')).toEqual({ kind: 'none' });
  });
});

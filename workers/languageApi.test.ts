import { describe, expect, it } from 'vitest';
import { initParser } from '../src/tla/parser';
import { nodeParserAssets } from '../src/tla/parser-assets-node';
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

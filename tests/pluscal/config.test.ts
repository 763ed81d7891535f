/**
 * The model config pcal.trans writes without `-nocfg` (tests/pluscal/cfg, recorded by
 * scripts/pluscal/record.ts running pcal.trans itself): ours must be the same text, with the same
 * messages, for a new config and for existing ones (with and without the delimiter line, with a
 * SPECIFICATION, with a commented-out one), with -termination and defaultInitValue.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseArgs } from '../../scripts/pluscal/record';
import { translatorConfig } from '../../src/pluscal/config';
import { translateModule } from '../../src/pluscal/translate';

const dir = fileURLToPath(new URL('cfg/', import.meta.url));
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.cfg'))
  .map((f) => f.slice(0, -'.expected.cfg'.length))
  .sort();

describe('the model config pcal.trans writes', () => {
  it('has the cases', () => expect(cases.length).toBeGreaterThanOrEqual(6));
  it.each(cases)('%s', (name) => {
    const base = join(dir, name);
    const text = readFileSync(`${base}.tla`, 'utf8');
    const t = translateModule(text, caseArgs(text));
    if (!t.ok) throw t.error;
    expect(t.text).toBe(readFileSync(`${base}.expected.tla`, 'utf8'));
    const existing = existsSync(`${base}.cfg.in`)
      ? readFileSync(`${base}.cfg.in`, 'utf8')
      : undefined;
    const cfg = translatorConfig(existing, t, `${name}.cfg`);
    expect(cfg.text).toBe(readFileSync(`${base}.expected.cfg`, 'utf8'));
    const printed = readFileSync(`${base}.expected.out`, 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !/^New file .* written\.$/.test(l));
    expect([...t.messages, ...cfg.messages]).toEqual(printed);
  });
});

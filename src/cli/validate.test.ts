import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { itfToTrace, type ItfTrace } from '../formats/itf';
import { EXIT } from './exit-codes';
import { parseValidateArgs, runValidate, type ValidateDeps } from './validate';

const DIEHARD = new URL('../ui/examples/DieHard/', import.meta.url);

let dir: string;
let out: string[];
let err: string[];
const deps = (): ValidateDeps => ({ stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
const spec = () => join(dir, 'DieHard.tla');
const log = (name: string, events: object[]): string => {
  const file = join(dir, name);
  writeFileSync(file, events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  return file;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specstage-validate-'));
  for (const f of ['DieHard.tla', 'DieHard.cfg'])
    writeFileSync(join(dir, f), readFileSync(new URL(f, DIEHARD), 'utf8'));
  out = [];
  err = [];
});

const GOOD = [
  { big: 0, small: 0 },
  { action: 'FillBig', big: 5 },
  { action: 'BigToSmall', big: 2, small: 3 },
  { action: 'EmptySmall' },
];

describe('specstage validate', () => {
  it('accepts a log that is a behaviour (exit 0) and writes it as ITF with its events', async () => {
    const itf = join(dir, 'out.itf.json');
    const code = await runValidate(
      [spec(), '--log', log('run.ndjson', GOOD), '--out-itf', itf],
      deps(),
    );
    expect(code).toBe(EXIT.success);
    expect(out[0]).toBe(
      'The log is a behaviour of DieHard: 4 events explained by a behaviour of 4 states.',
    );
    const written = JSON.parse(readFileSync(itf, 'utf8')) as ItfTrace;
    expect(written.states.map((s) => (s['#meta'] as { event: number }).event)).toEqual([
      0, 1, 2, 3,
    ]);
    expect(itfToTrace(written).states[3]).toEqual({
      big: { '#bigint': '2' },
      small: { '#bigint': '0' },
    });
  });

  it('rejects a log that is not (exit 12), naming the event, what disagrees and what was enabled', async () => {
    const bad = [...GOOD.slice(0, 2), { action: 'BigToSmall', big: 1, small: 3 }];
    const code = await runValidate([spec(), '--log', log('bad.ndjson', bad)], deps());
    expect(code).toBe(EXIT.safetyViolation);
    const text = out.join('\n');
    expect(text).toContain('Error: the log is not a behaviour of DieHard.');
    expect(text).toContain(
      'Event 3 (line 3) is the first that no behaviour of the spec explains (the 2 before it are explained):',
    );
    expect(text).toContain(
      'The closest step from the last state that matched: BigToSmall; it disagrees on:',
    );
    expect(text).toContain('  big: the log says 1, the spec 2');
    expect(text).toMatch(/Actions enabled there: .*BigToSmall/);
  });

  it('--json prints one object; --mapping and --max-silent apply', async () => {
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ fields: { gallons: 'big' } }));
    const events = [
      { gallons: 0 },
      { action: 'FillBig', gallons: 5 },
      { action: 'EmptySmall', gallons: 2 },
    ];
    expect(
      await runValidate(
        [spec(), '--log', log('m.ndjson', events), '--mapping', map, '--json'],
        deps(),
      ),
    ).toBe(EXIT.safetyViolation);
    expect(JSON.parse(out[out.length - 1])).toMatchObject({
      result: 'divergence',
      divergence: { event: 2 },
      exitCode: 12,
    });
    out = [];
    expect(
      await runValidate(
        [spec(), '--log', log('m.ndjson', events), '--mapping', map, '--max-silent', '1', '--json'],
        deps(),
      ),
    ).toBe(EXIT.success);
    expect(JSON.parse(out[0])).toMatchObject({ result: 'behaviour', stepEvents: [0, 1, null, 2] });
  });

  it('exit codes for bad input: usage, unreadable or malformed log, bad mapping, missing config', async () => {
    expect(await runValidate([spec()], deps())).toBe(EXIT.usage);
    expect(await runValidate([spec(), '--log', join(dir, 'none.ndjson')], deps())).toBe(EXIT.io);
    const broken = join(dir, 'broken.ndjson');
    writeFileSync(broken, '{"big": 0}\n{not json\n');
    expect(await runValidate([spec(), '--log', broken], deps())).toBe(EXIT.io);
    expect(err.join('\n')).toContain('line 2: not JSON');
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ fields: { gallons: 'litres' } }));
    expect(
      await runValidate([spec(), '--log', log('g.ndjson', GOOD), '--mapping', map], deps()),
    ).toBe(EXIT.io);
    expect(
      await runValidate(
        [spec(), '--log', log('g.ndjson', GOOD), '--config', join(dir, 'X.cfg')],
        deps(),
      ),
    ).toBe(EXIT.cfgError);
    expect(parseValidateArgs(['A.tla', '--log', 'x', '--max-silent', '-1'])).toMatchObject({
      ok: false,
    });
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuintArgs, runQuint } from './quint';
import { EXIT } from './exit-codes';

const spec = new URL('../quint/testdata/counter.qnt', import.meta.url).pathname;

function io(): {
  out: string[];
  err: string[];
  stdout: (l: string) => void;
  stderr: (l: string) => void;
} {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
}

describe('specstage check/simulate spec.qnt', () => {
  it("reads Quint's options", () => {
    const p = parseQuintArgs(
      ['s.qnt', '--main', 'M', '--invariant', 'a,b', '--invariant', 'c', '--step', 'next'],
      'check',
    );
    expect(p.ok && p.value.run).toEqual({
      invariants: ['a', 'b', 'c'],
      temporal: [],
      step: 'next',
    });
    expect(parseQuintArgs(['s.qnt', '--max-steps', '3'], 'check')).toEqual({
      ok: false,
      error: '--max-steps is an option of simulate',
    });
  });

  it('stops a check at --memory-budget, as the TLA+ check does', async () => {
    expect(parseQuintArgs(['s.qnt', '--memory-budget', '64'], 'check')).toMatchObject({
      ok: true,
      value: { memoryBudgetMb: 64 },
    });
    expect(parseQuintArgs(['s.qnt', '--memory-budget', 'lots'], 'check')).toEqual({
      ok: false,
      error: "--memory-budget needs a positive number of MiB, not 'lots'",
    });
    expect(parseQuintArgs(['s.qnt', '--memory-budget', '64'], 'simulate')).toEqual({
      ok: false,
      error: '--memory-budget is an option of check',
    });
    // A million states (x, y in 0..999): far beyond one MiB, polled every 100 ms.
    const dir = mkdtempSync(join(tmpdir(), 'quint-cli-'));
    const big = join(dir, 'grid.qnt');
    writeFileSync(
      big,
      `module grid {
  var x: int
  var y: int
  action init = all { x' = 0, y' = 0 }
  action step = { nondet a = 0.to(999).oneOf() nondet b = 0.to(999).oneOf() all { x' = a, y' = b } }
}
`,
    );
    const o = io();
    const code = await runQuint([big, '--memory-budget', '1'], 'check', o);
    expect(o.out.join('\n') + o.err.join('\n')).toMatch(/memory budget/);
    expect(code).toBe(EXIT.internalError);
  });

  it('checks an invariant and writes the counterexample as ITF in Quint conventions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quint-cli-'));
    const file = join(dir, 'cex.itf.json');
    const o = io();
    const code = await runQuint(
      [spec, '--main', 'counter3', '--invariant', 'small', '--out-itf', file],
      'check',
      o,
    );
    expect(code).toBe(EXIT.safetyViolation);
    expect(o.out.join('\n')).toContain('Invariant small is violated');
    const itf = JSON.parse(readFileSync(file, 'utf8')) as {
      vars: string[];
      states: Record<string, unknown>[];
    };
    expect(itf.vars).toEqual([
      'counter3::counter::n',
      'counter3::counter::log',
      'counter3::counter::mode',
      'mbt::actionTaken',
      'mbt::nondetPicks',
    ]);
    expect(itf.states).toHaveLength(3);
    expect(itf.states[0]['counter3::counter::mode']).toEqual({
      tag: 'Idle',
      value: { '#tup': [] },
    });
    expect(itf.states[0]['mbt::actionTaken']).toBe('init');
    expect(itf.states[1]['mbt::actionTaken']).toBe('tick');
    expect(itf.states[2]['counter3::counter::log']).toEqual([
      { '#bigint': '0' },
      { '#bigint': '1' },
    ]);
    expect(itf.states[2]['counter3::counter::n']).toEqual({ '#bigint': '3' });
  });

  it("stops at Quint's type errors with their ranges", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quint-cli-'));
    const bad = join(dir, 'bad.qnt');
    (await import('node:fs')).writeFileSync(bad, 'module bad {\n  val x: int = "a"\n}\n');
    const o = io();
    expect(await runQuint([bad], 'check', o)).toBe(EXIT.specError);
    expect(o.out[0]).toMatch(/^bad\.qnt:2:\d+: error: /);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuintTestArgs, runQuintTest } from './quint-test';
import { EXIT } from './exit-codes';

const spec = new URL('../quint/testdata/runs.qnt', import.meta.url).pathname;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l) };
}

describe('specstage test spec.qnt', () => {
  it('reads its options', () => {
    const p = parseQuintTestArgs(['s.qnt', '--match', 'ok', '--seed', '4', '--max-samples', '9']);
    expect(p).toEqual({
      ok: true,
      value: { spec: 's.qnt', match: 'ok', seed: 4, maxSamples: 9, json: false },
    });
    expect(parseQuintTestArgs(['s.qnt', '--match', '('])).toEqual({
      ok: false,
      error: "--match needs a regular expression, not '('",
    });
  });

  it("prints quint test's report, the failures' traces, and exits non-zero", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quint-test-'));
    const itf = join(dir, 'fail.itf.json');
    const o = io();
    const code = await runQuintTest(
      [spec, '--seed', '3', '--max-samples', '5', '--out-itf', itf],
      o,
    );
    expect(code).toBe(EXIT.safetyViolation);
    const text = o.out.join('\n');
    expect(text).toContain('    ok okTest passed 1 test(s)');
    expect(text).toContain('    1) expectTest failed after 1 test(s)');
    expect(text).toContain('  4 passing');
    expect(text).toContain('  3 failed');
    expect(text).toContain('      Error: Assertion failed at runs.qnt:13:46');
    const written = JSON.parse(readFileSync(itf, 'utf8')) as { states: { x: unknown }[] };
    expect(written.states.map((s) => s.x)).toEqual([
      { '#bigint': '0' },
      { '#bigint': '1' },
      { '#bigint': '2' },
    ]);
    // Only the passing tests: exit 0, and --json describes every test.
    const j = io();
    expect(await runQuintTest([spec, '--match', '^(ok|pure)Test$', '--json'], j)).toBe(
      EXIT.success,
    );
    const json = JSON.parse(j.out[j.out.length - 1]) as { result: string; tests: unknown[] };
    expect(json.result).toBe('passed');
    expect(json.tests).toHaveLength(2);
  }, 60_000);
});

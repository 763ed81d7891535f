import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { simulateModel } from '../check/search/simulate/simulate';
import type { SimulateRequest } from '../check/contract/types';
import { itfToTrace } from '../formats/itf';
import type { CoverageReport } from '../validate/coverage';
import { runSimulate, type SimulateDeps } from './simulate';
import { parseSimulateArgs } from './simulate-args';
import { canonicalStateKey } from '../trace/keys';

const DIEHARD = new URL('../ui/examples/DieHard/', import.meta.url);

let dir: string;
let out: string[];
let err: string[];
let requests: SimulateRequest[];

/** The real engine in this thread, with the requests recorded. */
const deps = (): SimulateDeps => ({
  simulate: (req, hooks) => {
    requests.push(req);
    return simulateModel(req, hooks);
  },
  stdout: (line) => out.push(line),
  stderr: (line) => err.push(line),
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specstage-sim-'));
  for (const f of ['DieHard.tla', 'DieHard.cfg'])
    writeFileSync(join(dir, f), readFileSync(new URL(f, DIEHARD), 'utf8'));
  writeFileSync(
    join(dir, 'Stop.tla'),
    "---- MODULE Stop ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x < 3 /\\ x' = x + 1\n====\n",
  );
  writeFileSync(join(dir, 'Stop.cfg'), 'INIT Init\nNEXT Next\n');
  out = [];
  err = [];
  requests = [];
});

describe('parseSimulateArgs', () => {
  it("reads the options, TLC's one-dash spellings too", () => {
    const r = parseSimulateArgs([
      'S.tla',
      '-depth',
      '7',
      '--num=3',
      '-seed',
      '42',
      '--out-itf',
      'o',
      '--no-deadlock',
      '--keep-going',
    ]);
    expect(r).toEqual({
      ok: true,
      value: {
        spec: 'S.tla',
        depth: 7,
        num: 3,
        seed: 42,
        outItf: 'o',
        noDeadlock: true,
        keepGoing: true,
        json: false,
        workers: 1,
        libs: [],
        pick: 'action',
      },
    });
    expect(parseSimulateArgs(['S.tla', '--pick', 'successor'])).toMatchObject({
      ok: true,
      value: { pick: 'successor' },
    });
    expect(parseSimulateArgs(['S.tla', '--pick', 'any']).ok).toBe(false);
    expect(parseSimulateArgs(['S.tla', '--seed', '-1']).ok).toBe(false);
    expect(parseSimulateArgs(['S.tla', '--depth', 'x']).ok).toBe(false);
    expect(parseSimulateArgs([]).ok).toBe(false);
  });
});

describe('specstage simulate', () => {
  it('finds DieHard NotSolved, exits 12, writes one ITF file per behaviour that reads back', async () => {
    const itf = join(dir, 'itf');
    const code = await runSimulate(
      [join(dir, 'DieHard.tla'), '--num', '2000', '--depth', '30', '--seed', '1', '--out-itf', itf],
      deps(),
    );
    expect(code).toBe(12);
    expect(requests[0].options).toMatchObject({ behaviours: 2000, maxSteps: 30, seed: 1 });
    expect(out[0]).toBe('Running random simulation with seed 1 (--num 2000 --depth 30).');
    expect(out[1]).toMatch(
      /^Error: Invariant NotSolved is violated \(behaviour \d+ of seed 1\)\.$/,
    );
    const files = readdirSync(itf)
      .filter((f) => f.endsWith('.itf.json'))
      .sort();
    const last = itfToTrace(JSON.parse(readFileSync(join(itf, files.at(-1)!), 'utf8')));
    expect(last.states.at(-1)).toMatchObject({ big: { '#bigint': '4' } });
    expect(files).toHaveLength(Number(/behaviour (\d+)/.exec(out[1])![1]) + 1);
    expect(out.at(-1)).toBe(
      `${files.length} behaviours written to ${itf}, their coverage to ${join(itf, 'coverage.json')}.`,
    );
    // Each step carries the choice the simulator made among the successors.
    expect(last.steps[1].choice).toMatchObject({ of: 6 });
    // The coverage of the suite: DieHard's six actions, all taken; one initial state.
    const coverage = JSON.parse(readFileSync(join(itf, 'coverage.json'), 'utf8')) as CoverageReport;
    expect(coverage.behaviours).toBe(files.length);
    expect(coverage.actions.map((a) => a.name).sort()).toEqual([
      'BigToSmall',
      'EmptyBig',
      'EmptySmall',
      'FillBig',
      'FillSmall',
      'SmallToBig',
    ]);
    expect(coverage.actions.reduce((n, a) => n + a.steps, 0)).toBe(coverage.steps);
    expect(coverage.statesPerDepth[0]).toBe(1);
    const seen = new Set<string>();
    for (const f of files)
      for (const st of itfToTrace(JSON.parse(readFileSync(join(itf, f), 'utf8'))).states)
        seen.add(canonicalStateKey(st));
    expect(coverage.distinctStates).toBe(seen.size);
    expect(seen.size).toBeLessThanOrEqual(16); // DieHard's reachable states
    expect(out).toContain(
      `Coverage: 6 actions taken in ${coverage.steps.toLocaleString('en-US')} steps of ${files.length.toLocaleString('en-US')} behaviours:`,
    );
  });

  it('reports a deadlock with exit 11, or none with --no-deadlock; --json ends stdout', async () => {
    const spec = join(dir, 'Stop.tla');
    expect(
      await runSimulate([spec, '--num', '3', '--depth', '5', '--seed', '9', '--json'], deps()),
    ).toBe(11);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0])).toMatchObject({
      result: 'deadlock failure',
      seed: 9,
      behaviour: 0,
      violated: 'deadlock',
    });
    expect(err).toContain('Error: Deadlock reached (behaviour 0 of seed 9).');
    out = [];
    expect(
      await runSimulate(
        [spec, '--num', '3', '--depth', '5', '--seed', '9', '--no-deadlock', '--json'],
        deps(),
      ),
    ).toBe(0);
    expect(JSON.parse(out[0])).toMatchObject({ result: 'success', behaviours: 3, steps: 9 });
  });

  it('exits 154 on a bad command line, 155 on a missing spec, 151 on a missing config', async () => {
    expect(await runSimulate(['--num'], deps())).toBe(154);
    expect(await runSimulate([join(dir, 'None.tla')], deps())).toBe(155);
    expect(
      await runSimulate([join(dir, 'Stop.tla'), '--config', join(dir, 'None.cfg')], deps()),
    ).toBe(151);
    expect(requests).toHaveLength(0);
  });

  it("prints the error trace through the .cfg's ALIAS, with TLC's states, and warns", async () => {
    // TLC 2.20 -simulate prints state 2 of this behaviour as /\ xx = 1 /\ nx = 2.
    writeFileSync(join(dir, 'Stop.cfg'), 'INIT Init\nNEXT Next\nINVARIANT Inv\nALIAS Al\n');
    writeFileSync(
      join(dir, 'Stop.tla'),
      "---- MODULE Stop ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x' = x + 1\n" +
        "Inv == x < 2\nAl == [xx |-> x, nx |-> x']\n====\n",
    );
    expect(await runSimulate([join(dir, 'Stop.tla'), '--num', '1', '--seed', '3'], deps())).toBe(
      12,
    );
    const text = out.join('\n');
    expect(text).toContain('Warning: ALIAS Al: the error trace is printed through it');
    expect(text).toContain(
      'State 2: <Next line 5, col 9 to line 5, col 18 of module Stop>\n/\\ xx = 1\n/\\ nx = 2',
    );
  });
});

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckRequest, CheckResult, Trace } from '../check/contract/types';
import { itfToTrace } from '../formats/itf';
import { readTlcDot } from '../formats/dot';
import { runCheck, type CheckDeps } from './check';

const int = (n: number) => ({ '#bigint': String(n) });

const trace: Trace = {
  vars: ['x'],
  states: [{ x: int(0) }, { x: int(1) }],
  steps: [
    { action: 'Init', params: [], label: 'Init' },
    {
      action: 'Inc',
      params: [],
      label: 'Inc',
      range: { module: 'Spec', start: { line: 5, column: 8 }, end: { line: 5, column: 20 } },
    },
  ],
};

const base: CheckResult = {
  result: 'success',
  distinctStates: 2,
  generatedStates: 3,
  depth: 2,
  durationMs: 12,
  queueLeft: 0,
  output: [],
};

let dir: string;
let requests: CheckRequest[];
let out: string[];
let err: string[];

function deps(result: CheckResult | Error): CheckDeps {
  return {
    checkModel: async (req) => {
      requests.push(req);
      if (result instanceof Error) throw result;
      return result;
    },
    stdout: (line) => out.push(line),
    stderr: (line) => err.push(line),
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'specstage-cli-'));
  writeFileSync(join(dir, 'Spec.tla'), '---- MODULE Spec ----\n====\n');
  writeFileSync(join(dir, 'Spec.cfg'), 'INIT Init\nNEXT Next\nINVARIANT Small\n');
  writeFileSync(join(dir, 'Helper.tla'), '---- MODULE Helper ----\n====\n');
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'lib', 'Helper.tla'), 'shadowed');
  writeFileSync(join(dir, 'lib', 'Lib.tla'), '---- MODULE Lib ----\n====\n');
  requests = [];
  out = [];
  err = [];
});

describe('specstage check', () => {
  it('hands the engine the spec, its cfg and the modules beside it and in --lib', async () => {
    const code = await runCheck(
      [join(dir, 'Spec.tla'), '--lib', join(dir, 'lib'), '--no-deadlock'],
      deps(base),
    );
    expect(code).toBe(0);
    const req = requests[0];
    expect(req.mainModule).toBe('Spec');
    expect(req.cfgName).toBe('Spec.cfg');
    expect(req.options).toEqual({ workers: 1, checkDeadlock: false });
    expect(req.files.map((f) => f.name)).toEqual(['Spec.tla', 'Helper.tla', 'Lib.tla']);
    expect(req.files[1].text).not.toBe('shadowed');
    expect(out).toEqual([
      'Model checking completed. No error has been found.',
      '3 states generated, 2 distinct states found, 0 states left on queue.',
      'The depth of the complete state graph search is 2.',
      'Finished in 00s',
    ]);
  });

  it('reports a violation as TLC does, exits 12, and writes the trace as ITF', async () => {
    const itf = join(dir, 'trace.itf.json');
    const result: CheckResult = {
      ...base,
      result: 'safety failure',
      violated: 'Small',
      trace,
      queueLeft: 1,
    };
    const code = await runCheck([join(dir, 'Spec'), '--dump-trace', `itf:${itf}`], deps(result));
    expect(code).toBe(12);
    expect(out.slice(0, 9)).toEqual([
      'Error: Invariant Small is violated.',
      'Error: The behavior up to this point is:',
      'State 1: <Initial predicate>',
      'x = 0',
      '',
      'State 2: <Inc line 5, col 8 to line 5, col 19 of module Spec>',
      'x = 1',
      '',
      '3 states generated, 2 distinct states found, 1 states left on queue.',
    ]);
    expect(itfToTrace(JSON.parse(readFileSync(itf, 'utf8'))).states).toEqual(trace.states);
  });

  it("reports a violation by an initial state in TLC 2.20's words, without figures", async () => {
    // TLC: "Error: Invariant Inv is violated by the initial state:", the state with no `State 1:`
    // header, and no "states generated" line; a state-level PROPERTY is a "Property".
    const initial: CheckResult = {
      ...base,
      result: 'safety failure',
      violated: 'Small',
      distinctStates: 1,
      generatedStates: 1,
      depth: 1,
      trace: { ...trace, states: trace.states.slice(0, 1), steps: trace.steps.slice(0, 1) },
    };
    expect(await runCheck([join(dir, 'Spec')], deps(initial))).toBe(12);
    expect(out).toEqual([
      'Error: Invariant Small is violated by the initial state:',
      'x = 0',
      '',
      'Finished in 00s',
    ]);
  });

  it('ends stdout with one JSON object under --json, the report going to stderr', async () => {
    const result: CheckResult = {
      ...base,
      result: 'deadlock failure',
      violated: 'deadlock',
      trace,
    };
    expect(await runCheck([join(dir, 'Spec.tla'), '--json'], deps(result))).toBe(11);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0])).toMatchObject({
      result: 'deadlock failure',
      distinctStates: 2,
      depth: 2,
      trace,
    });
    expect(err[0]).toBe('Error: Deadlock reached.');
  });

  it('asks for the graph with --dump-dot and writes it', async () => {
    const dot = join(dir, 'g.dot');
    const graph = {
      states: [
        { id: 0, state: { x: int(0) }, initial: true },
        { id: 1, state: { x: int(1) }, initial: false },
      ],
      edges: [{ from: 0, to: 1, action: 'Inc' }],
      truncated: false,
    };
    expect(
      await runCheck([join(dir, 'Spec.tla'), '--dump-dot', dot], deps({ ...base, graph })),
    ).toBe(0);
    expect(requests[0].options?.collectGraph).toBe(true);
    expect(readTlcDot(readFileSync(dot, 'utf8')).edges.size).toBe(1);
  });

  it('exits 151 on a broken or missing config, pointing at the line', async () => {
    writeFileSync(join(dir, 'Spec.cfg'), 'INIT Init\nNEXT\n');
    expect(await runCheck([join(dir, 'Spec.tla')], deps(base))).toBe(151);
    expect(out[0]).toBe(
      'Spec.cfg:2:5: expected the name of a definition after NEXT, found end of file',
    );
    expect(requests).toHaveLength(0);
    expect(
      await runCheck([join(dir, 'Spec.tla'), '--config', join(dir, 'None.cfg')], deps(base)),
    ).toBe(151);
  });

  it('maps engine errors to exit codes', async () => {
    const range = { module: 'Spec', start: { line: 3, column: 1 }, end: { line: 3, column: 5 } };
    const diagnostics = [
      { severity: 'error' as const, message: 'unknown name Foo', range, code: 'undefined-name' },
    ];
    const run = (r: CheckResult | Error) => runCheck([join(dir, 'Spec.tla')], deps(r));
    expect(
      await run({ ...base, result: 'error', error: { message: 'parse error', diagnostics } }),
    ).toBe(150);
    expect(out).toContain('Spec:3:1: error: unknown name Foo');
    const cfgRange = { ...range, module: 'Spec.cfg' };
    expect(
      await run({
        ...base,
        result: 'error',
        error: { message: 'Small is not defined', range: cfgRange },
      }),
    ).toBe(151);
    expect(
      await run({ ...base, result: 'error', error: { message: '1 \\div 0', range, trace } }),
    ).toBe(152);
    expect(await run(new Error('boom'))).toBe(153);
    expect(err).toContain('Error: internal error: boom');
    const budget = 'Stopped at the memory budget after 7 distinct states; 3 left on the queue';
    expect(await run({ ...base, stopped: 'memory budget', error: { message: budget } })).toBe(153);
    expect(out).toContain(`${budget}.`);
    expect(await run({ ...base, result: 'liveness failure', trace: { ...trace, loop: 1 } })).toBe(
      13,
    );
    expect(await run({ ...base, result: 'assumption failure', violated: 'N > 0' })).toBe(10);
  });

  it('says loudly which properties it did not check', async () => {
    const code = await runCheck(
      [join(dir, 'Spec.tla')],
      deps({ ...base, uncheckedProperties: ['Live'] }),
    );
    expect(out[0]).toBe('Warning: these PROPERTIES were NOT checked (not supported yet): Live.');
    // Not TLC's "No error has been found", and not exit 0: no script reads it as a pass.
    expect(out).not.toContain('Model checking completed. No error has been found.');
    expect(out).toContain(
      'Model checking completed. No error has been found in what was checked; not checked: Live.',
    );
    expect(code).toBe(153);
    // One that was not reached (the search stopped at a violation first) is not "not supported".
    out.length = 0;
    const why = 'its liveness part is checked after a complete search, and the search stopped';
    await runCheck(
      [join(dir, 'Spec.tla')],
      deps({ ...base, uncheckedProperties: ['Live'], uncheckedReasons: { Live: why } }),
    );
    expect(out.slice(0, 2)).toEqual([
      'Warning: these PROPERTIES were NOT checked: Live.',
      `  Live: ${why}`,
    ]);
  });

  it('exits 154 on a bad command line and 155 on a missing spec', async () => {
    expect(await runCheck(['--bogus'], deps(base))).toBe(154);
    expect(await runCheck([join(dir, 'None.tla')], deps(base))).toBe(155);
  });
});

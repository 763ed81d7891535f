/**
 * `check --engine tlc`: TLC's `-tool` output read back into our result, and (when java and TLC's
 * jar are here) TLC run on the exported bundle of corpus models and own specs, giving the same
 * verdict, distinct states and depth as our engine: safety, deadlock and liveness violations,
 * SYMMETRY, the Community Modules.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkModel } from '../check/check';
import type { CheckRequest } from '../check/contract/types';
import { readTlcRun, toolMessageAsText, toolReader } from '../formats/tlc-output';
import { EXAMPLES } from '../../scripts/conformance/corpus';
import { OWN } from '../../scripts/conformance/own';
import { tlcUnavailable } from '../../scripts/conformance/tlc';
import { defaultCheckDeps, runCheck } from './check';
import { runExport } from './export';
import { loadModel } from './load-model';
import { checkWithTlc, findTlc, resultFromTlc } from './tlc-engine';

const JAR = join(import.meta.dirname, '../../../shared/tools/tla2tools.jar');

/** What TLC 2.20 printed with -tool for DieHard (abridged: the first two states). */
const TOOL = [
  '@!@!@STARTMSG 2185:0 @!@!@',
  'Starting... (2026-12-06 14:26:06)',
  '@!@!@ENDMSG 2185 @!@!@',
  '@!@!@STARTMSG 2110:1 @!@!@',
  'Invariant NotSolved is violated.',
  '@!@!@ENDMSG 2110 @!@!@',
  '@!@!@STARTMSG 2121:1 @!@!@',
  'The behavior up to this point is:',
  '@!@!@ENDMSG 2121 @!@!@',
  '@!@!@STARTMSG 2217:4 @!@!@',
  '1: <Initial predicate>',
  '/\\ big = 0',
  '/\\ small = 0',
  '',
  '@!@!@ENDMSG 2217 @!@!@',
  '@!@!@STARTMSG 2217:4 @!@!@',
  '2: <FillBigJug line 68, col 18 to line 69, col 34 of module DieHard>',
  '/\\ big = 5',
  '/\\ small = 0',
  '',
  '@!@!@ENDMSG 2217 @!@!@',
  '@!@!@STARTMSG 2200:0 @!@!@',
  'Progress(7) at 2026-12-06 14:26:08: 73 states generated (1,582 s/min), 14 distinct states found (303 ds/min), 1 states left on queue.',
  '@!@!@ENDMSG 2200 @!@!@',
  '@!@!@STARTMSG 2199:0 @!@!@',
  '73 states generated, 14 distinct states found, 1 states left on queue.',
  '@!@!@ENDMSG 2199 @!@!@',
  '@!@!@STARTMSG 2194:0 @!@!@',
  'The depth of the complete state graph search is 7.',
  '@!@!@ENDMSG 2194 @!@!@',
].join('\n');

describe('TLC -tool output', () => {
  it('reads back as a result, whatever the chunks it arrives in', () => {
    const reader = toolReader();
    const messages = [
      ...reader.feed(TOOL.slice(0, 100)),
      ...reader.feed(TOOL.slice(100, 777)),
      ...reader.feed(TOOL.slice(777)),
      ...reader.end(),
    ];
    const r = resultFromTlc(messages.map(toolMessageAsText).join('\n'), 5);
    expect(r).toMatchObject({
      result: 'safety failure',
      violated: 'NotSolved',
      distinctStates: 14,
      generatedStates: 73,
      depth: 7,
      queueLeft: 1,
    });
    expect(r.trace?.states).toEqual(
      [
        { big: 0, small: 0 },
        { big: 5, small: 0 },
      ].map((s) =>
        Object.fromEntries(Object.entries(s).map(([k, v]) => [k, { '#bigint': String(v) }])),
      ),
    );
    expect(r.trace?.steps[1]).toMatchObject({ action: 'FillBigJug' });
  });

  it('without a jar, says how to get one', () => {
    const r = findTlc(undefined, {});
    expect('error' in r && r.error).toMatch(
      /tla2tools\.jar.*--tlc-jar PATH or set TLA2TOOLS_JAR.*github\.com\/tlaplus\/tlaplus\/releases/,
    );
  });
});

const MODELS: string[] = [
  'DieHard/DieHard.cfg',
  'DieHard/MCDieHarder.cfg',
  'N-Queens/Queens.toolbox/FourQueens/MC.cfg',
  'spanning/MC_spanning.cfg',
  'SpecifyingSystems/RealTime/MCRealTimeHourClock.cfg',
  'FiniteMonotonic/MCDistributedReplicatedLog.cfg',
  'Paxos/MCPaxos.cfg',
  'Paxos/MCVoting.cfg',
  'transaction_commit/TCommit.cfg',
  'transaction_commit/TwoPhase.cfg',
  'locks_auxiliary_vars/Lock.cfg',
  'CigaretteSmokers/CigaretteSmokers.cfg',
  'SpecifyingSystems/HourClock/HourClock.cfg',
  'SpecifyingSystems/AsynchronousInterface/AsynchInterface.cfg',
  'DiningPhilosophers/DiningPhilosophers.cfg',
];
/** Own specs: a deadlock, the Community Modules, a quorum of records. */
const OWN_MODELS = ['PermutationSort.cfg', 'Library.cfg', 'Quorums.cfg'];

function request(cfgPath: string): CheckRequest {
  const model = loadModel(cfgPath.replace(/\.cfg$/, '.tla'), cfgPath, []);
  return {
    files: model.files,
    mainModule: model.mainModule,
    cfg: model.cfgText,
    cfgName: basename(cfgPath),
    options: { workers: 1 },
  };
}

const why = tlcUnavailable() ?? (existsSync(JAR) ? undefined : `no jar at ${JAR}`);

/**
 * TLC's JVMs here run a second each: C1 alone (no C2 compiler) starts them about twice as fast
 * and keeps this file's runtime modest in CI. A user's long run wants C2; the CLI sets nothing.
 */
let javaOptions: string | undefined;
beforeAll(() => {
  javaOptions = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS = [javaOptions, '-XX:TieredStopAtLevel=1']
    .filter(Boolean)
    .join(' ');
});
afterAll(() => {
  if (javaOptions === undefined) delete process.env.JAVA_TOOL_OPTIONS;
  else process.env.JAVA_TOOL_OPTIONS = javaOptions;
});

describe.skipIf(why !== undefined)(
  '--engine tlc on the exported bundle, against our engine (java and the jar present)',
  () => {
    for (const config of [
      ...MODELS.map((m) => join(EXAMPLES, m)),
      ...OWN_MODELS.map((m) => join(OWN, m)),
    ]) {
      // TLC's runs overlap: while one JVM starts, another test's check runs here.
      it.concurrent(
        config.split('/').slice(-2).join('/'),
        async () => {
          const req = request(config);
          const [ours, tlc] = [await checkModel(req, {}), await checkWithTlc(req, {}, JAR)];
          expect(tlc.error?.message).toBeUndefined();
          expect({ result: tlc.result, distinct: tlc.distinctStates, depth: tlc.depth }).toEqual({
            result: ours.result,
            distinct: ours.distinctStates,
            depth: ours.depth,
          });
          if (ours.result === 'safety failure' || ours.result === 'deadlock failure')
            expect(tlc.trace?.states.length).toBe(ours.trace?.states.length);
        },
        120_000,
      );
    }
  },
);
/** What `specstage check … --json` prints, through the CLI's own entry. */
async function checkJson(argv: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  const out: string[] = [];
  const code = await runCheck([...argv, '--json'], {
    ...defaultCheckDeps,
    stdout: (l) => out.push(l),
    stderr: () => {},
    progressStream: undefined,
  });
  return { code, json: JSON.parse(out.join('\n')) as Record<string, unknown> };
}

describe.skipIf(why !== undefined)(
  'specstage check --engine tlc --json, as a CI job runs it',
  () => {
    for (const config of [
      join(EXAMPLES, 'DieHard/DieHard.cfg'),
      join(OWN, 'PermutationSort.cfg'),
    ]) {
      it.concurrent(
        `${basename(config)}: the JSON and exit code of our engine`,
        async () => {
          const args = [config.replace(/\.cfg$/, '.tla'), '--config', config];
          const ours = await checkJson(args);
          const tlc = await checkJson([...args, '--engine', 'tlc', '--tlc-jar', JAR]);
          const fields = (j: Record<string, unknown>) => ({
            result: j.result,
            violated: j.violated,
            distinctStates: j.distinctStates,
            depth: j.depth,
            states: (j.trace as { states?: unknown[] } | undefined)?.states?.length,
          });
          expect(ours.json.result).not.toBe('success');
          expect(fields(tlc.json)).toEqual(fields(ours.json));
          expect(tlc.code).toBe(ours.code);
        },
        120_000,
      );
    }
  },
);

/**
 * The folder `specstage export` writes, run by TLC with the command its README gives (the jar's
 * path put in): the same verdict and distinct states as our engine. Runs that find no error, so
 * that TLC's `-workers auto` gives those whatever the threads do (its depth, not: see below).
 */
describe.skipIf(why !== undefined)('the exported bundle, run by TLC unchanged', () => {
  const cases: { config: string; flags: string[] }[] = [
    // The Community Modules written beside the spec.
    { config: join(OWN, 'Library.cfg'), flags: [] },
    // SYMMETRY and a PROPERTY.
    { config: join(EXAMPLES, 'Paxos/MCVoting.cfg'), flags: [] },
    // A deadlock, not checked: the setting written into the .cfg.
    { config: join(OWN, 'PermutationSort.cfg'), flags: ['--no-deadlock'] },
  ];
  for (const { config, flags } of cases) {
    it.concurrent(
      `${basename(config)} ${flags.join(' ')}`,
      async () => {
        const spec = config.replace(/\.cfg$/, '.tla');
        const dir = mkdtempSync(join(tmpdir(), 'specstage-export-'));
        try {
          const out = join(dir, 'bundle');
          expect(
            await runExport(
              [spec, '--config', config, '--out', out, ...flags],
              () => true,
              () => true,
            ),
          ).toBe(0);
          const readme = readFileSync(join(out, 'README.md'), 'utf8');
          const command = /^java .*tlc2\.TLC .*$/m.exec(readme)![0].split(' ');
          const tlc = spawnSync(
            command[0],
            command.slice(1).map((a) => (a === 'tla2tools.jar' ? JAR : a)),
            { cwd: out, encoding: 'utf8', timeout: 110_000 },
          );
          const run = readTlcRun(tlc.stdout);
          const req = request(config);
          if (flags.includes('--no-deadlock'))
            req.options = { ...req.options, checkDeadlock: false };
          const ours = await checkModel(req, {});
          expect(run.finished).toBe(true);
          expect({ result: run.result, distinct: run.distinctStates }).toEqual({
            result: ours.result,
            distinct: ours.distinctStates,
          });
          // With several workers (the README's `-workers auto`), TLC's depth is the longest path
          // by which its threads first reached a state, which is the breadth-first depth only when
          // they keep in step: on a busy machine Library.cfg gave 6 for its depth of 4.
          expect(run.depth).toBeGreaterThanOrEqual(ours.depth);
          expect(ours.result).toBe('success');
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
      120_000,
    );
  }
});

if (why !== undefined) {
  describe('--engine tlc against our engine', () => {
    it.skip(`skipped: ${why}`, () => {});
  });
}

describe.skipIf(why !== undefined)(
  "--engine tlc: TLC's error has the kind our engine gives the same model, so the same exit code",
  () => {
    const module = (body: string) =>
      `---- MODULE M ----\nEXTENDS Naturals, Sequences\nVARIABLE x\n${body}\n====\n`;
    const cases: { name: string; body: string; cfg: string; kind: string; oursOnUse?: true }[] = [
      { name: 'a syntax error', body: "Init == x = \nNext == x' = x", cfg: '', kind: 'spec' },
      { name: 'an undefined name', body: "Init == x = y\nNext == x' = x", cfg: '', kind: 'spec' },
      {
        name: 'a constant the .cfg leaves unassigned',
        body: "CONSTANT N\nInit == x = N\nNext == x' = x",
        cfg: '',
        kind: 'config',
        oursOnUse: true,
      },
      {
        name: 'a next-state relation the spec does not define',
        body: "Init == x = 0\nNext == x' = x",
        cfg: 'NEXT Nxt\n',
        kind: 'config',
      },
      {
        name: 'Head of the empty sequence',
        body: "Init == x = Head(<<>>)\nNext == x' = x",
        cfg: '',
        kind: 'eval',
      },
      {
        name: 'CHOOSE with no witness, in a step',
        body: "Init == x = 0\nNext == x' = x + 1 /\\ x < 3 /\\ (x = 2 => CHOOSE y \\in {} : TRUE)",
        cfg: '',
        kind: 'eval',
      },
    ];
    for (const c of cases) {
      it.concurrent(
        c.name,
        async () => {
          const req: CheckRequest = {
            files: [{ name: 'M.tla', text: module(c.body) }],
            mainModule: 'M',
            cfg: `INIT Init\n${c.cfg || 'NEXT Next\n'}`,
            cfgName: 'M.cfg',
          };
          const [ours, tlc] = [await checkModel(req, {}), await checkWithTlc(req, {}, JAR)];
          // Ours reports a constant the .cfg leaves unassigned where it is first evaluated (an
          // evaluation error); TLC refuses the model before any state.
          if (!c.oursOnUse) expect(ours.error?.kind).toBe(c.kind);
          expect(tlc.result).toBe('error');
          expect(tlc.error?.kind, tlc.error?.message).toBe(c.kind);
        },
        120_000,
      );
    }
  },
);

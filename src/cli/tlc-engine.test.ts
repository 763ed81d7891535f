/**
 * `check --engine tlc`: TLC's `-tool` output read back into our result, and (when java and TLC's
 * jar are here) TLC run on the exported bundle of corpus models and own specs, giving the same
 * verdict, distinct states and depth as our engine: safety, deadlock and liveness violations,
 * SYMMETRY, the Community Modules.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../check/check';
import type { CheckRequest } from '../check/types';
import { toolMessageAsText, toolReader } from '../formats/tlc-output';
import { EXAMPLES } from '../../scripts/conformance/corpus';
import { OWN } from '../../scripts/conformance/own';
import { tlcUnavailable } from '../../scripts/conformance/tlc';
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
describe.skipIf(why !== undefined)(
  '--engine tlc on the exported bundle, against our engine (java and the jar present)',
  () => {
    for (const config of [
      ...MODELS.map((m) => join(EXAMPLES, m)),
      ...OWN_MODELS.map((m) => join(OWN, m)),
    ]) {
      it(
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
if (why !== undefined) {
  describe('--engine tlc against our engine', () => {
    it.skip(`skipped: ${why}`, () => {});
  });
}

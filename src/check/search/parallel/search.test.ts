/**
 * The search shared by several workers gives the sequential search's answer, field for field:
 * verdict, distinct and generated states, depth, queue, and the same counterexample. The workers
 * run here in one thread, talking over MessageChannels as they do between threads (pool.test.ts
 * runs them in worker threads).
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel, serveSearch } from '../../check';
import type { CheckRequest, CheckResult } from '../../contract/types';
import { channelNets, type ParallelNet } from './net';
import { dealShares } from './protocol';
import { setParallelStats, type WorkerStats } from './stats';
import { loadModel } from '../../../cli/load-model';
import { EXAMPLES } from '../../../../scripts/conformance/corpus';

// The peers join as soon as they are ready, however short the levels (by default a level must
// take the leader 100 ms alone): these small searches are shared. 'join only once...' below
// tests the default and others.
process.env.SPECSTAGE_PARALLEL_JOIN_MS = '0';
// A worker done with its part of a level takes part of a peer's whenever two states are left
// there (by default, only when they would take the peer 4 ms): the searches here are small.
process.env.SPECSTAGE_PARALLEL_STEAL_MS = '0';
process.env.SPECSTAGE_PARALLEL_STEAL_STATE_MS = '0';

/**
 * `peersAfterMs`: the peers start that late (the leader searches alone until they are ready).
 * `onWake`: the peers start only when the leader wakes them (net.wake, as the CLI's host does),
 * and `onWake` hears of it.
 */
async function shared(
  req: CheckRequest,
  count: number,
  shouldStop?: () => boolean,
  peersAfterMs = 0,
  onWake?: () => void,
  cpuMs?: () => number,
): Promise<CheckResult> {
  const all = channelNets(count);
  const late = () => new Promise((resolve) => setTimeout(resolve, peersAfterMs));
  const serve = (net: ParallelNet) =>
    peersAfterMs
      ? late().then(() => serveSearch(req, net, { shouldStop }))
      : serveSearch(req, net, { shouldStop });
  if (onWake) {
    let peers: Promise<void>[] | undefined;
    const wake = () => {
      if (peers) return;
      onWake();
      peers = all.slice(1).map(serve);
    };
    const result = await checkModel(req, {
      parallel: { ...all[0], wake, ...(cpuMs ? { cpuMs } : {}) },
      shouldStop,
    });
    if (peers) await Promise.all(peers);
    else for (const net of all.slice(1)) for (const p of net.ports) p?.close();
    return result;
  }
  const [result] = await Promise.all([
    checkModel(req, { parallel: all[0], shouldStop }),
    ...all.slice(1).map(serve),
  ]);
  return result;
}

/** The result without what differs from run to run. */
function essence(r: CheckResult): Omit<CheckResult, 'durationMs' | 'output'> {
  const { durationMs, output, ...rest } = r;
  void durationMs;
  void output;
  return rest;
}

async function expectSameForAllCounts(req: CheckRequest): Promise<CheckResult> {
  const sequential = await checkModel(req);
  for (const count of [1, 2, 3]) {
    expect(essence(await shared(req, count)), `${count} workers`).toEqual(essence(sequential));
  }
  return sequential;
}

function spec(text: string, cfg: string): CheckRequest {
  const name = /MODULE\s+(\w+)/.exec(text)![1];
  return { files: [{ name: `${name}.tla`, text }], mainModule: name, cfg, cfgName: `${name}.cfg` };
}

function corpus(config: string): CheckRequest {
  const cfg = `${EXAMPLES}/${config}`;
  const model = loadModel(cfg.replace(/\.cfg$/, '.tla'), cfg, []);
  return {
    files: model.files,
    mainModule: model.mainModule,
    cfg: model.cfgText,
    cfgName: basename(cfg),
  };
}

/** A counter pair whose graph has wide levels and many paths to each state. */
const grid = (extra: string) => `---- MODULE Grid ----
EXTENDS Naturals
VARIABLES x, y
Init == x \\in 0..2 /\\ y = 0
Next == \\/ x < 9 /\\ x' = x + 1 /\\ y' = y
        \\/ y < 9 /\\ y' = y + 1 /\\ x' = x
        \\/ x + y < 6 /\\ x' = x + 2 /\\ y' = (y + 1) % 10
${extra}
====`;

describe('the parallel search answers as the sequential one', () => {
  it('on a complete search', async () => {
    const r = await expectSameForAllCounts(
      spec(grid(''), 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE'),
    );
    expect(r.result).toBe('success');
    expect(r.distinctStates).toBe(100);
  });

  it("with every worker's Print lines in the output, once each (those of building the model once)", async () => {
    // An invariant prints a third of the states; an assumption prints while the model is built,
    // in every worker.
    const req = spec(
      `---- MODULE Prints ----
EXTENDS Naturals, TLC
VARIABLES x, y
ASSUME PrintT("built")
Init == x = 0 /\\ y = 0
Next == \\/ x < 59 /\\ x' = x + 1 /\\ y' = y
        \\/ y < 59 /\\ y' = y + 1 /\\ x' = x
Inv == (x + y) % 3 = 0 => PrintT(<<x, y>>)
====`,
      'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
    );
    const one = await checkModel(req);
    expect(one.output.length).toBe(1 + 1200);
    for (const count of [2, 3]) {
      const r = await shared(req, count);
      expect([...r.output].sort(), `${count} workers`).toEqual([...one.output].sort());
    }
  });

  it('on an invariant violated deep in a wide level, with the same trace', async () => {
    const r = await expectSameForAllCounts(
      spec(
        grid('Inv == ~(x = 7 /\\ y = 5)'),
        'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(r.result).toBe('safety failure');
    expect(r.trace!.states.at(-1)).toEqual({ x: { '#bigint': '7' }, y: { '#bigint': '5' } });
  });

  it('on an invariant violated by an initial state', async () => {
    const r = await expectSameForAllCounts(
      spec(grid('Inv == x # 1'), 'INIT Init\nNEXT Next\nINVARIANT Inv'),
    );
    expect(r.result).toBe('safety failure');
    expect(r.trace!.states).toHaveLength(1);
  });

  it('with many initial states, shared out: a violation among them, a constraint on them', async () => {
    const wide = `---- MODULE Wide ----
EXTENDS Naturals
VARIABLES x, y
Init == x \\in 0..40 /\\ y \\in 0..40
Next == x < 45 /\\ x' = x + 1 /\\ y' = y
Inv == x + y # 77
Small == y < 39
====`;
    const violated = await expectSameForAllCounts(
      spec(wide, 'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE'),
    );
    expect(violated.result).toBe('safety failure');
    expect(violated.trace!.states).toHaveLength(1);
    const constrained = await expectSameForAllCounts(
      spec(wide, 'INIT Init\nNEXT Next\nCONSTRAINT Small\nCHECK_DEADLOCK FALSE'),
    );
    expect(constrained.distinctStates).toBe(46 * 39);
  });

  it('with the enumeration of the initial states dealt out: duplicates, errors in and above a dealt branch', async () => {
    // Init's loops: x (30 choices), then \E d (10): the branches below x are dealt out; the first
    // disjunct's state is met outside any branch.
    const deal = (guard: string) => `---- MODULE Deal ----
EXTENDS Naturals
VARIABLES x, y, z
Init == \\/ x = 0 /\\ y = 0 /\\ z = 0
        \\/ /\\ x \\in 1..30
           /\\ ${guard}
           /\\ \\E d \\in 0..9 : y = (x * d) % 7
           /\\ z \\in {0, 1}
           /\\ IF x = 23 /\\ y = 4 /\\ z = 1 THEN BadInBranch ELSE TRUE
Next == x > 0 /\\ x' = x - 1 /\\ UNCHANGED <<y, z>>
Inv == ~(x = 17 /\\ y = 5)
====`;
    const cfg = 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE';
    const whole = await expectSameForAllCounts(
      spec(deal('TRUE').replace('BadInBranch', 'TRUE'), cfg),
    );
    expect(whole.result).toBe('success');
    expect(whole.generatedStates).toBeGreaterThan(whole.distinctStates);
    const violated = await expectSameForAllCounts(
      spec(deal('TRUE').replace('BadInBranch', 'TRUE'), `${cfg}\nINVARIANT Inv`),
    );
    expect(violated.result).toBe('safety failure');
    const inBranch = await expectSameForAllCounts(
      spec(deal('TRUE').replace('BadInBranch', '1 \\div 0 = 0'), cfg),
    );
    expect(inBranch.result).toBe('error');
    const above = await expectSameForAllCounts(
      spec(deal('(x = 29 => 1 \\div 0 = 0)').replace('BadInBranch', 'TRUE'), cfg),
    );
    expect(above.result).toBe('error');
    expect(above.generatedStates).toBeGreaterThan(inBranch.generatedStates);
  });

  it('on a deadlock', async () => {
    const r = await expectSameForAllCounts(spec(grid(''), 'INIT Init\nNEXT Next'));
    expect(r.result).toBe('deadlock failure');
  });

  it('with RandomElement in a constant and in a step: every worker draws the same', async () => {
    const req = spec(
      '---- MODULE R ----\nEXTENDS Naturals, FiniteSets, TLC\nVARIABLE x\n' +
        'G == RandomElement({S \\in SUBSET (1..8) : Cardinality(S) = 3})\n' +
        "Init == x \\in G\nNext == x' = (x + RandomElement(1..3)) % 40\nInv == x < 30\n====\n",
      'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
    );
    const r = await expectSameForAllCounts(req);
    expect(r.result).toBe('safety failure');
    // Replayed: each state of the counterexample is the one its predecessor's draw gives.
    expect(r.trace!.states.length).toBeGreaterThan(5);
    expect(essence(await checkModel(req))).toEqual(essence(r));
  });

  it("at a stop, TLC's figures: the depth reached, a violating step's new state counted", async () => {
    // TLC 2.20 -workers 1 on each spec: [result, distinct, generated, depth].
    const cases: [string, string, [string, number, number, number]][] = [
      [
        "Init == x \\in {1, 2}\nNext == x' = IF x = 2 THEN CHOOSE y \\in {} : TRUE ELSE x + 10",
        'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE',
        ['error', 3, 3, 2],
      ],
      [
        "Init == x \\in {1, 2}\nNext == x = 1 /\\ x' = 11",
        'INIT Init\nNEXT Next',
        ['deadlock failure', 3, 3, 2],
      ],
      [
        "Init == x \\in {1, 2}\nNext == x < 10 /\\ x' = x + 10\nSpec == Init /\\ [][Next]_x\nP == [][x' # 11]_x",
        'SPECIFICATION Spec\nPROPERTY P\nCHECK_DEADLOCK FALSE',
        ['safety failure', 3, 3, 2],
      ],
      [
        "Init == x \\in {1, 11}\nNext == x' = IF x = 1 THEN 11 ELSE x\nSpec == Init /\\ [][Next]_x\nP == [][~(x = 1 /\\ x' = 11)]_x",
        'SPECIFICATION Spec\nPROPERTY P\nCHECK_DEADLOCK FALSE',
        ['safety failure', 2, 3, 1],
      ],
      [
        "Init == x \\in {1, 2}\nNext == x < 10 /\\ x' = x + 10\nC == x < 12\nInv == x # 12",
        'INIT Init\nNEXT Next\nINVARIANT Inv\nCONSTRAINT C\nCHECK_DEADLOCK FALSE',
        ['safety failure', 3, 4, 2],
      ],
      [
        'Init == x \\in {1, 2, 3} /\\ (x < 3 \\/ CHOOSE y \\in {} : TRUE)\nNext == UNCHANGED x',
        'INIT Init\nNEXT Next',
        ['error', 2, 2, 1],
      ],
    ];
    for (const [body, cfg, [result, distinct, generated, depth]] of cases) {
      const r = await expectSameForAllCounts(
        spec(`---- MODULE D ----\nEXTENDS Naturals\nVARIABLE x\n${body}\n====\n`, cfg),
      );
      expect([r.result, r.distinctStates, r.generatedStates, r.depth], body).toEqual([
        result,
        distinct,
        generated,
        depth,
      ]);
    }
  });

  it('on an action property violated by a step', async () => {
    const r = await expectSameForAllCounts(
      spec(
        grid("Spec == Init /\\ [][Next]_<<x, y>>\nUp == [][x' + y' < 12]_<<x, y>>"),
        'SPECIFICATION Spec\nPROPERTY Up\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(r.result).toBe('safety failure');
    expect(r.violated).toBe('Up');
  });

  it('on an evaluation error in the next-state relation, and in an invariant', async () => {
    const inNext = await expectSameForAllCounts(
      spec(
        grid('Next2 == Next /\\ (x = 6 /\\ y = 3 => {1} \\cup 2)'),
        'INIT Init\nNEXT Next2\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(inNext.result).toBe('error');
    expect(inNext.error!.trace).toBeDefined();
    const inInvariant = await expectSameForAllCounts(
      spec(
        grid('Inv == x = 5 /\\ y = 5 => {} \\cup 1'),
        'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(inInvariant.result).toBe('error');
    // A successor without y': TLC counts it among the states generated, then reports it.
    const incomplete = await expectSameForAllCounts(
      spec(
        grid("Next3 == Next \\/ (x = 6 /\\ y = 3 /\\ x' = x)"),
        'INIT Init\nNEXT Next3\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(incomplete.error?.message).toContain("does not give y' a value");
    // Named as TLC names it: the disjunct that left y' out, with the value x' was given (TLC's
    // trace shows that successor as its last state, `x = 6`, `y = null`).
    expect(incomplete.error?.message).toContain(
      "in action Next3 (the successor's other variables: x' = 6)",
    );
    expect(incomplete.error?.range).toEqual({
      module: 'Grid',
      start: { line: 8, column: 19 },
      end: { line: 8, column: 43 },
    });
  });

  it('with A \\cdot B, whose middle states count as generated (at a violation too)', async () => {
    // TLC 2.20 (cdot on): 64 states generated, 19 distinct, 11 left on queue.
    const r = await expectSameForAllCounts(
      spec(
        `---- MODULE Cdot ----
EXTENDS Integers
VARIABLES x, y
Init == x = 0 /\\ y = 0
A == \\E i \\in 1..3 : x' = (x + i) % 7 /\\ y' = y
B == x # 2 /\\ (x' = x \\/ x' = (x + 1) % 7) /\\ y' = (y + 1) % 4
Next == (A \\cdot B) \\/ (x' = (x + 3) % 7 /\\ y' = y)
Inv == ~(x = 6 /\\ y = 3)
====`,
        'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(r).toMatchObject({ result: 'safety failure', generatedStates: 64, distinctStates: 19 });
  });

  it('with CONSTRAINT and ACTION_CONSTRAINT', async () => {
    const r = await expectSameForAllCounts(
      spec(
        grid("Small == x + y < 12\nNoJump == x' - x < 2"),
        'INIT Init\nNEXT Next\nCONSTRAINT Small\nACTION_CONSTRAINT NoJump\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(r.result).toBe('success');
  });

  it('with records, sets, sequences, strings and model values in the states', async () => {
    const r = await expectSameForAllCounts(
      spec(
        `---- MODULE Mixed ----
EXTENDS Naturals, Sequences
CONSTANTS A, B
VARIABLES log, owner, seen
Init == log = << >> /\\ owner = [r \\in {"r1", "r2"} |-> A] /\\ seen = {}
Next == \\E r \\in {"r1", "r2"}, p \\in {A, B} :
          /\\ Len(log) < 4
          /\\ owner' = [owner EXCEPT ![r] = p]
          /\\ log' = Append(log, [res |-> r, by |-> p])
          /\\ seen' = seen \\cup {<<r, p>>}
Inv == Len(log) < 4 \\/ seen # {<<"r1", A>>, <<"r2", B>>}
====`,
        'CONSTANTS A = A B = B\nINIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(r.result).toBe('safety failure');
  });

  it('on corpus models: symmetry, views, PlusCal', async () => {
    for (const config of [
      'SpecifyingSystems/CachingMemory/MCInternalMemory.cfg',
      'transaction_commit/TwoPhase.cfg',
      'N-Queens/Queens.toolbox/FourQueens/MC.cfg',
      'DieHard/DieHard.cfg',
    ]) {
      await expectSameForAllCounts(corpus(config));
    }
  }, 60_000);

  it('stops every worker on a cancel and reports what it found', async () => {
    const req = spec(grid(''), 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE');
    const r = await shared(req, 2, () => true);
    expect(r.stopped).toBe('cancelled');
  });

  it('stops at the memory budget with a message', async () => {
    const req = spec(grid(''), 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE');
    const r = await shared({ ...req, options: { memoryBudgetBytes: 1000 } }, 2);
    expect(r.stopped).toBe('memory budget');
    expect(r.error?.message).toMatch(
      /^Stopped at the memory budget after \d+ distinct states; \d+ left on the queue$/,
    );
    // Stopped among many initial states, some not yet judged by their owners: the partial figures
    // still count only states known to be new (the queue is part of the distinct states).
    const wide = spec(
      `---- MODULE WideInit ----\nEXTENDS Naturals\nVARIABLES x, y\nInit == x \\in 0..199 /\\ y \\in 0..199\nNext == UNCHANGED <<x, y>>\n====`,
      'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE',
    );
    const w = await shared({ ...wide, options: { memoryBudgetBytes: 1000 } }, 2);
    expect(w.stopped).toBe('memory budget');
    expect(w.distinctStates).toBeGreaterThan(0);
    expect(w.queueLeft).toBeLessThanOrEqual(w.distinctStates);
  });

  it('lets the peers go when the leader does not search (assumption failure)', async () => {
    const failing = spec(
      `---- MODULE Assume ----\nEXTENDS Naturals\nASSUME 1 = 2\nVARIABLE x\nInit == x = 0\nNext == x' = x\n====`,
      'INIT Init\nNEXT Next',
    );
    expect((await shared(failing, 2)).result).toBe('assumption failure');
  });
});

describe("workers that take part of a peer's level once done with theirs", () => {
  // Slow steps (each state's successors take a while), so that a worker is still expanding its
  // part when its peer asks: in one thread, it answers at its next pause (every 15 ms).
  const slow = (extra: string) => `---- MODULE Slow ----
EXTENDS Naturals
VARIABLES x, y
Cost == \\A i \\in 1..3000 : i + x >= y - 60
Init == x \\in 0..5 /\\ y = 0
Next == /\\ Cost
        /\\ \\/ x < 24 /\\ x' = x + 1 /\\ y' = y
           \\/ y < 24 /\\ y' = y + 1 /\\ x' = x
           \\/ x + y < 30 /\\ x' = (x + 3) % 25 /\\ y' = (y + 2) % 25
${extra}
====`;

  // The workers let messages in every 4 states (not every 15 ms): in one thread they then expand
  // their parts in turn, and one that is done asks a peer that still has states left (whether it
  // has two left depends on how the level splits: the last case checks that states moved).
  const takenIn: Record<number, number> = { 2: 0, 3: 0 };
  async function takenWith(req: CheckRequest): Promise<CheckResult> {
    const sequential = await checkModel(req);
    process.env.SPECSTAGE_PARALLEL_YIELD_MS = '0';
    try {
      for (const count of [2, 3]) {
        const stats: WorkerStats[] = [];
        setParallelStats((x) => stats.push(x));
        try {
          expect(essence(await shared(req, count)), `${count} workers`).toEqual(
            essence(sequential),
          );
        } finally {
          setParallelStats(undefined);
        }
        const taken = stats.reduce((n, x) => n + x.taken, 0);
        takenIn[count] += taken;
        expect(stats.reduce((n, x) => n + x.given, 0)).toBe(taken);
      }
    } finally {
      delete process.env.SPECSTAGE_PARALLEL_YIELD_MS;
    }
    return sequential;
  }

  it('on a complete search', async () => {
    const r = await takenWith(spec(slow(''), 'INIT Init\nNEXT Next\nCHECK_DEADLOCK FALSE'));
    expect(r.result).toBe('success');
    expect(r.distinctStates).toBe(625);
  }, 60_000);

  it('on an invariant violated deep, with the same trace and figures', async () => {
    const r = await takenWith(
      spec(
        slow('Inv == ~(x = 20 /\\ y = 17)'),
        'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(r.result).toBe('safety failure');
    expect(r.trace!.states.at(-1)).toEqual({ x: { '#bigint': '20' }, y: { '#bigint': '17' } });
  }, 60_000);

  it('on a deadlock and on an evaluation error', async () => {
    const dead = await takenWith(spec(slow(''), 'INIT Init\nNEXT Next'));
    expect(dead.result).toBe('deadlock failure');
    const error = await takenWith(
      spec(
        slow('Next2 == Next /\\ (x = 19 /\\ y = 22 => {1} \\cup 2)'),
        'INIT Init\nNEXT Next2\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(error.result).toBe('error');
  }, 60_000);

  it('on a liveness property: the same behaviour graph, the same lasso', async () => {
    const r = await takenWith(
      spec(
        slow('Spec == Init /\\ [][Next]_<<x, y>>\nProp == <>[](x + y > 40)'),
        'SPECIFICATION Spec\nPROPERTY Prop\nCHECK_DEADLOCK FALSE',
      ),
    );
    expect(r.result).toBe('liveness failure');
  }, 60_000);

  it('with states taken from peers in those searches, with 2 and with 3 workers', () => {
    expect(takenIn[2]).toBeGreaterThan(0);
    expect(takenIn[3]).toBeGreaterThan(0);
  });
});

describe('peers that join late', () => {
  it('give the same answer whenever they join: at the start, mid-search or never', async () => {
    const requests = [
      corpus('SpecifyingSystems/Liveness/MCLiveInternalMemory.cfg'),
      spec(grid('Inv == x + y < 17'), 'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE'),
      corpus('FiniteMonotonic/MCDistributedReplicatedLog.cfg'),
      // Many initial states (enough branches to deal out 16 shares per worker): peers that are
      // ready once the leader has enumerated some shares take the most of the rest; a duplicate
      // among them with a smaller key displaces the leader's.
      spec(
        `---- MODULE Wide ----\nEXTENDS Naturals\nVARIABLES x, y\nInit == \\E i \\in 0..4999 : x = i % 301 /\\ y = (i % 301) % 2\nNext == x < 305 /\\ x' = x + 1 /\\ y' = y\nInv == x + y # 304\n====`,
        'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
      ),
    ];
    for (const req of requests) {
      const one = essence(await checkModel(req));
      for (const [count, ms] of [
        [2, 1],
        [2, 20],
        [2, 200],
        [3, 200],
        [2, 3000],
      ])
        expect(
          essence(await shared(req, count, undefined, ms)),
          `${count} workers, peers after ${ms} ms`,
        ).toEqual(one);
    }
  }, 120_000);
});

describe('peers that join only once a level takes the leader long enough', () => {
  it('give the same answer whatever the threshold: never, at some level, in the initial level', async () => {
    const requests = [
      corpus('SpecifyingSystems/Liveness/MCLiveInternalMemory.cfg'),
      spec(grid('Inv == x + y < 17'), 'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE'),
      corpus('DieHard/MCDieHardest.cfg'),
      spec(
        `---- MODULE Wide ----\nEXTENDS Naturals\nVARIABLES x, y\nInit == \\E i \\in 0..4999 : x = i % 301 /\\ y = (i % 301) % 2\nNext == x < 305 /\\ x' = x + 1 /\\ y' = y\nInv == x + y # 304\n====`,
        'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
      ),
    ];
    try {
      for (const req of requests) {
        const one = essence(await checkModel(req));
        for (const ms of ['', '1', '5', '30']) {
          process.env.SPECSTAGE_PARALLEL_JOIN_MS = ms;
          for (const count of [2, 3])
            expect(
              essence(await shared(req, count)),
              `${count} workers, join after ${ms || 'default'} ms`,
            ).toEqual(one);
        }
      }
    } finally {
      process.env.SPECSTAGE_PARALLEL_JOIN_MS = '0';
    }
  }, 120_000);
});

describe('peers started only when the leader wakes them', () => {
  it('start once the search is worth sharing, and give the same answer', async () => {
    const requests = [
      spec(grid('Inv == x + y < 17'), 'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE'),
      corpus('DieHard/MCDieHardest.cfg'),
      spec(
        `---- MODULE Wide ----\nEXTENDS Naturals\nVARIABLES x, y\nInit == \\E i \\in 0..4999 : x = i % 301 /\\ y = (i % 301) % 2\nNext == x < 305 /\\ x' = x + 1 /\\ y' = y\nInv == x + y # 304\n====`,
        'INIT Init\nNEXT Next\nINVARIANT Inv\nCHECK_DEADLOCK FALSE',
      ),
    ];
    try {
      for (const req of requests) {
        const one = essence(await checkModel(req));
        for (const ms of ['0', '5', '']) {
          process.env.SPECSTAGE_PARALLEL_JOIN_MS = ms;
          for (const count of [2, 3]) {
            let woken = 0;
            expect(
              essence(await shared(req, count, undefined, 0, () => woken++)),
              `${count} workers, join after ${ms || 'default'} ms`,
            ).toEqual(one);
            expect(woken).toBeLessThanOrEqual(1);
            // At once when any level is worth sharing.
            if (ms === '0') expect(woken).toBe(1);
          }
        }
      }
      // A search too short to share never starts its peers: with a clock of the leader's CPU
      // (the CLI's), levels that take no time; with one that runs fast, the peers start.
      process.env.SPECSTAGE_PARALLEL_JOIN_MS = '';
      const small = spec(grid('Inv == TRUE'), 'INIT Init\nNEXT Next\nINVARIANT Inv');
      const one = essence(await checkModel(small));
      let woken = 0;
      expect(
        essence(
          await shared(
            small,
            2,
            undefined,
            0,
            () => woken++,
            () => 0,
          ),
        ),
      ).toEqual(one);
      expect(woken).toBe(0);
      let ms = 0;
      expect(
        essence(
          await shared(
            small,
            2,
            undefined,
            0,
            () => woken++,
            () => (ms += 60),
          ),
        ),
      ).toEqual(one);
      expect(woken).toBe(1);
    } finally {
      process.env.SPECSTAGE_PARALLEL_JOIN_MS = '0';
    }
  }, 120_000);
});

describe('the initial shares left when peers join', () => {
  it('go to the workers with the fewest, so that all end even', () => {
    const counts = (owner: Int32Array, count: number) =>
      Array.from({ length: count }, (_, w) => owner.filter((o) => o === w).length);
    expect(counts(dealShares(32, 0, 2), 2)).toEqual([16, 16]);
    expect(Array.from(dealShares(8, 3, 2))).toEqual([0, 0, 0, 1, 1, 1, 0, 1]);
    expect(counts(dealShares(48, 5, 3), 3)).toEqual([16, 16, 16]);
    expect(counts(dealShares(48, 30, 3), 3)).toEqual([30, 9, 9]);
  });
});

describe('liveness on the behaviour graph the workers gather', () => {
  const live = (property: string, fairness: string) =>
    spec(
      grid(`Spec == Init /\\ [][Next]_<<x, y>> ${fairness}\nProp == ${property}`),
      'SPECIFICATION Spec\nPROPERTY Prop\nCHECK_DEADLOCK FALSE',
    );

  it('holds as with one worker: same counts', async () => {
    const r = await expectSameForAllCounts(live('<>(x + y > 3)', '/\\ WF_<<x, y>>(Next)'));
    expect(r.result).toBe('success');
    expect(r.distinctStates).toBe(100);
    expect(r.uncheckedProperties).toBeUndefined();
  });

  it('fails as with one worker: same counts and the same lasso, with its labels', async () => {
    // Without fairness x and y may stop growing; with it, x + y = 18 is the end, never 0 again.
    const r = await expectSameForAllCounts(live('[]<>(x + y = 0)', '/\\ WF_<<x, y>>(Next)'));
    expect(r.result).toBe('liveness failure');
    expect(r.violated).toBe('Prop');
    const t = r.trace!;
    expect(t.loop).toBeDefined();
    expect(t.steps[0].label).toBe('Initial predicate');
    expect(t.steps.slice(1).every((s) => s.action === 'Next')).toBe(true);
    // Each step of the lasso is a step of Next (the search replayed it), the loop closes on a state of it.
    expect(t.states.length).toBe(t.steps.length);
  });

  // The workers evaluate the action atoms of <>[]A on the steps and stuttering steps they hold
  // (liveness/graph.ts, AtomRows); the leader the others (state atoms, ENABLED, WF/SF, []<>A) as
  // one worker does. Same verdicts, same lassos, same failures.
  const ring = (fairness: string, property: string) =>
    spec(
      `---- MODULE Ring ----
EXTENDS Naturals
VARIABLES x, y
vars == <<x, y>>
Init == x \\in 0..1 /\\ y = 0
IncX == x < 5 /\\ x' = x + 1 /\\ y' = y
IncY == y < 3 /\\ y' = y + 1 /\\ x' = x
ResetX == x = 5 /\\ x' = 0 /\\ y' = y
ResetY == y = 3 /\\ y' = 0 /\\ x' = x
Next == IncX \\/ IncY \\/ ResetX \\/ ResetY
Spec == Init /\\ [][Next]_vars /\\ ${fairness}
Prop == ${property}
====`,
      'SPECIFICATION Spec\nPROPERTY Prop\n',
    );
  it.each([
    ['WF_vars(IncX) /\\ WF_vars(ResetX)', '[]<>(x = 5)', 'success'],
    ['WF_vars(IncX) /\\ WF_vars(ResetX)', '[]<>(y = 3)', 'liveness failure'],
    ['SF_vars(IncY) /\\ WF_vars(ResetY)', '[]<>(y = 0)', 'success'],
    ['SF_vars(IncY) /\\ WF_vars(IncX)', '<>[](x < 5)', 'liveness failure'],
    ['WF_vars(IncX)', '[]<><<IncY>>_vars', 'liveness failure'],
    ['WF_vars(IncX) /\\ WF_vars(ResetX)', '[]<><<IncX>>_vars', 'success'],
    ['WF_vars(Next)', '<>[][IncX \\/ ResetX]_vars', 'liveness failure'],
    ['WF_vars(Next) /\\ <>[][IncX \\/ ResetX]_vars', '<>[][IncX \\/ ResetX]_vars', 'success'],
    ['WF_vars(IncX) /\\ WF_vars(ResetX) /\\ <>[][IncX \\/ ResetX]_vars', '[]<>(x = 0)', 'success'],
    [
      'WF_vars(IncX) /\\ WF_vars(ResetX) /\\ <>[][IncX \\/ ResetX]_vars',
      '[]<>(y = 3)',
      'liveness failure',
    ],
    ['WF_vars(Next)', '[]<>(ENABLED IncY)', 'liveness failure'],
    ['WF_vars(IncX)', '(x = 1) ~> (y = 3)', 'liveness failure'],
    ['WF_vars(IncX) /\\ WF_vars(IncY) /\\ WF_vars(ResetY)', '(x = 1) ~> (y = 3)', 'success'],
    // Atoms whose evaluation fails in some states or steps: the same failure, met at the same
    // point, and the trace to a state where it fails (TLC 2.20 stops with "The second argument of
    // \\div is 0" on each).
    [
      'WF_vars(IncX) /\\ WF_vars(ResetX)',
      '[]<>(IF x = 4 /\\ y = 3 THEN 1 \\div 0 = 0 ELSE x = 5)',
      { x: 4n, y: 3n },
    ],
    [
      'WF_vars(IncX) /\\ WF_vars(ResetX)',
      '[]<>(IF y = 2 THEN 1 \\div 0 = 0 ELSE y = 3)',
      { y: 2n },
    ],
    [
      "WF_vars(Next) /\\ <>[][IF x' = 4 THEN 1 \\div 0 = 0 ELSE IncX \\/ ResetX]_vars",
      '[]<>(y = 3)',
      {},
    ],
  ])('fairness %s, property %s: %s as with one worker', async (fairness, property, result) => {
    const r = await expectSameForAllCounts(ring(fairness, property));
    if (typeof result === 'string') expect(r.result).toBe(result);
    else {
      // An error, not a property left unchecked beside "no error found".
      expect(r.result).toBe('error');
      expect(r.uncheckedProperties).toBeUndefined();
      expect(r.error?.message).toContain('The second argument of \\div is 0');
      const states = r.error!.trace!.states;
      const last = states[states.length - 1];
      for (const [v, n] of Object.entries(result))
        expect(last[v], JSON.stringify(last)).toEqual({ '#bigint': String(n) });
    }
  });

  it.each([
    ["PrintT(<<x, y, x', y'>>)", 'PrintT'],
    ["Print(x', TRUE)", 'Print'],
    ["Seen(x')", 'PrintT through a definition'],
    ['LET s == RandomElement(0..9) IN PrintT(s) /\\ s \\in 0..9', 'RandomElement'],
    ["TLCSet(1, x') /\\ TLCGet(1) \\in Nat /\\ PrintT(TLCGet(1))", 'TLCSet and TLCGet'],
  ])(
    'with %s in a <>[][A]_v of the fairness (%s): the leader evaluates it, the same lines as one worker',
    async (effect) => {
      // Such an atom stays lazy (liveness/checker.ts, atomRows): evaluated by the leader, where
      // and when one worker evaluates it, not by the worker that generates the step.
      const req = spec(
        `---- MODULE RingPrint ----
EXTENDS Naturals, TLC
VARIABLES x, y
vars == <<x, y>>
Init == x \\in 0..1 /\\ y = 0
IncX == x < 5 /\\ x' = x + 1 /\\ y' = y
IncY == y < 3 /\\ y' = y + 1 /\\ x' = x
ResetX == x = 5 /\\ x' = 0 /\\ y' = y
ResetY == y = 3 /\\ y' = 0 /\\ x' = x
Next == IncX \\/ IncY \\/ ResetX \\/ ResetY
Seen(v) == PrintT(<<"seen", v>>)
A == ${effect} /\\ (IncX \\/ ResetX)
Spec == Init /\\ [][Next]_vars /\\ WF_vars(IncX) /\\ WF_vars(ResetX) /\\ <>[][A]_vars
Prop == []<>(y = 3)
====`,
        'SPECIFICATION Spec\nPROPERTY Prop\n',
      );
      const one = await checkModel(req);
      expect(one.result).toBe('liveness failure');
      expect(one.output.length).toBeGreaterThan(0);
      for (const count of [2, 3]) {
        const r = await shared(req, count);
        expect(essence(r), `${count} workers`).toEqual(essence(one));
        expect(r.output, `${count} workers`).toEqual(one.output);
      }
    },
  );

  it('on corpus models with liveness properties and fairness', async () => {
    for (const config of [
      'SpecifyingSystems/Liveness/MCLiveInternalMemory.cfg',
      'ewd840/EWD840.cfg',
      // A liveness failure: the lasso is the one a single worker finds.
      'FiniteMonotonic/MCDistributedReplicatedLog.cfg',
      'SpecifyingSystems/RealTime/MCRealTimeHourClock.cfg',
    ]) {
      await expectSameForAllCounts(corpus(config));
    }
  }, 60_000);

  it("counts each worker's part of the behaviour graph in the memory budget", async () => {
    // 160,000 states: two workers search them within 44 MB (each its shard and its sent-fingerprint
    // cache, 17 MB with the keys and levels), not with the states kept for liveness besides (14 MB).
    const text = `---- MODULE Grid ----
EXTENDS Naturals
VARIABLES x, y
Next == \\/ x < 399 /\\ x' = x + 1 /\\ UNCHANGED y
        \\/ y < 399 /\\ y' = y + 1 /\\ UNCHANGED x
        \\/ x = 399 /\\ y = 399 /\\ UNCHANGED <<x, y>>
Spec == x = 0 /\\ y = 0 /\\ [][Next]_<<x, y>> /\\ WF_<<x, y>>(Next)
Prop == <>(x = 399 /\\ y = 399)
====`;
    const run = (cfg: string) =>
      shared(
        {
          files: [{ name: 'Grid.tla', text }],
          mainModule: 'Grid',
          cfg,
          cfgName: 'Grid.cfg',
          options: { memoryBudgetBytes: 44e6 },
        },
        2,
      );
    const safety = await run('SPECIFICATION Spec\n');
    expect(safety.stopped).toBeUndefined();
    expect(safety.distinctStates).toBe(160000);
    const live = await run('SPECIFICATION Spec\nPROPERTY Prop\n');
    expect(live.stopped).toBe('memory budget');
    expect(live.uncheckedProperties).toEqual(['Prop']);
  }, 30_000);
});

/**
 * The sequence mapping inferred, and the diagram built, from real traces: the engine replays
 * chosen behaviours of corpus specs (two-phase commit, Paxos, EWD998 with channels).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../../scripts/conformance/corpus';
import { checkModel } from '../../../../check/check';
import { exploreModel } from '../../../../check/explore/explore';
import type { Trace } from '../../../../check/contract/types';
import { buildDiagram } from './diagram';
import type { SequenceDiagram } from './types';
import { inferMapping } from './inferMapping';
import type { TraceState } from '../../../../trace/value';

function specFiles(dir: string) {
  const files = new Map<string, string>();
  for (const d of [join(EXAMPLES, dir)]) {
    for (const name of readdirSync(d))
      if (name.endsWith('.tla') && !files.has(name))
        files.set(name, readFileSync(join(d, name), 'utf8'));
  }
  return [...files].map(([name, text]) => ({ name, text }));
}

/**
 * Replays a behaviour given by its steps' labels (the first matching choice at each step), from
 * the first initial state that `start` accepts.
 */
async function walk(
  dir: string,
  mainModule: string,
  cfg: string,
  labels: string[],
  start: (s: TraceState) => boolean = () => true,
): Promise<Trace> {
  const request = { files: specFiles(dir), mainModule, cfg };
  const initial = await exploreModel({ ...request, path: [] });
  const path: number[] = [initial.choices.findIndex((c) => start(c.state))];
  for (const label of labels) {
    const { choices, error } = await exploreModel({ ...request, path });
    expect(error).toBeUndefined();
    const k = choices.findIndex((c) => c.label === label);
    if (k < 0)
      throw new Error(
        `no step ${label} after ${path.length} states; offered: ${choices.map((c) => c.label).join(', ')}`,
      );
    path.push(k);
  }
  return (await exploreModel({ ...request, path })).trace;
}

const lifeline = (d: SequenceDiagram, name: string) => d.lifelines.find((l) => l.name === name)!.id;
const stepOf = (trace: Trace, label: string) => trace.steps.findIndex((s) => s.label === label);

describe('two-phase commit (TwoPhase)', async () => {
  const cfg = readFileSync(join(EXAMPLES, 'transaction_commit/TwoPhase.cfg'), 'utf8');
  const trace = await walk('transaction_commit', 'TwoPhase', cfg, [
    'RMPrepare(r1)',
    'RMPrepare(r2)',
    'TMRcvPrepared(r1)',
    'RMPrepare(r3)',
    'TMRcvPrepared(r2)',
    'TMRcvPrepared(r3)',
    'TMCommit',
    'RMRcvCommitMsg(r2)',
    'RMRcvCommitMsg(r1)',
  ]);
  const mapping = inferMapping(trace);
  const d = buildDiagram(trace, mapping);

  it('finds the message set, the RMs and the TM (by the tm prefix)', () => {
    expect(mapping).toEqual({
      messages: { variable: 'msgs', shape: 'set' },
      notes: ['rmState', 'tmState', 'tmPrepared'],
    });
    expect(d.lifelines.map((l) => `${l.name}:${l.kind}`)).toEqual([
      'tm:role',
      'r1:process',
      'r2:process',
      'r3:process',
    ]);
  });

  it('sends Prepared from each RM to the TM, received where the TM names it', () => {
    const prepared = d.messages.filter((m) => m.text.startsWith('Prepared'));
    expect(prepared.map((m) => [m.text, m.from, m.sendStep, m.receipts])).toEqual(
      ['r1', 'r2', 'r3'].map((rm) => [
        `Prepared rm=${rm}`,
        lifeline(d, rm),
        stepOf(trace, `RMPrepare(${rm})`),
        [{ step: stepOf(trace, `TMRcvPrepared(${rm})`), by: lifeline(d, 'tm') }],
      ]),
    );
  });

  it('broadcasts Commit from the TM, received by each RM that acts on it', () => {
    const commit = d.messages.find((m) => m.text === 'Commit')!;
    expect(commit.from).toBe(lifeline(d, 'tm'));
    expect(commit.receipts).toEqual([
      { step: stepOf(trace, 'RMRcvCommitMsg(r2)'), by: lifeline(d, 'r2') },
      { step: stepOf(trace, 'RMRcvCommitMsg(r1)'), by: lifeline(d, 'r1') },
    ]);
  });

  it('notes local state changes on the lifeline they belong to, and each step’s actor', () => {
    const commitStep = stepOf(trace, 'TMCommit');
    expect(d.steps[commitStep].actor).toBe(lifeline(d, 'tm'));
    expect(d.notes.filter((n) => n.step === commitStep)).toEqual([
      { step: commitStep, lifeline: lifeline(d, 'tm'), lines: ['tmState = "committed"'] },
    ]);
    const first = d.notes.filter((n) => n.step === 0);
    expect(first).toContainEqual({
      step: 0,
      lifeline: lifeline(d, 'r1'),
      lines: ['rmState = "working"'],
    });
    expect(first).toContainEqual({
      step: 0,
      lifeline: lifeline(d, 'tm'),
      lines: ['tmState = "init"', 'tmPrepared = {}'],
    });
  });
});

describe('Paxos (three acceptors)', async () => {
  const cfg = `CONSTANTS a1 = a1 a2 = a2 a3 = a3 v1 = v1 v2 = v2 None = None
  Acceptor = {a1, a2, a3}
  Value = {v1, v2}
  Quorum = {{a1, a2}, {a1, a3}, {a2, a3}}
  Ballot <- MCBallot
SPECIFICATION Spec
INVARIANT Inv1`;
  const trace = await walk('Paxos', 'MCPaxos', cfg, [
    'Phase1a(0)',
    'Phase1b(a1)',
    'Phase1b(a2)',
    'Phase2a(0, v1)',
    'Phase2b(a1, [type |-> "2a", bal |-> 0, val |-> v1])',
    'Phase2b(a3, [type |-> "2a", bal |-> 0, val |-> v1])',
  ]);
  const mapping = inferMapping(trace);
  const d = buildDiagram(trace, mapping);

  it('finds the message set and the acceptors; the leaders, unnamed by the spec, are “others”', () => {
    expect(mapping).toEqual({
      messages: { variable: 'msgs', shape: 'set' },
      notes: ['maxBal', 'maxVBal', 'maxVal'],
    });
    expect(d.lifelines.map((l) => l.name)).toEqual(['a1', 'a2', 'a3', 'others']);
    expect(d.steps[stepOf(trace, 'Phase2a(0, v1)')].actor).toBe('o:');
  });

  it('sends each phase’s messages from the process that acts', () => {
    expect(
      d.messages.map((m) => [m.text.split(' ')[0], d.lifelines.find((l) => l.id === m.from)?.name]),
    ).toEqual([
      ['1a', 'others'],
      ['1b', 'a1'],
      ['1b', 'a2'],
      ['2a', 'others'],
      ['2b', 'a1'],
      ['2b', 'a3'],
    ]);
    // Fields in the order TLC prints them; the type first.
    expect(d.messages[1].text.split(' ').sort()).toEqual([
      '1b',
      'acc=a1',
      'bal=0',
      'mbal=-1',
      'mval=None',
    ]);
    expect(d.messages[1].text).toMatch(/^1b /);
  });

  it('receives the 2a message where Phase2b takes it as its parameter', () => {
    const twoA = d.messages.find((m) => m.text === '2a bal=0 val=v1')!;
    expect(
      twoA.receipts.map((r) => [
        trace.steps[r.step].action,
        d.lifelines.find((l) => l.id === r.by)?.name,
      ]),
    ).toEqual([
      ['Phase2b', 'a1'],
      ['Phase2b', 'a3'],
    ]);
  });
});

describe('EWD998 with channels (inbox per node)', async () => {
  const cfg =
    'CONSTANTS N = 3\nCONSTRAINTS StateConstraint\nSPECIFICATION Spec\nINVARIANT TypeOK\nCHECK_DEADLOCK FALSE\n';
  // Node 0 active, the others not.
  const active = (s: TraceState) =>
    JSON.stringify(s.active) ===
    JSON.stringify({
      '#map': [
        [{ '#bigint': '0' }, true],
        [{ '#bigint': '1' }, false],
        [{ '#bigint': '2' }, false],
      ],
    });
  const trace = await walk(
    'ewd998',
    'EWD998Chan',
    cfg,
    ['SendMsg(0)', 'SendMsg(0)', 'RecvMsg(1)', 'Deactivate(0)'],
    active,
  );
  const mapping = inferMapping(trace);
  const d = buildDiagram(trace, mapping);

  it('reads the inbox function as channels whose argument is the receiver', () => {
    expect(mapping).toEqual({
      messages: { variable: 'inbox', shape: 'inbox', container: 'seq' },
      notes: ['active', 'color', 'counter'],
    });
    expect(d.lifelines.map((l) => l.name)).toEqual(['0', '1', '2']);
  });

  it('draws payload messages from sender to receiver, received when they leave the inbox', () => {
    const payloads = d.messages.filter((m) => m.text === 'pl');
    expect(payloads).toHaveLength(2);
    for (const m of payloads) expect(m.from).toBe(lifeline(d, '0'));
    const received = payloads.find((m) => m.receipts.length > 0)!;
    expect(received.to).toBe(lifeline(d, '1'));
    expect(received.receipts).toEqual([
      { step: stepOf(trace, 'RecvMsg(1)'), by: lifeline(d, '1') },
    ]);
    // The token was in an inbox from the start.
    const token = d.messages.find((m) => m.text.startsWith('tok'))!;
    expect(token).toMatchObject({ sendStep: 0, from: undefined });
  });
});

/**
 * What every channel-style diagram must be: each arrow one message, from a lifeline to another,
 * received (if at all) by its receiver; never a whole queue or set drawn as one message.
 */
function oneMessagePerArrow(d: SequenceDiagram) {
  for (const m of d.messages) {
    expect(m.from, m.text).toBeDefined();
    expect(m.to, m.text).toBeDefined();
    expect(m.from).not.toBe(m.to);
    expect(m.text).not.toMatch(/^(<<|\{)/);
    for (const r of m.receipts) expect(r.by).toBe(m.to);
  }
}

describe('Echo (an inbox per node, a set of messages naming their sender)', async () => {
  const cfg = readFileSync(join(EXAMPLES, 'echo/MCEcho.cfg'), 'utf8');
  const trace = await walk('echo', 'MCEcho', cfg, [
    'n0("a")',
    'n0("b")',
    'n1("b")',
    'n0("c")',
    'n1("c")',
    'n1("b")',
  ]);
  const mapping = inferMapping(trace);
  const d = buildDiagram(trace, mapping);

  it('reads inbox as channels to the receiver, sndr as the sender', () => {
    expect(mapping.messages).toEqual({
      variable: 'inbox',
      shape: 'inbox',
      container: 'set',
      senderField: 'sndr',
    });
    expect(d.lifelines.map((l) => l.name)).toEqual(['a', 'b', 'c']);
  });

  it('draws each message from its sender to its receiver', () => {
    oneMessagePerArrow(d);
    expect(d.messages.slice(0, 2).map((m) => [m.from, m.to, m.sendStep])).toEqual([
      [lifeline(d, 'a'), lifeline(d, 'b'), 1],
      [lifeline(d, 'a'), lifeline(d, 'c'), 1],
    ]);
  });
});

describe('ChangRoberts (msgs: a set of ids waiting at each node)', async () => {
  const cfg = readFileSync(join(EXAMPLES, 'chang_roberts/MCChangRoberts.cfg'), 'utf8');
  const everyoneStarts = (s: TraceState) =>
    JSON.stringify(s.initiator) === JSON.stringify([true, true, true]);
  const trace = await walk(
    'chang_roberts',
    'MCChangRoberts',
    cfg,
    ['n0(1)', 'n0(2)', 'n1(2)', 'n0(3)', 'n1(1)', 'n1(3)'],
    everyoneStarts,
  );
  const mapping = inferMapping(trace);
  const d = buildDiagram(trace, mapping);

  it('passes each id to the next node on the ring, received when it leaves the set', () => {
    expect(mapping.messages).toEqual({ variable: 'msgs', shape: 'inbox', container: 'set' });
    oneMessagePerArrow(d);
    const ring = d.messages.map((m) => `${m.text}: ${name(d, m.from)}→${name(d, m.to)}`);
    expect(ring.slice(0, 4)).toEqual(['1: 1→2', '2: 2→3', '1: 2→3', '3: 3→1']);
  });
});

describe('EWD687a (msgs: a count of messages in flight on each edge)', async () => {
  const cfg = readFileSync(join(EXAMPLES, 'ewd687a/MCEWD687a.cfg'), 'utf8');
  const trace = await walk('ewd687a', 'MCEWD687a', cfg, [
    'SendMsg(L)',
    'SendMsg(L)',
    'RcvMsg(P1, <<L, P1>>)',
  ]);
  const mapping = inferMapping(trace);
  const d = buildDiagram(trace, mapping);

  it('reads the counts per edge as messages from the edge’s first process to its second', () => {
    expect(mapping.messages).toEqual({ variable: 'msgs', shape: 'pairs', container: 'count' });
    oneMessagePerArrow(d);
    expect(d.messages.map((m) => [name(d, m.from), name(d, m.to), m.sendStep, m.receipts])).toEqual(
      [
        ['L', 'P1', 1, [{ step: 3, by: lifeline(d, 'P1') }]],
        ['L', 'P1', 2, []],
      ],
    );
  });
});

describe('PingPong (network[p][q]: a FIFO channel per ordered pair, as LamportMutex has)', async () => {
  const dir = new URL('../../../../../e2e/specs/', import.meta.url).pathname;
  const files = [{ name: 'PingPong.tla', text: readFileSync(join(dir, 'PingPong.tla'), 'utf8') }];
  const result = await checkModel({
    files,
    mainModule: 'PingPong',
    cfg: readFileSync(join(dir, 'PingPong.cfg'), 'utf8'),
  });
  const trace = result.trace!;
  const mapping = inferMapping(trace);
  const d = buildDiagram(trace, mapping);

  it('finds a channel per pair, the outer key the sender', () => {
    expect(mapping.messages).toEqual({
      variable: 'network',
      shape: 'nested',
      keys: ['sender', 'receiver'],
      container: 'seq',
    });
    expect(d.lifelines.map((l) => l.name)).toEqual(['1', '2', '3']);
  });

  it('draws one message per arrow, not the queues that hold them', () => {
    // TLC's counterexample (TLC 2.20: Ping(2,1), Pong(1,2), Done(2,1)): `\E p, q \in Proc`
    // varies p fastest.
    expect(trace.steps.map((s) => s.label)).toEqual([
      'Initial predicate',
      'Ping(2, 1)',
      'Pong(1, 2)',
      'Done(2, 1)',
    ]);
    oneMessagePerArrow(d);
    expect(d.messages.map((m) => [m.text, name(d, m.from), name(d, m.to), m.sendStep])).toEqual([
      ['ping seq=0', '2', '1', 1],
      ['pong seq=0', '1', '2', 2],
    ]);
    expect(d.messages.map((m) => m.receipts.map((r) => r.step))).toEqual([[2], [3]]);
  });
});

function name(d: SequenceDiagram, id: string | undefined) {
  return d.lifelines.find((l) => l.id === id)?.name;
}

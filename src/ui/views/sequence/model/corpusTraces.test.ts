/**
 * The sequence mapping inferred, and the diagram built, from real traces: the engine replays
 * chosen behaviours of corpus specs (two-phase commit, Paxos, EWD998 with channels).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../../../../scripts/conformance/corpus';
import { exploreModel } from '../../../../check/explore';
import type { Trace, TraceState } from '../../../../check/types';
import { buildDiagram, type SequenceDiagram } from './diagram';
import { inferMapping } from './inferMapping';

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

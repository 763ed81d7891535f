/** The message shapes the inference knows, on small hand-made traces. */
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../../check/contract/types';
import { buildDiagram } from './diagram';
import { actionOfRole, inferMapping, namePrefix, rolesOf } from './inferMapping';
import { validMapping } from './mapping';
import type { TraceState, TraceValue } from '../../../../trace/value';

const int = (n: number): TraceValue => ({ '#bigint': String(n) });
const mv = (name: string): TraceValue => ({ '#mv': name });
const set = (...xs: TraceValue[]): TraceValue => ({ '#set': xs });
const fn = (...entries: [TraceValue, TraceValue][]): TraceValue => ({ '#map': entries });

function trace(
  vars: string[],
  states: TraceState[],
  labels: string[],
  params: TraceValue[][] = [],
): Trace {
  return {
    vars,
    states,
    steps: labels.map((label, i) => ({
      action: label.replace(/\(.*/, ''),
      label,
      params: (params[i] ?? []).map((value, k) => ({ name: `p${k}`, value })),
    })),
  };
}

const p = mv('p');
const q = mv('q');
const pc = (a: string, b: string) => fn([p, a], [q, b]);

describe('message shapes', () => {
  it('a sequence of records with src/dst fields: a FIFO network', () => {
    const m1 = { src: p, dst: q, body: 'hi' };
    const t = trace(
      ['net', 'pc'],
      [
        { net: [], pc: pc('idle', 'idle') },
        { net: [m1], pc: pc('sent', 'idle') },
        { net: [], pc: pc('sent', 'got') },
      ],
      ['Init', 'Send(p)', 'Recv(q)'],
      [[], [p], [q]],
    );
    const mapping = inferMapping(t);
    expect(mapping).toEqual({
      messages: { variable: 'net', shape: 'seq', senderField: 'src', receiverField: 'dst' },
      notes: ['pc'],
    });
    const d = buildDiagram(t, mapping);
    expect(d.lifelines.map((l) => l.name)).toEqual(['p', 'q']);
    expect(d.messages).toEqual([
      expect.objectContaining({
        sendStep: 1,
        from: d.lifelines[0].id,
        to: d.lifelines[1].id,
        text: 'body=hi',
        receipts: [{ step: 2, by: d.lifelines[1].id }],
      }),
    ]);
  });

  it('a bag of messages (a function to counts): sent as a count rises, received as it falls', () => {
    const m = { type: 'req', from: p, to: q };
    const bag = (n: number): TraceValue => (n === 0 ? [] : fn([m, int(n)]));
    const t = trace(
      ['msgs'],
      [{ msgs: bag(0) }, { msgs: bag(1) }, { msgs: bag(2) }, { msgs: bag(1) }],
      ['Init', 'Send', 'Send', 'Deliver'],
    );
    const mapping = inferMapping(t);
    expect(mapping.messages).toEqual({
      variable: 'msgs',
      shape: 'bag',
      senderField: 'from',
      receiverField: 'to',
    });
    const d = buildDiagram(t, mapping);
    expect(d.messages.map((x) => [x.sendStep, x.receipts.map((r) => r.step)])).toEqual([
      [1, [3]],
      [2, []],
    ]);
  });

  it('channels between pairs: [<<p, q>> -> Seq(Msg)], sender first', () => {
    const chan = (pq: TraceValue[], qp: TraceValue[]) => fn([[p, q], pq], [[q, p], qp]);
    const t = trace(
      ['chan', 'state'],
      [
        { chan: chan([], []), state: pc('a', 'a') },
        { chan: chan(['ping'], []), state: pc('b', 'a') },
        { chan: chan([], ['pong']), state: pc('b', 'b') },
        { chan: chan([], []), state: pc('c', 'b') },
      ],
      ['Init', 'Ping', 'Pong', 'Done'],
    );
    const mapping = inferMapping(t);
    expect(mapping.messages).toEqual({ variable: 'chan', shape: 'pairs', container: 'seq' });
    const d = buildDiagram(t, mapping);
    const [P, Q] = d.lifelines.map((l) => l.id);
    expect(d.lifelines.map((l) => l.name)).toEqual(['p', 'q']);
    expect(d.messages.map((x) => [x.text, x.from, x.to, x.sendStep, x.receipts])).toEqual([
      ['ping', P, Q, 1, [{ step: 2, by: Q }]],
      ['pong', Q, P, 2, [{ step: 3, by: P }]],
    ]);
    // Nobody is named by a parameter: the actor is the one whose inbox lost a message, or whose state changed.
    expect(d.steps.map((s) => s.actor)).toEqual([undefined, P, Q, P]);
  });

  it('channels per pair as a function of functions, network[to][from]: the steps tell which is which', () => {
    // Stored receiver first: whoever acts takes from network[self][_] and adds to network[_][self]...
    // here p sends to q (added under q, then p), and q takes it out.
    const net = (pq: TraceValue[], qp: TraceValue[]) =>
      fn([p, fn([p, []], [q, qp])], [q, fn([p, pq], [q, []])]);
    const t = trace(
      ['network'],
      [{ network: net([], []) }, { network: net([{ t: 'req' }], []) }, { network: net([], []) }],
      ['Init', 'Send(p, q)', 'Recv(q, p)'],
      [[], [p, q], [q, p]],
    );
    const mapping = inferMapping(t);
    expect(mapping.messages).toEqual({
      variable: 'network',
      shape: 'nested',
      keys: ['receiver', 'sender'],
      container: 'seq',
    });
    const d = buildDiagram(t, mapping);
    const [P, Q] = d.lifelines.map((l) => l.id);
    expect(d.messages.map((x) => [x.text, x.from, x.to, x.receipts])).toEqual([
      ['t=req', P, Q, [{ step: 2, by: Q }]],
    ]);
  });

  it('a record of channels by kind, each an inbox per process: [req |-> …, ack |-> …]', () => {
    const net = (req: TraceValue[], ack: TraceValue[]) => ({
      req: fn([p, []], [q, req]),
      ack: fn([p, ack], [q, []]),
    });
    const t = trace(
      ['net', 'st'],
      [
        { net: net([], []), st: pc('a', 'a') },
        { net: net([{ n: int(1) }], []), st: pc('b', 'a') },
        { net: net([], [{ n: int(1) }]), st: pc('b', 'b') },
      ],
      ['Init', 'Ask(p)', 'Answer(q)'],
      [[], [p], [q]],
    );
    const mapping = inferMapping(t);
    expect(mapping.messages).toEqual({
      variable: 'net',
      shape: 'nested',
      keys: ['kind', 'receiver'],
      container: 'seq',
    });
    const d = buildDiagram(t, mapping);
    const [P, Q] = d.lifelines.map((l) => l.id);
    expect(d.messages.map((x) => [x.text, x.from, x.to, x.sendStep])).toEqual([
      ['req n=1', P, Q, 1],
      ['ack n=1', Q, P, 2],
    ]);
    expect(d.messages[0].receipts).toEqual([{ step: 2, by: Q }]);
  });

  it('counts per pair (msgs \\in [Edges -> Nat]): a message per unit, sent as it rises', () => {
    const msgs = (pq: number, qp: number) => fn([[p, q], int(pq)], [[q, p], int(qp)]);
    const t = trace(
      ['msgs'],
      [{ msgs: msgs(0, 0) }, { msgs: msgs(1, 0) }, { msgs: msgs(2, 0) }, { msgs: msgs(1, 0) }],
      ['Init', 'Send(p)', 'Send(p)', 'Recv(q)'],
      [[], [p], [p], [q]],
    );
    const mapping = inferMapping(t);
    expect(mapping.messages).toEqual({ variable: 'msgs', shape: 'pairs', container: 'count' });
    const d = buildDiagram(t, mapping);
    const [P, Q] = d.lifelines.map((l) => l.id);
    expect(d.messages.map((x) => [x.text, x.from, x.to, x.sendStep, x.receipts])).toEqual([
      ['msgs', P, Q, 1, [{ step: 3, by: Q }]],
      ['msgs', P, Q, 2, []],
    ]);
  });

  it('a counter per process is not taken for messages', () => {
    const t = trace(
      ['counter'],
      [{ counter: fn([p, int(0)], [q, int(0)]) }, { counter: fn([p, int(1)], [q, int(0)]) }],
      ['Init', 'Inc(p)'],
      [[], [p]],
    );
    expect(inferMapping(t).messages).toBeUndefined();
  });

  it('an outbox per process: the argument is the sender; a parameter that is the message receives it', () => {
    const msg = { kind: 'vote', v: int(1) };
    const out = (a: TraceValue[], b: TraceValue[]) => fn([p, set(...a)], [q, set(...b)]);
    const t = trace(
      ['outbox', 'votes'],
      [
        { outbox: out([], []), votes: fn([p, int(0)], [q, int(0)]) },
        { outbox: out([msg], []), votes: fn([p, int(0)], [q, int(0)]) },
        { outbox: out([msg], []), votes: fn([p, int(0)], [q, int(1)]) },
      ],
      ['Init', 'Vote(p)', 'Count(q, vote)'],
      [[], [p], [q, msg]],
    );
    const mapping = inferMapping(t);
    expect(mapping.messages).toEqual({ variable: 'outbox', shape: 'outbox', container: 'set' });
    const d = buildDiagram(t, mapping);
    const [P, Q] = d.lifelines.map((l) => l.id);
    expect(d.messages[0]).toMatchObject({ from: P, sendStep: 1, text: 'vote v=1' });
    // An outbox message stays until it leaves: the parameter alone does not take it out of a channel.
    expect(d.steps[2].actor).toBe(Q);
  });

  it('a spec with no processes and no messages: one lifeline with every variable as notes', () => {
    const t = trace(
      ['small', 'big'],
      [
        { small: int(0), big: int(0) },
        { small: int(0), big: int(5) },
      ],
      ['Init', 'FillBig'],
    );
    const mapping = inferMapping(t);
    expect(mapping).toEqual({ messages: undefined, notes: ['small', 'big'] });
    const d = buildDiagram(t, mapping);
    expect(d.lifelines).toEqual([{ id: 's:', name: 'system', kind: 'system' }]);
    expect(d.notes).toEqual([
      { step: 0, lifeline: 's:', lines: ['small = 0', 'big = 0'] },
      { step: 1, lifeline: 's:', lines: ['big = 5'] },
    ]);
    expect(d.steps[1].actor).toBe('s:');
  });

  it('a set of plain values is not taken for messages', () => {
    const t = trace(
      ['prepared', 'st'],
      [
        { prepared: set(), st: pc('w', 'w') },
        { prepared: set(p), st: pc('w', 'w') },
      ],
      ['Init', 'Add'],
    );
    expect(inferMapping(t).messages).toBeUndefined();
  });
});

describe('roles and names', () => {
  it('takes the first word of a name as its prefix', () => {
    expect(['tmState', 'tm_prepared', 'TMState', 'State', 'x'].map(namePrefix)).toEqual([
      'tm',
      'tm',
      'tm',
      'state',
      'x',
    ]);
  });

  it('knows an action by a role’s name only as a whole word', () => {
    expect(actionOfRole('TMCommit', 'tm')).toBe(true);
    expect(actionOfRole('tm_abort', 'tm')).toBe(true);
    expect(actionOfRole('Tmp', 'tm')).toBe(false);
    expect(actionOfRole('TM', 'tm')).toBe(false);
  });

  it('groups variables by a prefix two share, or one shares with an action', () => {
    expect([...rolesOf(['tmState', 'tmPrepared', 'passes'], [])]).toEqual([
      ['tm', ['tmState', 'tmPrepared']],
    ]);
    expect([...rolesOf(['leaderBallot'], ['LeaderPropose'])]).toEqual([
      ['leader', ['leaderBallot']],
    ]);
    expect([...rolesOf(['leaderBallot'], ['Propose'])]).toEqual([]);
  });
});

describe('validMapping', () => {
  it('drops what no longer names a variable of the spec', () => {
    const saved = { messages: { variable: 'gone', shape: 'set' as const }, notes: ['a', 'gone'] };
    expect(validMapping(saved, ['a', 'b'])).toEqual({ messages: undefined, notes: ['a'] });
    expect(validMapping(undefined, ['a'])).toBeUndefined();
    const odd = { messages: { variable: 'a', shape: 'cloud' as 'set' }, notes: [] };
    expect(validMapping(odd, ['a'])).toEqual({ messages: undefined, notes: [] });
  });
});

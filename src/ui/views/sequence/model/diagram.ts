/**
 * A trace read as a space-time diagram, given a mapping (mapping.ts): lifelines, who acts at each
 * step, the local state changes on each lifeline (notes), and the messages from their send to
 * their receipts. Pure data; layout and drawing are elsewhere.
 *
 * Who acts at a step: the lifeline whose name starts the action's name (`TMCommit` is `tm`'s),
 * else the first parameter that is a process (`RMPrepare(r1)`), else the process whose channel a
 * message left, else the one process (or role) whose notes changed; failing all, a lifeline for
 * the rest of the world ("others"), as for Paxos's leaders, which the spec does not name.
 * A message is received when it leaves its channel, when a step takes it as a parameter, or, for
 * a message pool that keeps messages (a set), when a "receive" action names it: `TMRcvPrepared(r1)`
 * receives `[type |-> "Prepared", rm |-> r1]`, by its type in the name and its `rm` parameter.
 */
import type { Trace, TraceValue } from '../../../../check/types';
import { printValueOneLine } from '../../../../formats/tla-value';
import { canonicalKey } from '../../../../formats/trace-value';
import type { MessageMapping, SequenceMapping } from './mapping';
import { actionOfRole, rolesOf } from './inferMapping';
import { applyAt, elementsOf, entriesOf, fieldsOf, shortText, type ContainerKind } from './values';

export type LifelineKind = 'process' | 'role' | 'system' | 'others';

export interface Lifeline {
  id: string;
  name: string;
  kind: LifelineKind;
}

export interface Note {
  step: number;
  lifeline: string;
  lines: string[];
}

export interface Message {
  /** The step that sent it (0: it was there in the initial state). */
  sendStep: number;
  /** Undefined for a message in the initial state whose sender nobody names. */
  from?: string;
  /** Known from a field or the channel; else only from its receipts. */
  to?: string;
  receipts: { step: number; by: string }[];
  /** Short text for the arrow, and the value in full. */
  text: string;
  full: string;
  /** Its canonical key, within its channel. */
  channel: string;
  key: string;
}

export interface SequenceDiagram {
  lifelines: Lifeline[];
  /** Per state of the trace: its step's label and the lifeline that acted (none for the first). */
  steps: { label: string; actor?: string }[];
  notes: Note[];
  messages: Message[];
  loop?: number;
}

const RECEIVE_ACTION = /rcv|recv|receive|deliver|handle|accept|consume/i;
const TYPE_FIELDS = ['type', 'mtype', 'kind', 'tag', 'op', 'msg'];

const processId = (key: string) => `p:${key}`;

/** The messages of a state by channel: channel key → message key → {value, count}. */
type Channels = Map<string, Map<string, { value: TraceValue; count: number }>>;

function channelsOf(value: TraceValue | undefined, m: MessageMapping): Channels {
  const out: Channels = new Map();
  if (value === undefined) return out;
  const add = (channel: string, container: TraceValue, kind: ContainerKind) => {
    const inside = new Map<string, { value: TraceValue; count: number }>();
    for (const e of elementsOf(container, kind) ?? []) {
      const key = canonicalKey(e.value);
      const seen = inside.get(key);
      inside.set(key, { value: e.value, count: (seen?.count ?? 0) + e.count });
    }
    out.set(channel, inside);
  };
  if (m.shape === 'set' || m.shape === 'bag' || m.shape === 'seq') add('', value, m.shape);
  else
    for (const [arg, container] of entriesOf(value) ?? [])
      add(canonicalKey(arg), container, m.container ?? 'seq');
  return out;
}

export function messageText(v: TraceValue, m: MessageMapping | undefined): string {
  const record = fieldsOf(v);
  if (!record) return shortText(v);
  const type = TYPE_FIELDS.find((f) => typeof record[f] === 'string');
  const parts = type ? [record[type] as string] : [];
  for (const [field, x] of Object.entries(record)) {
    if (field === type || field === m?.senderField || field === m?.receiverField) continue;
    parts.push(`${field}=${shortText(x)}`);
  }
  return parts.join(' ');
}

/** The domain arguments of a function value, if it is one. */
const argsOf = (v: TraceValue | undefined) =>
  v === undefined ? undefined : entriesOf(v)?.map(([k]) => k);

export function buildDiagram(trace: Trace, mapping: SequenceMapping): SequenceDiagram {
  const m = mapping.messages;
  const states = trace.states;

  // Processes, in first-seen order: channel arguments, sender and receiver fields, the shared
  // domain of the note variables.
  const processes = new Map<string, TraceValue>();
  const addProcess = (v: TraceValue | undefined) => {
    if (v !== undefined && !processes.has(canonicalKey(v))) processes.set(canonicalKey(v), v);
  };
  const perState = m ? states.map((s) => channelsOf(s[m.variable], m)) : [];
  if (m) {
    for (const s of states) {
      for (const arg of argsOf(s[m.variable]) ?? []) {
        if (m.shape === 'pairs' && Array.isArray(arg)) arg.forEach(addProcess);
        else if (m.shape === 'inbox' || m.shape === 'outbox') addProcess(arg);
      }
    }
    for (const channels of perState) {
      for (const inside of channels.values()) {
        for (const { value } of inside.values()) {
          const record = fieldsOf(value);
          if (m.senderField) addProcess(record?.[m.senderField]);
          if (m.receiverField) addProcess(record?.[m.receiverField]);
        }
      }
    }
  }
  const domainCounts = new Map<string, { count: number; args: TraceValue[] }>();
  for (const v of mapping.notes) {
    const args = argsOf(states[0]?.[v]);
    if (!args || args.length === 0) continue;
    const key = args.map(canonicalKey).join('|');
    domainCounts.set(key, { count: (domainCounts.get(key)?.count ?? 0) + 1, args });
  }
  const shared = [...domainCounts.values()].sort((a, b) => b.count - a.count)[0];
  if (shared && (processes.size === 0 || shared.args.some((a) => processes.has(canonicalKey(a)))))
    shared.args.forEach(addProcess);

  const isProcessFunction = (v: string) => {
    const args = argsOf(states[0]?.[v]);
    return (
      !!args &&
      args.length > 0 &&
      args.every((a) => processes.has(canonicalKey(a))) &&
      states.every((s) => argsOf(s[v])?.length === args.length)
    );
  };
  const perProcess = mapping.notes.filter(isProcessFunction);
  const whole = mapping.notes.filter((v) => !perProcess.includes(v));
  const actions = [...new Set(trace.steps.map((s) => s.action))];
  const roles = rolesOf(whole, actions);
  const roleOf = new Map<string, string>();
  for (const [role, members] of roles) for (const v of members) roleOf.set(v, `r:${role}`);
  const systemVars = whole.filter((v) => !roleOf.has(v));

  const lifelines: Lifeline[] = [
    ...[...roles.keys()].map((name) => ({ id: `r:${name}`, name, kind: 'role' as const })),
    ...[...processes].map(([key, v]) => ({
      id: processId(key),
      name: shortText(v),
      kind: 'process' as const,
    })),
  ];
  if (systemVars.length > 0) lifelines.push({ id: 's:', name: 'system', kind: 'system' });
  const others: Lifeline = { id: 'o:', name: 'others', kind: 'others' };
  const lifelineOfValue = (v: TraceValue | undefined) =>
    v !== undefined && processes.has(canonicalKey(v)) ? processId(canonicalKey(v)) : undefined;

  // Notes: what changed on each lifeline (everything, in the initial state).
  const notes: Note[] = [];
  const changedLifelines: Set<string>[] = states.map(() => new Set());
  states.forEach((s, i) => {
    const prev = i > 0 ? states[i - 1] : undefined;
    const lines = new Map<string, string[]>();
    const note = (lifeline: string, line: string) => {
      lines.set(lifeline, [...(lines.get(lifeline) ?? []), line]);
      changedLifelines[i].add(lifeline);
    };
    for (const v of perProcess) {
      for (const [arg, value] of entriesOf(s[v]) ?? []) {
        const key = canonicalKey(arg);
        const before = prev && applyAt(prev[v], key);
        if (before !== undefined && canonicalKey(before) === canonicalKey(value)) continue;
        note(processId(key), `${v} = ${printValueOneLine(value)}`);
      }
    }
    for (const v of whole) {
      if (prev && canonicalKey(prev[v]) === canonicalKey(s[v])) continue;
      note(roleOf.get(v) ?? 's:', `${v} = ${printValueOneLine(s[v])}`);
    }
    for (const [lifeline, l] of lines) notes.push({ step: i, lifeline, lines: l });
  });

  // Actors, then messages (a receipt can name the actor: the process whose inbox lost a message).
  const steps: SequenceDiagram['steps'] = trace.steps.map((step, i) => ({
    label: i === 0 ? step.label || 'Initial predicate' : step.label,
  }));
  const messages: Message[] = [];
  const inFlight = new Map<string, number[]>();
  const slot = (channel: string, key: string) => `${channel}\u0000${key}`;
  const endpoint = (
    channel: string,
    value: TraceValue,
    which: 'from' | 'to',
  ): string | undefined => {
    const record = fieldsOf(value);
    const field = which === 'from' ? m?.senderField : m?.receiverField;
    if (field && record?.[field] !== undefined) return lifelineOfValue(record[field]);
    if (!m || channel === '') return undefined;
    if (m.shape === 'pairs') {
      // A channel's key is the canonical JSON of its pair <<sender, receiver>>.
      const pair = JSON.parse(channel) as TraceValue[];
      return lifelineOfValue(pair[which === 'from' ? 0 : 1]);
    }
    if ((m.shape === 'inbox' && which === 'to') || (m.shape === 'outbox' && which === 'from'))
      return processId(channel);
    return undefined;
  };
  const send = (
    step: number,
    channel: string,
    key: string,
    value: TraceValue,
    from: string | undefined,
  ) => {
    inFlight.set(slot(channel, key), [
      ...(inFlight.get(slot(channel, key)) ?? []),
      messages.length,
    ]);
    messages.push({
      sendStep: step,
      from: endpoint(channel, value, 'from') ?? from,
      to: endpoint(channel, value, 'to'),
      receipts: [],
      text: messageText(value, m),
      full: printValueOneLine(value),
      channel,
      key,
    });
  };
  const receive = (message: number, step: number, by: string | undefined) => {
    const msg = messages[message];
    const who = msg.to ?? by ?? others.id;
    if (!msg.receipts.some((r) => r.by === who)) msg.receipts.push({ step, by: who });
  };

  if (m)
    for (const [channel, inside] of perState[0] ?? [])
      for (const [key, { value, count }] of inside)
        for (let c = 0; c < count; c++) send(0, channel, key, value, undefined);

  for (let i = 1; i < states.length; i++) {
    const step = trace.steps[i];
    const [before, after] = m
      ? [perState[i - 1], perState[i]]
      : [new Map() as Channels, new Map() as Channels];
    const added: { channel: string; key: string; value: TraceValue }[] = [];
    const removed: { channel: string; key: string }[] = [];
    for (const channel of new Set([...before.keys(), ...after.keys()])) {
      const b = before.get(channel) ?? new Map();
      const a = after.get(channel) ?? new Map();
      for (const key of new Set([...b.keys(), ...a.keys()])) {
        const diff = (a.get(key)?.count ?? 0) - (b.get(key)?.count ?? 0);
        for (let c = 0; c < diff; c++) added.push({ channel, key, value: a.get(key)!.value });
        for (let c = 0; c < -diff; c++) removed.push({ channel, key });
      }
    }
    const role = [...roles.keys()].find((r) => actionOfRole(step.action, r));
    const param = step.params.map((p) => lifelineOfValue(p.value)).find(Boolean);
    // Messages that left their channel, oldest first; the receiver of one is likely the actor.
    const taken = removed.flatMap((r) => inFlight.get(slot(r.channel, r.key))?.shift() ?? []);
    const receiver = taken.map((id) => messages[id].to).find(Boolean);
    const changed = [...changedLifelines[i]];
    const actor =
      (role && `r:${role}`) ??
      param ??
      receiver ??
      (changed.length === 1 ? changed[0] : undefined) ??
      others.id;
    steps[i].actor = actor;
    for (const id of taken) receive(id, i, actor);
    // Messages that stay in a pool: received by a step that takes one as a parameter, or by a
    // receive action whose name and parameters agree with one.
    const pool = before.get('');
    for (const id of pool ? [...inFlight.values()].flat() : []) {
      const value = pool?.get(messages[id].key)?.value;
      if (value === undefined || messages[id].channel !== '') continue;
      const asParam = step.params.some((p) => canonicalKey(p.value) === messages[id].key);
      if (asParam || receivedByName(step.action, step.params, value)) receive(id, i, actor);
    }
    for (const a of added) send(i, a.channel, a.key, a.value, actor);
  }

  const used = new Set(
    messages.flatMap((msg) => [msg.from, msg.to, ...msg.receipts.map((r) => r.by)]),
  );
  steps.forEach((s) => used.add(s.actor));
  if (used.has(others.id)) lifelines.push(others);
  return { lifelines, steps, notes, messages, loop: trace.loop };
}

/** `TMRcvPrepared(rm = r1)` and `[type |-> "Prepared", rm |-> r1]`: the name says which message. */
function receivedByName(
  action: string,
  params: { name: string; value: TraceValue }[],
  value: TraceValue,
): boolean {
  if (!RECEIVE_ACTION.test(action)) return false;
  const record = fieldsOf(value);
  if (!record) return false;
  const lower = action.toLowerCase();
  const named = Object.values(record).some((x) => {
    const word = typeof x === 'string' ? x : undefined;
    return !!word && word.length >= 2 && lower.includes(word.toLowerCase());
  });
  const agrees = params.every(
    (p) => !(p.name in record) || canonicalKey(record[p.name]) === canonicalKey(p.value),
  );
  return named && agrees;
}

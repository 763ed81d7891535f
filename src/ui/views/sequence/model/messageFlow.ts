/**
 * Who acts at each step, and each message from its send to its receipts.
 *
 * Who acts: the lifeline whose name starts the action's name (`TMCommit` is `tm`'s), else the
 * first parameter that is a process (`RMPrepare(r1)`), else the receiver of a message that left
 * its channel, else the one lifeline whose notes changed; failing all, "others" (the rest of the
 * world, as Paxos's leaders, which the spec does not name).
 * A message is received when it leaves its channel, when a step takes it as a parameter, or, in a
 * pool that keeps messages (a set), when a "receive" action names it: `TMRcvPrepared(r1)` receives
 * `[type |-> "Prepared", rm |-> r1]`, by its type in the name and its `rm` parameter.
 */
import type { Trace } from '../../../../check/contract/types';
import { channelChanges, type ChannelChange, type Channels } from './channels';
import type { Message, SequenceDiagram } from './types';
import { actionOfRole } from './inferMapping';
import type { Lifelines } from './lifelines';
import { channelKeys, type MessageMapping } from './mapping';
import { fieldsOf } from '../../../../trace/view';
import { shortText } from './values';
import type { TraceValue } from '../../../../trace/value';
import { printValueOneLine } from '../../../../trace/print';
import { canonicalKey } from '../../../../trace/keys';

export const OTHERS = 'o:';

const RECEIVE_ACTION = /rcv|recv|receive|deliver|handle|accept|consume/i;
const TYPE_FIELDS = ['type', 'mtype', 'kind', 'tag', 'op', 'msg'];

/** A message's arrow text: its type first, then its other fields, sender and receiver left out. */
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
  const named = Object.values(record).some(
    (x) => typeof x === 'string' && x.length >= 2 && lower.includes(x.toLowerCase()),
  );
  const agrees = params.every(
    (p) => !(p.name in record) || canonicalKey(record[p.name]) === canonicalKey(p.value),
  );
  return named && agrees;
}

export function messageFlow(
  trace: Trace,
  m: MessageMapping | undefined,
  perState: Channels[],
  lanes: Lifelines,
  changed: Set<string>[],
) {
  const steps: SequenceDiagram['steps'] = trace.steps.map((step, i) => ({
    label: i === 0 ? step.label || 'Initial predicate' : step.label,
  }));
  const messages: Message[] = [];
  /** In-flight copies by channel and message, oldest first (channels are FIFO). */
  const inFlight = new Map<string, number[]>();
  const slot = (c: ChannelChange) => `${c.channel}\u0000${c.key}`;

  const keys = m ? channelKeys(m) : [];
  /** Sender or receiver, from a field, else from the keys of the channel the message is in. */
  const endpoint = ({ path, value }: ChannelChange, which: 'from' | 'to') => {
    const field = which === 'from' ? m?.senderField : m?.receiverField;
    const named = field ? fieldsOf(value)?.[field] : undefined;
    if (named !== undefined) return lanes.lifelineOfValue(named);
    for (let i = 0; i < keys.length; i++) {
      const k = path[i];
      if (keys[i] === 'pair' && Array.isArray(k) && k.length === 2)
        return lanes.lifelineOfValue(k[which === 'from' ? 0 : 1]);
      if (keys[i] === (which === 'from' ? 'sender' : 'receiver')) return lanes.lifelineOfValue(k);
    }
    return undefined;
  };
  /** A channel's kind (`req` in `net.req[q]`), said before the message. */
  const kindOfPath = (path: TraceValue[]) =>
    path.find((k, i) => keys[i] === 'kind' && typeof k === 'string') as string | undefined;
  const textOf = (c: ChannelChange) => {
    const text = messageText(c.value, m);
    const kind = kindOfPath(c.path);
    return kind && kind !== text && !text.startsWith(`${kind} `) ? `${kind} ${text}` : text;
  };
  const send = (step: number, c: ChannelChange, actor: string | undefined) => {
    inFlight.set(slot(c), [...(inFlight.get(slot(c)) ?? []), messages.length]);
    messages.push({
      sendStep: step,
      from: endpoint(c, 'from') ?? actor,
      to: endpoint(c, 'to'),
      receipts: [],
      text: textOf(c),
      full: printValueOneLine(c.value),
      channel: c.channel,
      key: c.key,
    });
  };
  const receive = (id: number, step: number, by: string) => {
    const msg = messages[id];
    const who = msg.to ?? by;
    if (!msg.receipts.some((r) => r.by === who)) msg.receipts.push({ step, by: who });
  };

  const empty: Channels = new Map();
  if (m) channelChanges(empty, perState[0] ?? empty).added.forEach((c) => send(0, c, undefined));
  for (let i = 1; i < trace.states.length; i++) {
    const step = trace.steps[i];
    const before = perState[i - 1] ?? empty;
    const { added, removed } = channelChanges(before, perState[i] ?? empty);
    // Messages that left their channel, oldest copies first; the receiver of one likely acts.
    const taken = removed.flatMap((c) => inFlight.get(slot(c))?.shift() ?? []);
    const role = [...lanes.roles.keys()].find((r) => actionOfRole(step.action, r));
    const only = changed[i].size === 1 ? [...changed[i]][0] : undefined;
    const actor =
      (role && `r:${role}`) ??
      step.params.map((p) => lanes.lifelineOfValue(p.value)).find(Boolean) ??
      taken.map((id) => messages[id].to).find(Boolean) ??
      only ??
      OTHERS;
    steps[i].actor = actor;
    for (const id of taken) receive(id, i, actor);
    // Messages that stay in a pool: received by a step that takes one as a parameter, or by a
    // receive action whose name and parameters agree with one.
    const pool = before.get('')?.messages;
    for (const id of pool ? [...inFlight.values()].flat() : []) {
      const value = pool?.get(messages[id].key)?.value;
      if (value === undefined || messages[id].channel !== '') continue;
      const asParam = step.params.some((p) => canonicalKey(p.value) === messages[id].key);
      if (asParam || receivedByName(step.action, step.params, value)) receive(id, i, actor);
    }
    for (const c of added) send(i, c, actor);
  }
  return { steps, messages };
}

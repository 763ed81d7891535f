/**
 * How a spec's variables map onto a sequence diagram: which variable holds the messages in flight
 * (and in what shape), which record fields name a message's sender and receiver, and which
 * variables are the processes' local state, shown as notes on their lifelines. Inferred from a
 * trace (inferMapping.ts) and correctable by the user; it is saved with the model settings.
 */

/**
 * - `set`, `bag`, `seq`: one variable holds every message (`msgs \subseteq Message`, a bag of
 *   messages, a FIFO queue); a message is sent when it appears and received when it leaves (or
 *   when an action takes it as a parameter).
 * - `inbox` / `outbox`: a function from processes to their incoming (outgoing) messages:
 *   `[p \in Node |-> Seq(Msg)]`; its argument is the receiver (sender).
 * - `pairs`: a function on pairs `<<p, q>>` (sender, receiver) to the channel between them.
 * - `nested`: channels reached through several keys, each with its role (`keys`): a function per
 *   sender of functions per receiver (`network[p][q]`, LamportMutex's), a record of channels by
 *   message kind (`[req |-> …, ack |-> …]`), and any nesting of these.
 */
export type MessageShape = 'set' | 'bag' | 'seq' | 'inbox' | 'outbox' | 'pairs' | 'nested';

/**
 * How the messages inside a channel are held: a set, a bag, a sequence, or only their number
 * (`msgs \in [Edges -> Nat]`: a message sent as it rises, received as it falls).
 */
export type ChannelContainer = 'set' | 'bag' | 'seq' | 'count';

/** What one key on the way from the variable to a channel says about the channel's messages. */
export type KeyRole = 'sender' | 'receiver' | 'pair' | 'kind';

export const KEY_ROLES: KeyRole[] = ['sender', 'receiver', 'pair', 'kind'];

export interface MessageMapping {
  variable: string;
  shape: MessageShape;
  /** For channel functions: what each channel holds. */
  container?: ChannelContainer;
  /** For `nested`: the role of each key on the way to a channel, outermost first. */
  keys?: KeyRole[];
  /** Record fields naming the sender and the receiver, when messages carry them. */
  senderField?: string;
  receiverField?: string;
}

export interface SequenceMapping {
  messages?: MessageMapping;
  /**
   * Variables shown as notes: functions of the processes (`pc`, `state`, `rmState`) on each
   * process's lifeline; other variables on a lifeline named after their prefix (`tmState` and
   * `tmPrepared` on `tm`) or, lacking one, on a lifeline for the whole system.
   */
  notes: string[];
}

export const SHAPES: MessageShape[] = ['set', 'bag', 'seq', 'inbox', 'outbox', 'pairs', 'nested'];
export const CONTAINERS: ChannelContainer[] = ['seq', 'set', 'bag', 'count'];

/** The roles of the keys from the variable to each channel, whatever the shape. */
export function channelKeys(m: MessageMapping): KeyRole[] {
  switch (m.shape) {
    case 'inbox':
      return ['receiver'];
    case 'outbox':
      return ['sender'];
    case 'pairs':
      return ['pair'];
    case 'nested':
      return m.keys ?? [];
    default:
      return [];
  }
}

/** What each channel holds. */
export function channelContainer(m: MessageMapping): ChannelContainer {
  return m.shape === 'set' || m.shape === 'bag' || m.shape === 'seq'
    ? m.shape
    : (m.container ?? 'seq');
}

/** Field names that say who sent a message and who is to receive it (compared in lower case). */
export const SENDER_FIELDS = ['src', 'from', 'sender', 'source', 'snd', 'sndr', 'orig', 'origin'];
export const RECEIVER_FIELDS = [
  'dst',
  'to',
  'receiver',
  'dest',
  'destination',
  'rcv',
  'rcvr',
  'target',
];

/**
 * A user's saved mapping, kept only where it still fits the spec's variables and the shapes this
 * version knows (a saved workspace or a share link may come from elsewhere).
 */
export function validMapping(
  saved: SequenceMapping | undefined,
  vars: string[],
): SequenceMapping | undefined {
  if (!saved || !Array.isArray(saved.notes)) return undefined;
  const m = saved.messages;
  const known =
    m &&
    vars.includes(m.variable) &&
    SHAPES.includes(m.shape) &&
    (m.container === undefined || CONTAINERS.includes(m.container)) &&
    (m.keys === undefined ||
      (Array.isArray(m.keys) && m.keys.length <= 4 && m.keys.every((k) => KEY_ROLES.includes(k))));
  return { messages: known ? m : undefined, notes: saved.notes.filter((n) => vars.includes(n)) };
}

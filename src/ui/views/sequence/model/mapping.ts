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
 */
export type MessageShape = 'set' | 'bag' | 'seq' | 'inbox' | 'outbox' | 'pairs';

/** How the messages inside a channel function (`inbox`, `outbox`, `pairs`) are held. */
export type ChannelContainer = 'set' | 'bag' | 'seq';

export interface MessageMapping {
  variable: string;
  shape: MessageShape;
  /** For channel functions: what each channel holds. */
  container?: ChannelContainer;
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

export const SHAPES: MessageShape[] = ['set', 'bag', 'seq', 'inbox', 'outbox', 'pairs'];

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
    (m.container === undefined || ['set', 'bag', 'seq'].includes(m.container));
  return { messages: known ? m : undefined, notes: saved.notes.filter((n) => vars.includes(n)) };
}

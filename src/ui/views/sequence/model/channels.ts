/**
 * The messages a state holds, by channel, as the mapping reads them: one pool (channel `''`) for
 * a set, bag or sequence of messages; one channel per path of keys through the functions and
 * records that lead to the containers (`inbox[p]`, `chan[<<p, q>>]`, `network[p][q]`,
 * `net.req[q]`). Each message with its multiplicity, so that a step's sends and receipts are the
 * differences between two states. A channel that holds only a count (`msgs[e] \in Nat`) holds
 * that many copies of one anonymous message, named after its kind or its variable.
 */
import { channelContainer, channelKeys, type MessageMapping } from './mapping';
import { elementsOf, entriesOf, numberOf } from '../../../../trace/view';
import type { TraceValue } from '../../../../trace/value';
import { canonicalKey } from '../../../../trace/keys';

export interface Channel {
  /** The keys from the variable to the channel, outermost first. */
  path: TraceValue[];
  messages: Map<string, { value: TraceValue; count: number }>;
}

export type Channels = Map<string, Channel>;

/** A channel's identity: its path's canonical keys. */
export const channelId = (path: TraceValue[]) =>
  path.length === 0 ? '' : JSON.stringify(path.map(canonicalKey));

/** The message a count stands for: the kind its path names, else the variable. */
function countedMessage(path: TraceValue[], m: MessageMapping): TraceValue {
  const keys = channelKeys(m);
  const kind = path.find((k, i) => keys[i] === 'kind' && typeof k === 'string');
  return kind ?? m.variable;
}

export function channelsOf(value: TraceValue | undefined, m: MessageMapping): Channels {
  const out: Channels = new Map();
  if (value === undefined) return out;
  const depth = channelKeys(m).length;
  const container = channelContainer(m);
  const add = (path: TraceValue[], holder: TraceValue) => {
    const messages = new Map<string, { value: TraceValue; count: number }>();
    if (container === 'count') {
      const n = numberOf(holder) ?? 0;
      const message = countedMessage(path, m);
      if (n > 0) messages.set(canonicalKey(message), { value: message, count: n });
    } else {
      for (const e of elementsOf(holder, container) ?? []) {
        const key = canonicalKey(e.value);
        const seen = messages.get(key);
        messages.set(key, { value: e.value, count: (seen?.count ?? 0) + e.count });
      }
    }
    out.set(channelId(path), { path, messages });
  };
  const walk = (v: TraceValue, path: TraceValue[]) => {
    if (path.length === depth) {
      add(path, v);
      return;
    }
    for (const [arg, inner] of entriesOf(v) ?? []) walk(inner, [...path, arg]);
  };
  walk(value, []);
  return out;
}

export interface ChannelChange {
  channel: string;
  path: TraceValue[];
  key: string;
  value: TraceValue;
}

/** What one step added to and removed from the channels, one entry per copy. */
export function channelChanges(before: Channels, after: Channels) {
  const added: ChannelChange[] = [];
  const removed: ChannelChange[] = [];
  for (const channel of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(channel);
    const a = after.get(channel);
    const path = (a ?? b)!.path;
    const bm = b?.messages ?? new Map<string, { value: TraceValue; count: number }>();
    const am = a?.messages ?? new Map<string, { value: TraceValue; count: number }>();
    for (const key of new Set([...bm.keys(), ...am.keys()])) {
      const diff = (am.get(key)?.count ?? 0) - (bm.get(key)?.count ?? 0);
      const value = (am.get(key) ?? bm.get(key))!.value;
      for (let c = 0; c < diff; c++) added.push({ channel, path, key, value });
      for (let c = 0; c < -diff; c++) removed.push({ channel, path, key, value });
    }
  }
  return { added, removed };
}

/**
 * The messages a state holds, by channel, as the mapping reads them: one pool (channel `''`) for
 * a set, bag or sequence of messages; one channel per argument of an inbox, outbox or pair
 * function (its canonical key). Each message with its multiplicity, so that a step's sends and
 * receipts are the differences between two states.
 */
import type { TraceValue } from '../../../../check/types';
import { canonicalKey } from '../../../../formats/trace-value';
import type { MessageMapping } from './mapping';
import { elementsOf, entriesOf, type ContainerKind } from './values';

export type Channels = Map<string, Map<string, { value: TraceValue; count: number }>>;

export function channelsOf(value: TraceValue | undefined, m: MessageMapping): Channels {
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

export interface ChannelChange {
  channel: string;
  key: string;
  value: TraceValue;
}

/** What one step added to and removed from the channels, one entry per copy. */
export function channelChanges(before: Channels, after: Channels) {
  const added: ChannelChange[] = [];
  const removed: ChannelChange[] = [];
  for (const channel of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(channel) ?? new Map();
    const a = after.get(channel) ?? new Map();
    for (const key of new Set([...b.keys(), ...a.keys()])) {
      const diff = (a.get(key)?.count ?? 0) - (b.get(key)?.count ?? 0);
      const value = (a.get(key) ?? b.get(key))!.value;
      for (let c = 0; c < diff; c++) added.push({ channel, key, value });
      for (let c = 0; c < -diff; c++) removed.push({ channel, key, value });
    }
  }
  return { added, removed };
}

/**
 * Breadth-first search over several workers, level by level, with the same answer as the
 * sequential search (bfs.ts) whatever the worker count: verdict, distinct and generated states,
 * depth, queue, and the very counterexample.
 *
 * - The fingerprint space is sharded: worker `ownerOf(fp)` owns a fingerprint and keeps it in its
 *   seen-set, with the fingerprint of the state's parent (for traces).
 * - States stay where they are generated; only fingerprints travel. A worker that generates a
 *   successor whose fingerprint another worker owns keeps the state aside and sends the owner its
 *   fingerprint, key and parent (seven 32-bit words, in batches over a MessagePort between the
 *   two; no memory is shared, so no SharedArrayBuffer nor cross-origin isolation is needed). The
 *   owner answers with the ones it rejects: seen before, or reached in this level by a smaller key.
 *   At the end of a level what nobody rejected is new, held by exactly one worker. Values are not
 *   copied between workers, so a state keeps sharing its parts with its parent, as in one worker
 *   (copies cost decoding, lost equality shortcuts and rehashing: half again the work).
 * - Every successor carries a key, (position of its parent in the level, index among the parent's
 *   successors): the order in which the sequential search meets it. An owner keeps, for a state new
 *   in the level, the parent with the smallest key, as the sequential search keeps the first. At the
 *   end of a level the workers sort their new states by key and exchange the sorted keys, which
 *   gives every state its position in the next level: the same numbering as one worker's queue.
 *   The workers then even out their shares of the level (only the difference travels, encoded by
 *   state-codec.ts), as a state's successors are held by the worker that holds the state.
 * - Events that end the search (an invariant or property violated, a deadlock, an evaluation error)
 *   also carry the key at which the sequential search would meet them; the smallest wins, and the
 *   figures at that point (states admitted before it, generated, queue) are summed over workers.
 *
 * Worker 0 leads: it runs the model check (check.ts) with this search in place of the sequential
 * one, decides at each level's end, and rebuilds the counterexample's chain of fingerprints from
 * the owners (leader.ts). The others serve (`serveParallelSearch`, server.ts) until the leader closes
 * the search.
 *
 * - The leader does not wait for its peers to build the model: until they say they are ready, and
 *   the search is worth sharing (a level that took it 100 ms, or 1 s in all: leader.ts; a host
 *   may start the peers only then, net.wake), it
 *   searches alone, owning their fingerprints in a shard apart, enumerating the initial states
 *   share by share (more shares than workers). They join at the end of a level, or in the initial
 *   level for the shares left, and take over the fingerprints they own (Participant.join).
 * - With liveness properties, each worker records its part of the behaviour graph and the leader
 *   gathers it after a complete search, with the sequential search's ids (graph-part.ts).
 *
 * The files, by job: protocol.ts (messages, keys, owners), mailbox.ts (ports, waiting, batches),
 * shard.ts (owning fingerprints), participant.ts (holding and expanding a level), rebalance.ts
 * (evening out shares), leader.ts and server.ts (the two roles), net.ts (wiring the ports),
 * graph-part.ts (the behaviour graph).
 */
import type { ModelRuntime } from '../../model/runtime';
import type { SearchLimits, SearchResult } from '../bfs/bfs';
import type { GraphSink } from './graph-part';
import { listen } from './mailbox';
import type { ParallelNet } from './net';
import { lead } from './leader';
import { Participant } from './participant';
import type { Message } from './protocol';
import { serve } from './server';

export type { ParallelNet } from './net';

/**
 * The leader's search: worker 0, with the peers serving. Same contract as `breadthFirstSearch`;
 * with `graph`, the behaviour graph goes there after a complete search, with the ids one worker
 * gives the states (graph-part.ts), and the result has `fpOf`.
 */
export function parallelSearch(
  rt: ModelRuntime,
  limits: SearchLimits,
  net: ParallelNet,
  graph?: GraphSink,
): Promise<SearchResult> {
  settled.add(net);
  return lead(new Participant(rt, limits, net), graph);
}

/**
 * A peer's side of the search, until the leader closes it (or a stop). Without a model (the
 * peer could not build it) it only waits for the leader, which fails the same way, to close.
 */
export async function serveParallelSearch(
  rt: ModelRuntime | undefined,
  limits: Partial<SearchLimits>,
  net: ParallelNet,
): Promise<void> {
  if (rt) return serve(new Participant(rt, { checkDeadlock: true, ...limits }, net));
  const leader = net.ports[0]!;
  await new Promise<void>((resolve) => listen(leader, (m) => m.t === 'close' && resolve()));
  for (const p of net.ports) p?.close();
}

/** Nets a search has taken (or released). */
const settled = new WeakSet<ParallelNet>();

/**
 * Tells the peers the leader searches alone (or not at all), and lets them go (they close).
 * Does nothing once the net has been used by a search or released.
 */
export function releasePeers(net: ParallelNet): void {
  if (settled.has(net)) return;
  settled.add(net);
  for (const p of net.ports) p?.postMessage({ t: 'close' } satisfies Message);
}

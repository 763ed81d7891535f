/**
 * The leader's side of the shared search (worker 0): it runs the levels with the peers, decides at
 * each level's end, and at the event that ends the search sums the figures the sequential search
 * would report there and rebuilds the counterexample's chain of fingerprints from the owners.
 */
import { EvalError, IncompleteStateError } from '../../../eval/errors';
import type { SearchOutcome, SearchResult } from '../bfs/bfs';
import { GraphPart, type GraphSink } from './graph-part';
import { yieldToEvents } from './mailbox';
import type { Participant } from './participant';
import {
  INDEX_SPACE,
  Stop,
  dealShares,
  firstEvent,
  ownerOf,
  type LevelEvent,
  type Report,
} from './protocol';

/** See joinAfterMs. */
const JOIN_AFTER_MS = 100;

/**
 * The leader's search. With `graph`, every worker records its part of the behaviour graph, and
 * after a complete search the leader gathers it there (graph-part.ts), with the sequential
 * search's ids: the result's `fpOf` then gives any state's fingerprint.
 */
export async function lead(me: Participant, graph?: GraphSink): Promise<SearchResult> {
  const levelTotals = { distinct: 0, generated: 0 };
  let outcome: SearchOutcome = { kind: 'success' };
  let figures:
    { distinct: number; generated: number; depth: number; queueLeft: number } | undefined;
  const chains = new Map<number, [number, number][]>();
  let fps: { hi: Uint32Array; lo: Uint32Array } | undefined;
  if (graph) me.graph = new GraphPart(me.limits.livenessAtoms);
  try {
    // The leader searches alone until its peers are ready (it does not wait for them to build
    // the model) and the search is worth sharing: they join at the end of a level that took the
    // leader at least `joinAfter` ms (in the initial level, once its enumeration has taken that
    // long), or once the search has run ten times that long alone (a long search of short levels).
    // A small search (short levels, short in all) runs on this thread alone: a peer joining it
    // starts cold (MCDieHardest: its first level 2.3x the leader's CPU, then 1.2-1.7x; the
    // leader's levels 8-35 ms), its states move, every level ends at a barrier, and that costs
    // more than sharing short levels saves (never joining: 1.33 s of CPU in place of 1.77 s).
    // A host that starts the peers on demand (net.wake: the CLI) starts them then, or at the end
    // of a level whose new states say the next will be that long, and they join once ready: a
    // short search costs what one worker costs (a peer's start, loading and building the model,
    // is 0.3-1 s of CPU and as much again in V8's compiler threads, on the same cores:
    // MCDieHardest and VoteProof took 1.4 times one worker's CPU with two). The times are this
    // thread's CPU time where the host has it (net.cpuMs), else wall time.
    const joinAfter = joinAfterMs();
    const clock = me.net.cpuMs ?? (() => performance.now());
    const started = clock();
    let since = started;
    const worthSharing = () => {
      const now = clock();
      if (now - since < joinAfter && now - started < 10 * joinAfter) return false;
      me.net.wake?.();
      return me.box.readyFrom >= me.net.count - 1;
    };
    await yieldToEvents();
    if (worthSharing()) {
      me.box.broadcast({ t: 'start', graph: !!graph });
      me.initLevel();
    } else {
      // Alone: the initial states share by share, until the peers are ready to take a part of
      // the rest. An enumeration not dealt out ran whole in the first share: the rest in one go.
      me.alone();
      const { count } = me.net;
      for (let share = 0; share < me.initShares; share++) {
        const dealt = me.initLevel((s) => s === share);
        const from = share + 1;
        if (!dealt) {
          if (from < me.initShares) me.initLevel((s) => s >= from);
          break;
        }
        await yieldToEvents();
        if (worthSharing() && from < me.initShares) {
          me.join(!!graph, from);
          const owner = dealShares(me.initShares, from, count);
          me.initLevel((s) => s >= from && owner[s] === 0);
          break;
        }
      }
    }
    let initial = true;
    for (;;) {
      await me.level(initial);
      const reports: Report[] = [
        {
          t: 'report',
          newCount: me.next.length,
          generated: me.levelGenerated,
          event: me.event,
        },
      ];
      for (let p = 1; p <= me.peers; p++) {
        const r = await me.stats.wait(me.box.nextFrom(p, 'report'));
        // The peers' Print lines join the run's output at the level's end (TLC's workers print
        // in no set order either).
        if (r.output?.length) me.limits.peerOutput?.(r.output);
        reports.push(r);
      }
      const newCount = reports.reduce((n, r) => n + r.newCount, 0);
      const levelGenerated = reports.reduce((n, r) => n + r.generated, 0);
      const event = reports
        .map((r) => r.event)
        .filter((e): e is LevelEvent => !!e)
        .sort((a, b) => (firstEvent(a, b) ? -1 : firstEvent(b, a) ? 1 : 0))[0];
      if (event) {
        ({ outcome, figures } = await settle(me, event, levelTotals, initial, chains));
        break;
      }
      levelTotals.distinct += newCount;
      levelTotals.generated += levelGenerated;
      if (newCount === 0) {
        if (graph) {
          me.stats.mark('gather');
          me.box.broadcast({ t: 'gather' });
          const total = levelTotals.distinct;
          fps = await me.graph!.gather(
            me.box,
            me.peers,
            total,
            me.initialCount,
            me.rt.vars.length,
            graph,
          );
          me.graph = undefined;
          me.stats.mark('gathered');
        }
        figures = {
          distinct: levelTotals.distinct,
          generated: levelTotals.generated,
          depth: me.depth,
          queueLeft: 0,
        };
        break;
      }
      if (me.foreign && worthSharing()) me.join(!!graph);
      else {
        // Not worth sharing yet, but the next level would be, as much larger than this one as
        // its new states say: the peers start now, to be ready by its end.
        const took = clock() - since;
        if (me.foreign && took * newCount >= joinAfter * (initial ? newCount : me.levelSize))
          me.net.wake?.();
        me.box.broadcast({ t: 'continue' });
      }
      since = clock();
      await me.advance();
      me.depth++;
      initial = false;
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    me.pollStop();
    outcome = { kind: 'stopped', reason: e.reason };
    const sum = me.overall();
    figures = {
      distinct: sum.distinct,
      generated: sum.generated,
      depth: me.depth,
      queueLeft: sum.queue,
    };
  } finally {
    // The peers close the channels once they have it (closing here could drop the message).
    me.box.broadcast({ t: 'close' });
    me.stats.finish();
  }
  if (!figures) throw new Error('internal error: the parallel search ended without figures');
  return {
    outcome,
    distinctStates: figures.distinct,
    generatedStates: figures.generated,
    depth: figures.depth,
    queueLeft: figures.queueLeft,
    fpChain: (id) => {
      const c = chains.get(id);
      if (!c) throw new Error(`internal error: no chain for state ${id} in the parallel search`);
      return c;
    },
    ...(fps ? { fpOf: (id: number): [number, number] => [fps.hi[id], fps.lo[id]] } : {}),
    seenBytes: me.bytes(),
  };
}

/**
 * How long a level (or the initial enumeration) must take the leader alone for the peers to join
 * (or ten times that, the whole search so far): 100 ms, or SPECSTAGE_PARALLEL_JOIN_MS (0: as soon
 * as they are ready; the tests use it to share small searches).
 */
function joinAfterMs(): number {
  const env = typeof process !== 'undefined' ? process.env?.SPECSTAGE_PARALLEL_JOIN_MS : undefined;
  const ms = env ? Number(env) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : JOIN_AFTER_MS;
}

/** The figures of the sequential search at the event, and the chain of its state. */
async function settle(
  me: Participant,
  e: LevelEvent,
  before: { distinct: number; generated: number },
  initial: boolean,
  chains: Map<number, [number, number][]>,
): Promise<{
  outcome: SearchOutcome;
  figures: { distinct: number; generated: number; depth: number; queueLeft: number };
}> {
  // A violated action property counts the step's successor when it was new (recorded first, as
  // the sequential search does): the new states up to its key, not only before.
  const upTo = e.kind === 'step-property' ? e.key + 1 : e.key;
  me.box.broadcast({ t: 'count', key: upTo, parentPos: e.parentPos });
  const mine = me.countBefore(upTo, e.parentPos, initial);
  let newBefore = mine.newBefore;
  let genBefore = mine.genBefore;
  let newLast = mine.newLast;
  for (let p = 1; p <= me.peers; p++) {
    const c = await me.box.nextFrom(p, 'counted');
    if (c.output?.length) me.limits.peerOutput?.(c.output);
    newBefore += c.newBefore;
    genBefore += c.genBefore;
    newLast += c.newLast;
  }
  const distinct = before.distinct + newBefore + (e.recorded ? 1 : 0);
  let generated: number;
  if (initial) generated = genBefore + e.genPart;
  else generated = before.generated + genBefore + (e.key % INDEX_SPACE) + e.genPart;
  // TLC queues a new state after the step's checks: a violating step's own new successor is not.
  const queued = e.kind === 'step-property' ? newBefore - newLast : newBefore;
  const queueLeft = (initial ? 0 : me.levelSize - e.parentPos - 1) + queued;
  // The search ends at one event: its state is "state 0" of the result.
  const stateId = e.fp ? 0 : undefined;
  if (e.fp) chains.set(0, await chain(me, e.fp));
  let outcome: SearchOutcome;
  // As TLC (and bfs.ts): the deepest level with a state recorded, the next one once it has any.
  let depth = newBefore + (e.recorded ? 1 : 0) > 0 ? me.depth + 1 : me.depth;
  switch (e.kind) {
    case 'invariant':
      if (e.toFp) {
        // A state outside the constraints, reached from the event's state (none: initial).
        outcome = { kind: 'invariant', name: e.name!, stateId: stateId ?? -1, toFp: e.toFp };
      } else {
        outcome = { kind: 'invariant', name: e.name!, stateId: stateId! };
        depth = me.depth + 1;
      }
      break;
    case 'step-property':
      outcome = { kind: 'step-property', name: e.name!, stateId: stateId!, toFp: e.toFp! };
      break;
    case 'deadlock':
      outcome = { kind: 'deadlock', stateId: stateId! };
      break;
    case 'error':
    case 'init-error': {
      const error = e.error!.incomplete
        ? new IncompleteStateError(e.error!.message, e.error!.range)
        : new EvalError(e.error!.message, e.error!.range);
      outcome = { kind: 'error', error, stateId };
      break;
    }
  }
  return { outcome, figures: { distinct, generated, depth, queueLeft } };
}

/** Fingerprints from an initial state to the state with fingerprint `fp`, asked of the owners along the way. */
async function chain(me: Participant, fp: [number, number]): Promise<[number, number][]> {
  const fps: [number, number][] = [fp];
  let [hi, lo] = fp;
  for (;;) {
    const owner = ownerOf(hi, lo, me.net.count);
    let link: { hi: number; lo: number; initial: boolean };
    if (owner === me.net.index) link = me.shard.parentOf(hi, lo);
    else if (me.foreign) link = me.foreign.parentOf(hi, lo);
    else {
      me.box.send(owner, { t: 'chain', hi, lo });
      link = await me.box.nextFrom(owner, 'link');
    }
    if (link.initial) break;
    ({ hi, lo } = link);
    fps.push([hi, lo]);
  }
  return fps.reverse();
}

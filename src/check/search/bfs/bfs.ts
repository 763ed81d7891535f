/**
 * Exhaustive breadth-first search, level by level as TLC does, so that the depth it reports and
 * the counterexamples it finds (shortest, from an initial state) are TLC's.
 *
 * Only fingerprints are kept for seen states, plus a parent id per state; a trace is rebuilt by
 * replaying the search along the parent chain and matching fingerprints (Yu, Manolios and Lamport,
 * "Model checking TLA+ specifications", 1999).
 */
import type { ActionLabel } from '../../../eval/scope';
import { EvalError, IncompleteStateError } from '../../../eval/errors';
import { StateTable } from '../seen-set';
import { heapWatch } from '../memory';
import type { ModelRuntime, State } from '../../model/runtime';
import type { AtomRows } from '../liveness/graph';

export interface SearchLimits {
  checkDeadlock: boolean;
  memoryBudgetBytes?: number;
  /** Bytes held elsewhere for this search (the liveness behaviour graph), counted in the budget. */
  extraBytes?: () => number;
  /** Polled between states every few milliseconds. */
  shouldStop?: () => boolean;
  /** TLCSet("exit", TRUE) was evaluated: end after the state being expanded (read after each). */
  exitRequested?: () => boolean;
  onProgress?: (p: SearchProgress) => void;
  /** Called for every distinct state and every edge when recording the graph. */
  onState?: (id: number, s: State, initial: boolean) => void;
  onEdge?: (
    from: number,
    to: number,
    label: ActionLabel | undefined,
    src: State,
    dst: State,
  ) => void;
  /** Whether onEdge needs action labels (they cost an allocation per successor). */
  edgeLabels?: boolean;
  /** The PROPERTY a new state violates (its `[]P` parts; initial states: also its state predicates). */
  propertyState?: (s: State, initial: boolean) => string | undefined;
  /** The PROPERTY whose `[][A]_v` part the step s → t violates; called for every step in the model. */
  propertyStep?: (s: State, t: State) => string | undefined;
  /** A shared search's workers evaluate these liveness atoms where they hold the states (parallel/graph-part.ts). */
  livenessAtoms?: AtomRows;
  /** A peer of a shared search: its Print / PrintT lines since the last call, for the leader. */
  takeOutput?: () => string[];
  /** The leader of a shared search: a peer's Print / PrintT lines, to add to the run's output. */
  peerOutput?: (lines: string[]) => void;
}

export interface SearchProgress {
  distinctStates: number;
  generatedStates: number;
  queueSize: number;
  depth: number;
}

export type SearchOutcome =
  /** `exited`: no error, but TLCSet("exit", TRUE) ended the search with states left (as TLC). */
  | { kind: 'success'; exited?: boolean }
  /**
   * The state `stateId` violates an invariant; or, with `toFp`, a state outside the CONSTRAINTs
   * (not recorded) reached from `stateId` (-1: an initial state) does.
   */
  | { kind: 'invariant'; name: string; stateId: number; toFp?: [number, number] }
  /** A step from `stateId` to the state with fingerprint `toFp` violates an action property. */
  | { kind: 'step-property'; name: string; stateId: number; toFp: [number, number] }
  | { kind: 'deadlock'; stateId: number }
  | { kind: 'error'; error: EvalError; stateId: number | undefined }
  | { kind: 'stopped'; reason: 'cancelled' | 'memory budget' };

export interface SearchResult {
  outcome: SearchOutcome;
  distinctStates: number;
  generatedStates: number;
  depth: number;
  queueLeft: number;
  /** The fingerprints from an initial state to the state `id` of an outcome (for trace replay). */
  fpChain(id: number): [number, number][];
  /** The fingerprint of any state by id, where the search keeps them all (one worker). */
  fpOf?(id: number): [number, number];
  seenBytes: number;
}

class Stop {
  constructor(readonly outcome: SearchOutcome) {}
}

/** How often the search lets other work (messages, rendering of progress) run. */
const YIELD_EVERY_MS = 100;

/** Rough per-state cost of a queued state, for the memory budget (values are shared structures). */
const QUEUED_STATE_BYTES = 256;

export async function breadthFirstSearch(
  rt: ModelRuntime,
  limits: SearchLimits,
): Promise<SearchResult> {
  const states = new StateTable(undefined, !!limits.onEdge);
  let generated = 0;
  let depth = 0;
  let level: { s: State; id: number }[] = [];
  let nextLevel: { s: State; id: number }[] = [];
  const fp: [number, number] = [0, 0];
  let lastPoll = Date.now();
  const heapHigh = heapWatch(3, () => states.bytes);

  /** The new state's id, or -1 - the id of the state seen before with its fingerprint. */
  const record = (s: State, parent: number): number => {
    rt.fingerprint(s, fp);
    return states.add(fp[0], fp[1], parent);
  };

  let lastYield = Date.now();
  /**
   * Gives the event loop a turn now and then, so that a worker can receive a cancel message
   * while it searches (the search itself is synchronous between these points).
   */
  const yieldNow = (): Promise<void> | undefined => {
    const now = Date.now();
    if (now - lastYield < YIELD_EVERY_MS) return undefined;
    lastYield = now;
    return new Promise((resolve) => setTimeout(resolve, 0));
  };

  const poll = (): void => {
    const now = Date.now();
    if (now - lastPoll < 100) return;
    lastPoll = now;
    limits.onProgress?.({
      distinctStates: states.size,
      generatedStates: generated,
      queueSize: level.length + nextLevel.length,
      depth,
    });
    if (limits.shouldStop?.()) throw new Stop({ kind: 'stopped', reason: 'cancelled' });
    if (limits.memoryBudgetBytes !== undefined) {
      const bytes =
        states.bytes +
        (level.length + nextLevel.length) * QUEUED_STATE_BYTES +
        (limits.extraBytes?.() ?? 0);
      if (bytes > limits.memoryBudgetBytes)
        throw new Stop({ kind: 'stopped', reason: 'memory budget' });
    }
    // Whatever the estimate says, stop before the heap runs out (a dead tab says nothing).
    if (heapHigh()) throw new Stop({ kind: 'stopped', reason: 'memory budget' });
  };

  const admit = (
    s: State,
    parent: number,
    label: ActionLabel | undefined,
    from: State | undefined,
    borrowed = false,
  ): boolean => {
    // As TLC, TLCGet("level") is the new state's level in its VIEW and invariants, then again
    // the level of the state expanded (0 in the initial predicate) for the rest of the step.
    const expanding = rt.level;
    rt.level = depth + 1;
    try {
      const id = record(s, parent);
      if (id < 0) {
        if (limits.onEdge && from) limits.onEdge(parent, -1 - id, label, from, s);
        return false;
      }
      if (borrowed) s = s.slice();
      let inv;
      try {
        limits.onState?.(id, s, parent < 0);
        if (limits.onEdge && from) limits.onEdge(parent, id, label, from, s);
        inv = rt.violatedInvariant(s)?.name ?? limits.propertyState?.(s, parent < 0);
      } catch (e) {
        if (e instanceof EvalError) throw new Stop({ kind: 'error', error: e, stateId: id });
        throw e;
      }
      if (inv) throw new Stop({ kind: 'invariant', name: inv, stateId: id });
      nextLevel.push({ s, id });
      return true;
    } finally {
      rt.level = expanding;
    }
  };

  /**
   * A state outside the CONSTRAINTs (or reached by a step outside the ACTION_CONSTRAINTs): as TLC,
   * it is not recorded nor explored, but its invariants (and the state parts of properties) are
   * checked all the same: a violation there is a violation.
   */
  const checkOutside = (t: State, parent: number): void => {
    let inv;
    const expanding = rt.level;
    rt.level = depth + 1;
    try {
      inv = rt.violatedInvariant(t)?.name ?? limits.propertyState?.(t, parent < 0);
    } catch (e) {
      if (e instanceof EvalError)
        throw new Stop({ kind: 'error', error: e, stateId: parent < 0 ? undefined : parent });
      throw e;
    } finally {
      rt.level = expanding;
    }
    if (!inv) return;
    rt.fingerprint(t, fp);
    throw new Stop({ kind: 'invariant', name: inv, stateId: parent, toFp: [fp[0], fp[1]] });
  };

  // Labels cost allocations on every successor; only the recorded graph needs them here.
  const wantLabels = !!limits.onEdge && limits.edgeLabels !== false;
  // Successors are borrowed (runtime.successors) where only the constraints, the fingerprint and,
  // for a new state, a copy of it see them: no hook that might keep one or remember it.
  const borrow = !limits.onEdge && !limits.onState && !limits.propertyStep && !limits.propertyState;
  let outcome: SearchOutcome = { kind: 'success' };
  /** 1 when the search stopped at a step property on a step to a new state (recorded, not queued). */
  let notQueued = 0;
  /** The states recorded before the level being expanded: those after it are of the next level. */
  let nextStart = 0;
  try {
    try {
      rt.level = 0;
      rt.initStates((s) => {
        generated++;
        // Millions of initial states (a nondeterministic choice of a function): the budgets hold.
        if ((generated & 1023) === 0) poll();
        // The CONSTRAINTs of an initial state see it at level 1 (the initial predicate at 0).
        rt.level = 1;
        const inModel = rt.inModel(s, undefined);
        rt.level = 0;
        if (!inModel) return checkOutside(s, -1);
        admit(s, -1, undefined, undefined);
      });
    } catch (e) {
      if (e instanceof EvalError) throw new Stop({ kind: 'error', error: e, stateId: undefined });
      throw e;
    }
    if (limits.exitRequested?.()) throw new Stop({ kind: 'success', exited: true });
    while (nextLevel.length > 0) {
      depth++;
      level = nextLevel;
      nextLevel = [];
      nextStart = states.size;
      for (let i = 0; i < level.length; i++) {
        const { s, id } = level[i];
        level[i] = undefined as unknown as { s: State; id: number }; // let processed states be collected
        let any = false;
        try {
          rt.level = depth;
          rt.successors(
            s,
            (t, label) => {
              any = true;
              generated += 1 + rt.takeComposed();
              // One state with millions of successors: the budgets hold within its expansion too.
              if ((generated & 1023) === 0) poll();
              const inModel = rt.inModel(s, t);
              // As TLC: a successor inside the CONSTRAINTs is recorded (and its invariants
              // checked) before the step's action properties, which are checked whatever the
              // constraints say; so a step to a new state that violates one counts that state,
              // which is not on TLC's queue (it enqueues a state after the step's checks).
              const added = inModel && admit(t, id, label, s, borrow);
              const bad = limits.propertyStep?.(s, t);
              if (bad) {
                if (added) notQueued = 1;
                rt.fingerprint(t, fp);
                throw new Stop({
                  kind: 'step-property',
                  name: bad,
                  stateId: id,
                  toFp: [fp[0], fp[1]],
                });
              }
              if (!inModel) checkOutside(t, id);
            },
            wantLabels,
            undefined,
            borrow,
          );
          generated += rt.takeComposed();
        } catch (e) {
          generated += rt.takeComposed();
          if (e instanceof EvalError) {
            // TLC counts the successor it then reports as incomplete.
            if (e instanceof IncompleteStateError) generated++;
            throw new Stop({ kind: 'error', error: e, stateId: id });
          }
          throw e;
        }
        if (!any && limits.checkDeadlock) throw new Stop({ kind: 'deadlock', stateId: id });
        if (limits.exitRequested?.()) throw new Stop({ kind: 'success', exited: true });
        if ((i & 63) === 0) {
          const pause = yieldNow();
          if (pause) await pause;
          poll();
        }
      }
      level = [];
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    outcome = e.outcome;
  }
  // Where a search stops at a violation, a deadlock or an error, TLC reports the deepest level it
  // has recorded a state of: the next level's once one of its states was recorded, queued or not
  // (a state whose invariant fails to evaluate is recorded first, as a violating one is).
  const complete = outcome.kind === 'success' && !outcome.exited;
  const reached =
    complete || outcome.kind === 'stopped' ? depth : states.size > nextStart ? depth + 1 : depth;
  return {
    outcome,
    distinctStates: states.size,
    generatedStates: generated,
    depth:
      outcome.kind === 'invariant'
        ? Math.max(reached, outcome.stateId < 0 ? 0 : levelOf(states, outcome.stateId) + 1)
        : reached,
    queueLeft: complete ? 0 : level.filter(Boolean).length + nextLevel.length - notQueued,
    fpChain: (id) => chainTo(states, id).map((i) => [states.hiOf(i), states.loOf(i)]),
    fpOf: (id) => [states.hiOf(id), states.loOf(id)],
    seenBytes: states.bytes,
  };
}

function levelOf(states: StateTable, id: number): number {
  let d = 0;
  for (let p = states.parentOf(id); p >= 0; p = states.parentOf(p)) d++;
  return d;
}

/** The ids from an initial state to `id`. */
function chainTo(states: StateTable, id: number): number[] {
  const chain: number[] = [];
  for (let p = id; p >= 0; p = states.parentOf(p)) chain.push(p);
  return chain.reverse();
}

/**
 * Replays the search along a chain of fingerprints: the states and the labels of the steps.
 * Successors are enumerated in the same order as in the search, so the first match is the step
 * the search took.
 */
/**
 * No successor of the state replayed so far has the next fingerprint of the chain: under a VIEW,
 * members of one class can have different successors, and a chain found on the reduced graph
 * need not be a behaviour of the member the replay reached.
 */
export class ReplayLostError extends Error {}

export function replayChain(
  rt: ModelRuntime,
  fps: [number, number][],
): { states: State[]; labels: (ActionLabel | undefined)[] } {
  const states: State[] = [];
  const labels: (ActionLabel | undefined)[] = [];
  for (let i = 0; i < fps.length; i++) {
    const found = stateWithFingerprint(rt, i === 0 ? undefined : states[i - 1], fps[i]);
    if (!found)
      throw new ReplayLostError(`internal error: trace replay lost the state at step ${i + 1}`);
    states.push(found.state);
    labels.push(i === 0 ? undefined : found.label);
  }
  return { states, labels };
}

/**
 * The first initial state (no `from`) or successor of `from` whose fingerprint is `target`, with
 * the step's label; undefined when there is none.
 */
export function stateWithFingerprint(
  rt: ModelRuntime,
  from: State | undefined,
  target: readonly [number, number],
): { state: State; label: ActionLabel | undefined } | undefined {
  const fp: [number, number] = [0, 0];
  const FOUND = {};
  let found: { state: State; label: ActionLabel | undefined } | undefined;
  const match = (s: State, label?: ActionLabel) => {
    rt.fingerprint(s, fp);
    if (fp[0] !== target[0] || fp[1] !== target[1]) return;
    found = { state: s, label: label ? { ...label, params: label.params.slice() } : undefined };
    throw FOUND;
  };
  try {
    if (from === undefined) rt.initStates((s) => match(s));
    else rt.successors(from, match);
  } catch (e) {
    if (e !== FOUND) throw e;
  }
  return found;
}

/**
 * The engine's public contract: what a check is asked, and what it answers. Everything here is
 * plain JSON-able data so that it crosses a worker boundary (comlink / structured clone) and is
 * written by the CLI as is. One `Trace` type feeds every view and every format (DESIGN.md).
 */
import type { Diagnostic, Range } from '../../tla/ast/ast';
import type { TraceState, TraceValue } from '../../trace/value';

/** How a state was reached from its predecessor: the action and its bound parameters. */
export interface TraceStep {
  /** The action's operator name, e.g. `Send`; `Init` / the init predicate name for the first state. */
  action: string;
  /**
   * Parameters in order: the operator's arguments, then variables bound by `\E p \in Procs` in it
   * (`bound`: TLC does not print those in its step label).
   */
  params: { name: string; value: TraceValue; bound?: boolean }[];
  /** Human label: `Send(p1, [type |-> "ack"])`, values printed as TLA+. */
  label: string;
  /** Where the action is defined (the disjunct or operator body). */
  range?: Range;
  /**
   * What TLC names the step, when not `action` with `params`: where TLC stops splitting Next
   * (a call whose arguments read the state, `\E` over a set that does, a definition of an
   * instantiated module), the operator it stopped at, while `action` names the one inside.
   */
  shown?: { action: string; params: TraceValue[] };
  /**
   * The nondeterministic choice the step made: the successor taken (`index`, from 0) among the
   * `of` successors the engine enumerates at the previous state, in its deterministic order (for
   * the first state: among the initial states). Set by the simulator.
   */
  choice?: { index: number; of: number };
  /**
   * The step's recorded nondet picks (Quint's ITF `mbt::nondetPicks`): every nondet of the spec
   * by its unqualified name, with the value the step picked, or without one where it picked none.
   * A replay (pathOfTrace) restricts each `S.oneOf()` to the pick.
   */
  picks?: { name: string; value?: TraceValue }[];
}

export interface Trace {
  vars: string[];
  states: TraceState[];
  /** `steps[i]` describes how `states[i]` was reached; `steps[0]` is the initial predicate. */
  steps: TraceStep[];
  /** For a lasso (liveness counterexample): the index of the state the last state loops back to. */
  loop?: number;
  /**
   * The variables in the order TLC prints them (its internal order, tlc-variable-order.ts), for
   * TLC's text; `vars` keeps the declaration order the views show.
   */
  tlcVars?: string[];
  /**
   * The .cfg's ALIAS evaluated on each state (its next state the following one, the last state
   * its own): what TLC prints in place of the variables, field by field in the record's order.
   * The views show the variables; the TLC-format text shows these.
   */
  alias?: { fields: string[]; states: TraceState[] };
}

export type Verdict =
  | 'success'
  | 'safety failure'
  | 'deadlock failure'
  | 'liveness failure'
  | 'assumption failure'
  | 'error';

/** A TLA+ source module given to the engine. `name` is the file name, e.g. `DieHard.tla`. */
export interface SourceFile {
  name: string;
  text: string;
}

export interface CheckOptions {
  /** Overrides the `.cfg`'s CHECK_DEADLOCK (the CLI's `--no-deadlock` sets false). */
  checkDeadlock?: boolean;
  /** Worker count for the pool; 1 runs in the calling thread. */
  workers?: number;
  /** Stop with a message when the seen-set and queue would exceed this many bytes. */
  memoryBudgetBytes?: number;
  /** Record the reachable graph (states and edges) in the result, e.g. for `--dump-dot` or the graph view. */
  collectGraph?: boolean;
  /** With collectGraph: stop recording beyond this many states (the check goes on). */
  maxGraphStates?: number;
}

export interface CheckRequest {
  /** All modules the user has open; more are looked up through `resolveModule` (library path). */
  files: SourceFile[];
  /** The name of the module to check, e.g. `DieHard`. */
  mainModule: string;
  /** The TLC model config text, and its file name for error messages. */
  cfg: string;
  cfgName?: string;
  options?: CheckOptions;
}

export interface Progress {
  distinctStates: number;
  generatedStates: number;
  queueSize: number;
  depth: number;
  elapsedMs: number;
}

/**
 * What an error is about, which decides the CLI's exit code (cli/exit-codes.ts) and how it reads:
 * the spec does not parse or is not well formed (`spec`), the model config names or lacks what the
 * spec needs (`config`), evaluating the spec failed (`eval`), or a bug or limit of specstage
 * (`internal`).
 */
export type ErrorKind = 'spec' | 'config' | 'eval' | 'internal';

export interface EngineError {
  /** Always set by our engine; an answer from another engine (TLC) may leave it to the CLI to guess. */
  kind?: ErrorKind;
  message: string;
  /** Where in a module (or the .cfg: module is the cfg file name) the error arises. */
  range?: Range;
  /** For front-end errors: every diagnostic found. */
  diagnostics?: Diagnostic[];
  /** For evaluation errors during the search: the trace that reached the failing state. */
  trace?: Trace;
}

export interface StateGraph {
  /** `id` is the index of the state in discovery order. */
  states: { id: number; state: TraceState; initial: boolean }[];
  /**
   * One edge per pair of states and action; `labels` are the steps it stands for with their
   * parameters (`Acquire(c1)`), as the trace labels them.
   */
  edges: { from: number; to: number; action: string; labels?: string[] }[];
  /** True when maxGraphStates cut the recording short. */
  truncated: boolean;
}

export interface CheckResult {
  result: Verdict;
  distinctStates: number;
  generatedStates: number;
  /** TLC's "depth of the complete state graph search" (the BFS level count). */
  depth: number;
  durationMs: number;
  /** States left on the queue when the search stopped (0 when it completed). */
  queueLeft: number;
  /** What was violated: the invariant name, the assumption, 'deadlock', the property name. */
  violated?: string;
  /**
   * What TLC names in its message: for a PROPERTY violated during the search, the part of it
   * (`Invariant Inv2`, `Action property line 14, col 22 to line 14, col 33 of module M`); for an
   * assumption, where its expression is.
   */
  violatedPart?: { kind: 'invariant' | 'action property' | 'assumption'; label: string };
  trace?: Trace;
  error?: EngineError;
  /** `.cfg` PROPERTIES this run did not check; never claim what was not checked. */
  uncheckedProperties?: string[];
  /** For each unchecked property: why it could not be checked. */
  uncheckedReasons?: Record<string, string>;
  /** What TLC warns of for this model (liveness under SYMMETRY), in its words. */
  warnings?: string[];
  /** Output of Print / PrintT, in order. */
  output: string[];
  /** Set when the run stopped before completion for a reason other than a verdict. */
  stopped?: 'cancelled' | 'memory budget';
  graph?: StateGraph;
}

/**
 * Random simulation (TLC's -simulate): behaviours from random initial states, each step a random
 * successor. Every behaviour's random stream is derived from (seed, behaviour index) alone, so a
 * seed names the same behaviours whichever worker simulates which of them.
 */
export interface SimulateOptions {
  /** How many behaviours to simulate (TLC's -num). */
  behaviours: number;
  /** The most steps (transitions) in one behaviour; a behaviour has at most maxSteps + 1 states. */
  maxSteps: number;
  /** An integer in [0, 2^53); chosen at random (and reported) when absent. */
  seed?: number;
  /** Overrides the `.cfg`'s CHECK_DEADLOCK. */
  checkDeadlock?: boolean;
  /** Keep simulating after a violation and report every one (the first one sets the verdict). */
  keepGoing?: boolean;
  /** Return every behaviour's trace in `traces` (for ITF output, model-based tests). */
  collectTraces?: boolean;
  /** Simulate only the behaviours whose index is `index` modulo `count` (one worker's share). */
  shard?: { index: number; count: number };
  /** How a step is chosen (default 'action', as TLC and Quint): see SimulatePick. */
  pick?: SimulatePick;
}

/**
 * 'action': an action at random among those with a successor (TLC's actions: Next's disjuncts,
 * split further per element of a `\E` over a constant set; Quint's `any` branches), every
 * successor of it checked against the invariants, then one of them at random: what TLC's
 * simulator does. 'successor': one successor at random among all those of the state, only it
 * checked (a step of an action with few successors is rarer).
 */
export type SimulatePick = 'action' | 'successor';

export interface SimulateRequest {
  files: SourceFile[];
  mainModule: string;
  cfg: string;
  cfgName?: string;
  options: SimulateOptions;
}

export interface SimulateProgress {
  /** Behaviours finished. */
  behaviours: number;
  /** Transitions taken. */
  steps: number;
  /** Successors enumerated (what TLC counts as generated states). */
  generatedStates: number;
  elapsedMs: number;
}

/** One simulated behaviour and how it ended. */
export interface SimulatedBehaviour {
  /** Its index among all behaviours of the seed (0-based). */
  index: number;
  /** 'success' when it reached maxSteps or had no in-model successor left. */
  result: Verdict;
  violated?: string;
  error?: EngineError;
  trace: Trace;
}

export interface SimulateResult {
  /** The verdict of the first (lowest-index) behaviour that failed, else 'success'. */
  result: Verdict;
  /** The seed actually used: rerun with it to get the same behaviours. */
  seed: number;
  behaviours: number;
  steps: number;
  generatedStates: number;
  durationMs: number;
  /**
   * The part of durationMs spent on behaviours, after parsing, compiling and enumerating the
   * initial states (all of them, as TLC does: for some models that is most of the work).
   */
  simulatingMs?: number;
  /** Index of the behaviour behind `result` when it is a failure. */
  behaviour?: number;
  violated?: string;
  trace?: Trace;
  error?: EngineError;
  /** How many behaviours failed (more than one only with keepGoing). */
  failures: number;
  /** With keepGoing: the failed behaviours (the first 100 of each worker), in index order. */
  failed?: SimulatedBehaviour[];
  /** With collectTraces: every behaviour, in index order. */
  traces?: SimulatedBehaviour[];
  uncheckedProperties?: string[];
  /** What the run warns of (an ALIAS the views do not show), as a check's `warnings`. */
  warnings?: string[];
  output: string[];
  stopped?: 'cancelled';
}

/**
 * Trace validation's contract: a log of an implementation's run, how its fields map onto the
 * spec, and what the search answers. Plain JSON-able data, like the checker's (src/check/contract/types.ts),
 * so that it crosses a worker boundary and the CLI writes it as is.
 */
import type { EngineError, Trace } from '../check/contract/types';
import type { TraceState, TraceValue } from '../trace/value';

/**
 * One event of the log, after the mapping: the action the implementation says it took (if it says),
 * the action's parameters, and the variables it logged (any subset). Values are the log's JSON,
 * compared with the spec's values loosely (match.ts): an array is a set or a sequence as the
 * spec's value is, a string may name a model value, ITF's tagged forms are understood.
 */
export interface LogEvent {
  /** Position in the log (0-based, in file order). */
  index: number;
  /** Line of the file it was read from (1-based), when read from a file. */
  line?: number;
  action?: string;
  /** Parameters by name (`{"k": 2}`) or in order (`[2]`: the operator's arguments, then `\E`-bound). */
  params?: Record<string, unknown> | unknown[];
  /** Spec variable → logged value. */
  vars: Record<string, unknown>;
  /** The process that logged the event (with a clock: the logs of several processes merged). */
  process?: string;
  /** A Lamport timestamp, or a vector clock (process → count). */
  clock?: number | Record<string, number>;
}

/** How one log field becomes a spec variable. */
export interface FieldMapping {
  variable: string;
  /** Log value (as JSON text, e.g. `"OK"` or `3`) → the value the spec holds. */
  values?: Record<string, unknown>;
}

/**
 * `--mapping map.json`. Every key is optional; field names may be dotted paths (`state.queue`).
 * Without a mapping, an event's `action` and `params` fields are its action and parameters, and
 * every other top-level field named like a spec variable is that variable.
 */
export interface LogMapping {
  /** The field holding the action's name (default `action`). */
  action?: string;
  /** Log action names → the spec's action (operator) names. */
  actions?: Record<string, string>;
  /**
   * The field holding the parameters (default `params`), or each parameter's own field:
   * `{"k": "idempotencyKey"}`.
   */
  params?: string | Record<string, string>;
  /** Log field → spec variable (or how to convert it). Fields not listed are matched by name unless `onlyMapped`. */
  fields?: Record<string, string | FieldMapping>;
  /** Only the fields listed in `fields` are variables (default false). */
  onlyMapped?: boolean;
  /** The field naming the process that logged the event (default `process`). */
  process?: string;
  /** The field holding its Lamport timestamp or vector clock (default `clock`). */
  clock?: string;
  /**
   * Events may be missing: up to this many steps of the spec may happen, unlogged, before each
   * event (default 0). Also covers one event that stands for several steps (merged events).
   */
  maxSilentSteps?: number;
  /** Which actions may be unlogged (default: any). */
  silentActions?: string[];
  /** An event without an action may log the state again without a step (default false). */
  stutter?: boolean;
  /**
   * Does the first event describe an initial state? `auto` (default): when it names no action or
   * names the initial predicate.
   */
  initialEvent?: 'auto' | 'yes' | 'no';
  /** Stop when more than this many states of the spec fit the log so far (default 100000). */
  maxCandidates?: number;
}

export interface ValidateProgress {
  events: number;
  totalEvents: number;
  /** States of the spec consistent with the events so far. */
  candidates: number;
  elapsedMs: number;
}

/** Where the spec's state disagrees with what an event logged. */
export interface Disagreement {
  /** A variable name, or `action`, or `params.<name>`. */
  what: string;
  logged: unknown;
  /** The spec's value (for `action`: the action's name). */
  spec: TraceValue | undefined;
}

export interface Divergence {
  /** The first event no behaviour of the spec explains (0-based index into the log). */
  event: number;
  line?: number;
  /** The events explained before it (for merged process logs: the most any order explained). */
  explained: number;
  /** The event as logged (after the mapping). */
  logged: LogEvent;
  /**
   * The successor of the last matched state that comes closest to the event (fewest disagreements),
   * or the closest initial state when the first event fails.
   */
  closest?: {
    label: string;
    action: string;
    state: TraceState;
    disagree: Disagreement[];
  };
  /** The actions enabled at the last state that matched (labels, e.g. `Gateway(2)`). */
  enabled: string[];
}

export interface ValidateResult {
  /** `behaviour`: the log is a behaviour of the spec; `divergence`: it is not. */
  result: 'behaviour' | 'divergence' | 'error' | 'stopped';
  events: number;
  /**
   * The matching behaviour; for a divergence the behaviour that explains the events before it,
   * ending in the last state that matched.
   */
  trace?: Trace;
  /** For each state of `trace`, the log event it matches (`null`: a step the log does not show). */
  stepEvents?: (number | null)[];
  divergence?: Divergence;
  error?: EngineError;
  /** Why the search stopped short (too many candidate states, cancelled). */
  stopped?: string;
  /** The most candidate states held at once. */
  maxCandidates: number;
  durationMs: number;
}

/**
 * What the gallery knows about an example: its files, what it teaches, the result a check gives
 * (pinned by examples.test.ts against the real engine) and, for a workshop exercise, the goal.
 */
import type { Verdict } from '../../check/contract/types';
import type { QuintModel } from '../store/state';

export type ExampleTag =
  | 'violation'
  | 'success'
  | 'liveness'
  | 'fairness'
  | 'retries'
  | 'idempotency'
  | 'crash'
  | 'consensus'
  | 'distributed'
  | 'puzzle'
  | 'exercise';

/** What `checkModel` answers for the example as shipped (or, for a goal, as solved). */
export interface ExpectedResult {
  verdict: Verdict;
  /** The invariant or property a violation breaks. */
  violated?: string;
  /** States in the counterexample (for a lasso: up to the last state, before it loops back). */
  traceLength?: number;
  /** For a lasso: the index (from 0) of the state the last one loops back to. */
  loopsBackTo?: number;
  /** For a success: the distinct states found. */
  distinctStates?: number;
}

/** An edit in one file: the first occurrence of `find` becomes `replace`. */
export interface Edit {
  file: string;
  find: string;
  replace: string;
}

/**
 * A workshop exercise: the shipped spec breaks something; the learner changes the model until
 * the check passes with the goal's invariants and properties checked, and the goal's terms as
 * shipped (the definitions in `keep`, the .cfg lines in `cfgKeeps`), so that deleting the
 * invariant or shrinking the model does not count.
 */
export interface Goal {
  /** The exercise, as told to the learner. */
  task: string;
  /** Invariants that must be in the .cfg, checked, and hold. */
  invariants: string[];
  /** Temporal properties that must be in the .cfg, checked, and hold. */
  properties: string[];
  /** Definitions of the main module that must stay as shipped (comments and spacing aside). */
  keep: string[];
  /** Lines of the .cfg that must stay (spacing aside), e.g. `MaxAttempts = 3`. */
  cfgKeeps: string[];
  /** Hints, from a nudge to nearly the answer. */
  hints: string[];
  /** One solution; the tests apply it and expect `solved`. */
  solution: Edit[];
  solved: ExpectedResult;
}

/** An example as the gallery lists it; its files are loaded when it is opened (loadExample). */
export interface ExampleMeta {
  id: string;
  title: string;
  /** One line for the gallery's card. */
  summary: string;
  /** Paragraphs: the failure path it shows and what to look at. `code` in backquotes. */
  description: string[];
  tags: ExampleTag[];
  mainModule: string;
  cfgFile: string;
  /** A Quint example: its file and what to check (`cfgFile` is then empty). */
  quint?: QuintModel;
  /** The result of checking the example as shipped. */
  expected: ExpectedResult;
  goal?: Goal;
}

/** An example with its files: `${mainModule}.tla`, then `cfgFile` (tabs follow this order). */
export interface Example extends ExampleMeta {
  files: Record<string, string>;
}

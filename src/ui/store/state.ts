/**
 * The shape of what the user sees. Rendering is a pure function of this state (DESIGN.md);
 * everything but transient requests is persisted so that a reload keeps the user's work.
 */
import type { CheckResult, Progress, SimulateProgress } from '../../check/contract/types';
import type { ShareVerdict } from '../../formats/share-link';
import type { TraceViewState } from '../explore/state';
import type { SequenceMapping } from '../views/sequence/model/mapping';

export type ThemeSetting = 'system' | 'light' | 'dark';
export type ViewId = 'trace' | 'graph' | 'sequence';
/**
 * How the editor and the views share the main area: the editor above the views, beside them, or
 * folded away so that a view has all of it (a design review, a projector).
 */
export type MainLayout = 'stacked' | 'side' | 'views';

/**
 * A Quint spec's model (issue #20), instead of a .cfg: its main file, and Quint's `--init`,
 * `--step` and `--invariant`s (names of definitions of the main module, `mainModule`).
 */
export interface QuintModel {
  file: string;
  init: string;
  step: string;
  invariants: string[];
  /** `temporal` definitions to check (Quint's --temporal), under the fairness they state. */
  temporal?: string[];
}

export interface ModelSettings {
  /** Module to check, without `.tla` (a Quint module's name when `quint` is set). */
  mainModule: string;
  /** Set when the spec is a Quint one: what to check; `cfgFile` is then not read. */
  quint?: QuintModel;
  /** The file holding the TLC model config. */
  cfgFile: string;
  /** `cfg` follows the .cfg's CHECK_DEADLOCK; the others override it. */
  deadlock: 'cfg' | 'check' | 'skip';
  workers: number;
  /**
   * The check stops with a message when the engine's estimate of its memory (seen states, queue)
   * passes this many MiB, before the tab runs out (src/check/search/memory.ts watches the heap too).
   */
  memoryBudgetMb: number;
  /** Record the reachable graph for the state graph view, up to `maxGraphStates`. */
  recordGraph: boolean;
  maxGraphStates: number;
  /** TLA+ expressions the trace view evaluates at every state (TLC's trace explorer watches). */
  watches: string[];
  /** The sequence diagram's mapping as the user set it; inferred from the trace when absent. */
  sequenceMapping?: SequenceMapping;
  /**
   * The gallery example these files were opened from (its id), kept with the project so that
   * the example is recognised by where it came from, never by its file names alone.
   */
  example?: string;
}

export type RunStatus = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface RunState {
  status: RunStatus;
  progress?: Progress;
  /**
   * The run's progress samples for the live chart (src/ui/engine/progressHistory.ts: bounded,
   * downsampled); its last one is the final figures once the run ends. Not persisted.
   */
  history?: Progress[];
  /** The engine's answer to the last run; a new run clears it. */
  result?: CheckResult;
  /** Why the run did not produce a result (the engine threw, the worker crashed). */
  failure?: string;
  /** Set when the run is a random simulation rather than a check (RunControls' Simulate). */
  simulation?: SimulationState;
  /** What the run read (modules, config, settings): an edit since makes its answer stale. */
  checked?: CheckedSpec;
  /**
   * A share link's claim about the spec it carried (the author's verdict), shown until a check
   * here confirms or contradicts it; kept across runs of that spec.
   */
  claim?: SharedClaim;
  /** The search keeps getting deeper (src/ui/engine/unbounded.ts): likely an unbounded variable. */
  growth?: GrowthWarning;
  /** Set when the result is TLC's, read from its log (src/ui/handoff/openRun.ts). */
  tlc?: TlcRunSource;
  /** Modules whose stale PlusCal translation was replaced before the run (engine/pluscal.ts). */
  translated?: string[];
}

export interface TlcRunSource {
  /** The file (or `pasted text`) the run was read from. */
  file: string;
  version?: string;
  workers?: number;
  /** The module TLC checked, as its log names it. */
  mainModule?: string;
  /** The log ends before TLC did: no verdict. */
  unfinished?: boolean;
  /** TLC's words for what its trace violates (`Invariant NotSolved is violated.`). */
  headline?: string;
  /** The trace replayed under the open spec: under way, done, or where it stopped replaying. */
  replay?: 'replaying' | 'replayed' | { step: number; message: string };
}

export interface SharedClaim {
  verdict: ShareVerdict;
  /** The spec and model the link carried: the claim is about them, not about later edits. */
  spec: CheckedSpec;
}

export interface GrowthWarning {
  depth: number;
  distinctStates: number;
  /** Variables seen growing along random behaviours; undefined while they are looked for. */
  variables?: { name: string; from: string; to: string; steps: number }[];
  /** Why none were looked for to the end: the run was stopped first. */
  unnamed?: 'stopped';
}

export interface SimulationState {
  progress?: SimulateProgress;
  /** The simulation's own figures; `result` holds its verdict and trace as a check's would. */
  summary?: {
    seed: number;
    behaviours: number;
    steps: number;
    generatedStates: number;
    failures: number;
    /** The index of the failing behaviour shown. */
    behaviour?: number;
    /** With no failure: the index of the behaviour shown as a sample (its trace is the result's). */
    sample?: number;
  };
}

export interface ViewSettings {
  theme: ThemeSetting;
  activeView: ViewId;
  /** Width of the side panel, px. */
  sidePanelWidth: number;
  /** Share of the main area's height given to the editor above the views, 0..1. */
  editorFraction: number;
  /** Share of the main area's width given to the editor beside the views, 0..1. */
  editorSideFraction: number;
  layout: MainLayout;
}

/** A request to show a source location in the editor; `seq` makes repeated requests distinct. */
export interface RevealRequest {
  file: string;
  line: number;
  column: number;
  seq: number;
  /** Highlight up to here (exclusive column); without it, only the cursor moves. */
  end?: { line: number; column: number };
  /** Move the keyboard focus into the editor (not when stepping through a trace by keys). */
  focus?: boolean;
}

export interface AppState {
  files: Record<string, string>;
  activeFile: string;
  model: ModelSettings;
  run: RunState;
  selectedStep: number;
  view: ViewSettings;
  reveal?: RevealRequest;
  traceView: TraceViewState;
}

/** What a run checked (engine/staleness.ts compares it with the files now). */
export interface CheckedSpec {
  mainModule: string;
  cfgFile: string;
  deadlock: ModelSettings['deadlock'];
  /** The .tla files and the model config, as the run read them. */
  files: Record<string, string>;
}

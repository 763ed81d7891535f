/**
 * Behaviours by hand: a path is a list of choices (the index of an initial state, then the index of
 * a successor at each step, in the engine's deterministic enumeration order). `exploreModel`
 * replays a path, returns its trace and the choices available after it, and evaluates watch
 * expressions at every state. Share links carry the same paths: states are recomputed when a link
 * opens, never trusted.
 *
 * Compiled models are cached by their source text, so stepping through a model compiles it once.
 */
import type { Expr } from '../../tla/ast/ast';
import { parseModuleText } from '../../tla/parse/parser';
import type { CheckRequest, EngineError, Trace, TraceStep } from '../contract/types';
import type { ModelParts } from '../../eval/model';
import { EvalError } from '../../eval/errors';
import type { Ev } from '../../eval/compile-expr';
import type { ActionLabel, Ctx } from '../../eval/scope';
import { printValue } from '../../eval/print';
import { ModelRuntime, type State } from '../model/runtime';
import { engineErrorOf, ensureFrontEnd, loadModules, FrontEndFailure } from '../check';
import { buildModel, checkServices, readConfig } from '../model/setup';
import type { TraceState, TraceValue } from '../../trace/value';
import { toTraceValue } from '../../trace/from-engine';
import { canonicalKey, canonicalStateKey } from '../../trace/keys';
import { printValueOneLine as printTraceValue } from '../../trace/print';
import {
  type Value,
  TupleValue,
  SetValue,
  RecordValue,
  makeFunction,
  compare,
} from '../../core/values';
import { fromBig } from '../../core/big-int';
import type { EvalServices, NondetPick } from '../../eval/builtins/types';

export interface ExploreRequest extends CheckRequest {
  /** Choice indexes: `path[0]` picks an initial state, `path[i]` a successor of state i-1. */
  path: number[];
  /** TLA+ expressions evaluated at every state of the path (the trace explorer's watches). */
  watches?: string[];
}

export interface ExploreChoice {
  /** `Send(p1, m2)`; `Initial predicate` for initial states. */
  label: string;
  action: string;
  params: { name: string; value: TraceValue }[];
  range?: TraceStep['range'];
  state: TraceState;
  /** Variables whose value differs from the current state (all of them for initial states). */
  changed: string[];
  /** Invariants the state violates, if any. */
  violates: string[];
}

export type WatchCell = { value: TraceValue; text: string } | { error: string };

export interface ExploreResult {
  /** The states along the path that replayed. */
  trace: Trace;
  /** Initial states (empty path) or the successors of the last state of the path. */
  choices: ExploreChoice[];
  /** One row per watch expression, one cell per state of `trace`. */
  watches: { expr: string; cells: WatchCell[] }[];
  /** The path stopped replaying at this step (index into `path`), and why. */
  replayError?: { step: number; message: string };
  error?: EngineError;
}

interface CompiledModel {
  rt: ModelRuntime;
  /** The services the model's evaluation calls (pathOfTrace sets `pick` for a replay). */
  services: EvalServices;
  parts: ModelParts;
  watches: Map<string, Ev | EvalError>;
}

const cache = new Map<string, CompiledModel>();
const CACHE_LIMIT = 4;

function cacheKey(req: CheckRequest): string {
  return JSON.stringify([req.mainModule, req.cfg, req.files.map((f) => [f.name, f.text])]);
}

async function compile(req: CheckRequest): Promise<CompiledModel> {
  const key = cacheKey(req);
  const hit = cache.get(key);
  if (hit) return hit;
  await ensureFrontEnd(req);
  // The same setup as `check`: the same string order and TLCGet answers, so that a path found by
  // one replays under the other.
  const config = readConfig(req);
  const modules = loadModules(req);
  const live: { rt?: ModelRuntime } = {};
  const services = checkServices(req, config, [], () => live.rt?.level ?? 0);
  const parts = buildModel(modules, config, services, req.mainModule);
  const rt = new ModelRuntime(parts, config);
  live.rt = rt;
  const model: CompiledModel = { rt, parts, services, watches: new Map() };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, model);
  return model;
}

/** Parses a watch expression by wrapping it in a one-definition module. */
function parseWatch(text: string): Expr {
  const wrapped = `---- MODULE SpecstageWatch ----\nSpecstageWatch == ${text}\n====\n`;
  const r = parseModuleText(wrapped, 'SpecstageWatch.tla');
  const err = r.diagnostics.find((d) => d.severity === 'error');
  if (err) throw new EvalError(`Cannot parse the watch expression: ${err.message}`);
  const unit = r.module?.units.find((u) => u.kind === 'OpDef');
  if (!unit || unit.kind !== 'OpDef') throw new EvalError('Cannot parse the watch expression');
  return unit.body;
}

function watchEv(model: CompiledModel, text: string): Ev | EvalError {
  let got = model.watches.get(text);
  if (!got) {
    try {
      got = model.parts.compiler.topLevel(parseWatch(text), model.parts.root);
    } catch (e) {
      got = e instanceof EvalError ? e : new EvalError(String(e));
    }
    model.watches.set(text, got);
  }
  return got;
}

function record(vars: string[], s: State): TraceState {
  const out: TraceState = {};
  vars.forEach((v, i) => (out[v] = toTraceValue(s[i])));
  return out;
}

function labelText(l: ActionLabel): string {
  return l.params.length
    ? `${l.name}(${l.params.map((p) => printValue(p.value)).join(', ')})`
    : l.name;
}

interface RawChoice {
  state: State;
  label?: ActionLabel;
}

function enumerate(rt: ModelRuntime, from: State | undefined): RawChoice[] {
  const out: RawChoice[] = [];
  if (!from) rt.initStates((s) => out.push({ state: s }));
  else {
    rt.successors(from, (t, label) =>
      out.push({ state: t, label: label ? { ...label, params: label.params.slice() } : undefined }),
    );
  }
  return out;
}

function describeChoice(
  rt: ModelRuntime,
  raw: RawChoice,
  from: State | undefined,
  initName: string,
): ExploreChoice {
  const vars = rt.vars;
  const changed = vars.filter((_, i) => !from || printValue(from[i]) !== printValue(raw.state[i]));
  let violates: string[];
  try {
    const bad = rt.violatedInvariant(raw.state);
    violates = bad ? [bad.name] : [];
  } catch (e) {
    violates = [`error: ${e instanceof Error ? e.message : String(e)}`];
  }
  const l = raw.label;
  return {
    label: l ? labelText(l) : 'Initial predicate',
    action: l ? l.name : initName,
    params: l ? l.params.map((p) => ({ name: p.name, value: toTraceValue(p.value) })) : [],
    range: l?.range,
    state: record(vars, raw.state),
    changed,
    violates,
  };
}

export async function exploreModel(req: ExploreRequest): Promise<ExploreResult> {
  const empty: ExploreResult = {
    trace: { vars: [], states: [], steps: [] },
    choices: [],
    watches: [],
  };
  let model: CompiledModel;
  try {
    model = await compile(req);
  } catch (e) {
    if (e instanceof FrontEndFailure) return { ...empty, error: e.error };
    return { ...empty, error: engineErrorOf(e) };
  }
  const rt = model.rt;
  const initName = model.parts.init?.expr.kind === 'Ident' ? model.parts.init.expr.name : 'Init';
  const states: State[] = [];
  const steps: TraceStep[] = [];
  let replayError: ExploreResult['replayError'];
  let choices: RawChoice[];
  try {
    choices = enumerate(rt, undefined);
    for (let i = 0; i < req.path.length; i++) {
      const k = req.path[i];
      if (!Number.isInteger(k) || k < 0 || k >= choices.length) {
        replayError = {
          step: i,
          message: `Step ${i + 1} chooses option ${k + 1}, but the spec now offers ${choices.length} ${i === 0 ? 'initial state(s)' : 'successor(s)'} there`,
        };
        break;
      }
      const chosen = choices[k];
      const l = chosen.label;
      steps.push(
        l
          ? {
              action: l.name,
              params: l.params.map((p) => ({
                name: p.name,
                value: toTraceValue(p.value),
                ...(p.bound ? { bound: true } : {}),
              })),
              label: labelText(l),
              range: l.range,
              ...(l.shown
                ? { shown: { action: l.shown.name, params: l.shown.params.map(toTraceValue) } }
                : {}),
            }
          : {
              action: initName,
              params: [],
              label: 'Initial predicate',
              range: model.parts.init?.expr.range,
            },
      );
      states.push(chosen.state);
      choices = enumerate(rt, chosen.state);
    }
  } catch (e) {
    const trace = { vars: rt.vars, states: states.map((s) => record(rt.vars, s)), steps };
    // An evaluation error keeps its own message; an internal one says so.
    const error =
      e instanceof EvalError
        ? engineErrorOf(e)
        : { ...engineErrorOf(e), message: e instanceof Error ? e.message : String(e) };
    return { ...empty, trace, error: { ...error, trace } };
  }
  const last = states[states.length - 1];
  const ctx: Ctx = { s: [], n: null, f: null };
  const watches = (req.watches ?? []).map((text) => {
    const ev = watchEv(model, text);
    const cells: WatchCell[] = states.map((s) => {
      if (ev instanceof EvalError) return { error: ev.message };
      try {
        ctx.s = s;
        const v = ev(ctx);
        return { value: toTraceValue(v), text: printValue(v) };
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e) };
      }
    });
    return { expr: text, cells };
  });
  return {
    trace: { vars: rt.vars, states: states.map((s) => record(rt.vars, s)), steps },
    choices: replayError ? [] : choices.map((c) => describeChoice(rt, c, last, initName)),
    watches,
    ...(replayError ? { replayError } : {}),
  };
}

/**
 * What pathOfTrace answers: the choices that replay the whole trace, or the first state that does
 * not replay, with the choices that replay the states before it. `withPicks`: every state replayed,
 * some only with the trace's recorded nondet picks (a set the full enumeration cannot list, or a
 * state with too many successors), so there is no path of choice indexes; `step` and `message`
 * say the first such state and why.
 */
export type PathOfTrace =
  { path: number[] } | { step: number; message: string; replayed?: number[]; withPicks?: true };

export interface PathOfTraceOptions {
  /** Stop (an answer with step -1) at a state with more successors than this. */
  maxSuccessors?: number;
  /**
   * Only whether the trace replays, not its choice indexes: a state matched with the trace's
   * recorded picks is not looked up again in the full enumeration (an answer `withPicks`).
   */
  matchOnly?: boolean;
}

/** A name without its module qualifier: Quint's ITF names actions and nondets so. */
function unqualified(name: string): string {
  const i = name.lastIndexOf('::');
  return i < 0 ? name : name.slice(i + 2);
}

/** The evaluator's view of a step's recorded picks (EvalServices.pick). */
function pickService(
  picks: NonNullable<TraceStep['picks']>,
): (name: string) => NondetPick | undefined {
  const byName = new Map<string, NondetPick>();
  for (const p of picks) {
    if (p.value === undefined) {
      byName.set(p.name, 'none');
      continue;
    }
    const v = p.value;
    const key = canonicalKey(v);
    const plain =
      typeof v === 'boolean' || typeof v === 'string'
        ? v
        : typeof v === 'object' && v !== null && '#bigint' in v && typeof v['#bigint'] === 'string'
          ? fromBig(BigInt(v['#bigint']))
          : undefined;
    const candidate = plain === undefined ? valueOfTrace(v) : undefined;
    byName.set(p.name, {
      ...(plain !== undefined ? { value: plain } : {}),
      ...(candidate !== undefined ? { candidate } : {}),
      matches: (e: Value) => canonicalKey(toTraceValue(e)) === key,
    });
  }
  return (name) => byName.get(name);
}

/**
 * A trace value as an engine value (lists and tuples as tuples, records, maps, sets), or undefined
 * where it cannot be built (a model value, an operator).
 */
export function valueOfTrace(v: TraceValue): Value | undefined {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (Array.isArray(v)) {
    const elems = v.map(valueOfTrace);
    return elems.every((e) => e !== undefined) ? new TupleValue(elems as Value[]) : undefined;
  }
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, TraceValue>;
  if (typeof o['#bigint'] === 'string') return fromBig(BigInt(o['#bigint']));
  if ('#mv' in o) return undefined;
  try {
    if (Array.isArray(o['#set'])) {
      const elems = (o['#set'] as TraceValue[]).map(valueOfTrace);
      return elems.every((e) => e !== undefined) ? SetValue.sorted(elems as Value[]) : undefined;
    }
    if (Array.isArray(o['#map'])) {
      const pairs = (o['#map'] as unknown as [TraceValue, TraceValue][]).map(
        ([k, x]) => [valueOfTrace(k), valueOfTrace(x)] as const,
      );
      if (pairs.some(([k, x]) => k === undefined || x === undefined)) return undefined;
      const sorted = (pairs as unknown as [Value, Value][])
        .slice()
        .sort((a, b) => compare(a[0], b[0]));
      return makeFunction(
        sorted.map((p) => p[0]),
        sorted.map((p) => p[1]),
      );
    }
    const entries = Object.entries(o).map(([k, x]) => [k, valueOfTrace(x)] as const);
    if (entries.some(([, x]) => x === undefined)) return undefined;
    return RecordValue.fromEntries(entries as [string, Value][]);
  } catch {
    return undefined; // values that do not compare (no set or map of them)
  }
}

type Search =
  | { found: { k: number; state: State } }
  | { missing: true }
  | { tooMany: true }
  | { error: string; thrown: unknown };

/**
 * The successor of `from` (an initial state without it) equal to `want`, preferring one reached
 * by the action `named`; at most `maxSuccessors` enumerated. With `picks`, each `S.oneOf()` is the
 * recorded pick alone (none where the step picked none). The action is a preference, not a
 * filter: Quint's `mbt::actionTaken` names the last action the step called (lottery.qnt's helper
 * `fromResult` inside `commit`), our label the action the step's disjunct calls.
 */
function searchStep(
  model: CompiledModel,
  from: State | undefined,
  want: string,
  named: string | undefined,
  maxSuccessors: number,
  picks?: TraceStep['picks'],
): Search {
  const rt = model.rt;
  let first: { k: number; state: State } | undefined;
  let best: { k: number; state: State } | undefined;
  let k = 0;
  let tooMany = false;
  const consider = (state: State, label?: { name: string }): void => {
    if (++k > maxSuccessors) {
      tooMany = true;
      throw new StopEnumeration();
    }
    if (canonicalStateKey(record(rt.vars, state)) !== want) return;
    const here = { k: k - 1, state };
    const sameAction = !named || !label || unqualified(label.name) === unqualified(named);
    first ??= here;
    if (sameAction) {
      best = here;
      throw new StopEnumeration(); // the rest need not be enumerated
    }
  };
  if (picks) model.services.pick = pickService(picks);
  try {
    if (!from) rt.initStates((s) => consider(s));
    else rt.successors(from, (t, label) => consider(t, label));
  } catch (e) {
    if (!(e instanceof StopEnumeration))
      return { error: e instanceof Error ? e.message : String(e), thrown: e };
  } finally {
    delete model.services.pick;
  }
  if (tooMany) return { tooMany: true };
  const found = best ?? first;
  return found ? { found } : { missing: true };
}

/**
 * The path (choice indexes) that reproduces `trace` under the model, or where it stops matching.
 * One successor enumeration per state. Used by share links, watches on a counterexample,
 * "explore from here", the graph's neighbourhood of a trace, and the Quint conformance's replay of
 * Quint's traces: where a step records its nondet picks (ITF `mbt::nondetPicks`) and its action
 * (`mbt::actionTaken`), a state the full enumeration cannot reach (a set it cannot enumerate, too
 * many successors) is searched among the successors of that action with those picks.
 */
export async function pathOfTrace(
  req: CheckRequest,
  trace: Trace,
  options: PathOfTraceOptions = {},
): Promise<PathOfTrace> {
  const maxSuccessors = options.maxSuccessors ?? Infinity;
  const model = await compile(req);
  const path: number[] = [];
  let from: State | undefined;
  // The first state matched only with the recorded picks, and why the full enumeration could not.
  let unindexed: { step: number; why: string } | undefined;
  for (let i = 0; i < trace.states.length; i++) {
    // Compared in canonical form: a trace read from a file (ITF, TLC) may list sets and record
    // fields in another order than the engine does.
    const want = canonicalStateKey(trace.states[i]);
    // The same state may be reached by two actions: prefer the one the trace names.
    const named = i > 0 ? trace.steps[i]?.action || undefined : undefined;
    const picks = trace.steps[i]?.picks;
    const where = `The state at step ${i + 1}`;
    const withPicks = picks?.length
      ? searchStep(model, from, want, named, maxSuccessors, picks)
      : undefined;
    const full =
      withPicks && 'found' in withPicks && (options.matchOnly || unindexed)
        ? undefined
        : searchStep(model, from, want, named, maxSuccessors);
    if (full && 'found' in full && !unindexed) {
      path.push(full.found.k);
      from = full.found.state;
      continue;
    }
    const why = !full
      ? 'not enumerated'
      : 'tooMany' in full
        ? `it has more than ${maxSuccessors} ${i === 0 ? 'initial states' : 'successors'}`
        : 'error' in full
          ? full.error
          : 'found' in full
            ? ''
            : `it is not ${i === 0 ? 'an initial state' : 'a successor of the previous state'} of this spec`;
    if (withPicks && 'found' in withPicks) {
      unindexed ??= { step: i, why };
      from = withPicks.found.state;
      continue;
    }
    if (full && 'found' in full) {
      from = full.found.state;
      continue;
    }
    if (!picks?.length) {
      // No recorded picks: an evaluation error is the caller's, as in any enumeration.
      if (full && 'error' in full) throw full.thrown;
      if (full && 'tooMany' in full)
        return {
          step: -1,
          message: `state ${i} has more than ${maxSuccessors} ${i === 0 ? 'initial states' : 'successors'}: not replayed`,
          replayed: path,
        };
      return {
        step: i,
        message: `${where} is not ${i === 0 ? 'an initial state' : 'a successor of the previous state'} of this spec`,
        replayed: path,
      };
    }
    const recorded = picks?.length
      ? `; with the recorded action ${named ?? 'init'} and picks (${picks
          .filter((p) => p.value !== undefined)
          .map((p) => `${p.name} = ${printTraceValue(p.value!)}`)
          .join(', ')}): ${
          !withPicks || 'missing' in withPicks
            ? 'no such successor'
            : 'tooMany' in withPicks
              ? `more than ${maxSuccessors} successors`
              : 'error' in withPicks
                ? withPicks.error
                : ''
        }`
      : '';
    // With the recorded picks too the state does not replay: not the spec's (or not its step).
    return { step: i, message: `${where}: ${why}${recorded}`, replayed: path };
  }
  if (unindexed)
    return {
      step: unindexed.step,
      message: `Every state replays, the state at step ${unindexed.step + 1} and after only with the trace's recorded nondet picks (${unindexed.why}): no path of choices`,
      replayed: path,
      withPicks: true,
    };
  return { path };
}

/** Thrown from a successor callback to end the enumeration: a match found, or too many. */
class StopEnumeration extends Error {}

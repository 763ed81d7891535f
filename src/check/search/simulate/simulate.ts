/**
 * Random simulation, as TLC's -simulate: behaviours of at most `maxSteps` steps, each from a random
 * initial state and taking a random step of a random action at every step, invariants checked,
 * a state without successors reported as a deadlock (unless switched off). Where exhaustive search
 * cannot finish, this still finds shallow bugs fast, and its behaviours serve as test cases
 * (ITF files for model-based tests).
 *
 * Reproducible: behaviour i draws its choices from a generator seeded by (seed, i) only
 * (simulate-random.ts), so a seed names the same behaviours whatever the worker count, and one
 * failing behaviour can be replayed alone.
 *
 * A step picks an action first, as TLC's simulator does (SimulationWorker; Quint's picks an `any`
 * branch first too): one at random among the actions that have a successor in the model, then
 * every successor of that action is checked against the invariants (TLC checks them all: the
 * first that violates one ends the behaviour) and one of them, at random, is taken. The actions are TLC's (Ctx.actionPath):
 * Next's disjuncts, split further per element of a `\E` over a set TLC computes before the search
 * (so `\E p \in Proc : Send(p) \/ Recv(p)` is 2 actions per process, a `\E` over a set read
 * from the state one action); for Quint, the branches of `any {}`, whatever `nondet` values come
 * before or inside them (Quint picks the branch, then the values), as TLC would split them: an
 * `any` reached through `nondet`, `val` and action calls from the step, not one inside an `all {}`
 * (whose branches are then successors of one action). TLC walks its actions from a
 * random one with a random stride until one has a successor; ours takes each action that has one
 * with the same chance (a uniformly random order of the walk). So an action with few successors,
 * beside one with hundreds, is still taken about as often as the other.
 *
 * `pick: 'successor'` takes instead one successor at random among all those of the state (only it
 * checked): every successor weighs the same, so the steps of an action with few successors are
 * rare. Every successor of the state is enumerated in either way (`generatedStates` counts them
 * all; TLC counts the chosen action's).
 *
 * Successors outside the CONSTRAINTs / ACTION_CONSTRAINTs are never taken (an action whose
 * successors all lie outside has none to give); a behaviour whose successors all lie outside
 * simply ends. A deadlock is a state with no successor at all, as in the breadth-first search.
 *
 * TLC's simulator services: TLCGet("stats") is its simulation record (simulationStats), and
 * TLCSet("exit", TRUE) ends the run after the step that set it (refused with several workers,
 * where each would end its share at its own time).
 */
import type { Module } from '../../../tla/ast/ast';
import type { ModelConfig } from '../../../cfg/types';
import type {
  EngineError,
  SimulatePick,
  SimulateProgress,
  SimulateRequest,
  SimulateResult,
  SimulatedBehaviour,
  Trace,
  TraceStep,
  Verdict,
} from '../../contract/types';
import { RecordValue, equals, type Value } from '../../../core/values';
import { EvalError } from '../../../eval/errors';
import type { ActionLabel } from '../../../eval/scope';
import { printValue } from '../../../eval/print';
import { ModelRuntime, type State } from '../../model/runtime';
import { engineErrorOf, ensureFrontEnd, FrontEndFailure, loadModules } from '../../check';
import { buildModel, readConfig, tlcServices, violatedAssumption } from '../../model/setup';
import { BehaviourRandom, isValidSeed, randomSeed } from './simulate-random';
import type { TraceState } from '../../../trace/value';
import { toTraceValue } from '../../../trace/from-engine';
import { aliasFailure, aliasPrinter, aliasWarning } from '../../model/alias';
import { tlcVariableOrder } from '../../model/tlc-variable-order';

export interface SimulateHooks {
  /** Called about ten times a second. */
  onProgress?: (p: SimulateProgress) => void;
  /** Polled between steps every so often; true stops the run with `stopped: 'cancelled'`. */
  shouldStop?: () => boolean;
  /**
   * Called for every finished behaviour with its trace, in index order; lets the CLI write ITF
   * files as it goes instead of holding every trace. Setting it costs a trace build per behaviour.
   */
  onBehaviour?: (b: SimulatedBehaviour) => void;
}

/**
 * With keepGoing, the failed behaviours whose traces the result keeps (all are counted): a spec
 * that fails on every behaviour must not fill the memory with a million traces.
 */
const MAX_FAILED_KEPT = 100;

/** How often the run gives the event loop a turn (a worker must hear a cancel) and reports. */
const YIELD_EVERY_MS = 100;

export async function simulateModel(
  req: SimulateRequest,
  hooks: SimulateHooks = {},
): Promise<SimulateResult> {
  const started = Date.now();
  const output: string[] = [];
  const seed = req.options.seed ?? randomSeed();
  const base = (): SimulateResult => ({
    result: 'error',
    seed,
    behaviours: 0,
    steps: 0,
    generatedStates: 0,
    durationMs: Date.now() - started,
    failures: 0,
    output,
  });
  const fail = (error: EngineError): SimulateResult => ({ ...base(), failures: 1, error });
  const o = req.options;
  if (!isValidSeed(seed))
    return fail({ message: `The seed must be an integer from 0 to 2^53 - 1, not ${seed}` });
  if (!Number.isSafeInteger(o.behaviours) || o.behaviours < 0)
    return fail({
      message: `The number of behaviours must be a non-negative integer, not ${o.behaviours}`,
    });
  if (!Number.isSafeInteger(o.maxSteps) || o.maxSteps < 0)
    return fail({ message: `The depth must be a non-negative integer, not ${o.maxSteps}` });
  try {
    await ensureFrontEnd(req);
    const config = readConfig(req);
    const modules = loadModules({
      files: req.files,
      mainModule: req.mainModule,
      cfg: req.cfg,
      cfgName: req.cfgName,
    });
    // Action counts (TLCGet("stats").behavior.actions) need the label of every step taken, which
    // costs allocations: a spec that reads them makes the run start over with labels on. The same
    // seed gives the same behaviours, so only the time differs; those already reported are not
    // reported again.
    const reported = { count: 0 };
    try {
      return await runSimulation(req, seed, config, modules, hooks, output, started, reported);
    } catch (e) {
      if (!(e instanceof NeedActionLabels)) throw e;
      output.length = 0;
      return await runSimulation(
        req,
        seed,
        config,
        modules,
        hooks,
        output,
        started,
        reported,
        true,
      );
    }
  } catch (e) {
    if (e instanceof FrontEndFailure) return fail(e.error);
    return fail(engineErrorOf(e));
  }
}

async function runSimulation(
  req: SimulateRequest,
  seed: number,
  config: ModelConfig,
  modules: Map<string, Module>,
  hooks: SimulateHooks,
  output: string[],
  started: number,
  reported: { count: number },
  labelled = false,
): Promise<SimulateResult> {
  const o = req.options;
  const checkDeadlock = o.checkDeadlock ?? config.checkDeadlock ?? true;
  const shard = o.shard ?? { index: 0, count: 1 };
  const live: { rt?: ModelRuntime; sim?: Simulator; exit?: boolean } = {};
  const counts = { behaviours: 0, steps: 0, generatedStates: 0 };
  /** Lengths (states) of the behaviours finished, for TLC's levelmean and levelvariance. */
  const lengths = { n: 0, sum: 0, sumSq: 0 };
  // What TLC answers under -simulate -depth D -num N -seed S (its depth counts states).
  const sampler = new StepSampler(seed);
  const services = {
    ...tlcServices(output, {
      mode: 'simulate',
      depth: o.maxSteps + 1,
      traces: o.behaviours,
      seed,
      deadlock: checkDeadlock,
      level: () => live.rt?.level ?? 0,
      simulationStats: () => {
        if (live.sim && !live.sim.labelled) throw new NeedActionLabels();
        return simulationStats(live.sim, counts, lengths, started);
      },
      exit:
        shard.count > 1
          ? () => {
              throw new EvalError(
                'TLCSet("exit", TRUE) in a simulation is supported with one worker (--workers 1)',
              );
            }
          : () => {
              live.exit = true;
            },
    }),
    sample: () => sampler.next(),
  };
  const parts = buildModel(modules, config, services, req.mainModule);
  const unchecked = config.properties.map((p) => p.name);
  // TLC prints a simulation's error trace through the ALIAS too (as `check` does: alias.ts).
  let warnings: string[] | undefined;
  let alias: ((states: State[]) => Trace['alias']) | undefined;
  if (config.alias) {
    const { name, range } = config.alias;
    const said: string[] = [aliasWarning(name)];
    warnings = said;
    alias = aliasPrinter(parts, name, range, (why) => {
      if (said.length === 1) said.push(aliasFailure(name, why));
    });
  }
  const done = (r: Partial<SimulateResult> & { result: Verdict }): SimulateResult => ({
    seed,
    ...counts,
    failures: 0,
    ...r,
    durationMs: Date.now() - started,
    output,
    ...(unchecked.length ? { uncheckedProperties: unchecked } : {}),
    ...(warnings ? { warnings } : {}),
  });

  // ASSUMEs first, as TLC does (and as `check` does).
  const assumption = violatedAssumption(modules, req.mainModule, parts);
  if (assumption) {
    const name = assumption.name;
    return done({
      result: 'assumption failure',
      failures: 1,
      violated: name ?? 'ASSUME',
      error: {
        kind: 'eval',
        message: `Assumption${name ? ' ' + name : ''} is violated`,
        range: assumption.range,
      },
    });
  }
  if (!parts.init && !parts.next) return done({ result: 'success' });
  const rt = new ModelRuntime(parts, config);
  live.rt = rt;
  const sim = new Simulator(rt, checkDeadlock, o.maxSteps, seed, sampler, o.pick ?? 'action');
  sim.labelled = labelled;
  sim.alias = alias;
  sim.exitRequested = () => live.exit === true;
  live.sim = sim;

  // All initial states once: each behaviour then picks one at random. Like TLC, every initial
  // state is checked, not only those some behaviour happens to start from.
  const inits: State[] = [];
  /** The initial state being checked, for the trace of an error in its invariants. */
  let checking: State | undefined;
  try {
    let index = 0;
    // TLCGet("level") is 0 while the initial predicate is evaluated and 1 at an initial state,
    // as in the breadth-first search (and TLC).
    rt.level = 0;
    sampler.at(-1, 0);
    rt.initStates((s) => {
      // Every shard enumerates the initial states; only the first counts them, so that the
      // merged count is one run's.
      if (shard.index === 0) counts.generatedStates++;
      const i = index++;
      rt.level = 1;
      checking = s;
      if (rt.inModel(s, undefined)) {
        const inv = rt.violatedInvariant(s);
        if (inv) throw new InitViolation(inv.name, s, i);
        inits.push(s);
      }
      checking = undefined;
      rt.level = 0;
    });
  } catch (e) {
    if (e instanceof InitViolation) {
      const trace = sim.initialTrace(e.state);
      return done({
        result: 'safety failure',
        failures: 1,
        violated: e.name,
        trace,
        behaviour: undefined,
      });
    }
    if (e instanceof EvalError) {
      const trace = checking ? { trace: sim.initialTrace(checking) } : {};
      return done({
        result: 'error',
        failures: 1,
        error: { ...engineErrorOf(e), ...trace },
      });
    }
    throw e;
  }
  sim.inits = inits;
  const simulationStarted = Date.now();

  const failed: SimulatedBehaviour[] = [];
  const traces: SimulatedBehaviour[] = [];
  let first: SimulatedBehaviour | undefined;
  let failures = 0;
  let stopped = false;
  let reports = 0;
  let lastYield = Date.now();
  const report = (): void => hooks.onProgress?.({ ...counts, elapsedMs: Date.now() - started });

  for (let b = shard.index; b < o.behaviours; b += shard.count) {
    if (live.exit) break; // set while the initial states were checked
    const run = sim.run(b);
    counts.behaviours++;
    counts.steps += run.states.length - 1;
    counts.generatedStates += run.generated;
    lengths.n++;
    lengths.sum += run.states.length;
    lengths.sumSq += run.states.length * run.states.length;
    const failedHere = run.result !== 'success';
    // A trace costs a replay with labels: build it only for a failure that is kept, or when asked.
    const keepFailure = failedHere && (!first || (o.keepGoing && failed.length < MAX_FAILED_KEPT));
    const behaviour =
      keepFailure || o.collectTraces || hooks.onBehaviour ? sim.describe(b, run) : undefined;
    if (behaviour) {
      if (o.collectTraces) traces.push(behaviour);
      // After a start over (NeedActionLabels), those reported before are not reported again.
      if (hooks.onBehaviour && reports++ >= reported.count) {
        reported.count++;
        hooks.onBehaviour(behaviour);
      }
    }
    if (failedHere) {
      failures++;
      first ??= behaviour;
      if (behaviour && o.keepGoing && failed.length < MAX_FAILED_KEPT) failed.push(behaviour);
      if (!o.keepGoing) break;
    }
    // TLCSet("exit", TRUE): the run ends here, as TLC's simulator stops (the behaviour that set
    // it, cut where it was, counts as one).
    if (run.exited) break;
    if (Date.now() - lastYield >= YIELD_EVERY_MS) {
      // A turn for the event loop, so that a worker receives a cancel while it simulates.
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
      report();
      if (hooks.shouldStop?.()) {
        stopped = true;
        break;
      }
    }
  }
  report();
  return done({
    result: first?.result ?? 'success',
    failures,
    simulatingMs: Date.now() - simulationStarted,
    ...(first ? { behaviour: first.index, trace: first.trace } : {}),
    ...(first?.violated !== undefined ? { violated: first.violated } : {}),
    ...(first?.error ? { error: first.error } : {}),
    ...(o.keepGoing && failed.length ? { failed } : {}),
    ...(o.collectTraces ? { traces } : {}),
    ...(stopped ? { stopped: 'cancelled' as const } : {}),
  });
}

/**
 * Random words for what a step samples (Quint's `Int.oneOf()`, services.sample): drawn from a
 * generator seeded by (seed, behaviour, depth) alone, so that replaying a step (the trace of a
 * behaviour) samples the same values and enumerates the same successors.
 */
export class StepSampler {
  private random: BehaviourRandom;
  constructor(private readonly seed: number) {
    this.random = new BehaviourRandom(seed, 0x5bd1e995);
  }
  at(behaviour: number, depth: number): void {
    this.random = new BehaviourRandom(
      this.seed,
      (Math.imul(behaviour + 1, 0x01000193) ^ depth ^ 0x5bd1e995) >>> 0,
    );
  }
  next(): number {
    return this.random.nextUint32();
  }
}

class InitViolation {
  constructor(
    readonly name: string,
    readonly state: State,
    readonly index: number,
  ) {}
}

/** One behaviour as simulated: its states and, per step, which successor (by index) was taken. */
interface RawBehaviour {
  states: State[];
  /** `choices[0]` indexes the initial states kept; `choices[i]` the successors of states[i-1]. */
  choices: number[];
  result: Verdict;
  violated?: string;
  error?: EvalError;
  generated: number;
  /** TLCSet("exit", TRUE) ended it (and the run). */
  exited?: boolean;
}

/** Thrown when a spec reads the action counts of a run that does not record labels (simulateModel). */
class NeedActionLabels {}

/**
 * TLCGet("stats") in a simulation, with TLC 2.20's simulator's fields: the behaviour being
 * simulated (its id, from 1, and how often each action it took so far was taken; an action not
 * taken yet is not in the record, as in TLC's), the traces begun,
 * the states generated, and the mean and variance of the finished behaviours' lengths. TLC's
 * -1 for what a simulation does not count (distinct states, retries, distinct values).
 */
function simulationStats(
  sim: Simulator | undefined,
  counts: { generatedStates: number },
  lengths: { n: number; sum: number; sumSq: number },
  started: number,
): Value {
  const cur = sim?.current;
  const actions = RecordValue.fromEntries([...(cur?.actions ?? [])]);
  const mean = lengths.n ? lengths.sum / lengths.n : 0;
  const variance = lengths.n ? lengths.sumSq / lengths.n - mean * mean : 0;
  const id = cur ? cur.index + 1 : 0;
  return RecordValue.fromEntries([
    [
      'behavior',
      RecordValue.fromEntries([
        ['id', id],
        ['actions', actions],
      ]),
    ],
    ['worker', 0],
    ['traces', id],
    ['actions', RecordValue.fromEntries([])],
    ['duration', Math.floor((Date.now() - started) / 1000)],
    ['generated', counts.generatedStates + (cur?.generated ?? 0)],
    ['distinct', -1],
    ['retries', -1],
    ['distinctvalues', -1],
    ['levelmean', Math.floor(mean)],
    ['levelvariance', Math.floor(variance)],
  ]);
}

/**
 * Simulates behaviours on a compiled model. Steps enumerate successors without labels (labels cost
 * allocations); a behaviour that is reported is replayed along its recorded choices with labels.
 */
export class Simulator {
  inits: State[] = [];
  private readonly initName: string;
  /** Whether steps are enumerated with their labels, so that the actions taken are counted. */
  labelled = false;
  /** The behaviour being simulated: its index, states generated, the actions taken (labelled). */
  readonly current = { index: -1, generated: 0, actions: new Map<string, number>() };
  /** TLCSet("exit", TRUE) was evaluated: the behaviour ends after its step, and the run. */
  exitRequested: () => boolean = () => false;
  /** The .cfg's ALIAS, through which a trace is printed (Trace.alias), when there is one. */
  alias: ((states: State[]) => Trace['alias']) | undefined;

  constructor(
    private readonly rt: ModelRuntime,
    private readonly checkDeadlock: boolean,
    private readonly maxSteps: number,
    private readonly seed: number,
    private readonly sampler: StepSampler = new StepSampler(seed),
    private readonly pick: SimulatePick = 'action',
  ) {
    this.initName = rt.parts.init?.expr.kind === 'Ident' ? rt.parts.init.expr.name : 'Init';
  }

  run(index: number): RawBehaviour {
    const rt = this.rt;
    const random = new BehaviourRandom(this.seed, index);
    const states: State[] = [];
    const choices: number[] = [];
    let generated = 0;
    const cur = this.current;
    cur.index = index;
    cur.generated = 0;
    cur.actions.clear();
    if (this.inits.length === 0) return { states, choices, result: 'success', generated };
    const pick = random.below(this.inits.length);
    let s = this.inits[pick];
    states.push(s);
    choices.push(pick);
    // Reused across steps: in-model successors and their positions in the full enumeration.
    const succ: State[] = [];
    const at: number[] = [];
    const labelled = this.labelled;
    /** With labels: the action of each successor in `succ`. */
    const names: string[] = [];
    const taken = (k: number): void => {
      if (labelled) cur.actions.set(names[k], (cur.actions.get(names[k]) ?? 0) + 1);
    };
    // By action (pick 'action'): the actions met, by path, in enumeration order, and for each the
    // positions in `succ` of its successors.
    const byAction = this.pick === 'action';
    const path: number[] | undefined = byAction ? [] : undefined;
    const actionOf = new Map<string, number>();
    const members: number[][] = [];
    for (let depth = 1; depth <= this.maxSteps; depth++) {
      succ.length = 0;
      at.length = 0;
      names.length = 0;
      actionOf.clear();
      let actions = 0;
      let emitted = 0;
      try {
        // TLCGet("level") is the length of the behaviour so far, as in TLC's simulator.
        rt.level = depth;
        this.sampler.at(index, depth);
        rt.successors(
          s,
          (t, l) => {
            const k = emitted++;
            const name = labelled ? (l?.name ?? rt.nextName) : '';
            if (!rt.inModel(s, t)) return;
            if (path) {
              const key = path.join(',');
              let a = actionOf.get(key);
              if (a === undefined) {
                a = actions++;
                actionOf.set(key, a);
                if (members.length < actions) members.push([]);
                members[a].length = 0;
              }
              members[a].push(succ.length);
            }
            succ.push(t);
            at.push(k);
            if (labelled) names.push(name);
          },
          labelled,
          path,
        );
      } catch (e) {
        if (e instanceof EvalError)
          return { states, choices, result: 'error', error: e, generated: generated + emitted };
        throw e;
      }
      generated += emitted;
      cur.generated = generated;
      if (emitted === 0) {
        if (this.checkDeadlock)
          return { states, choices, result: 'deadlock failure', violated: 'deadlock', generated };
        break;
      }
      if (succ.length === 0) break; // every successor lies outside the constraints
      let k: number;
      if (!byAction) k = random.below(succ.length);
      else {
        // TLC's order: an action at random among those with a successor, every successor of it
        // checked against the invariants, then one of them at random.
        const mine = members[random.below(actions)];
        rt.level = depth + 1;
        // The counts its successors' invariants see include the step to them (TLC's).
        taken(mine[0]);
        for (let j = 0; j < mine.length; j++) {
          const t = succ[mine[j]];
          let inv;
          try {
            inv = rt.violatedInvariant(t);
          } catch (e) {
            if (!(e instanceof EvalError)) throw e;
            states.push(t);
            choices.push(at[mine[j]]);
            return { states, choices, result: 'error', error: e, generated };
          }
          if (inv) {
            states.push(t);
            choices.push(at[mine[j]]);
            return { states, choices, result: 'safety failure', violated: inv.name, generated };
          }
        }
        k = mine[random.below(mine.length)];
      }
      s = succ[k];
      states.push(s);
      choices.push(at[k]);
      if (byAction) {
        // Its invariants are checked above.
        if (this.exitRequested())
          return { states, choices, result: 'success', generated, exited: true };
        continue;
      }
      taken(k);
      let inv;
      try {
        rt.level = depth + 1;
        inv = rt.violatedInvariant(s);
      } catch (e) {
        if (e instanceof EvalError)
          return { states, choices, result: 'error', error: e, generated };
        throw e;
      }
      if (inv) return { states, choices, result: 'safety failure', violated: inv.name, generated };
      if (this.exitRequested())
        return { states, choices, result: 'success', generated, exited: true };
    }
    return { states, choices, result: 'success', generated };
  }

  /** The behaviour as data: its trace with action labels and parameters, and how it ended. */
  describe(index: number, run: RawBehaviour): SimulatedBehaviour {
    const out: SimulatedBehaviour = { index, result: run.result, trace: this.trace(run, index) };
    if (run.violated !== undefined) out.violated = run.violated;
    if (run.error) {
      out.error = { message: run.error.message, range: run.error.range, trace: out.trace };
    }
    return out;
  }

  /** A one-state trace (an initial state that violates an invariant). */
  initialTrace(s: State): Trace {
    return this.withPrinting(
      { vars: this.rt.vars, states: [this.record(s)], steps: [this.initStep()] },
      [s],
    );
  }

  /** TLC's order of the variables and the ALIAS, for TLC's text of the trace (as `check`'s). */
  private withPrinting(trace: Trace, states: State[]): Trace {
    const rt = this.rt;
    const order = tlcVariableOrder(rt.vars, rt.parts.contextNames ?? rt.vars);
    if (order.some((v, i) => v !== i)) trace.tlcVars = order.map((i) => rt.vars[i]);
    const alias = this.alias?.(states);
    if (alias) trace.alias = alias;
    return trace;
  }

  private trace(run: RawBehaviour, index: number): Trace {
    const rt = this.rt;
    const steps: TraceStep[] = [];
    for (let i = 0; i < run.states.length; i++) {
      if (i === 0) {
        steps.push({
          ...this.initStep(),
          choice: { index: run.choices[0], of: this.inits.length },
        });
        continue;
      }
      // Replay the step with labels on: enumeration order is deterministic, so the successor at
      // the recorded position is the one taken, and its label the action that took it.
      // Every successor is enumerated, to count them: the step's choice is one of that many.
      const want = run.choices[i];
      let k = 0;
      let label: ActionLabel | undefined;
      rt.level = i;
      this.sampler.at(index, i);
      rt.successors(run.states[i - 1], (t, l) => {
        if (k++ !== want) return;
        if (!sameState(t, run.states[i]))
          throw new Error('internal error: simulation replay diverged');
        label = l ? { ...l, params: l.params.slice() } : undefined;
      });
      const choice = { index: want, of: k };
      steps.push(
        label
          ? {
              action: label.name,
              params: label.params.map((p) => ({
                name: p.name,
                value: toTraceValue(p.value),
                ...(p.bound ? { bound: true } : {}),
              })),
              label: label.params.length
                ? `${label.name}(${label.params.map((p) => printValue(p.value)).join(', ')})`
                : label.name,
              range: label.range,
              choice,
            }
          : { action: rt.nextName, params: [], label: rt.nextName, choice },
      );
    }
    return this.withPrinting(
      { vars: rt.vars, states: run.states.map((s) => this.record(s)), steps },
      run.states,
    );
  }

  private initStep(): TraceStep {
    return {
      action: this.initName,
      params: [],
      label: 'Initial predicate',
      range: this.rt.parts.init?.expr.range,
    };
  }

  private record(s: State): TraceState {
    const rec: TraceState = {};
    this.rt.vars.forEach((v, i) => (rec[v] = toTraceValue(s[i])));
    return rec;
  }
}

function sameState(a: State, b: State): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equals(a[i], b[i])) return false;
  return true;
}

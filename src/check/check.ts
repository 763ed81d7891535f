/**
 * The engine's entry point: check a model as TLC does. Parses the modules reachable from the main
 * one, reads the .cfg, evaluates the ASSUMEs, runs the breadth-first search and turns what it found
 * into plain data (CheckResult). The pool (workers/), the CLI and the UI all call this.
 */
import { type Module, type Range, tlcLocation } from '../tla/ast/ast';
import { initParser, isParserReady } from '../tla/parse/parser';
import { analyzeSpec } from '../tla/analyze/analyze';
import { isQuintRequest, loadQuint, quintModules } from '../quint';
import type { ModelConfig } from '../cfg/types';
import type {
  CheckRequest,
  CheckResult,
  Progress,
  Trace,
  TraceStep,
  StateGraph,
  EngineError,
} from './contract/types';
import { registerModuleStrings } from '../core/string-order';
import { ConfigError, EvalError, IncompleteStateError } from '../eval/errors';
import { ModelError } from '../eval/model';
import type { ActionLabel } from '../eval/scope';
import { printValue } from '../eval/print';
import { ModelRuntime, type State } from './model/runtime';
import {
  breadthFirstSearch,
  replayChain,
  ReplayLostError,
  stateWithFingerprint,
  type SearchLimits,
  type SearchResult,
} from './search/bfs/bfs';
import {
  parallelSearch,
  releasePeers,
  serveParallelSearch,
  type ParallelNet,
} from './search/parallel/search';
import { PropertyChecker } from './search/liveness/checker';
import { AtomError, type BehaviourGraph } from './search/liveness/graph';
import { tlcVariableOrder } from './model/tlc-variable-order';
import { aliasFailure, aliasPrinter, aliasWarning } from './model/alias';
import {
  buildModel,
  checkServices,
  constantFalseFormula,
  readConfig,
  violatedAssumption,
  type SearchStats,
} from './model/setup';
import { probeNodeHeap } from './search/memory';
import { toTraceValue } from '../trace/from-engine';

export interface CheckHooks {
  /** Called at least twice a second during a search. */
  onProgress?: (p: Progress) => void;
  /** Polled between batches; returning true stops the search with `stopped: 'cancelled'`. */
  shouldStop?: () => boolean;
  /** This worker leads a search shared with the peers on these ports (parallel/search.ts). */
  parallel?: ParallelNet;
}

/** ensureParser, and Quint's front end for a Quint request. */
export async function ensureFrontEnd(req: Pick<CheckRequest, 'files'>): Promise<void> {
  await ensureParser();
  if (isQuintRequest(req)) await loadQuint();
}

/** Loads the parser in Node when no host did (the browser worker loads it with its asset URLs). */
export async function ensureParser(): Promise<void> {
  await probeNodeHeap();
  if (isParserReady()) return;
  const isNode = typeof process !== 'undefined' && !!process.versions?.node;
  if (!isNode) throw new Error('The TLA+ parser is not loaded: call initParser first');
  if (!nodeParserAssets) {
    const url = new URL('../tla/parse/parser-assets-node.ts', import.meta.url).href;
    const mod = (await import(/* @vite-ignore */ url)) as { nodeParserAssets: NodeParserAssets };
    nodeParserAssets = mod.nodeParserAssets;
  }
  await initParser(nodeParserAssets());
}

type NodeParserAssets = () => Parameters<typeof initParser>[0];
let nodeParserAssets: NodeParserAssets | undefined;

/**
 * Where Node finds the parser's files, for a host that bundles the engine (the CLI's bundle,
 * src/cli/bundle-entry.ts): the computed import above, kept out of the browser build, would look
 * for a TypeScript file beside the bundle.
 */
export function setNodeParserAssets(assets: NodeParserAssets): void {
  nodeParserAssets = assets;
}

export class FrontEndFailure extends Error {
  constructor(readonly error: EngineError) {
    super(error.message);
  }
}

/**
 * An exception as the engine answers it, with its kind: the config's (ConfigError), the spec's
 * structure (ModelError), an evaluation (EvalError), else ours, with the message only (the stack
 * goes to stderr under SPECSTAGE_DEBUG).
 */
export function engineErrorOf(e: unknown): EngineError {
  if (e instanceof ConfigError) return { kind: 'config', message: e.message, range: e.range };
  if (e instanceof ModelError) return { kind: 'spec', message: e.message, range: e.range };
  if (e instanceof EvalError) return { kind: 'eval', message: e.message, range: e.range };
  return {
    kind: 'internal',
    message: `Internal error: ${e instanceof Error ? e.message : String(e)}`,
  };
}

/**
 * Parses the main module and every module it uses (the front end's `analyzeSpec`, which also
 * resolves cross-module references such as `Inv!2` and `ASSUME Thm`), and stops with every error
 * diagnostic, each with its range.
 */
export function loadModules(req: CheckRequest): Map<string, Module> {
  if (isQuintRequest(req)) {
    const q = quintModules(req);
    if (!q.ok)
      throw new FrontEndFailure({
        kind: 'spec',
        message: q.message,
        ...(q.diagnostics.length
          ? { range: q.diagnostics[0].range, diagnostics: q.diagnostics }
          : {}),
      });
    return q.modules;
  }
  const files = new Map<string, string>();
  for (const f of req.files) files.set(f.name, f.text);
  const analysis = analyzeSpec(req.mainModule, { files });
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    const d = errors[0];
    const file = analysis.fileOf.get(d.range.module) ?? `${d.range.module}.tla`;
    throw new FrontEndFailure({
      kind: 'spec',
      message: `${file}:${d.range.start.line}:${d.range.start.column}: ${d.message}`,
      range: d.range,
      diagnostics: errors,
    });
  }
  if (!analysis.main)
    throw new FrontEndFailure({
      kind: 'spec',
      message: `Cannot find the module ${req.mainModule}`,
    });
  // Strings are ordered as TLC interns them (string-order.ts): the identifiers of every module
  // the spec reaches, the library's too, in the order TLC parses them, then string literals.
  const order = tlcModuleOrder(analysis.modules, req.mainModule);
  const textOf = (name: string): string =>
    analysis.sources.get(analysis.fileOf.get(name) ?? '') ?? '';
  registerModuleStrings(order.parse.map(textOf), order.semantic.map(textOf));
  const modules = new Map(analysis.modules);
  return modules;
}

/** The last spec `loadModulesOnce` loaded: its files and main module, and its modules. */
let lastLoaded: { key: string; modules: Map<string, Module> } | undefined;

/**
 * `loadModules`, skipped when the files and main module (and a Quint spec's .cfg, which its
 * lowering reads) are those of the last call: a check run
 * again on an unchanged spec, or the one the page prepared while its editor loaded
 * (`prepareCheck`), starts from the parsed modules. The modules are not changed by a check (the
 * .cfg's substitutions live in the compiled model), and the strings they register keep their
 * ranks for the worker's life (string-order.ts), so a second load would register nothing new.
 */
function loadModulesOnce(req: CheckRequest): Map<string, Module> {
  // A Quint spec is lowered for the init, step and properties its .cfg names (src/quint).
  const cfg = isQuintRequest(req) ? req.cfg : '';
  const key = JSON.stringify([req.mainModule, cfg, req.files.map((f) => [f.name, f.text])]);
  if (lastLoaded?.key === key) return lastLoaded.modules;
  const modules = loadModules(req);
  lastLoaded = { key, modules };
  return modules;
}

/**
 * Does ahead what a check of `req` starts with (the parser, the .cfg, the modules), so that a
 * check asked for later starts at its search. Errors are left for that check to report.
 */
export async function prepareCheck(req: CheckRequest): Promise<void> {
  try {
    await ensureFrontEnd(req);
    readConfig(req);
    loadModulesOnce(req);
  } catch {
    // The check meets the same error and reports it with its range.
  }
}

/** The modules a module depends on, in the order it names them: EXTENDS, then INSTANCE. */
function dependencies(m: Module): string[] {
  const out = m.extends.map((e) => e.name);
  for (const u of m.units) if (u.kind === 'Instance') out.push(u.module);
  return out;
}

/**
 * TLCSet("exit", TRUE) in a search shared by workers, on whichever worker evaluates it: each would
 * end its own part of a level at its own time, not TLC's figures.
 */
/** TLC 2.20's warning when a model with SYMMETRY checks liveness. */
export const SYMMETRY_LIVENESS_WARNING =
  'Declaring symmetry during liveness checking is dangerous. It might cause TLC to miss violations of the stated liveness properties. Please check liveness without symmetry defined.';

export { aliasFailure, aliasWarning } from './model/alias';

/** A liveness counterexample under a VIEW that is not one behaviour (recordedTrace). */
export const VIEW_LASSO_WARNING =
  "The counterexample was found on the graph of the VIEW's classes and is not one behaviour of the spec: each step leads from the state shown to a state with the next state's view, which may differ from the state shown in the variables the VIEW leaves out.";

function noExitInParallel(): never {
  throw new EvalError('TLCSet("exit", TRUE) is supported with one worker (--workers 1)');
}

/**
 * The order in which TLC's parser reads the modules (breadth first from the main module) and the
 * order of its semantic analysis (a module after its dependencies, the main module last).
 */
export function tlcModuleOrder(
  modules: ReadonlyMap<string, Module>,
  main: string,
): { parse: string[]; semantic: string[] } {
  const parse: string[] = [];
  const queue = [main];
  const seen = new Set(queue);
  while (queue.length) {
    const name = queue.shift()!;
    const m = modules.get(name);
    if (!m) continue;
    parse.push(name);
    for (const d of dependencies(m)) {
      if (!seen.has(d)) {
        seen.add(d);
        queue.push(d);
      }
    }
  }
  const semantic: string[] = [];
  const done = new Set<string>();
  const visit = (name: string): void => {
    if (done.has(name)) return;
    done.add(name);
    const m = modules.get(name);
    if (!m) return;
    for (const d of dependencies(m)) visit(d);
    semantic.push(name);
  };
  visit(main);
  return { parse, semantic };
}

export async function checkModel(req: CheckRequest, hooks: CheckHooks = {}): Promise<CheckResult> {
  const started = Date.now();
  const output: string[] = [];
  const base = (): CheckResult => ({
    result: 'error',
    distinctStates: 0,
    generatedStates: 0,
    depth: 0,
    durationMs: Date.now() - started,
    queueLeft: 0,
    output,
  });
  try {
    await ensureFrontEnd(req);
    const config = readConfig(req);
    const modules = loadModulesOnce(req);
    return await runCheck(req, config, modules, hooks, output, started);
  } catch (e) {
    if (e instanceof FrontEndFailure) return { ...base(), error: e.error };
    if (typeof process !== 'undefined' && process.env?.SPECSTAGE_DEBUG) console.error(e);
    return { ...base(), error: engineErrorOf(e) };
  } finally {
    // Peers wait for the leader's word whatever happened before the search (or instead of it).
    if (hooks.parallel) releasePeers(hooks.parallel);
  }
}

async function runCheck(
  req: CheckRequest,
  config: ModelConfig,
  modules: Map<string, Module>,
  hooks: CheckHooks,
  output: string[],
  started: number,
): Promise<CheckResult> {
  const live: { runtime?: ModelRuntime; stats?: SearchStats; exit?: boolean } = {};
  const services = checkServices(
    req,
    config,
    output,
    () => live.runtime?.level ?? 0,
    () =>
      live.stats ?? { distinct: 0, generated: 0, queue: 0, diameter: 0, duration: 0, initial: 0 },
    hooks.parallel
      ? noExitInParallel
      : () => {
          live.exit = true;
        },
  );
  const parts = buildModel(modules, config, services, req.mainModule);
  // PROPERTIES: safety parts checked during the search, liveness after it (liveness/checker.ts).
  // Until the search runs, every property counts as unchecked.
  let unchecked = config.properties.map((p) => p.name);
  let uncheckedReasons: Record<string, string> | undefined;
  let warnings: string[] | undefined;
  const done = (r: Omit<CheckResult, 'durationMs' | 'output'>): CheckResult => ({
    ...r,
    durationMs: Date.now() - started,
    output,
    ...(unchecked.length ? { uncheckedProperties: unchecked } : {}),
    ...(unchecked.length && uncheckedReasons ? { uncheckedReasons } : {}),
    ...(warnings ? { warnings } : {}),
  });

  // The figures of a run that ends before its search starts.
  const noSearch = { distinctStates: 0, generatedStates: 0, depth: 0, queueLeft: 0 };
  // ASSUMEs first, as TLC does.
  const assumption = violatedAssumption(modules, req.mainModule, parts);
  if (assumption) {
    const name = assumption.name;
    return done({
      result: 'assumption failure',
      ...noSearch,
      violated: name ?? 'ASSUME',
      violatedPart: { kind: 'assumption', label: tlcLocation(assumption.expr.range) },
      error: {
        kind: 'eval',
        message: `Assumption${name ? ' ' + name : ''} is violated`,
        range: assumption.range,
      },
    });
  }
  const constantFalse = constantFalseFormula(parts, config);
  if (constantFalse)
    return done({
      result: 'error',
      ...noSearch,
      error: { kind: 'config', ...constantFalse },
    });
  if (!parts.init && !parts.next) {
    // ASSUME-only models (no behaviour spec): TLC reports success after the assumptions.
    return done({ result: 'success', ...noSearch });
  }
  const rt = new ModelRuntime(parts, config);
  live.runtime = rt;
  const props = new PropertyChecker(parts, config);
  // TLC's warning, in its words: a liveness verdict on the classes of a SYMMETRY can miss a
  // violation, or report one a search without it would not (liveness/graph.ts).
  if (config.symmetry && config.properties.some((p) => props.hasLiveness(p.name)))
    warnings = [SYMMETRY_LIVENESS_WARNING];
  // TLC prints an error trace's states through the ALIAS: so does TLC's text of ours (Trace.alias);
  // the views show the variables, and the warning says so.
  if (config.alias) {
    const { name, range } = config.alias;
    (warnings ??= []).push(aliasWarning(name));
    let said = false;
    aliases.set(
      rt,
      aliasPrinter(parts, name, range, (why) => {
        if (!said) (warnings ??= []).push(aliasFailure(name, why));
        said = true;
      }),
    );
  }
  if (props.refusal)
    // TLC refuses the model before its search; leaving the property unchecked would end in a
    // "No error has been found" that TLC never gives.
    return done({
      result: 'error',
      ...noSearch,
      error: { kind: 'eval', message: props.refusal.message, range: props.refusal.range },
    });
  uncheckedReasons = Object.fromEntries(props.unchecked);
  const behaviour = props.graph;
  const checkDeadlock = req.options?.checkDeadlock ?? config.checkDeadlock ?? true;
  const graph: StateGraph | undefined = req.options?.collectGraph
    ? { states: [], edges: [], truncated: false }
    : undefined;
  const maxGraph = req.options?.maxGraphStates ?? Infinity;
  const edgeSeen = new Map<string, number>();
  const limits: SearchLimits = {
    checkDeadlock,
    memoryBudgetBytes: req.options?.memoryBudgetBytes,
    extraBytes: behaviour ? () => behaviour.bytes : undefined,
    shouldStop: hooks.shouldStop,
    exitRequested: () => live.exit === true,
    onProgress: (p) => {
      live.stats = {
        distinct: p.distinctStates,
        generated: p.generatedStates,
        queue: p.queueSize,
        diameter: p.depth,
        duration: Math.floor((Date.now() - started) / 1000),
        initial: live.stats?.initial ?? 0,
      };
      hooks.onProgress?.({ ...p, elapsedMs: Date.now() - started });
    },
    propertyState: props.hasSafetyChecks
      ? (s, initial) => props.stateProperty(s, initial)
      : undefined,
    propertyStep: props.hasStepChecks ? (s, t) => props.stepProperty(s, t) : undefined,
    edgeLabels: !!graph,
    onState:
      graph || behaviour
        ? (id, s, initial) => {
            behaviour?.addState(id, s, initial);
            if (!graph) return;
            if (id >= maxGraph) {
              graph.truncated = true;
              return;
            }
            graph.states.push({ id, state: stateRecord(rt.vars, s), initial });
          }
        : undefined,
    onEdge:
      graph || behaviour
        ? (from, to, label, _src, dst) => {
            behaviour?.addEdge(from, to, dst);
            if (!graph) return;
            if (from >= maxGraph || to >= maxGraph) return;
            const key = `${from}>${to}>${label?.name ?? ''}`;
            const text = label ? labelText(label) : undefined;
            const at = edgeSeen.get(key);
            if (at !== undefined) {
              // The same action with other parameters between the same states: one more label.
              const labels = graph.edges[at].labels;
              if (text && labels && !labels.includes(text)) labels.push(text);
              return;
            }
            edgeSeen.set(key, graph.edges.length);
            graph.edges.push({
              from,
              to,
              action: label?.name ?? '',
              ...(text ? { labels: [text] } : {}),
            });
          }
        : undefined,
  };
  // Workers share the search unless the graph view needs it in one place; the behaviour graph the
  // liveness checker needs is gathered in this worker after a complete search (parallel/graph-part.ts),
  // but for SYMMETRY or VIEW, whose steps' successors (BehaviourGraph.successors) are not gathered.
  const net = hooks.parallel;
  const parallel = !!net && !graph && !behaviour?.reduced;
  if (net && !parallel) releasePeers(net);
  let search = parallel
    ? await parallelSearch(
        rt,
        {
          ...limits,
          onState: undefined,
          onEdge: undefined,
          extraBytes: undefined,
          livenessAtoms: props.atomRows(rt.fingerprintsAreStates),
          peerOutput: (lines) => output.push(...lines),
        },
        net,
        behaviour,
      )
    : await breadthFirstSearch(rt, limits);
  // The gathered graph counts in the memory budget as the one a single worker records does.
  const budget = req.options?.memoryBudgetBytes;
  if (
    parallel &&
    behaviour &&
    budget !== undefined &&
    search.outcome.kind === 'success' &&
    behaviour.bytes + search.seenBytes > budget
  )
    search = { ...search, outcome: { kind: 'stopped', reason: 'memory budget' } };
  // The search has run: its safety parts are checked, whatever the verdict; liveness only after a
  // complete search.
  const complete = search.outcome.kind === 'success' && !search.outcome.exited;
  unchecked = config.properties
    .map((p) => p.name)
    .filter((n) => props.unchecked.has(n) || (!complete && props.hasLiveness(n)));
  if (!complete && unchecked.length) {
    // Supported, but not reached: say so, not "not supported yet".
    const reasons: Record<string, string> = {};
    for (const n of unchecked) {
      reasons[n] =
        props.unchecked.get(n) ??
        (search.outcome.kind === 'success'
          ? 'its liveness part is checked after a complete search, and TLCSet("exit", TRUE) ended the search'
          : search.outcome.kind === 'stopped'
            ? 'its liveness part is checked after a complete search, and the search stopped before the end'
            : 'its liveness part is checked after a complete search, and the search stopped at the first violation or error (as TLC)');
    }
    uncheckedReasons = reasons;
  }
  const counts = {
    distinctStates: search.distinctStates,
    generatedStates: search.generatedStates,
    // TLC reports a depth of 1 when initial states were generated but none is inside the
    // CONSTRAINTs (0 distinct states), and 0 only when Init has no state at all.
    depth:
      search.distinctStates === 0 && search.generatedStates > 0
        ? Math.max(1, search.depth)
        : search.depth,
    queueLeft: search.queueLeft,
    ...(graph ? { graph } : {}),
  };
  const o = search.outcome;
  switch (o.kind) {
    case 'success': {
      let liveness;
      // The process's CPU in the liveness phase, for SPECSTAGE_LIVENESS_STATS (the peers of a
      // shared search are idle then: it is this thread's).
      const cpuBefore = typeof process !== 'undefined' ? process.cpuUsage?.() : undefined;
      try {
        // After TLCSet("exit", TRUE) the graph is partial: its liveness stays unchecked (above).
        if (!o.exited) {
          liveness = props.checkLiveness();
          unchecked = config.properties.map((p) => p.name).filter((n) => props.unchecked.has(n));
          uncheckedReasons = Object.fromEntries(props.unchecked);
        }
      } catch (e) {
        // A predicate of a property or of the fairness that fails to evaluate: the error, and
        // the trace to the state where it failed (liveness/graph.ts), as TLC stops there.
        if (e instanceof EvalError)
          return done({
            result: 'error',
            ...counts,
            error: {
              kind: 'eval',
              message: e.message,
              range: e.range,
              ...(e instanceof AtomError && props.graph
                ? { trace: buildTraceOf(rt, search, props.graph.pathTo(e.stateId)) }
                : {}),
            },
          });
        throw e;
      }
      if (typeof process !== 'undefined' && process.env?.SPECSTAGE_LIVENESS_STATS && behaviour) {
        console.error(
          `liveness: ${behaviour.stateCount} states, ${behaviour.edgeCount} edges, ${behaviour.bytes} bytes recorded, ${props.livenessMs} ms (${cpuBefore ? Math.round(process.cpuUsage(cpuBefore).user / 1000) : '?'} ms CPU)`,
        );
      }
      if (liveness) {
        const { states: ids, loop } = liveness.lasso;
        // Replayed once more into the loop state, so that the closing step has its label
        // (`Back to state N: <Action>`, steps[states.length]); a stuttering loop has none.
        const closes = loop < ids.length - 1;
        const chain = closes ? [...ids, ids[loop]] : ids;
        let trace: Trace;
        try {
          trace = buildTraceOf(rt, search, chain);
        } catch (e) {
          // Under a VIEW, a lasso of the reduced graph need not be one behaviour: the recorded
          // states, each step taken from the state shown, and a warning saying so.
          if (!(e instanceof ReplayLostError) || !props.graph?.reduced) throw e;
          trace = recordedTrace(rt, props.graph, chain);
          (warnings ??= []).push(VIEW_LASSO_WARNING);
        }
        if (closes) trace.states.pop();
        trace.loop = loop;
        return done({ result: 'liveness failure', ...counts, violated: liveness.property, trace });
      }
      // POSTCONDITION: evaluated once the search is complete, with TLCGet("stats") its figures.
      // TLC reports a false one as a false assumption.
      if (config.postcondition) {
        live.stats = {
          distinct: search.distinctStates,
          generated: search.generatedStates,
          queue: search.queueLeft,
          diameter: search.depth,
          duration: Math.floor((Date.now() - started) / 1000),
          initial: distinctInitialStates(rt),
        };
        let failed;
        try {
          failed = violatedPostcondition(
            parts,
            config.postcondition.name,
            config.postcondition.range,
          );
        } catch (e) {
          // As TLC: the search's figures, then the error (a POSTCONDITION naming a variable).
          if (e instanceof EvalError)
            return done({
              result: 'error',
              ...counts,
              error: {
                kind: 'eval',
                message: `Evaluating the POSTCONDITION ${config.postcondition.name} failed: ${e.message}`,
                range: e.range,
              },
            });
          throw e;
        }
        if (failed)
          return done({
            result: 'assumption failure',
            ...counts,
            violated: config.postcondition.name,
            violatedPart: { kind: 'assumption', label: failed },
          });
      }
      return done({ result: 'success', ...counts });
    }
    case 'step-property': {
      const fps = [...search.fpChain(o.stateId), o.toFp];
      const trace = traceOfFps(rt, fps);
      const { states } = replayChain(rt, fps);
      const violatedPart = props.violatedPart(
        o.name,
        states[states.length - 2],
        states[states.length - 1],
      );
      return done({
        result: 'safety failure',
        ...counts,
        violated: o.name,
        ...(violatedPart ? { violatedPart } : {}),
        trace,
      });
    }
    case 'stopped':
      return done({
        result: 'success',
        ...counts,
        stopped: o.reason,
        error:
          o.reason === 'memory budget'
            ? {
                kind: 'internal',
                message: `Stopped at the memory budget after ${search.distinctStates} distinct states; ${search.queueLeft} left on the queue`,
              }
            : undefined,
      });
    case 'invariant': {
      // A state outside the constraints is not recorded: the trace ends with it, by fingerprint.
      const fps = o.toFp
        ? [...(o.stateId < 0 ? [] : search.fpChain(o.stateId)), o.toFp]
        : search.fpChain(o.stateId);
      const { states } = replayChain(rt, fps);
      const isProperty = config.properties.some((p) => p.name === o.name);
      const violatedPart = isProperty
        ? props.violatedPart(o.name, states[states.length - 1])
        : undefined;
      return done({
        result: 'safety failure',
        ...counts,
        violated: o.name,
        ...(violatedPart ? { violatedPart } : {}),
        trace: traceOfFps(rt, fps),
      });
    }
    case 'deadlock':
      return done({
        result: 'deadlock failure',
        ...counts,
        violated: 'deadlock',
        trace: buildTrace(rt, search, o.stateId),
      });
    case 'error': {
      if (typeof process !== 'undefined' && process.env?.SPECSTAGE_DEBUG)
        console.error(o.error.stack);
      const replayed =
        o.stateId !== undefined ? replayChain(rt, search.fpChain(o.stateId)) : undefined;
      const trace = replayed && traceOfStates(rt, replayed.states, replayed.labels);
      const error =
        o.error instanceof IncompleteStateError && replayed
          ? (labelledIncomplete(rt, replayed.states[replayed.states.length - 1]) ?? o.error)
          : o.error;
      return done({
        result: 'error',
        ...counts,
        error: { ...engineErrorOf(error), trace },
      });
    }
  }
}

function stateRecord(vars: string[], s: State) {
  const rec: Record<string, ReturnType<typeof toTraceValue>> = {};
  vars.forEach((v, i) => (rec[v] = toTraceValue(s[i])));
  return rec;
}

/** How many distinct initial states the model has (TLCGet("stats").initial). */
function distinctInitialStates(rt: ModelRuntime): number {
  const seen = new Set<string>();
  const fp: [number, number] = [0, 0];
  rt.initStates((s) => {
    if (!rt.inModel(s, undefined)) return;
    rt.fingerprint(s, fp);
    seen.add(`${fp[0]}:${fp[1]}`);
  });
  return seen.size;
}

/** Where a POSTCONDITION that does not hold is (as TLC names it), or undefined when it holds. */
function violatedPostcondition(
  parts: ReturnType<typeof buildModel>,
  name: string,
  range: Range,
): string | undefined {
  const b = parts.root.lookup(name);
  if (!b || b.k !== 'def') throw new EvalError(`The POSTCONDITION ${name} is not defined`, range);
  const v = parts.compiler.topLevel(
    { kind: 'Ident', name, range },
    parts.root,
  )({ s: [], n: null, f: null });
  if (v === true) return undefined;
  if (v !== false) throw new EvalError(`The POSTCONDITION ${name} is not a Boolean`, b.def.range);
  return tlcLocation(b.def.body.range);
}

function labelText(l: ActionLabel): string {
  return l.params.length
    ? `${l.name}(${l.params.map((p) => printValue(p.value)).join(', ')})`
    : l.name;
}

/**
 * The incomplete successor's error again, its action followed this time: the search does not
 * follow labels for speed, so its error names the next-state relation where TLC names the action
 * (its disjunct's range, the parameters). The state's successors are enumerated as the search
 * enumerated them, so the first incomplete one is the one the search met.
 */
function labelledIncomplete(rt: ModelRuntime, s: State): IncompleteStateError | undefined {
  try {
    rt.successors(s, () => {}, true);
  } catch (e) {
    if (e instanceof IncompleteStateError) return e;
  }
  return undefined;
}

function buildTrace(rt: ModelRuntime, search: SearchResult, stateId: number): Trace {
  return traceOfFps(rt, search.fpChain(stateId));
}

/** The trace through the given states (by the ids of a one-worker search, which the shared search gathers the graph with too: liveness lassos). */
function buildTraceOf(rt: ModelRuntime, search: SearchResult, chain: number[]): Trace {
  return traceOfFps(
    rt,
    chain.map((id) => search.fpOf!(id)),
  );
}

/**
 * The recorded states of a chain of the behaviour graph, each step labelled as a step from the
 * state shown to a member of the next state's class: an edge of the graph is such a step, found
 * when the search expanded the recorded state.
 */
function recordedTrace(rt: ModelRuntime, graph: BehaviourGraph, ids: number[]): Trace {
  const states = ids.map((id) => graph.stateOf(id));
  const target: [number, number] = [0, 0];
  const labels = states.map((s, i) => {
    if (i === 0) return undefined;
    rt.fingerprint(s, target);
    return stateWithFingerprint(rt, states[i - 1], target)?.label;
  });
  return traceOfStates(rt, states, labels);
}

/** The trace that replays a chain of fingerprints from an initial state. */
function traceOfFps(rt: ModelRuntime, fps: [number, number][]): Trace {
  const { states, labels } = replayChain(rt, fps);
  return traceOfStates(rt, states, labels);
}

function traceOfStates(
  rt: ModelRuntime,
  states: State[],
  labels: (ActionLabel | undefined)[],
): Trace {
  const initName = rt.parts.init?.expr.kind === 'Ident' ? rt.parts.init.expr.name : 'Init';
  const steps: TraceStep[] = labels.map((l, i) =>
    i === 0 || !l
      ? {
          action: initName,
          params: [],
          label: i === 0 ? 'Initial predicate' : initName,
          range: rt.parts.init?.expr.range,
        }
      : {
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
        },
  );
  const trace: Trace = {
    vars: rt.vars,
    states: states.map((s) => stateRecord(rt.vars, s)),
    steps,
  };
  const order = tlcVariableOrder(rt.vars, rt.parts.contextNames ?? rt.vars);
  if (order.some((v, i) => v !== i)) trace.tlcVars = order.map((i) => rt.vars[i]);
  const alias = aliases.get(rt)?.(states);
  if (alias) trace.alias = alias;
  return trace;
}

/** The ALIAS printer of a check's runtime, when its .cfg has one. */
const aliases = new WeakMap<ModelRuntime, (states: State[]) => Trace['alias']>();

/**
 * A peer's part of a check shared by several workers: the same model, built here, searched as
 * the leader (worker 0, running `checkModel` with `hooks.parallel`) directs.
 */
export async function serveSearch(
  req: CheckRequest,
  net: ParallelNet,
  hooks: CheckHooks = {},
): Promise<void> {
  const live: { runtime?: ModelRuntime } = {};
  let rt: ModelRuntime;
  let props: PropertyChecker;
  let config: ModelConfig;
  // Print / PrintT lines of this worker's part of the search, sent to the leader with its reports.
  const output: string[] = [];
  try {
    await ensureFrontEnd(req);
    config = readConfig(req);
    const modules = loadModules(req);
    const services = checkServices(
      req,
      config,
      output,
      () => live.runtime?.level ?? 0,
      undefined,
      noExitInParallel,
    );
    const parts = buildModel(modules, config, services, req.mainModule);
    rt = new ModelRuntime(parts, config);
    live.runtime = rt;
    props = new PropertyChecker(parts, config);
  } catch {
    // The leader builds the same model and meets the same failure; it reports it and closes.
    await serveParallelSearch(undefined, {}, net);
    return;
  }
  // What building the model printed, the leader printed too.
  output.length = 0;
  await serveParallelSearch(
    rt,
    {
      checkDeadlock: req.options?.checkDeadlock ?? config.checkDeadlock ?? true,
      memoryBudgetBytes: req.options?.memoryBudgetBytes,
      shouldStop: hooks.shouldStop,
      propertyState: props.hasSafetyChecks
        ? (s, initial) => props.stateProperty(s, initial)
        : undefined,
      propertyStep: props.hasStepChecks ? (s, t) => props.stepProperty(s, t) : undefined,
      livenessAtoms: props.atomRows(rt.fingerprintsAreStates),
      takeOutput: () => output.splice(0),
    },
    net,
  );
}

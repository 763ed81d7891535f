/**
 * Quint's `run` definitions executed as `quint test` executes them (its TypeScript evaluator,
 * runtime/impl/builtins.ts and nondet.ts of @informalsystems/quint 0.33), on our engine:
 *
 * - A test is a definition of the main module whose name matches `--match` (a regular expression;
 *   by default: ends with `Test`). It runs up to `maxSamples` times, each sample with its own
 *   random choices, and stops at the first failing sample; a sample that made no random choice
 *   runs once. A result that is not a Boolean makes the test "ignored", as Quint's.
 * - The run combinators are interpreted here, over a state that the steps change:
 *   `A.then(B)` runs A, fails with "Cannot continue in `then`" when A is false, makes A's next
 *   state the current one and runs B; `n.reps(i => A)` runs A n times the same way;
 *   `A.expect(P)` runs A and fails unless P holds in A's next state (which stays the next state);
 *   `fail(A)` is the negation of A; `all { }` runs its parts in order (false undoes them);
 *   `any { }` tries its parts in a random order and takes the first enabled one; `if`; `nondet x =
 *   S.oneOf()` picks x at random, and when the rest is false and S has fewer than 100 elements,
 *   tries the next elements in turn (as Quint); `val` / `def` in a run; a call to another run.
 *   `Int.oneOf()` / `Nat.oneOf()` and a set too large to enumerate (`0.to(2^256 - 1)`, a set of
 *   maps of 10^8 elements) sample (eval/builtins/quint-sample.ts), in a run and in an action.
 * - Every other piece (an action such as `init`, `step`, `all { x' = 1, y' = 2 }`, a Boolean
 *   such as `assert(...)`, a value) is lowered to TLA+ (lower.ts) with the run's local names as
 *   parameters and evaluated by the engine in the current state: an action's successors are
 *   enumerated and one is taken uniformly at random (Quint also picks among enabled choices;
 *   beyond 100 values of a `nondet` set it may fail where we do not).
 * - Errors (an assertion, a failed `expect`, an engine error) fail the test with their message
 *   and range, and the states reached so far are its trace.
 */
import type { QuintEx, QuintModule, QuintOpDef } from '@informalsystems/quint/dist/src/ir/quintIr';
import type { Expr, Range } from '../../tla/ast/ast';
import type { Trace, TraceStep } from '../contract/types';
import { type Value, type SetBase, ValueError, isSet } from '../../core/values';
import { EvalError } from '../../eval/errors';
import { ModelBuilder } from '../../eval/model';
import { builtinTable } from '../../eval/builtins';
import type { Ctx } from '../../eval/scope';
import { parseConfig } from '../../cfg/parse';
import { tlcServices } from '../model/setup';
import { BehaviourRandom } from '../search/simulate/simulate-random';
import { toTraceValue } from '../../trace/from-engine';
import { registerModuleStrings } from '../../core/string-order';
import { printValue } from '../../eval/print';
import { flatten, rangeOfId, type QuintState } from '../../quint/frontend';
import { lowerQuint, type LoweredQuint } from '../../quint/lower';
import { oneOfSet } from '../../eval/builtins/quint-sample';
import { analyzeMainModule, type SourceFile } from '../../quint/index';

export interface QuintTestOptions {
  /** A regular expression on the definition's name; default: names ending with `Test`. */
  match?: string;
  seed: number;
  maxSamples: number;
}

export interface QuintTestResult {
  name: string;
  status: 'passed' | 'failed' | 'ignored';
  /** Samples run (the failing one included). */
  samples: number;
  /** The failure: Quint's message and where. */
  error?: { message: string; range?: Range };
  /** The states the failing sample reached (one per step taken). */
  trace?: Trace;
  /** The seed and sample that fail (rerun with `--seed` and this sample alone). */
  sample?: number;
}

export type QuintTestRun =
  { ok: true; results: QuintTestResult[]; lowered?: LoweredQuint } | { ok: false; message: string };

/** Does `name` name a test (Quint's isMatchingTest)? */
export function isTestName(name: string, match?: string): boolean {
  return match ? new RegExp(match).exec(name) !== null : name.endsWith('Test');
}

/**
 * The name a definition Quint's name collector lists for the main module has inside it: one of an
 * instance (`import M(c = 1).*`, listed `main::M::t`) is `t` there, or `X::t` for
 * `import M(c = 1) as X`; any other name is the same.
 */
export function visibleName(
  name: string,
  mainModule: string,
  main: QuintModule | undefined,
): string {
  for (const inst of main?.declarations ?? []) {
    if (inst.kind !== 'instance') continue;
    const prefix = `${mainModule}::${inst.qualifiedName ?? inst.protoName}::`;
    if (name.startsWith(prefix)) {
      const rest = name.slice(prefix.length);
      return inst.qualifiedName ? `${inst.qualifiedName}::${rest}` : rest;
    }
  }
  return name;
}

/** A failure of the run: Quint's message, at the expression it is about. */
class RunFailure extends Error {
  constructor(
    message: string,
    readonly range?: Range,
  ) {
    super(message);
  }
}

/** A piece of a run the engine evaluates: a lowered definition with the run's names it uses. */
interface Leaf {
  name: string;
  params: string[];
  expr: QuintEx;
  /** What a step taken by it is called in the trace. */
  label: string;
}

/** A run's local name: a value, or a definition (its body and where it was defined). */
type Local =
  | { k: 'value'; value: Value }
  | { k: 'def'; params: string[]; body: QuintEx; env: Env; scope: Set<string> };
type Env = Map<string, Local>;
/** The definitions local to a run in scope (`def`, `action` in its body), in definition order. */
type LocalDefs = Map<string, QuintOpDef>;

const RUN_OPS = new Set(['then', 'reps', 'expect', 'fail', 'actionAll', 'actionAny']);

/** Runs the tests of `mainModule`. The Quint front end must be loaded (loadQuint). */
export function runQuintTests(
  files: SourceFile[],
  mainModule: string,
  options: QuintTestOptions,
): QuintTestRun {
  const analysis = analyzeMainModule(files, mainModule);
  if (!analysis.ok) return { ok: false, message: analysis.message };
  const state = analysis.state;
  // As `quint test`: the main module's definitions (imported ones too) whose names match. A
  // `q::` definition naming each keeps it through flattening (imported ones are kept only when used).
  const tests = (state.definitions.get(mainModule) ?? []).filter(
    (d) => isTestName(d.name, options.match) && /^[A-Za-z_][A-Za-z0-9_:]*$/.test(d.name),
  );
  const main = state.modules.find((m) => m.name === mainModule);
  const flat = flatten(
    state,
    mainModule,
    tests.map((t, i) => `${t.qualifier} q::test${i} = ${visibleName(t.name, mainModule, main)}`),
  );
  if ('error' in flat) return { ok: false, message: flat.error };
  const defs = new Map<string, QuintOpDef>();
  for (const d of flat.module.declarations) if (d.kind === 'def') defs.set(d.name, d);
  const testDefs = tests.map((t, i) => {
    const q = defs.get(`q::test${i}`)!;
    // The test itself (for its parameters), through the name the q:: definition gives.
    const target = q.expr.kind === 'name' ? defs.get(q.expr.name) : undefined;
    return { name: t.name, def: target ?? q };
  });
  const runner = new Runner(state, flat, defs);
  if (testDefs.length === 0) return { ok: true, results: [], lowered: undefined };
  for (const t of testDefs) runner.prepare(t.def);
  try {
    runner.build();
  } catch (err) {
    // The module cannot be built (e.g. a constant left uninstantiated): every test fails with the
    // reason, as in quint test (its "Uninitialized const").
    if (!(err instanceof EvalError)) throw err;
    const error = { message: err.message, range: err.range };
    return {
      ok: true,
      results: testDefs.map((t) => ({
        name: t.name,
        status: 'failed' as const,
        samples: 0,
        error,
      })),
      lowered: undefined,
    };
  }
  const results = testDefs.map((t, i) => runner.test(t.def, i, options, t.name));
  return { ok: true, results, lowered: runner.lowered };
}

/** The names an expression uses (variables, definitions, locals), free or not. */
function namesOf(e: QuintEx, out = new Set<string>()): Set<string> {
  switch (e.kind) {
    case 'name':
      out.add(e.name);
      break;
    case 'app':
      out.add(e.opcode);
      for (const a of e.args) namesOf(a, out);
      break;
    case 'lambda':
      namesOf(e.expr, out);
      break;
    case 'let':
      namesOf(e.opdef.expr, out);
      namesOf(e.expr, out);
      break;
  }
  return out;
}

class Runner {
  private leaves = new Map<bigint, Leaf>();
  private compiled = new Map<
    bigint,
    { act?: (c: Ctx, k: () => void) => void; ev?: (c: Ctx) => Value; size: number }
  >();
  private needs = new Map<string, boolean>();
  lowered!: LoweredQuint;
  private parts!: ReturnType<ModelBuilder['build']>;
  private vars: string[] = [];
  private file: string;
  // One sample's state.
  private cur: (Value | undefined)[] = [];
  private next: (Value | undefined)[] = [];
  private states: (Value | undefined)[][] = [];
  private steps: string[] = [];
  private random!: BehaviourRandom;
  private choices = 0;

  constructor(
    private readonly state: QuintState,
    private readonly flat: Exclude<ReturnType<typeof flatten>, { error: string }>,
    private readonly defs: Map<string, QuintOpDef>,
  ) {
    this.file = [...state.files.keys()][0] ?? 'spec.qnt';
  }

  private R(id: bigint | undefined): Range {
    return rangeOfId(this.state, id, this.file);
  }

  /** Does the expression use a run construct (so that it is interpreted here, not lowered)? */
  private needsRun(e: QuintEx, locals?: Env | Set<string>): boolean {
    switch (e.kind) {
      case 'name':
        return this.defNeedsRun(e.name);
      case 'app':
        if (RUN_OPS.has(e.opcode) && e.opcode !== 'actionAll' && e.opcode !== 'actionAny')
          return true;
        if (this.defNeedsRun(e.opcode)) return true;
        return e.args.some((a) => this.needsRun(a, locals));
      case 'lambda':
        return this.needsRun(e.expr, locals);
      case 'let':
        return e.opdef.qualifier === 'run' || this.needsRun(e.opdef.expr) || this.needsRun(e.expr);
      default:
        return false;
    }
  }

  private defNeedsRun(name: string): boolean {
    const d = this.defs.get(name);
    if (!d) return false;
    if (d.qualifier === 'run') return true;
    const known = this.needs.get(name);
    if (known !== undefined) return known;
    this.needs.set(name, false); // recursion guard
    const r = this.needsRun(d.expr);
    this.needs.set(name, r);
    return r;
  }

  /** Registers the leaves of a test (walking what the interpreter will walk). */
  prepare(d: QuintOpDef): void {
    const body = d.expr.kind === 'lambda' ? d.expr.expr : d.expr;
    if (d.expr.kind === 'lambda' && d.expr.params.length > 0) return; // ignored: not a Boolean
    try {
      this.walk(body, new Set(), new Map());
    } catch (err) {
      if (!(err instanceof RunFailure)) throw err;
      this.unprepared.set(d.name, err);
    }
  }

  /** Tests that use what the runner does not support yet: the message, instead of a run. */
  private unprepared = new Map<string, RunFailure>();

  private visitedDefs = new Set<string>();

  private walk(e: QuintEx, scope: Set<string>, localDefs: LocalDefs): void {
    if (!this.needsRun(e)) {
      this.leaf(e, scope, localDefs);
      return;
    }
    switch (e.kind) {
      case 'name': {
        this.walkDef(e.name);
        return;
      }
      case 'lambda':
        this.walk(e.expr, new Set([...scope, ...e.params.map((p) => p.name)]), localDefs);
        return;
      case 'let': {
        const d = e.opdef;
        if (d.qualifier === 'nondet') {
          const pick = d.expr;
          if (pick.kind === 'app' && pick.opcode === 'oneOf' && pick.args.length === 1)
            this.leaf(pick.args[0], scope, localDefs);
          else this.leaf(pick, scope, localDefs);
          this.walk(e.expr, new Set([...scope, d.name]), localDefs);
          return;
        }
        if (this.isLocalDef(d)) {
          const params = d.expr.kind === 'lambda' ? d.expr.params.map((p) => p.name) : [];
          const body = d.expr.kind === 'lambda' ? d.expr.expr : d.expr;
          this.walk(body, new Set([...scope, ...params]), localDefs);
          this.walk(e.expr, scope, new Map([...localDefs, [d.name, d]]));
          return;
        }
        this.leaf(d.expr, scope, localDefs);
        this.walk(e.expr, new Set([...scope, d.name]), localDefs);
        return;
      }
      case 'app': {
        const a = e.args;
        switch (e.opcode) {
          case 'then':
          case 'fail':
          case 'actionAll':
          case 'actionAny':
          case 'and':
          case 'or':
            for (const x of a) this.walk(x, scope, localDefs);
            return;
          case 'reps': {
            this.leaf(a[0], scope, localDefs);
            const f = a[1];
            if (f.kind === 'lambda')
              this.walk(f.expr, new Set([...scope, ...f.params.map((p) => p.name)]), localDefs);
            else this.walk(f, scope, localDefs);
            return;
          }
          case 'expect':
            this.walk(a[0], scope, localDefs);
            this.leaf(a[1], scope, localDefs);
            return;
          case 'ite':
            this.leaf(a[0], scope, localDefs);
            this.walk(a[1], scope, localDefs);
            this.walk(a[2], scope, localDefs);
            return;
        }
        for (const x of a) this.leaf(x, scope, localDefs);
        if (!localDefs.has(e.opcode)) this.walkDef(e.opcode);
        return;
      }
      default:
        return;
    }
  }

  private isLocalDef(d: QuintOpDef): boolean {
    return (
      d.expr.kind === 'lambda' ||
      d.qualifier === 'action' ||
      d.qualifier === 'run' ||
      this.needsRun(d.expr)
    );
  }

  private walkDef(name: string): void {
    if (this.visitedDefs.has(name)) return;
    this.visitedDefs.add(name);
    const d = this.defs.get(name);
    if (!d) return;
    const params = d.expr.kind === 'lambda' ? d.expr.params.map((p) => p.name) : [];
    this.walk(d.expr.kind === 'lambda' ? d.expr.expr : d.expr, new Set(params), new Map());
  }

  private leaf(e: QuintEx, scope: Set<string>, localDefs: LocalDefs): void {
    if (this.leaves.has(e.id)) return;
    // The run's own definitions the piece uses (`def inc(n) = n + 1`, `action bump = …`), those
    // they use in turn, go with it as `let`s around it (outermost the first defined), so that the
    // engine evaluates them with it; one that is a run itself stays the runner's.
    const needed = new Set<string>();
    const need = (x: QuintEx): void => {
      for (const n of namesOf(x)) {
        const d = localDefs.get(n);
        if (!d || needed.has(n)) continue;
        if (d.qualifier === 'run' || this.needsRun(d.expr))
          throw new RunFailure(
            `not supported yet: the run ${n}, local to a run, used inside an action or expression at ${this.at(e.id)}`,
            this.R(e.id),
          );
        needed.add(n);
        need(d.expr);
      }
    };
    need(e);
    let expr = e;
    for (const [n, d] of [...localDefs].reverse())
      if (needed.has(n)) expr = { kind: 'let', id: e.id, opdef: d, expr };
    const used = namesOf(expr);
    const params = [...scope].filter((n) => used.has(n));
    this.leaves.set(e.id, {
      name: `run::${this.leaves.size}`,
      params,
      expr,
      label: this.labelOf(e),
    });
  }

  private labelOf(e: QuintEx): string {
    if (e.kind === 'name') return e.name;
    if (e.kind === 'app' && this.defs.has(e.opcode)) return e.opcode;
    return 'step';
  }

  private at(id: bigint): string {
    const r = this.R(id);
    return `${r.module}:${r.start.line}:${r.start.column}`;
  }

  /** Lowers the spec with every leaf and compiles the model. */
  build(): void {
    const none = 'q::none';
    this.lowered = lowerQuint(
      this.state,
      this.flat,
      { init: none, step: none, named: [] },
      [...this.leaves.values()].map((l) => ({ name: l.name, params: l.params, expr: l.expr })),
    );
    registerModuleStrings([], [...this.state.files.values()]);
    const modules = new Map([[this.lowered.module.name, this.lowered.module]]);
    const config = parseConfig('', 'tests.cfg').config!;
    const services = {
      ...tlcServices([], {
        mode: 'simulate',
        depth: -1,
        traces: -1,
        seed: 0,
        deadlock: false,
        level: () => this.states.length,
      }),
      // An action's `S.oneOf()` on Int, Nat or a set too large to enumerate samples (a random choice).
      sample: () => {
        this.choices++;
        return this.random.nextUint32();
      },
    };
    const builder = new ModelBuilder(modules, config, builtinTable(), services);
    this.parts = builder.build(this.lowered.module.name);
    this.vars = this.parts.vars;
  }

  private compile(leaf: Leaf, kind: 'act' | 'ev') {
    const id = leaf.expr.id;
    let c = this.compiled.get(id);
    if (!c) {
      c = { size: 0 };
      this.compiled.set(id, c);
    }
    if (c[kind]) return c;
    const sc = this.parts.root.newFrame();
    for (const p of leaf.params) sc.bindLocal(p);
    const range = this.R(id);
    const call: Expr = {
      kind: 'OpApp',
      name: leaf.name,
      args: leaf.params.map((p) => ({ kind: 'Ident', name: p, range })),
      range,
    };
    if (kind === 'act')
      c.act = this.parts.actions.topLevel(call, sc, { target: 'next', split: false });
    else c.ev = this.parts.compiler.expr(call, sc);
    c.size = Math.max(c.size, sc.layout.size);
    return c;
  }

  private ctxFor(leaf: Leaf, env: Env, size: number): Ctx {
    const v: Value[] = new Array(Math.max(size, leaf.params.length));
    leaf.params.forEach((p, i) => {
      const l = env.get(p);
      if (!l || l.k !== 'value') throw new RunFailure(`internal error: ${p} has no value`);
      v[i] = l.value;
    });
    return {
      s: this.cur as Value[],
      n: null,
      f: { v, up: null },
      wantLabels: false,
    };
  }

  private leafOf(e: QuintEx): Leaf {
    const l = this.leaves.get(e.id);
    if (!l) throw new RunFailure(`internal error: no leaf for ${this.at(e.id)}`, this.R(e.id));
    return l;
  }

  /** The value of an expression in the current state. */
  private value(e: QuintEx, env: Env): Value {
    if (e.kind === 'name') {
      const l = env.get(e.name);
      if (l?.k === 'value') return l.value;
    }
    const leaf = this.leafOf(e);
    const c = this.compile(leaf, 'ev');
    return this.engine(e, () => c.ev!(this.ctxFor(leaf, env, c.size)));
  }

  private bool(e: QuintEx, env: Env): boolean {
    const v = this.value(e, env);
    if (typeof v !== 'boolean')
      throw new RunFailure(`Expected a Boolean, got ${printValue(v)}`, this.R(e.id));
    return v;
  }

  /** Runs the engine; its errors become the test's. */
  private engine<T>(e: QuintEx, f: () => T): T {
    try {
      return f();
    } catch (err) {
      if (err instanceof RunFailure) throw err;
      if (err instanceof EvalError) throw new RunFailure(err.message, err.range ?? this.R(e.id));
      const m = err instanceof Error ? err.message : String(err);
      // A variable read before any action gave it a value (e.g. a run that does not begin with init).
      throw new RunFailure(
        /undefined|null/.test(m) && this.cur.some((x) => x === undefined)
          ? `A variable has no value yet (does the run begin with its init action?): ${m}`
          : m,
        this.R(e.id),
      );
    }
  }

  /** A step of the engine: the successors of an action leaf; takes one at random. */
  private action(e: QuintEx, env: Env): boolean {
    const leaf = this.leafOf(e);
    const c = this.compile(leaf, 'act');
    const ctx = this.ctxFor(leaf, env, c.size);
    const next = this.next.slice() as Value[];
    ctx.n = next;
    const found: (Value | undefined)[][] = [];
    this.engine(e, () => c.act!(ctx, () => found.push(next.slice())));
    if (found.length === 0) return false;
    const k = this.pick(found.length);
    this.next = found[k];
    this.lastLabel = leaf.label;
    return true;
  }

  private lastLabel = 'step';

  private pick(n: number): number {
    if (n <= 1) return 0;
    this.choices++;
    return this.random.below(n);
  }

  private shift(): void {
    this.cur = this.next;
    this.next = new Array(this.vars.length);
    this.states.push(this.cur);
    this.steps.push(this.lastLabel);
  }

  private snapshot() {
    return {
      cur: this.cur,
      next: this.next.slice(),
      n: this.states.length,
      label: this.lastLabel,
    };
  }

  private restore(s: ReturnType<Runner['snapshot']>): void {
    this.cur = s.cur;
    this.next = s.next.slice();
    this.states.length = s.n;
    this.steps.length = s.n;
    this.lastLabel = s.label;
  }

  /** Executes a run expression: true or false, or a RunFailure. */
  private exec(e: QuintEx, env: Env): boolean {
    if (!this.needsRun(e)) {
      const l = this.leaves.get(e.id);
      if (e.kind === 'name' && env.get(e.name)?.k === 'def')
        return this.callLocal(e, e.name, [], env);
      if (!l) throw new RunFailure(`internal error: no leaf at ${this.at(e.id)}`, this.R(e.id));
      return this.action(e, env);
    }
    switch (e.kind) {
      case 'name': {
        const local = env.get(e.name);
        if (local?.k === 'def') return this.callLocal(e, e.name, [], env);
        return this.callDef(e, e.name, [], env);
      }
      case 'let':
        return this.execLet(e, env);
      case 'app':
        return this.execApp(e, env);
      default:
        throw new RunFailure(
          `not supported yet: this run expression at ${this.at(e.id)}`,
          this.R(e.id),
        );
    }
  }

  private execLet(e: Extract<QuintEx, { kind: 'let' }>, env: Env): boolean {
    const d = e.opdef;
    if (d.qualifier === 'nondet') return this.nondet(e, env);
    if (this.isLocalDef(d)) {
      const params = d.expr.kind === 'lambda' ? d.expr.params.map((p) => p.name) : [];
      const body = d.expr.kind === 'lambda' ? d.expr.expr : d.expr;
      const inner = new Map(env);
      inner.set(d.name, { k: 'def', params, body, env, scope: new Set() });
      return this.exec(e.expr, inner);
    }
    const inner = new Map(env);
    inner.set(d.name, { k: 'value', value: this.value(d.expr, env) });
    return this.exec(e.expr, inner);
  }

  private nondet(e: Extract<QuintEx, { kind: 'let' }>, env: Env): boolean {
    const d = e.opdef;
    const pick = d.expr;
    if (pick.kind !== 'app' || pick.opcode !== 'oneOf' || pick.args.length !== 1)
      throw new RunFailure(
        `not supported yet: a nondet definition other than S.oneOf() at ${this.at(d.id)}`,
        this.R(d.id),
      );
    const set = this.value(pick.args[0], env);
    if (!isSet(set))
      throw new RunFailure(`oneOf expects a set, got ${printValue(set)}`, this.R(pick.id));
    const bind = (v: Value): Env => new Map(env).set(d.name, { k: 'value', value: v });
    // Int, Nat or a set too large to enumerate: one sample (quint-sample.ts), as Quint draws it.
    let from: SetBase;
    try {
      from = oneOfSet(
        set,
        () => this.random.nextUint32(),
        (what) => `not supported yet: oneOf on ${what} at ${this.at(pick.id)}`,
      );
    } catch (err) {
      if (err instanceof ValueError) throw new RunFailure(err.message, this.R(pick.id));
      throw err;
    }
    if (from !== set) {
      this.choices++;
      return this.exec(e.expr, bind(from.enumerate().elems[0]));
    }
    const elems = set.enumerate().elems;
    if (elems.length === 0) return false;
    const start = this.pick(elems.length);
    if (elems.length === 1) this.choices++;
    const snap = this.snapshot();
    // Quint retries the next positions, in turn, when the set is small (below 100 elements).
    for (let i = 0; ;) {
      const r = this.exec(e.expr, bind(elems[(start + i) % elems.length]));
      if (r || elems.length >= 100 || ++i === elems.length) return r;
      this.restore(snap);
    }
  }

  private execApp(e: Extract<QuintEx, { kind: 'app' }>, env: Env): boolean {
    const a = e.args;
    switch (e.opcode) {
      case 'then': {
        for (let i = 0; i < a.length - 1; i++) {
          if (!this.exec(a[i], env))
            throw new RunFailure(
              'Cannot continue in `then` because the highlighted expression evaluated to false',
              this.R(a[i].id),
            );
          this.shift();
        }
        return this.exec(a[a.length - 1], env);
      }
      case 'reps': {
        const n = this.value(a[0], env);
        if (typeof n !== 'number')
          throw new RunFailure(`reps expects an integer, got ${printValue(n)}`, this.R(a[0].id));
        let result = true;
        for (let i = 0; i < n; i++) {
          result = this.apply(a[1], [i], env);
          if (!result)
            throw new RunFailure(
              `Reps loop could not continue after iteration #${i + 1} evaluated to false`,
              this.R(e.id),
            );
          if (i < n - 1) this.shift();
        }
        return result;
      }
      case 'expect': {
        if (!this.exec(a[0], env))
          throw new RunFailure('Cannot continue to "expect"', this.R(a[0].id));
        const saved = { cur: this.cur, next: this.next };
        this.cur = this.next;
        this.next = new Array(this.vars.length);
        let holds: boolean;
        try {
          holds = this.bool(a[1], env);
        } finally {
          this.cur = saved.cur;
          this.next = saved.next;
        }
        if (!holds) throw new RunFailure('Expect condition does not hold true', this.R(a[1].id));
        return true;
      }
      case 'fail':
        return !this.exec(a[0], env);
      case 'actionAll':
      case 'and': {
        const snap = this.next.slice();
        for (const x of a)
          if (!this.exec(x, env)) {
            this.next = snap;
            return false;
          }
        return true;
      }
      case 'actionAny':
      case 'or': {
        const snap = this.snapshot();
        const order = a.map((_, i) => i);
        for (let i = order.length - 1; i > 0; i--) {
          const j = this.pick(i + 1);
          [order[i], order[j]] = [order[j], order[i]];
        }
        for (const i of order) {
          this.restore(snap);
          if (this.exec(a[i], env)) return true;
        }
        this.restore(snap);
        return false;
      }
      case 'ite':
        return this.bool(a[0], env) ? this.exec(a[1], env) : this.exec(a[2], env);
    }
    const local = env.get(e.opcode);
    if (local?.k === 'def') return this.callLocal(e, e.opcode, a, env);
    return this.callDef(e, e.opcode, a, env);
  }

  /** `f(args)` where f is a lambda or the name of a definition, with values for its parameters. */
  private apply(f: QuintEx, args: Value[], env: Env): boolean {
    if (f.kind === 'lambda') {
      const inner = new Map(env);
      f.params.forEach((p, i) => inner.set(p.name, { k: 'value', value: args[i] }));
      return this.exec(f.expr, inner);
    }
    if (f.kind === 'name') {
      const d = this.defs.get(f.name);
      const body = d?.expr;
      if (body?.kind === 'lambda') return this.apply(body, args, new Map());
    }
    throw new RunFailure(
      `not supported yet: this operator argument at ${this.at(f.id)}`,
      this.R(f.id),
    );
  }

  private callDef(e: QuintEx, name: string, args: QuintEx[], env: Env): boolean {
    const d = this.defs.get(name);
    if (!d)
      throw new RunFailure(`not supported yet: ${name} in a run at ${this.at(e.id)}`, this.R(e.id));
    if (d.expr.kind !== 'lambda') return this.exec(d.expr, new Map());
    const inner: Env = new Map();
    d.expr.params.forEach((p, i) =>
      inner.set(p.name, { k: 'value', value: this.value(args[i], env) }),
    );
    return this.exec(d.expr.expr, inner);
  }

  private callLocal(e: QuintEx, name: string, args: QuintEx[], env: Env): boolean {
    const l = env.get(name) as Extract<Local, { k: 'def' }>;
    const inner = new Map(l.env);
    l.params.forEach((p, i) => inner.set(p, { k: 'value', value: this.value(args[i], env) }));
    return this.exec(l.body, inner);
  }

  /** Runs one test: up to maxSamples samples, stopping at the first failure. */
  test(d: QuintOpDef, index: number, o: QuintTestOptions, name = d.name): QuintTestResult {
    if (d.expr.kind === 'lambda' && d.expr.params.length > 0)
      return { name, status: 'ignored', samples: 1 };
    const body = d.expr.kind === 'lambda' ? d.expr.expr : d.expr;
    const unprepared = this.unprepared.get(d.name);
    if (unprepared)
      return {
        name,
        status: 'failed',
        samples: 0,
        error: { message: unprepared.message, range: unprepared.range },
      };
    let samples = 0;
    for (let s = 0; s < Math.max(1, o.maxSamples); s++) {
      samples++;
      this.random = new BehaviourRandom(o.seed, (index * 0x10001 + s) >>> 0);
      this.choices = 0;
      this.cur = new Array(this.vars.length);
      this.next = new Array(this.vars.length);
      this.states = [];
      this.steps = [];
      this.lastLabel = 'step';
      // As Quint: the state the last action reached (the one `expect` looked at, the last
      // step's next state) joins the failure's trace.
      const failed = (error: { message: string; range?: Range }) => {
        if (this.next.some((x) => x !== undefined)) this.shift();
        return { name, status: 'failed' as const, samples, sample: s, error, trace: this.trace() };
      };
      let result: Value;
      try {
        result = this.needsRun(body) ? this.exec(body, new Map()) : this.runLeafOnce(d, body);
      } catch (err) {
        if (!(err instanceof RunFailure)) throw err;
        return failed({ message: err.message, range: err.range });
      }
      if (typeof result !== 'boolean') return { name, status: 'ignored', samples };
      if (!result) return failed({ message: `Test ${name} returned false`, range: this.R(d.id) });
      if (this.choices === 0) break;
    }
    return { name, status: 'passed', samples };
  }

  /** A test that is an action or a value without run constructs. */
  private runLeafOnce(d: QuintOpDef, body: QuintEx): Value {
    if (d.qualifier === 'run' || d.qualifier === 'action') return this.action(body, new Map());
    return this.value(body, new Map());
  }

  private trace(): Trace {
    const states = this.states.map((s) => {
      const rec: Record<string, ReturnType<typeof toTraceValue>> = {};
      this.vars.forEach((v, i) => {
        const x = s[i];
        if (x !== undefined) rec[v] = toTraceValue(x);
      });
      return rec;
    });
    const steps: TraceStep[] = this.steps.map((label) => ({ action: label, params: [], label }));
    return { vars: this.vars, states, steps };
  }
}

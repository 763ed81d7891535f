/**
 * The compiled model as the search sees it: initial states, successors with their action labels,
 * invariants, constraints, and the state fingerprint (with VIEW and SYMMETRY applied). What the
 * search strategies (bfs.ts, and later simulation and liveness) share.
 */
import type { Expr, Range } from '../../tla/ast/ast';
import type { ModelConfig, NamedEntry } from '../../cfg/types';
import { tlcVariableOrder } from './tlc-variable-order';
import {
  type Value,
  ModelValue,
  TupleValue,
  hashValues,
  isFunction,
  isSet,
} from '../../core/values';
import { ConfigError, EvalError, IncompleteStateError, failedEvaluating } from '../../eval/errors';
import { FormulaExpander } from './properties';
import type { Ctx, ActionLabel } from '../../eval/scope';
import type { InitSplit } from '../../eval/init-split';
import { type Ev, asBool } from '../../eval/compile-expr';
import type { Act } from '../../eval/compile-action';
import { conjunction } from '../../eval/action-steps';
import { drawFrom } from '../../eval/builtins/random';
import { printValue } from '../../eval/print';
import type { ModelParts } from '../../eval/model';
import {
  type Permutation,
  SymmetricFingerprints,
  compareImage,
  permutationsOf,
  permute,
} from './symmetry';

export type State = Value[];

export interface NamedPredicate {
  name: string;
  range: Range;
  ev: Ev;
}

export class ModelRuntime {
  readonly vars: string[];
  private readonly init: Act;
  private readonly next: Act;
  readonly invariants: NamedPredicate[];
  private readonly constraints: NamedPredicate[];
  private readonly actionConstraints: NamedPredicate[];
  private readonly view?: Ev;
  private readonly perms: Permutation[] = [];
  readonly nextName: string;
  /** The level (1-based BFS depth) of the state being evaluated, for TLCGet("level"). */
  level = 0;
  /** Successor enumeration's context; predicates get their own (they run inside enumeration). */
  private readonly ctx: Ctx;
  private readonly evalCtx: Ctx;
  private readonly initRange: Range;

  constructor(
    readonly parts: ModelParts,
    readonly config: ModelConfig,
  ) {
    const { compiler, actions, root } = parts;
    this.vars = parts.vars;
    if (!parts.init)
      throw new ConfigError('The model has no initial predicate (INIT or SPECIFICATION)');
    if (!parts.next)
      throw new ConfigError('The model has no next-state relation (NEXT or SPECIFICATION)');
    this.initRange = parts.init.expr.range;
    const initMode = { target: 'init' as const, split: false };
    this.init = conjunction(
      [parts.init, ...(parts.init.more ?? [])].map((p) =>
        actions.topLevel(p.expr, p.scope, initMode),
      ),
    );
    this.next = actions.topLevel(parts.next.expr, parts.next.scope, {
      target: 'next',
      split: true,
    });
    this.nextName = parts.next.name;
    const named = (e: NamedEntry, primed = false): NamedPredicate => {
      const b = root.lookup(e.name);
      if (!b) throw new EvalError(`The model names ${e.name}, which is not defined`, e.range);
      const expr: Expr = { kind: 'Ident', name: e.name, range: e.range };
      return {
        name: e.name,
        range: b.k === 'def' ? b.def.range : e.range,
        ev: compiler.expr(expr, root, primed),
      };
    };
    this.invariants = config.invariants.map((e) => named(e));
    // As TLC, before the search: an invariant with primes or temporal operators is refused.
    const levels = new FormulaExpander(parts);
    for (const e of config.invariants) {
      const expr: Expr = { kind: 'Ident', name: e.name, range: e.range };
      if (levels.isAction(expr, root) || levels.isTemporal(expr, root))
        throw new ConfigError(
          `The invariant ${e.name} is not a state predicate (one with no primes or temporal operators)`,
          e.range,
        );
    }
    this.constraints = config.constraints.map((e) => named(e));
    this.actionConstraints = config.actionConstraints.map((e) => named(e));
    this.ctx = { s: [], n: null, f: null };
    this.evalCtx = { s: [], n: null, f: null };
    if (config.view) this.view = named(config.view).ev;
    if (config.symmetry) {
      const sym = named(config.symmetry);
      this.perms = permutationsOf(sym.ev(this.evalCtx));
    }
  }

  /**
   * Calls `emit` for every initial state (a fresh array each time). With `split`, only for this
   * worker's share of them, and with their keys (init-split.ts).
   */
  initStates(emit: (s: State, key: number) => void, split?: InitSplit): void {
    const n = this.vars.length;
    const c = this.ctx;
    c.s = new Array(n);
    c.n = null;
    c.f = null;
    c.lab = undefined;
    c.split = split;
    drawFrom([]);
    let key = 0;
    try {
      this.init(c, () => {
        const s = c.s;
        for (let i = 0; i < n; i++) {
          if (s[i] === undefined) {
            throw new EvalError(
              `The initial predicate does not give the variable ${this.vars[i]} a value`,
              this.initRange,
            );
          }
        }
        if (!split) emit(s.slice(), key++);
        else {
          const k = split.state();
          if (k >= 0) emit(s.slice(), k);
        }
      });
    } finally {
      c.split = undefined;
    }
  }

  /**
   * Calls `emit` for every successor of `s` (a fresh array each time) with its action label. With
   * `actionPath`, that array holds, while each successor is emitted, the branches that name its
   * action as TLC splits Next into actions (Ctx.actionPath): equal paths, the same action.
   * `borrowed`: `emit` gets the array the evaluation fills, the same for every successor of `s`,
   * and must copy what it keeps (most successors are states seen before, for which a copy was
   * all the garbage the step made but its values); nothing it evaluates on it may remember the
   * array (a memo keyed by the state's identity).
   */
  successors(
    s: State,
    emit: (t: State, label: ActionLabel | undefined) => void,
    wantLabels = true,
    actionPath?: number[],
    borrowed = false,
  ): void {
    const n = this.vars.length;
    const c = this.ctx;
    c.s = s;
    // A step's random draws (RandomElement) depend on its first state, as TLC's.
    drawFrom(s);
    const next = new Array<Value>(n);
    c.n = next;
    c.f = null;
    c.wantLabels = wantLabels;
    // Reset here: an evaluation error leaves them as they were where it was thrown.
    if (actionPath) actionPath.length = 0;
    c.actionPath = actionPath;
    c.actionFrozen = false;
    c.lab = { name: this.nextName, params: [], range: this.parts.next!.expr.range };
    c.composed = 0;
    this.next(c, () => {
      for (let i = 0; i < n; i++) if (next[i] === undefined) throw this.incomplete(next, c.lab);
      emit(borrowed ? next : next.slice(), c.lab);
    });
    c.n = null;
    c.actionPath = undefined;
  }

  /**
   * The error for a successor that leaves variables without a value: which, in which action (its
   * parameters too when the labels are followed), and the values the others were given, as TLC
   * shows that successor.
   */
  private incomplete(
    next: (Value | undefined)[],
    lab: ActionLabel | undefined,
  ): IncompleteStateError {
    const missing = this.vars.filter((_, i) => next[i] === undefined).map((v) => `${v}'`);
    const given = this.vars.flatMap((v, i) =>
      next[i] === undefined ? [] : [`${v}' = ${printValue(next[i])}`],
    );
    const action = lab
      ? lab.params.length
        ? `${lab.name}(${lab.params.map((p) => printValue(p.value)).join(', ')})`
        : lab.name
      : this.nextName;
    return new IncompleteStateError(
      `The next-state relation does not give ${missing.join(', ')} a value in action ${action}` +
        (given.length ? ` (the successor's other variables: ${given.join(', ')})` : ''),
      lab?.range,
    );
  }

  /**
   * The middle states of `A \cdot B` the last `successors` computed since the previous call: TLC
   * counts them among the states generated (before the composed step's successors).
   */
  takeComposed(): number {
    const n = this.ctx.composed ?? 0;
    this.ctx.composed = 0;
    return n;
  }

  /** The name of the first invariant `s` violates, or undefined. */
  violatedInvariant(s: State): NamedPredicate | undefined {
    const c = this.evalCtx;
    c.s = s;
    c.n = null;
    c.f = null;
    for (const inv of this.invariants) {
      let v;
      try {
        v = inv.ev(c);
      } catch (e) {
        throw failedEvaluating(`invariant ${inv.name}`, e);
      }
      if (!asBool(v, inv.range, `invariant ${inv.name}`)) return inv;
    }
    return undefined;
  }

  /**
   * Is `s` inside the CONSTRAINTs, and the step s → t inside the ACTION_CONSTRAINTs? `this.level`
   * is that of `s`. As TLC, TLCGet("level") in a CONSTRAINT is the level of the state it constrains:
   * the successor's (one more) for a step, and in an ACTION_CONSTRAINT the level of `s`.
   */
  inModel(s: State, t: State | undefined): boolean {
    const c = this.evalCtx;
    c.f = null;
    if (this.constraints.length) {
      c.s = t ?? s;
      c.n = null;
      const level = this.level;
      if (t) this.level = level + 1;
      try {
        for (const p of this.constraints)
          if (!asBool(p.ev(c), p.range, `constraint ${p.name}`)) return false;
      } finally {
        this.level = level;
      }
    }
    if (t && this.actionConstraints.length) {
      c.s = s;
      c.n = t;
      for (const p of this.actionConstraints)
        if (!asBool(p.ev(c), p.range, `action constraint ${p.name}`)) return false;
      c.n = null;
    }
    return true;
  }

  /**
   * Whether a state is the one its fingerprint stands for: not so under a VIEW or SYMMETRY, where
   * a successor may be another member of its class than the state the search keeps.
   */
  get fingerprintsAreStates(): boolean {
    return !this.view && this.perms.length === 0;
  }

  /** Writes the fingerprint of `s` into `out` ([hi, lo]). */
  fingerprint(s: State, out: [number, number]): void {
    if (this.view) {
      // As TLC: the VIEW of the symmetry representative, which TLC picks comparing the variables
      // in its own order of them (tlc-variable-order.ts; another order may pick another member
      // of the orbit, whose view can differ).
      const c = this.evalCtx;
      c.s =
        this.perms.length === 0
          ? s
          : this.representative(
              s,
              (this.tlcOrder ??= tlcVariableOrder(this.vars, this.parts.contextNames ?? this.vars)),
            );
      c.n = null;
      c.f = null;
      this.hashState([this.view(c)], out);
      return;
    }
    if (this.perms.length === 0) {
      this.hashState(s, out);
      return;
    }
    // The representative is the costly part (every permutation of the group), and most successors
    // are states generated before (from another parent): a direct-mapped cache from the state's own
    // fingerprint to its representative's skips it for them. A hit needs the 64-bit fingerprint to
    // match, the same assumption as the seen-set's. (SimplifiedFastPaxos/Paxos, 143 permutations:
    // 6.6 s of CPU to 2.4 s.)
    const raw = this.rawFp;
    this.hashState(s, raw);
    const cache = (this.symCache ??= newSymmetryCache());
    const i = raw[1] & SYM_CACHE_MASK;
    if (cache.used[i] === 1 && cache.keyHi[i] === raw[0] && cache.keyLo[i] === raw[1]) {
      out[0] = cache.valHi[i];
      out[1] = cache.valLo[i];
      return;
    }
    const byFingerprints = (this.symFps ??= SymmetricFingerprints.of(this.perms) ?? null);
    if (byFingerprints) byFingerprints.fingerprint(s, out);
    else this.hashState(this.representative(s), out);
    cache.used[i] = 1;
    cache.keyHi[i] = raw[0];
    cache.keyLo[i] = raw[1];
    cache.valHi[i] = out[0];
    cache.valLo[i] = out[1];
  }

  private readonly rawFp: [number, number] = [0, 0];
  private symCache?: ReturnType<typeof newSymmetryCache>;
  private symFps?: SymmetricFingerprints | null;

  /**
   * The symmetry representative: the least of the state and its images under each permutation of
   * the group, comparing variable by variable. `perms` is the whole group the SYMMETRY set
   * generates (as TLC's permutationSubgroup), so the least image under any fixed order of the
   * variables is the same for every state of an orbit, and the count of distinct states is TLC's.
   * Variables are compared cheapest first (see symmetryOrder): most images are already larger on
   * a small variable, and large ones (a set of messages, whose image must be re-sorted) are then
   * permuted only for the few images that tie on the others.
   */
  private representative(
    s: State,
    order: number[] = (this.symOrder ??= this.symmetryOrder()),
  ): State {
    let min = s;
    const n = s.length;
    for (const p of this.perms) {
      let cmp = 0;
      for (let k = 0; k < n; k++) {
        const j = order[k];
        cmp = compareImage(s[j], p, min[j]);
        if (cmp !== 0) break;
      }
      if (cmp < 0) min = s.map((x) => permute(x, p));
    }
    return min;
  }

  private symOrder?: number[];
  private tlcOrder?: number[];

  /**
   * The order in which `representative` compares variables: fixed for the whole run, and the same
   * in every worker, so it is read off the first initial state (Init enumerated until then).
   * Scalars first, then functions and records (usually over fixed domains), then sets and
   * sequences, which tend to grow (message sets, queues); by size within each kind.
   */
  private symmetryOrder(): number[] {
    const n = this.vars.length;
    const natural = Array.from({ length: n }, (_, i) => i);
    const c = this.ctx;
    const saved = { s: c.s, n: c.n, f: c.f, lab: c.lab };
    let first: State | undefined;
    const FIRST = {};
    try {
      this.initStates((s) => {
        first = s;
        throw FIRST;
      });
    } catch (e) {
      if (e !== FIRST) return natural; // the search reports Init's errors
    } finally {
      Object.assign(c, saved);
    }
    if (!first) return natural;
    const st = first;
    return natural
      .map((i) => ({ i, k: symmetryRank(st[i]) }))
      .sort((a, b) => a.k - b.k || a.i - b.i)
      .map((x) => x.i);
  }

  private hashState(vals: Value[], out: [number, number]): void {
    hashValues(vals, out);
  }
}

/** Kind and size of a value, as one number for symmetryOrder (smaller: compared earlier). */
function symmetryRank(v: Value): number {
  const size = (x: Value, budget: number): number => {
    if (typeof x !== 'object' || budget <= 0) return 1;
    let n = 1;
    if (isFunction(x))
      for (let i = 0; i < x.size() && n < budget; i++)
        n += size(x.domainAt(i), budget - n) + size(x.valueAt(i), budget - n);
    else if (isSet(x))
      for (const y of x.enumerate().elems) if (n < budget) n += size(y, budget - n);
    return n;
  };
  const SPAN = 1e6;
  if (typeof v !== 'object' || v instanceof ModelValue) return 0;
  if (isSet(v) || v instanceof TupleValue) return 2 * SPAN + Math.min(size(v, SPAN - 1), SPAN - 1);
  return SPAN + Math.min(size(v, SPAN - 1), SPAN - 1);
}

/** Entries of the symmetry cache: 2^18 (4.5 MB of typed arrays; lanes are unsigned 32-bit). */
const SYM_CACHE_MASK = (1 << 18) - 1;

function newSymmetryCache() {
  const n = SYM_CACHE_MASK + 1;
  return {
    used: new Uint8Array(n),
    keyHi: new Uint32Array(n),
    keyLo: new Uint32Array(n),
    valHi: new Uint32Array(n),
    valLo: new Uint32Array(n),
  };
}

/**
 * Checks the .cfg's PROPERTIES as TLC does: the safety parts during the breadth-first search
 * (through `stateProperty` / `stepProperty`, called by bfs.ts), the liveness parts afterwards on the
 * behaviour graph recorded during the search (`graph`), under the spec's fairness.
 */
import type { ModelConfig } from '../../../cfg/types';
import type { ModelParts } from '../../../eval/model';
import type { Range } from '../../../tla/ast/ast';
import { asBool } from '../../../eval/compile-expr';
import { failedEvaluating } from '../../../eval/errors';
import type { Ctx } from '../../../eval/scope';
import type { State } from '../../model/runtime';
import {
  type PropertyPlan,
  type TF,
  FormulaExpander,
  firstUnsupported,
  planProperty,
} from '../../model/properties';
import {
  ACTION_FORMS,
  AtomTable,
  type Clause,
  type Violation,
  fairnessParts,
  violations,
} from './formula';
import { AtomRows, BehaviourGraph } from './graph';
import { buildAutomaton } from './tableau';
import { type Lasso, findViolation } from './search';

export interface LivenessOutcome {
  property: string;
  lasso: Lasso;
}

export class PropertyChecker {
  readonly plans: PropertyPlan[];
  /** Property name → why it is not (fully) checked. */
  readonly unchecked = new Map<string, string>();
  private readonly atoms: AtomTable;
  private readonly live: { name: string; ways: Violation[] }[] = [];
  private fairness: Clause[] = [];
  /** Recorded only when some liveness formula is to be checked. */
  readonly graph?: BehaviourGraph;
  /** Property checks see complete states only: top-level definitions are computed once per step. */
  private readonly ctx: Ctx = { s: [], n: null, f: null, memo: new Map() };
  /** Time spent in the liveness phase, for the report. */
  livenessMs = 0;
  /**
   * A temporal formula TLC refuses to check (actions other than in `[]<>A` / `<>[]A`): the model
   * is refused before the search, as TLC does, instead of its property being left unchecked.
   */
  refusal?: { message: string; range: Range };

  constructor(parts: ModelParts, config: ModelConfig) {
    const expander = new FormulaExpander(parts);
    this.atoms = new AtomTable(parts);
    this.plans = config.properties.map((p) => planProperty(parts, expander, p.name, p.range));
    for (const plan of this.plans)
      if (plan.unsupported) this.unchecked.set(plan.name, plan.unsupported);
    const wanted = this.plans.filter((p) => !p.unsupported && p.liveness.length > 0);
    if (wanted.length === 0) return;
    const fair: TF[] = parts.temporal.map((t) => expander.expand(t.expr, t.scope));
    const bad = fair.map(firstUnsupported).find((u) => u);
    const fairness = bad
      ? `the specification's fairness cannot be read: ${bad.why}`
      : fairnessParts(fair, this.atoms);
    if (typeof fairness === 'string') {
      if (fairness === ACTION_FORMS) {
        const at = fair.findIndex((f) => fairnessParts([f], this.atoms) === ACTION_FORMS);
        const t = parts.temporal[Math.max(0, at)];
        this.refusal = {
          message: `${ACTION_FORMS} (the specification's fairness)`,
          range: t.expr.range,
        };
      }
      for (const p of wanted) this.unchecked.set(p.name, fairness);
      return;
    }
    this.fairness = fairness.clauses;
    for (const p of wanted) {
      this.atoms.owner = p.name;
      const ways: Violation[] = [];
      for (const f of p.liveness) {
        const v = violations(f, this.atoms);
        if (typeof v === 'string') {
          this.unchecked.set(p.name, v);
          if (v === ACTION_FORMS)
            this.refusal ??= { message: `${ACTION_FORMS} (PROPERTY ${p.name})`, range: p.range };
          break;
        }
        // The spec's other temporal conjuncts hold on every behaviour it allows.
        for (const w of v)
          ways.push(
            fairness.rest.length === 0
              ? w
              : { rest: { k: 'and', args: [w.rest, ...fairness.rest] }, cycle: w.cycle },
          );
      }
      if (!this.unchecked.has(p.name)) this.live.push({ name: p.name, ways });
    }
    if (this.live.length)
      this.graph = new BehaviourGraph(this.atoms, !!(config.symmetry || config.view));
  }

  /**
   * For the workers of a shared search: the liveness atoms they evaluate where they hold the
   * states (AtomRows), the action atoms of `<>[]A` literals, unless a
   * successor may be another state than the one the graph keeps for it (`exactSteps` false: VIEW,
   * SYMMETRY), where the leader evaluates all action atoms. An atom that may print, draw at random
   * or use TLC's registers (Atom.effects) stays with the leader too, so that its output and draws
   * are those of one worker.
   */
  atomRows(exactSteps: boolean): AtomRows | undefined {
    if (!this.graph || !exactSteps) return undefined;
    const eager = new Set<number>();
    const clauses = [...this.fairness, ...this.live.flatMap((p) => p.ways.flatMap((w) => w.cycle))];
    for (const c of clauses)
      for (const l of c)
        if (l.kind === 'ea' && l.onEdge)
          for (const j of l.acts ?? []) if (!this.atoms.action[j].effects) eager.add(j);
    if (eager.size === 0) return undefined;
    return new AtomRows(
      this.atoms,
      [...eager].sort((a, b) => a - b),
    );
  }

  get hasSafetyChecks(): boolean {
    return this.plans.some((p) => p.initPreds.length + p.invariants.length + p.actions.length > 0);
  }

  /** The property a state violates (its `[]P` parts; on initial states also its non-temporal parts). */
  stateProperty(s: State, initial: boolean): string | undefined {
    const c = this.ctx;
    c.s = s;
    c.n = null;
    for (const p of this.plans) {
      if (initial)
        for (const q of p.initPreds)
          if (!asBool(q.ev(c), q.range, `property ${p.name}`)) return p.name;
      for (const q of p.invariants) {
        let v;
        try {
          v = q.ev(c);
        } catch (e) {
          // TLC checks a property's []P part as an invariant, and names it so.
          throw failedEvaluating(`invariant ${p.name}`, e);
        }
        if (!asBool(v, q.range, `property ${p.name}`)) return p.name;
      }
    }
    return undefined;
  }

  /** The property whose `[][A]_v` part the step s → t violates. */
  stepProperty(s: State, t: State): string | undefined {
    const c = this.ctx;
    c.s = s;
    c.n = t;
    try {
      for (const p of this.plans)
        for (const q of p.actions) {
          let v;
          try {
            v = q.ev(c);
          } catch (e) {
            throw failedEvaluating(`action property ${p.name}`, e);
          }
          if (!asBool(v, q.range, `property ${p.name}`)) return p.name;
        }
    } finally {
      c.n = null;
    }
    return undefined;
  }

  /**
   * Which part of property `name` the state `s` (or the step s → t) violates, named as TLC names
   * it: `Invariant Inv2`, `Action property line 3, col 5 to … of module M`.
   */
  violatedPart(
    name: string,
    s: State,
    t?: State,
  ): { kind: 'invariant' | 'action property'; label: string } | undefined {
    const p = this.plans.find((x) => x.name === name);
    if (!p) return undefined;
    const c = this.ctx;
    c.s = s;
    c.n = t ?? null;
    try {
      const parts = t ? p.actions : p.invariants;
      for (const q of parts) {
        if (q.ev(c) !== true) return { kind: t ? 'action property' : 'invariant', label: q.label };
      }
    } catch {
      return undefined; // the search reported how it fails
    } finally {
      c.n = null;
    }
    return undefined;
  }

  /** Does the property have liveness parts (checked only after a complete search)? */
  hasLiveness(name: string): boolean {
    return this.live.some((p) => p.name === name);
  }

  get hasStepChecks(): boolean {
    return this.plans.some((p) => p.actions.length > 0);
  }

  /** After a complete search: the first liveness property violated, with a lasso. */
  checkLiveness(): LivenessOutcome | undefined {
    const g = this.graph;
    if (!g) return undefined;
    const started = Date.now();
    try {
      const adj = {
        stateCount: g.stateCount,
        initial: g.initial,
        ...g.adjacency(),
        ...(g.reduced ? { onSuccessor: g.onSuccessor.bind(g) } : {}),
      };
      // An atom that fails to evaluate where the search reads it stops the check (AtomError).
      for (const p of this.live) {
        for (const w of p.ways) {
          const lasso = findViolation(adj, buildAutomaton(w.rest), [...w.cycle, ...this.fairness]);
          if (lasso) return { property: p.name, lasso };
        }
      }
      return undefined;
    } finally {
      this.livenessMs = Date.now() - started;
    }
  }
}

/**
 * From temporal formulas (properties.ts's TF) to what the liveness search works with.
 *
 * To refute `property` under the spec's fairness we look for a behaviour satisfying
 * `fairness /\ ~property`. `~property` is put in negation normal form and split at its top-level
 * disjunctions; in each disjunct, conjuncts of the forms `[]<>L` and `<>[]L` (L a state or action
 * predicate) become conditions on the cycle of a lasso, as fairness does (WF and SF are
 * disjunctions of such conditions); what remains (e.g. `<>(P /\ []~Q)` from `P ~> Q`) is turned into
 * a small automaton by the tableau (tableau.ts) and run in product with the behaviour graph.
 *
 * Non-temporal sub-formulas (booleans over state and action predicates, ENABLED included) become
 * one literal each, evaluated on the recorded behaviour graph.
 */
import type { Range } from '../../../tla/ast/ast';
import type { Ev } from '../../../eval/compile-expr';
import type { ModelParts } from '../../../eval/model';
import type { TF } from '../../model/properties';

/** A predicate evaluated once per state (state atoms) or per edge and per stuttering step (action atoms). */
export interface Atom {
  ev: Ev;
  range: Range;
  action: boolean;
  /** The properties whose formulas use this atom ('*': the spec's fairness, hence all). */
  owners: Set<string>;
  /**
   * It may print, draw at random or use TLC's registers (Compiler.hasHiddenEffects): evaluated
   * only where one worker evaluates it (never eagerly by the workers of a shared search).
   */
  effects: boolean;
}

/** Where a literal is evaluated: state id, and edge id (-1: the stuttering step s → s). */
export type LitTest = (state: number, edge: number) => boolean;

/** Where atoms are evaluated (liveness/graph.ts, lazily, with a cache). */
export interface AtomValues {
  stateAtom(i: number, s: number): boolean;
  /** On edge e, or on the stuttering step of s when e < 0. */
  actionAtom(j: number, s: number, e: number): boolean;
}

export class AtomTable {
  readonly state: Atom[] = [];
  readonly action: Atom[] = [];
  private byPred = new Map<object, number>();
  graph!: AtomValues;
  /** The property being normalised (atoms record who uses them). */
  owner = '*';

  constructor(private readonly parts: ModelParts) {}

  /** The column of a predicate (compiled once even when it appears in several formulas). */
  add(p: Extract<TF, { k: 'pred' }>): number {
    const list = p.action ? this.action : this.state;
    const known = this.byPred.get(p);
    if (known !== undefined) {
      list[known].owners.add(this.owner);
      return known;
    }
    list.push({
      ev: this.parts.compiler.topLevel(p.e, p.sc),
      range: p.e.range,
      action: p.action,
      owners: new Set([this.owner]),
      effects: this.parts.compiler.hasHiddenEffects(p.e, p.sc),
    });
    this.byPred.set(p, list.length - 1);
    return list.length - 1;
  }

  /** The test of a predicate, read from the behaviour graph. */
  test(p: Extract<TF, { k: 'pred' }>): LitTest {
    const i = this.add(p);
    if (!p.action) return (s) => this.graph.stateAtom(i, s);
    return (s, e) => this.graph.actionAtom(i, s, e);
  }
}

/** Temporal formulas in negation normal form; non-temporal parts are literals. */
export type NF =
  | { k: 'lit'; test: LitTest; action: boolean; acts: number[]; key: string }
  | { k: 'true' }
  | { k: 'false' }
  | { k: 'and' | 'or'; args: NF[] }
  | { k: 'always' | 'eventually'; a: NF };

let litCounter = 0;

function hasTemporal(f: TF): boolean {
  switch (f.k) {
    case 'always':
    case 'eventually':
    case 'leadsto':
      return true;
    case 'not':
      return hasTemporal(f.a);
    case 'and':
    case 'or':
      return f.args.some(hasTemporal);
    default:
      return false;
  }
}

function hasAction(f: TF): boolean {
  switch (f.k) {
    case 'pred':
      return f.action;
    case 'not':
    case 'always':
    case 'eventually':
      return hasAction(f.a);
    case 'and':
    case 'or':
      return f.args.some(hasAction);
    case 'leadsto':
      return hasAction(f.a) || hasAction(f.b);
    default:
      return false;
  }
}

/** A non-temporal formula as one test over the recorded bits; its action atoms' columns into `acts`. */
function literalTest(f: TF, atoms: AtomTable, acts: number[]): LitTest {
  switch (f.k) {
    case 'pred':
      if (f.action) acts.push(atoms.add(f));
      return atoms.test(f);
    case 'bool': {
      const v = f.value;
      return () => v;
    }
    case 'not': {
      const a = literalTest(f.a, atoms, acts);
      return (s, e) => !a(s, e);
    }
    case 'and': {
      const args = f.args.map((a) => literalTest(a, atoms, acts));
      return (s, e) => args.every((a) => a(s, e));
    }
    case 'or': {
      const args = f.args.map((a) => literalTest(a, atoms, acts));
      return (s, e) => args.some((a) => a(s, e));
    }
    default:
      throw new Error(`internal error: ${f.k} in a literal`);
  }
}

/** `f` (negated when `neg`) in negation normal form. */
export function toNF(f: TF, neg: boolean, atoms: AtomTable): NF {
  if (!hasTemporal(f)) {
    if (f.k === 'bool') return f.value !== neg ? { k: 'true' } : { k: 'false' };
    const acts: number[] = [];
    const t = literalTest(f, atoms, acts);
    return {
      k: 'lit',
      test: neg ? (s, e) => !t(s, e) : t,
      action: hasAction(f),
      acts,
      key: `L${litCounter++}`,
    };
  }
  switch (f.k) {
    case 'not':
      return toNF(f.a, !neg, atoms);
    case 'and':
    case 'or': {
      const args = f.args.map((a) => toNF(a, neg, atoms));
      return { k: (f.k === 'and') !== neg ? 'and' : 'or', args };
    }
    case 'always':
    case 'eventually': {
      const a = toNF(f.a, neg, atoms);
      return { k: (f.k === 'always') !== neg ? 'always' : 'eventually', a };
    }
    case 'leadsto': {
      // P ~> Q is [](~P \/ <>Q); its negation <>(P /\ []~Q).
      if (neg)
        return {
          k: 'eventually',
          a: {
            k: 'and',
            args: [toNF(f.a, false, atoms), { k: 'always', a: toNF(f.b, true, atoms) }],
          },
        };
      return {
        k: 'always',
        a: {
          k: 'or',
          args: [toNF(f.a, true, atoms), { k: 'eventually', a: toNF(f.b, false, atoms) }],
        },
      };
    }
    default:
      throw new Error(`internal error: ${f.k} is not temporal`);
  }
}

/** A condition on the cycle of a lasso: `[]<>L` (ae) or `<>[]L` (ea). */
export interface CycleLit {
  kind: 'ae' | 'ea';
  test: LitTest;
  /** Action literals are read on the cycle's edges, state literals on its states. */
  onEdge: boolean;
  /** The columns of the action atoms it reads. */
  acts?: number[];
}

/** A disjunction of cycle conditions (e.g. WF_v(A): []<>~ENABLED <<A>>_v \/ []<><<A>>_v). */
export type Clause = CycleLit[];

/** As a cycle condition, or undefined when `f` is not `[]<>L` / `<>[]L` with L a literal. */
export function asCycleLit(f: NF): CycleLit | undefined {
  if (f.k === 'always' && f.a.k === 'eventually' && f.a.a.k === 'lit')
    return { kind: 'ae', test: f.a.a.test, onEdge: f.a.a.action, acts: f.a.a.acts };
  if (f.k === 'eventually' && f.a.k === 'always' && f.a.a.k === 'lit')
    return { kind: 'ea', test: f.a.a.test, onEdge: f.a.a.action, acts: f.a.a.acts };
  // []<>TRUE, <>[]TRUE and the like.
  if (
    (f.k === 'always' || f.k === 'eventually') &&
    (f.a.k === 'always' || f.a.k === 'eventually') &&
    f.a.a.k === 'true'
  ) {
    return { kind: 'ae', test: () => true, onEdge: false };
  }
  return undefined;
}

export function flatten(f: NF, k: 'and' | 'or'): NF[] {
  if (f.k === k) return f.args.flatMap((a) => flatten(a, k));
  if (f.k === (k === 'and' ? 'true' : 'false')) return [];
  return [f];
}

/** TLC's words for a temporal formula whose actions it cannot check (it refuses the model). */
export const ACTION_FORMS = 'Temporal formulas containing actions must be of forms <>[]A or []<>A';

/**
 * The spec's fairness: its conjuncts that are cycle conditions (WF/SF, `[]<>P`, `<>[]P` and
 * disjunctions of them) as clauses, and the others (`[]<>P \/ []Q`, `<>P`, `[](P => <>Q)`…) as
 * `rest`, which every way of violating a property must satisfy too: TLC checks a property
 * against the whole temporal formula of the spec, so these are tableau conjuncts. A string says
 * why it cannot be checked.
 */
export function fairnessParts(
  formulas: TF[],
  atoms: AtomTable,
): { clauses: Clause[]; rest: NF[] } | string {
  const clauses: Clause[] = [];
  const rest: NF[] = [];
  for (const f of formulas) {
    for (const c of flatten(toNF(f, false, atoms), 'and')) {
      const lits = flatten(c, 'or').map(asCycleLit);
      if (lits.every((l) => l)) clauses.push(lits as CycleLit[]);
      else rest.push(c);
    }
  }
  if (rest.some(containsActionLit)) return ACTION_FORMS;
  return { clauses, rest };
}

export function containsActionLit(f: NF): boolean {
  switch (f.k) {
    case 'lit':
      return f.action;
    case 'and':
    case 'or':
      return f.args.some(containsActionLit);
    case 'always':
    case 'eventually':
      return containsActionLit(f.a);
    default:
      return false;
  }
}

/** One way to violate a property: a tableau formula plus cycle conditions. */
export interface Violation {
  rest: NF;
  cycle: Clause[];
}

/** The ways to violate `property`; a string says why it cannot be checked. */
export function violations(property: TF, atoms: AtomTable): Violation[] | string {
  const out: Violation[] = [];
  for (const d of flatten(toNF(property, true, atoms), 'or')) {
    const rest: NF[] = [];
    const cycle: Clause[] = [];
    for (const c of flatten(d, 'and')) {
      const lit = asCycleLit(c);
      if (lit) {
        cycle.push([lit]);
        continue;
      }
      // A disjunction of cycle conditions, as fairness is (`WF_v(A) => <>P` in a PROPERTY: its
      // negation holds WF_v(A) = []<>~ENABLED <<A>>_v \/ []<><<A>>_v): one clause, as the spec's.
      const lits = c.k === 'or' ? flatten(c, 'or').map(asCycleLit) : [];
      if (lits.length && lits.every((l) => l)) cycle.push(lits as CycleLit[]);
      else rest.push(c);
    }
    const r: NF =
      rest.length === 0 ? { k: 'true' } : rest.length === 1 ? rest[0] : { k: 'and', args: rest };
    if (containsActionLit(r)) return ACTION_FORMS;
    out.push({ rest: r, cycle });
  }
  return out;
}

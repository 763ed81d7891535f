/**
 * Levels (Specifying Systems, 17.2): 0 constant, 1 state (mentions a variable), 2 action (a prime
 * or UNCHANGED), 3 temporal (`[]`, `<>`, `~>`, `[A]_v`, WF/SF, `\EE`). TLA+ forbids, e.g., priming
 * an action, `[]` of an action, a temporal formula inside an action or an ASSUME that is not
 * constant. The checker computes a *lower bound* of each level so that it only reports what is
 * certainly wrong: an operator's result counts its arguments only through the parameters its body
 * visibly passes on (`params`), and where the real rule depends on more than the bound, the bound
 * stays low.
 */
import type { Expr, Range } from '../ast/ast';
import { childExprs } from '../ast/ast-walk';
import type { SymbolInfo } from './symbols';

export interface Level {
  level: number;
  /** Parameters of the enclosing definition whose argument's level flows into this one. */
  params?: SymbolInfo[];
}

export const CONSTANT: Level = { level: 0 };

export function maxLevel(levels: readonly Level[]): Level {
  let level = 0;
  let params: SymbolInfo[] | undefined;
  for (const l of levels) {
    if (l.level > level) level = l.level;
    if (l.params) params = params ? [...params, ...l.params] : l.params;
  }
  return params ? { level, params } : { level };
}

/** The level of `symbol(args)`: its own, and the arguments' where its parameters pass them on. */
export function applyLevel(symbol: SymbolInfo, args: Level[]): Level {
  if (symbol.kind === 'parameter' || symbol.kind === 'recursive') return CONSTANT; // body unknown here
  const carried = args.filter((_, i) => symbol.paramCarries?.[i] ?? true);
  return maxLevel([{ level: symbol.level ?? 0 }, ...carried]);
}

interface LevelReporter {
  report(code: string, message: string, range: Range): void;
  levels: Map<Expr, number>;
}

/** Level rules of the built-in operators, reporting violations; returns the result's level. */
export function checkBuiltinLevels(e: Expr, args: Level[], c: LevelReporter): Level {
  const argExprs =
    e.kind === 'OpApp'
      ? e.args
      : e.kind === 'StepExpr' || e.kind === 'Fairness'
        ? [e.action, e.sub]
        : [];
  const over = (i: number, limit: number) => (args[i]?.level ?? 0) > limit;
  const at = (i: number, level: number) => locate(argExprs[i], level, c.levels);
  const name = e.kind === 'OpApp' ? e.name : e.kind;
  switch (name) {
    case "'":
    case 'UNCHANGED': {
      const what = name === "'" ? 'a primed expression' : 'UNCHANGED';
      if (over(0, 2))
        c.report('temporal-not-allowed', `a temporal formula cannot appear in ${what}`, at(0, 3));
      else if (over(0, 1)) {
        const message =
          name === "'"
            ? 'cannot prime an expression that already contains a prime'
            : 'UNCHANGED applies to state expressions; this one contains a prime';
        c.report('prime-not-allowed', message, at(0, 2));
      }
      return { level: over(0, 0) ? 2 : 0 };
    }
    case 'ENABLED':
      if (over(0, 2))
        c.report('temporal-not-allowed', 'a temporal formula cannot appear in ENABLED', at(0, 3));
      return { level: over(0, 0) ? 1 : 0 };
    case '[]':
    case '<>':
      // `[][A]_v` and `<><<A>>_v` are how actions enter temporal formulas; a name could stand
      // for such a form, so only a visibly different action is reported.
      if (args[0]?.level === 2 && !isBoxFormOrReference(argExprs[0], name === '[]')) {
        const hint = name === '[]' ? '[][A]_vars' : '<><<A>>_vars';
        c.report(
          'prime-not-allowed',
          `\`${name}\` cannot be applied to an action (it contains a prime); write ${hint}`,
          at(0, 2),
        );
      }
      return { level: 3 };
    case '~>':
    case '-+->':
      args.forEach((a, i) => {
        if (a.level === 2)
          c.report(
            'prime-not-allowed',
            `\`${name}\` cannot relate actions (this operand contains a prime)`,
            at(i, 2),
          );
      });
      return { level: 3 };
    case '\\cdot':
      args.forEach((a, i) => {
        if (a.level > 2)
          c.report(
            'temporal-not-allowed',
            'a temporal formula cannot be composed with `\\cdot`',
            at(i, 3),
          );
      });
      return maxLevel(args);
    case 'StepExpr':
    case 'Fairness': {
      // `[A]_v` is `A \/ v' = v`: an action; WF and SF are temporal.
      const form = name === 'StepExpr' ? '[A]_v' : 'WF_v(A)';
      if (over(0, 2))
        c.report(
          'temporal-not-allowed',
          `a temporal formula cannot be the action of ${form}`,
          at(0, 3),
        );
      if (over(1, 2))
        c.report(
          'temporal-not-allowed',
          `the subscript of ${form} must be a state expression, not a temporal formula`,
          at(1, 3),
        );
      else if (over(1, 1))
        c.report(
          'prime-not-allowed',
          `the subscript of ${form} must be a state expression; it contains a prime`,
          at(1, 2),
        );
      return { level: name === 'StepExpr' ? 2 : 3 };
    }
    default:
      if (NO_TEMPORAL_OPERANDS.has(name))
        return noTemporalArgument(`\`${name}\``, argExprs, args, c);
      return maxLevel(args);
  }
}

/** The operators of the language whose operands SANY checks are not temporal (noTemporalArgument). */
const NO_TEMPORAL_OPERANDS = new Set([
  '=',
  '#',
  '\\in',
  '\\notin',
  '\\subseteq',
  '\\cup',
  '\\cap',
  '\\',
  'SUBSET',
  'UNION',
  'DOMAIN',
]);

/**
 * SANY refuses a temporal formula (level 3) as an argument of most of the language's operators
 * and constructs: `a = []b`, `x \in <>S`, `{[]P}`, `<<[]P>>`, `f[[]P]`, `CHOOSE v : []P`, … (TLC
 * 2.20 -sany: "Level error in applying operator =: The level of argument 2 exceeds the maximum
 * level allowed by the operator"). The Boolean connectives, IF, CASE, the quantifiers, `~>` and
 * (as SANY) the function and record constructors `[v \in S |-> []P]`, `[a |-> []P]` allow one.
 * Reported on the first such argument, as SANY reports one error per application; the level
 * returned is then the other arguments' (no second report by an enclosing construct).
 */
export function noTemporalArgument(
  what: string,
  exprs: readonly Expr[],
  levels: readonly Level[],
  c: LevelReporter,
): Level {
  let i = 0;
  while (i < levels.length && levels[i].level <= 2) i++;
  if (i === levels.length || !exprs[i]) return maxLevel(levels);
  c.report(
    'temporal-not-allowed',
    `a temporal formula cannot be an argument of ${what}`,
    locate(exprs[i], 3, c.levels),
  );
  const rest: Level[] = [];
  for (const l of levels) if (l.level <= 2) rest.push(l);
  return maxLevel(rest);
}

function isBoxFormOrReference(e: Expr | undefined, box: boolean): boolean {
  if (!e) return true;
  if (e.kind === 'StepExpr') return e.box === box;
  return (
    e.kind === 'Ident' ||
    e.kind === 'Qualified' ||
    (e.kind === 'OpApp' && /^[A-Za-z0-9_]+$/.test(e.name))
  );
}

/** The innermost sub-expression of `e` that has at least `level` (what to underline). */
export function locate(e: Expr, level: number, levels: Map<Expr, number>): Range {
  let current = e;
  for (;;) {
    const next = childExprs(current).find((c) => (levels.get(c) ?? 0) >= level);
    if (!next) return current.range;
    current = next;
  }
}

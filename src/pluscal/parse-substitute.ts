/**
 * Macro expansion's substitution: copies of a macro's statements with the call's arguments put
 * for its parameters, positioned at the call as pcal.trans positions them.
 */
import { base, location, type LabeledStmt, type Lhs, type Node, type SingleAssign } from './ast';
import { PlusCalBug, PlusCalError } from './errors';
import { Expr, substituteInAll } from './expr';

function substituted(e: Expr, args: Expr[], params: string[]): Expr {
  const c = e.clone();
  c.substituteAll(args, params);
  return c;
}

/** Copies of `stmts` with the arguments substituted for the parameters. */
export function substituteInStmtSeq(
  stmts: Node[],
  args: Expr[],
  params: string[],
  macroLine: number,
  macroCol: number,
): Node[] {
  return stmts.map((s) => substituteInStmt(s, args, params, macroLine, macroCol));
}

function substituteInLabeledSeq(
  stmts: LabeledStmt[],
  args: Expr[],
  params: string[],
): LabeledStmt[] {
  return stmts.map((s) => ({
    ...base(),
    kind: 'labeledStmt' as const,
    label: s.label,
    stmts: substituteInStmtSeq(s.stmts, args, params, -1, 0),
    origin: s.origin,
  }));
}

function substituteInStmt(
  s: Node,
  args: Expr[],
  params: string[],
  macroLine: number,
  macroCol: number,
): Node {
  const pos = (): ReturnType<typeof base> => {
    const b = base();
    b.line = s.line;
    b.col = s.col;
    b.macroLine = s.macroLine;
    b.macroCol = s.macroCol;
    b.origin = s.origin;
    if (macroLine > 0) {
      b.macroLine = macroLine;
      b.macroCol = macroCol;
    }
    return b;
  };
  switch (s.kind) {
    case 'assign':
      return {
        ...pos(),
        kind: 'assign',
        ass: s.ass.map((a) => substituteInSingleAssign(a, args, params, macroLine, macroCol)),
      };
    case 'if':
      return {
        ...pos(),
        kind: 'if',
        test: substituted(s.test, args, params),
        then: substituteInStmtSeq(s.then, args, params, macroLine, macroCol),
        else: substituteInStmtSeq(s.else, args, params, macroLine, macroCol),
      };
    case 'either':
      return {
        ...pos(),
        kind: 'either',
        ors: s.ors.map((o) => substituteInStmtSeq(o, args, params, macroLine, macroCol)),
      };
    case 'with':
      // As pcal.trans: the bound variable is not substituted.
      return {
        ...pos(),
        kind: 'with',
        name: s.name,
        isEq: s.isEq,
        exp: substituted(s.exp, args, params),
        do: substituteInStmtSeq(s.do, args, params, macroLine, macroCol),
      };
    case 'when':
    case 'assert':
    case 'print':
      return { ...pos(), kind: s.kind, exp: substituted(s.exp, args, params) };
    case 'skip': {
      const b = base();
      b.line = s.line;
      b.col = s.col;
      b.origin = s.origin;
      if (macroLine > 0) {
        b.macroLine = macroLine;
        b.macroCol = macroCol;
      }
      return { ...b, kind: 'skip' };
    }
    case 'while':
      return {
        ...pos(),
        kind: 'while',
        test: substituted(s.test, args, params),
        unlabDo: substituteInStmtSeq(s.unlabDo, args, params, macroLine, macroCol),
        labDo: substituteInLabeledSeq(s.labDo, args, params),
      };
    case 'labelIf':
      return {
        ...pos(),
        kind: 'labelIf',
        test: substituted(s.test, args, params),
        unlabThen: substituteInStmtSeq(s.unlabThen, args, params, macroLine, macroCol),
        labThen: substituteInLabeledSeq(s.labThen, args, params),
        unlabElse: substituteInStmtSeq(s.unlabElse, args, params, macroLine, macroCol),
        labElse: substituteInLabeledSeq(s.labElse, args, params),
      };
    case 'labelEither':
      return {
        ...pos(),
        kind: 'labelEither',
        clauses: s.clauses.map((c) => ({
          ...base(),
          kind: 'clause' as const,
          origin: c.origin,
          labOr: substituteInLabeledSeq(c.labOr, args, params),
          unlabOr: substituteInStmtSeq(c.unlabOr, args, params, macroLine, macroCol),
        })),
      };
    case 'call':
      return {
        ...pos(),
        kind: 'call',
        to: s.to,
        returnTo: s.returnTo,
        args: substituteInAll(s.args, args, params),
      };
    case 'return':
      return { ...pos(), kind: 'return', from: s.from };
    case 'callReturn':
      return {
        ...pos(),
        kind: 'callReturn',
        to: s.to,
        from: s.from,
        args: substituteInAll(s.args, args, params),
      };
    case 'callGoto':
      return {
        ...pos(),
        kind: 'callGoto',
        to: s.to,
        after: s.after,
        args: substituteInAll(s.args, args, params),
      };
    case 'goto':
      return { ...pos(), kind: 'goto', to: s.to };
    default:
      throw new PlusCalBug(`Found unexpected statement type in macro at ${location(s)}`);
  }
}

function substituteInSingleAssign(
  a: SingleAssign,
  args: Expr[],
  params: string[],
  macroLine: number,
  macroCol: number,
): SingleAssign {
  const b = base();
  b.origin = a.origin;
  b.line = a.line;
  b.col = a.col;
  b.macroLine = a.macroLine;
  b.macroCol = a.macroCol;
  if (macroLine > 0) {
    b.macroLine = macroLine;
    b.macroCol = macroCol;
  }
  const lhs: Lhs = { ...base(), kind: 'lhs', name: a.lhs.name, sub: a.lhs.sub, origin: a.origin };
  const result: SingleAssign = {
    ...b,
    kind: 'singleAssign',
    lhs,
    rhs: substituted(a.rhs, args, params),
  };
  if (a.lhs.sub.lines.length !== 0) lhs.sub = substituted(a.lhs.sub, args, params);
  const i = params.indexOf(lhs.name);
  if (i >= 0) {
    const forVar = args[i];
    const varTok = forVar.tokenAt({ line: 0, item: 0 });
    if (varTok.type !== 'ident')
      throw new PlusCalError(
        `Macro expansion substitutes \`${varTok.str}' for assignment variable\n    at ${location(result)}`,
      );
    lhs.name = varTok.str;
    if (forVar.step({ line: 0, item: 0 }, 1) !== null) {
      // `x[1]` for `y` in `y[i] := ...` gives `x[1][i] := ...`
      const rest = forVar.clone();
      rest.lines[0].shift();
      rest.normalize();
      if (lhs.sub.lines.length === 0) lhs.sub = rest;
      else lhs.sub.prepend(rest, 0);
    }
  }
  return result;
}

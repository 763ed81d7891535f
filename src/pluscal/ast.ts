/**
 * The abstract syntax of a PlusCal algorithm, as pcal.trans builds it.
 *
 * The parser first reads a statement sequence into plain statements carrying their labels (`lbl`),
 * then groups them into labeled statements; an `if` or `either` containing a label stays a
 * `labelIf`/`labelEither` (with the labeled parts split off), otherwise it becomes `if`/`either`.
 * The explode phase then replaces `while`, `call`, `return` and `goto` by assignments to `pc` and
 * `stack`. Objects are mutable and shared between phases, as in pcal.trans: the text of the AST
 * after explosion is what pcal.trans checksums (see ast-text.ts).
 */
import type { Expr, Loc, Region } from './expr';

interface Base {
  /** 1-based position of the statement's first token (0 for nodes the translator makes). */
  line: number;
  col: number;
  /** For a statement that comes from expanding a macro: the call's position; else -1. */
  macroLine: number;
  macroCol: number;
  /** The label typed before the statement (or added), while parsing. */
  lbl: string;
  lblLocation: Loc | null;
  origin: Region | null;
  /** First / last statement of a macro expansion: where the call begins / ends. */
  macroOriginBegin: Loc | null;
  macroOriginEnd: Loc | null;
}

export function base(): Base {
  return {
    line: 0,
    col: 0,
    macroLine: -1,
    macroCol: 0,
    lbl: '',
    lblLocation: null,
    origin: null,
    macroOriginBegin: null,
    macroOriginEnd: null,
  };
}

export const UNFAIR = 0;
export const WF = 1;
export const SF = 2;
export type Fairness = typeof UNFAIR | typeof WF | typeof SF;

export interface VarDecl extends Base {
  kind: 'varDecl';
  name: string;
  isEq: boolean;
  val: Expr;
}
/** A procedure's parameter or local variable (always `=`). */
export interface PVarDecl extends Base {
  kind: 'pvarDecl';
  name: string;
  val: Expr;
}
export interface Uniprocess extends Base {
  kind: 'uniprocess';
  name: string;
  decls: VarDecl[];
  defs: Expr;
  macros: Macro[];
  prcds: Procedure[];
  body: Node[];
}
export interface Multiprocess extends Base {
  kind: 'multiprocess';
  name: string;
  decls: VarDecl[];
  defs: Expr;
  macros: Macro[];
  prcds: Procedure[];
  procs: Process[];
}
export interface Procedure extends Base {
  kind: 'procedure';
  name: string;
  minusLabels: string[];
  plusLabels: string[];
  proceduresCalled: string[];
  params: PVarDecl[];
  decls: PVarDecl[];
  body: Node[];
}
export interface Process extends Base {
  kind: 'process';
  name: string;
  fairness: Fairness;
  minusLabels: string[];
  plusLabels: string[];
  proceduresCalled: string[];
  isEq: boolean;
  id: Expr;
  decls: VarDecl[];
  body: Node[];
}
export interface LabeledStmt extends Base {
  kind: 'labeledStmt';
  label: string;
  stmts: Node[];
}
export interface While extends Base {
  kind: 'while';
  test: Expr;
  unlabDo: Node[];
  labDo: LabeledStmt[];
}
export interface Lhs extends Base {
  kind: 'lhs';
  name: string;
  sub: Expr;
}
export interface SingleAssign extends Base {
  kind: 'singleAssign';
  lhs: Lhs;
  rhs: Expr;
}
export interface Assign extends Base {
  kind: 'assign';
  ass: SingleAssign[];
}
export interface If extends Base {
  kind: 'if';
  test: Expr;
  then: Node[];
  else: Node[];
}
export interface Either extends Base {
  kind: 'either';
  ors: Node[][];
}
export interface With extends Base {
  kind: 'with';
  name: string;
  isEq: boolean;
  exp: Expr;
  do: Node[];
}
export interface When extends Base {
  kind: 'when';
  exp: Expr;
}
export interface PrintS extends Base {
  kind: 'print';
  exp: Expr;
}
export interface Assert extends Base {
  kind: 'assert';
  exp: Expr;
}
export interface Skip extends Base {
  kind: 'skip';
}
export interface LabelIf extends Base {
  kind: 'labelIf';
  test: Expr;
  unlabThen: Node[];
  labThen: LabeledStmt[];
  unlabElse: Node[];
  labElse: LabeledStmt[];
}
export interface Clause extends Base {
  kind: 'clause';
  unlabOr: Node[];
  labOr: LabeledStmt[];
}
export interface LabelEither extends Base {
  kind: 'labelEither';
  clauses: Clause[];
}
export interface Call extends Base {
  kind: 'call';
  returnTo: string;
  to: string;
  args: Expr[];
}
export interface Return extends Base {
  kind: 'return';
  from: string | null;
}
export interface CallReturn extends Base {
  kind: 'callReturn';
  from: string | null;
  to: string;
  args: Expr[];
}
export interface CallGoto extends Base {
  kind: 'callGoto';
  after: string;
  to: string;
  args: Expr[];
}
export interface Goto extends Base {
  kind: 'goto';
  to: string;
}
export interface Macro extends Base {
  kind: 'macro';
  name: string;
  params: string[];
  body: Node[];
}
export interface MacroCall extends Base {
  kind: 'macroCall';
  name: string;
  args: Expr[];
}

export type Stmt =
  | While
  | Assign
  | If
  | Either
  | With
  | When
  | PrintS
  | Assert
  | Skip
  | LabelIf
  | LabelEither
  | Call
  | Return
  | CallReturn
  | CallGoto
  | Goto
  | MacroCall;

export type Node =
  | Stmt
  | LabeledStmt
  | Uniprocess
  | Multiprocess
  | Procedure
  | Process
  | VarDecl
  | PVarDecl
  | SingleAssign
  | Lhs
  | Clause
  | Macro;

export type Algorithm = Uniprocess | Multiprocess;

/** Where a node is, as pcal.trans writes it in messages. */
export function location(n: Base): string {
  if (n.macroLine < 0) return `line ${n.line}, column ${n.col}`;
  return `line ${n.line}, column ${n.col} of macro called at line ${n.macroLine}, column ${n.macroCol}`;
}

/**
 * Parsing a PlusCal algorithm (P-syntax `begin ... end algorithm` or C-syntax `{ ... }`) into the
 * AST of ast.ts, as pcal.trans does it, in three passes over each statement sequence:
 *
 *  1. read the statements with the labels typed before them (`lbl`);
 *  2. add the labels the label rules require (a statement after `call`, `return` or `goto`, a
 *     `while`, a second assignment to a variable in one step, ...): allowed with `-label`, or
 *     in a uniprocess algorithm with no label at all; otherwise the first missing one is the error
 *     `Missing label at the following location:` with their positions;
 *  3. group the statements into labeled statements, checking where labels may stand.
 *
 * Macros are expanded (by substituting the call's arguments for the parameters) before labels are
 * added. Messages and positions are pcal.trans's, as its users know them.
 */
import {
  base,
  location,
  SF,
  UNFAIR,
  WF,
  type Algorithm,
  type Assign,
  type Call,
  type Clause,
  type Fairness,
  type If,
  type LabeledStmt,
  type LabelEither,
  type LabelIf,
  type Lhs,
  type Macro,
  type MacroCall,
  type Multiprocess,
  type Node,
  type Procedure,
  type Process,
  type PVarDecl,
  type SingleAssign,
  type Uniprocess,
  type VarDecl,
  type While,
  type With,
  type Either,
} from './ast';
import { PlusCalBug, PlusCalError } from './errors';
import { Expr, substituteInAll, tok, type Loc } from './expr';
import type { TranslatorOptions } from './options';
import { TokenStream } from './scanner';

/** What the parse tells the later phases beside the AST. */
export interface ParsedAlgorithm {
  ast: Algorithm;
  /** No `pc` variable: each process is one `while (TRUE)` with no inner label, no call, no goto. */
  omitPC: boolean;
  /** No `Terminating` disjunct: the algorithm cannot terminate. */
  omitStutteringWhenDone: boolean;
  /** A variable is declared without an initial value (`defaultInitValue`). */
  hasDefaultInitialization: boolean;
  /** The labels the translator added, with where. */
  addedLabels: { label: string; at: string }[];
  /** `--fair algorithm`. */
  fairAlgorithm: boolean;
  /** Warnings pcal.trans prints. */
  warnings: string[];
}

/** A Java runtime exception in pcal.trans's parser, reported as "Unknown error at or before". */
class ParserRuntimeError extends Error {}

function originEnd(e: Expr): Loc {
  if (e.origin === null) throw new ParserRuntimeError('expression without origin');
  return e.origin.end;
}

function lastOf<T>(xs: readonly T[]): T {
  if (xs.length === 0) throw new ParserRuntimeError('empty sequence');
  return xs[xs.length - 1];
}

function nodeEnd(n: Node): Loc {
  if (n.origin === null) throw new ParserRuntimeError('statement without origin');
  return n.origin.end;
}

function nodeBegin(n: Node): Loc {
  if (n.origin === null) throw new ParserRuntimeError('statement without origin');
  return n.origin.begin;
}

function positioned(msg: string, n: Node): PlusCalError {
  if (n.line === 0) return new PlusCalError(msg);
  return new PlusCalError(`${msg}\n    at ${location(n)}`);
}

export class Parser {
  private pSyntax = false;
  private cSyntax = false;
  private hasLabel = false;
  private readonly allLabels = new Set<string>();
  private nextLabelNum = 1;
  readonly addedLabels: { label: string; at: string }[] = [];
  private currentProcedure: string | null = null;
  private readonly procedures: Procedure[] = [];
  private plusLabels: string[] = [];
  private minusLabels: string[] = [];
  private proceduresCalled: string[] = [];
  private gotoUsed = false;
  private gotoDoneUsed = false;
  private omitPC = true;
  private omitSWD = true;
  private hasDefaultInit = false;
  private inGetMacro = false;
  private labelLocation: Loc | null = null;
  private readonly warnings: string[] = [];

  constructor(
    private readonly ts: TokenStream,
    private readonly opts: TranslatorOptions,
  ) {
    if (opts.version < 1500) {
      this.omitPC = false;
      this.omitSWD = false;
    }
  }

  // ---- tokens -------------------------------------------------------------------------------

  private error(msg: string): never {
    throw new PlusCalError(
      `${msg}\n    line ${this.ts.lastTok.line}, column ${this.ts.lastTok.col}`,
    );
  }

  private get(): string {
    return this.ts.get();
  }

  private peek(n = 1): string {
    return this.ts.peek(n);
  }

  private lastStart(): Loc {
    return { line: this.ts.lastTok.line - 1, col: this.ts.lastTok.col - 1 };
  }

  private lastEnd(): Loc {
    return {
      line: this.ts.lastTok.line - 1,
      col: this.ts.lastTok.col - 1 + this.ts.lastTok.str.length,
    };
  }

  private mustGobble(s: string): void {
    const t = this.get();
    if (t !== s) this.error(`Expected "${s}" but found "${t}"`);
  }

  /** Takes `s` (or an alternative); a `;` that is obviously unneeded may be missing. */
  private gobble(s: string, ...alternatives: string[]): void {
    if (s === ';') {
      const nxt = this.peek();
      if (
        [
          'end',
          'begin',
          'else',
          'elsif',
          'or',
          'do',
          'macro',
          'procedure',
          'process',
          'fair',
          'define',
          '}',
          '{',
        ].includes(nxt)
      )
        return;
      if (
        [
          'if',
          'either',
          'while',
          'with',
          'call',
          'return',
          'goto',
          'print',
          'assert',
          'skip',
        ].includes(nxt)
      ) {
        const at = this.ts.peekAt(1);
        throw new PlusCalError(`Missing \`;' before line ${at.line + 1}, column ${at.col + 1}`);
      }
    }
    const t = this.get();
    if (t !== s && !alternatives.includes(t)) this.error(`Expected "${s}" but found "${t}"`);
  }

  private gobbleCommaOrSemicolon(): void {
    if (this.peek() === ',') this.gobble(',');
    else this.gobble(';');
  }

  private gobbleBeginOrLeftBrace(): void {
    if (this.pSyntax) this.gobble('begin');
    else if (this.cSyntax) this.gobble('{');
    else throw new PlusCalBug('Syntax not initialized.');
  }

  private gobbleEndOrRightBrace(s: string): void {
    if (this.pSyntax) {
      this.gobble('end');
      this.gobble(s);
    } else if (this.cSyntax) this.gobble('}');
    else throw new PlusCalBug('Bad call of GobbleEndRightBrace');
  }

  /** `=` → true, `\in` → false. */
  private gobbleEqualOrIn(): boolean {
    const t = this.get();
    if (t === '=') return true;
    if (t === '\\in' || t === '∈') return false;
    this.error(`Expected "=" or "\\in"  but found "${t}"`);
  }

  private getExpr(): Expr {
    return this.ts.getExpr();
  }

  /** Line and column (1-based) of the next token. */
  private nextTokPos(): { line: number; col: number } {
    const at = this.ts.peekAt(1);
    return { line: at.line + 1, col: at.col + 1 };
  }

  // ---- the algorithm ------------------------------------------------------------------------

  parse(fairAlgorithm: boolean, algAt: Loc): ParsedAlgorithm {
    let ast: Algorithm;
    try {
      ast = this.algorithm(fairAlgorithm, algAt);
    } catch (e) {
      if (e instanceof PlusCalError || e instanceof PlusCalBug) throw e;
      // A Java runtime exception in pcal.trans's parser (an empty clause, an expression without
      // tokens used as a position) surfaces as this message at the last token read.
      this.error('Unknown error at or before');
    }
    return {
      ast,
      omitPC: this.omitPC,
      omitStutteringWhenDone: this.omitSWD,
      hasDefaultInitialization: this.hasDefaultInit,
      addedLabels: this.addedLabels,
      fairAlgorithm,
      warnings: this.warnings,
    };
  }

  private algorithm(fairAlgorithm: boolean, algAt: Loc): Algorithm {
    if (fairAlgorithm) {
      const t = this.get();
      if (t !== 'algorithm') this.error("`--fair' not followed by `algorithm'");
    }
    const name = this.get();
    if (this.peek() === '{') {
      this.cSyntax = true;
      this.mustGobble('{');
    } else this.pSyntax = true;
    let decls: VarDecl[] = [];
    if (this.peek() === 'variable' || this.peek() === 'variables') decls = this.varDecls();
    let defs = new Expr();
    if (this.peek() === 'define') {
      this.mustGobble('define');
      if (this.cSyntax) this.gobble('{');
      defs = this.getExpr();
      if (this.pSyntax) {
        this.gobble('end');
        this.gobble('define');
      } else this.gobble('}');
      this.gobble(';');
    }
    const macros: Macro[] = [];
    while (this.peek() === 'macro') macros.push(this.macro(macros));
    while (this.peek() === 'procedure') {
      this.procedures.push(this.procedure());
      this.omitPC = false;
    }
    if (
      (this.peek() === 'fair' &&
        (this.peek(2) === 'process' || (this.peek(2) === '+' && this.peek(3) === 'process'))) ||
      this.peek() === 'process'
    )
      return this.multiprocess(name, decls, defs, macros, algAt);
    return this.uniprocess(name, decls, defs, macros, fairAlgorithm, algAt);
  }

  private multiprocess(
    name: string,
    decls: VarDecl[],
    defs: Expr,
    macros: Macro[],
    algAt: Loc,
  ): Multiprocess {
    const mp: Multiprocess = {
      ...base(),
      kind: 'multiprocess',
      name,
      decls,
      defs,
      macros,
      prcds: this.procedures,
      procs: [],
    };
    while (this.peek() === 'fair' || this.peek() === 'process') {
      let fairness: Fairness = UNFAIR;
      if (this.peek() === 'fair') {
        this.mustGobble('fair');
        if (this.peek() === '+') {
          this.mustGobble('+');
          fairness = SF;
        } else fairness = WF;
      } else if (this.opts.fairness === 'wf') fairness = WF;
      else if (this.opts.fairness === 'sf') fairness = SF;
      const proc = this.process();
      proc.fairness = fairness;
      mp.procs.push(proc);
    }
    if (this.pSyntax) {
      this.gobble('end');
      this.gobble('algorithm');
    } else this.gobble('}');
    this.checkForDuplicateMacros(macros);
    // omitStutteringWhenDone: the algorithm cannot terminate iff some process cannot.
    let omitSWD = false;
    for (const proc of mp.procs) {
      this.expandMacros(proc.body, macros);
      this.addLabels(proc.body);
      proc.body = this.makeLabeledStmtSeq(proc.body);
      this.omitSWD = true;
      this.checkBody(proc.body);
      omitSWD = omitSWD || this.omitSWD;
    }
    this.omitSWD = omitSWD;
    for (const prcd of mp.prcds) {
      this.currentProcedure = prcd.name;
      this.expandMacros(prcd.body, macros);
      this.addLabels(prcd.body);
      prcd.body = this.makeLabeledStmtSeq(prcd.body);
    }
    if (this.addedLabels.length > 0 && !this.opts.label) this.addedLabelsError();
    if (this.gotoDoneUsed) {
      this.omitPC = false;
      this.omitSWD = false;
    }
    if (this.gotoUsed) this.omitPC = false;
    mp.origin = { begin: algAt, end: this.lastEnd() };
    return mp;
  }

  private uniprocess(
    name: string,
    decls: VarDecl[],
    defs: Expr,
    macros: Macro[],
    fairAlgorithm: boolean,
    algAt: Loc,
  ): Uniprocess {
    const up: Uniprocess = {
      ...base(),
      kind: 'uniprocess',
      name,
      decls,
      defs,
      macros,
      prcds: this.procedures,
      body: [],
    };
    if (this.opts.version === 1500 && this.peek() === 'fair') {
      this.gobble('fair');
      if (this.peek() === '+') this.gobble('+');
      this.opts.fairness = 'wf';
    }
    if (fairAlgorithm) {
      const f = this.opts.fairness;
      if (f !== '' && f !== 'wf' && f !== 'wfNext')
        this.warnings.push(`Option \`${f}' specified for --fair algorithm.`);
      this.opts.fairness = 'wf';
    }
    this.gobbleBeginOrLeftBrace();
    up.body = this.stmtSeq();
    this.checkForDuplicateMacros(macros);
    this.expandMacros(up.body, macros);
    for (const prcd of up.prcds) {
      this.currentProcedure = prcd.name;
      this.expandMacros(prcd.body, macros);
      this.addLabels(prcd.body);
      prcd.body = this.makeLabeledStmtSeq(prcd.body);
    }
    if (this.cSyntax) {
      this.gobble('}');
      this.gobble('}');
    } else {
      this.gobble('end');
      this.gobble('algorithm');
    }
    this.addLabels(up.body);
    up.body = this.makeLabeledStmtSeq(up.body);
    if (this.addedLabels.length > 0 && this.hasLabel && !this.opts.label) this.addedLabelsError();
    if (this.gotoUsed) this.omitPC = false;
    if (this.gotoDoneUsed) {
      this.omitPC = false;
      this.omitSWD = false;
    } else this.checkBody(up.body);
    up.origin = { begin: algAt, end: this.lastEnd() };
    return up;
  }

  /**
   * pc and Terminating can go only if the body is a single `while (TRUE)` (pc: with no label
   * inside it either).
   */
  private checkBody(body: Node[]): void {
    if (body.length === 0) return;
    const no = (): void => {
      this.omitPC = false;
      this.omitSWD = false;
    };
    if (body.length > 1 || body[0].kind !== 'labeledStmt') return no();
    const ls = body[0];
    if (ls.stmts.length === 0) return;
    if (ls.stmts.length > 1 || ls.stmts[0].kind !== 'while') return no();
    const w = ls.stmts[0];
    if (w.test.lines.length !== 1 || w.test.lines[0].length !== 1) return no();
    if (w.test.lines[0][0].str !== 'TRUE') return no();
    if (w.labDo.length > 0) this.omitPC = false;
    for (const s of w.unlabDo) {
      if (s.kind === 'labelIf' || s.kind === 'labelEither' || s.kind === 'labeledStmt') {
        this.omitPC = false;
        return;
      }
    }
  }

  private addedLabelsError(): never {
    let msg =
      this.addedLabels.length > 1
        ? 'Missing labels at the following locations:'
        : 'Missing label at the following location:';
    for (const a of this.addedLabels) msg += `\n     ${a.at}`;
    throw new PlusCalError(msg);
  }

  // ---- declarations -------------------------------------------------------------------------

  private procedure(): Procedure {
    this.gobble('procedure');
    const begin = this.lastStart();
    const p: Procedure = {
      ...base(),
      kind: 'procedure',
      name: '',
      minusLabels: [],
      plusLabels: [],
      proceduresCalled: [],
      params: [],
      decls: [],
      body: [],
    };
    p.line = this.ts.lastTok.line;
    p.col = this.ts.lastTok.col;
    p.name = this.get();
    this.currentProcedure = p.name;
    this.plusLabels = [];
    this.minusLabels = [];
    this.proceduresCalled = [];
    this.gobble('(');
    let comma = false;
    while (this.peek() !== ')') {
      if (comma) this.gobble(',');
      p.params.push(this.pvarDecl());
      comma = true;
    }
    this.mustGobble(')');
    if (this.peek() === 'begin' || this.peek() === '{') p.decls = [];
    else p.decls = this.pvarDecls();
    this.gobbleBeginOrLeftBrace();
    p.body = this.stmtSeq();
    this.gobbleEndOrRightBrace('procedure');
    const end = this.lastEnd();
    if (this.peek() === ';') this.get();
    this.currentProcedure = null;
    p.plusLabels = this.plusLabels;
    p.minusLabels = this.minusLabels;
    p.proceduresCalled = this.proceduresCalled;
    p.origin = { begin, end };
    return p;
  }

  private process(): Process {
    this.gobble('process');
    const begin = this.lastStart();
    const p: Process = {
      ...base(),
      kind: 'process',
      name: '',
      fairness: UNFAIR,
      minusLabels: [],
      plusLabels: [],
      proceduresCalled: [],
      isEq: true,
      id: new Expr(),
      decls: [],
      body: [],
    };
    p.line = this.ts.lastTok.line;
    p.col = this.ts.lastTok.col;
    if (this.cSyntax) this.gobble('(');
    p.name = this.get();
    p.isEq = this.gobbleEqualOrIn();
    p.id = this.getExpr();
    this.plusLabels = [];
    this.minusLabels = [];
    this.proceduresCalled = [];
    if (this.cSyntax) this.gobble(')');
    if (p.id.lines.length === 0) this.error('Empty process id at ');
    if (this.peek() === 'begin' || this.peek() === '{') p.decls = [];
    else p.decls = this.varDecls();
    this.gobbleBeginOrLeftBrace();
    p.body = this.stmtSeq();
    this.gobbleEndOrRightBrace('process');
    const end = this.lastEnd();
    if (this.peek() === ';') this.get();
    p.plusLabels = this.plusLabels;
    p.minusLabels = this.minusLabels;
    p.proceduresCalled = this.proceduresCalled;
    p.origin = { begin, end };
    return p;
  }

  private pvarDecls(): PVarDecl[] {
    if (this.peek() === 'variables') this.mustGobble('variables');
    else this.gobble('variable');
    const out: PVarDecl[] = [];
    while (!(this.peek() === 'begin' || this.peek() === '{')) {
      out.push(this.pvarDecl());
      this.gobbleCommaOrSemicolon();
    }
    return out;
  }

  private pvarDecl(): PVarDecl {
    const d: PVarDecl = { ...base(), kind: 'pvarDecl', name: this.get(), val: defaultInit() };
    const begin = this.lastStart();
    let end = this.lastEnd();
    d.line = this.ts.lastTok.line;
    d.col = this.ts.lastTok.col;
    if (this.peek() === '=') {
      this.gobble('=');
      d.val = this.getExpr();
      // pcal.trans reads the empty expression's position first: its NullPointerException
      // ("Unknown error at or before") comes before its own message.
      end = originEnd(d.val);
      if (d.val.lines.length === 0) this.error('Missing expression at ');
    } else this.hasDefaultInit = true;
    d.origin = { begin, end };
    return d;
  }

  private varDecls(): VarDecl[] {
    if (this.peek() === 'variables') this.mustGobble('variables');
    else this.gobble('variable');
    const out: VarDecl[] = [];
    const stop = ['begin', '{', 'procedure', 'process', 'fair', 'define', 'macro'];
    while (!stop.includes(this.peek())) out.push(this.varDecl());
    return out;
  }

  private varDecl(): VarDecl {
    const d: VarDecl = {
      ...base(),
      kind: 'varDecl',
      name: this.get(),
      isEq: true,
      val: defaultInit(),
    };
    const begin = this.lastStart();
    let end = this.lastEnd();
    d.line = this.ts.lastTok.line;
    d.col = this.ts.lastTok.col;
    const nxt = this.peek();
    if (nxt === '=' || nxt === '\\in' || nxt === '∈') {
      d.isEq = this.gobbleEqualOrIn();
      d.val = this.getExpr();
      // pcal.trans reads the empty expression's position first: its NullPointerException
      // ("Unknown error at or before") comes before its own message.
      end = originEnd(d.val);
      if (d.val.lines.length === 0) this.error('Missing expression at ');
    } else this.hasDefaultInit = true;
    this.gobbleCommaOrSemicolon();
    d.origin = { begin, end };
    return d;
  }

  // ---- statements ---------------------------------------------------------------------------

  private isLabelNext(): boolean {
    const t = this.peek();
    if (
      [
        'while',
        'if',
        'assert',
        'print',
        'else',
        'elsif',
        'either',
        'or',
        'end',
        'with',
        'when',
        'await',
        'skip',
        'call',
        'return',
        'goto',
      ].includes(t)
    )
      return false;
    const rest = this.ts.restOfLine();
    if (rest.length === 0 || rest.charAt(0) !== ':' || (rest.length > 1 && rest.charAt(1) === '='))
      return false;
    return true;
  }

  /** A label and its `:` (with a fairness modifier `+` or `-`), or "" if none comes next. */
  private label(): string {
    if (!this.isLabelNext()) return '';
    const lbl = this.get();
    this.labelLocation = this.lastStart();
    if (this.inGetMacro) this.error('A label may not appear in a macro.');
    if (lbl === 'Done') this.error("Cannot use `Done' as a label.");
    if (lbl === 'Error') this.error("Cannot use `Error' as a label.");
    this.gobble(':');
    this.hasLabel = true;
    this.allLabels.add(lbl);
    if (this.peek() === '+') {
      this.gobble('+');
      this.plusLabels.push(lbl);
      this.omitPC = false;
    } else if (this.peek() === '-') {
      this.gobble('-');
      this.minusLabels.push(lbl);
      this.omitPC = false;
    }
    return lbl;
  }

  /** Statements up to `end`/`else`/`elsif`/`or` (P-syntax) or `}` (C-syntax). */
  private stmtSeq(): Node[] {
    const out: Node[] = [];
    let t = this.peek();
    while (!(
      (this.pSyntax && (t === 'end' || t === 'else' || t === 'elsif' || t === 'or')) ||
      (this.cSyntax && t === '}')
    )) {
      const lbl = this.label();
      const loc = lbl === '' ? null : this.labelLocation;
      if (this.cSyntax && this.peek() === '{') out.push(...this.cStmtSeq(lbl, loc));
      else {
        const s = this.stmt();
        s.lbl = lbl;
        s.lblLocation = loc;
        out.push(s);
      }
      t = this.peek();
    }
    if (this.cSyntax && out.length === 0) this.error('Empty statement list');
    return out;
  }

  private stmt(): Node {
    switch (this.peek()) {
      case 'if':
        return this.ifStmt(0);
      case 'either':
        return this.either();
      case 'with':
        return this.withStmt(0, null);
      case 'when':
        return this.when(true);
      case 'await':
        return this.when(false);
      case 'print':
        return this.print();
      case 'assert':
        return this.assert();
      case 'skip':
        return this.skip();
      case 'call':
        return this.callOrCallReturnOrCallGoto();
      case 'return':
        return this.returnStmt();
      case 'goto':
        return this.gotoStmt();
      case 'while':
        return this.whileStmt();
    }
    if (this.ts.peekPast(1).charAt(0) === '(') return this.macroCall();
    return this.assign();
  }

  /** A C-syntax `{ ... }` block (with its optional `;`), its label going to its first statement. */
  private cStmtSeq(lbl: string, loc: Loc | null): Node[] {
    this.mustGobble('{');
    const seq = this.stmtSeq();
    this.gobble('}');
    this.gobble(';');
    if (lbl !== '') {
      if (seq[0].lbl !== '') throw positioned('Duplicate labeling of statement', seq[0]);
      seq[0].lbl = lbl;
      seq[0].lblLocation = loc;
    }
    return seq;
  }

  /** One C-syntax statement, which may be a block. */
  private cStmt(): Node[] {
    const lbl = this.label();
    const loc = lbl === '' ? null : this.labelLocation;
    if (this.peek() === '{') return this.cStmtSeq(lbl, loc);
    const s = this.stmt();
    s.lbl = lbl;
    s.lblLocation = loc;
    return [s];
  }

  private whileStmt(): While {
    this.mustGobble('while');
    const begin = this.lastStart();
    const w: While = { ...base(), kind: 'while', test: new Expr(), unlabDo: [], labDo: [] };
    w.line = this.ts.lastTok.line;
    w.col = this.ts.lastTok.col;
    if (this.cSyntax) this.gobble('(');
    w.test = this.getExpr();
    if (this.cSyntax) this.gobble(')');
    if (w.test.lines.length === 0) this.error('Empty while test at ');
    if (this.pSyntax) {
      this.gobble('do');
      w.unlabDo = this.stmtSeq();
      this.gobble('end');
      this.gobble('while');
      this.gobble(';');
    } else w.unlabDo = this.cStmt();
    if (w.unlabDo.length === 0) this.error('Missing body of while statement at');
    w.labDo = [];
    w.origin = { begin, end: nodeEnd(lastOf(w.unlabDo)) };
    return w;
  }

  private ifStmt(depth: number): LabelIf {
    this.mustGobble(depth === 0 ? 'if' : 'elsif');
    const begin = this.lastStart();
    const s: LabelIf = {
      ...base(),
      kind: 'labelIf',
      test: new Expr(),
      unlabThen: [],
      labThen: [],
      unlabElse: [],
      labElse: [],
    };
    s.line = this.ts.lastTok.line;
    s.col = this.ts.lastTok.col;
    if (this.cSyntax) this.gobble('(');
    s.test = this.getExpr();
    if (this.cSyntax) this.gobble(')');
    if (s.test.lines.length === 0) this.error('Empty if test at ');
    if (this.pSyntax) {
      this.gobble('then');
      s.unlabThen = this.stmtSeq();
    } else s.unlabThen = this.cStmt();
    const nxt = this.peek();
    if (this.pSyntax) {
      if (nxt === 'else') {
        this.mustGobble('else');
        s.unlabElse = this.stmtSeq();
      } else if (nxt === 'elsif') s.unlabElse = [this.ifStmt(depth + 1)];
      else if (nxt === 'end') s.unlabElse = [];
      else this.error('Expecting "else", "elsif", or "end"');
      if (depth === 0) {
        this.gobble('end');
        this.gobble('if');
        this.gobble(';');
      }
    } else if (nxt === 'else') {
      this.mustGobble('else');
      s.unlabElse = this.cStmt();
    } else s.unlabElse = [];
    s.labThen = [];
    s.labElse = [];
    const last = s.unlabElse.length !== 0 ? lastOf(s.unlabElse) : lastOf(s.unlabThen);
    s.origin = { begin, end: nodeEnd(last) };
    return s;
  }

  private either(): LabelEither {
    this.mustGobble('either');
    const begin = this.lastStart();
    const s: LabelEither = { ...base(), kind: 'labelEither', clauses: [] };
    s.line = this.ts.lastTok.line;
    s.col = this.ts.lastTok.col;
    let hasOr = false;
    for (;;) {
      const c: Clause = { ...base(), kind: 'clause', unlabOr: [], labOr: [] };
      c.unlabOr = this.pSyntax ? this.stmtSeq() : this.cStmt();
      if (c.unlabOr.length === 0) throw positioned("`either' statement with empty `or' clause", s);
      c.origin = { begin: nodeBegin(c.unlabOr[0]), end: nodeEnd(lastOf(c.unlabOr)) };
      s.clauses.push(c);
      if (this.peek() === 'or') {
        this.mustGobble('or');
        hasOr = true;
      } else break;
    }
    if (this.pSyntax) {
      this.mustGobble('end');
      this.gobble('either');
      this.gobble(';');
    }
    if (!hasOr) throw positioned("`either' statement has no `or'", s);
    s.origin = { begin, end: nodeEnd(lastOf(s.clauses)) };
    return s;
  }

  /** `with (x \in S, y = e) body` becomes nested withs, one per variable. */
  private withStmt(depth: number, beginLoc: Loc | null): With {
    let begin = beginLoc;
    if (depth === 0) {
      this.gobble('with');
      begin = this.lastStart();
      if (this.cSyntax) this.gobble('(');
    }
    const w: With = { ...base(), kind: 'with', name: '', isEq: true, exp: new Expr(), do: [] };
    w.line = this.ts.lastTok.line;
    w.col = this.ts.lastTok.col;
    w.name = this.get();
    w.isEq = this.gobbleEqualOrIn();
    w.exp = this.getExpr();
    if (this.pSyntax || this.peek() !== ')') this.gobbleCommaOrSemicolon();
    if (w.exp.lines.length === 0) this.error('Empty with expression at ');
    if (this.pSyntax && this.peek() === 'do') {
      this.gobble('do');
      w.do = this.stmtSeq();
      this.gobble('end');
      this.gobble('with');
      this.gobble(';');
    } else if (this.cSyntax && this.peek() === ')') {
      this.mustGobble(')');
      w.do = this.cStmt();
    } else w.do = [this.withStmt(depth + 1, begin)];
    if (w.do.length === 0) throw positioned('Missing body of with statement', w);
    w.origin = { begin: begin as Loc, end: nodeEnd(lastOf(w.do)) };
    return w;
  }

  private assign(): Assign {
    const at = this.nextTokPos();
    const a: Assign = { ...base(), kind: 'assign', ass: [] };
    a.line = at.line;
    a.col = at.col;
    a.ass.push(this.singleAssign(at));
    while (this.peek() === '||' || this.peek() === '‖') {
      // As pcal.trans: the next assignment is placed where the `||` is.
      const bar = this.nextTokPos();
      this.get();
      try {
        a.ass.push(this.singleAssign(bar));
      } catch (e) {
        if (!(e instanceof PlusCalError)) throw e;
        this.error('Bad assignment statement at ');
      }
    }
    this.gobble(';');
    a.origin = { begin: nodeBegin(a.ass[0]), end: nodeEnd(lastOf(a.ass)) };
    return a;
  }

  private singleAssign(at: { line: number; col: number }): SingleAssign {
    const lhs = this.lhs(at);
    const s: SingleAssign = { ...base(), kind: 'singleAssign', lhs, rhs: new Expr() };
    s.line = at.line;
    s.col = at.col;
    this.gobble(':=', '≔');
    s.rhs = this.getExpr();
    if (s.rhs.lines.length === 0) this.error('Empty right-hand side of assignment at ');
    s.origin = { begin: nodeBegin(lhs), end: originEnd(s.rhs) };
    return s;
  }

  private lhs(at: { line: number; col: number }): Lhs {
    const l: Lhs = { ...base(), kind: 'lhs', name: this.get(), sub: new Expr() };
    l.line = at.line;
    l.col = at.col;
    const begin = this.lastStart();
    let end = this.lastEnd();
    l.sub = this.getExpr();
    if (l.sub.origin !== null) end = l.sub.origin.end;
    l.origin = { begin, end };
    return l;
  }

  private print(): Node {
    this.mustGobble('print');
    const begin = this.lastStart();
    const s = { ...base(), kind: 'print' as const, exp: new Expr() };
    s.line = this.ts.lastTok.line;
    s.col = this.ts.lastTok.col;
    s.exp = this.getExpr();
    if (s.exp.lines.length === 0) this.error('Empty expression in print statement at ');
    s.origin = { begin, end: originEnd(s.exp) };
    this.gobble(';');
    return s;
  }

  private assert(): Node {
    const s = { ...base(), kind: 'assert' as const, exp: new Expr() };
    this.mustGobble('assert');
    s.line = this.ts.lastTok.line;
    s.col = this.ts.lastTok.col;
    s.exp = this.getExpr();
    if (s.exp.lines.length === 0) this.error('Empty expression in assert statement at ');
    this.gobble(';');
    s.origin = { begin: { line: s.line - 1, col: s.col - 1 }, end: originEnd(s.exp) };
    return s;
  }

  private skip(): Node {
    const s = { ...base(), kind: 'skip' as const };
    this.mustGobble('skip');
    s.line = this.ts.lastTok.line;
    s.col = this.ts.lastTok.col;
    s.origin = {
      begin: { line: s.line - 1, col: s.col - 1 },
      end: { line: s.line - 1, col: s.col - 1 + 4 },
    };
    this.gobble(';');
    return s;
  }

  private when(isWhen: boolean): Node {
    const s = { ...base(), kind: 'when' as const, exp: new Expr() };
    this.mustGobble(isWhen ? 'when' : 'await');
    s.line = this.ts.lastTok.line;
    s.col = this.ts.lastTok.col;
    s.exp = this.getExpr();
    // As pcal.trans: an empty condition fails here, before its own message could be given.
    s.origin = { begin: { line: s.line - 1, col: s.col - 1 }, end: originEnd(s.exp) };
    if (s.exp.lines.length === 0) this.error('Empty expression in when statement at ');
    this.gobble(';');
    return s;
  }

  private call(): Call {
    this.mustGobble('call');
    const c: Call = { ...base(), kind: 'call', returnTo: '', to: '', args: [] };
    c.line = this.ts.lastTok.line;
    c.col = this.ts.lastTok.col;
    c.to = this.get();
    this.gobble('(');
    c.args = this.args();
    this.gobble(')');
    c.origin = {
      begin: { line: c.line - 1, col: c.col - 1 },
      end: { line: this.ts.lastTok.line - 1, col: this.ts.lastTok.col },
    };
    this.gobble(';');
    if (!this.proceduresCalled.includes(c.to)) this.proceduresCalled.push(c.to);
    return c;
  }

  /** Call or macro-call arguments, up to the `)`. */
  private args(): Expr[] {
    const args: Expr[] = [];
    let more = this.ts.peekPast(0).charAt(0) !== ')';
    while (more) {
      const e = this.getExpr();
      args.push(e);
      if (e.lines.length === 0) this.error('Empty argument in call statement at ');
      if (this.peek() !== ')') this.gobble(',');
      else more = false;
    }
    return args;
  }

  private returnStmt(): Node {
    const r = { ...base(), kind: 'return' as const, from: null as string | null };
    this.mustGobble('return');
    r.line = this.ts.lastTok.line;
    r.col = this.ts.lastTok.col;
    r.from = this.currentProcedure;
    r.origin = {
      begin: { line: r.line - 1, col: r.col - 1 },
      end: { line: r.line - 1, col: r.col - 1 + 6 },
    };
    this.gobble(';');
    return r;
  }

  private callOrCallReturnOrCallGoto(): Node {
    const call = this.call();
    if (this.peek() === 'return') {
      this.mustGobble('return');
      const end = { line: this.ts.lastTok.line - 1, col: this.ts.lastTok.col + 5 };
      this.gobble(';');
      return {
        ...base(),
        kind: 'callReturn',
        line: call.line,
        col: call.col,
        to: call.to,
        from: this.currentProcedure,
        args: call.args,
        origin: { begin: nodeBegin(call), end },
      };
    }
    if (this.peek() === 'goto') {
      this.mustGobble('goto');
      const after = this.get();
      const end = { line: this.ts.lastTok.line - 1, col: this.ts.lastTok.col - 1 + call.to.length };
      this.gotoUsed = true;
      // As pcal.trans: the test looks at the called procedure's name, not the goto's target.
      if (call.to === 'Done' || call.to === '"Done"') this.gotoDoneUsed = true;
      this.gobble(';');
      return {
        ...base(),
        kind: 'callGoto',
        line: call.line,
        col: call.col,
        to: call.to,
        after,
        args: call.args,
        origin: { begin: nodeBegin(call), end },
      };
    }
    return call;
  }

  private gotoStmt(): Node {
    this.mustGobble('goto');
    const g = { ...base(), kind: 'goto' as const, to: '' };
    g.line = this.ts.lastTok.line;
    g.col = this.ts.lastTok.col;
    g.to = this.get();
    g.origin = {
      begin: { line: g.line - 1, col: g.col - 1 },
      end: { line: this.ts.lastTok.line - 1, col: this.ts.lastTok.col - 1 + g.to.length },
    };
    this.gotoUsed = true;
    if (g.to === 'Done' || g.to === '"Done"') this.gotoDoneUsed = true;
    this.gobble(';');
    return g;
  }

  private macro(macros: Macro[]): Macro {
    this.inGetMacro = true;
    this.mustGobble('macro');
    const begin = this.lastStart();
    const m: Macro = { ...base(), kind: 'macro', name: '', params: [], body: [] };
    m.line = this.ts.lastTok.line;
    m.col = this.ts.lastTok.col;
    m.name = this.get();
    this.gobble('(');
    let comma = false;
    while (this.peek() !== ')') {
      if (comma) this.gobble(',');
      m.params.push(this.get());
      comma = true;
    }
    this.mustGobble(')');
    this.gobbleBeginOrLeftBrace();
    m.body = this.stmtSeq();
    this.gobbleEndOrRightBrace('macro');
    m.origin = { begin, end: this.lastEnd() };
    if (this.peek() === ';') this.get();
    // Macros may call the macros defined before them.
    this.expandMacros(m.body, macros);
    this.inGetMacro = false;
    return m;
  }

  private macroCall(): MacroCall {
    const c: MacroCall = { ...base(), kind: 'macroCall', name: this.get(), args: [] };
    const begin = this.lastStart();
    c.line = this.ts.lastTok.line;
    c.col = this.ts.lastTok.col;
    this.mustGobble('(');
    c.args = this.args();
    this.gobble(')');
    c.origin = { begin, end: this.lastEnd() };
    this.gobble(';');
    return c;
  }

  // ---- labels -------------------------------------------------------------------------------

  private addLabels(seq: Node[]): void {
    this.innerAddLabels(seq, true, false, [], []);
  }

  /**
   * Adds the labels the rules require to `seq`; `inAssigned` are the variables already assigned
   * in the current step, `out` receives those assigned when `seq` ends. Returns whether `seq`
   * contains a label (typed or added) or ends with a statement after which a label is needed.
   */
  private innerAddLabels(
    seq: Node[],
    firstLabeled: boolean,
    inWith: boolean,
    inAssigned: string[],
    out: string[],
  ): boolean {
    copyInto(inAssigned, out);
    let nextNeedsLabel = firstLabeled;
    let hadLabel = false;
    for (const stmt of seq) {
      if (stmt.lbl !== '') {
        hadLabel = true;
        out.length = 0;
        if (inWith) throw positioned("Label in `with' statement", stmt);
      }
      if (nextNeedsLabel) {
        if (inWith)
          throw positioned("Statement follows `call' or `return' inside a `with' statement.", stmt);
        this.needsLabel(stmt);
        nextNeedsLabel = false;
        hadLabel = true;
        out.length = 0;
      }
      if (stmt.kind === 'labelIf') {
        const thenA: string[] = [];
        const elseA: string[] = [];
        nextNeedsLabel = this.innerAddLabels(stmt.unlabThen, false, inWith, out, thenA);
        nextNeedsLabel =
          this.innerAddLabels(stmt.unlabElse, false, inWith, out, elseA) || nextNeedsLabel;
        copyInto(union(thenA, elseA), out);
      } else if (stmt.kind === 'labelEither') {
        const all: string[] = [];
        for (const clause of stmt.clauses) {
          const orA: string[] = [];
          nextNeedsLabel =
            this.innerAddLabels(clause.unlabOr, false, inWith, out, orA) || nextNeedsLabel;
          copyInto(union(orA, all), all);
        }
        copyInto(all, out);
      } else if (stmt.kind === 'while') {
        if (inWith) throw positioned("`while' inside a `with' statement", stmt);
        this.needsLabel(stmt);
        hadLabel = true;
        out.length = 0;
        this.innerAddLabels(stmt.unlabDo, false, false, out, []);
        nextNeedsLabel = false;
      } else if (stmt.kind === 'with') {
        const newIn: string[] = [];
        if (inWith) copyInto(inAssigned, newIn);
        const newOut: string[] = [];
        nextNeedsLabel = this.innerAddLabels(stmt.do, false, true, newIn, newOut);
        copyInto(newOut, out);
        if (!inWith && !disjoint(inAssigned, out)) {
          this.needsLabel(stmt);
          hadLabel = true;
          out.length = 0;
        }
      } else if (stmt.kind === 'assign') {
        const assigned: string[] = [];
        for (const a of stmt.ass) if (!assigned.includes(a.lhs.name)) assigned.push(a.lhs.name);
        if (disjoint(out, assigned)) copyInto(union(out, assigned), out);
        else {
          if (inWith)
            throw positioned("Second assignment to same variable inside a `with' statement", stmt);
          this.needsLabel(stmt);
          hadLabel = true;
          copyInto(assigned, out);
        }
        nextNeedsLabel = false;
      } else {
        nextNeedsLabel = false;
        const assigned: string[] = [];
        let callOrReturn = false;
        let setsPrcdVars = false;
        if (stmt.kind === 'call' || stmt.kind === 'callGoto') {
          callOrReturn = true;
          if (stmt.to === this.currentProcedure) setsPrcdVars = true;
        } else if (stmt.kind === 'return' || stmt.kind === 'callReturn') {
          callOrReturn = true;
          setsPrcdVars = true;
        } else if (stmt.kind === 'goto') nextNeedsLabel = true;
        if (callOrReturn) {
          nextNeedsLabel = true;
          assigned.push('stack');
          if (setsPrcdVars)
            for (const p of this.procedures) {
              for (const d of p.params) assigned.push(d.name);
              for (const d of p.decls) assigned.push(d.name);
            }
        }
        if (disjoint(out, assigned)) copyInto(union(out, assigned), out);
        else {
          if (inWith)
            throw positioned(
              "Call or return makes second assignment to a variable inside a `with' statement",
              stmt,
            );
          this.needsLabel(stmt);
          hadLabel = true;
          copyInto(assigned, out);
        }
      }
    }
    return hadLabel || nextNeedsLabel;
  }

  private needsLabel(stmt: Node): void {
    if (stmt.lbl !== '') return;
    let lbl = this.opts.labelRoot + this.nextLabelNum++;
    while (this.allLabels.has(lbl)) lbl = this.opts.labelRoot + this.nextLabelNum++;
    stmt.lbl = lbl;
    this.addedLabels.push({ label: lbl, at: location(stmt) });
  }

  // ---- labeled statements -------------------------------------------------------------------

  private makeLabeledStmtSeq(seq: Node[]): LabeledStmt[] {
    const result = this.innerMakeLabeledStmtSeq(seq);
    this.checkLabeledStmtSeq(result);
    return result;
  }

  private innerMakeLabeledStmtSeq(seq: Node[]): LabeledStmt[] {
    const result: LabeledStmt[] = [];
    let next = 0;
    while (next < seq.length) {
      let stmt = seq[next];
      if (stmt.lbl === '') throw new PlusCalBug('Missing Label in MakeLabeledStmtSeq');
      const ls: LabeledStmt = {
        ...base(),
        kind: 'labeledStmt',
        line: stmt.line,
        col: stmt.col,
        macroLine: stmt.macroLine,
        macroCol: stmt.macroCol,
        label: stmt.lbl,
        stmts: [],
      };
      const begin = stmt.lblLocation;
      let first = true;
      while (next < seq.length && (first || stmt.lbl === '')) {
        first = false;
        ls.stmts.push(stmt);
        next++;
        if (next < seq.length) stmt = seq[next];
      }
      this.fixStmtSeq(ls.stmts);
      ls.origin = {
        begin: begin ?? nodeBegin(ls.stmts[0]),
        end: nodeEnd(lastOf(ls.stmts)),
      };
      result.push(ls);
    }
    return result;
  }

  /** Splits the labeled tails off the clauses of `if`, `either` and `while`. */
  private fixStmtSeq(seq: Node[]): void {
    const split = (stmts: Node[]): [Node[], LabeledStmt[]] => {
      const unlab: Node[] = [];
      const rest = stmts;
      while (rest.length > 0 && rest[0].lbl === '') unlab.push(rest.shift() as Node);
      this.fixStmtSeq(unlab);
      return [unlab, this.innerMakeLabeledStmtSeq(rest)];
    };
    for (const s of seq) {
      if (s.kind === 'labelIf') {
        [s.unlabThen, s.labThen] = split(s.unlabThen);
        [s.unlabElse, s.labElse] = split(s.unlabElse);
      } else if (s.kind === 'labelEither') {
        for (const c of s.clauses) [c.unlabOr, c.labOr] = split(c.unlabOr);
      } else if (s.kind === 'while') {
        [s.unlabDo, s.labDo] = split(s.unlabDo);
      }
    }
  }

  private checkLabeledStmtSeq(seq: LabeledStmt[]): void {
    for (const ls of seq) this.classify(ls.stmts);
  }

  /**
   * 0: no call, return, goto or label inside; 1: ends with a call, return or goto; 2: contains a
   * label. Turns unlabeled `labelIf`/`labelEither` into `if`/`either`.
   */
  private classify(seq: Node[]): number {
    let result = 0;
    for (let i = 0; i < seq.length; i++) {
      const n = seq[i];
      if (n.kind === 'labelIf') {
        result = this.classifyIf(n);
        if (result < 2) {
          const s: If = {
            ...base(),
            kind: 'if',
            test: n.test,
            then: n.unlabThen,
            else: n.unlabElse,
          };
          s.origin = n.origin;
          seq[i] = s;
        }
      } else if (n.kind === 'labelEither') {
        result = this.classifyEither(n);
        if (result < 2) {
          const s: Either = { ...base(), kind: 'either', ors: n.clauses.map((c) => c.unlabOr) };
          s.origin = n.origin;
          seq[i] = s;
        }
      } else if (n.kind === 'with') {
        result = this.classify(n.do);
        if (result === 2)
          throw new PlusCalError(`with statement at ${location(n)} contains a labeled statement`);
      } else if (n.kind === 'while') {
        if (i !== 0) throw new PlusCalBug('`while` not at the beginning of a statement sequence');
        this.classify(n.unlabDo);
        this.checkLabeledStmtSeq(n.labDo);
      } else if (n.kind === 'call') {
        if (!(i < seq.length - 1 && seq[i + 1].kind === 'return')) result = 1;
      } else if (n.kind === 'return' || n.kind === 'callReturn') {
        if (this.currentProcedure === null)
          throw new PlusCalError(`return statement not in a procedure at ${location(n)}`);
        result = 1;
      } else if (n.kind === 'goto' || n.kind === 'callGoto') result = 1;
      else if (!['assign', 'when', 'print', 'assert', 'skip', 'macroCall'].includes(n.kind))
        throw new PlusCalBug(`unexpected statement type ${n.kind}`);
      if (result > 0) {
        if (i === seq.length - 1) return result;
        throw new PlusCalBug(`statement at ${location(seq[i + 1])} must have a label`);
      }
    }
    return result;
  }

  private classifyIf(n: LabelIf): number {
    const thenClass = this.classify(n.unlabThen);
    let labeled = false;
    if (n.labThen.length > 0) {
      labeled = true;
      this.checkLabeledStmtSeq(n.labThen);
    }
    const elseClass = this.classify(n.unlabElse);
    if (n.labElse.length > 0) {
      labeled = true;
      this.checkLabeledStmtSeq(n.labElse);
    }
    if (labeled || thenClass === 2 || elseClass === 2) return 2;
    return thenClass + elseClass > 0 ? 1 : 0;
  }

  private classifyEither(n: LabelEither): number {
    let cls = 0;
    for (const c of n.clauses) {
      const u = this.classify(c.unlabOr);
      if (u > cls) cls = u;
      if (c.labOr.length > 0) {
        cls = 2;
        this.checkLabeledStmtSeq(c.labOr);
      }
    }
    return cls;
  }

  // ---- macros -------------------------------------------------------------------------------

  private checkForDuplicateMacros(macros: Macro[]): void {
    for (let i = 0; i < macros.length; i++)
      for (let j = i + 1; j < macros.length; j++)
        if (macros[i].name === macros[j].name)
          throw new PlusCalError(`Multiple definitions of macro name \`${macros[i].name}'`);
  }

  private expandMacros(seq: Node[], macros: Macro[]): void {
    for (let i = 0; i < seq.length; i++) {
      const n = seq[i];
      if (n.kind === 'labelIf') {
        this.expandMacros(n.unlabThen, macros);
        this.expandMacros(n.unlabElse, macros);
      } else if (n.kind === 'labelEither') {
        for (const c of n.clauses) this.expandMacros(c.unlabOr, macros);
      } else if (n.kind === 'with') this.expandMacros(n.do, macros);
      else if (n.kind === 'while') this.expandMacros(n.unlabDo, macros);
      else if (n.kind === 'macroCall') {
        const expansion = this.expandMacroCall(n, macros);
        seq.splice(i, 1, ...expansion);
        i += expansion.length - 1;
      }
    }
  }

  private expandMacroCall(call: MacroCall, macros: Macro[]): Node[] {
    let def: Macro | null = null;
    for (const m of macros) if (m.name === call.name) def = m;
    if (def === null)
      throw new PlusCalError(`Macro ${call.name} undefined,\n    at ${location(call)}`);
    if (def.params.length !== call.args.length)
      throw new PlusCalError(
        `Macro ${call.name} called with wrong number of arguments at \n    ${location(call)}`,
      );
    const result = substituteInStmtSeq(def.body, call.args, def.params, call.line, call.col);
    if (result.length > 0) {
      const first = result[0];
      first.lbl = call.lbl;
      first.lblLocation = call.lblLocation;
      if (call.origin !== null) {
        first.macroOriginBegin = call.origin.begin;
        result[result.length - 1].macroOriginEnd = call.origin.end;
      }
    }
    return result;
  }
}

function defaultInit(): Expr {
  return Expr.single('defaultInitValue', 'builtin');
}

function copyInto(from: readonly string[], to: string[]): void {
  const copy = [...from];
  to.length = 0;
  to.push(...copy);
}

function union(s: readonly string[], t: readonly string[]): string[] {
  const r = [...s];
  for (const x of t) if (!r.includes(x)) r.push(x);
  return r;
}

function disjoint(s: readonly string[], t: readonly string[]): boolean {
  for (const x of t) if (s.includes(x)) return false;
  return true;
}

// ---- substitution (macro expansion) ----------------------------------------------------------

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

/** The tokens of `defaultInitValue`, for tests. */
export const DEFAULT_INIT = tok('defaultInitValue', 0, 'builtin');

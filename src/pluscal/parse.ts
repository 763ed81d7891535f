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
  SF,
  UNFAIR,
  WF,
  type Algorithm,
  type Fairness,
  type Macro,
  type Multiprocess,
  type Node,
  type Procedure,
  type Process,
  type PVarDecl,
  type Uniprocess,
  type VarDecl,
} from './ast';
import { PlusCalBug, PlusCalError } from './errors';
import { Expr, type Loc } from './expr';
import { StatementParser } from './parse-statements';
import { defaultInit, originEnd } from './parse-tokens';

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

export class Parser extends StatementParser {
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

  protected algorithm(fairAlgorithm: boolean, algAt: Loc): Algorithm {
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

  protected multiprocess(
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

  protected uniprocess(
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
  protected checkBody(body: Node[]): void {
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

  protected addedLabelsError(): never {
    let msg =
      this.addedLabels.length > 1
        ? 'Missing labels at the following locations:'
        : 'Missing label at the following location:';
    for (const a of this.addedLabels) msg += `\n     ${a.at}`;
    throw new PlusCalError(msg);
  }

  // ---- declarations -------------------------------------------------------------------------

  protected procedure(): Procedure {
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

  protected process(): Process {
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

  protected pvarDecls(): PVarDecl[] {
    if (this.peek() === 'variables') this.mustGobble('variables');
    else this.gobble('variable');
    const out: PVarDecl[] = [];
    while (!(this.peek() === 'begin' || this.peek() === '{')) {
      out.push(this.pvarDecl());
      this.gobbleCommaOrSemicolon();
    }
    return out;
  }

  protected pvarDecl(): PVarDecl {
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

  protected varDecls(): VarDecl[] {
    if (this.peek() === 'variables') this.mustGobble('variables');
    else this.gobble('variable');
    const out: VarDecl[] = [];
    const stop = ['begin', '{', 'procedure', 'process', 'fair', 'define', 'macro'];
    while (!stop.includes(this.peek())) out.push(this.varDecl());
    return out;
  }

  protected varDecl(): VarDecl {
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
}

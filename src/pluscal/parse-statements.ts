/**
 * The PlusCal parser's statements, P-syntax and C-syntax: sequences with their labels, while, if,
 * either, with, assignments, print, assert, skip, await/when, call, return, goto, macro calls.
 */
import {
  base,
  type Assign,
  type Call,
  type Clause,
  type LabelEither,
  type LabelIf,
  type Lhs,
  type Macro,
  type MacroCall,
  type Node,
  type SingleAssign,
  type While,
  type With,
} from './ast';
import { PlusCalError } from './errors';
import { Expr, type Loc } from './expr';
import { LabelPasses } from './parse-labels';
import { lastOf, nodeBegin, nodeEnd, originEnd, positioned } from './parse-tokens';

export abstract class StatementParser extends LabelPasses {
  // ---- statements ---------------------------------------------------------------------------

  protected isLabelNext(): boolean {
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
  protected label(): string {
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
  protected stmtSeq(): Node[] {
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

  protected stmt(): Node {
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
  protected cStmtSeq(lbl: string, loc: Loc | null): Node[] {
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
  protected cStmt(): Node[] {
    const lbl = this.label();
    const loc = lbl === '' ? null : this.labelLocation;
    if (this.peek() === '{') return this.cStmtSeq(lbl, loc);
    const s = this.stmt();
    s.lbl = lbl;
    s.lblLocation = loc;
    return [s];
  }

  protected whileStmt(): While {
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

  protected ifStmt(depth: number): LabelIf {
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

  protected either(): LabelEither {
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
  protected withStmt(depth: number, beginLoc: Loc | null): With {
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

  protected assign(): Assign {
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

  protected singleAssign(at: { line: number; col: number }): SingleAssign {
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

  protected lhs(at: { line: number; col: number }): Lhs {
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

  protected print(): Node {
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

  protected assert(): Node {
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

  protected skip(): Node {
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

  protected when(isWhen: boolean): Node {
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

  protected call(): Call {
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
  protected args(): Expr[] {
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

  protected returnStmt(): Node {
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

  protected callOrCallReturnOrCallGoto(): Node {
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

  protected gotoStmt(): Node {
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

  protected macro(macros: Macro[]): Macro {
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

  protected macroCall(): MacroCall {
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
}

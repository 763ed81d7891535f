/**
 * The PlusCal translation's writer, first layer: the output lines, `[self]` subscripts and primes,
 * and the statements of a labeled statement as conjuncts (assignments, if, either, with, calls,
 * returns, gotos). generate.ts (`Generator`) extends it with the algorithm's definitions.
 */
import type { Assign, Either, If, LabeledStmt, Node, With } from './ast';
import { location } from './ast';
import { PlusCalError } from './errors';
import { Expr, tok } from './expr';
import type { TranslatorOptions } from './options';
import { type SymbolTable } from './symtab';
import {
  Changed,
  emptyExpr,
  needsParentheses,
  positioned,
  selfExpr,
  sortAssignments,
  spaces,
  subscript,
} from './generate-support';

export interface GeneratorInfo {
  omitPC: boolean;
  omitStutteringWhenDone: boolean;
  hasDefaultInitialization: boolean;
  fairAlgorithm: boolean;
}

export abstract class StatementGenerator {
  readonly lines: string[] = [];
  protected cur = '';
  protected self: Expr | null = null;
  protected selfIsSelf = false;
  protected readonly vars: string[] = [];
  protected readonly procVars: string[] = [];
  protected readonly processSetVars: string[] = [];
  protected mp = false;
  protected readonly nextStep: string[] = [];
  protected currentProcName = '';
  protected readonly wrap: number;
  protected readonly ssWrap: number;

  constructor(
    protected readonly st: SymbolTable,
    protected readonly opts: TranslatorOptions,
    protected readonly info: GeneratorInfo,
  ) {
    this.wrap = opts.lineWidth;
    this.ssWrap = opts.lineWidth - 33;
  }

  // ---- output -------------------------------------------------------------------------------

  protected add(s: string): void {
    this.cur += s;
  }

  protected endLine(): void {
    if (this.cur.length !== 0) {
      this.lines.push(this.cur);
      this.cur = '';
    }
  }

  addLine(s: string): void {
    this.endLine();
    if (s.length === 0) {
      this.lines.push('');
      return;
    }
    this.cur = s;
    this.endLine();
  }

  /** An expression: its first line continues the current line, the others keep its column. */
  protected addExpr(e: Expr): void {
    const sv = e.toLines();
    const indent = this.cur.length;
    let next = 0;
    if (indent !== 0) {
      this.cur += sv[0];
      next = 1;
      if (sv.length > 1) this.endLine();
    }
    if (sv.length > 1) {
      const pad = spaces(indent);
      while (next < sv.length - 1) this.lines.push(pad + sv[next++]);
      this.cur = pad + sv[next];
    } else if (indent === 0) this.cur += sv[0];
  }

  // ---- subscripts and primes ----------------------------------------------------------------

  protected selfFor(context: string): Expr | null {
    if (!this.mp) return null;
    return context === 'procedure' ? selfExpr() : this.self;
  }

  /** Primes the variables `c` says are assigned, subscripts those that need `sub`. */
  protected subscripted(e: Expr, sub: Expr | null, c: Changed): Expr {
    const names: string[] = [];
    const exprs: Expr[] = [];
    const out = e.clone();
    for (const line of out.lines)
      for (const t of line) {
        const prime = t.type === 'ident' && c.isChanged(t.str);
        const subr =
          sub !== null &&
          (t.type === 'added' ||
            (this.mp &&
              t.type === 'ident' &&
              (this.procVars.includes(t.str) || this.processSetVars.includes(t.str))));
        if (!(subr || prime) || names.includes(t.str)) continue;
        names.push(t.str);
        let x = new Expr([[{ ...t, col: 0, src: null }]]);
        if (prime) x.addTokenOffset(tok("'", 0, 'builtin'), 0);
        if (subr && sub !== null) {
          const s = sub.clone();
          x.normalize();
          s.prepend(x, 0);
          x = s;
        }
        exprs.push(x);
      }
    if (exprs.length > 0) out.substituteAll(exprs, names, false);
    return out;
  }

  protected sub(e: Expr, context: string, c: Changed): Expr {
    return this.subscripted(e, subscript(this.selfFor(context)), c);
  }

  /** The action of one labeled statement. */
  protected labeledStmt(ls: LabeledStmt, context: string): void {
    const name = this.info.omitPC ? this.currentProcName : ls.label;
    let sb = name;
    const c = new Changed(this.vars);
    if (this.mp && (context === 'procedure' || this.selfIsSelf)) sb += '(self)';
    sb += ' == ';
    const col = sb.length;
    sb += '/\\ ';
    const startLine = this.lines.length;
    const colAfterAnd = sb.length;
    for (const s of ls.stmts) {
      this.stmt(s, c, context, sb, sb.length);
      sb = spaces(col) + '/\\ ';
    }
    const n = c.numUnchanged();
    if (n > 1) {
      const unc = c.unchangedWrapped(this.wrap - col - '/\\ UNCHANGED << '.length);
      sb = spaces(col) + '/\\ UNCHANGED << ';
      const here = sb.length;
      sb += unc[0];
      for (let i = 1; i < unc.length; i++) {
        this.addLine(sb);
        sb = spaces(here) + unc[i];
      }
      this.add(sb + ' >>');
    } else if (n === 1) {
      const u = c.unchanged();
      this.add(spaces(col) + (u.length > 5 ? `/\\ UNCHANGED ${u}` : `/\\ ${u}' = ${u}`));
    } else if (ls.stmts.length === 1) {
      // A single conjunct loses its `/\`.
      for (let i = startLine; i < this.lines.length; i++) {
        const line = this.lines[i];
        if (i === startLine)
          this.lines[i] = line.slice(0, colAfterAnd - 3) + line.slice(colAfterAnd);
        else if (line.length > 3) this.lines[i] = line.slice(3);
      }
    }
    this.addLine('');
  }

  protected stmt(s: Node, c: Changed, context: string, prefix: string, col: number): void {
    switch (s.kind) {
      case 'assign':
        return this.assign(s, c, context, prefix);
      case 'if':
        return this.ifStmt(s, c, context, prefix);
      case 'either':
        return this.either(s, c, context, prefix);
      case 'with':
        return this.withStmt(s, c, context, prefix, col);
      case 'when':
        this.add(prefix);
        this.addExpr(this.sub(s.exp, context, c));
        this.endLine();
        return;
      case 'print':
        this.add(prefix + 'PrintT(');
        this.addExpr(this.sub(s.exp, context, c));
        this.add(')');
        this.endLine();
        return;
      case 'assert': {
        const exp = this.sub(s.exp, context, c);
        const sb = prefix + 'Assert(';
        this.add(sb);
        this.addExpr(exp);
        const msg = `"Failure of assertion at ${location(s)}.")`;
        if (this.cur.length + 2 + msg.length < this.wrap) this.add(', ' + msg);
        else {
          this.add(', ');
          this.endLine();
          this.add(spaces(sb.length) + msg);
        }
        this.endLine();
        return;
      }
      case 'skip':
        this.add(prefix);
        this.add('TRUE');
        this.endLine();
        return;
      default:
        throw new PlusCalError(`Unexpected AST type ${s.kind}`);
    }
  }

  protected assign(a: Assign, c: Changed, context: string, prefix: string): void {
    const cThis = new Changed(this.vars, c);
    let sb = '';
    a.ass = sortAssignments(a.ass);
    this.add(prefix);
    let i = 0;
    let multipleVars = false;
    while (i < a.ass.length) {
      const sF = a.ass[i];
      const v = sF.lhs.name;
      if (!this.vars.includes(v)) throw positioned(`Assignment to undeclared variable ${v}`, sF);
      const iFirst = i;
      let iLast = i;
      let hasNoSub = false;
      let lastNoSub = emptyExpr(sF.lhs.sub);
      let sL = a.ass[i];
      while (iLast < a.ass.length && v === sL.lhs.name) {
        if (lastNoSub) hasNoSub = true;
        iLast++;
        if (iLast < a.ass.length) {
          sL = a.ass[iLast];
          if (emptyExpr(sL.lhs.sub)) lastNoSub = true;
        }
      }
      if (iLast !== a.ass.length) multipleVars = true;
      iLast--;
      if (cThis.set(v) > 1 || (iLast - iFirst > 0 && hasNoSub))
        throw positioned(`Multiple assignment to ${v}`, a);
      if (multipleVars) sb += '/\\ ';
      if (iFirst === iLast) {
        const sub = this.sub(sF.lhs.sub, context, c);
        const rhs = this.sub(sF.rhs, context, c);
        if (
          this.mp &&
          (v === 'pc' ||
            this.procVars.includes(v) ||
            this.processSetVars.includes(v) ||
            v === 'stack')
        ) {
          const self = this.self as Expr;
          sb += `${v}' = [`;
          const wrapCol = sb.length + 2;
          sb += `${v} EXCEPT `;
          if (sb.length + prefix.length > this.ssWrap && self.toLines().length === 0) {
            this.addLine(sb);
            sb = spaces(wrapCol);
          }
          this.add(sb + '![');
          this.addExpr(self);
          this.add(']');
          if (sub.toLines().length > 0) this.addExpr(sub);
          this.add(' = ');
          this.addExpr(rhs);
          this.add(']');
        } else if (!emptyExpr(sF.lhs.sub)) {
          this.add(sb + `${v}' = [${v} EXCEPT !`);
          this.addExpr(sub);
          this.add(' = ');
          this.addExpr(rhs);
          this.add(']');
        } else {
          const paren = needsParentheses(rhs.toLines());
          this.add(sb + `${v}' = ` + (paren ? '(' : ''));
          this.addExpr(rhs);
          if (paren) this.add(')');
        }
        sb = '';
      } else {
        sb += `${v}' = [${v} EXCEPT `;
        let cc = sb.length;
        if (i === 0) cc += prefix.length;
        const withSelf = this.mp && (this.procVars.includes(v) || this.processSetVars.includes(v));
        for (let k = iFirst; k <= iLast; k++) {
          const s = a.ass[k];
          const sub = this.sub(s.lhs.sub, context, c);
          const rhs = this.sub(s.rhs, context, c);
          sb += '!';
          if (withSelf) {
            this.add(sb + '[');
            this.addExpr(this.selfFor(context) as Expr);
            this.add(']');
          } else this.add(sb);
          this.addExpr(sub);
          this.add(' = ');
          this.addExpr(rhs);
          this.add(k === iLast ? ']' : ',');
          sb = '';
          if (k < iLast) {
            this.endLine();
            sb = spaces(cc);
          }
        }
      }
      i = iLast + 1;
      if (i < a.ass.length) {
        this.endLine();
        sb = spaces(prefix.length);
      }
    }
    this.endLine();
    c.merge(cThis);
  }

  /**
   * `IF test THEN /\ ... ELSE /\ ...`, each branch with an UNCHANGED of what only the other
   * assigns (the THEN's is written once the ELSE is known).
   */
  protected ifStmt(s: If, c: Changed, context: string, prefix: string): void {
    const cThen = new Changed(this.vars, c);
    const cElse = new Changed(this.vars, c);
    const test = this.sub(s.test, context, c);
    let sb = prefix + 'IF ';
    let here = sb.length;
    this.add(sb);
    this.addExpr(test);
    this.endLine();
    sb = spaces(here) + 'THEN ';
    here = sb.length;
    sb += '/\\ ';
    for (const x of s.then) {
      this.stmt(x, cThen, context, sb, here + 3);
      sb = spaces(here) + '/\\ ';
    }
    let lineUncThen = this.lines.length;
    this.addLine(sb);
    sb = spaces(here - 'THEN '.length) + 'ELSE ';
    here = sb.length;
    if (s.else.length === 0) {
      sb += '/\\ TRUE';
      this.addLine(sb);
      sb = spaces(here) + '/\\ ';
    } else {
      sb += '/\\ ';
      for (const x of s.else) {
        this.stmt(x, cElse, context, sb, here + 3);
        sb = spaces(here) + '/\\ ';
      }
    }
    const nElse = cElse.numUnchanged(cThen);
    if (nElse > 1) {
      const unc = cElse.unchangedWrapped(this.wrap - sb.length - 'UNCHANGED << '.length, cThen);
      sb += 'UNCHANGED << ';
      const cc = sb.length;
      sb += unc[0];
      for (let i = 1; i < unc.length; i++) {
        this.addLine(sb);
        sb = spaces(cc) + unc[i];
      }
      this.add(sb + ' >>');
      this.endLine();
    } else if (nElse === 1) {
      const uc = cElse.unchanged(cThen);
      this.add(sb + (uc.length > 5 ? `UNCHANGED ${uc}` : `${uc}' = ${uc}`));
      this.endLine();
    }
    sb = this.lines[lineUncThen];
    this.lines.splice(lineUncThen, 1);
    const nThen = cThen.numUnchanged(cElse);
    if (nThen > 1) {
      const unc = cThen.unchangedWrapped(this.wrap - sb.length - 'UNCHANGED << '.length, cElse);
      sb += 'UNCHANGED << ';
      const cc = sb.length;
      sb += unc[0];
      for (let i = 1; i < unc.length; i++) {
        this.lines.splice(lineUncThen++, 0, sb);
        sb = spaces(cc) + unc[i];
      }
      this.lines.splice(lineUncThen, 0, sb + ' >>');
    } else if (nThen === 1) {
      const uc = cThen.unchanged(cElse);
      this.lines.splice(
        lineUncThen,
        0,
        sb + (uc.length > 5 ? `UNCHANGED ${uc}` : `${uc}' = ${uc}`),
      );
    }
    c.merge(cThen);
    c.merge(cElse);
  }

  /** `\/ /\ ...` per clause, each with an UNCHANGED of what only other clauses assign. */
  protected either(s: Either, c: Changed, context: string, prefix: string): void {
    const all = new Changed(this.vars, c);
    const cOrs: Changed[] = [];
    const ucLocs: number[] = [];
    let sb = prefix;
    const prefixIndent = sb.length;
    sb += '\\/ ';
    const here = sb.length;
    s.ors.forEach((or, i) => {
      if (i !== 0) sb = spaces(prefixIndent) + '\\/ ';
      sb += '/\\ ';
      const cc = new Changed(this.vars, c);
      for (const x of or) {
        this.stmt(x, cc, context, sb, here + 3);
        sb = spaces(here) + '/\\ ';
      }
      cOrs[i] = cc;
      all.merge(cc);
      ucLocs[i] = this.lines.length;
      this.addLine('Replace by UNCHANGED');
    });
    for (let i = s.ors.length - 1; i >= 0; i--) {
      this.lines.splice(ucLocs[i], 1);
      const n = cOrs[i].numUnchanged(all);
      const nc = cOrs[i].unchanged(all);
      if (n > 1) this.lines.splice(ucLocs[i], 0, spaces(here) + '/\\ UNCHANGED <<' + nc + '>>');
      else if (n === 1)
        this.lines.splice(
          ucLocs[i],
          0,
          spaces(here) + (nc.length > 5 ? `/\\ UNCHANGED ${nc}` : `/\\ ${nc}' = ${nc}`),
        );
    }
    c.merge(all);
  }

  protected withStmt(s: With, c: Changed, context: string, prefix: string, col: number): void {
    const exp = this.sub(s.exp, context, c);
    if (s.isEq) {
      this.add(`${prefix}LET ${s.name} == `);
      this.addExpr(exp);
      this.add(' IN');
    } else {
      this.add(`${prefix}\\E ${s.name} \\in `);
      this.addExpr(exp);
      this.add(':');
    }
    this.endLine();
    let sb = spaces(col + 2);
    if (s.do.length > 1) sb += '/\\ ';
    for (const x of s.do) {
      this.stmt(x, c, context, sb, sb.length);
      sb = spaces(col + 2) + '/\\ ';
    }
  }
}

/**
 * Writing the TLA+ translation of an exploded algorithm, line by line, with pcal.trans's layout:
 * `VARIABLES`, the `define` block, `vars`, `ProcSet`, `Init`, one action per label (`pc` test,
 * the statements as conjuncts, primes on variables already assigned in the step, `[self]`
 * subscripts in a process set, `UNCHANGED` for the rest), one definition per procedure and
 * process, `Terminating`, `Next`, `Spec` with its fairness, `Termination`.
 */
import type {
  Algorithm,
  Assign,
  Either,
  If,
  LabeledStmt,
  Multiprocess,
  Node,
  Procedure,
  Process,
  PVarDecl,
  SingleAssign,
  Uniprocess,
  VarDecl,
  With,
} from './ast';
import { UNFAIR, WF, location } from './ast';
import { PlusCalError } from './errors';
import { Expr, tok, type Tok } from './expr';
import type { TranslatorOptions } from './options';
import { PROCEDURE, type SymbolTable } from './symtab';

/** Which variables a step has assigned so far (in the order of `vars`). */
class Changed {
  readonly count: number[];

  constructor(
    readonly vars: readonly string[],
    from?: Changed,
  ) {
    this.count = from ? [...from.count] : vars.map(() => 0);
  }

  isChanged(v: string): boolean {
    const i = this.vars.indexOf(v);
    return i >= 0 && this.count[i] > 0;
  }

  merge(c: Changed): void {
    for (let i = 0; i < this.count.length; i++) this.count[i] = Math.max(this.count[i], c.count[i]);
  }

  set(v: string): number {
    const i = this.vars.indexOf(v);
    return i < 0 ? 0 : ++this.count[i];
  }

  /** Unchanged variables (or, given `c`, those changed in `c` but not here), comma-separated. */
  unchanged(c?: Changed): string {
    return this.unchangedNames(c).join(', ');
  }

  private unchangedNames(c?: Changed): string[] {
    return this.vars.filter((_, i) => this.count[i] === 0 && (!c || c.count[i] > 0));
  }

  numUnchanged(c?: Changed): number {
    return this.unchangedNames(c).length;
  }

  /** The same list cut into pieces of at most `ch` characters (a piece ends with its comma). */
  unchangedWrapped(ch: number, c?: Changed): string[] {
    const out: string[] = [];
    let s = '';
    let haveOne = false;
    for (const one of this.unchangedNames(c)) {
      if (haveOne) s += ', ';
      else haveOne = true;
      if (s.length + one.length > ch) {
        if (s.length > 0) out.push(s);
        s = one;
      } else s += one;
    }
    if (s.length > 0) out.push(s);
    return out;
  }
}

function spaces(n: number): string {
  return n > 0 ? ' '.repeat(n) : '';
}

function emptyExpr(e: Expr | null): boolean {
  return e === null || e.lines.length === 0;
}

/**
 * Whether an expression may need parentheses to the right of `=`. As pcal.trans: only the first
 * line is scanned, once per line of the expression, the state carried over.
 */
function needsParentheses(lines: readonly string[]): boolean {
  if (lines.length === 0) return false;
  let depth = 0;
  let inString = false;
  let need = false;
  for (let n = 0; n < lines.length && !need; n++) {
    const line = lines[0];
    for (let i = 0; i < line.length && !need; i++) {
      const ch = line.charAt(i);
      if (inString) {
        if (ch === '"') inString = false;
        else if (ch === '\\') i++;
        continue;
      }
      let left = false;
      let right = false;
      let may = false;
      const next = i < line.length - 1 ? line.charAt(i + 1) : ' ';
      switch (ch) {
        case '"':
          inString = true;
          break;
        case '=':
        case '#':
          may = true;
          break;
        case '<':
          if (next === '<') {
            i++;
            left = true;
          } else may = true;
          break;
        case '>':
          if (next === '>') {
            i++;
            right = true;
          } else may = true;
          break;
        case '|':
          if (next === '-' || (i > 0 && line.charAt(i - 1) === '-')) may = true;
          break;
        case '\\':
          if (!(next === ' ' || next === 'o' || next === 'X')) may = true;
          break;
        case '/':
          if (next === '\\') may = true;
          break;
        case '(':
        case '[':
        case '{':
          left = true;
          break;
        case ')':
        case ']':
        case '}':
          right = true;
          break;
      }
      if (may && depth === 0) need = true;
      if (left) depth++;
      if (right) {
        if (depth === 0) need = true;
        depth--;
      }
    }
    if (inString) need = true;
  }
  return need;
}

function selfExpr(): Expr {
  const e = new Expr([[tok('self', 0, 'ident')]]);
  e.normalize();
  return e;
}

/** `[sub]`, for subscripting a variable. */
function subscript(sub: Expr | null): Expr | null {
  if (sub === null) return null;
  const e = sub.clone();
  for (const line of e.lines) for (const t of line) t.col += 1;
  e.lines[0].unshift(tok('[', 0, 'builtin'));
  e.addTokenOffset(tok(']', 0, 'builtin'), 0);
  return e;
}

export interface GeneratorInfo {
  omitPC: boolean;
  omitStutteringWhenDone: boolean;
  hasDefaultInitialization: boolean;
  fairAlgorithm: boolean;
}

export function generate(
  ast: Algorithm,
  st: SymbolTable,
  renamings: readonly string[],
  opts: TranslatorOptions,
  info: GeneratorInfo,
): string[] {
  const g = new Generator(st, opts, info);
  for (const r of renamings) g.addLine(r);
  if (ast.kind === 'uniprocess') g.uniprocess(ast);
  else g.multiprocess(ast);
  return g.lines;
}

class Generator {
  readonly lines: string[] = [];
  private cur = '';
  private self: Expr | null = null;
  private selfIsSelf = false;
  private readonly vars: string[] = [];
  private readonly procVars: string[] = [];
  private readonly processSetVars: string[] = [];
  private mp = false;
  private readonly nextStep: string[] = [];
  private currentProcName = '';
  private readonly wrap: number;
  private readonly ssWrap: number;

  constructor(
    private readonly st: SymbolTable,
    private readonly opts: TranslatorOptions,
    private readonly info: GeneratorInfo,
  ) {
    this.wrap = opts.lineWidth;
    this.ssWrap = opts.lineWidth - 33;
  }

  // ---- output -------------------------------------------------------------------------------

  private add(s: string): void {
    this.cur += s;
  }

  private endLine(): void {
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
  private addExpr(e: Expr): void {
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

  private selfFor(context: string): Expr | null {
    if (!this.mp) return null;
    return context === 'procedure' ? selfExpr() : this.self;
  }

  /** Primes the variables `c` says are assigned, subscripts those that need `sub`. */
  private subscripted(e: Expr, sub: Expr | null, c: Changed): Expr {
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

  private sub(e: Expr, context: string, c: Changed): Expr {
    return this.subscripted(e, subscript(this.selfFor(context)), c);
  }

  // ---- the algorithm ------------------------------------------------------------------------

  uniprocess(ast: Uniprocess): void {
    this.mp = false;
    this.currentProcName = 'Next';
    this.varsAndDefs(ast.decls, ast.prcds, null, ast.defs);
    this.init(ast.decls, ast.prcds, null);
    for (const p of ast.prcds) this.procedure(p);
    for (const n of ast.body) {
      const ls = n as LabeledStmt;
      this.nextStep.push(ls.label);
      this.labeledStmt(ls, '');
    }
    this.next();
    this.spec();
    this.termination();
  }

  multiprocess(ast: Multiprocess): void {
    this.mp = true;
    this.varsAndDefs(ast.decls, ast.prcds, ast.procs, ast.defs);
    this.procSet();
    this.init(ast.decls, ast.prcds, ast.procs);
    for (const p of ast.prcds) this.procedure(p);
    for (const p of ast.procs) this.process(p);
    this.next();
    this.spec();
    this.termination();
  }

  /** `name(self) == l1(self) \/ l2(self) \/ ...`, wrapped. */
  private disjunction(name: string, arg: string, labels: readonly LabeledStmt[]): void {
    const head = `${name}${arg} == `;
    this.add(head);
    const indent = spaces(head.length + 2);
    labels.forEach((ls, i) => {
      const d = ls.label + arg;
      if (i !== 0 && this.cur.length + 7 + d.length > this.wrap) this.endLine();
      if (i !== 0) this.add((this.cur.length === 0 ? indent : '') + ' \\/ ');
      this.add(d);
    });
    this.addLine('');
  }

  private procedure(p: Procedure): void {
    if (this.mp) {
      this.self = selfExpr();
      this.selfIsSelf = true;
    } else this.nextStep.push(p.name);
    for (const ls of p.body) this.labeledStmt(ls as LabeledStmt, 'procedure');
    this.disjunction(p.name, this.mp ? '(self)' : '', p.body as LabeledStmt[]);
  }

  private process(p: Process): void {
    this.currentProcName = p.name;
    const isSet = !p.isEq;
    if (p.isEq) {
      this.self = p.id;
      this.selfIsSelf = false;
      this.nextStep.push(p.name);
    } else {
      this.self = selfExpr();
      this.selfIsSelf = true;
    }
    for (const ls of p.body) this.labeledStmt(ls as LabeledStmt, 'process');
    if (!this.info.omitPC) this.disjunction(p.name, isSet ? '(self)' : '', p.body as LabeledStmt[]);
  }

  /** The action of one labeled statement. */
  private labeledStmt(ls: LabeledStmt, context: string): void {
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

  private stmt(s: Node, c: Changed, context: string, prefix: string, col: number): void {
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

  private assign(a: Assign, c: Changed, context: string, prefix: string): void {
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
  private ifStmt(s: If, c: Changed, context: string, prefix: string): void {
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
  private either(s: Either, c: Changed, context: string, prefix: string): void {
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

  private withStmt(s: With, c: Changed, context: string, prefix: string, col: number): void {
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

  // ---- declarations -------------------------------------------------------------------------

  private varsAndDefs(
    globals: VarDecl[],
    procs: Procedure[],
    processes: Process[] | null,
    defs: Expr,
  ): void {
    const lVars: string[] = [];
    const gVars: string[] = [];
    if (!this.info.omitPC) {
      gVars.push('pc');
      this.vars.push('pc');
    }
    for (const d of globals) {
      gVars.push(d.name);
      this.vars.push(d.name);
    }
    if (procs.length > 0) {
      gVars.push('stack');
      this.vars.push('stack');
    }
    for (const p of procs)
      for (const d of [...p.params, ...p.decls]) {
        lVars.push(d.name);
        this.vars.push(d.name);
        this.procVars.push(d.name);
      }
    if (processes !== null)
      for (const p of processes)
        for (const d of p.decls) {
          lVars.push(d.name);
          this.vars.push(d.name);
          if (!p.isEq) this.processSetVars.push(d.name);
        }
    if (this.info.hasDefaultInitialization) this.addLine('CONSTANT defaultInitValue');
    if (emptyExpr(defs)) {
      gVars.push(...lVars);
      this.varDecl(gVars);
    } else {
      this.varDecl(gVars);
      this.addLine('');
      this.addLine('(* define statement *)');
      this.addExpr(defs);
      this.addLine('');
      this.varDecl(lVars);
      gVars.push(...lVars);
    }
    this.addLine('');
    if (gVars.length === 0) throw new PlusCalError('The algorithm has no variables.');
    this.add('vars == << ');
    const indent = this.cur.length;
    gVars.forEach((v, i) => {
      if (i > 0) this.add(', ');
      if (this.cur.length + v.length + 1 > this.wrap) {
        this.endLine();
        this.cur = spaces(indent);
      }
      this.add(v);
    });
    if (this.cur.length + ' >>'.length + 1 > this.wrap) {
      this.endLine();
      this.cur = spaces('vars =='.length);
    }
    this.add(' >>');
    this.addLine('');
  }

  private varDecl(vars: string[]): void {
    if (vars.length === 0) return;
    const head = vars.length > 1 ? 'VARIABLES ' : 'VARIABLE ';
    this.add(head);
    vars.forEach((v, i) => {
      if (i > 0) this.add(', ');
      if (this.cur.length + v.length + 1 > this.wrap) {
        this.endLine();
        this.cur += spaces(head.length);
      }
      this.add(v);
    });
    this.endLine();
  }

  private procSet(): void {
    if (this.st.processes.length === 0) return;
    this.add('ProcSet == ');
    this.st.processes.forEach((p, i) => {
      if (i > 0) this.add(' \\cup ');
      this.add(p.isEq ? '{' : '(');
      this.addExpr(p.id);
      this.add(p.isEq ? '}' : ')');
    });
    this.endLine();
    this.addLine('');
  }

  /** `/\ v = val` (or `\in`), parenthesized when val may need it. */
  private varDeclConjunct(d: VarDecl | PVarDecl, isEq: boolean, is: string): void {
    this.add(is + '/\\ ');
    this.add(d.name + (isEq ? ' = ' : ' \\in '));
    const paren = needsParentheses(d.val.toLines());
    if (paren) this.add('(');
    this.addExpr(d.val);
    if (paren) this.add(')');
    this.endLine();
  }

  private init(globals: VarDecl[], procs: Procedure[], processes: Process[] | null): void {
    const col = 'Init == '.length;
    let is = 'Init == ';
    const none = new Changed([]);
    if (globals.length > 0) {
      this.addLine(is + '(* Global variables *)');
      is = spaces(col);
      for (const d of globals) this.varDeclConjunct(d, d.isEq, is);
    }
    for (const p of procs) {
      if (p.params.length === 0 && p.decls.length === 0) continue;
      this.addLine(is + `(* Procedure ${p.name} *)`);
      is = spaces(col);
      for (const d of [...p.params, ...p.decls]) {
        if (!this.mp) this.varDeclConjunct(d, true, is);
        else {
          this.add(is + '/\\ ');
          this.add(d.name + ' = [ self \\in ProcSet |-> ');
          this.addExpr(this.subscripted(d.val, subscript(selfExpr()), none));
          this.add(']');
          this.endLine();
        }
      }
    }
    if (processes !== null)
      for (const p of processes) {
        if (p.decls.length === 0) continue;
        this.addLine(is + `(* Process ${p.name} *)`);
        is = spaces(col);
        for (const d of p.decls) {
          this.add(is + '/\\ ');
          if (p.isEq) {
            this.add(d.name + (d.isEq ? ' = ' : ' \\in '));
            this.addExpr(d.val);
          } else if (d.isEq) {
            this.add(d.name + ' = [self \\in ');
            this.addExpr(p.id);
            this.add(' |-> ');
            this.addExpr(this.subscripted(d.val, subscript(selfExpr()), none));
            this.add(']');
          } else {
            // v[CHOOSE self \in S : TRUE] for the process's variables in the value
            const id = p.id.clone();
            const open = new Expr([
              [
                tok('[', 0, 'builtin'),
                tok('CHOOSE', 1, 'builtin'),
                tok('self', 8, 'ident'),
                tok('\\in ', 13, 'builtin'),
              ],
            ]);
            open.normalize();
            open.origin = id.origin;
            id.prepend(open, 1);
            const close = new Expr([
              [tok(':', 0, 'builtin'), tok('TRUE', 2, 'builtin'), tok(']', 6, 'builtin')],
            ]);
            close.normalize();
            close.prepend(id, 1);
            this.add(d.name + ' \\in [');
            this.addExpr(p.id);
            this.add(' -> ');
            this.addExpr(this.subscripted(d.val, close, none));
            this.add(']');
          }
          this.endLine();
        }
      }
    if (procs.length > 0) {
      this.addLine(
        is + (this.mp ? '/\\ stack = [self \\in ProcSet |-> << >>]' : '/\\ stack = << >>'),
      );
      is = spaces(col);
    }
    if (!this.info.omitPC) {
      if (this.mp) {
        const useCase = this.st.processes.length !== 1;
        is += useCase
          ? '/\\ pc = [self \\in ProcSet |-> CASE '
          : '/\\ pc = [self \\in ProcSet |-> ';
        const colPC = is.length - 3;
        this.st.processes.forEach((pe, p) => {
          const last = p === this.st.processes.length - 1;
          if (useCase) {
            this.add(is + 'self ' + (pe.isEq ? '= ' : '\\in '));
            this.addExpr(pe.id);
            is = ` -> "${pe.iPC}"` + (last ? ']' : '');
          } else is += `"${pe.iPC}"]`;
          this.add(is);
          this.endLine();
          is = spaces(colPC);
          if (!last) is += '[] ';
        });
      } else this.addLine(is + `/\\ pc = "${this.st.iPC}"`);
    }
    this.addLine('');
  }

  // ---- Next, Spec, Termination --------------------------------------------------------------

  private get hasTerminating(): boolean {
    return !(this.opts.noDoneDisjunct || this.info.omitStutteringWhenDone);
  }

  private next(): void {
    if (this.info.omitPC && !this.mp) return;
    if (this.hasTerminating) {
      this.addLine('(* Allow infinite stuttering to prevent deadlock on termination. *)');
      if (this.mp) {
        this.addLine('Terminating == /\\ \\A self \\in ProcSet: pc[self] = "Done"');
        this.addLine(spaces('Terminating == '.length) + '/\\ UNCHANGED vars');
      } else this.addLine('Terminating == pc = "Done" /\\ UNCHANGED vars');
      this.addLine('');
    }
    const nextS: string[] = [];
    let sb = '';
    let max = this.wrap - 'Next == \\/ '.length;
    for (const a of this.nextStep) {
      if (a.length + ' \\/ '.length + sb.length > max) {
        nextS.push(sb);
        sb = '';
      }
      if (sb.length > 0) sb += ' \\/ ';
      sb += a;
    }
    if (sb.length > 0) nextS.push(sb);
    const nextSS: string[] = [];
    sb = '';
    max = this.wrap - 'Next == \\/ (\\E self \\in ProcSet: \\/ '.length;
    if (this.mp && this.st.procs.length > 0) {
      for (const p of this.st.procs) {
        if (p.name.length + '(self) \\/ '.length + sb.length > max) {
          nextSS.push(sb);
          sb = '';
        }
        if (sb.length > 0) sb += ' \\/ ';
        sb += p.name + '(self)';
      }
      if (sb.length > 0) nextSS.push(sb + ')');
    }
    const nextSSP: string[][] = [];
    if (this.mp)
      for (const p of this.st.processes) {
        if (p.isEq) continue;
        const vec: string[] = [];
        sb = '(\\E self \\in ';
        const sv = p.id.toLines();
        const col = sb.length;
        sb += sv[0];
        for (let j = 1; j < sv.length; j++) {
          vec.push(sb);
          sb = spaces(col) + sv[j];
        }
        sb += `: ${p.name}(self))`;
        vec.push(sb);
        nextSSP.push(vec);
      }
    sb = 'Next == ';
    const col = sb.length + 2;
    for (const s of nextS) {
      this.addLine(sb + s);
      sb = spaces(col) + ' \\/ ';
    }
    if (nextSS.length > 0) {
      sb += '(\\E self \\in ProcSet: ';
      const col2 = sb.length;
      if (nextSS.length > 1) sb += ' \\/ ';
      for (const s of nextSS) {
        this.addLine(sb + s);
        sb = spaces(col2) + ' \\/ ';
      }
      sb = spaces(col) + ' \\/ ';
    }
    nextSSP.forEach((v, i) => {
      for (const line of v) {
        this.addLine(sb + line);
        sb =
          nextS.length === 0 && nextSS.length === 0 && i === 0 ? spaces(col - 2) : spaces(col + 4);
      }
      sb = spaces(col) + ' \\/ ';
    });
    if (this.hasTerminating) this.addLine(sb + 'Terminating');
    this.addLine('');
  }

  private spec(): void {
    const safety = 'Init /\\ [][Next]_vars';
    const f = this.opts.fairness;
    if (f === 'nof' || (!this.mp && f === '')) {
      this.addLine('Spec == ' + safety);
      this.addLine('');
      return;
    }
    const wfNext =
      f === 'wfNext' || this.info.fairAlgorithm || (!this.mp && (f === 'wf' || f === 'sf'));
    const formulas: ProcessFairness[] = [];
    if (this.mp)
      for (const p of this.st.processes) {
        const pAst = p.ast;
        if (pAst.fairness === UNFAIR) continue;
        const xf = pAst.fairness === WF ? 'WF' : 'SF';
        const pSelf = p.id.toLines();
        let letIn = false;
        let qSelf = 'self';
        if (p.isEq) {
          if (pSelf.length > 1) letIn = true;
          else qSelf = pSelf[0];
        }
        const prefix: string[] = [];
        if (letIn || !p.isEq) {
          const begin = p.isEq ? 'LET self == ' : '\\A self \\in ';
          const end = p.isEq ? '' : ' : ';
          pSelf.forEach((l, j) => {
            let line = (j === 0 ? begin : spaces(begin.length)) + l;
            if (j === pSelf.length - 1) line += end;
            prefix.push(line);
          });
          if (letIn) prefix.push('IN ');
        }
        const wfBody = `${xf}_vars(${minusGuard(pAst.minusLabels, qSelf)}${p.isEq ? p.name : p.name + '(self)'})`;
        const sfBody =
          xf === 'WF' && pAst.plusLabels.length > 0
            ? pAst.plusLabels.map((l) => `SF_vars(${l}${p.isEq ? '' : '(self)'})`).join(' /\\ ')
            : null;
        const prcd: FormulaPair[] = [];
        for (const original of pAst.proceduresCalled) {
          const name = this.st.useThis(PROCEDURE, original, '');
          const pe = this.st.procs[this.st.findProc(name)];
          const prcAst = pe.ast;
          const wf = `${xf}_vars(${minusGuard(prcAst.minusLabels, qSelf)}${pe.name}(${qSelf}))`;
          const sf =
            xf === 'WF' && prcAst.plusLabels.length > 0
              ? prcAst.plusLabels.map((l) => `SF_vars(${l}(${qSelf}))`).join(' /\\ ')
              : null;
          prcd.push(new FormulaPair(wf, sf));
        }
        formulas.push(
          new ProcessFairness(prefix, new FormulaPair(wfBody, sfBody), prcd, this.wrap),
        );
      }
    if (!wfNext && formulas.length === 0) {
      this.addLine('Spec == ' + safety);
      this.addLine('');
      return;
    }
    this.addLine('Spec == /\\ ' + safety);
    const indent = 'Spec == /\\ '.length;
    if (wfNext) this.addLine('        /\\ WF_vars(Next)');
    for (const pf of formulas)
      for (const line of javaSplitLines('        /\\ ' + pf.format(indent))) this.addLine(line);
    this.addLine('');
  }

  private termination(): void {
    if (this.info.omitPC || this.info.omitStutteringWhenDone) return;
    this.addLine(
      'Termination == <>(' + (this.mp ? '\\A self \\in ProcSet: pc[self]' : 'pc') + ' = "Done")',
    );
    this.addLine('');
  }
}

/** Java's String.split("\n"): trailing empty pieces are dropped. */
function javaSplitLines(s: string): string[] {
  const parts = s.split('\n');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function minusGuard(minus: readonly string[], qSelf: string): string {
  if (minus.length === 0) return '';
  if (minus.length === 1) return `(pc[${qSelf}] # "${minus[0]}") /\\ `;
  return `(pc[${qSelf}] \\notin {"${minus.join('", "')}"}) /\\ `;
}

function positioned(msg: string, n: Node): PlusCalError {
  if (n.line === 0) return new PlusCalError(msg);
  return new PlusCalError(`${msg}\n    at ${location(n)}`);
}

/** Assignments ordered by variable name (a stable selection sort, as pcal.trans). */
function sortAssignments(list: SingleAssign[]): SingleAssign[] {
  const v = [...list];
  const r: SingleAssign[] = [];
  while (v.length > 0) {
    let k = 0;
    for (let i = 1; i < v.length; i++) if (compareJava(v[k].lhs.name, v[i].lhs.name) > 0) k = i;
    r.push(v[k]);
    v.splice(k, 1);
  }
  return r;
}

/** Java's String.compareTo: by UTF-16 code units. */
function compareJava(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

class FormulaPair {
  constructor(
    readonly wf: string,
    readonly sf: string | null,
  ) {}

  singleLine(): string {
    return this.sf === null ? this.wf : `${this.wf} /\\ ${this.sf}`;
  }

  singleLineWidth(): number {
    return this.sf === null ? this.wf.length : this.wf.length + 4 + this.sf.length;
  }

  multiLine(col: number): string {
    const v = '/\\ ' + this.wf;
    return this.sf === null ? v : `${v}\n${spaces(col)}/\\ ${this.sf}`;
  }
}

/** A process's fairness conjunct of Spec, laid out as pcal.trans lays it out. */
class ProcessFairness {
  constructor(
    readonly prefix: string[],
    readonly body: FormulaPair,
    readonly prcd: FormulaPair[],
    private readonly wrap: number,
  ) {}

  private singleLineWidth(): number {
    let maxPrefix = 0;
    let width = 0;
    for (let i = 0; i < this.prefix.length - 1; i++) {
      if (this.prefix[i].length > maxPrefix) maxPrefix = this.prefix[i].length;
      width = this.prefix[this.prefix.length - 1].length;
    }
    width += this.body.wf.length;
    if (this.body.sf !== null) width += this.body.sf.length;
    for (const p of this.prcd) width += p.singleLineWidth();
    return maxPrefix > width ? maxPrefix : width;
  }

  private prefixText(col: number): string {
    return this.prefix
      .map((l, i) => (i !== 0 ? spaces(col) : '') + l + (i !== this.prefix.length - 1 ? '\n' : ''))
      .join('');
  }

  format(col: number): string {
    if (
      col + this.singleLineWidth() <= this.wrap ||
      (this.body.sf === null && this.prcd.length === 0)
    ) {
      let v = this.prefixText(col) + this.body.wf;
      if (this.body.sf !== null) v += ' /\\ ' + this.body.sf;
      for (const p of this.prcd) v += ' /\\ ' + p.singleLine();
      return v;
    }
    let v = this.prefixText(col);
    const prefixWidth = this.prefix.length > 0 ? this.prefix[this.prefix.length - 1].length : 0;
    const curCol = col + prefixWidth;
    let line = this.body.singleLine();
    if (curCol + line.length + 3 <= this.wrap) v += '/\\ ' + line;
    else v += this.body.multiLine(curCol);
    this.prcd.forEach((form, i) => {
      line = form.singleLine();
      if (i === 0) v += '\n';
      v += spaces(curCol);
      if (curCol + line.length + 3 <= this.wrap) v += '/\\ ' + line + '\n';
      else v += form.multiLine(curCol);
    });
    return v;
  }
}

/** Re-exported for tests of the layout helpers. */
export const _internals = { needsParentheses, Changed, spaces };
export type { Tok };

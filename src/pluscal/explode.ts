/**
 * Exploding the AST: control flow becomes data. Each labeled statement gets its `pc` test, a
 * `while` becomes an `if` whose branches set `pc`, a `call` pushes a record on `stack`, sets the
 * parameters and local variables and jumps to the procedure's first label, a `return` pops it,
 * a `goto` sets `pc`. The result is flat: labeled statements of simple statements (`if`, `either`
 * and `with` nesting only).
 *
 * As in pcal.trans, the statement lists of `if`/`either`/`with` nodes are extended in place
 * (they are shared with the parsed AST): the parsed AST's text, which pcal.trans checksums, shows
 * those additions.
 */
import {
  base,
  type Algorithm,
  type Assign,
  type Call,
  type CallGoto,
  type CallReturn,
  type If,
  type LabeledStmt,
  type LabelEither,
  type LabelIf,
  type Multiprocess,
  type Node,
  type Procedure,
  type Process,
  type Return,
  type SingleAssign,
  type Uniprocess,
  type When,
  type Either,
} from './ast';
import { PlusCalError } from './errors';
import { Expr, tok, width, type Tok } from './expr';
import { LABEL, type SymbolTable } from './symtab';

function positioned(msg: string, n: Node): PlusCalError {
  if (n.line === 0) return new PlusCalError(msg);
  const where =
    n.macroLine < 0
      ? `line ${n.line}, column ${n.col}`
      : `line ${n.line}, column ${n.col} of macro called at line ${n.macroLine}, column ${n.macroCol}`;
  return new PlusCalError(`${msg}\n    at ${where}`);
}

const builtin = (s: string): Tok => tok(s, 0, 'builtin');
const ident = (s: string): Tok => tok(s, 0, 'ident');
const str = (s: string): Tok => tok(s, 0, 'string');
const added = (s: string): Tok => tok(s, 0, 'added');

/** `pc = "label"` (pc marked as added, so that it gets `[self]`). */
function checkPC(label: string): When {
  return {
    ...base(),
    kind: 'when',
    exp: Expr.ofTokens([added('pc'), builtin('='), str(label)], 1),
  };
}

function singleAssign(name: string, rhs: Expr): SingleAssign {
  const sub = new Expr();
  sub.normalize();
  return {
    ...base(),
    kind: 'singleAssign',
    lhs: { ...base(), kind: 'lhs', name, sub },
    rhs,
  };
}

/** `pc := "next"`. */
function updatePC(next: string): Assign {
  const rhs = new Expr([[str(next)]]);
  rhs.normalize();
  return { ...base(), kind: 'assign', ass: [singleAssign('pc', rhs)] };
}

function isTRUE(e: Expr): boolean {
  if (e.lines.length > 1) return false;
  const l = e.lines[0];
  if (l.length === 1) return l[0].str === 'TRUE';
  if (l.length === 3) return l[0].str === '(' && l[1].str === 'TRUE' && l[2].str === ')';
  return false;
}

/** Lays out a pushed stack record: `|->` at column 16 when it fits, fields at column 6. */
function prettyStackTop(e: Expr): void {
  for (let i = 0; i < e.lines.length; i++) {
    let next = i === 0 || i === e.lines.length - 1 ? 1 : 6;
    for (const t of e.lines[i]) {
      t.col = next;
      next += width(t);
      if (t.type !== 'builtin') continue;
      if (t.str === '|->' || t.str === '↦') {
        t.col += 1;
        if (t.col < 16) t.col = 16;
        next = t.col + 5;
      } else if (t.str === '[') next += 1;
      else if (t.str === ']') {
        t.col += 1;
        next += 1;
      } else if (t.str === '<<') next += 1;
      else if (t.str === '>>') {
        t.col += 1;
        next += 1;
      } else if (t.str === '\\o') {
        t.col += 1;
        next += 2;
      }
    }
  }
}

/** `Head(stack).field` */
function headField(field: string): Expr {
  const e = new Expr([
    [ident('Head'), builtin('('), added('stack'), builtin(')'), builtin('.'), ident(field)],
  ]);
  e.normalize();
  return e;
}

interface Exploded {
  /** The statements, with the last one exploded. */
  stmts: Node[];
  /** Labeled statements made from inner labels. */
  labeled: LabeledStmt[];
  /** Whether the statements still need a `pc := next` at the end. */
  needsGoto: boolean;
}

export function explode(ast: Algorithm, st: SymbolTable, omitPC: boolean): Algorithm {
  return new Exploder(st, omitPC).algorithm(ast);
}

class Exploder {
  private currentProcedure: string | null = null;

  constructor(
    private readonly st: SymbolTable,
    private readonly omitPC: boolean,
  ) {}

  algorithm(ast: Algorithm): Algorithm {
    return ast.kind === 'uniprocess' ? this.uniprocess(ast) : this.multiprocess(ast);
  }

  private uniprocess(ast: Uniprocess): Uniprocess {
    const out: Uniprocess = {
      ...base(),
      kind: 'uniprocess',
      line: ast.line,
      col: ast.col,
      name: ast.name,
      decls: ast.decls,
      defs: ast.defs,
      macros: [],
      prcds: ast.prcds.map((p) => this.procedure(p)),
      body: this.labeledSeq(ast.body as LabeledStmt[], 'Done'),
      origin: ast.origin,
    };
    return out;
  }

  private multiprocess(ast: Multiprocess): Multiprocess {
    return {
      ...base(),
      kind: 'multiprocess',
      line: ast.line,
      col: ast.col,
      name: ast.name,
      decls: ast.decls,
      defs: ast.defs,
      macros: [],
      prcds: ast.prcds.map((p) => this.procedure(p)),
      procs: ast.procs.map((p) => this.process(p)),
      origin: ast.origin,
    };
  }

  private procedure(p: Procedure): Procedure {
    this.currentProcedure = p.name;
    const out: Procedure = {
      ...base(),
      kind: 'procedure',
      line: p.line,
      col: p.col,
      origin: p.origin,
      name: p.name,
      minusLabels: [],
      plusLabels: [],
      proceduresCalled: [],
      params: p.params,
      decls: p.decls,
      body: this.labeledSeq(p.body as LabeledStmt[], this.st.useThis(LABEL, 'Error', '')),
    };
    this.currentProcedure = null;
    return out;
  }

  private process(p: Process): Process {
    return {
      ...base(),
      kind: 'process',
      line: p.line,
      col: p.col,
      origin: p.origin,
      name: p.name,
      fairness: p.fairness,
      minusLabels: [],
      plusLabels: [],
      proceduresCalled: [],
      isEq: p.isEq,
      id: p.id,
      decls: p.decls,
      body: this.labeledSeq(p.body as LabeledStmt[], 'Done'),
    };
  }

  /** Explodes a sequence of labeled statements; control goes to `next` after the last. */
  private labeledSeq(seq: LabeledStmt[], next: string): LabeledStmt[] {
    const out: LabeledStmt[] = [];
    seq.forEach((ls, i) => {
      out.push(...this.labeledStmt(ls, i < seq.length - 1 ? seq[i + 1].label : next));
    });
    return out;
  }

  private labeledStmt(ls: LabeledStmt, next: string): LabeledStmt[] {
    if (ls.stmts.length > 0 && ls.stmts[0].kind === 'while') return this.whileStmt(ls, next);
    const x = this.withGoto([...ls.stmts], next);
    const out: LabeledStmt[] = [];
    const n: LabeledStmt = {
      ...base(),
      kind: 'labeledStmt',
      line: ls.line,
      col: ls.col,
      origin: ls.origin,
      label: ls.label,
      stmts: x.stmts,
    };
    if (!this.omitPC) {
      n.stmts.unshift(checkPC(n.label));
      out.push(n);
    }
    out.push(...x.labeled);
    return out;
  }

  /** Like `lastExploded`, adding the `pc := next` the statements still need. */
  private withGoto(stmts: Node[], next: string): { stmts: Node[]; labeled: LabeledStmt[] } {
    const x = this.lastExploded(stmts, next);
    if (x.needsGoto) x.stmts.push(updatePC(next));
    return { stmts: x.stmts, labeled: x.labeled };
  }

  /**
   * `stmts` (the list itself, changed in place) with its last statement exploded: a goto, call or
   * return becomes assignments, an `if`/`either`/`with` ending in one is exploded inside, a
   * `labelIf`/`labelEither` loses its labeled parts to new labeled statements.
   */
  private lastExploded(stmts: Node[], next: string): Exploded {
    const labeled: LabeledStmt[] = [];
    let needsGoto = false;
    if (stmts.length > 0) {
      const last = stmts[stmts.length - 1];
      switch (last.kind) {
        case 'labelIf': {
          const [first, rest] = this.labelIf(last, next);
          stmts.pop();
          stmts.push(...first);
          labeled.push(...rest);
          break;
        }
        case 'labelEither': {
          const [first, rest] = this.labelEither(last, next);
          stmts.pop();
          stmts.push(...first);
          labeled.push(...rest);
          break;
        }
        case 'goto':
          stmts.pop();
          stmts.push(updatePC(last.to));
          break;
        case 'call':
          stmts.pop();
          stmts.push(...this.call(last, next));
          break;
        case 'return':
          stmts.pop();
          stmts.push(...this.returnStmt(last));
          break;
        case 'callReturn':
          stmts.pop();
          stmts.push(...this.callReturn(last));
          break;
        case 'callGoto':
          stmts.pop();
          stmts.push(...this.callGoto(last));
          break;
        case 'if': {
          const p1 = this.lastExploded(last.then, next);
          const p2 = this.lastExploded(last.else, next);
          labeled.push(...p1.labeled, ...p2.labeled);
          last.then = p1.stmts;
          last.else = p2.stmts;
          if (!this.omitPC) {
            needsGoto = p1.needsGoto && p2.needsGoto;
            if (!needsGoto) {
              if (p1.needsGoto) last.then.push(updatePC(next));
              if (p2.needsGoto) last.else.push(updatePC(next));
            }
          }
          break;
        }
        case 'either': {
          needsGoto = true;
          const needs: boolean[] = [];
          last.ors.forEach((or, i) => {
            const p = this.lastExploded(or, next);
            last.ors[i] = p.stmts;
            labeled.push(...p.labeled);
            needsGoto = needsGoto && p.needsGoto;
            needs.push(p.needsGoto);
          });
          if (!this.omitPC && !needsGoto)
            last.ors.forEach((or, i) => {
              if (needs[i]) or.push(updatePC(next));
            });
          break;
        }
        case 'with': {
          const p = this.lastExploded(last.do, next);
          last.do = p.stmts;
          labeled.push(...p.labeled);
          needsGoto = p.needsGoto;
          break;
        }
        default:
          needsGoto = true;
      }
    } else needsGoto = true;
    if (this.omitPC) needsGoto = false;
    // pcal.trans works on the list itself when it has statements, on a new one when it is empty:
    // an empty clause of the algorithm stays empty (the algorithm's checksum shows it).
    return { stmts: stmts.length > 0 ? stmts : [], labeled, needsGoto };
  }

  /**
   * A labeled statement starting with a `while`:
   *   lbl: if test then body; pc := first inner label (or lbl) else rest; pc := next
   * with the inner labeled statements after it. `while (TRUE)` loses its `if`.
   */
  private whileStmt(ls: LabeledStmt, next: string): LabeledStmt[] {
    const out: LabeledStmt[] = [];
    const w = ls.stmts[0];
    if (w.kind !== 'while') throw new Error('unreachable');
    const n: LabeledStmt = {
      ...base(),
      kind: 'labeledStmt',
      line: ls.line,
      col: ls.col,
      origin: ls.origin,
      label: ls.label,
      stmts: [],
    };
    if (!this.omitPC) n.stmts.push(checkPC(ls.label));
    let firstLS: LabeledStmt | null = w.labDo.length === 0 ? null : w.labDo[0];
    const doNext = firstLS === null ? ls.label : firstLS.label;
    const body = this.withGoto([...w.unlabDo], doNext);
    const rest = [...ls.stmts];
    rest.shift();
    const after = this.withGoto(rest, next);
    if (isTRUE(w.test)) n.stmts.push(...body.stmts);
    else {
      const s: If = { ...base(), kind: 'if', test: w.test, then: body.stmts, else: after.stmts };
      s.origin = w.origin;
      n.stmts.push(s);
    }
    out.push(n);
    for (let i = 0; i < w.labDo.length; i++) {
      const nextLS = w.labDo.length > i + 1 ? w.labDo[i + 1] : null;
      out.push(
        ...this.labeledStmt(firstLS as LabeledStmt, nextLS === null ? ls.label : nextLS.label),
      );
      firstLS = nextLS;
    }
    out.push(...body.labeled);
    if (!isTRUE(w.test)) out.push(...after.labeled);
    return out;
  }

  private labelIf(s: LabelIf, next: string): [Node[], LabeledStmt[]] {
    const firstThen = s.labThen.length > 0 ? s.labThen[0] : null;
    const firstElse = s.labElse.length > 0 ? s.labElse[0] : null;
    const thenX = this.withGoto(s.unlabThen, firstThen === null ? next : firstThen.label);
    const elseX = this.withGoto(s.unlabElse, firstElse === null ? next : firstElse.label);
    const n: If = {
      ...base(),
      kind: 'if',
      line: s.line,
      col: s.col,
      origin: s.origin,
      test: s.test,
      then: thenX.stmts,
      else: elseX.stmts,
    };
    const rest: LabeledStmt[] = [];
    rest.push(...this.labeledSeq(s.labThen, next));
    rest.push(...this.labeledSeq(s.labElse, next));
    rest.push(...thenX.labeled, ...elseX.labeled);
    return [[n], rest];
  }

  private labelEither(s: LabelEither, next: string): [Node[], LabeledStmt[]] {
    const n: Either = {
      ...base(),
      kind: 'either',
      line: s.line,
      col: s.col,
      origin: s.origin,
      ors: [],
    };
    const rest: LabeledStmt[] = [];
    for (const c of s.clauses) {
      const x = this.withGoto(c.unlabOr, c.labOr.length > 0 ? c.labOr[0].label : next);
      n.ors.push(x.stmts);
      rest.push(...x.labeled);
      rest.push(...this.labeledSeq(c.labOr, next));
    }
    return [[n], rest];
  }

  /** The record pushed on the stack by a call of procedure `to`. */
  private stackRecord(to: string, pcField: Tok[], tail: Tok[]): Expr {
    const pe = this.st.procs[this.st.findProc(to)];
    const e = new Expr([
      [builtin('<<'), builtin('['), ident('procedure'), builtin('|->'), str(to), builtin(',')],
    ]);
    e.addLine();
    e.addToken(ident('pc'));
    e.addToken(builtin('|->'));
    for (const t of pcField) e.addToken(t);
    for (const d of [...pe.decls, ...pe.params]) {
      e.addToken(builtin(','));
      e.addLine();
      e.addToken(ident(d.name));
      e.addToken(builtin('|->'));
      e.addToken(ident(d.name));
    }
    e.addToken(builtin(']'));
    e.addToken(builtin('>>'));
    e.addLine();
    e.addToken(builtin('\\o'));
    for (const t of tail) e.addToken(t);
    prettyStackTop(e);
    e.normalize();
    return e;
  }

  private call(s: Call, next: string): Node[] {
    const to = this.st.findProc(s.to);
    if (to === this.st.procs.length) throw positioned(`Call of non-existent procedure ${s.to}`, s);
    const pe = this.st.procs[to];
    const ass: Assign = { ...base(), kind: 'assign', line: s.line, col: s.col, ass: [] };
    const push = singleAssign('stack', this.stackRecord(s.to, [str(next)], [added('stack')]));
    push.line = s.line;
    push.col = s.col;
    ass.ass.push(push);
    if (pe.params.length !== s.args.length)
      throw positioned(`Procedure ${s.to} called with wrong number of arguments`, s);
    this.setParams(ass, pe.params, s.args, s);
    const out: Node[] = [ass];
    out.push(...this.initLocals(pe.decls, s));
    out.push(updatePC(pe.iPC as string));
    return out;
  }

  private setParams(
    ass: Assign,
    params: { name: string; origin: Assign['origin'] }[],
    args: Expr[],
    s: Node,
  ): void {
    params.forEach((d, i) => {
      const a = singleAssign(d.name, args[i]);
      a.line = s.line;
      a.col = s.col;
      a.origin = d.origin;
      ass.ass.push(a);
    });
    if (params.length > 0 && params[0].origin && params[params.length - 1].origin)
      ass.origin = {
        begin: params[0].origin.begin,
        end: (params[params.length - 1].origin as NonNullable<Assign['origin']>).end,
      };
  }

  /** `v := initial value` for each local variable of the called procedure. */
  private initLocals(
    decls: { name: string; val: Expr; origin: Assign['origin'] }[],
    s: Node,
  ): Node[] {
    return decls.map((d) => {
      const a = singleAssign(d.name, d.val);
      a.line = s.line;
      a.col = s.col;
      a.origin = d.origin;
      return { ...base(), kind: 'assign', line: s.line, col: s.col, origin: d.origin, ass: [a] };
    });
  }

  private returnStmt(s: Return): Node[] {
    if (s.from === null) s.from = this.currentProcedure;
    if (s.from === null) throw positioned("`return' statement not in procedure", s);
    const from = this.st.findProc(s.from);
    if (!(from < this.st.procs.length))
      throw positioned('Error in procedure (perhaps name used elsewhere)', s);
    const pe = this.st.procs[from];
    const restore = (name: string, rhs: Expr): Node => {
      const a = singleAssign(name, rhs);
      a.line = s.line;
      a.col = s.col;
      a.origin = s.origin;
      return { ...base(), kind: 'assign', line: s.line, col: s.col, origin: s.origin, ass: [a] };
    };
    const out: Node[] = [];
    const pcAss = restore('pc', headField('pc'));
    pcAss.origin = null;
    (pcAss as Assign).ass[0].origin = null;
    out.push(pcAss);
    for (const d of pe.decls) out.push(restore(d.name, headField(d.name)));
    for (const d of pe.params) out.push(restore(d.name, headField(d.name)));
    const tail = new Expr([[ident('Tail'), builtin('('), added('stack'), builtin(')')]]);
    tail.normalize();
    out.push(restore('stack', tail));
    return out;
  }

  private callReturn(s: CallReturn): Node[] {
    if (s.from === null)
      throw new PlusCalError(
        `\`return' statement following \`call' at line ${s.line}, column ${s.col} not in a procedure`,
      );
    const peFrom = this.st.procs[this.st.findProc(s.from)];
    const to = this.st.findProc(s.to);
    if (to === this.st.procs.length) throw positioned(`Call of non-existent procedure ${s.to}`, s);
    const peTo = this.st.procs[to];
    const ass: Assign = { ...base(), kind: 'assign', line: s.line, col: s.col, ass: [] };
    if (s.from !== s.to) {
      for (const d of peFrom.decls) {
        const a = singleAssign(d.name, headField(d.name));
        a.line = s.line;
        a.col = s.col;
        ass.ass.push(a);
      }
      const pcField = [
        ident('Head'),
        builtin('('),
        added('stack'),
        builtin(')'),
        builtin('.'),
        ident('pc'),
      ];
      const tail = [ident('Tail'), builtin('('), added('stack'), builtin(')')];
      const a = singleAssign('stack', this.stackRecord(s.to, pcField, tail));
      a.line = s.line;
      a.col = s.col;
      ass.ass.push(a);
    }
    if (peTo.params.length !== s.args.length)
      throw positioned(`Procedure ${s.to} called with wrong number of arguments`, s);
    peTo.params.forEach((d, i) => {
      const a = singleAssign(d.name, s.args[i]);
      a.line = s.line;
      a.col = s.col;
      ass.ass.push(a);
    });
    if (peTo.params.length > 0) {
      const first = peTo.params[0].origin;
      const last = peTo.params[peTo.params.length - 1].origin;
      if (first && last) ass.origin = { begin: first.begin, end: last.end };
    }
    const out: Node[] = [ass];
    out.push(...this.initLocals(peTo.decls, s));
    out.push(updatePC(peTo.iPC as string));
    return out;
  }

  private callGoto(s: CallGoto): Node[] {
    const call: Call = {
      ...base(),
      kind: 'call',
      to: s.to,
      args: s.args,
      line: s.line,
      col: s.col,
      origin: s.origin,
      returnTo: '',
    };
    return this.call(call, s.after);
  }
}

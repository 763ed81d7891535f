/**
 * Names in an algorithm: its variables, labels, procedures and processes, each with the context
 * it is declared in, and the renaming pcal.trans does when two of them clash (a label `a` in two
 * processes becomes `a_` + a piece of the process name), written as comments at the top of the
 * translation (`\* Label a of process P at line 5 col 3 changed to a_`). Then every name in the
 * AST is replaced by its new name.
 */
import type {
  Algorithm,
  LabeledStmt,
  Multiprocess,
  Node,
  Procedure,
  Process,
  PVarDecl,
  VarDecl,
} from './ast';
import { PlusCalError } from './errors';
import { Expr, tok } from './expr';

export const GLOBAL = 0;
export const LABEL = 1;
export const PROCEDURE = 2;
export const PROCESS = 3;
export const PROCESSVAR = 4;
export const PROCEDUREVAR = 5;
export const PARAMETER = 6;

const TYPE_NAMES = [
  'Global variable',
  'Label',
  'Procedure',
  'Process',
  'Process variable',
  'Procedure variable',
  'Parameter',
];

interface Entry {
  type: number;
  id: string;
  context: string;
  cType: string;
  line: number;
  col: number;
  useThis: string;
}

export interface ProcedureEntry {
  name: string;
  params: PVarDecl[];
  decls: PVarDecl[];
  /** The label the procedure starts at. */
  iPC: string | null;
  ast: Procedure;
}

export interface ProcessEntry {
  name: string;
  isEq: boolean;
  id: Expr;
  decls: VarDecl[];
  iPC: string | null;
  ast: Process;
}

const isVar = (t: number): boolean =>
  t === GLOBAL || t === PROCESSVAR || t === PROCEDUREVAR || t === PARAMETER;

export class SymbolTable {
  readonly entries: Entry[] = [];
  readonly procs: ProcedureEntry[] = [];
  readonly processes: ProcessEntry[] = [];
  readonly renamings: string[] = [];
  /** The label a uniprocess algorithm starts at. */
  iPC: string | null = null;
  private errors = '';

  constructor(ast: Algorithm) {
    this.insert(GLOBAL, 'pc', '', '', 0, 0);
    if (ast.kind === 'uniprocess') {
      if (ast.prcds.length > 0) this.insert(GLOBAL, 'stack', '', '', 0, 0);
      for (const d of ast.decls) this.varDecl(d, '');
      for (const p of ast.prcds) this.procedure(p);
      if (ast.body.length > 0) this.iPC = (ast.body[0] as LabeledStmt).label;
      for (const ls of ast.body) this.labeled(ls as LabeledStmt, '', '');
    } else {
      if (ast.prcds.length > 0) this.insert(GLOBAL, 'stack', '', '', 0, 0);
      for (const d of ast.decls) this.varDecl(d, '');
      for (const p of ast.prcds) this.procedure(p);
      for (const p of ast.procs) this.process(p);
    }
    if (this.errors.length > 0) throw new PlusCalError(this.errors);
  }

  /** Adds a symbol; false if it clashes with one declared before. */
  private insert(
    type: number,
    id: string,
    context: string,
    cType: string,
    line: number,
    col: number,
  ): boolean {
    if (type === PROCEDUREVAR || type === PROCESSVAR || type === PARAMETER) {
      if (this.find(GLOBAL, id, '') < this.entries.length) return false;
      if (this.findAny(id, context) < this.entries.length) return false;
    } else if (this.find(type, id, context) < this.entries.length) return false;
    this.entries.push({ type, id, context, cType, line, col, useThis: id });
    return true;
  }

  find(type: number, id: string, context: string): number {
    const i = this.entries.findIndex(
      (e) => e.id === id && e.context === context && e.type === type,
    );
    return i < 0 ? this.entries.length : i;
  }

  private findAny(id: string, context: string): number {
    const i = this.entries.findIndex((e) => e.id === id && e.context === context);
    return i < 0 ? this.entries.length : i;
  }

  findProc(name: string): number {
    const i = this.procs.findIndex((p) => p.name === name);
    return i < 0 ? this.procs.length : i;
  }

  findProcess(name: string): number {
    const i = this.processes.findIndex((p) => p.name === name);
    return i < 0 ? this.processes.length : i;
  }

  /** The new name of symbol (type, id, context); `id` if there is none. */
  useThis(type: number, id: string, context: string): string {
    const i = this.find(type, id, context);
    return i === this.entries.length ? id : this.entries[i].useThis;
  }

  /** The new name of a variable used in `context`. */
  useThisVar(id: string, context: string): string {
    const i = this.findAny(id, context);
    if (i === this.entries.length) return id;
    const e = this.entries[i];
    return isVar(e.type) ? e.useThis : id;
  }

  private procedure(p: Procedure): void {
    if (this.findProc(p.name) < this.procs.length)
      this.errors += `\nProcedure ${p.name} redefined at line ${p.line}, column ${p.col}`;
    else {
      const first = p.body[0] as LabeledStmt | undefined;
      this.procs.push({
        name: p.name,
        params: p.params,
        decls: p.decls,
        iPC: first ? first.label : null,
        ast: p,
      });
    }
    this.insert(PROCEDURE, p.name, '', 'procedure', p.line, p.col);
    for (const d of p.decls)
      if (!this.insert(PROCEDUREVAR, d.name, p.name, 'procedure', d.line, d.col))
        this.errors += `\nProcedure variable ${d.name} redefined at line ${d.line}, column ${d.col}`;
    for (const d of p.params)
      if (!this.insert(PARAMETER, d.name, p.name, 'procedure', d.line, d.col))
        this.errors += `\nParameter ${d.name} redefined at line ${d.line}, column ${d.col}`;
    for (const ls of p.body) this.labeled(ls as LabeledStmt, p.name, 'procedure');
  }

  private process(p: Process): void {
    if (this.findProcess(p.name) < this.processes.length)
      this.errors += `\nProcess ${p.name} redefined at line ${p.line}, column ${p.col}`;
    else {
      const first = p.body[0] as LabeledStmt | undefined;
      this.processes.push({
        name: p.name,
        isEq: p.isEq,
        id: p.id,
        decls: p.decls,
        iPC: first ? first.label : null,
        ast: p,
      });
    }
    this.insert(PROCESS, p.name, '', 'process', p.line, p.col);
    for (const d of p.decls) this.varDecl(d, p.name);
    for (const ls of p.body) this.labeled(ls as LabeledStmt, p.name, 'process');
  }

  private varDecl(d: VarDecl, context: string): void {
    const type = context === '' ? GLOBAL : PROCESSVAR;
    if (!this.insert(type, d.name, context, 'process', d.line, d.col))
      this.errors += `\n${TYPE_NAMES[type]} ${d.name} redefined at line ${d.line}, column ${d.col}`;
  }

  private labeled(ls: LabeledStmt, context: string, cType: string): void {
    if (!this.insert(LABEL, ls.label, context, cType, ls.line, ls.col))
      this.errors += `\nLabel ${ls.label} redefined at line ${ls.line}, column ${ls.col}`;
    for (const s of ls.stmts) this.stmt(s, context, cType);
  }

  private stmt(s: Node, context: string, cType: string): void {
    switch (s.kind) {
      case 'while':
        for (const x of s.unlabDo) this.stmt(x, context, cType);
        for (const x of s.labDo) this.labeled(x, context, cType);
        return;
      case 'if':
        for (const x of s.then) this.stmt(x, context, cType);
        for (const x of s.else) this.stmt(x, context, cType);
        return;
      case 'with':
        for (const x of s.do) this.stmt(x, context, cType);
        return;
      case 'labelIf':
        for (const x of s.unlabThen) this.stmt(x, context, cType);
        for (const x of s.labThen) this.labeled(x, context, cType);
        for (const x of s.unlabElse) this.stmt(x, context, cType);
        for (const x of s.labElse) this.labeled(x, context, cType);
        return;
      case 'either':
        for (const or of s.ors) for (const x of or) this.stmt(x, context, cType);
        return;
      case 'labelEither':
        for (const c of s.clauses) {
          for (const x of c.unlabOr) this.stmt(x, context, cType);
          for (const x of c.labOr) this.labeled(x, context, cType);
        }
        return;
      default:
    }
  }

  private ambiguous(name: string): boolean {
    let found = false;
    for (const e of this.entries) {
      if (e.useThis === name) {
        if (found) return true;
        found = true;
      }
    }
    return false;
  }

  /**
   * Renames clashing symbols: by type (variables first, unchanged), each clashing name gets `_`
   * and then the characters of its context, then the type's number, until it is unique.
   */
  disambiguate(): void {
    for (let vtype = 0; vtype <= 7; vtype++)
      for (const e of this.entries) {
        if (e.type !== vtype) continue;
        e.useThis = e.id;
        let suffix = 0;
        while (vtype > 0 && this.ambiguous(e.useThis)) {
          suffix++;
          if (suffix === 1) e.useThis += '_';
          else if (suffix > e.context.length + 1) e.useThis += String(vtype);
          else e.useThis += e.context.charAt(suffix - 2);
        }
        if (e.id !== e.useThis)
          this.renamings.push(
            `\\* ${TYPE_NAMES[e.type]} ${e.id}` +
              (e.context.length === 0 ? '' : ` of ${e.cType} ${e.context}`) +
              ` at line ${e.line} col ${e.col} changed to ${e.useThis}`,
          );
      }
  }

  /** pcal.trans refuses `defaultInitValue` as a name when it declares that constant. */
  checkForDefaultInitValue(): void {
    let errors = '';
    for (const e of this.entries)
      if (e.id === 'defaultInitValue') {
        errors += errors === '' ? "Cannot use `defaultInitValue' as " : ' or ';
        errors += `${TYPE_NAMES[e.type]} name`;
      }
    if (errors !== '') throw new PlusCalError(errors);
  }
}

/**
 * Replaces every name in the AST by its new name, and completes each procedure's and process's
 * list of the procedures it calls (directly or not: their fairness covers those procedures).
 * Returns the error pcal.trans reports and goes on after, if any.
 */
export function fixIds(ast: Algorithm, st: SymbolTable): string | null {
  const fixer = new Fixer(st);
  const reported = ast.kind === 'uniprocess' ? fixer.uniprocess(ast) : fixer.multiprocess(ast);
  if (st.iPC !== null) st.iPC = st.useThis(LABEL, st.iPC, '');
  return reported;
}

class Fixer {
  constructor(private readonly st: SymbolTable) {}

  uniprocess(ast: Algorithm & { kind: 'uniprocess' }): null {
    for (const d of ast.decls) this.varDecl(d, '');
    for (const p of ast.prcds) this.procedure(p);
    for (const ls of ast.body) this.labeled(ls as LabeledStmt, '');
    return null;
  }

  multiprocess(ast: Multiprocess): string | null {
    for (const d of ast.decls) this.varDecl(d, '');
    const names: string[] = [];
    const called: string[][] = [];
    for (const p of ast.prcds) {
      this.procedure(p);
      names.push(p.name);
      called.push(p.proceduresCalled);
    }
    // Transitive closure of the call graph (Floyd-Warshall).
    const n = names.length;
    const path = names.map((_, i) => names.map((nm) => called[i].includes(nm)));
    for (let k = 0; k < n; k++)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) path[i][j] ||= path[i][k] && path[k][j];
    ast.prcds.forEach((p, i) => {
      p.proceduresCalled = names.filter((_, j) => path[i][j]);
    });
    for (const proc of ast.procs) {
      this.process(proc);
      const pCalled = proc.proceduresCalled;
      for (let j = 0; j < pCalled.length; j++) {
        const num = names.indexOf(pCalled[j]);
        if (num === -1) return `Could not find procedure name \`${pCalled[j]}'`;
        for (let k = 0; k < n; k++)
          if (path[num][k] && !proc.proceduresCalled.includes(names[k]))
            proc.proceduresCalled.push(names[k]);
      }
    }
    return null;
  }

  private procedure(p: Procedure): void {
    for (const d of p.decls) this.pvarDecl(d, p.name);
    for (const d of p.params) this.pvarDecl(d, p.name);
    for (const ls of p.body) this.labeled(ls as LabeledStmt, p.name);
    const entry = this.st.procs[this.st.findProc(p.name)];
    p.plusLabels = p.plusLabels.map((l) => this.st.useThis(LABEL, l, p.name));
    p.minusLabels = p.minusLabels.map((l) => this.st.useThis(LABEL, l, p.name));
    entry.iPC = this.st.useThis(LABEL, entry.iPC as string, p.name);
    p.name = this.st.useThis(PROCEDURE, p.name, '');
    entry.name = p.name;
  }

  private process(p: Process): void {
    for (const d of p.decls) this.varDecl(d, p.name);
    for (const ls of p.body) this.labeled(ls as LabeledStmt, p.name);
    const entry = this.st.processes[this.st.findProcess(p.name)];
    p.plusLabels = p.plusLabels.map((l) => this.st.useThis(LABEL, l, p.name));
    p.minusLabels = p.minusLabels.map((l) => this.st.useThis(LABEL, l, p.name));
    entry.iPC = this.st.useThis(LABEL, entry.iPC as string, p.name);
    p.name = this.st.useThis(PROCESS, p.name, '');
    entry.name = p.name;
  }

  private varDecl(d: VarDecl, context: string): void {
    d.name = this.st.useThisVar(d.name, context);
    this.expr(d.val, context);
  }

  private pvarDecl(d: PVarDecl, context: string): void {
    d.name = this.st.useThisVar(d.name, context);
    this.expr(d.val, context);
  }

  private labeled(ls: LabeledStmt, context: string): void {
    ls.label = this.st.useThis(LABEL, ls.label, context);
    for (const s of ls.stmts) this.stmt(s, context);
  }

  private stmt(s: Node, context: string): void {
    const st = this.st;
    switch (s.kind) {
      case 'while':
        for (const x of s.unlabDo) this.stmt(x, context);
        for (const x of s.labDo) this.labeled(x, context);
        this.expr(s.test, context);
        return;
      case 'assign':
        for (const a of s.ass) {
          a.lhs.name = st.useThisVar(a.lhs.name, context);
          this.expr(a.lhs.sub, context);
          this.expr(a.rhs, context);
        }
        return;
      case 'if':
        for (const x of s.then) this.stmt(x, context);
        for (const x of s.else) this.stmt(x, context);
        this.expr(s.test, context);
        return;
      case 'with':
        this.expr(s.exp, context);
        for (const x of s.do) this.stmt(x, context);
        return;
      case 'when':
      case 'print':
      case 'assert':
        this.expr(s.exp, context);
        return;
      case 'skip':
        return;
      case 'labelIf':
        this.expr(s.test, context);
        for (const x of s.unlabThen) this.stmt(x, context);
        for (const x of s.labThen) this.labeled(x, context);
        for (const x of s.unlabElse) this.stmt(x, context);
        for (const x of s.labElse) this.labeled(x, context);
        return;
      case 'call':
        s.returnTo = st.useThis(PROCEDURE, s.returnTo, context);
        s.to = st.useThis(PROCEDURE, s.to, context);
        for (const a of s.args) this.expr(a, context);
        return;
      case 'return':
        s.from = st.useThis(PROCEDURE, s.from as string, context);
        return;
      case 'callReturn':
        s.from = st.useThis(PROCEDURE, s.from as string, context);
        s.to = st.useThis(PROCEDURE, s.to, context);
        for (const a of s.args) this.expr(a, context);
        return;
      case 'callGoto':
        s.after = st.useThis(PROCEDURE, s.after, context);
        s.to = st.useThis(PROCEDURE, s.to, context);
        for (const a of s.args) this.expr(a, context);
        return;
      case 'goto':
        if (st.find(LABEL, s.to, context) === st.entries.length && s.to !== 'Done')
          throw new PlusCalError(
            `goto to non-existent label \`${s.to}' at line ${s.line}, column ${s.col}`,
          );
        s.to = st.useThis(LABEL, s.to, context);
        return;
      case 'either':
        for (const or of s.ors) for (const x of or) this.stmt(x, context);
        return;
      case 'labelEither':
        for (const c of s.clauses) {
          for (const x of c.unlabOr) this.stmt(x, context);
          for (const x of c.labOr) this.labeled(x, context);
        }
        return;
      default:
    }
  }

  /** Renames the identifiers of an expression (record fields and strings excepted). */
  private expr(e: Expr, context: string): void {
    const exprs: Expr[] = [];
    const names: string[] = [];
    for (const line of e.lines)
      for (const t of line) {
        if (t.type !== 'ident') continue;
        const use = this.st.useThisVar(t.str, context);
        if (names.includes(t.str) || use === t.str) continue;
        names.push(t.str);
        const x = new Expr([[tok(use, 0, 'ident')]]);
        x.normalize();
        exprs.push(x);
      }
    if (exprs.length > 0) e.substituteAll(exprs, names, false);
  }
}

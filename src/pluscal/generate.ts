/**
 * Writing the TLA+ translation of an exploded algorithm, line by line, with pcal.trans's layout:
 * `VARIABLES`, the `define` block, `vars`, `ProcSet`, `Init`, one action per label (`pc` test,
 * the statements as conjuncts, primes on variables already assigned in the step, `[self]`
 * subscripts in a process set, `UNCHANGED` for the rest), one definition per procedure and
 * process, `Terminating`, `Next`, `Spec` with its fairness, `Termination`.
 */
import type {
  Algorithm,
  LabeledStmt,
  Multiprocess,
  Procedure,
  Process,
  PVarDecl,
  Uniprocess,
  VarDecl,
} from './ast';
import { UNFAIR, WF } from './ast';
import { PlusCalError } from './errors';
import { Expr, tok, type Tok } from './expr';
import type { TranslatorOptions } from './options';
import { PROCEDURE, type SymbolTable } from './symtab';
import {
  Changed,
  FormulaPair,
  ProcessFairness,
  emptyExpr,
  javaSplitLines,
  minusGuard,
  needsParentheses,
  selfExpr,
  spaces,
  subscript,
} from './generate-support';
import { type GeneratorInfo, StatementGenerator } from './generate-statements';

export type { GeneratorInfo };

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

class Generator extends StatementGenerator {
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
  protected disjunction(name: string, arg: string, labels: readonly LabeledStmt[]): void {
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

  protected procedure(p: Procedure): void {
    if (this.mp) {
      this.self = selfExpr();
      this.selfIsSelf = true;
    } else this.nextStep.push(p.name);
    for (const ls of p.body) this.labeledStmt(ls as LabeledStmt, 'procedure');
    this.disjunction(p.name, this.mp ? '(self)' : '', p.body as LabeledStmt[]);
  }

  protected process(p: Process): void {
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

  // ---- declarations -------------------------------------------------------------------------

  protected varsAndDefs(
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

  protected varDecl(vars: string[]): void {
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

  protected procSet(): void {
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
  protected varDeclConjunct(d: VarDecl | PVarDecl, isEq: boolean, is: string): void {
    this.add(is + '/\\ ');
    this.add(d.name + (isEq ? ' = ' : ' \\in '));
    const paren = needsParentheses(d.val.toLines());
    if (paren) this.add('(');
    this.addExpr(d.val);
    if (paren) this.add(')');
    this.endLine();
  }

  protected init(globals: VarDecl[], procs: Procedure[], processes: Process[] | null): void {
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

  protected get hasTerminating(): boolean {
    return !(this.opts.noDoneDisjunct || this.info.omitStutteringWhenDone);
  }

  protected next(): void {
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

  protected spec(): void {
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

  protected termination(): void {
    if (this.info.omitPC || this.info.omitStutteringWhenDone) return;
    this.addLine(
      'Termination == <>(' + (this.mp ? '\\A self \\in ProcSet: pc[self]' : 'pc') + ' = "Done")',
    );
    this.addLine('');
  }
}

export const _internals = { needsParentheses, Changed, spaces };
export type { Tok };

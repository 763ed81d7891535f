/**
 * The PlusCal parser's label passes (see parse.ts): add the labels the label rules require (or
 * report the first one missing), group statements into labeled statements and check where labels
 * may stand; and expand macro calls.
 */
import {
  base,
  location,
  type If,
  type LabeledStmt,
  type LabelEither,
  type LabelIf,
  type Macro,
  type MacroCall,
  type Node,
  type Either,
} from './ast';
import { PlusCalBug, PlusCalError } from './errors';
import {
  TokenParser,
  copyInto,
  disjoint,
  lastOf,
  nodeBegin,
  nodeEnd,
  positioned,
  union,
} from './parse-tokens';
import { substituteInStmtSeq } from './parse-substitute';

export abstract class LabelPasses extends TokenParser {
  // ---- labels -------------------------------------------------------------------------------

  protected addLabels(seq: Node[]): void {
    this.innerAddLabels(seq, true, false, [], []);
  }

  /**
   * Adds the labels the rules require to `seq`; `inAssigned` are the variables already assigned
   * in the current step, `out` receives those assigned when `seq` ends. Returns whether `seq`
   * contains a label (typed or added) or ends with a statement after which a label is needed.
   */
  protected innerAddLabels(
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

  protected needsLabel(stmt: Node): void {
    if (stmt.lbl !== '') return;
    let lbl = this.opts.labelRoot + this.nextLabelNum++;
    while (this.allLabels.has(lbl)) lbl = this.opts.labelRoot + this.nextLabelNum++;
    stmt.lbl = lbl;
    this.addedLabels.push({ label: lbl, at: location(stmt) });
  }

  // ---- labeled statements -------------------------------------------------------------------

  protected makeLabeledStmtSeq(seq: Node[]): LabeledStmt[] {
    const result = this.innerMakeLabeledStmtSeq(seq);
    this.checkLabeledStmtSeq(result);
    return result;
  }

  protected innerMakeLabeledStmtSeq(seq: Node[]): LabeledStmt[] {
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
  protected fixStmtSeq(seq: Node[]): void {
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

  protected checkLabeledStmtSeq(seq: LabeledStmt[]): void {
    for (const ls of seq) this.classify(ls.stmts);
  }

  /**
   * 0: no call, return, goto or label inside; 1: ends with a call, return or goto; 2: contains a
   * label. Turns unlabeled `labelIf`/`labelEither` into `if`/`either`.
   */
  protected classify(seq: Node[]): number {
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

  protected classifyIf(n: LabelIf): number {
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

  protected classifyEither(n: LabelEither): number {
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

  protected checkForDuplicateMacros(macros: Macro[]): void {
    for (let i = 0; i < macros.length; i++)
      for (let j = i + 1; j < macros.length; j++)
        if (macros[i].name === macros[j].name)
          throw new PlusCalError(`Multiple definitions of macro name \`${macros[i].name}'`);
  }

  protected expandMacros(seq: Node[], macros: Macro[]): void {
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

  protected expandMacroCall(call: MacroCall, macros: Macro[]): Node[] {
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

/**
 * The AST written as a TLA+ record, in exactly the layout pcal.trans gives it: the algorithm's
 * checksum (`chksum(pcal)` in the BEGIN TRANSLATION line) is the CRC-32 of this text, taken after
 * the translation (whose explode phase has grown some shared statement lists), so a translation
 * we write carries the checksum pcal.trans writes, and a module's recorded checksum tells whether
 * the algorithm changed since its translation.
 *
 * Layout: a stack of indentation columns; a nested field pushes the current column plus the width
 * of its opening text, and a line break indents to the top of the stack.
 */
import type { Node } from './ast';
import type { Expr } from './expr';

const FAIRNESS = ['unfair', 'wf', 'sf'];

export function astText(root: Node, preV15 = false): string {
  const stack: number[] = [0];
  let depth = 0;
  const open = (s: string): string => {
    stack[depth + 1] = stack[depth] + s.length;
    depth++;
    return s;
  };
  const close = (): string => {
    depth--;
    return '';
  };
  const nl = (): string => '\n' + ' '.repeat(stack[depth]);
  const eqOrIn = (isEq: boolean): string => (isEq ? '"="' : '"\\\\in"');
  const ex = (e: Expr): string => e.toAstString();

  const seq = (items: readonly (Node | Expr)[] | null): string => {
    if (items === null) return 'null';
    let r = open('<<');
    items.forEach((item, i) => {
      if (i > 0) r += ', ' + nl();
      r += 'kind' in item ? node(item) : ex(item);
    });
    r += '>>';
    return r + close();
  };
  const quoted = (items: readonly string[]): string => {
    let r = open('<<');
    items.forEach((s, i) => {
      if (i > 0) r += ', ';
      r += `"${s}"`;
    });
    r += '>>';
    return r + close();
  };
  const seqOfSeqs = (items: readonly Node[][]): string => {
    let r = open('<< ');
    items.forEach((s, i) => {
      if (i > 0) r += ', ' + nl();
      r += seq(s);
    });
    r += ' >>';
    return r + close();
  };

  /** A record: each part is text, or a function called in order (they move the indentation). */
  const cat = (...parts: (string | (() => string))[]): string => {
    let r = '';
    for (const p of parts) r += typeof p === 'string' ? p : p();
    return r;
  };

  function node(n: Node): string {
    switch (n.kind) {
      case 'uniprocess':
        return cat(
          () => open(''),
          '[type     |-> "uniprocess", ',
          nl,
          ` name  |-> "${n.name}", `,
          nl,
          () => open(' decls  |-> '),
          () => seq(n.decls),
          ',',
          close,
          nl,
          () => open(' defs   |-> '),
          () => ex(n.defs),
          ',',
          close,
          nl,
          () => open(' prcds  |-> '),
          () => seq(n.prcds),
          ',',
          close,
          nl,
          () => open(' body  |-> '),
          () => seq(n.body),
          ']',
          close,
          close,
        );
      case 'multiprocess':
        return cat(
          () => open(''),
          '[type    |-> "multiprocess", ',
          nl,
          ` name  |-> "${n.name}", `,
          nl,
          () => open(' decls |-> '),
          () => seq(n.decls),
          ',',
          close,
          nl,
          () => open(' defs  |-> '),
          () => ex(n.defs),
          ',',
          close,
          nl,
          () => open(' prcds |-> '),
          () => seq(n.prcds),
          ',',
          close,
          nl,
          () => open(' procs |-> '),
          () => seq(n.procs),
          ']',
          close,
          close,
        );
      case 'procedure':
        if (preV15)
          return cat(
            () => open(''),
            `[name   |-> "${n.name}", `,
            nl,
            () => open(' params |-> '),
            () => seq(n.params),
            ',',
            close,
            nl,
            () => open(' decls  |-> '),
            () => seq(n.decls),
            ',',
            close,
            nl,
            () => open(' body   |-> '),
            () => seq(n.body),
            ']',
            close,
            close,
          );
        return cat(
          () => open(''),
          `[name   |-> "${n.name}", `,
          nl,
          'minusLabels |-> ',
          () => quoted(n.minusLabels),
          ', plusLabels |->',
          () => quoted(n.plusLabels),
          ', proceduresCalled |->',
          () => quoted(n.proceduresCalled),
          ',',
          nl,
          () => open(' params |-> '),
          () => seq(n.params),
          ',',
          close,
          nl,
          () => open(' decls  |-> '),
          () => seq(n.decls),
          ',',
          close,
          nl,
          () => open(' body   |-> '),
          () => seq(n.body),
          ']',
          close,
          close,
        );
      case 'process':
        if (preV15)
          return cat(
            () => open(''),
            `[name   |-> "${n.name}", `,
            nl,
            ` eqOrIn |-> ${eqOrIn(n.isEq)},`,
            nl,
            ' id     |-> ',
            () => ex(n.id),
            ',',
            nl,
            () => open(' decls  |-> '),
            () => seq(n.decls),
            ',',
            close,
            nl,
            () => open(' body   |-> '),
            () => seq(n.body),
            ']',
            close,
            close,
          );
        return cat(
          () => open(''),
          `[name   |-> "${n.name}",`,
          nl,
          ` fairness |-> "${FAIRNESS[n.fairness]}", minusLabels |-> `,
          () => quoted(n.minusLabels),
          ', plusLabels |->',
          () => quoted(n.plusLabels),
          ', proceduresCalled |->',
          () => quoted(n.proceduresCalled),
          ',',
          nl,
          ` eqOrIn |-> ${eqOrIn(n.isEq)},`,
          nl,
          ' id     |-> ',
          () => ex(n.id),
          ',',
          nl,
          () => open(' decls  |-> '),
          () => seq(n.decls),
          ',',
          close,
          nl,
          () => open(' body   |-> '),
          () => seq(n.body),
          ']',
          close,
          close,
        );
      case 'varDecl':
        return cat(
          () => open(''),
          `[var |-> "${n.name}", eqOrIn |-> ${eqOrIn(n.isEq)}, val |-> `,
          () => ex(n.val),
          ']',
          close,
        );
      case 'pvarDecl':
        return cat(
          () => open(''),
          `[var |-> "${n.name}", eqOrIn |-> "=", val |-> `,
          () => ex(n.val),
          ']',
          close,
        );
      case 'labeledStmt':
        return cat(
          () => open(''),
          `[label |-> "${n.label}",`,
          nl,
          () => open(' stmts |-> '),
          () => seq(n.stmts),
          ']',
          close,
          close,
        );
      case 'while':
        return cat(
          () => open(''),
          '[type    |-> "while", ',
          nl,
          ' test    |-> ',
          () => ex(n.test),
          ',',
          nl,
          () => open(' labDo   |-> '),
          () => seq(n.labDo),
          ',',
          close,
          nl,
          () => open(' unlabDo |-> '),
          () => seq(n.unlabDo),
          ']',
          close,
          close,
        );
      case 'assign':
        return cat(
          () => open(''),
          '[type |-> "assignment",',
          nl,
          () => open(' ass  |-> '),
          () => seq(n.ass),
          ']',
          close,
          close,
        );
      case 'singleAssign':
        return cat(
          () => open(''),
          '[lhs |-> ',
          () => node(n.lhs),
          ',',
          nl,
          ' rhs |-> ',
          () => ex(n.rhs),
          ']',
          close,
        );
      case 'lhs':
        return cat(`[var |-> "${n.name}", sub |-> `, () => ex(n.sub), ']');
      case 'if':
        return cat(
          () => open(''),
          '[type    |-> "if", ',
          nl,
          ' test    |-> ',
          () => ex(n.test),
          ',',
          nl,
          () => open(' then |-> '),
          () => seq(n.then),
          ',',
          close,
          nl,
          () => open(' else |-> '),
          () => seq(n.else),
          ']',
          close,
          close,
        );
      case 'either':
        return cat(
          () => open(''),
          '[type |-> "either", ',
          nl,
          () => open(' ors  |-> '),
          () => seqOfSeqs(n.ors),
          ']',
          close,
          close,
        );
      case 'with':
        return cat(
          () => open(''),
          '[type   |-> "with", ',
          nl,
          ` var    |-> "${n.name}",`,
          nl,
          ` eqOrIn |-> ${eqOrIn(n.isEq)},`,
          nl,
          ' exp    |-> ',
          () => ex(n.exp),
          ',',
          nl,
          () => open(' do     |-> '),
          () => seq(n.do),
          ']',
          close,
          close,
        );
      case 'when':
      case 'print':
      case 'assert':
        return cat(
          () => open(''),
          `[type |-> "${n.kind}", `,
          nl,
          ' exp |-> ',
          () => ex(n.exp),
          ']',
          close,
        );
      case 'skip':
        return '[type |-> "skip"]';
      case 'labelIf':
        return cat(
          () => open(''),
          '[type      |-> "labelIf",',
          nl,
          ' test      |-> ',
          () => ex(n.test),
          ',',
          nl,
          () => open(' unlabThen |-> '),
          () => seq(n.unlabThen),
          ',',
          close,
          nl,
          () => open(' labThen   |-> '),
          () => seq(n.labThen),
          ',',
          close,
          nl,
          () => open(' unlabElse |-> '),
          () => seq(n.unlabElse),
          ',',
          close,
          nl,
          () => open(' labElse   |-> '),
          () => seq(n.labElse),
          ']',
          close,
          nl,
          close,
        );
      case 'labelEither':
        return cat(
          () => open(''),
          '[type    |-> "labelEither",',
          nl,
          () => open(' clauses |-> '),
          () => seq(n.clauses),
          ']',
          close,
          nl,
          close,
        );
      case 'clause':
        return cat(
          () => open(''),
          () => open('[unlabOr |-> '),
          () => seq(n.unlabOr),
          ',',
          close,
          nl,
          () => open(' labOr   |-> '),
          () => seq(n.labOr),
          ']',
          close,
          nl,
          close,
        );
      case 'call':
        return cat(
          () => open(''),
          '[type     |-> "call",',
          nl,
          ` returnTo |-> "${n.returnTo}",`,
          nl,
          ` to       |-> "${n.to}",`,
          nl,
          () => open(' args     |-> '),
          () => seq(n.args),
          ']',
          close,
          close,
        );
      case 'return':
        return `[type |-> "return", from |-> "${n.from ?? 'null'}"]`;
      case 'callReturn':
        return cat(
          () => open(''),
          '[type     |-> "callReturn",',
          nl,
          ` from     |-> "${n.from ?? 'null'}",`,
          nl,
          ` to       |-> "${n.to}",`,
          nl,
          () => open('args     |-> '),
          () => seq(n.args),
          ']',
          nl,
          close,
          close,
        );
      case 'callGoto':
        return cat(
          () => open(''),
          '[type     |-> "callGoto",',
          nl,
          ` after    |-> "${n.after}",`,
          nl,
          ` to       |-> "${n.to}",`,
          nl,
          () => open('args     |-> '),
          () => seq(n.args),
          ']',
          nl,
          close,
          close,
        );
      case 'goto':
        return `[type |-> "goto",  to |-> "${n.to}"]`;
      case 'macroCall':
        return cat(
          () => open(''),
          '[type |-> "macrocall",',
          nl,
          ` name |-> "${n.name}",`,
          nl,
          () => open(' args     |-> '),
          () => seq(n.args),
          ']',
          close,
          close,
        );
      case 'macro':
        return cat(
          () => open(''),
          `[name   |-> "${n.name}", `,
          nl,
          () => open(' params |-> '),
          () => quotedParams(n.params),
          ',',
          close,
          nl,
          () => open(' body   |-> '),
          () => seq(n.body),
          ']',
          close,
          close,
        );
    }
  }

  /** Macro parameters print as themselves (never reached: the macros field is not printed). */
  const quotedParams = (params: readonly string[]): string => {
    let r = open('<<');
    params.forEach((p, i) => {
      if (i > 0) r += ', ' + nl();
      r += p;
    });
    r += '>>';
    return r + close();
  };

  return node(root);
}

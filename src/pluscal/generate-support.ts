/**
 * The layout helpers of the PlusCal translation's writer (generate.ts): which variables a step
 * has assigned (`UNCHANGED` for the rest), where pcal.trans puts parentheses, `[self]`
 * subscripts, Java's string order and line splitting, and the fairness formulas of a process.
 */
import type { Node, SingleAssign } from './ast';
import { location } from './ast';
import { PlusCalError } from './errors';
import { Expr, tok } from './expr';

/** Which variables a step has assigned so far (in the order of `vars`). */
export class Changed {
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

export function spaces(n: number): string {
  return n > 0 ? ' '.repeat(n) : '';
}

export function emptyExpr(e: Expr | null): boolean {
  return e === null || e.lines.length === 0;
}

/**
 * Whether an expression may need parentheses to the right of `=`. As pcal.trans: only the first
 * line is scanned, once per line of the expression, the state carried over.
 */
export function needsParentheses(lines: readonly string[]): boolean {
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

export function selfExpr(): Expr {
  const e = new Expr([[tok('self', 0, 'ident')]]);
  e.normalize();
  return e;
}

/** `[sub]`, for subscripting a variable. */
export function subscript(sub: Expr | null): Expr | null {
  if (sub === null) return null;
  const e = sub.clone();
  for (const line of e.lines) for (const t of line) t.col += 1;
  e.lines[0].unshift(tok('[', 0, 'builtin'));
  e.addTokenOffset(tok(']', 0, 'builtin'), 0);
  return e;
}

/** Java's String.split("\n"): trailing empty pieces are dropped. */
export function javaSplitLines(s: string): string[] {
  const parts = s.split('\n');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

export function minusGuard(minus: readonly string[], qSelf: string): string {
  if (minus.length === 0) return '';
  if (minus.length === 1) return `(pc[${qSelf}] # "${minus[0]}") /\\ `;
  return `(pc[${qSelf}] \\notin {"${minus.join('", "')}"}) /\\ `;
}

export function positioned(msg: string, n: Node): PlusCalError {
  if (n.line === 0) return new PlusCalError(msg);
  return new PlusCalError(`${msg}\n    at ${location(n)}`);
}

/** Assignments ordered by variable name (a stable selection sort, as pcal.trans). */
export function sortAssignments(list: SingleAssign[]): SingleAssign[] {
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
export function compareJava(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export class FormulaPair {
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
export class ProcessFairness {
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

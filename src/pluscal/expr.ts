/**
 * A TLA+ expression as the PlusCal translator handles it: not a syntax tree but lines of tokens
 * with their columns, so that the translation keeps the layout the user gave a multi-line
 * expression (`/\` lists stay aligned) while the translator substitutes macro arguments, renames
 * identifiers and adds primes and `[self]` subscripts.
 *
 * Layout rule (pcal.trans's): each line after the first may have an ANCHOR, the right-most token
 * at or left of the line's first column on the closest line above that starts at or left of it.
 * After tokens are inserted, a line moves right by as much as its anchor moved (`renormalize`).
 */
import { PlusCalBug, PlusCalError } from './errors';

export type TokType = 'builtin' | 'number' | 'string' | 'ident' | 'added';

/** A 0-based position in the (tab-expanded) module text. */
export interface Loc {
  line: number;
  col: number;
}

export interface Region {
  begin: Loc;
  end: Loc;
}

export interface Tok {
  /** The token's text; a string literal without its quotes (escapes kept as written). */
  str: string;
  /** Column within the expression (0 = the expression's left margin once normalized). */
  col: number;
  type: TokType;
  /** Where the token is in the module, for tokens that come from the algorithm. */
  src: Loc | null;
}

export function tok(str: string, col: number, type: TokType, src: Loc | null = null): Tok {
  return { str, col, type, src };
}

/** The columns a token occupies in the text: a string literal's quotes count. */
export function width(t: Tok): number {
  return t.type === 'string' ? t.str.length + 2 : t.str.length;
}

/** A position in an expression: line `line`, token number `item` (both from 0). */
export interface Coord {
  line: number;
  item: number;
}

function spaces(n: number): string {
  return n > 0 ? ' '.repeat(n) : '';
}

export class Expr {
  lines: Tok[][];
  anchors: (Tok | null)[] = [];
  anchorCols: number[] = [];
  /** The region of the algorithm the expression was read from, if any. */
  origin: Region | null = null;

  constructor(lines: Tok[][] = []) {
    this.lines = lines;
  }

  /** One-line expression of the given tokens, `gap` spaces apart. */
  static ofTokens(toks: Tok[], gap: number): Expr {
    let col = 0;
    const line: Tok[] = [];
    for (const t of toks) {
      const copy = { ...t, col };
      line.push(copy);
      col += width(copy) + gap;
    }
    const e = new Expr([line]);
    e.normalize();
    return e;
  }

  static single(str: string, type: TokType): Expr {
    const e = new Expr([[tok(str, 0, type)]]);
    e.normalize();
    return e;
  }

  addLine(): void {
    this.lines.push([]);
  }

  addToken(t: Tok): void {
    this.lines[this.lines.length - 1].push(t);
  }

  /** Appends a token `offset` columns right of the last one on the last line. */
  addTokenOffset(t: Tok, offset: number): void {
    const last = this.lines[this.lines.length - 1];
    let col = offset;
    if (last.length > 0) {
      const prev = last[last.length - 1];
      col += prev.col + prev.str.length;
    }
    t.col = col;
    last.push(t);
  }

  isEmpty(): boolean {
    return this.lines.length === 0;
  }

  isOneToken(): boolean {
    return this.lines.length === 1 && this.lines[0].length === 1;
  }

  tokenCount(): number {
    let n = 0;
    for (const l of this.lines) n += l.length;
    return n;
  }

  firstToken(): Tok {
    return this.lines[0][0];
  }

  lastToken(): Tok {
    const l = this.lines[this.lines.length - 1];
    return l[l.length - 1];
  }

  tokenAt(c: Coord): Tok {
    return this.lines[c.line][c.item];
  }

  /** Drops empty lines at both ends, moves the left margin to 0 and computes the anchors. */
  normalize(): void {
    while (this.lines.length > 0 && this.lines[0].length === 0) this.lines.shift();
    while (this.lines.length > 0 && this.lines[this.lines.length - 1].length === 0)
      this.lines.pop();
    let minCol = 999999;
    for (const l of this.lines) if (l.length > 0 && l[0].col < minCol) minCol = l[0].col;
    for (const l of this.lines) for (const t of l) t.col -= minCol;
    this.anchors = new Array<Tok | null>(this.lines.length).fill(null);
    this.anchorCols = new Array<number>(this.lines.length).fill(0);
    for (let i = 0; i < this.lines.length; i++) {
      const cur = this.lines[i];
      if (cur.length === 0) continue;
      const first = cur[0].col;
      for (let j = i - 1; j >= 0; j--) {
        const above = this.lines[j];
        if (above.length > 0 && above[0].col <= first) {
          let k = 0;
          while (k + 1 < above.length && above[k + 1].col <= first) k++;
          this.anchors[i] = above[k];
          this.anchorCols[i] = above[k].col;
          break;
        }
      }
    }
  }

  /** After insertions: each line moves right as far as its anchor moved. */
  renormalize(): void {
    for (let i = 0; i < this.lines.length; i++) {
      const a = this.anchors[i];
      if (!a) continue;
      const k = a.col - this.anchorCols[i];
      this.anchorCols[i] = a.col;
      if (k < 0) throw new PlusCalError('TLAExpr.renormalize() found anchor has moved to left');
      for (const t of this.lines[i]) t.col += k;
    }
  }

  /** The expression as text, one string per line, the first token at its column. */
  toLines(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.lines.length; i++) {
      let s = '';
      const a = this.anchors[i];
      if (a) s = spaces(a.col - this.anchorCols[i]);
      let last: Tok | null = null;
      for (const t of this.lines[i]) {
        s += last === null ? spaces(t.col) : spaces(t.col - last.col - width(last));
        s += t.type === 'string' ? `"${t.str}"` : t.str;
        last = t;
      }
      out.push(s);
    }
    return out;
  }

  /** A deep copy, normalized (with the same origin). */
  clone(): Expr {
    const e = new Expr(this.lines.map((l) => l.map((t) => ({ ...t }))));
    e.origin = this.origin;
    e.normalize();
    return e;
  }

  /** Puts `e` in front of this expression, `gap` spaces before this expression's first token. */
  prepend(e: Expr, gap: number): void {
    let i = 0;
    while (i < e.lines.length - 1) {
      this.lines.splice(i, 0, e.lines[i]);
      i++;
    }
    const eLine = e.lines[i];
    const thisLine = this.lines[i];
    const lastOfE = eLine[eLine.length - 1];
    const incr = lastOfE.col + width(lastOfE) + gap;
    for (const t of thisLine) t.col += incr;
    thisLine.unshift(...eLine);
    const anchors: (Tok | null)[] = [];
    const cols: number[] = [];
    let j = 0;
    for (; j < e.lines.length; j++) {
      anchors.push(e.anchors[j] ?? null);
      cols.push(e.anchorCols[j] ?? 0);
    }
    for (; j < this.lines.length; j++) {
      anchors.push(this.anchors[j - e.lines.length + 1] ?? null);
      cols.push(this.anchorCols[j - e.lines.length + 1] ?? 0);
    }
    this.anchors = anchors;
    this.anchorCols = cols;
    this.renormalize();
  }

  /** The token `n` tokens after `c`, or null past the end. */
  step(c: Coord, n: number): Coord | null {
    if (c.line >= this.lines.length || c.item >= this.lines[c.line].length)
      throw new PlusCalBug('Expr.step called with a position outside the expression');
    const r = { line: c.line, item: c.item };
    let line = this.lines[r.line];
    for (let i = 0; i < n; i++) {
      r.item++;
      if (r.item === line.length) {
        r.item = 0;
        r.line++;
        while (r.line < this.lines.length && this.lines[r.line].length === 0) r.line++;
        if (r.line === this.lines.length) return null;
        line = this.lines[r.line];
      }
    }
    return r;
  }

  /**
   * The next occurrence of identifier `id` at or after `start`, skipping record field names
   * (`.id`, `[id |->`, `, id :`) and strings.
   */
  findNext(id: string, start: Coord): Coord | null {
    if (this.isEmpty()) return null;
    let r: Coord | null = { line: start.line, item: start.item };
    while (r !== null) {
      const t = this.tokenAt(r);
      if (t.type === 'string') r = this.step(r, 1);
      else if (t.str === '.') r = this.step(r, 2);
      else if (t.str === '[' || t.str === ',') {
        const two = this.step(r, 2);
        const after = two === null ? null : this.tokenAt(two);
        if (
          after !== null &&
          after.type !== 'string' &&
          (after.str === ':' || after.str === '|->' || after.str === '↦')
        )
          r = this.step(r, 3);
        else if (t.str === id) return r;
        else r = this.step(r, 1);
      } else if (t.str === id) return r;
      else r = this.step(r, 1);
    }
    return null;
  }

  /**
   * Replaces the token at `c` by `e` (in parentheses when `paren` and `e` has several tokens) and
   * returns the position of the token after the inserted ones (null at the end).
   */
  substituteAt(e: Expr, c: Coord, paren: boolean): Coord | null {
    const target = this.tokenAt(c);
    if (this.isOneToken()) {
      const copy = e.clone();
      this.lines = copy.lines;
      this.anchors = copy.anchors;
      this.anchorCols = copy.anchorCols;
      return null;
    }
    const tokLine = this.lines[c.line];
    let gap = 0;
    if (c.item + 1 < tokLine.length) {
      const next = tokLine[c.item + 1];
      gap = next.col - (target.col + width(target));
    }
    const rest = tokLine.splice(c.item + 1);
    let curLine = c.line;
    let line = this.lines[curLine];
    if (e.lines.length === 1 && e.lines[0].length === 1) {
      const et = e.lines[0][0];
      target.str = et.str;
      target.type = et.type;
      target.src = et.src;
    } else {
      let indent = (paren ? 1 : 0) + target.col;
      let insertFirst = true;
      if (paren) {
        target.str = '(';
        target.type = 'builtin';
        target.src = null;
        insertFirst = false;
      }
      const ne = e.clone();
      for (let i = 0; i < ne.lines.length;) {
        for (const t of ne.lines[i]) {
          t.col += indent;
          if (insertFirst) {
            target.str = t.str;
            target.type = t.type;
            insertFirst = false;
          } else line.push(t);
        }
        i++;
        if (i < ne.lines.length) {
          indent = 0;
          curLine++;
          this.lines.splice(curLine, 0, []);
          line = this.lines[curLine];
          this.anchors.splice(curLine, 0, ne.anchors[i]);
          this.anchorCols.splice(curLine, 0, ne.anchorCols[i]);
        }
      }
      if (paren) {
        const last = line[line.length - 1];
        line.push(tok(')', last.col + width(last), 'builtin'));
      }
    }
    const result: Coord = { line: curLine, item: line.length - 1 };
    if (rest.length > 0) {
      const prev = line[line.length - 1];
      const shift = prev.col + width(prev) + gap - rest[0].col;
      for (const t of rest) {
        t.col += shift;
        line.push(t);
      }
    }
    this.renormalize();
    return this.step(result, 1);
  }

  /**
   * Substitutes `exprs[i]` for every occurrence of identifier `names[i]`, all at once (a
   * substituted expression is not searched again).
   */
  substituteAll(exprs: Expr[], names: string[], paren = true): void {
    const next: (Coord | null)[] = names.map((n) => this.findNext(n, { line: 0, item: 0 }));
    for (;;) {
      let pos: Coord | null = null;
      let idx = -1;
      for (let i = 0; i < next.length; i++) {
        const p = next[i];
        if (p === null) continue;
        if (pos === null || p.line < pos.line || (p.line === pos.line && p.item < pos.item)) {
          pos = p;
          idx = i;
        }
      }
      if (pos === null) return;
      const after = this.step(pos, 1);
      const newPos = this.substituteAt(exprs[idx], pos, paren);
      next[idx] = newPos === null ? null : this.findNext(names[idx], newPos);
      for (let i = 0; i < next.length; i++) {
        const p = next[i];
        if (i === idx || p === null || newPos === null || after === null) continue;
        if (after.line === newPos.line) {
          if (p.line === pos.line) p.item += newPos.item - after.item;
        } else if (p.line === pos.line) {
          p.line += newPos.line - after.line;
          p.item += newPos.item - after.item;
        } else p.line += newPos.line - after.line;
      }
    }
  }

  /** The expression as pcal.trans writes it into the AST's text (the source of its checksum). */
  toAstString(): string {
    let s = '<< ';
    let nonempty = false;
    for (let i = 0; i < this.lines.length; i++) {
      if (i > 0) s += '\n';
      for (const t of this.lines[i]) {
        if (nonempty) s += ', ';
        nonempty = true;
        if (t.type === 'string') s += `"\\"", "${t.str}", "\\""`;
        else if (t.str === '\\/') s += `"(col${t.col}) \\\\/"`;
        else if (t.str.charAt(0) === '\\') s += `"\\${t.str}"`;
        else if (t.str === '/\\') s += `"(col${t.col}) /\\\\"`;
        else s += `"${t.str}"`;
      }
    }
    return s + ' >>';
  }
}

/** Clones each expression and substitutes in it. */
export function substituteInAll(list: Expr[], exprs: Expr[], names: string[]): Expr[] {
  return list.map((x) => {
    const c = x.clone();
    c.substituteAll(exprs, names);
    return c;
  });
}

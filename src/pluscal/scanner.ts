/**
 * Reading an algorithm: the module's lines as pcal.trans sees them (tabs expanded, a space added
 * at the end of each line, comments inside the algorithm blanked out), a scanner for TLA+ tokens,
 * and the token stream the parser reads.
 *
 * pcal.trans does not parse the TLA+ expressions of an algorithm: it reads tokens until one that
 * cannot belong to the expression (`;`, `:=`, `then`, `do`, `end`, ..., or a `,` `)` `}` outside
 * brackets) and keeps the tokens with their columns, so the translation can reproduce the user's
 * layout. The stream here does the same, so an expression ends where pcal.trans ends it and a
 * malformed algorithm fails with pcal.trans's message at pcal.trans's position.
 */
import { PlusCalBug, PlusCalError } from './errors';
import { Expr, type Loc, type Tok, type TokType } from './expr';
import {
  isBuiltIn,
  isBuiltInPrefix,
  isDigit,
  isLetter,
  isSpace,
  isStringChar,
  symbolClass,
} from './symbols';

/** Lines of the module: each a list of characters (code points). */
export type Lines = string[][];

/** Splits text into lines as Java's readAllLines does (a final newline ends the last line). */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '' && /[\r\n]$/.test(text)) lines.pop();
  if (text === '') return [];
  return lines;
}

/** Tabs become spaces up to the next multiple of 8; each line gets a trailing space. */
export function detab(lines: readonly string[]): string[] {
  return lines.map((line) => {
    let out = '';
    for (const ch of line) {
      if (ch === '\t') out += ' '.repeat(8 - (out.length % 8));
      else out += ch;
    }
    return out + ' ';
  });
}

/**
 * Blanks out the comments of the algorithm that starts at (line, col): `(* *)` comments become
 * spaces, a `\*` comment and the rest of its line become one space. Stops at the first unmatched
 * `*)` (the end of the comment holding the algorithm), dropping the rest of that line.
 */
export function uncomment(lines: string[], begLine: number, begCol: number): void {
  let line = begLine;
  let col = begCol;
  let done = false;
  let depth = 0;
  let out = lines[line].slice(0, col);
  while (!done && line < lines.length) {
    const old = lines[line];
    let inString = false;
    while (!done && col < old.length) {
      const ch = old[col];
      let outCh = ch;
      if (ch === '(' && !inString && col < old.length - 1 && old[col + 1] === '*') {
        depth++;
        outCh = ' ';
        col++;
        out += outCh;
      } else if (ch === '*' && !inString && col < old.length - 1 && old[col + 1] === ')') {
        if (depth === 0) {
          out += ch;
          outCh = ')';
          col++;
          done = true;
        } else {
          depth--;
          outCh = ' ';
          col++;
          out += outCh;
        }
      } else if (depth === 0) {
        if (inString) {
          if (ch === '"') inString = false;
          else if (ch === '\\' && col < old.length - 1) {
            out += ch;
            outCh = old[col + 1];
            col++;
          }
        } else if (ch === '\\' && col < old.length - 1 && old[col + 1] === '*') {
          outCh = ' ';
          col = old.length;
        } else if (ch === '"') inString = true;
      } else outCh = ' ';
      out += outCh;
      col++;
    }
    if (inString) throw new PlusCalError(`Unterminated string in line ${line + 1}`);
    lines[line] = out;
    out = '';
    col = 0;
    line++;
  }
}

export type ScannedType = TokType | 'dashes' | 'endmodule';

export interface Scanned {
  str: string;
  type: ScannedType;
  /** Where the token starts. */
  at: Loc;
  /** The position right after the token. */
  end: Loc;
}

/** The characters of the module; `\n` at the end of a line and `\t` past the end (as pcal.trans). */
export class Source {
  readonly lines: Lines;

  constructor(lines: readonly string[]) {
    this.lines = lines.map((l) => Array.from(l));
  }

  charAt(p: Loc): string {
    if (p.line >= this.lines.length) return '\t';
    const l = this.lines[p.line];
    return p.col < l.length ? l[p.col] : '\n';
  }

  next(p: Loc): Loc {
    if (p.line >= this.lines.length) return p;
    return p.col < this.lines[p.line].length
      ? { line: p.line, col: p.col + 1 }
      : { line: p.line + 1, col: 0 };
  }

  /** The first position at or after `p` that is neither a space nor a line end. */
  skipBlanks(p: Loc): Loc {
    let q = p;
    for (;;) {
      const c = this.charAt(q);
      if (c !== ' ' && c !== '\n') return q;
      q = this.next(q);
    }
  }

  /** What pcal.trans's reader peeks: the rest of the line from the next non-blank, or `\t`. */
  restOfLine(p: Loc): string {
    const q = this.skipBlanks(p);
    if (q.line >= this.lines.length) return '\t';
    return this.lines[q.line].slice(q.col).join('') + '\n';
  }
}

function lexError(msg: string, token: string, at: Loc): never {
  throw new PlusCalError(
    `${msg} \`${token}' found at\n    line ${at.line + 1}, column ${at.col + 1}`,
  );
}

/** Skips blanks and comments; returns the start of the next token, or null at the end. */
function skipToToken(src: Source, start: Loc): Loc | null {
  let p = start;
  for (;;) {
    const c = src.charAt(p);
    if (c === '\t') return null;
    if (isSpace(c) || c === '\n') {
      p = src.next(p);
      continue;
    }
    const n = src.charAt(src.next(p));
    if (c === '\\' && n === '*') {
      // to the end of the line
      p = { line: p.line, col: src.lines[p.line].length };
      continue;
    }
    if (c === '(' && n === '*') {
      let depth = 1;
      let q = src.next(src.next(p));
      while (depth > 0) {
        const d = src.charAt(q);
        if (d === '\t') throw new PlusCalError('Input ended in the middle of a comment');
        const e = src.charAt(src.next(q));
        if (d === '*' && e === ')') {
          depth--;
          q = src.next(src.next(q));
        } else if (d === '(' && e === '*') {
          depth++;
          q = src.next(src.next(q));
        } else q = src.next(q);
      }
      p = q;
      continue;
    }
    return p;
  }
}

/** The longest symbol made of punctuation that starts at `p`, given it starts with `first`. */
function scanSymbol(src: Source, p: Loc, first: string): Scanned {
  let s = first;
  let q: Loc = { line: p.line, col: p.col + Array.from(first).length };
  for (;;) {
    const c = src.charAt(q);
    if (c === '\n' || c === '\t' || !isBuiltInPrefix(s + c)) break;
    s += c;
    q = src.next(q);
  }
  while (!isBuiltIn(s)) {
    const chars = Array.from(s);
    if (chars.length === 0) lexError('Illegal lexeme', '', p);
    chars.pop();
    s = chars.join('');
    if (s === '') lexError('Illegal lexeme', '', p);
  }
  return {
    str: s,
    type: 'builtin',
    at: p,
    end: { line: p.line, col: p.col + Array.from(s).length },
  };
}

/** Scans the token at or after `start` (null at the end of the text). */
export function scan(src: Source, start: Loc): Scanned | null {
  const p = skipToToken(src, start);
  if (p === null) return null;
  const c = src.charAt(p);
  const line = p.line;
  const adv = (q: Loc): Loc => ({ line: q.line, col: q.col + 1 });
  const token = (str: string, type: ScannedType, end: Loc): Scanned => ({ str, type, at: p, end });

  if (isLetter(c) || isDigit(c)) {
    let s = c;
    let q = adv(p);
    if (!isLetter(c)) {
      while (isDigit(src.charAt(q))) {
        s += src.charAt(q);
        q = adv(q);
      }
      if (!isLetter(src.charAt(q))) return token(s, 'number', q);
      s += src.charAt(q);
      q = adv(q);
    }
    for (;;) {
      if (s.length === 3 && (s === 'WF_' || s === 'SF_')) return token(s, 'builtin', q);
      const d = src.charAt(q);
      if (!(isLetter(d) || isDigit(d))) break;
      s += d;
      q = adv(q);
    }
    return token(s, isBuiltIn(s) ? 'builtin' : 'ident', q);
  }
  if (c === 'ℕ' || c === 'ℤ' || c === 'ℝ') return token(c, 'ident', adv(p));
  if (c === '\\') {
    const n = src.charAt(adv(p));
    if ('bBoOhH'.includes(n) && n !== '') {
      let s = '\\' + n;
      let q = adv(adv(p));
      if (isDigit(src.charAt(q))) {
        while (isDigit(src.charAt(q))) {
          s += src.charAt(q);
          q = adv(q);
        }
        if (isLetter(src.charAt(q))) lexError('Illegal lexeme', s + src.charAt(q), p);
        return token(s, 'number', q);
      }
      while (isLetter(src.charAt(q)) && src.charAt(q) !== '_') {
        s += src.charAt(q);
        q = adv(q);
      }
      if (!isBuiltIn(s)) lexError('Illegal lexeme ', s, p);
      return token(s, 'builtin', q);
    }
    if (isLetter(n)) {
      let s = '\\';
      let q = adv(p);
      while (isLetter(src.charAt(q)) && src.charAt(q) !== '_') {
        s += src.charAt(q);
        q = adv(q);
      }
      if (!isBuiltIn(s)) lexError('Illegal lexeme ', s, p);
      return token(s, 'builtin', q);
    }
    return scanSymbol(src, p, '\\');
  }
  if (c === '-' || c === '=') {
    let n = 1;
    while (n < 4 && src.charAt({ line, col: p.col + n }) === c) n++;
    if (n === 4) {
      let q: Loc = { line, col: p.col + 4 };
      while (src.charAt(q) === c) q = adv(q);
      return token(c.repeat(q.col - p.col), c === '-' ? 'dashes' : 'endmodule', q);
    }
    if (n === 3) lexError('Illegal lexeme', c.repeat(3), p);
    return scanSymbol(src, p, c.repeat(n));
  }
  if (c === '"') {
    let s = '';
    let q = adv(p);
    for (;;) {
      const d = src.charAt(q);
      if (d === '"') return token(s, 'string', adv(q));
      if (d === '\\') {
        const e = src.charAt(adv(q));
        if (!['"', '\\', 't', 'n', 'f', 'r'].includes(e))
          lexError('Illegal character following \\ in string', s + '\\' + e, p);
        s += '\\' + e;
        q = adv(adv(q));
        continue;
      }
      if (!isStringChar(d)) lexError('Illegal character in string', s + d, p);
      s += d;
      q = adv(q);
    }
  }
  if (isBuiltInPrefix(c)) return scanSymbol(src, p, c);
  return lexError('Illegal lexeme', c, p);
}

/** pcal.trans's words that end an expression (and let a missing `;` go unnoticed). */
const DELIMITERS = new Set([
  ';',
  'do',
  'then',
  ':=',
  '≔',
  'begin',
  'variable',
  'variables',
  '||',
  '‖',
  'end',
  'else',
  'elsif',
  'if',
  'either',
  'or',
  'while',
  'with',
  'call',
  'return',
  'goto',
  'print',
  'assert',
  'skip',
  'procedure',
  'define',
  'process',
  'fair',
]);

export interface LookaheadToken {
  str: string;
  at: Loc;
}

/**
 * The parser's view of the algorithm: algorithm tokens with lookahead, and expressions.
 * `lastTok` is the 1-based position of the last token taken, which pcal.trans's messages cite.
 */
export class TokenStream {
  /** After the last scanned token (lookahead included). */
  private pos: Loc;
  private readonly lat: LookaheadToken[] = [];
  /** pcal.trans keeps its last delimiter when the text ends; so do we. */
  private delimiter = '';
  lastTok = { line: 0, col: 0, str: '' };

  constructor(
    readonly src: Source,
    start: Loc,
  ) {
    this.pos = start;
  }

  private scanAlg(): Scanned | null {
    const t = scan(this.src, this.pos);
    if (t === null) {
      this.pos = { line: this.src.lines.length, col: 0 };
      return null;
    }
    this.pos = t.end;
    this.delimiter = t.str;
    return t;
  }

  /** Takes the next algorithm token. */
  get(): string {
    const la = this.lat.shift();
    if (la) {
      this.lastTok = { line: la.at.line + 1, col: la.at.col + 1, str: la.str };
      return la.str;
    }
    const at = this.src.skipBlanks(this.pos);
    const t = this.scanAlg();
    this.lastTok = { line: at.line + 1, col: at.col + 1, str: t ? t.str : this.delimiter };
    return t ? t.str : this.delimiter;
  }

  /** The n-th next token (from 1), not taken. */
  peek(n: number): string {
    while (this.lat.length < n) {
      if (this.src.restOfLine(this.pos) === '\t') {
        const near = this.lat.length > 0 ? this.lat[this.lat.length - 1].at : this.lastTokAt();
        throw new PlusCalError(
          'Premature end of file, perhaps because of unclosed comment, near\n' +
            `    line ${near.line + 1}, column ${near.col + 1}`,
        );
      }
      const at = this.src.skipBlanks(this.pos);
      const t = this.scanAlg();
      this.lat.push({ str: t ? t.str : this.delimiter, at });
    }
    return this.lat[n - 1].str;
  }

  private lastTokAt(): Loc {
    return { line: Math.max(0, this.lastTok.line - 1), col: Math.max(0, this.lastTok.col - 1) };
  }

  /** Position (0-based) of the n-th lookahead token. */
  peekAt(n: number): Loc {
    this.peek(n);
    return this.lat[n - 1].at;
  }

  /** The text after the n-th next token (n = number of tokens already looked at or 0). */
  peekPast(n: number): string {
    if (n < this.lat.length) throw new PlusCalBug('peekPast called before a token already peeked');
    while (n > this.lat.length) {
      const t = this.scanAlg();
      this.lat.push({ str: t ? t.str : this.delimiter, at: t ? t.at : this.pos });
    }
    return this.src.restOfLine(this.pos);
  }

  /** What follows the last scanned token, from its next non-blank character. */
  restOfLine(): string {
    return this.src.restOfLine(this.pos);
  }

  /** Reads an expression; the token after it becomes the next lookahead token. */
  getExpr(): Expr {
    if (this.lat.length !== 0) throw new PlusCalBug('getExpr called after lookahead');
    const startLine = this.pos.line;
    const lines: Tok[][] = [];
    let depth = 0;
    let inQuantifier = false;
    let prev = ' ';
    let first: Tok | null = null;
    let last: Tok | null = null;
    for (;;) {
      const t = scan(this.src, this.pos);
      if (t === null) {
        // pcal.trans stops at the end of the text and keeps its previous delimiter.
        this.pos = { line: this.src.lines.length, col: 0 };
        this.lat.push({ str: this.delimiter, at: this.pos });
        break;
      }
      this.pos = t.end;
      if (t.type === 'dashes' || t.type === 'endmodule')
        lexError('Illegal token in an expression', t.str, t.at);
      const s = t.str;
      const isDelim =
        t.type !== 'string' &&
        ((DELIMITERS.has(s) &&
          !(t.type === 'ident' && (prev === '.' || prev === '[' || prev === ','))) ||
          (((s === ',' && !inQuantifier) || s === ')' || s === '}') && depth === 0));
      if (isDelim) {
        if (depth !== 0)
          lexError('Expression with an unmatched (, [, {, or << followed by', s, t.at);
        if (inQuantifier)
          lexError('Expression with \\A or \\E but no following `:` followed by', s, t.at);
        this.delimiter = s;
        this.lat.push({ str: s, at: t.at });
        break;
      }
      if (t.type === 'builtin') {
        const cls = symbolClass(s);
        if (cls === 'open') depth++;
        if (cls === 'close') {
          depth--;
          if (depth < 0) lexError('Extra (unmatching)', s, t.at);
        }
      }
      prev = t.type === 'string' ? ' ' : s;
      if ((s === '\\A' || s === '∀' || s === '\\E' || s === '∃') && depth === 0)
        inQuantifier = true;
      if (inQuantifier && s === ':' && depth === 0) inQuantifier = false;
      if (s !== '' || t.type === 'string') {
        const k = t.at.line - startLine;
        while (lines.length <= k) lines.push([]);
        const tk: Tok = { str: s, col: t.at.col, type: t.type, src: t.at };
        lines[k].push(tk);
        if (first === null) first = tk;
        last = tk;
      }
    }
    const e = new Expr(lines);
    e.normalize();
    if (first !== null && last !== null && first.src && last.src) {
      e.origin = {
        begin: first.src,
        end: { line: last.src.line, col: last.src.col + last.str.length },
      };
    }
    return e;
  }
}

/**
 * Tokens of TLC's .cfg language. TLC reads a .cfg with the TLA+ tokenizer, so the lexical rules are
 * TLA+'s: `\*` line comments, nested `(* … *)` block comments, identifiers of letters, digits and
 * `_`, string literals, and operator symbols (a constant may be an infix operator: `| <- NewOp`).
 * Newlines carry no meaning: sections and constant lists are separated by keywords only.
 */
import type { Position } from '../tla/ast/ast';

export type TokenKind = 'ident' | 'number' | 'string' | 'punct' | 'symbol' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text of the token (a string token keeps its quotes). */
  text: string;
  start: Position;
  end: Position;
}

export interface LexError {
  message: string;
  start: Position;
  end: Position;
}

const WORD_CHAR = /[A-Za-z0-9_]/;
/** Characters TLA+ builds operator symbols from; `!` stays apart (it qualifies names: `I!N`). */
const SYMBOL_CHAR = /[~@#$%^&*\-+=|<>/\\:.?']/;
const PUNCT = new Set(['{', '}', '(', ')', '[', ']', ',', '!']);

export function tokenize(text: string): { tokens: Token[]; errors: LexError[] } {
  const tokens: Token[] = [];
  const errors: LexError[] = [];
  let i = 0;
  let line = 1;
  let column = 1;

  const pos = (): Position => ({ line, column });
  const advance = (n: number): void => {
    for (let k = 0; k < n; k++) {
      if (text[i] === '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      i++;
    }
  };
  const push = (kind: TokenKind, start: Position, from: number): void => {
    tokens.push({ kind, text: text.slice(from, i), start, end: pos() });
  };

  while (i < text.length) {
    const c = text[i];
    const start = pos();
    const from = i;
    if (/\s/.test(c)) {
      advance(1);
    } else if (c === '\\' && text[i + 1] === '*') {
      while (i < text.length && text[i] !== '\n') advance(1);
    } else if (c === '(' && text[i + 1] === '*') {
      // Block comments nest in TLA+.
      let depth = 0;
      while (i < text.length) {
        if (text[i] === '(' && text[i + 1] === '*') {
          depth++;
          advance(2);
        } else if (text[i] === '*' && text[i + 1] === ')') {
          depth--;
          advance(2);
          if (depth === 0) break;
        } else {
          advance(1);
        }
      }
      if (depth > 0) errors.push({ message: 'unterminated comment (* … *)', start, end: pos() });
    } else if (c === '"') {
      advance(1);
      while (i < text.length && text[i] !== '"' && text[i] !== '\n')
        advance(text[i] === '\\' ? 2 : 1);
      if (text[i] === '"') advance(1);
      else errors.push({ message: 'unterminated string', start, end: pos() });
      // Pushed even when unterminated, so that the parser does not report a second, derived error.
      push('string', start, from);
    } else if (WORD_CHAR.test(c)) {
      while (i < text.length && WORD_CHAR.test(text[i])) advance(1);
      push(/^[0-9]+$/.test(text.slice(from, i)) ? 'number' : 'ident', start, from);
    } else if (PUNCT.has(c)) {
      advance(1);
      push('punct', start, from);
    } else if (SYMBOL_CHAR.test(c)) {
      while (
        i < text.length &&
        SYMBOL_CHAR.test(text[i]) &&
        !(text[i] === '\\' && text[i + 1] === '*')
      ) {
        advance(1);
      }
      let run = text.slice(from, i);
      // `|<-` is the operator `|` followed by `<-`: no TLA+ operator ends in `<-`.
      if (run.length > 2 && run.endsWith('<-')) {
        run = run.slice(0, -2);
        const mid: Position = { line: start.line, column: start.column + run.length };
        tokens.push({ kind: 'symbol', text: run, start, end: mid });
        tokens.push({ kind: 'punct', text: '<-', start: mid, end: pos() });
        continue;
      }
      // `N=-1`: the run `=-` is `=` then a minus sign.
      if (run === '=-') {
        const mid: Position = { line: start.line, column: start.column + 1 };
        tokens.push({ kind: 'punct', text: '=', start, end: mid });
        tokens.push({ kind: 'symbol', text: '-', start: mid, end: pos() });
        continue;
      }
      push(run === '=' || run === '<-' ? 'punct' : 'symbol', start, from);
    } else {
      advance(1);
      errors.push({ message: `unexpected character '${c}'`, start, end: pos() });
    }
  }
  // An error "found end of file" points just after the last token, on the line that is unfinished.
  const last = tokens.length > 0 ? tokens[tokens.length - 1].end : pos();
  tokens.push({ kind: 'eof', text: '', start: last, end: last });
  return { tokens, errors };
}

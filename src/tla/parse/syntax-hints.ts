/**
 * When tree-sitter cannot place an error inside a unit (it wraps the whole unit in one ERROR),
 * look for the usual culprits ourselves: an unbalanced bracket, IF without ELSE, LET without IN,
 * a definition without `==`. Scans the unit's text, skipping strings and comments.
 */
import type { Diagnostic, Range } from '../ast/ast';

interface Token {
  kind: 'bracket' | 'word' | 'symbol';
  text: string;
  /** Offset in the whole text. */
  at: number;
}

const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<<': '>>' };
const OPENER_OF: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{', '>>': '<<' };

/** Diagnostics for the unit at text[from, to); a generic one when no culprit shows. */
export function explainBrokenUnit(
  text: string,
  from: number,
  to: number,
  moduleName: string,
): Diagnostic[] {
  const tokens = scan(text, from, to);
  const at = (t: Token, message: string): Diagnostic => ({
    severity: 'error',
    code: 'syntax',
    message,
    range: rangeAt(text, t.at, t.at + t.text.length, moduleName),
  });
  const out: Diagnostic[] = [];
  const open: Token[] = [];
  for (const t of tokens) {
    if (t.text in CLOSER) open.push(t);
    else if (t.text in OPENER_OF) {
      const top = open.at(-1);
      if (top && CLOSER[top.text] === t.text) open.pop();
      else if (top)
        return [
          at(
            t,
            `unexpected \`${t.text}\`: \`${top.text}\` is still open, expected \`${CLOSER[top.text]}\``,
          ),
        ];
      else return [at(t, `unexpected \`${t.text}\` without a matching \`${OPENER_OF[t.text]}\``)];
    }
  }
  for (const t of open)
    out.push(at(t, `\`${t.text}\` is never closed: expected \`${CLOSER[t.text]}\``));
  if (out.length > 0) return out;

  const count = (word: string) => tokens.filter((t) => t.kind === 'word' && t.text === word);
  const unmatched = (opener: string, closer: string, message: string) => {
    const opens = count(opener);
    if (opens.length > count(closer).length)
      out.push(at(opens[opens.length - 1 - count(closer).length], message));
  };
  unmatched('IF', 'ELSE', '`IF` without `ELSE`');
  unmatched('IF', 'THEN', '`IF` without `THEN`');
  unmatched('LET', 'IN', '`LET` without `IN`');
  if (out.length > 0) return out;

  const words = tokens.filter((t) => t.kind !== 'symbol');
  const first = words[0];
  const last = tokens.at(-1);
  if (!first || !last) return [];
  const isDefinition = /^[A-Za-z0-9_]+$/.test(first.text) && !KEYWORDS.has(first.text);
  if (isDefinition && !tokens.some((t) => t.text === '==' || t.text === '≜')) {
    return [at(first, `expected \`==\` in the definition of ${first.text}`)];
  }
  if (last.kind === 'symbol' && !/^('|\^[+*#])$/.test(last.text)) {
    return [at(last, `expected an expression after \`${last.text}\``)];
  }
  const what = isDefinition ? `the definition of ${first.text}` : `this \`${first.text}\` unit`;
  return [
    {
      severity: 'error',
      code: 'syntax',
      message: `cannot parse ${what}`,
      range: rangeAt(text, first.at, last.at + last.text.length, moduleName),
    },
  ];
}

const KEYWORDS = new Set([
  'VARIABLE',
  'VARIABLES',
  'CONSTANT',
  'CONSTANTS',
  'RECURSIVE',
  'ASSUME',
  'ASSUMPTION',
  'AXIOM',
  'THEOREM',
  'LEMMA',
  'PROPOSITION',
  'COROLLARY',
  'LOCAL',
  'INSTANCE',
  'USE',
  'HIDE',
  'EXTENDS',
]);

/** Brackets, words and runs of symbol characters; strings and comments are skipped. */
function scan(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let depth = 0; // block comment nesting
  for (let k = from; k < to; k++) {
    const c = text[k];
    const two = text.slice(k, k + 2);
    if (depth > 0) {
      if (two === '(*' || two === '*)') {
        depth += two === '(*' ? 1 : -1;
        k++;
      }
      continue;
    }
    if (two === '(*') {
      depth++;
      k++;
    } else if (two === '\\*') {
      const eol = text.indexOf('\n', k);
      k = eol < 0 || eol > to ? to : eol;
    } else if (c === '"') {
      for (k++; k < to && text[k] !== '"' && text[k] !== '\n'; k++) if (text[k] === '\\') k++;
    } else if (two === '<<' || two === '>>' || two === '==') {
      tokens.push({ kind: two === '==' ? 'symbol' : 'bracket', text: two, at: k });
      k++;
    } else if ('()[]{}'.includes(c) || c === '≜') {
      // `]_` and `>>_` close a bracket too; `(+)`-style symbols are operators, not brackets.
      if (c === '(' && /^\((?:\+|-|\.|\/|\\X)\)/.test(text.slice(k, k + 4))) {
        k = text.indexOf(')', k);
        continue;
      }
      tokens.push({ kind: c === '≜' ? 'symbol' : 'bracket', text: c, at: k });
    } else if (c === '\\' && /[A-Za-z]/.test(text[k + 1] ?? '')) {
      let e = k + 1;
      while (e < to && /[A-Za-z]/.test(text[e])) e++;
      tokens.push({ kind: 'symbol', text: text.slice(k, e), at: k }); // `\in`, `\cup`, …
      k = e - 1;
    } else if (/[A-Za-z0-9_]/.test(c)) {
      let e = k;
      while (e < to && /[A-Za-z0-9_]/.test(text[e])) e++;
      tokens.push({ kind: 'word', text: text.slice(k, e), at: k });
      k = e - 1;
    } else if (!/\s/.test(c)) {
      let e = k;
      while (e < to && !/[\sA-Za-z0-9_()[\]{}"]/.test(text[e]) && text.slice(e, e + 2) !== '\\*')
        e++;
      tokens.push({ kind: 'symbol', text: text.slice(k, Math.max(e, k + 1)), at: k });
      k = Math.max(e, k + 1) - 1;
    }
  }
  return tokens;
}

function rangeAt(text: string, from: number, to: number, moduleName: string): Range {
  return { module: moduleName, start: positionAt(text, from), end: positionAt(text, to) };
}

function positionAt(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < index; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: index - lineStart + 1 };
}

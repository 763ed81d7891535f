/**
 * TLA+ values as TLC prints them, and back: `printValue` writes a `TraceValue` exactly as TLC
 * writes it in an error trace or a `-dump dot` label; `parseTlcValue` reads what TLC printed (to
 * import TLC traces and to compare our state graphs with TLC's dot files).
 *
 * TLC's one-line forms: `{1, 2}`, `<<1, "a">>`, `[a |-> 1, b |-> 2]`, `(1 :> "a" @@ 2 :> "b")`,
 * `TRUE`, model values by name, strings quoted with `\"`, `\\`, `\n`, `\t`, `\r`, `\f` escaped.
 * Long values are then broken over lines by TLC's pretty printer (`tlc-pretty.ts`).
 */
import type { TraceState, TraceValue } from '../check/types';
import { tlcPrettyPrint } from './tlc-pretty';
import { fromEntries, kindOf } from './trace-value';

/**
 * TLC prints a function whose domain is a set of strings as a record only when every string is a
 * "name" (letters, digits and `_`, with a letter, not `WF_…`/`SF_…`); otherwise as `("a b" :> 1)`.
 */
export function isRecordFieldName(s: string): boolean {
  if (!/^[\p{L}\p{Nd}_]+$/u.test(s) || !/\p{L}/u.test(s)) return false;
  return s.length < 4 || !(s.startsWith('WF_') || s.startsWith('SF_'));
}

export function quoteString(s: string): string {
  const escapes: Record<string, string> = {
    '"': '\\"',
    '\\': '\\\\',
    '\t': '\\t',
    '\n': '\\n',
    '\f': '\\f',
    '\r': '\\r',
  };
  return '"' + s.replace(/["\\\t\n\f\r]/g, (c) => escapes[c]) + '"';
}

/** The value on one line, as TLC's `toString`. */
export function printValueOneLine(v: TraceValue): string {
  switch (kindOf(v)) {
    case 'bool':
      return v ? 'TRUE' : 'FALSE';
    case 'string':
      return quoteString(v as string);
    case 'int':
      return (v as { '#bigint': string })['#bigint'];
    case 'modelValue':
      return (v as { '#mv': string })['#mv'];
    case 'seq':
      return '<<' + (v as TraceValue[]).map(printValueOneLine).join(', ') + '>>';
    case 'set':
      return '{' + (v as { '#set': TraceValue[] })['#set'].map(printValueOneLine).join(', ') + '}';
    case 'map':
      return printFunction((v as { '#map': [TraceValue, TraceValue][] })['#map']);
    case 'record': {
      const fields = Object.entries(v as Record<string, TraceValue>);
      if (fields.length === 0) return '<<>>';
      if (!fields.every(([k]) => isRecordFieldName(k))) return printFunction(fields);
      return '[' + fields.map(([k, x]) => `${k} |-> ${printValueOneLine(x)}`).join(', ') + ']';
    }
  }
}

function printFunction(entries: [TraceValue, TraceValue][]): string {
  if (entries.length === 0) return '<<>>';
  return (
    '(' +
    entries.map(([k, x]) => `${printValueOneLine(k)} :> ${printValueOneLine(x)}`).join(' @@ ') +
    ')'
  );
}

/** The value as TLC prints it in traces and dot labels: one line, or broken to fit 80 columns. */
export function printValue(v: TraceValue): string {
  return tlcPrettyPrint(printValueOneLine(v));
}

/**
 * A state as TLC prints it (`TLCStateMut.toString`, without the final newline): `/\ x = 1` per
 * variable in `vars` order (TLC's order is declaration order), or `x = 1` when there is one variable.
 */
export function printState(state: TraceState, vars: string[]): string {
  if (vars.length === 1) return `${vars[0]} = ${printValue(state[vars[0]])}`;
  return vars.map((name) => `/\\ ${name} = ${printValue(state[name])}`).join('\n');
}

/** A failure to read a TLC-printed value; `offset` is where in the text. */
export class TlcValueSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
  }
}

/**
 * Reads a value TLC printed (one line or pretty-printed) into a `TraceValue` in the contract's
 * shapes: `a..b` becomes the set of integers, a function on `1..n` a sequence, a function on
 * strings a record. Set elements keep TLC's printed order.
 */
export function parseTlcValue(text: string): TraceValue {
  let i = 0;
  const fail = (message: string): never => {
    throw new TlcValueSyntaxError(message, i);
  };
  const skip = (): void => {
    while (i < text.length && /\s/.test(text[i])) i++;
  };
  const eat = (token: string): boolean => {
    skip();
    if (!text.startsWith(token, i)) return false;
    i += token.length;
    return true;
  };
  const expect = (token: string): void => {
    if (!eat(token)) fail(`expected '${token}'`);
  };
  /** Elements separated by `sep` up to `close` (which is consumed). */
  const items = <T>(close: string, sep: string, item: () => T): T[] => {
    const out: T[] = [];
    if (eat(close)) return out;
    do out.push(item());
    while (eat(sep));
    expect(close);
    return out;
  };

  const integer = (): string | undefined => {
    skip();
    const m = /^-?\d+/.exec(text.slice(i));
    if (!m) return undefined;
    i += m[0].length;
    return m[0];
  };

  const string = (): string => {
    const unescape: Record<string, string> = {
      '"': '"',
      '\\': '\\',
      t: '\t',
      n: '\n',
      f: '\f',
      r: '\r',
    };
    let out = '';
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') {
        const e = unescape[text[i + 1]];
        if (e === undefined) fail('unknown escape in string');
        out += e;
        i += 2;
      } else {
        out += text[i++];
      }
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    return out;
  };

  const value = (): TraceValue => {
    skip();
    const c = text[i];
    if (c === undefined) return fail('expected a value');
    if (c === '"') return string();
    if (text.startsWith('<<', i)) {
      i += 2;
      return items('>>', ',', value);
    }
    if (c === '{') {
      i++;
      return { '#set': items('}', ',', value) };
    }
    if (c === '[') {
      i++;
      const fields = items(']', ',', () => {
        skip();
        const m = /^[\p{L}\p{Nd}_]+/u.exec(text.slice(i));
        if (!m) fail('expected a record field name');
        i += m![0].length;
        expect('|->');
        return [m![0], value()] as [TraceValue, TraceValue];
      });
      return fromEntries(fields);
    }
    if (c === '(') {
      i++;
      return fromEntries(
        items(')', '@@', () => {
          const k = value();
          expect(':>');
          return [k, value()] as [TraceValue, TraceValue];
        }),
      );
    }
    const start = i;
    const n = integer();
    if (n !== undefined) {
      if (!eat('..')) return { '#bigint': n };
      const hi = integer() ?? fail('expected the upper bound of an interval');
      const elems: TraceValue[] = [];
      for (let k = BigInt(n); k <= BigInt(hi); k++) elems.push({ '#bigint': k.toString() });
      return { '#set': elems };
    }
    i = start;
    const m = /^[\p{L}\p{Nd}_]+/u.exec(text.slice(i));
    if (!m) return fail(`unexpected '${c}'`);
    i += m[0].length;
    if (m[0] === 'TRUE') return true;
    if (m[0] === 'FALSE') return false;
    return { '#mv': m[0] };
  };

  const v = value();
  skip();
  if (i < text.length) fail('unexpected text after the value');
  return v;
}

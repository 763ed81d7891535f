/**
 * TLA+ values as TLC prints them, read back: `parseTlcValue` reads what TLC printed (to import TLC
 * traces and to compare our state graphs with TLC's dot files). Printing is src/trace/print.ts.
 */
import { type TraceValue, fromEntries } from '../trace/value';

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

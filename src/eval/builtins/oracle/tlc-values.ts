/**
 * Reads values as TLC prints them (PrintT): integers, strings, booleans, model values, `<<…>>`,
 * `{…}`, `[a |-> …]`, `(d :> e @@ …)`, `a..b`. Used to compare TLC's answers with the engine's
 * value for value (equality, not text: TLC and we may print a set's elements in another order).
 */
import {
  type Value,
  ModelValue,
  RecordValue,
  SetValue,
  TupleValue,
  compare,
  makeFunction,
} from '../../../core/values';
import { IntervalValue } from '../../../core/lazy-sets';

export class TlcValueReader {
  private i = 0;
  constructor(private readonly s: string) {}

  /**
   * At `pos`, a PrintT line `<<i, v>>` (possibly over several lines, as TLC breaks long values):
   * the index and v's text with its line breaks folded, and where the line ends.
   */
  answerAt(pos: number): { index: number; raw: string; end: number } | undefined {
    this.i = pos;
    try {
      this.expect('<<');
      this.ws();
      const num = /^[0-9]+/.exec(this.s.slice(this.i));
      if (!num) return undefined;
      this.i += num[0].length;
      this.expect(',');
      this.ws();
      const from = this.i;
      try {
        this.value();
        const raw = this.s.slice(from, this.i).replace(/\s*\n\s*/g, ' ');
        this.expect('>>');
        return { index: Number(num[0]), raw, end: this.i };
      } catch {
        // A value TLC prints in no form of ours (a function over Nat): the rest of its line.
        const eol = this.s.indexOf('\n', from);
        const line = this.s.slice(from, eol < 0 ? this.s.length : eol).trimEnd();
        return {
          index: Number(num[0]),
          raw: line.replace(/>>$/, ''),
          end: eol < 0 ? this.s.length : eol,
        };
      }
    } catch {
      return undefined;
    }
  }

  atEnd(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private eat(tok: string): boolean {
    this.ws();
    if (this.s.startsWith(tok, this.i)) {
      this.i += tok.length;
      return true;
    }
    return false;
  }

  private expect(tok: string): void {
    if (!this.eat(tok))
      throw new Error(`expected ${tok} at ${this.i}: ${this.s.slice(this.i, this.i + 40)}`);
  }

  value(): Value {
    const v = this.primary();
    if (this.eat('..')) {
      const hi = this.primary();
      if (typeof v !== 'number' || typeof hi !== 'number') throw new Error('bad interval');
      return new IntervalValue(v, hi);
    }
    return v;
  }

  private list(close: string): Value[] {
    const out: Value[] = [];
    if (this.eat(close)) return out;
    for (;;) {
      out.push(this.value());
      if (this.eat(close)) return out;
      this.expect(',');
    }
  }

  private primary(): Value {
    this.ws();
    const s = this.s;
    if (this.eat('<<')) return new TupleValue(this.list('>>'));
    if (this.eat('{')) return SetValue.of(this.list('}'));
    if (this.eat('[')) {
      const entries: [string, Value][] = [];
      if (!this.eat(']')) {
        for (;;) {
          this.ws();
          const m = /^[A-Za-z0-9_]+/.exec(s.slice(this.i));
          if (!m) throw new Error(`bad record field at ${this.i}`);
          this.i += m[0].length;
          this.expect('|->');
          entries.push([m[0], this.value()]);
          if (this.eat(']')) break;
          this.expect(',');
        }
      }
      return RecordValue.fromEntries(entries);
    }
    if (this.eat('(')) {
      const pairs: [Value, Value][] = [];
      for (;;) {
        const k = this.value();
        this.expect(':>');
        pairs.push([k, this.value()]);
        if (this.eat(')')) break;
        this.expect('@@');
      }
      pairs.sort((a, b) => compare(a[0], b[0]));
      return makeFunction(
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      );
    }
    if (s[this.i] === '"') return this.string();
    const num = /^-?[0-9]+/.exec(s.slice(this.i));
    if (num) {
      this.i += num[0].length;
      return Number(num[0]);
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.i));
    if (id) {
      this.i += id[0].length;
      if (id[0] === 'TRUE') return true;
      if (id[0] === 'FALSE') return false;
      return ModelValue.of(id[0]);
    }
    throw new Error(`cannot read a value at ${this.i}: ${s.slice(this.i, this.i + 40)}`);
  }

  private string(): string {
    let out = '';
    this.i++;
    const s = this.s;
    while (this.i < s.length && s[this.i] !== '"') {
      if (s[this.i] === '\\') {
        const c = s[this.i + 1];
        out += c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c === 'f' ? '\f' : c;
        this.i += 2;
      } else out += s[this.i++];
    }
    this.i++;
    return out;
  }
}

export function readTlcValue(text: string): Value {
  const r = new TlcValueReader(text);
  const v = r.value();
  if (!r.atEnd()) throw new Error(`trailing text after a value: ${text}`);
  return v;
}

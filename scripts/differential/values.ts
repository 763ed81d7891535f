/**
 * One neutral form for a TLA+ value, so that TLC's printed values and our engine's values can be
 * compared without trusting either side's equality or printing:
 * - every function is a list of pairs (tuples, sequences and records included: `<<1, 2>>`,
 *   `[a |-> 1]` and `(1 :> 1 @@ 2 :> 2)` are all functions, as in TLC);
 * - a set is a list of elements;
 * - lists keep the order in which the side gave them (TLC's printed order is its normal order; ours
 *   is our canonical order), so that a second comparison can check the order too (CHOOSE, printing
 *   and SYMMETRY depend on it);
 * - what cannot be enumerated (`Nat`, `Seq({1})`) is kept as TLC's text (`sym`).
 *
 * `keyOf` gives an order-insensitive key: two values are equal exactly when their keys are.
 */
export type Canon =
  | { k: 'bool'; v: boolean }
  | { k: 'int'; v: string }
  | { k: 'str'; v: string }
  | { k: 'mv'; v: string }
  | { k: 'set'; elems: Canon[] }
  | { k: 'fn'; pairs: [Canon, Canon][] }
  | { k: 'sym'; text: string };

/** The order-insensitive key of a value (sets and function domains sorted by key). */
export function keyOf(c: Canon): string {
  switch (c.k) {
    case 'bool':
      return c.v ? 'T' : 'F';
    case 'int':
      return `i${c.v}`;
    case 'str':
      return `s${JSON.stringify(c.v)}`;
    case 'mv':
      return `m${c.v}`;
    case 'sym':
      return `y${JSON.stringify(c.text.replace(/\s+/g, ' '))}`;
    case 'set':
      return `{${[...new Set(c.elems.map(keyOf))].sort().join(',')}}`;
    case 'fn':
      return `(${c.pairs
        .map(([d, r]) => `${keyOf(d)}:${keyOf(r)}`)
        .sort()
        .join(',')})`;
  }
}

/**
 * Where the two values list elements (or function domains, record fields) in a different order
 * although they are equal: a path such as `[2].dom` and both orders, or undefined when the orders
 * agree. Only meaningful for values whose keys are equal.
 */
export function orderDifference(tlc: Canon, ours: Canon, path = ''): string | undefined {
  if (tlc.k === 'set' && ours.k === 'set') {
    const a = tlc.elems.map(keyOf);
    const b = ours.elems.map(keyOf);
    if (a.join('|') !== b.join('|'))
      return `${path || 'value'}: TLC lists ${show(tlc)}, we list ${show(ours)}`;
    for (let i = 0; i < tlc.elems.length; i++) {
      const d = orderDifference(tlc.elems[i], ours.elems[i], `${path}{${i + 1}}`);
      if (d) return d;
    }
    return undefined;
  }
  if (tlc.k === 'fn' && ours.k === 'fn') {
    const a = tlc.pairs.map((p) => keyOf(p[0]));
    const b = ours.pairs.map((p) => keyOf(p[0]));
    if (a.join('|') !== b.join('|'))
      return `${path || 'value'}: TLC's domain order ${a.join(', ')}, ours ${b.join(', ')}`;
    for (let i = 0; i < tlc.pairs.length; i++) {
      const d =
        orderDifference(tlc.pairs[i][0], ours.pairs[i][0], `${path}.dom${i + 1}`) ??
        orderDifference(tlc.pairs[i][1], ours.pairs[i][1], `${path}[${i + 1}]`);
      if (d) return d;
    }
  }
  return undefined;
}

/** A short TLA+-like rendering of a neutral value (for reports). */
export function show(c: Canon): string {
  switch (c.k) {
    case 'bool':
      return c.v ? 'TRUE' : 'FALSE';
    case 'int':
      return c.v;
    case 'str':
      return JSON.stringify(c.v);
    case 'mv':
      return c.v;
    case 'sym':
      return c.text;
    case 'set':
      return `{${c.elems.map(show).join(', ')}}`;
    case 'fn': {
      if (c.pairs.length === 0) return '<<>>';
      const isSeq = c.pairs.every(([d], i) => d.k === 'int' && d.v === String(i + 1));
      if (isSeq) return `<<${c.pairs.map((p) => show(p[1])).join(', ')}>>`;
      const isRec = c.pairs.every(([d]) => d.k === 'str' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(d.v));
      if (isRec)
        return `[${c.pairs.map(([d, r]) => `${(d as { v: string }).v} |-> ${show(r)}`).join(', ')}]`;
      return `(${c.pairs.map(([d, r]) => `${show(d)} :> ${show(r)}`).join(' @@ ')})`;
    }
  }
}

export class TlcValueSyntaxError extends Error {}

/**
 * Parses a value as TLC prints it (`Value.toString`): TRUE/FALSE, integers, strings with TLC's
 * escapes, model values (only the names in `modelValues`), `{…}`, `a..b`, `<<…>>`, `[f |-> …]`,
 * `(k :> v @@ …)`. Anything else (`Nat`, `Seq({1})`, `SUBSET Nat`) is kept as text, whole, when it
 * is the entire value; elsewhere it is a syntax error.
 */
export function parseTlcValue(text: string, modelValues: ReadonlySet<string>): Canon {
  const p = new TlcValueParser(text, modelValues);
  try {
    const v = p.value();
    p.skipWs();
    if (!p.atEnd())
      throw new TlcValueSyntaxError(
        `unexpected text at ${p.pos}: ${text.slice(p.pos, p.pos + 20)}`,
      );
    return v;
  } catch (e) {
    if (e instanceof TlcValueSyntaxError) return { k: 'sym', text: text.trim() };
    throw e;
  }
}

class TlcValueParser {
  pos = 0;
  constructor(
    private readonly s: string,
    private readonly modelValues: ReadonlySet<string>,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.s.length;
  }

  skipWs(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos])) this.pos++;
  }

  private eat(tok: string): boolean {
    this.skipWs();
    if (this.s.startsWith(tok, this.pos)) {
      this.pos += tok.length;
      return true;
    }
    return false;
  }

  private expect(tok: string): void {
    if (!this.eat(tok)) throw new TlcValueSyntaxError(`expected ${tok} at ${this.pos}`);
  }

  value(): Canon {
    const first = this.primary();
    // `a..b`: an interval TLC has not normalised.
    if (first.k === 'int' && this.eat('..')) {
      const hi = this.primary();
      if (hi.k !== 'int') throw new TlcValueSyntaxError('interval bound');
      const elems: Canon[] = [];
      const lo = BigInt(first.v);
      const top = BigInt(hi.v);
      if (top - lo > 100000n) throw new TlcValueSyntaxError('interval too large');
      for (let i = lo; i <= top; i++) elems.push({ k: 'int', v: String(i) });
      return { k: 'set', elems };
    }
    return first;
  }

  private list(close: string): Canon[] {
    const out: Canon[] = [];
    if (this.eat(close)) return out;
    for (;;) {
      out.push(this.value());
      if (this.eat(close)) return out;
      this.expect(',');
    }
  }

  private primary(): Canon {
    this.skipWs();
    const s = this.s;
    const c = s[this.pos];
    if (c === undefined) throw new TlcValueSyntaxError('end of text');
    if (s.startsWith('<<', this.pos)) {
      this.pos += 2;
      const elems = this.list('>>');
      return { k: 'fn', pairs: elems.map((e, i) => [{ k: 'int', v: String(i + 1) }, e]) };
    }
    if (c === '{') {
      this.pos++;
      return { k: 'set', elems: this.list('}') };
    }
    if (c === '[') {
      this.pos++;
      const pairs: [Canon, Canon][] = [];
      if (this.eat(']')) return { k: 'fn', pairs };
      for (;;) {
        this.skipWs();
        const m = /^[A-Za-z0-9_]+/.exec(s.slice(this.pos));
        if (!m) throw new TlcValueSyntaxError('record field');
        this.pos += m[0].length;
        this.expect('|->');
        pairs.push([{ k: 'str', v: m[0] }, this.value()]);
        if (this.eat(']')) return { k: 'fn', pairs };
        this.expect(',');
      }
    }
    if (c === '(') {
      this.pos++;
      const pairs: [Canon, Canon][] = [];
      for (;;) {
        const d = this.value();
        this.expect(':>');
        pairs.push([d, this.value()]);
        if (this.eat(')')) return { k: 'fn', pairs };
        this.expect('@@');
      }
    }
    if (c === '"') return { k: 'str', v: this.string() };
    const num = /^-?[0-9]+/.exec(s.slice(this.pos));
    if (num) {
      this.pos += num[0].length;
      return { k: 'int', v: String(BigInt(num[0])) };
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos));
    if (id) {
      this.pos += id[0].length;
      if (id[0] === 'TRUE') return { k: 'bool', v: true };
      if (id[0] === 'FALSE') return { k: 'bool', v: false };
      if (this.modelValues.has(id[0])) return { k: 'mv', v: id[0] };
      throw new TlcValueSyntaxError(`not a value: ${id[0]}`);
    }
    throw new TlcValueSyntaxError(`unexpected ${c}`);
  }

  /** A string literal as TLC prints it: `\"`, `\\`, `\n`, `\t`, `\r`, `\f` escaped. */
  private string(): string {
    const s = this.s;
    let i = this.pos + 1;
    let out = '';
    while (i < s.length && s[i] !== '"') {
      if (s[i] === '\\') {
        const e = s[i + 1];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'f' ? '\f' : e;
        i += 2;
      } else out += s[i++];
    }
    if (i >= s.length) throw new TlcValueSyntaxError('unterminated string');
    this.pos = i + 1;
    return out;
  }
}

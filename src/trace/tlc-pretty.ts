/**
 * TLC's line breaking of printed values (what `Values.ppr` does to every value in a trace and in a
 * `-dump dot` label), reimplemented so that our output matches TLC's character for character.
 *
 * TLC does not format a value tree: it prints the value on one line, re-reads that text with a
 * small, lenient grammar, and breaks any part longer than the 80 columns left to it. We do the same,
 * including the grammar's blind spots, because they show in TLC's output: a `_` outside a string
 * (`read_ok`, a model value `p_1`) or an escaped quote inside a string stops the re-reading, and
 * TLC then prints the whole value on one line however long it is.
 *
 * Continuation lines are indented relative to the value only, never to the `/\ x = ` before it
 * (TLC formats the value alone, with 80 columns for it).
 */

const WIDTH = 80;

type NodeType =
  | 'constant'
  | 'set'
  | 'sequence'
  | 'record'
  | 'recordPair'
  | 'function'
  | 'functionPair'
  | 'subset';

interface Node {
  type: NodeType;
  /** Index of the first and the last character of the node in the one-line text (inclusive). */
  first: number;
  last: number;
  children: Node[];
}

/** The re-reading failed (TLC: a ParseException or running off the string). */
class Unreadable extends Error {}

const isWhitespace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && /\p{Nd}/u.test(c);
const isLetterOrDigit = (c: string | undefined): boolean =>
  c !== undefined && /[\p{L}\p{Nd}]/u.test(c);

function reader(text: string) {
  const at = (i: number): string => {
    if (i < 0 || i >= text.length) throw new Unreadable();
    return text[i];
  };
  const skipWhitespace = (i: number): number => {
    while (isWhitespace(at(i))) i++;
    return i;
  };

  /** `{a, b}`, `<<a, b>>`, `[a |-> 1]`, `(1 :> 2 @@ …)`: elements up to the closing character. */
  const list = (
    type: NodeType,
    first: number,
    openLength: number,
    close: string,
    element: (i: number) => Node,
    separator: string,
  ): Node => {
    const children: Node[] = [];
    let last = skipWhitespace(first + openLength);
    while (at(last) !== close) {
      const child = element(last);
      children.push(child);
      last = skipWhitespace(child.last + 1);
      if (text.startsWith(separator, last)) last += separator.length;
      last = skipWhitespace(last);
    }
    // A sequence ends on the second `>` of `>>`.
    if (type === 'sequence') last++;
    return { type, first, last, children };
  };

  const pair =
    (type: NodeType, divider: string) =>
    (first: number): Node => {
      const key = parse(first);
      let last = skipWhitespace(key.last + 1);
      if (!text.startsWith(divider, last)) throw new Unreadable();
      last = skipWhitespace(last + divider.length);
      const value = parse(last);
      return { type, first, last: value.last, children: [key, value] };
    };

  const interval = (first: number): Node | undefined => {
    let last = first;
    while (last < text.length && isDigit(text[last])) last++;
    if (!text.startsWith('..', last)) return undefined;
    last += 2;
    if (!isDigit(text[last])) return undefined;
    while (last < text.length && isDigit(text[last])) last++;
    return { type: 'constant', first, last: last - 1, children: [] };
  };

  const constant = (first: number): Node => {
    let last = first;
    const c = at(first);
    if (c === '"') {
      // No escapes: the string ends at the next quote, escaped or not (as in TLC).
      do last++;
      while (at(last) !== '"');
      return { type: 'constant', first, last, children: [] };
    }
    if (isDigit(c)) {
      const range = interval(first);
      if (range) return range;
    }
    if (c === '-') {
      last++;
      while (last < text.length && isDigit(text[last])) last++;
      return { type: 'constant', first, last: last - 1, children: [] };
    }
    if (isLetterOrDigit(c)) {
      while (last < text.length && isLetterOrDigit(text[last])) last++;
      return { type: 'constant', first, last: last - 1, children: [] };
    }
    throw new Unreadable();
  };

  const parse = (i: number): Node => {
    i = skipWhitespace(i);
    const c = at(i);
    if (c === '{') return list('set', i, 1, '}', parse, ',');
    if (c === '<') return list('sequence', i, 2, '>', parse, ',');
    if (c === '[') return list('record', i, 1, ']', pair('recordPair', '|->'), ',');
    if (c === '(') return list('function', i, 1, ')', pair('functionPair', ':>'), '@@');
    if (text.startsWith('SUBSET', i)) {
      const child = parse(skipWhitespace(i + 6));
      return { type: 'subset', first: i, last: child.last, children: [child] };
    }
    return constant(i);
  };

  return parse;
}

interface Style {
  open: string;
  close: string;
  pad: string;
  sep: string;
  /** For pairs: the divider (` |->`, ` :>`) and the extra indentation of a value put below its key. */
  div?: string;
  divPad?: string;
}

const STYLES: Partial<Record<NodeType, Style>> = {
  set: { open: '{ ', close: ' }', pad: '  ', sep: ',' },
  sequence: { open: '<< ', close: ' >>', pad: '   ', sep: ',' },
  subset: { open: 'SUBSET ', close: ' ', pad: ' ', sep: ',' },
  function: { open: '( ', close: ' )', pad: '  ', sep: ' @@', div: ' :>', divPad: '    ' },
  record: { open: '[ ', close: ' ]', pad: '  ', sep: ',', div: ' |->', divPad: '    ' },
};

function formatter(text: string) {
  const value = (n: Node): string => text.slice(n.first, n.last + 1);
  const length = (n: Node): number => n.last - n.first + 1;

  /** `width` columns are available; the last line must keep `trailer` columns free for closers. */
  const format = (n: Node, width: number, trailer: number, leftPad: string): string => {
    if (length(n) <= width - trailer) return value(n);
    const style = STYLES[n.type];
    if (!style) {
      if (n.type === 'constant') return value(n);
      throw new Unreadable();
    }
    const innerWidth = width - Math.max(style.open.length, style.pad.length);
    const innerTrailer = trailer + style.close.length;
    const innerPad = leftPad + style.pad;
    const body = style.div
      ? pairs(n.children, innerWidth, innerTrailer, innerPad, style)
      : elements(n.children, innerWidth, innerTrailer, innerPad, style.sep);
    return style.open + body + style.close;
  };

  const elements = (
    nodes: Node[],
    width: number,
    trailer: number,
    leftPad: string,
    sep: string,
  ): string =>
    nodes
      .map((n, k) =>
        k < nodes.length - 1
          ? format(n, width, sep.length, leftPad) + sep + '\n' + leftPad
          : format(n, width, trailer, leftPad),
      )
      .join('');

  const pairs = (
    nodes: Node[],
    width: number,
    trailer: number,
    leftPad: string,
    style: Style,
  ): string => {
    const div = style.div as string;
    const divPad = style.divPad as string;
    let out = '';
    nodes.forEach((p, k) => {
      const [key, val] = p.children;
      const isLast = k === nodes.length - 1;
      // Not-last pairs may use the full width (their separator follows); the last keeps the trailer.
      const sepOrTrailer = isLast ? 0 : style.sep.length;
      const available = isLast ? width - trailer : width;
      const ending = isLast ? '' : style.sep + '\n' + leftPad;
      const valTrailer = isLast ? trailer : style.sep.length;
      if (length(key) + div.length + 1 + length(val) + sepOrTrailer <= available) {
        out += value(key) + div + ' ' + value(val) + ending;
        return;
      }
      const keyText =
        length(key) + div.length <= width
          ? value(key)
          : format(key, width, trailer + div.length, leftPad);
      out +=
        keyText +
        div +
        '\n' +
        leftPad +
        divPad +
        format(val, width - divPad.length, valTrailer, leftPad + divPad) +
        ending;
    });
    return out;
  };

  return format;
}

/**
 * TLC's `Values.ppr`: `oneLine` (a value as TLC's toString prints it) broken over lines to fit 80
 * columns, or returned as is when TLC's re-reading would fail or not reach its end.
 */
export function tlcPrettyPrint(oneLine: string): string {
  try {
    const tree = reader(oneLine)(0);
    if (tree.last < oneLine.length - 1) return oneLine;
    return formatter(oneLine)(tree, WIDTH, 0, '');
  } catch (e) {
    if (e instanceof Unreadable) return oneLine;
    throw e;
  }
}

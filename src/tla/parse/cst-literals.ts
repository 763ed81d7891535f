/**
 * Literal values: numbers in every base become decimal strings (the evaluator never sees `\h1F`),
 * strings have their escapes processed.
 */
import type { CstNode } from './cst-context';

const RADIX_PREFIX: Readonly<Record<string, string>> = {
  binary_number: '0b',
  octal_number: '0o',
  hex_number: '0x',
};

/** `nat_number` or a `\b`/`\o`/`\h` number node → its value in decimal, without leading zeros. */
export function decimalOfNumber(node: CstNode): string {
  const prefix = RADIX_PREFIX[node.type];
  if (!prefix) return BigInt(node.text).toString();
  const digits = node.namedChildren.find((c) => c?.type === 'value')?.text ?? '0';
  return BigInt(prefix + digits).toString();
}

// The escapes TLA+ defines (Specifying Systems, 16.1.10); any other backslash stays as written.
const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  f: '\f',
};

/** The value of a string literal given its source text, quotes included. */
export function stringValue(literal: string): string {
  const body =
    literal.endsWith('"') && literal.length >= 2 ? literal.slice(1, -1) : literal.slice(1);
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length) {
      const escaped = ESCAPES[body[i + 1]];
      if (escaped !== undefined) {
        out += escaped;
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/**
 * Community Module definitions whose TLA+ text is a placeholder for Java of the Community Modules'
 * own (`ChiSquare(…) == TRUE`, `SVGElemToString(elem) == TRUE`, `NodeOfRingNetwork(…) ==
 * [x |-> 0, y |-> 0]`): evaluating that text would answer silently and wrongly, so these compute
 * what the Community Modules' Java computes.
 */
import { type Value, RecordValue, ValueError, isFunction } from '../../core/values';
import { printValue } from '../print';
import type { Builtin } from './types';

function fail(message: string): never {
  throw new ValueError(message);
}

// ---------------------------------------------------------------- Statistics!ChiSquare

/** ln Γ(x) (Lanczos, as Apache Commons Math's Gamma.logGamma for x >= 0.5). */
function logGamma(x: number): number {
  const g = 607 / 128;
  const c = [
    0.9999999999999971, 57.15623566586292, -59.59796035547549, 14.136097974741746,
    -0.4919138160976202, 3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5,
    1.580887032249125e-4, -2.1026444172410488e-4, 2.1743961811521265e-4, -1.643181065367639e-4,
    8.441822398385275e-5, -2.6190838401581408e-5, 3.6899182659531625e-6,
  ];
  let sum = 0;
  for (let i = c.length - 1; i > 0; i--) sum += c[i] / (x + i);
  sum += c[0];
  const t = x + g + 0.5;
  return (x + 0.5) * Math.log(t) - t + Math.log(Math.sqrt(2 * Math.PI) * (sum / x));
}

/** The regularized lower incomplete gamma function P(a, x) (series, or continued fraction). */
function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= a + 1) return 1 - regularizedGammaQ(a, x);
  let n = 0;
  let an = 1 / a;
  let sum = an;
  while (Math.abs(an / sum) > 1e-15 && n < 100000) {
    n++;
    an = an * (x / (a + n));
    sum += an;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * sum;
}

function regularizedGammaQ(a: number, x: number): number {
  // Lentz's continued fraction for Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

function counts(v: Value, nth: string): number[] {
  if (!isFunction(v))
    return fail(
      `The ${nth} argument of ChiSquare should be a function, but instead it is:\n${printValue(v)}`,
    );
  const out: number[] = [];
  for (let i = 0; i < v.size(); i++) {
    const x = v.valueAt(i);
    out.push(
      typeof x === 'number'
        ? x
        : fail(
            `The ${nth} argument of ChiSquare should map to integers, but maps to ${printValue(x)}`,
          ),
    );
  }
  return out;
}

/**
 * Apache Commons Math's ChiSquareTest.chiSquareTest(expected, observed, alpha), negated: TRUE when
 * the observed counts do not let one reject, at significance alpha, that they follow the expected.
 */
function chiSquare(expectedV: Value, actualV: Value, alphaV: Value): boolean {
  const expected = counts(expectedV, 'first');
  const observed = counts(actualV, 'second');
  if (typeof alphaV !== 'string')
    return fail(
      `The third argument of ChiSquare should be a string representing a double in (0, .5], but instead it is:\n${printValue(alphaV)}`,
    );
  const alpha = Number(alphaV);
  if (!(alpha > 0 && alpha <= 0.5))
    return fail(`ChiSquare: the significance level ${alphaV} is not in (0, 0.5]`);
  if (expected.length < 2)
    return fail(`ChiSquare: ${expected.length} expected counts, at least 2 are needed`);
  if (expected.length !== observed.length)
    return fail(
      `ChiSquare: ${expected.length} expected counts but ${observed.length} observed ones`,
    );
  if (expected.some((e) => e <= 0)) return fail('ChiSquare: the expected counts must be positive');
  if (observed.some((o) => o < 0))
    return fail('ChiSquare: the observed counts must not be negative');
  const sumE = expected.reduce((a, b) => a + b, 0);
  const sumO = observed.reduce((a, b) => a + b, 0);
  const rescale = Math.abs(sumE - sumO) > 10e-6;
  const ratio = rescale ? sumO / sumE : 1;
  let stat = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = rescale ? ratio * expected[i] : expected[i];
    const dev = observed[i] - e;
    stat += (dev * dev) / e;
  }
  const pValue = 1 - regularizedGammaP((expected.length - 1) / 2, stat / 2);
  return !(pValue < alpha);
}

// ---------------------------------------------------------------- SVG

function field(r: Value, name: string): Value {
  const v = isFunction(r) ? r.apply(name) : undefined;
  return v === undefined
    ? fail(`An SVG element must be a record with a field ${name}: ${printValue(r)}`)
    : v;
}

function str(v: Value, what: string): string {
  return typeof v === 'string'
    ? v
    : fail(`SVGElemToString: ${what} must be a string, not ${printValue(v)}`);
}

function svgElemToString(elem: Value): string {
  if (!(elem instanceof RecordValue))
    return fail(`An SVG element must be a record, not ${printValue(elem)}`);
  const name = str(field(elem, 'name'), 'name');
  const attrs = field(elem, 'attrs');
  if (!isFunction(attrs))
    return fail(`SVGElemToString: attrs must be a record, not ${printValue(attrs)}`);
  let attrStr = '';
  for (let i = 0; i < attrs.size(); i++) {
    const k = attrs.domainAt(i);
    attrStr += ` ${str(k, 'an attribute name').replaceAll('_', '-')}='${str(attrs.valueAt(i), 'an attribute value')}'`;
  }
  const childrenV = field(elem, 'children');
  if (!isFunction(childrenV))
    return fail(`SVGElemToString: children must be a tuple, not ${printValue(childrenV)}`);
  let children = '';
  for (let i = 0; i < childrenV.size(); i++) children += svgElemToString(childrenV.valueAt(i));
  const inner = str(field(elem, 'innerText'), 'innerText')
    .replaceAll('<<', '&lt;&lt;')
    .replaceAll('>>', '&gt;&gt;');
  return `<${name}${attrStr}>${inner}${children}</${name}>`;
}

function ringNode(args: Value[]): Value {
  const [cx, cy, r, n, m] = args.map((a) =>
    typeof a === 'number'
      ? a
      : fail(`NodeOfRingNetwork expects integers, but got ${printValue(a)}`),
  );
  const angle = ((2 * Math.PI) / m) * n;
  // Java's (int) cast: toward zero.
  return RecordValue.fromEntries([
    ['x', Math.trunc(cx + r * Math.cos(angle))],
    ['y', Math.trunc(cy + r * Math.sin(angle))],
  ]);
}

export const statisticsNatives: Builtin[] = [
  { name: 'ChiSquare', arity: 3, call: ([e, a, alpha]) => chiSquare(e, a, alpha) },
];

export const svgNatives: Builtin[] = [
  { name: 'SVGElemToString', arity: 1, call: ([e]) => svgElemToString(e) },
  { name: 'NodeOfRingNetwork', arity: 5, call: ringNode },
];

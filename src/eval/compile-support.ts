/**
 * What the compiled closures share at run time: the closure type `Ev`, frames entered and left,
 * the checks that turn a value of the wrong kind into an evaluation error at its range, integers
 * kept in TLC's 32-bit range, and arguments passed unevaluated (`LazyArg`). The compiler's layers
 * (compile-expr.ts and the files it builds on) and the action compiler all use these.
 */
import type { Expr, Range } from '../tla/ast/ast';
import { forEachChild } from '../tla/ast/ast-walk';
import { type Value, type SetBase, isFunction, isSet } from '../core/values';
import { EvalError, withRange } from './errors';
import type { Ctx, Frame, Scope } from './scope';
import { printValue } from './print';

export type Ev = (c: Ctx) => Value;

/** The enumerator form of an action (see compile-action.ts); declared here to break the cycle. */
export type Act = (c: Ctx, k: () => void) => void;

export interface ActionCompiler {
  enabled(e: Expr, sc: Scope): (c: Ctx) => boolean;
}

/** Evaluates `ev` with `frame` as the current frame, then makes the caller's frame current again. */
export function evalInFrame(c: Ctx, frame: Frame | null, ev: Ev): Value {
  const saved = c.f;
  c.f = frame;
  try {
    return ev(c);
  } finally {
    c.f = saved;
  }
}

export function describe(v: Value): string {
  try {
    return printValue(v);
  } catch {
    return String(v);
  }
}

export function asBool(v: Value, range: Range, what = 'expression'): boolean {
  if (typeof v !== 'boolean')
    throw new EvalError(`The ${what} should be a boolean, but it is ${describe(v)}`, range);
  return v;
}

export function asSet(v: Value, range: Range): SetBase {
  if (!isSet(v)) throw new EvalError(`A set was expected, but the value is ${describe(v)}`, range);
  return v;
}

/**
 * The argument of a function defined over one set per bound (`f[x \in S, y \in T] == e`), one
 * value per bound, each checked to lie in its set (`sets`, evaluated in c): `f[a]` is [a];
 * `f[a, b]`, whose key is the tuple <<a, b>>, is [a, b] for two bounds.
 */
export function functionArgs(
  c: Ctx,
  k: Value,
  sets: readonly Ev[],
  name: string | undefined,
  range: Range,
): Value[] {
  const n = sets.length;
  const parts =
    n === 1
      ? [k]
      : isFunction(k) && k.size() === n
        ? Array.from({ length: n }, (_, i) => k.valueAt(i))
        : null;
  if (parts && parts.every((x, i) => asSet(sets[i](c), range).contains(x))) return parts;
  throw new EvalError(
    `The function${name ? ` ${name}` : ''} is applied to ${describe(k)}, outside its domain`,
    range,
  );
}

export function enumerateSet(v: Value, range: Range): readonly Value[] {
  try {
    return asSet(v, range).enumerate().elems;
  } catch (e) {
    return withRange(e, range);
  }
}

const MAX_INT = 2147483647;
const MIN_INT = -2147483648;

/** An integer literal, read exactly (a double would turn 9007199254740993 into ...992). */
export function intLiteral(digits: string, range: Range): number {
  const n = BigInt(digits);
  if (n > BigInt(MAX_INT) || n < BigInt(MIN_INT)) {
    throw new EvalError(`Integer overflow: ${digits} is outside TLC's 32-bit integer range`, range);
  }
  return Number(n);
}

export function checkInt(n: number, range?: Range): number {
  if (n > MAX_INT || n < MIN_INT) {
    throw new EvalError(`Integer overflow: ${n} is outside TLC's 32-bit integer range`, range);
  }
  return n;
}

/**
 * An argument of a user-defined operator, not evaluated yet. TLC passes arguments unevaluated and
 * evaluates each one when (and only if) the body first uses it, once: an argument the body never
 * reads may fail (`Op(Head(<<>>))` with `Op(x) == 0` is 0) or cost nothing. Read through the
 * parameter's slot, which then holds the value.
 */
export class LazyArg {
  declare readonly ev: Ev;
  declare readonly c: Ctx;
  declare readonly frame: Frame | null;
  constructor(ev: Ev, c: Ctx) {
    this.ev = ev;
    this.c = c;
    this.frame = c.f;
  }
  force(): Value {
    return evalInFrame(this.c, this.frame, this.ev);
  }
}

/** A parameter's value for an action label: an argument not evaluated yet is evaluated now. */
export function labelArg(x: Value): Value {
  if (!(x instanceof LazyArg)) return x;
  try {
    return x.force();
  } catch {
    return '…'; // an argument the action never needed, which fails: the label says so
  }
}

/** Arguments as a built-in takes them: evaluated. */
export function forced(vals: Value[]): Value[] {
  for (let i = 0; i < vals.length; i++) {
    const x = vals[i];
    if (x instanceof LazyArg) vals[i] = x.force();
  }
  return vals;
}

/**
 * `run` for a value evaluated later (a lazy function's body, a lazy set's predicate), in the
 * state and frame of now: a copy of the frame, so that later evaluations of the enclosing
 * expression, which reuse the frame's slots, cannot change what it sees. (One copy serves every
 * call: a body cannot refer to the value it defines.)
 */
export function inContextOf<T>(c: Ctx, run: (at: Ctx, x: Value) => T): (x: Value) => T {
  const at: Ctx = { s: c.s, n: c.n, f: c.f ? { v: c.f.v.slice(), up: c.f.up } : c.f };
  return (x) => run(at, x);
}

/** Does the expression bind variables anywhere inside (so that evaluating it needs frame slots)? */
export function hasBinders(e: Expr): boolean {
  switch (e.kind) {
    case 'SetFilter':
    case 'SetMap':
    case 'FcnCtor':
    case 'Choose':
    case 'Quant':
    case 'Let':
    case 'Lambda':
    case 'Except':
    case 'TemporalQuant':
      return true;
  }
  let found = false;
  forEachChild(e, (ch) => {
    if (!found && hasBinders(ch)) found = true;
  });
  return found;
}

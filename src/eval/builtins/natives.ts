/**
 * What the native implementations of library operators share (bags.ts, sequences-ext.ts, …).
 *
 * A Community Module's operator is what its TLA+ definition says (TLC evaluates that text: the
 * Community Modules' Java overrides are not part of TLC). Its native code computes the same value
 * fast for the arguments the operator is meant for, and leaves every other argument to the
 * definition itself by throwing `USE_DEFINITION`: the model builder then evaluates the TLA+ text
 * with those arguments (library.ts), so that unusual arguments (not a sequence, an index out of
 * range, an empty set for Max, …) give exactly what the text gives, errors included.
 */
import {
  type Value,
  type FunctionBase,
  type SetBase,
  OpValue,
  TupleValue,
  isFunction,
  isSet,
} from '../../core/values';
import { LazyFunctionValue } from '../../core/lazy-sets';
import { builtinTable } from './index';
import type { Builtin, EvalServices } from './types';

/** Thrown by native code for arguments it leaves to the operator's TLA+ definition. */
export const USE_DEFINITION = new Error('evaluate the TLA+ definition for these arguments');

export function useDefinition(): never {
  throw USE_DEFINITION;
}

/** A function value with a finite domain, or USE_DEFINITION. */
export function fcnArg(v: Value): FunctionBase {
  return isFunction(v) && !(v instanceof LazyFunctionValue) ? v : useDefinition();
}

/** DOMAIN f as the kernel has it (its membership test is TLC's: another kind of value fails). */
export function domainSet(f: FunctionBase): SetBase {
  return builtinTable().get('DOMAIN')!.call1!(f) as SetBase;
}

/** The index of x in DOMAIN f, or -1: `x \in DOMAIN f` as the TLA+ text (and TLC) test it. */
export function indexInDomain(f: FunctionBase, x: Value): number {
  return domainSet(f).contains(x) ? f.indexOf(x) : -1;
}

/** A sequence's elements (a function on 1..n), or USE_DEFINITION (strings included). */
export function seqArg(v: Value): readonly Value[] {
  if (v instanceof TupleValue) return v.elems;
  if (!isFunction(v)) return useDefinition();
  const n = v.size();
  const out = new Array<Value>(n);
  for (let i = 0; i < n; i++) {
    if (v.domainAt(i) !== i + 1) return useDefinition();
    out[i] = v.valueAt(i);
  }
  return out;
}

/** A finite set, or USE_DEFINITION. */
export function finiteSetArg(v: Value): SetBase {
  return isSet(v) && v.isFinite() ? v : useDefinition();
}

/** A finite set's elements in the canonical order (the order CHOOSE x \in S : TRUE takes them). */
export function elemsArg(v: Value): readonly Value[] {
  return finiteSetArg(v).enumerate().elems;
}

export function intArg(v: Value): number {
  return typeof v === 'number' ? v : useDefinition();
}

export function opArg(v: Value): OpValue {
  return v instanceof OpValue ? v : useDefinition();
}

/** The result of an operator argument that the definition uses as a boolean. */
export function boolResult(v: Value): boolean {
  return typeof v === 'boolean' ? v : useDefinition();
}

/** TLC's 32-bit integers: a result out of range is the definition's overflow error. */
export function checkedInt(n: number): number {
  return n > 2147483647 || n < -2147483648 ? useDefinition() : n;
}

type Fn1 = (a: Value) => Value;
type Fn2 = (a: Value, b: Value) => Value;

/** A native of one parameter; `opParams` when it is an operator. */
export function native1(name: string, f: Fn1, opParams?: number[]): Builtin {
  return { name, arity: 1, opParams, call: (a) => f(a[0]), call1: f };
}

export function native2(name: string, f: Fn2, opParams?: number[]): Builtin {
  return { name, arity: 2, opParams, call: (a) => f(a[0], a[1]), call2: f };
}

export function nativeN(
  name: string,
  arity: number,
  f: (args: Value[], sv: EvalServices) => Value,
  opParams?: number[],
): Builtin {
  return { name, arity, opParams, call: f };
}

export function seq(elems: Value[]): TupleValue {
  return new TupleValue(elems);
}

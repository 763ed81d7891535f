/**
 * Closure factories copied per site. V8 keeps type feedback and optimized code per function
 * literal (all the closures one literal makes share them): the one closure kind for `r.f` serves
 * every record field access of the spec, so its calls and property reads see every shape and
 * callee there is, and none is inlined. `perSite(factory)` gives a factory whose every call runs a
 * fresh copy of `factory`, compiled from its source with `new Function`: the closures of each site
 * get feedback and optimized code of their own, and a parent calls a child that is always the
 * same function, which V8 can inline.
 *
 * A factory must be self-contained: its source may refer only to its own parameters and to
 * JavaScript's globals (a copy sees neither the module's imports nor its other names). It takes
 * what it needs from `rt`, passed as an argument. Where `new Function` is unavailable (a strict
 * Content-Security-Policy), or a copy cannot be made, the factory itself is called: the same
 * closures, with shared feedback.
 */
import { RecordValue, OpValue, SetValue, TupleValue, equals, isFunction } from '../core/values';
import { IntervalValue, MAX_ENUMERATION } from '../core/lazy-sets';
import { EvalError, withRange } from './errors';
import { asBool, describe, enumerateSet } from './compile-support';

/** What the factories' closures use at run time (EvalError under another name: a copy would see the global one). */
export const rt = {
  RecordValue,
  OpValue,
  SetValue,
  TupleValue,
  IntervalValue,
  MAX_ENUMERATION,
  EvalErr: EvalError,
  withRange,
  asBool,
  describe,
  enumerateSet,
  equals,
  isFunction,
};
export type Runtime = typeof rt;

let available = true;
let serial = 0;

/** Turns copying off (tests compare both ways) or on again; returns the previous setting. */
export function setPerSite(on: boolean): boolean {
  const was = available;
  available = on;
  return was;
}

/** `name` names the copies in profiles (their URL: site:name/serial). */
export function perSite<A extends unknown[], R>(
  name: string,
  factory: (...args: A) => R,
): (...args: A) => R {
  let source: string | undefined;
  return (...args: A): R => {
    if (available) {
      let copy: ((...args: A) => R) | undefined;
      try {
        source ??= factory.toString();
        // The serial makes each source distinct: V8 would share one compiled copy of equal sources.
        // EvalError is shadowed: a factory naming it would mean ours, and get JavaScript's.
        const make = new Function(
          'EvalError',
          `return (${source})\n//# sourceURL=site:${name}/${++serial}`,
        );
        copy = make(undefined) as (...args: A) => R;
      } catch {
        available = false;
      }
      if (copy) return copy(...args);
    }
    return factory(...args);
  };
}

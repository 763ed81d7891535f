/**
 * TLCExt and Randomization: TLC overrides these definitions (or most of them) in Java
 * (tlc2.module.TLCExt, tlc2.module.Randomization); their TLA+ text is a placeholder.
 */
import { type Value, ModelValue, SetValue, ValueError, isSet } from '../../core/values';
import { printValue } from '../print';
import { random } from './random';
import type { Builtin } from './types';

function argError(nth: string, op: string, what: string, v: Value): never {
  throw new ValueError(
    `The ${nth} argument of ${op} should be a ${what}, but instead it is:\n${printValue(v)}`,
  );
}

export const tlcExtNatives: Builtin[] = [
  {
    name: 'TLCGetOrDefault',
    arity: 2,
    impure: true,
    // TLC: the register's value for an integer key that has been set, the default otherwise.
    call: ([key, dflt], sv) => (typeof key === 'number' ? (sv.tlcRegister?.(key) ?? dflt) : dflt),
  },
  {
    name: 'TLCModelValue',
    arity: 1,
    call: ([s]) =>
      typeof s === 'string' ? ModelValue.of(s) : argError('first', 'TLCModelValue', 'string', s),
  },
  {
    name: 'PickSuccessor',
    arity: 1,
    call: ([guard]) => {
      if (typeof guard !== 'boolean') {
        throw new ValueError(
          `In evaluating TLCExt!PickSuccessor, a non-boolean expression (${printValue(guard)}) was used as the condition of an IF.`,
        );
      }
      if (guard) return true;
      throw new ValueError(
        "PickSuccessor with a FALSE condition asks at TLC's console which successor states to keep; specstage has no console session (explore the behaviours by hand in the Explore view instead).",
      );
    },
  },
];

/** A uniformly random k-element subset of elems. */
function randomSubset(elems: readonly Value[], k: number): Value[] {
  const pool = elems.slice();
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

/** `picks` subsets, each element of elems in one with probability p; duplicates counted once. */
function coinTossingSubsets(elems: readonly Value[], picks: number, p: number): Value {
  const out: Value[] = [];
  for (let n = 0; n < picks; n++) out.push(SetValue.of(elems.filter(() => random() < p)));
  return SetValue.of(out);
}

function finiteSet(nth: string, op: string, v: Value): readonly Value[] {
  if (!isSet(v) || !v.isFinite()) return argError(nth, op, 'finite set', v);
  return v.enumerate().elems;
}

// Not `impure`, as RandomElement: TLC evaluates a constant definition that draws at random once.
export const randomizationNatives: Builtin[] = [
  {
    name: 'RandomSubset',
    arity: 2,
    call: ([k, s]) => {
      if (typeof k !== 'number') return argError('first', 'RandomSubset', 'nonnegative integer', k);
      const elems = finiteSet('second', 'RandomSubset', s);
      if (k < 0) return argError('first', 'RandomSubset', 'nonnegative integer', k);
      // As TLC: asking for more elements than the set has gives the whole set.
      return SetValue.of(randomSubset(elems, Math.min(k, elems.length)));
    },
  },
  {
    name: 'RandomSetOfSubsets',
    arity: 3,
    call: ([k, n, s]) => {
      if (typeof k !== 'number' || k < 0)
        return argError('first', 'RandomSetOfSubsets', 'nonnegative integer', k);
      if (typeof n !== 'number' || n < 0)
        return argError('second', 'RandomSetOfSubsets', 'nonnegative integer', n);
      const elems = finiteSet('third', 'RandomSetOfSubsets', s);
      if (elems.length < 31 && k > 2 ** elems.length) {
        return argError(
          'first',
          'RandomSetOfSubsets',
          `nonnegative integer that is smaller than the subset's size of 2^${elems.length}`,
          k,
        );
      }
      if (elems.length < n)
        return argError(
          'second',
          'RandomSetOfSubsets',
          'nonnegative integer in range 0..Cardinality(S)',
          n,
        );
      return coinTossingSubsets(elems, k, n / elems.length);
    },
  },
];

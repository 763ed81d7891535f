/**
 * A built-in operator: the native implementation of an operator of a standard or community module.
 * TLC does the same (Java overrides of the TLA+ definitions); the TLA+ text of those modules stays
 * the reference semantics.
 */
import type { Value } from '../../core/values';

export interface EvalServices {
  /** Print / PrintT output sink. */
  print(line: string): void;
  /** TLCGet / TLCSet registers and run statistics. */
  tlcGet(key: Value): Value;
  tlcSet(key: Value, v: Value): void;
  /** TLCGet's register `i` if it has been set (TLCExt!TLCGetOrDefault), else undefined. */
  tlcRegister?(i: number): Value | undefined;
  /**
   * Random 32-bit words where the run samples (simulation): Quint's `Int.oneOf()` draws from it.
   * Absent where the run enumerates (check, explore).
   */
  sample?(): number;
  /**
   * Where a trace is replayed with its recorded choices (Quint's ITF `mbt::nondetPicks`): the
   * pick of the nondet named so at this step, `none` for one the step did not pick, undefined for
   * a name the trace does not record. Absent elsewhere.
   */
  pick?(name: string): NondetPick | undefined;
}

/**
 * A recorded nondet pick: the value itself where it is plain (an integer, a string, a Boolean:
 * `Int.oneOf()`, `0.to(2^256 - 1).oneOf()`), membership alone deciding; else the pick built as a
 * value where it can be (a candidate, membership tested without enumerating the set), and a test
 * for an element of an enumerated set; or `none`, the step made no pick there.
 */
export type NondetPick =
  | 'none'
  | {
      value?: Value;
      /** The pick built as a value (a list, record, map, set): taken where the set has it. */
      candidate?: Value;
      matches(v: Value): boolean;
    };

export interface Builtin {
  name: string;
  arity: number;
  /** Indices of parameters that take an operator (e.g. SelectSeq's Test). */
  opParams?: number[];
  /** The result may differ between evaluations with equal arguments (TLCGet, RandomElement, …). */
  impure?: boolean;
  /** Zero-arity built-ins (Nat, BOOLEAN, …) give their value directly. */
  value?: Value;
  call?: (args: Value[], services: EvalServices) => Value;
  /** Direct forms for one and two arguments: no argument array on the hot path. */
  call1?: (a: Value) => Value;
  call2?: (a: Value, b: Value) => Value;
  /**
   * `call2(a, {e})` given e, for a second argument written as a one-element set (`S \cup {x}`):
   * the same value and the same errors, without building the set {e}.
   */
  callWithSingleton?: (a: Value, e: Value) => Value;
}

export type BuiltinTable = Map<string, Builtin>;

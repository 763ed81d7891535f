/**
 * A TLC model configuration (`.cfg`) as data. Produced by `parseConfig` (src/cfg/parse.ts),
 * consumed by the checker. Every entry keeps its range in the .cfg so errors point at its line;
 * a range's `module` is the .cfg file name.
 */
import type { Range } from '../tla/ast/ast';

/** A value written in a .cfg: `3`, `"a"`, `TRUE`, a model value `p1`, a set `{p1, p2}`. */
export type CfgValue =
  | { kind: 'int'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'bool'; value: boolean }
  /** An identifier on the right of `=` is a TLC model value (`p1`, or `x` in `x = x`). */
  | { kind: 'modelValue'; name: string }
  | { kind: 'set'; elems: CfgValue[] };

export type ConstantAssignment =
  /**
   * `N = 3`, `Procs = {p1, p2}`, `Nil = Nil`. TLC also accepts `N = [Mod] 3` (the constant `N` of
   * module `Mod`: `module`) and operator constants given pointwise, `F(1, 2) = 3` (`args`).
   */
  | {
      kind: 'value';
      name: string;
      value: CfgValue;
      range: Range;
      module?: string;
      args?: CfgValue[];
    }
  /** `N <- Op` : the constant is replaced by the definition `Op` of the spec (or its MC module). */
  | { kind: 'replace'; name: string; by: string; range: Range }
  /** `N <- [Mod] Op` : replace `N` in module `Mod` by `Op`. */
  | { kind: 'moduleReplace'; module: string; name: string; by: string; range: Range };

export interface NamedEntry {
  name: string;
  range: Range;
}

export interface ModelConfig {
  constants: ConstantAssignment[];
  init?: NamedEntry;
  next?: NamedEntry;
  specification?: NamedEntry;
  invariants: NamedEntry[];
  properties: NamedEntry[];
  constraints: NamedEntry[];
  actionConstraints: NamedEntry[];
  symmetry?: NamedEntry;
  view?: NamedEntry;
  alias?: NamedEntry;
  postcondition?: NamedEntry;
  /** CHECK_DEADLOCK TRUE/FALSE when given; TLC's default is TRUE. */
  checkDeadlock?: boolean;
}

/** A .cfg syntax error: message and the range (line) it is at. */
export interface CfgError {
  message: string;
  range: Range;
}

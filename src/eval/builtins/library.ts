/**
 * The operators of library modules (src/tla/library: standard, Community, TLAPS, Apalache) that the
 * engine implements natively, as TLC does with its Java overrides. The model builder binds such a
 * definition to its native implementation instead of its TLA+ text, whether the module comes from
 * the shipped library or from a file of the user's with the same module name (as TLC does).
 *
 * A module's entry sorts its public definitions: `native` (implemented here), `tla` (evaluated from
 * its TLA+ definition, which is what TLC evaluates too), `unsupported` (a placeholder whose real
 * meaning TLC gives in Java and that cannot be had here: reading files, running programs, reals),
 * each with the reason, given in the error when it is evaluated. A definition a module's entry does
 * not name is evaluated from its TLA+ text.
 */
import { type Value, ValueError } from '../../core/values';
import { builtinTable } from './index';
import type { Builtin } from './types';
import { USE_DEFINITION } from './natives';

export interface ModuleNatives {
  module: string;
  /**
   * The module's definitions implemented natively: a built-in of the shared table (builtinTable)
   * by name, or a built-in of this module's own, whose `name` is the definition's.
   */
  native: (string | Builtin)[];
  /** Definitions that TLC evaluates from their TLA+ text too. */
  tla?: string[];
  /** Definitions that cannot be evaluated here: name → why. */
  unsupported?: Record<string, string>;
}

const NATURALS = ['Nat', '+', '-', '*', '^', '<', '>', '<=', '>=', '%', '\\div', '..'];

export const LIBRARY_NATIVES: ModuleNatives[] = [
  { module: 'Naturals', native: NATURALS },
  { module: 'Integers', native: ['Int', '-.'] },
  {
    module: 'Reals',
    native: ['Real'],
    unsupported: {
      '/': 'TLC has no real numbers: real division cannot be evaluated',
      Infinity: 'TLC has no real numbers: Infinity cannot be evaluated',
    },
  },
  {
    module: 'Sequences',
    native: ['Seq', 'Len', '\\o', 'Append', 'Head', 'Tail', 'SubSeq', 'SelectSeq'],
  },
  { module: 'FiniteSets', native: ['IsFiniteSet', 'Cardinality'] },
  {
    module: 'TLC',
    native: [
      'Print',
      'PrintT',
      'Assert',
      'JavaTime',
      'TLCGet',
      'TLCSet',
      ':>',
      '@@',
      'Permutations',
      'SortSeq',
      'RandomElement',
      'Any',
      'ToString',
      'TLCEval',
    ],
  },
  { module: 'Bags', native: ['IsABag'] },
];

const byModule = new Map<string, ModuleNatives>();

function unsupported(module: string, name: string, arity: number, why: string): Builtin {
  const fail = (): never => {
    throw new ValueError(
      `${name} of the module ${module} cannot be evaluated by specstage: ${why}`,
    );
  };
  return { name, arity, call: fail, call1: fail, call2: fail };
}

/**
 * A native built-in of a Community Module that may leave its arguments to the definition's TLA+
 * text: `text` evaluates the definition (made on first use, at most once per binding).
 */
function withText(b: Builtin, text: (() => (vals: Value[]) => Value) | undefined): Builtin {
  let viaText: ((vals: Value[]) => Value) | undefined;
  const fallback = (args: Value[]): Value => {
    if (!text)
      throw new ValueError(
        `${b.name} cannot be evaluated here for these arguments (an instance of its module with parameters)`,
      );
    viaText ??= text();
    return viaText(args);
  };
  const call = b.call!;
  const out: Builtin = {
    ...b,
    call: (args, sv) => {
      try {
        return call(args, sv);
      } catch (e) {
        if (e === USE_DEFINITION) return fallback(args);
        throw e;
      }
    },
  };
  const f1 = b.call1;
  if (f1) {
    out.call1 = (a) => {
      try {
        return f1(a);
      } catch (e) {
        if (e === USE_DEFINITION) return fallback([a]);
        throw e;
      }
    };
  }
  const f2 = b.call2;
  if (f2) {
    out.call2 = (a, c) => {
      try {
        return f2(a, c);
      } catch (e) {
        if (e === USE_DEFINITION) return fallback([a, c]);
        throw e;
      }
    };
  }
  return out;
}

/**
 * The native implementation of `module`'s definition `name` with `arity` parameters, or undefined
 * when it is to be evaluated from its TLA+ text. A definition whose arity differs from the native's
 * (a user's module that only shares the library module's name) keeps its own text. `text`
 * evaluates the definition's TLA+ text, for the arguments the native code leaves to it.
 */
export function nativeDefinition(
  module: string,
  name: string,
  arity: number,
  text?: () => (vals: Value[]) => Value,
): Builtin | undefined {
  if (byModule.size === 0) for (const e of LIBRARY_NATIVES) byModule.set(e.module, e);
  const entry = byModule.get(module);
  if (!entry) return undefined;
  for (const n of entry.native) {
    if (typeof n === 'string') {
      if (n !== name) continue;
      const b = builtinTable().get(n);
      if (!b) throw new Error(`The native ${name} of ${module} is not a built-in`);
      return b.arity === arity ? b : undefined;
    }
    if (n.name !== name) continue;
    if (n.arity !== arity) return undefined;
    return n.value !== undefined ? n : withText(n, text);
  }
  const why =
    entry.unsupported && Object.hasOwn(entry.unsupported, name)
      ? entry.unsupported[name]
      : undefined;
  return why === undefined ? undefined : unsupported(module, name, arity, why);
}

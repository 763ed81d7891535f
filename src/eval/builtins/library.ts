/**
 * The definitions of the library modules (src/tla/library: standard, Community, TLAPS, Apalache),
 * sorted by how the engine evaluates them. The model builder binds a definition listed `native` to
 * its native implementation instead of its TLA+ text, whether the module comes from the shipped
 * library or from a file of the user's with the same name (as TLC does with its Java overrides).
 *
 * The reference for what a definition means is what TLC 2.20 does with it:
 * - TLC overrides the standard modules' operators in Java (tlc2.module.*: Naturals, Sequences, TLC,
 *   Bags, TLCExt, Json, Randomization, …); their TLA+ text is often a placeholder (`Nat == { }`,
 *   `JavaTime == CHOOSE n : n \in Nat`) that would give wrong answers silently. Each is `native`,
 *   with the Java's semantics, or `unsupported`.
 * - TLC evaluates the text of the Community Modules, Apalache's and TLAPS' (their Java overrides are
 *   not part of TLC): `tla`, or `native` where specs use them in hot loops. Such a native computes
 *   what the text computes and leaves unusual arguments to the text itself (natives.ts,
 *   USE_DEFINITION), so errors are the text's too. A few Community definitions are placeholders
 *   for Java of the Community Modules' own (IOUtils, CSV, Statistics, Graphs' paths): `native` with
 *   what they are meant to compute, or `unsupported`.
 * - `unsupported`: what cannot be evaluated here (files, programs, a console, the checker's trace,
 *   real numbers), with the reason, which evaluating it reports.
 *
 * library.test.ts checks that every public definition of every library module is sorted once.
 */
import { type Value, ValueError } from '../../core/values';
import { builtinTable } from './index';
import type { Builtin } from './types';
import { USE_DEFINITION } from './natives';
import { EvalError } from '../errors';
import { bagsNatives, bagsExtNatives } from './bags';
import { sequencesExtNatives } from './sequences-ext';
import { functionsNatives } from './functions';
import { finiteSetsExtNatives, foldsNatives } from './finite-sets-ext';
import { tlcExtNatives, randomizationNatives } from './tlc-ext';
import { bitwiseNatives, apalacheNatives, ioUtilsNatives } from './misc';
import { jsonNatives } from './json';
import { graphsNatives, undirectedGraphsNatives } from './graphs';
import { statisticsNatives, svgNatives } from './community-java';

export interface ModuleNatives {
  module: string;
  /**
   * The module's definitions implemented natively: a built-in of the shared table (builtinTable)
   * by name, or a built-in of this module's own, whose `name` is the definition's.
   */
  native: (string | Builtin)[];
  /** Definitions evaluated from their TLA+ text, as TLC evaluates them. */
  tla?: string[];
  /** Definitions that cannot be evaluated here: name → why. */
  unsupported?: Record<string, string>;
  /**
   * The natives compute what the TLA+ text computes (a Community Module's): where one fails, the
   * text decides, as it is the reference (it may take an argument lazily that the native code
   * evaluated, or fail with its own error).
   */
  textBacked?: true;
}

const NATURALS = ['Nat', '+', '-', '*', '^', '<', '>', '<=', '>=', '%', '\\div', '..'];

const FILES = 'it reads or writes files, which specstage does not do';
const PROGRAMS = 'it runs a program of the operating system, which specstage does not do';
const TRACE =
  "it needs the behaviour that leads to the current state, which specstage's checker does not give to expressions";
const TOOLBOX = 'the TLA+ Toolbox defines it while it explores an error trace';
const REALS = 'TLC has no real numbers';
const LAYOUT =
  'the Community Modules compute it in Java (graph layout), which specstage does not reproduce';

/** The TLAPS library: definitions for the prover, which TLC evaluates as text when asked to. */
const TLAPS_MODULES = [
  'TLAPS',
  'NaturalsInduction',
  'WellFoundedInduction',
  'FiniteSetTheorems',
  'SequenceTheorems',
  'BagsTheorems',
];

export const LIBRARY_NATIVES: ModuleNatives[] = [
  // ---------------------------------------------------------------- TLC's standard modules
  { module: 'Naturals', native: NATURALS },
  { module: 'Integers', native: ['Int', '-.'] },
  {
    module: 'Reals',
    native: ['Real'],
    unsupported: {
      '/': `${REALS}: real division cannot be evaluated`,
      Infinity: `${REALS}: Infinity cannot be evaluated`,
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
  { module: 'Bags', native: bagsNatives, tla: ['SubBag'] },
  {
    module: 'TLCExt',
    native: tlcExtNatives,
    // AssertEq and TLCGetAndSet: TLC evaluates their text too; TLCNoOp and TLCCache: the Java equals the text.
    tla: ['AssertEq', 'TLCGetAndSet', 'TLCNoOp', 'TLCCache'],
    unsupported: {
      AssertError: "it compares TLC's own error messages, which specstage's are not",
      Trace: TRACE,
      CounterExample:
        'it is the counterexample TLC gives to a POSTCONDITION, which specstage does not check',
      ToTrace:
        "it turns a CounterExample (TLC's POSTCONDITION) into a trace, which specstage does not check",
      TLCDefer:
        "it defers an evaluation to when TLC's simulator picks a successor, which specstage does not do",
      TLCFP: "it is TLC's own fingerprint of a value, which specstage's fingerprints are not",
      TLCEvalDefinition: 'it evaluates a definition named at run time, which specstage does not do',
    },
  },
  {
    module: 'Randomization',
    native: randomizationNatives,
    tla: ['TestRandomSetOfSubsets'],
  },
  {
    module: 'Json',
    native: jsonNatives,
    unsupported: {
      JsonSerialize: FILES,
      JsonDeserialize: FILES,
      ndJsonSerialize: FILES,
      ndJsonDeserialize: FILES,
    },
  },
  {
    module: 'RealTime',
    native: [],
    unsupported: {
      RTBound: `${REALS}, and real-time bounds are stated with \\EE, which TLC cannot check`,
      RTnow: `${REALS}: the clock now ranges over Real`,
    },
  },
  { module: 'Toolbox', native: [], tla: ['_TEPosition'], unsupported: { _TETrace: TOOLBOX } },
  // ---------------------------------------------------------------- Community Modules
  { module: 'BagsExt', textBacked: true, native: bagsExtNatives },
  {
    module: 'SequencesExt',
    textBacked: true,
    native: sequencesExtNatives,
    tla: ['SetToSortSeq', 'SetToAllKPermutations', 'TupleOf'],
  },
  {
    module: 'Functions',
    textBacked: true,
    native: functionsNatives,
    tla: ['Surjection'],
  },
  { module: 'FiniteSetsExt', textBacked: true, native: finiteSetsExtNatives, tla: ['FlattenSet'] },
  { module: 'Folds', textBacked: true, native: foldsNatives },
  { module: 'Bitwise', textBacked: true, native: bitwiseNatives },
  { module: 'Combinatorics', native: [], tla: ['factorial', 'choose'] },
  {
    module: 'Relation',
    native: [],
    tla: [
      'IsReflexive',
      'IsReflexiveUnder',
      'IsIrreflexive',
      'IsIrreflexiveUnder',
      'IsSymmetric',
      'IsSymmetricUnder',
      'IsAntiSymmetric',
      'IsAntiSymmetricUnder',
      'IsAsymmetric',
      'IsAsymmetricUnder',
      'IsTransitive',
      'IsTransitiveUnder',
      'IsStrictlyPartiallyOrdered',
      'IsStrictlyPartiallyOrderedUnder',
      'IsPartiallyOrdered',
      'IsPartiallyOrderedUnder',
      'IsStrictlyTotallyOrdered',
      'IsStrictlyTotallyOrderedUnder',
      'IsTotallyOrdered',
      'IsTotallyOrderedUnder',
      'TransitiveClosure',
      'ReflexiveTransitiveClosure',
      'IsConnected',
    ],
  },
  {
    module: 'IOUtils',
    native: ioUtilsNatives,
    tla: ['zeroPadN'],
    unsupported: {
      IOSerialize: `${FILES} (in Java's object serialization format)`,
      IODeserialize: `${FILES} (in Java's object serialization format)`,
      Serialize: FILES,
      Deserialize: FILES,
      IOExec: PROGRAMS,
      IOEnvExec: PROGRAMS,
      IOExecTemplate: PROGRAMS,
      IOEnvExecTemplate: PROGRAMS,
      IOEnv: "it reads the environment variables of TLC's process, which specstage does not do",
    },
  },
  {
    module: 'CSV',
    native: [],
    unsupported: { CSVWrite: FILES, CSVWriteRecord: FILES, CSVRead: FILES, CSVRecords: FILES },
  },
  { module: 'Statistics', native: statisticsNatives },
  { module: 'VectorClocks', native: [], tla: ['IsCausalOrder', 'CausalOrder'] },
  {
    module: 'Graphs',
    // AreConnectedIn and SimplePath quantify over Seq(G.node): not evaluable from the text.
    native: graphsNatives,
    tla: [
      'IsDirectedGraph',
      'DirectedSubgraph',
      'Transpose',
      'IsUndirectedGraph',
      'UndirectedSubgraph',
      'Path',
      'IsStronglyConnected',
      'ConnectionsIn',
      'IsTreeWithRoot',
      'GraphUnion',
      'IsBipartiteWithPartitions',
      'HasCycle',
      'IsDag',
      'Successors',
      'AllSuccessors',
      'Predecessors',
      'AllPredecessors',
      'Ancestors',
      'Descendants',
      'InDegree',
      'OutDegree',
      'Roots',
      'Leaves',
      'EmptyGraph',
      'Graphs',
    ],
  },
  {
    module: 'UndirectedGraphs',
    // AreConnectedIn, SimplePath and ConnectedComponents quantify over Seq(…): not evaluable from the text.
    native: undirectedGraphsNatives,
    tla: [
      'IsUndirectedGraph',
      'IsLoopFreeUndirectedGraph',
      'UndirectedSubgraph',
      'Path',
      'IsStronglyConnected',
      'UndirectedGraphs',
    ],
  },
  {
    module: 'GraphViz',
    native: [],
    unsupported: {
      DotDiGraph:
        "the Community Modules name its nodes by TLC's fingerprints, which specstage's are not",
    },
  },
  {
    module: 'SVG',
    native: svgNatives,
    tla: [
      'SVGElem',
      'Line',
      'Circle',
      'Rect',
      'Text',
      'Image',
      'Group',
      'Svg',
      'SVGDoc',
      'PointOnLine',
    ],
    unsupported: {
      NodesOfDirectedMultiGraph: LAYOUT,
      SVGSerialize: FILES,
    },
  },
  {
    module: 'HTML',
    native: [],
    tla: [
      'HTMLFill',
      'HTMLDocument',
      'HTMLClass',
      'HTMLAttribute',
      'HTMLDefaultStyle',
      'HTMLStyleSheet',
      'HTMLScriptFile',
      'HTMLScript',
      'HTMLLink',
      'HTMLHeader',
      'HTMLBody',
      'HTMLFrame',
      'HTMLGridContainer',
      'HTMLBox',
      'HTMLCircle',
      'HTMLText',
      'HTMLSVG',
      'HTMLSize',
      'HTMLNewLine',
      'HTMLFlexCenterAttributes',
      'HTMLJSLineElems',
      'HTMLJSLine',
      'HTMLJSLineDash',
      'HTMLJSKeyListener',
      'HTMLJSNavigationKey',
    ],
  },
  { module: 'ShiViz', native: [], tla: ['Host', 'Clock'] },
  { module: 'Quorum', native: [], tla: ['QuorumSystem'] },
  {
    module: 'DyadicRationals',
    native: [],
    tla: ['IsDyadicRational', 'Zero', 'One', 'Add', 'Half', 'PrettyPrint'],
  },
  {
    module: 'DifferentialEquations',
    native: [],
    unsupported: { Integrate: `${REALS}: Integrate is about real-valued functions` },
  },
  // ---------------------------------------------------------------- Apalache
  {
    module: 'Apalache',
    textBacked: true,
    native: apalacheNatives,
    // `:=` stays text: `x' := e` must remain an assignment to x' in an action.
    tla: [':=', 'Gen', 'Guess', 'Skolem', 'Expand', 'ConstCardinality'],
  },
  {
    module: 'Variants',
    native: [],
    tla: ['UNIT', 'Variant', 'VariantFilter', 'VariantTag', 'VariantGetOrElse', 'VariantGetUnsafe'],
  },
  {
    module: 'Option',
    native: [],
    tla: [
      'Some',
      'None',
      'IsSome',
      'IsNone',
      'OptionCase',
      'OptionMap',
      'OptionFlatMap',
      'OptionGetOrElse',
      'OptionToSeq',
      'OptionToSet',
      'OptionGuess',
      'OptionFunApp',
      'OptionPartialFun',
    ],
  },
  // ---------------------------------------------------------------- TLAPS: every definition from its text
  ...TLAPS_MODULES.map((module) => ({ module, native: [], tla: ['*'] })),
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
function withText(
  b: Builtin,
  text: (() => (vals: Value[]) => Value) | undefined,
  textBacked: boolean,
): Builtin {
  let viaText: ((vals: Value[]) => Value) | undefined;
  const fallback = (args: Value[]): Value => {
    if (!text)
      throw new ValueError(
        `${b.name} cannot be evaluated here for these arguments (an instance of its module with parameters)`,
      );
    viaText ??= text();
    return viaText(args);
  };
  // Failures of TLA+ evaluation go to the text when it is the reference; a bug of ours never does.
  const toText = (e: unknown): boolean =>
    e === USE_DEFINITION || (textBacked && (e instanceof ValueError || e instanceof EvalError));
  const call = b.call!;
  const out: Builtin = {
    ...b,
    call: (args, sv) => {
      try {
        return call(args, sv);
      } catch (e) {
        if (toText(e)) return fallback(args);
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
        if (toText(e)) return fallback([a]);
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
        if (toText(e)) return fallback([a, c]);
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
    return n.value !== undefined ? n : withText(n, text, entry.textBacked === true);
  }
  const why =
    entry.unsupported && Object.hasOwn(entry.unsupported, name)
      ? entry.unsupported[name]
      : undefined;
  return why === undefined ? undefined : unsupported(module, name, arity, why);
}

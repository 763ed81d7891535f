/**
 * Definitions of library modules that TLC evaluates in Java (tla2tools.jar, `tlc2/module/*`)
 * where we evaluate their TLA+ text. Where TLC calls Java it evaluates every argument first,
 * whereas the arguments of a definition evaluated from its text are evaluated on first use
 * (compile-expr.ts, LazyArg): such definitions get their arguments evaluated, as in TLC, so that
 * `EmptyBag (-) f[x]` fails where f[x] does. (The other overridden modules are native here.)
 */
const OVERRIDES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    'Bags',
    new Set([
      'EmptyBag',
      'IsABag',
      'BagCardinality',
      'BagIn',
      'CopiesIn',
      '\\oplus',
      '\\ominus',
      'BagUnion',
      '\\sqsubseteq',
      'BagOfAll',
      'BagToSet',
      'SetToBag',
    ]),
  ],
]);

/** Does TLC evaluate this definition of this module in Java? */
export function isTlcJavaOverride(module: string, name: string): boolean {
  return OVERRIDES.get(module)?.has(name) ?? false;
}

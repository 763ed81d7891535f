/**
 * A small check a new checker worker runs before its first real one (CheckerApi.warm): it loads
 * the parser and the library modules most specs extend, and has the engine's paths (front end,
 * evaluation of the common value kinds, the breadth-first search, a counterexample's trace) run
 * once, so that the user's first check does not pay for the cold start (issue #23: the default
 * example's check took 150-400 ms cold in a fresh tab, most of it one-time warm-up).
 */
import type { CheckRequest } from '../src/check/contract/types';

const spec = `---- MODULE WarmUp ----
EXTENDS Naturals
VARIABLE x
Init == x = 0
Next == x' = 1 - x
Low == x < 1
====
`;

export const warmUpRequest: CheckRequest = {
  files: [{ name: 'WarmUp.tla', text: spec }],
  mainModule: 'WarmUp',
  cfg: 'INIT Init\nNEXT Next\nINVARIANT Low\n',
  cfgName: 'WarmUp.cfg',
  options: { workers: 1 },
};

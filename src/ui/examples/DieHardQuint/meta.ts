import type { ExampleMeta } from '../types';

export const dieHardQuint: ExampleMeta = {
  id: 'DieHardQuint',
  title: 'DieHard in Quint',
  summary: 'The water jug puzzle written in Quint, checked by the same engine as its TLA+ twin.',
  description: [
    'The DieHard puzzle in Quint (issue #20): `init` and `step` are actions, `NotSolved` a `val` the checker takes as an invariant. Its state space and counterexample are those of the TLA+ DieHard: 14 distinct states, a shortest way to 4 gallons in 7 states.',
    'What to check is in the side panel (the main module, `init`, `step`, the invariants) instead of a .cfg.',
  ],
  tags: ['puzzle', 'violation'],
  mainModule: 'DieHard',
  cfgFile: '',
  quint: { file: 'DieHard.qnt', init: 'init', step: 'step', invariants: ['TypeOK', 'NotSolved'] },
  expected: { verdict: 'safety failure', violated: 'NotSolved', traceLength: 7 },
};

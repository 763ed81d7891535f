import type { ExampleMeta } from '../types';

export const dieHard: ExampleMeta = {
  id: 'DieHard',
  title: 'DieHard: the water jug puzzle',
  summary: 'A 3- and a 5-gallon jug: can you measure exactly 4? The counterexample is the answer.',
  description: [
    'An invariant that should fail: `NotSolved` claims the big jug never holds 4 gallons. The checker searches breadth first, so the trace it reports is a shortest way to 4 gallons.',
    'Step through the trace and watch `small` and `big`; each step names the action taken, such as `BigToSmall`.',
  ],
  tags: ['puzzle', 'violation'],
  mainModule: 'DieHard',
  cfgFile: 'DieHard.cfg',
  expected: { verdict: 'safety failure', violated: 'NotSolved', traceLength: 7 },
};

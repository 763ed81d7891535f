import type { ExampleMeta } from '../types';

export const paxos: ExampleMeta = {
  id: 'Paxos',
  title: 'Paxos: single-decree consensus',
  summary: 'Two competing ballots, three acceptors: at most one value is ever chosen.',
  description: [
    'Single-decree Paxos with three acceptors, two values and two ballots. Messages are never removed, so every late or repeated delivery is among the behaviours checked. `Agreement` holds in all of them.',
    'The heart of it is `SafeValue`: a leader must propose the value of the highest-ballot vote its quorum reports. Replace its last disjunct by `TRUE` (any value) and check again to see two values chosen.',
  ],
  tags: ['consensus', 'distributed', 'success'],
  mainModule: 'Paxos',
  cfgFile: 'Paxos.cfg',
  expected: { verdict: 'success', distinctStates: 3921 },
};

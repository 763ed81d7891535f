import type { ExampleMeta } from '../types';

export const ewd998: ExampleMeta = {
  id: 'EWD998',
  title: 'EWD998: termination detection in a ring',
  summary: "Dijkstra's token ring: never announce the end too early, and always announce it.",
  description: [
    "Node 0 must learn that a distributed computation has ended. A token collects each node's count of messages sent minus received; a node that received a message since the token passed colours it black. Both checks are needed: the safety invariant `Safe` (never too early) and the liveness property `Live` (`Terminated ~> TerminationDetected`), which holds under weak fairness of the token actions.",
    'Drop the `counter[0] + token.q = 0` conjunct of `TerminationDetected` and check again: a message still in flight lets node 0 announce termination too early.',
  ],
  tags: ['distributed', 'liveness', 'success'],
  mainModule: 'EWD998',
  cfgFile: 'EWD998.cfg',
  expected: { verdict: 'success', distinctStates: 3318 },
};

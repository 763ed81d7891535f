import type { ExampleMeta } from '../types';

export const twoPhase: ExampleMeta = {
  id: 'TwoPhase',
  title: 'TwoPhase: two-phase commit',
  summary: 'A transaction manager and three resource managers never disagree on commit or abort.',
  description: [
    'Two-phase commit over three resource managers. `Consistent` says no manager commits while another aborts; it holds in every reachable state, including those where a manager aborts on its own or the transaction manager gives up.',
    'Try breaking it: let `TMCommit` fire before every manager is prepared (drop `tmPrepared = RM`) and check again.',
  ],
  tags: ['distributed', 'success'],
  mainModule: 'TwoPhase',
  cfgFile: 'TwoPhase.cfg',
  expected: { verdict: 'success', distinctStates: 288 },
};

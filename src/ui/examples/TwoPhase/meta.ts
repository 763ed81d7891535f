/// <reference types="vite/client" />
import type { Example } from '../types';
import spec from './TwoPhase.tla?raw';
import cfg from './TwoPhase.cfg?raw';

export const twoPhase: Example = {
  id: 'TwoPhase',
  title: 'TwoPhase: two-phase commit',
  summary: 'A transaction manager and three resource managers never disagree on commit or abort.',
  description: [
    'Two-phase commit over three resource managers. `Consistent` says no manager commits while another aborts; it holds in every reachable state, including those where a manager aborts on its own or the transaction manager gives up.',
    'Try breaking it: let `TMCommit` fire before every manager is prepared (drop `tmPrepared = RM`) and check again.',
  ],
  tags: ['distributed', 'success'],
  files: { 'TwoPhase.tla': spec, 'TwoPhase.cfg': cfg },
  mainModule: 'TwoPhase',
  cfgFile: 'TwoPhase.cfg',
  expected: { verdict: 'success', distinctStates: 288 },
};

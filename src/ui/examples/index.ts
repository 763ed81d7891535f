/// <reference types="vite/client" />
/**
 * The example gallery. Examples are bundled as text: the one loaded at start must not cost a
 * round trip before the editor has something to show.
 */
import dieHardSpec from './DieHard/DieHard.tla?raw';
import dieHardCfg from './DieHard/DieHard.cfg?raw';
import twoPhaseSpec from './TwoPhase/TwoPhase.tla?raw';
import twoPhaseCfg from './TwoPhase/TwoPhase.cfg?raw';

export interface Example {
  id: string;
  title: string;
  /** File name → text; tabs follow this order. */
  files: Record<string, string>;
  mainModule: string;
  cfgFile: string;
}

export const examples: Example[] = [
  {
    id: 'DieHard',
    title: 'DieHard: the water jug puzzle',
    files: { 'DieHard.tla': dieHardSpec, 'DieHard.cfg': dieHardCfg },
    mainModule: 'DieHard',
    cfgFile: 'DieHard.cfg',
  },
  {
    id: 'TwoPhase',
    title: 'TwoPhase: two-phase commit',
    files: { 'TwoPhase.tla': twoPhaseSpec, 'TwoPhase.cfg': twoPhaseCfg },
    mainModule: 'TwoPhase',
    cfgFile: 'TwoPhase.cfg',
  },
];

export const defaultExample = examples[0];

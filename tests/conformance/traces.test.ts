/**
 * Counterexamples printed as TLC prints them, to the letter: for the corpus models where TLC
 * reported a safety violation (../shared/corpus/tlc-traces), our trace in TLC's text equals TLC's:
 * the states, and each step's action with its arguments and the place TLC gives for it (the
 * disjunct, \E body, LET body or operator body it split off).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../src/check/check';
import { loadModel } from '../../src/cli/load-model';
import { printTlcTrace } from '../../src/formats/tlc-trace';
import { CORPUS, EXAMPLES } from '../../scripts/conformance/corpus';

const CASES = [
  'DieHard/DieHard.cfg',
  'DieHard/MCDieHarder.cfg',
  'DieHard/MCDieHardest.cfg',
  'N-Queens/Queens.toolbox/FourQueens/MC.cfg',
  'N-Queens/QueensPluscal.toolbox/FourQueens/MC.cfg',
  'spanning/MC_spanning.cfg',
  // Not SDP_Attack_Spec: TLC prints its 38 variables in the order of SANY's symbol table, not as
  // declared (we print them as declared); the states and steps are the same.
];

function tlcTraceText(config: string): string {
  const file = join(
    CORPUS,
    'tlc-traces',
    `${config
      .replace(/\.cfg$/, '')
      .split('/')
      .join('__')}.tlc.txt`,
  );
  const output = readFileSync(file, 'utf8');
  return output.slice(output.indexOf('State 1: '), output.search(/^\d+ states generated/m));
}

describe('counterexamples in TLC text', () => {
  for (const config of CASES) {
    it(
      config,
      async () => {
        const cfg = join(EXAMPLES, config);
        const model = loadModel(cfg.replace(/\.cfg$/, '.tla'), cfg, []);
        const r = await checkModel({
          files: model.files,
          mainModule: model.mainModule,
          cfg: model.cfgText,
          cfgName: basename(cfg),
          options: { workers: 1 },
        });
        expect(r.result).toBe('safety failure');
        expect(printTlcTrace(r.trace!)).toBe(tlcTraceText(config));
      },
      60_000,
    );
  }
});

import { describe, expect, it } from 'vitest';
import { checkModel, SYMMETRY_LIVENESS_WARNING } from './check';
import { summaryLines } from '../cli/summary';

/**
 * TLC 2.20 warns when a model with SYMMETRY checks liveness ("Declaring symmetry during liveness
 * checking is dangerous…"): the verdict on the classes can miss a violation, or report one a
 * search without the symmetry would not. It does not warn for a VIEW, nor without a liveness
 * property. The UI and the CLI show the warning beside the verdict.
 */
const spec = `---- MODULE Sym ----
EXTENDS TLC
CONSTANT P
VARIABLE done
Init == done = [p \\in P |-> FALSE]
Hit(p) == ~done[p] /\\ done' = [done EXCEPT ![p] = TRUE]
Spec == Init /\\ [][\\E p \\in P : Hit(p)]_done /\\ \\A p \\in P : WF_done(Hit(p))
Live == <>(\\A p \\in P : done[p])
Safe == [][\\A p \\in P : done[p] => done'[p]]_done
Sym == Permutations(P)
View == {done[p] : p \\in P}
====`;

const check = (cfg: string) =>
  checkModel({
    files: [{ name: 'Sym.tla', text: spec }],
    mainModule: 'Sym',
    cfg: `CONSTANT P = {a, b}\nSPECIFICATION Spec\nCHECK_DEADLOCK FALSE\n${cfg}\n`,
  });

describe('liveness under SYMMETRY: TLC warning', () => {
  it('is given with SYMMETRY and a liveness property, in TLC words, and printed by the CLI', async () => {
    const r = await check('PROPERTY Live\nSYMMETRY Sym');
    expect(r.result).toBe('success');
    expect(r.warnings).toEqual([SYMMETRY_LIVENESS_WARNING]);
    expect(summaryLines(r)).toContain(`Warning: ${SYMMETRY_LIVENESS_WARNING}`);
  });

  it('is not given without SYMMETRY, with a VIEW, or for a safety property alone', async () => {
    for (const cfg of [
      'PROPERTY Live',
      'PROPERTY Live\nVIEW View',
      'PROPERTY Safe\nSYMMETRY Sym',
    ]) {
      const r = await check(cfg);
      expect(r.result, cfg).toBe('success');
      expect(r.warnings, cfg).toBeUndefined();
    }
  });
});

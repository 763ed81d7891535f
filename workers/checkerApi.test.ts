import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CheckRequest } from '../src/check/contract/types';
import { checkModel } from '../src/check/check';
import { quintRequest } from '../src/quint';
import { createCheckerApi } from './checkerApi';

const example = (name: string) =>
  readFileSync(new URL(`../src/ui/examples/DieHard/${name}`, import.meta.url), 'utf8');

const dieHard = (text = example('DieHard.tla')): CheckRequest => ({
  files: [{ name: 'DieHard.tla', text }],
  mainModule: 'DieHard',
  cfg: example('DieHard.cfg'),
  cfgName: 'DieHard.cfg',
  options: { workers: 1 },
});

/** What must not depend on whether the spec was parsed ahead: all but the run's duration. */
const answer = (r: Awaited<ReturnType<typeof checkModel>>) => ({ ...r, durationMs: 0 });

describe('the checker worker’s API', () => {
  it('parses the page’s open spec during the warm-up; its check then answers as a cold one', async () => {
    const cold = answer(await checkModel(dieHard()));
    expect(cold).toMatchObject({ result: 'safety failure', distinctStates: 14, depth: 7 });
    const api = createCheckerApi(undefined, () => dieHard());
    await api.warm();
    expect(answer(await api.check(dieHard()))).toEqual(cold);
    // Checked again, unchanged: the parsed modules are reused, the answer is the same.
    expect(answer(await api.check(dieHard()))).toEqual(cold);
  });

  it('checks the spec it is given, not the one prepared, once the text has changed', async () => {
    const api = createCheckerApi(undefined, () => dieHard());
    await api.warm();
    // The puzzle with a 6-gallon jug instead of 5: 4 gallons is still reachable, by other paths.
    const edited = example('DieHard.tla').replaceAll('5', '6');
    const fresh = answer(await checkModel(dieHard(edited)));
    expect(answer(await api.check(dieHard(edited)))).toEqual(fresh);
    expect(fresh.distinctStates).not.toBe(14);
  });

  it('lowers a Quint spec again for other invariants than those it prepared', async () => {
    const text = readFileSync(
      new URL('../src/ui/examples/DieHardQuint/DieHard.qnt', import.meta.url),
      'utf8',
    );
    const quint = (invariants: string[]) =>
      quintRequest([{ name: 'DieHard.qnt', text }], 'DieHard', {
        init: 'init',
        step: 'step',
        invariants,
      });
    const api = createCheckerApi(undefined, () => quint(['TypeOK']));
    await api.warm();
    expect(await api.check(quint(['TypeOK']))).toMatchObject({
      result: 'success',
      // The whole state space: the 14 states of the search that stops at the violation, and two
      // more.
      distinctStates: 16,
    });
    expect(await api.check(quint(['TypeOK', 'NotSolved']))).toMatchObject({
      result: 'safety failure',
      violated: 'NotSolved',
    });
  });

  it('reports an error of the prepared spec when it is checked, with its range', async () => {
    const broken = dieHard('---- MODULE DieHard ----\nVARIABLE x\nInit == x = \n====\n');
    const api = createCheckerApi(undefined, () => broken);
    await api.warm();
    const result = await api.check(broken);
    expect(result.result).toBe('error');
    expect(result.error?.kind).toBe('spec');
    expect(result.error?.range?.start.line).toBeGreaterThan(0);
  });
});

/**
 * Every gallery example gives the result its metadata states, checked with the real engine; and
 * every exercise's solution gives its stated result. The gallery tells learners what to expect,
 * so a change to the engine or to a spec that alters a result must change the metadata too.
 */
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../check/check';
import type { CheckResult } from '../../check/contract/types';
import { buildCheckRequest } from '../engine/checkRequest';
import { applyEdits } from '../gallery/goal';
import { stateOfExample } from '../store/appStore';
import { exampleFileNames, gallery, loadExample, type Example, type ExpectedResult } from '.';

async function check(example: Example, files: Record<string, string>): Promise<CheckResult> {
  // A Quint example: the request the app makes for it (src/ui/engine/checkRequest.ts).
  if (example.quint) return checkModel(buildCheckRequest(stateOfExample(example)));
  return checkModel({
    files: Object.entries(files)
      .filter(([name]) => name.endsWith('.tla'))
      .map(([name, text]) => ({ name, text })),
    mainModule: example.mainModule,
    cfg: files[example.cfgFile],
    cfgName: example.cfgFile,
  });
}

/** The stated result, and nothing more or less: a stated field must match; absent ones must be. */
function expectResult(result: CheckResult, expected: ExpectedResult) {
  expect(result.error?.message).toBeUndefined();
  expect(result.stopped).toBeUndefined();
  expect(result.result).toBe(expected.verdict);
  if (expected.verdict === 'success') {
    // A success covers every property; a violation stops the search before liveness is checked.
    expect(result.uncheckedProperties ?? []).toEqual([]);
    expect(result.distinctStates).toBe(expected.distinctStates);
    expect(result.trace).toBeUndefined();
  } else {
    expect(result.violated).toBe(expected.violated);
    expect(result.trace?.states.length).toBe(expected.traceLength);
    expect(result.trace?.loop).toBe(expected.loopsBackTo);
  }
}

describe('gallery examples', () => {
  it('has about ten examples with unique ids, each with its files, a description and tags', async () => {
    expect(gallery.length).toBeGreaterThanOrEqual(10);
    expect(new Set(gallery.map((e) => e.id)).size).toBe(gallery.length);
    for (const e of await Promise.all(gallery.map(loadExample))) {
      expect(Object.keys(e.files)).toEqual(exampleFileNames(e));
      if (e.quint) expect(e.files[e.quint.file]).toContain(`module ${e.mainModule} {`);
      else expect(e.files[`${e.mainModule}.tla`]).toContain(`MODULE ${e.mainModule} `);
      expect(e.description.length).toBeGreaterThan(0);
      expect(e.tags).toContain(e.expected.verdict === 'success' ? 'success' : 'violation');
      expect(e.tags.includes('exercise')).toBe(e.goal !== undefined);
    }
    expect(gallery.filter((e) => e.goal).length).toBeGreaterThanOrEqual(3);
    expect(gallery.some((e) => e.tags.includes('liveness'))).toBe(true);
  });

  for (const meta of gallery) {
    const { verdict, violated, distinctStates, traceLength } = meta.expected;
    const stated =
      verdict === 'success'
        ? `${distinctStates} distinct states`
        : `${violated}, ${traceLength} states`;
    it(`${meta.id} as shipped: ${verdict} (${stated})`, async () => {
      const example = await loadExample(meta);
      expectResult(await check(example, example.files), example.expected);
    });
  }

  for (const meta of gallery.filter((e) => e.goal)) {
    const goal = meta.goal!;
    it(`${meta.id} with its exercise's solution: ${goal.solved.verdict} (${goal.solved.distinctStates} distinct states)`, async () => {
      const example = await loadExample(meta);
      const solved = applyEdits(example.files, goal.solution);
      expect(solved).not.toEqual(example.files);
      expectResult(await check(example, solved), goal.solved);
    });
  }
});

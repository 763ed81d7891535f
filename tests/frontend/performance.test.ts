/**
 * The 1,000-line spec of the front-end bench (scripts/bench-frontend.ts: its times are measured
 * there, never here) analyses cleanly, from scratch and incrementally after a one-line edit, to
 * the same result as a fresh parse of the edited text.
 */
import { beforeAll, expect, it } from 'vitest';
import { thousandLineSpec } from '../../scripts/bench-frontend';
import { analyzeTexts, loadParser } from './support';

beforeAll(loadParser);

const spec = thousandLineSpec();

it('a 1,000-line spec analyses with no diagnostic', () => {
  expect(spec.split('\n').length).toBeGreaterThanOrEqual(1000);
  expect(analyzeTexts('Big', { Big: spec }).diagnostics).toEqual([]);
});

it('after a one-line edit, the incremental re-parse equals a fresh parse', () => {
  analyzeTexts('Big', { Big: spec });
  const text = spec.replace('Len(log) < 40', 'Len(log) < 41 + ""');
  const incremental = analyzeTexts('Big', { Big: text });
  const fresh = analyzeTexts('Big', { Big: text }, { fileDir: 'fresh' });
  expect(incremental.diagnostics.map((d) => d.message)).toEqual(
    fresh.diagnostics.map((d) => d.message),
  );
  expect(JSON.stringify(incremental.main?.units.map((u) => u.kind))).toBe(
    JSON.stringify(fresh.main?.units.map((u) => u.kind)),
  );
});

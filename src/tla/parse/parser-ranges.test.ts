import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureParser } from '../../check/check';
import { parseModuleText } from './parser';

beforeAll(ensureParser);

describe('syntax errors are placed inside the file', () => {
  // Found by the fuzzer (scripts/fuzz): a module whose end is lost (here in an open comment) was
  // read by the recovery parser as if it had its `====`, and an error placed one or two lines
  // past the last one.
  it.each([
    '---- MODULE M ----\nVARIABLE x\n(* open\nInit == x = 0\n====\n',
    '---- MODULE M ----\nVARIABLE x\nInit == x = 0\n(* open ',
    '---- MODULE M ----\nVARIABLE x\nInit == (x = 0\n',
    "---- MODULE M ----\nVARIABLE x\nInit == x = 0\nNext == x' = \n",
  ])('%j', (text) => {
    const lines = text.split('\n');
    const { diagnostics } = parseModuleText(text, 'M.tla');
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      for (const p of [d.range.start, d.range.end]) {
        expect(p.line, d.message).toBeLessThanOrEqual(lines.length);
        expect(p.column, d.message).toBeLessThanOrEqual(lines[p.line - 1].length + 1);
      }
    }
  });
});

describe('the fuzzer’s finding', () => {
  it('DurableStep with its end lost in a comment: every range inside the file', () => {
    const text = readFileSync(
      new URL('../../../tests/fuzz/found/DurableStep-lost-end.tla', import.meta.url),
      'utf8',
    );
    const lines = text.split('\n');
    const { diagnostics } = parseModuleText(text, 'DurableStep.tla');
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics)
      for (const p of [d.range.start, d.range.end])
        expect([p.line, p.column], d.message).toSatisfy(
          ([line, column]: number[]) =>
            line <= lines.length && column <= lines[line - 1].length + 1,
        );
  });
});

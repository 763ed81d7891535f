/**
 * Our PlusCal translator (src/pluscal) against the Java one (pcal.trans of TLC 2.20), from what
 * scripts/pluscal/record.ts recorded (no Java needed here):
 *
 * - corpus/: every PlusCal spec of the corpus (`../shared/corpus`), translated as `tlc -pcal` does;
 * - own/: algorithms of ours covering the constructs and options;
 * - errors/: malformed algorithms, with the Java translator's message and position.
 *
 * A translation must equal the Java translator's module character for character (and so token
 * for token), and print the same messages (`Labels added.`, renaming warnings, ...).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseArgs, corpusCaseSpec } from '../../scripts/pluscal/record';
import { CORPUS } from '../../scripts/conformance/corpus';
import { translateModule } from '../../src/pluscal/translate';

const here = fileURLToPath(new URL('.', import.meta.url));

interface Case {
  name: string;
  input: string;
  base: string;
}

function cases(sub: string, input: (name: string, dir: string) => string): Case[] {
  const dir = join(here, sub);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expected.out'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.expected.out'.length);
      return { name, input: input(name, dir), base: join(dir, name) };
    });
}

/** The Java translator's printed lines that we print too (not its `New file` lines). */
function javaMessages(out: string): string[] {
  return out.split('\n').filter((l) => l !== '' && !/^New file .* written\.$/.test(l));
}

/** The message of the Java translator's `Unrecoverable error:` report. */
function javaError(out: string): string {
  const m = /Unrecoverable error:\n -- ([\s\S]*)\.\n/.exec(out);
  if (!m) throw new Error(`no error in ${out}`);
  return m[1];
}

function check(c: Case): void {
  const text = readFileSync(c.input, 'utf8');
  const r = translateModule(text, ['-nocfg', ...caseArgs(text)]);
  const out = readFileSync(`${c.base}.expected.out`, 'utf8');
  const expectedFile = `${c.base}.expected.tla`;
  if (existsSync(expectedFile)) {
    if (!r.ok) throw r.error;
    expect(r.text).toBe(readFileSync(expectedFile, 'utf8'));
    expect(r.messages).toEqual(javaMessages(out));
  } else {
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const message = javaError(out);
    expect(r.error.message).toBe(message);
    const at = /line (\d+), column (\d+)/.exec(message);
    expect(
      r.error.name === 'PlusCalError' && 'position' in r.error ? r.error.position : undefined,
    ).toEqual(at ? { line: Number(at[1]), column: Number(at[2]) } : undefined);
  }
}

const corpusCases = existsSync(CORPUS)
  ? cases('corpus', (name) => join(CORPUS, corpusCaseSpec(name)))
  : [];

describe.skipIf(corpusCases.length === 0)('PlusCal translation of the corpus specs', () => {
  it.each(corpusCases.map((c) => [c.name, c] as const))('%s', (_, c) => check(c));
});

describe('PlusCal translation of our own algorithms', () => {
  const own = cases('own', (name, dir) => join(dir, `${name}.tla`));
  it('covers at least 40 algorithms, all translated by the Java translator', () => {
    expect(own.filter((c) => existsSync(`${c.base}.expected.tla`)).length).toBeGreaterThanOrEqual(
      40,
    );
  });
  it.each(own.map((c) => [c.name, c] as const))('%s', (_, c) => check(c));
});

describe('malformed PlusCal algorithms: the Java translator message and position', () => {
  const errors = cases('errors', (name, dir) => join(dir, `${name}.tla`));
  it('has at least 10 cases, all refused by the Java translator', () => {
    expect(
      errors.filter((c) => !existsSync(`${c.base}.expected.tla`)).length,
    ).toBeGreaterThanOrEqual(10);
  });
  it.each(errors.map((c) => [c.name, c] as const))('%s', (_, c) => check(c));
});

/**
 * Records the Java PlusCal translator's answers (pcal.trans, TLC 2.20's `tlc -pcal`) as the
 * expected files that tests/pluscal/translate.test.ts compares our translator with (without Java):
 *
 *   npx tsx scripts/pluscal/record.ts              # corpus and own cases
 *   npx tsx scripts/pluscal/record.ts --only Bakery  # cases whose name contains Bakery
 *
 * Each spec is copied to a temporary directory (the translator rewrites its input) and translated
 * there with `../shared/tools/tlc -pcal [args] Spec.tla`. What is recorded, beside the case:
 *
 * - `<case>.expected.tla`: the module as the Java translator wrote it (success);
 * - `<case>.expected.out`: what it printed, without its version line: for a malformed algorithm
 *   the `Unrecoverable error: -- <message>.` text with its `line L, column C`.
 *
 * Cases:
 * - corpus: every `.tla` under `../shared/corpus/examples` and `stategraphs` with a
 *   `--algorithm` / `--fair algorithm` header; the expected files go to `tests/pluscal/corpus/`,
 *   named by the spec's path (`/` → `__`); the spec itself stays in the corpus.
 * - own: `tests/pluscal/own/*.tla` (and `tests/pluscal/errors/*.tla`, malformed algorithms). A
 *   first line `\* pcal-args: -termination -wf` gives command-line arguments.
 * - cfg: `tests/pluscal/cfg/*.tla`, translated by `pcal.trans` without `-nocfg` (with `X.cfg.in`
 *   as the config already there, if given): the config it writes is `X.expected.cfg`.
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS } from '../conformance/corpus';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const corpus = CORPUS;
const tlc = join(corpus, '..', 'tools', 'tlc');

export interface Recorded {
  /** The module after translation; undefined when the translator refused it. */
  tla: string | undefined;
  /** The model config it wrote (only when run to write one: `withCfg`). */
  cfg?: string;
  /** What the translator printed, without its version line. */
  out: string;
}

/** The command-line arguments a case asks for (`\* pcal-args: ...` on its first line). */
export function caseArgs(text: string): string[] {
  const m = /^\\\* pcal-args:(.*)$/m.exec(text.split('\n', 1)[0] ?? '');
  return m ? m[1].trim().split(/\s+/).filter(Boolean) : [];
}

/**
 * Runs the Java translator on a copy of `file`, as `tlc -pcal` (with `-nocfg`); with `withCfg`,
 * as `pcal.trans` itself, which writes the model config (the existing one given, if any).
 */
export function runJava(
  file: string,
  args: readonly string[],
  withCfg?: { existing: string | undefined },
): Recorded {
  const dir = mkdtempSync(join(tmpdir(), 'pcal-'));
  try {
    const name = basename(file);
    copyFileSync(file, join(dir, name));
    const cfgFile = join(dir, name.replace(/\.tla$/, '.cfg'));
    if (withCfg?.existing !== undefined) writeFileSync(cfgFile, withCfg.existing);
    const [command, commandArgs] = withCfg
      ? ['java', ['-cp', join(tlc, '..', 'tla2tools.jar'), 'pcal.trans', ...args, name]]
      : [tlc, ['-pcal', ...args, name]];
    let out: string;
    let ok = true;
    try {
      out = execFileSync(command, commandArgs, {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      out = (err.stdout ?? '') + (err.stderr ?? '');
      ok = false;
    }
    out = out.replace(/^pcal\.trans Version .*\n/, '');
    return {
      tla: ok ? readFileSync(join(dir, name), 'utf8') : undefined,
      out,
      ...(withCfg && ok && existsSync(cfgFile) ? { cfg: readFileSync(cfgFile, 'utf8') } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function walk(dir: string, acc: string[]): string[] {
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) walk(p, acc);
    else if (e.endsWith('.tla')) acc.push(p);
  }
  return acc;
}

const ALGORITHM = /--(fair\s+)?algorithm\b/;

/** The corpus specs with a PlusCal algorithm, as paths relative to the corpus. */
export function corpusPlusCalSpecs(): string[] {
  return [...walk(join(corpus, 'examples'), []), ...walk(join(corpus, 'stategraphs'), [])]
    .filter((f) => ALGORITHM.test(readFileSync(f, 'utf8')))
    .map((f) => relative(corpus, f))
    .sort();
}

/** The name of a corpus case's expected files. */
export function corpusCaseName(rel: string): string {
  return rel.replace(/\.tla$/, '').replaceAll('/', '__');
}

/** The corpus spec (relative to the corpus) of a case name. */
export function corpusCaseSpec(name: string): string {
  return `${name.replaceAll('__', '/')}.tla`;
}

function write(base: string, r: Recorded): void {
  writeFileSync(`${base}.expected.out`, r.out);
  if (r.tla !== undefined) writeFileSync(`${base}.expected.tla`, r.tla);
  else if (existsSync(`${base}.expected.tla`)) rmSync(`${base}.expected.tla`);
}

function main(): void {
  const argv = process.argv.slice(2);
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const pick = (name: string): boolean => only === undefined || name.includes(only);
  let n = 0;
  let failed = 0;
  for (const rel of corpusPlusCalSpecs()) {
    const name = corpusCaseName(rel);
    if (!pick(name)) continue;
    const r = runJava(join(corpus, rel), []);
    write(join(repo, 'tests', 'pluscal', 'corpus', name), r);
    n++;
    if (r.tla === undefined) failed++;
  }
  for (const sub of ['own', 'errors']) {
    const dir = join(repo, 'tests', 'pluscal', sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!f.endsWith('.tla') || f.includes('.expected.')) continue;
      if (!pick(f)) continue;
      const file = join(dir, f);
      const r = runJava(file, caseArgs(readFileSync(file, 'utf8')));
      write(file.replace(/\.tla$/, ''), r);
      n++;
      if (r.tla === undefined) failed++;
    }
  }
  // The model config pcal.trans writes (without -nocfg): tests/pluscal/cfg, `X.cfg.in` the config
  // there before.
  const cfgDir = join(repo, 'tests', 'pluscal', 'cfg');
  for (const f of existsSync(cfgDir) ? readdirSync(cfgDir).sort() : []) {
    if (!f.endsWith('.tla') || f.includes('.expected.') || !pick(f)) continue;
    const file = join(cfgDir, f);
    const base = file.replace(/\.tla$/, '');
    const existing = existsSync(`${base}.cfg.in`)
      ? readFileSync(`${base}.cfg.in`, 'utf8')
      : undefined;
    const r = runJava(file, caseArgs(readFileSync(file, 'utf8')), { existing });
    write(base, r);
    if (r.cfg !== undefined) writeFileSync(`${base}.expected.cfg`, r.cfg);
    n++;
  }
  console.log(`recorded ${n} cases (${failed} refused by the translator)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

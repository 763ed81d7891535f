/**
 * A differential run of our PlusCal translator against the Java one (needs java): each of our own
 * algorithms (tests/pluscal/own) with one token of its algorithm deleted, doubled or replaced by a
 * keyword, translated by both; the module written or the error reported (message and position)
 * must be the same. Prints each difference, then the counts.
 *
 *   npx tsx scripts/pluscal/mutants.ts [--seed 1] [--count 100]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translateModule } from '../../src/pluscal/translate';
import { caseArgs, runJava } from './record';

const OWN = fileURLToPath(new URL('../../tests/pluscal/own/', import.meta.url));
const KEYWORDS = [
  'begin',
  'end',
  ';',
  'x',
  ':=',
  '{',
  '}',
  'if',
  'while',
  'call',
  'goto',
  'a:',
  'process',
];

/** The message of pcal.trans's last `Unrecoverable error` (an options error may come first). */
function javaError(out: string): string {
  const all = [...out.matchAll(/Unrecoverable error:\n -- ([\s\S]*?)\.\n(?=\n|$)/g)];
  return all.length > 0 ? all[all.length - 1][1] : out.trim();
}

function main(): void {
  const argv = process.argv.slice(2);
  const arg = (name: string, d: number) =>
    argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : d;
  let seed = arg('--seed', 1);
  const count = arg('--count', 100);
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const sources = readdirSync(OWN).filter((f) => f.endsWith('.tla') && !f.includes('.expected.'));
  const dir = mkdtempSync(join(tmpdir(), 'pcal-mutants-'));
  let same = 0;
  let different = 0;
  try {
    for (let k = 0; k < count; k++) {
      const name = sources[rnd(sources.length)];
      const lines = readFileSync(join(OWN, name), 'utf8').split('\n');
      const first = lines.findIndex((l) => /--(fair\s+)?algorithm/.test(l));
      const last = lines.findIndex((l, i) => i > first && l.includes('*)'));
      const at = first + 1 + rnd(Math.max(1, last - first));
      const tokens = [...lines[at].matchAll(/\S+/g)];
      if (tokens.length === 0) continue;
      const t = tokens[rnd(tokens.length)];
      const mode = rnd(3);
      const by = mode === 0 ? '' : mode === 1 ? `${t[0]} ${t[0]}` : KEYWORDS[rnd(KEYWORDS.length)];
      lines[at] = lines[at].slice(0, t.index) + by + lines[at].slice(t.index + t[0].length);
      const text = lines.join('\n');
      const file = join(dir, name);
      writeFileSync(file, text);
      const args = caseArgs(text);
      const ours = translateModule(text, ['-nocfg', ...args]);
      const java = runJava(file, args);
      const what = `${name} line ${at + 1}: ${JSON.stringify(t[0])} -> ${JSON.stringify(by)}`;
      if (java.tla !== undefined) {
        if (ours.ok && ours.text === java.tla) same++;
        else {
          different++;
          console.log(
            `${what}\n  java translates it; ours: ${ours.ok ? 'another text' : ours.error.message}`,
          );
        }
      } else if (!ours.ok && ours.error.message === javaError(java.out)) same++;
      else {
        different++;
        console.log(
          `${what}\n  ours: ${JSON.stringify(ours.ok ? 'translated' : ours.error.message)}\n  java: ${JSON.stringify(javaError(java.out))}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`${same} the same, ${different} different`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();

/**
 * The editor's side of speed, in the bench (not in tests): the editor re-analyses on every change,
 * so parse and diagnostics of a 1,000-line spec must be quick, from scratch and, above all, after
 * a small edit (the parser re-parses incrementally). Median CPU milliseconds of this process, less
 * noisy than wall time on a shared machine.
 */
import { analyzeTexts, loadParser, moduleText } from '../tests/frontend/support';

/** A 1,000-line spec of the usual shape: actions as bullet lists over records and sequences. */
export function thousandLineSpec(): string {
  const lines = [
    'EXTENDS Naturals, Sequences, FiniteSets, TLC',
    'CONSTANTS Procs, Values',
    'VARIABLES state, msgs, log',
    'vars == <<state, msgs, log>>',
  ];
  for (let i = 0; lines.length < 992; i++) {
    lines.push(
      `Act${i}(p, v) ==`,
      `  /\\ state[p].phase = "p${i % 7}" /\\ v \\in Values`,
      `  /\\ \\E m \\in msgs : m.src # p /\\ Len(log) < ${i + 3}`,
      `  /\\ state' = [state EXCEPT ![p].phase = "p${(i + 1) % 7}", ![p].val = @ + 1]`,
      `  /\\ msgs' = msgs \\cup {[src |-> p, val |-> v, n |-> Cardinality(msgs)]}`,
      `  /\\ log' = Append(log, <<p, v, ${i}>>)`,
      `Inv${i} == \\A p \\in Procs : state[p].val >= 0 => IF ${i} > 3 THEN TRUE ELSE Len(log) >= 0`,
      '',
    );
  }
  lines.push(
    'Next == \\E p \\in Procs, v \\in Values : Act0(p, v) \\/ Act1(p, v)',
    'Spec == [][Next]_vars',
  );
  return moduleText('Big', lines.join('\n'));
}

function medianCpuMs(runs: number, run: (k: number) => void): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const before = process.cpuUsage();
    run(k);
    const used = process.cpuUsage(before);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

/** Prints the front-end table: analysis of the 1,000-line spec from scratch and after an edit. */
export async function frontendTable(): Promise<void> {
  await loadParser();
  const spec = thousandLineSpec();
  analyzeTexts('Big', { Big: spec }); // warm up
  // A different directory each time: no earlier tree to reuse.
  const fresh = medianCpuMs(5, (k) => analyzeTexts('Big', { Big: spec }, { fileDir: `fresh${k}` }));
  analyzeTexts('Big', { Big: spec });
  const edited = medianCpuMs(5, (k) =>
    analyzeTexts('Big', { Big: spec.replace('Len(log) < 40', `Len(log) < ${40 + k + 1}`) }),
  );
  console.log('\n=== Front end: a 1,000-line spec, median CPU of 5 ===');
  console.log(`from scratch       ${fresh.toFixed(0).padStart(6)} ms`);
  console.log(`after a one-line edit ${edited.toFixed(0).padStart(3)} ms`);
}

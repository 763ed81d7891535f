/**
 * The corpus bench (`npm run bench`): every corpus model whose TLC time in expected.tsv is at least
 * `--min-tlc` seconds (default 2), TLC (`../shared/tools/tlc -workers 1`) and `bin/specstage check
 * --workers 1` run alternately in one run, `--repeat` times each (default 3), the median shown.
 * Both times are wall clock of a fresh process, start-up included (JVM, Node, parsing), as a user
 * meets them. Every run of ours must give the answer TLC gives (conformance/compare.ts); a row
 * whose answer differs says so and is left out of the summary.
 *
 * Beside each model: our peak resident memory and, on models of at least 50,000 distinct states,
 * bytes per distinct state (peak RSS less the RSS of a trivial check, over distinct states): the
 * seen-set, the queue and everything else the search keeps. With two workers (models generating
 * more than 100,000 states): the same check with `--workers 2`, in the same alternation; beside its
 * wall-clock speed-up, the CPU efficiency (one worker's CPU time over two workers', all threads,
 * start-up included), which a busy machine distorts far less: on two idle cores the speed-up is at
 * most twice it.
 *
 * The machine is shared: the table records `uptime` before and after, and measures TLC and ours
 * one after the other, so that a busy spell slows both.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseTlcOutput, type TlcOutcome } from '../src/formats/tlc-output';
import { compareModel } from './conformance/compare';
import {
  CORPUS,
  EXAMPLES,
  modelName,
  readExpected,
  type ExpectedModel,
} from './conformance/corpus';
import { observe, runCheckChild, type ChildOutcome } from './conformance/run-child';
import { TLC, tlcUnavailable } from './conformance/tlc';

export interface CorpusBenchOptions {
  quick: boolean;
  repeat: number;
  minTlcSeconds: number;
  filter?: RegExp;
  timeoutMs: number;
  /** Run the two-worker column. */
  twoWorkers: boolean;
  /**
   * Beside it, TLC with `-workers 2` against TLC with one (`--tlc-two 1`): what a second core gives
   * the oracle on this machine, measured in the same alternation.
   */
  tlcTwo?: boolean;
  /** The models of scripts/bench-models/ instead of the corpus's (`--own`). */
  own?: boolean;
}

/**
 * Models written here, not in the corpus (`--own`): kinds of spec the corpus has few of at a size
 * where TLC's JIT is warm (a snapshot-isolation key-value store of records, functions and sets of
 * keys; multi-decree Paxos with messages carrying sets of votes). `X.cfg` beside `X.tla`; the
 * expected answer is TLC's, taken from its first run in the table.
 */
export const OWN_MODELS = fileURLToPath(new URL('./bench-models/', import.meta.url));

/** A corpus model's name, or `own/X` for scripts/bench-models/X.cfg. */
const nameOf = (m: ExpectedModel): string =>
  m.features.includes('own') ? `own/${basename(m.config, '.cfg')}` : modelName(m);

function ownModels(): ExpectedModel[] {
  return readdirSync(OWN_MODELS)
    .filter((f) => f.endsWith('.cfg'))
    .sort()
    .map((cfg) => ({
      module: join(OWN_MODELS, cfg.replace(/\.cfg$/, '.tla')),
      config: join(OWN_MODELS, cfg),
      // Unknown until TLC has run: set from its first run (corpusTable).
      result: 'error',
      distinctStates: -1,
      generatedStates: -1,
      depth: -1,
      tlcSeconds: 0,
      tlcGeneratedPerSecond: 0,
      features: ['own'],
    }));
}

/** `--quick`: ten models of different kinds that TLC checks in 2 to 7 s (a run of a few minutes). */
export const QUICK = [
  'TeachingConcurrency/SimpleRegular.cfg',
  'DieHard/MCDieHardest.cfg',
  'SlidingPuzzles/SlidingPuzzles.cfg',
  'SpecifyingSystems/CachingMemory/MCWriteThroughCache.cfg',
  'SpanningTree/SpanTreeTest4Nodes.cfg',
  'SimplifiedFastPaxos/Paxos.cfg',
  'MultiCarElevator/ElevatorSafetySmall.cfg',
  'SpecifyingSystems/AdvancedExamples/MCInnerSequential.cfg',
  'LeastCircularSubstring/MCLeastCircularSubstringSmall.cfg',
  'FiniteMonotonic/MCReplicatedLog.cfg',
];

/** Models given the two-worker column: more than this many generated states (TLC's count). */
const TWO_WORKER_GENERATED = 100_000;
/** Bytes per state are shown from this many distinct states on (below, start-up memory dominates). */
const BYTES_PER_STATE_FROM = 50_000;

/** Makes the child print its peak resident set size (KiB) and CPU time (µs, all threads) on stderr as it exits. */
const PEAK_RSS_PROBE =
  '--import=data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nmaxrss "+u.maxRSS+" cpu "+(u.userCPUTime+u.systemCPUTime)+"\\n")})';

interface OurRun {
  wallMs: number;
  peakRssBytes?: number;
  /** CPU time of the whole process (every thread), ms. */
  cpuMs?: number;
  /** Why the answer is not TLC's, when it is not. */
  differs?: string;
  distinct: number;
}

interface TlcRun {
  wallMs: number;
  outcome: TlcOutcome;
}

function ours(m: ExpectedModel, workers: number, timeoutMs: number): Promise<ChildOutcome> {
  // resolve: a corpus model's paths are relative to examples/, an own model's absolute.
  const modulePath = resolve(EXAMPLES, m.module);
  return runCheckChild(
    [modulePath, '--config', resolve(EXAMPLES, m.config), '--workers', String(workers)],
    { cwd: dirname(modulePath), timeoutMs, memoryMb: 6144, nodeArgs: [PEAK_RSS_PROBE] },
  );
}

function cpuMs(child: ChildOutcome): number | undefined {
  const us = /maxrss \d+ cpu (\d+)/.exec(child.stderrTail);
  return us ? Number(us[1]) / 1000 : undefined;
}

function peakRss(child: ChildOutcome): number | undefined {
  const kib = /maxrss (\d+)/.exec(child.stderrTail);
  return kib ? Number(kib[1]) * 1024 : undefined;
}

async function ourRun(m: ExpectedModel, workers: number, timeoutMs: number): Promise<OurRun> {
  const child = await ours(m, workers, timeoutMs);
  const seen = observe(child);
  if ('status' in seen)
    return { wallMs: child.wallMs, differs: `${seen.status}: ${seen.reason}`, distinct: 0 };
  const cmp = compareModel(m, seen);
  return {
    wallMs: child.wallMs,
    peakRssBytes: peakRss(child),
    cpuMs: cpuMs(child),
    differs: cmp.status === 'match' ? undefined : `${cmp.status}: ${cmp.reasons.join('; ')}`,
    distinct: seen.distinctStates,
  };
}

/**
 * TLC with one worker in the model's directory, as the corpus was recorded; wall clock. Java is
 * started as ../shared/tools/tlc starts it (the corpus's library modules on TLA-Library), plus
 * `-Dtlc2.tool.impl.Tool.cdot=true`, which the corpus was recorded with (FiniteMonotonic's models
 * ASSUME it: without it TLC stops at that assumption).
 */
function tlcRun(m: ExpectedModel, timeoutMs: number, workers = 1): Promise<TlcRun> {
  const cwd = dirname(resolve(EXAMPLES, m.module));
  const config = relative(cwd, resolve(EXAMPLES, m.config));
  const meta = mkdtempSync(join(tmpdir(), 'specstage-bench-tlc-'));
  const mods = join(CORPUS, 'modules');
  const library = ['standard', 'community', 'tlaps', 'apalache'].map((d) => join(mods, d));
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      'java',
      [
        '-XX:+UseParallelGC',
        `-DTLA-Library=${library.join(':')}`,
        '-Dtlc2.tool.impl.Tool.cdot=true',
        '-cp',
        join(dirname(TLC), 'tla2tools.jar'),
        'tlc2.TLC',
        '-noGenerateSpecTE',
        basename(m.module),
        '-config',
        config,
        '-workers',
        String(workers),
        '-metadir',
        meta,
      ],
      { cwd, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', () => {
      clearTimeout(timer);
      rmSync(meta, { recursive: true, force: true });
      resolve({ wallMs: Date.now() - started, outcome: parseTlcOutput(out) });
    });
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function uptime(): string {
  const r = spawnSync('uptime', { encoding: 'utf8' });
  return (r.stdout ?? '').trim() || 'uptime unavailable';
}

function javaVersion(): string {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return (r.stderr ?? '').split('\n')[0]?.trim() ?? '';
}

export interface CorpusRow {
  name: string;
  generated: number;
  distinct: number;
  tlcS: number;
  oursS: number;
  ratio: number;
  peakMb?: number;
  bytesPerState?: number;
  twoS?: number;
  speedUp?: number;
  /** One worker's CPU time / two workers' (medians). */
  cpuEfficiency?: number;
  /** TLC's one-worker time / its two-worker time (`tlcTwo`). */
  tlcSpeedUp?: number;
  note?: string;
}

export async function corpusTable(o: CorpusBenchOptions): Promise<CorpusRow[]> {
  const why = tlcUnavailable();
  if (why) {
    console.log(`Corpus bench: skipped (${why}); it measures against TLC live.`);
    return [];
  }
  const all = readExpected();
  const models = (
    o.own
      ? ownModels()
      : o.quick
        ? QUICK.map((c) => all.find((m) => m.config === c)).filter(
            (m): m is ExpectedModel => m !== undefined,
          )
        : all.filter((m) => m.tlcSeconds >= o.minTlcSeconds)
  )
    .filter((m) => !o.filter || o.filter.test(nameOf(m)))
    .sort((a, b) => a.tlcSeconds - b.tlcSeconds);

  // The memory of a check that keeps nearly nothing: Node, the parser, the library modules.
  const trivial = all.find((m) => m.config === 'DieHard/DieHard.cfg');
  const baseline = trivial ? peakRss(await ours(trivial, 1, o.timeoutMs)) : undefined;

  console.log(
    `${o.own ? 'Own models' : 'Corpus'} bench: ${models.length} models, TLC (-workers 1) and specstage (--workers 1) alternately, median of ${o.repeat}`,
  );
  console.log(
    `machine: ${cpus()[0]?.model ?? '?'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Node ${process.version}; ${javaVersion()}`,
  );
  console.log(`before: ${uptime()}`);
  console.log(
    [
      'model'.padEnd(44),
      'generated'.padStart(10),
      'distinct'.padStart(9),
      'TLC s'.padStart(6),
      'ours s'.padStart(7),
      'ratio'.padStart(6),
      'peak MB'.padStart(8),
      'B/state'.padStart(8),
      '2w s'.padStart(6),
      '2w/1w'.padStart(6),
      'cpu1/2'.padStart(6),
      ...(o.tlcTwo ? ['TLC2/1'.padStart(6)] : []),
    ].join(' '),
  );
  const rows: CorpusRow[] = [];
  for (const m of models) {
    let two = o.twoWorkers && m.generatedStates > TWO_WORKER_GENERATED;
    const tlc: TlcRun[] = [];
    const one: OurRun[] = [];
    const both: OurRun[] = [];
    const tlcBoth: TlcRun[] = [];
    for (let r = 0; r < o.repeat; r++) {
      tlc.push(await tlcRun(m, o.timeoutMs));
      if (r === 0 && o.own) {
        const t = tlc[0].outcome;
        Object.assign(m, {
          result: t.result,
          distinctStates: t.distinctStates,
          generatedStates: t.generatedStates,
          depth: t.depth,
        });
        two = o.twoWorkers && m.generatedStates > TWO_WORKER_GENERATED;
      }
      one.push(await ourRun(m, 1, o.timeoutMs));
      if (two) both.push(await ourRun(m, 2, o.timeoutMs));
      if (two && o.tlcTwo) tlcBoth.push(await tlcRun(m, o.timeoutMs, 2));
    }
    const tlcS = median(tlc.map((t) => t.wallMs)) / 1000;
    const oursS = median(one.map((t) => t.wallMs)) / 1000;
    const peaks = one.map((t) => t.peakRssBytes).filter((b): b is number => b !== undefined);
    const peak = peaks.length ? median(peaks) : undefined;
    const notes: string[] = [];
    const differs = [...one, ...both].find((t) => t.differs)?.differs;
    if (differs) notes.push(differs);
    const t0 = tlc[0].outcome;
    if (t0.result !== m.result || t0.distinctStates !== m.distinctStates)
      notes.push(`TLC now says ${t0.result}, ${t0.distinctStates} distinct`);
    const row: CorpusRow = {
      name: nameOf(m),
      generated: m.generatedStates,
      distinct: m.distinctStates,
      tlcS,
      oursS,
      ratio: tlcS / oursS,
      peakMb: peak !== undefined ? peak / 2 ** 20 : undefined,
      bytesPerState:
        peak !== undefined && baseline !== undefined && m.distinctStates >= BYTES_PER_STATE_FROM
          ? (peak - baseline) / m.distinctStates
          : undefined,
      note: notes.length ? notes.join('; ') : undefined,
    };
    if (two) {
      row.twoS = median(both.map((t) => t.wallMs)) / 1000;
      row.speedUp = oursS / row.twoS;
      const cpu1 = one.map((t) => t.cpuMs).filter((c): c is number => c !== undefined);
      const cpu2 = both.map((t) => t.cpuMs).filter((c): c is number => c !== undefined);
      if (cpu1.length && cpu2.length) row.cpuEfficiency = median(cpu1) / median(cpu2);
      if (tlcBoth.length) row.tlcSpeedUp = tlcS / (median(tlcBoth.map((t) => t.wallMs)) / 1000);
    }
    rows.push(row);
    console.log(
      [
        row.name.slice(0, 44).padEnd(44),
        fmt(row.generated).padStart(10),
        fmt(row.distinct).padStart(9),
        row.tlcS.toFixed(1).padStart(6),
        row.oursS.toFixed(1).padStart(7),
        row.ratio.toFixed(2).padStart(6),
        (row.peakMb !== undefined ? fmt(row.peakMb) : '').padStart(8),
        (row.bytesPerState !== undefined ? fmt(row.bytesPerState) : '').padStart(8),
        (row.twoS !== undefined ? row.twoS.toFixed(1) : '').padStart(6),
        (row.speedUp !== undefined ? row.speedUp.toFixed(2) : '').padStart(6),
        (row.cpuEfficiency !== undefined ? row.cpuEfficiency.toFixed(2) : '').padStart(6),
        ...(o.tlcTwo
          ? [(row.tlcSpeedUp !== undefined ? row.tlcSpeedUp.toFixed(2) : '').padStart(6)]
          : []),
        row.note ? ` ${row.note.slice(0, 160)}` : '',
      ].join(' '),
    );
  }
  console.log(`after:  ${uptime()}`);
  summarize(rows, baseline);
  return rows;
}

function summarize(rows: CorpusRow[], baseline: number | undefined): void {
  const good = rows.filter((r) => !r.note);
  if (good.length === 0) return;
  const ratios = good.map((r) => r.ratio);
  const worst = [...good].sort((a, b) => a.ratio - b.ratio).slice(0, 5);
  console.log(
    `\nratio = TLC s / ours s (wall clock, start-up included; > 1: faster than TLC), over the ${good.length} models with TLC's answer:`,
  );
  console.log(
    `  median ${median(ratios).toFixed(2)}x; below 1.0: ${ratios.filter((x) => x < 1).length}; worst five: ${worst.map((r) => `${r.name} ${r.ratio.toFixed(2)}`).join(', ')}`,
  );
  const differing = rows.filter((r) => r.note);
  if (differing.length)
    console.log(`  left out (answer or run differs): ${differing.map((r) => r.name).join(', ')}`);
  const scaled = good.filter((r) => r.speedUp !== undefined);
  if (scaled.length) {
    const big = scaled.filter((r) => r.distinct > 100_000);
    console.log(
      `2w/1w = one worker's time / two workers' time: median ${median(scaled.map((r) => r.speedUp!)).toFixed(2)}x over ${scaled.length} models generating > 100,000 states` +
        (big.length
          ? `; ${median(big.map((r) => r.speedUp!)).toFixed(2)}x over the ${big.length} with > 100,000 distinct`
          : ''),
    );
    const tlcScaled = scaled.filter((r) => r.tlcSpeedUp !== undefined);
    if (tlcScaled.length)
      console.log(
        `TLC2/1 = TLC's time with -workers 1 / with -workers 2, same run: median ${median(tlcScaled.map((r) => r.tlcSpeedUp!)).toFixed(2)}x over the same ${tlcScaled.length}`,
      );
    const eff = scaled.filter((r) => r.cpuEfficiency !== undefined);
    if (eff.length)
      console.log(
        `cpu1/2 = one worker's CPU time / two workers' (every thread, start-up included; two idle cores give at most 2 x it): median ${median(eff.map((r) => r.cpuEfficiency!)).toFixed(2)} over the same ${eff.length}`,
      );
  }
  if (baseline !== undefined)
    console.log(
      `B/state = (peak RSS - ${fmt(baseline / 2 ** 20)} MB, a trivial check's) / distinct states, models >= ${fmt(BYTES_PER_STATE_FROM)} distinct`,
    );
}

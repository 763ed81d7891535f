/**
 * Trace validation on large logs (the bench, not a test): a 100,000-event log of a gallery model,
 * made by a random walk of the engine (one behaviour of 100,000 steps, seed 1), validated by
 * `specstage validate` with one worker in a child process. Prints the time to read and validate
 * (and the search's own time), events per second, the most candidate states held at once and the
 * child's peak memory (max RSS).
 *
 *   npx tsx scripts/bench-validate.ts [--events N]
 *
 * Logs: DieHard with full states; StaleReconcile (a control loop acting on a stale cache) with the
 * action, its parameters and half of the variables, so that the search keeps every state that
 * fits. (The retry examples, PaymentRetry and IdempotentQueue, end within a few dozen steps.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { simulateModel } from '../src/check/search/simulate/simulate';
import { readEvents } from '../src/cli/validate';
import { EventReader } from '../src/validate/log';
import { Validation } from '../src/validate/validate';
import { toNdjson, traceToLog, type LogRecord } from '../src/validate/from-trace';

const ROOT = join(import.meta.dirname, '..');
const GALLERY = join(ROOT, 'src/ui/examples');

interface Case {
  name: string;
  module: string;
  /** The config of the random walk: no invariant to stop it. */
  cfg: string;
  /** Which variables the log keeps (all when absent). */
  keep?: (v: string, i: number) => boolean;
}

const STALE_CFG = 'CONSTANTS\n  Desired = 2\n  Quota = 2\nINIT Init\nNEXT Next\n';

const CASES: Case[] = [
  { name: 'DieHard, full states', module: 'DieHard', cfg: 'INIT Init\nNEXT Next\n' },
  {
    name: 'StaleReconcile, action + half the variables',
    module: 'StaleReconcile',
    cfg: STALE_CFG,
    keep: (_v, i) => i % 2 === 0,
  },
];

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1];
}

/**
 * In the child: what `specstage validate` does (compile, read the log as a stream, search), less
 * the report; then the figures as one JSON line.
 */
async function child(spec: string, cfgFile: string, log: string): Promise<void> {
  const started = performance.now();
  const module = basename(spec, '.tla');
  const v = await Validation.open({
    files: [{ name: `${module}.tla`, text: readFileSync(spec, 'utf8') }],
    mainModule: module,
    cfg: readFileSync(cfgFile, 'utf8'),
  });
  const compiledMs = performance.now() - started;
  const events = await readEvents(log, new EventReader(v.vars), {
    stdout: () => {},
    stderr: () => {},
  });
  const readMs = performance.now() - started - compiledMs;
  const r = await v.validate(events);
  const wallMs = performance.now() - started;
  console.log(
    JSON.stringify({
      result: r.result,
      events: r.events,
      compiledMs,
      readMs,
      searchMs: r.durationMs,
      wallMs,
      maxCandidates: r.maxCandidates,
      heapMb: process.memoryUsage().heapUsed / 2 ** 20,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

export async function validateTable(events = 100_000): Promise<void> {
  console.log(`\nTrace validation: logs of ${events.toLocaleString('en-US')} events, one worker`);
  console.log(
    [
      'log'.padEnd(46),
      'result'.padEnd(10),
      'total s'.padStart(8),
      'read s'.padStart(7),
      'search s'.padStart(9),
      'events/s'.padStart(9),
      'cands'.padStart(6),
      'heap MB'.padStart(8),
      'max RSS MB'.padStart(10),
    ].join(' '),
  );
  const dir = mkdtempSync(join(tmpdir(), 'specstage-bench-validate-'));
  try {
    for (const c of CASES) {
      const spec = join(GALLERY, c.module, `${c.module}.tla`);
      const cfg = join(dir, `${c.module}.cfg`);
      writeFileSync(cfg, c.cfg);
      const sim = await simulateModel({
        files: [{ name: `${c.module}.tla`, text: readFileSync(spec, 'utf8') }],
        mainModule: c.module,
        cfg: c.cfg,
        options: {
          behaviours: 1,
          maxSteps: events - 1,
          seed: 1,
          checkDeadlock: false,
          collectTraces: true,
        },
      });
      const trace = sim.traces![0].trace;
      let log: LogRecord[] = traceToLog(trace);
      if (c.keep) {
        const drop = trace.vars.filter((v, i) => !c.keep!(v, i));
        // The first event stays whole: it pins the initial state.
        log = log.map((e, i) =>
          i === 0 ? e : Object.fromEntries(Object.entries(e).filter(([k]) => !drop.includes(k))),
        );
      }
      const file = join(dir, `${c.module}.ndjson`);
      writeFileSync(file, toNdjson(log));
      const run = spawnSync(
        'npx',
        ['tsx', join(ROOT, 'scripts/bench-validate.ts'), '--child', spec, cfg, file],
        {
          cwd: ROOT,
          encoding: 'utf8',
          maxBuffer: 64 * 2 ** 20,
        },
      );
      const line = run.stdout.trim().split('\n').pop() ?? '';
      let j: {
        result: string;
        events: number;
        readMs: number;
        searchMs: number;
        wallMs: number;
        maxCandidates: number;
        heapMb: number;
        maxRssMb: number;
      };
      try {
        j = JSON.parse(line);
      } catch {
        console.log(`${c.name.padEnd(46)} failed: ${run.stderr.slice(0, 300)}`);
        continue;
      }
      console.log(
        [
          c.name.padEnd(46),
          j.result.padEnd(10),
          (j.wallMs / 1000).toFixed(2).padStart(8),
          (j.readMs / 1000).toFixed(2).padStart(7),
          (j.searchMs / 1000).toFixed(2).padStart(9),
          Math.round(j.events / (j.wallMs / 1000))
            .toLocaleString('en-US')
            .padStart(9),
          String(j.maxCandidates).padStart(6),
          Math.round(j.heapMb).toLocaleString('en-US').padStart(8),
          Math.round(j.maxRssMb).toLocaleString('en-US').padStart(10),
        ].join(' '),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') await child(argv[1], argv[2], argv[3]);
else if (import.meta.url === `file://${process.argv[1]}`)
  await validateTable(Number(option(argv, '--events') ?? 100_000));

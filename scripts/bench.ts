/**
 * `npm run bench`: speed against TLC, live. USAGE below says what it runs and its options
 * (`npm run bench -- --help` prints it; an unknown option is refused, not ignored).
 */
import { dirname, join } from 'node:path';
import { EXAMPLES, modelName, readExpected, type ExpectedModel } from './conformance/corpus';
import { corpusTable, median } from './bench-corpus';
import { runCheckChild } from './conformance/run-child';

const USAGE = `\`npm run bench\`: speed against TLC, live, over the corpus (bench-corpus.ts): every model TLC
takes at least 2 s on, TLC and specstage alternately, median of 3, then the median ratio, the
worst five, two workers against one and bytes per state.

  --quick         ten models (a few minutes)
  --repeat N      runs per model and configuration (default 3), the median shown
  --filter REGEX  only these models
  --min-tlc S     models TLC takes at least S seconds on (default 2)
  --timeout S     per-run limit (default 300)
  --two 0         skip the two-worker column
  --tlc-two 1     beside it, TLC with -workers 2 against TLC with one (what a second core
                  gives TLC on this machine)
  --corpus 0      skip the corpus table

The other tables run when asked for (\`--all\`: every one):
  --parallel 1    1 vs 2 workers on SimpleRegular and MCBakery, in Node and in Chromium
                  (\`--browser 0\`: Node only; Chromium needs a build)
  --simulation 1  \`specstage simulate\` (--sim-num N behaviours, default 200; --sim-depth D, 100)
  --liveness 1    the liveness phase's time on five PROPERTY models
  --own 1         the models written here (scripts/bench-models/) against TLC live, as the
                  corpus table (\`--corpus 0 --own 1\`: those alone)
  --library 1     natives vs the modules' TLA+ text (bench-library.ts)
  --frontend 1    analysis of a 1,000-line spec, from scratch and after an edit
  --validate 1    trace validation of 100,000-event logs (bench-validate.ts)
  --first-verdict runs only the time-to-first-verdict bench in Chromium (bench-first-verdict.ts,
                  needs a build): \`--runs N\` fresh contexts, default 5, the medians printed

The simulation table (\`specstage simulate\`, seed 1, one worker, --keep-going so that every run
does the same work) gives steps per second and successors enumerated per second; TLC's figure
beside them is its BFS generated-states rate from expected.tsv, the nearest like-for-like
number we have: a simulation step enumerates every successor of a state, as a BFS level does.
`;

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

function option(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes('=') ? argv[i].split(/=(.*)/s)[1] : argv[i + 1];
}

/**
 * `specstage check` (or `simulate`) of a corpus model in a child process, with the corpus
 * libraries, `extra` arguments and the bench's memory limit: the one call every table makes.
 */
function corpusChild(
  m: ExpectedModel,
  extra: string[],
  timeoutMs: number,
  command?: string,
): ReturnType<typeof runCheckChild> {
  const modulePath = join(EXAMPLES, m.module);
  return runCheckChild([modulePath, '--config', join(EXAMPLES, m.config), ...extra], {
    cwd: dirname(modulePath),
    timeoutMs,
    memoryMb: 6144,
    command,
  });
}

/** The options USAGE names, with whether each takes a value. */
const OPTIONS: Record<string, boolean> = {
  '--quick': false,
  '--repeat': true,
  '--filter': true,
  '--min-tlc': true,
  '--timeout': true,
  '--two': true,
  '--tlc-two': true,
  '--corpus': true,
  '--all': false,
  '--parallel': true,
  '--browser': true,
  '--simulation': true,
  '--sim-num': true,
  '--sim-depth': true,
  '--liveness': true,
  '--own': true,
  '--library': true,
  '--frontend': true,
  '--validate': true,
  '--first-verdict': false,
  '--runs': true,
};

/** The first argument that is not an option of USAGE (or a value of one), if any. */
function unknownOption(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].split('=')[0];
    if (!(name in OPTIONS)) return argv[i];
    if (OPTIONS[name] && !argv[i].includes('=')) i++;
  }
  return undefined;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const unknown = unknownOption(argv);
  if (unknown !== undefined) {
    process.stderr.write(`npm run bench: unknown option ${unknown}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (argv.includes('--first-verdict')) {
    const { benchFirstVerdict, printFirstVerdict } = await import('./bench-first-verdict');
    printFirstVerdict(await benchFirstVerdict(Number(option(argv, '--runs') ?? 5)));
    return;
  }
  const all = argv.includes('--all');
  const on = (flag: string): boolean => {
    const v = option(argv, flag);
    return v === undefined ? all : v !== '0';
  };
  const timeoutMs = Number(option(argv, '--timeout') ?? 300) * 1000;
  const filter = option(argv, '--filter');
  if (option(argv, '--corpus') !== '0')
    await corpusTable({
      quick: argv.includes('--quick'),
      repeat: Math.max(1, Number(option(argv, '--repeat') ?? 3)),
      minTlcSeconds: Number(option(argv, '--min-tlc') ?? 2),
      filter: filter ? new RegExp(filter) : undefined,
      timeoutMs,
      twoWorkers: option(argv, '--two') !== '0',
      tlcTwo: option(argv, '--tlc-two') === '1',
    });
  if (on('--own'))
    await corpusTable({
      quick: false,
      repeat: Math.max(1, Number(option(argv, '--repeat') ?? 3)),
      minTlcSeconds: 0,
      filter: filter ? new RegExp(filter) : undefined,
      timeoutMs,
      twoWorkers: option(argv, '--two') !== '0',
      tlcTwo: option(argv, '--tlc-two') === '1',
      own: true,
    });
  if (on('--parallel')) await parallelTable(argv, timeoutMs);
  if (on('--simulation')) await simulationTable(argv, timeoutMs);
  if (on('--liveness')) await livenessTable(timeoutMs);
  if (on('--frontend')) await (await import('./bench-frontend')).frontendTable();
  if (on('--library')) await (await import('./bench-library')).libraryTable();
  if (on('--validate')) await (await import('./bench-validate')).validateTable();
}

/**
 * Models for the simulation table: ones we check as TLC does, with few initial states (MCBakery,
 * for one, has all 655,200 of its states initial: a simulation there times init enumeration).
 */
const SIMULATED = [
  'SlidingPuzzles/SlidingPuzzles.cfg',
  'nbacc_ray97/nbacc_ray97.cfg',
  'SpecifyingSystems/CachingMemory/MCInternalMemory.cfg',
  'MultiCarElevator/ElevatorSafetySmall.cfg',
];

async function simulationTable(argv: string[], timeoutMs: number): Promise<void> {
  const num = Number(option(argv, '--sim-num') ?? 200);
  const depth = Number(option(argv, '--sim-depth') ?? 100);
  if (num <= 0) return;
  const expected = readExpected();
  console.log(`\nSimulation: ${num} behaviours of at most ${depth} steps, seed 1, one worker`);
  console.log(
    [
      'model'.padEnd(50),
      'steps'.padStart(8),
      'sim s'.padStart(7),
      'steps/s'.padStart(9),
      'gen/s'.padStart(9),
      'TLC/s'.padStart(9),
      'ratio'.padStart(6),
    ].join(' '),
  );
  for (const config of SIMULATED) {
    const m = expected.find((e) => e.config === config);
    if (!m) continue;
    const child = await corpusChild(
      m,
      ['--num', String(num), '--depth', String(depth), '--seed', '1', '--keep-going'],
      timeoutMs,
      'simulate',
    );
    const j = child.json as
      | { steps?: number; generatedStates?: number; durationMs?: number; simulatingMs?: number }
      | undefined;
    if (
      !j ||
      child.timedOut ||
      j.steps === undefined ||
      !j.durationMs ||
      j.generatedStates === undefined
    ) {
      console.log(`${modelName(m).padEnd(50)} ${child.timedOut ? 'timeout' : 'failed'}`);
      continue;
    }
    // The behaviours' own time: parsing, compiling and the initial states are not steps.
    const seconds = (j.simulatingMs || j.durationMs) / 1000;
    const genRate = j.generatedStates / seconds;
    console.log(
      [
        modelName(m).slice(0, 50).padEnd(50),
        fmt(j.steps).padStart(8),
        seconds.toFixed(1).padStart(7),
        fmt(j.steps / seconds).padStart(9),
        fmt(genRate).padStart(9),
        fmt(m.tlcGeneratedPerSecond).padStart(9),
        (genRate / m.tlcGeneratedPerSecond).toFixed(2).padStart(6),
      ].join(' '),
    );
  }
  console.log(
    '\nsteps/s = transitions taken; gen/s = successors enumerated per second; both over the time\n' +
      'of the behaviours (sim s: parsing, compiling, initial states excluded);\n' +
      "TLC/s = TLC's BFS generated states per second (wall clock); ratio = gen/s / TLC/s.",
  );
}

/**
 * Models for the liveness table: PROPERTY models with fairness and temporal formulas checked on
 * the behaviour graph, that TLC checks in seconds and we check as TLC does.
 */
const LIVENESS = [
  'DiningPhilosophers/DiningPhilosophers.cfg',
  'SpecifyingSystems/Liveness/MCLiveWriteThroughCache.cfg',
  'allocator/AllocatorImplementation.cfg',
  'MultiCarElevator/ElevatorLivenessMedium.cfg',
  'dijkstra-mutex/DijkstraMutex.toolbox/LSpec-model/MC.cfg',
];

/**
 * The liveness phase (after the search, on the recorded behaviour graph) beside the whole check and
 * TLC's total time. The child reports the phase on stderr when SPECSTAGE_LIVENESS_STATS is set
 * (check.ts): `liveness: N states, M edges, B bytes recorded, T ms`. `--liveness 0` skips the table.
 */
async function livenessTable(timeoutMs: number): Promise<void> {
  const expected = readExpected();
  console.log('\nLiveness: the phase after the search, one worker');
  console.log(
    [
      'model'.padEnd(50),
      'states'.padStart(8),
      'edges'.padStart(9),
      'graph MB'.padStart(9),
      'live s'.padStart(7),
      'check s'.padStart(8),
      'wall s'.padStart(7),
      'TLC s'.padStart(7),
    ].join(' '),
  );
  process.env.SPECSTAGE_LIVENESS_STATS = '1';
  try {
    for (const config of LIVENESS) {
      const m = expected.find((e) => e.config === config);
      if (!m) continue;
      const child = await corpusChild(m, ['--workers', '1'], timeoutMs);
      const j = child.json;
      const stats = /liveness: (\d+) states, (\d+) edges, ([\d.]+) bytes recorded, (\d+) ms/.exec(
        child.stderrTail,
      );
      if (!j || child.timedOut || !j.durationMs || !stats) {
        console.log(`${modelName(m).padEnd(50)} ${child.timedOut ? 'timeout' : 'failed'}`);
        continue;
      }
      const agrees = j.result === m.result && j.distinctStates === m.distinctStates;
      console.log(
        [
          modelName(m).slice(0, 50).padEnd(50),
          fmt(Number(stats[1])).padStart(8),
          fmt(Number(stats[2])).padStart(9),
          (Number(stats[3]) / 2 ** 20).toFixed(1).padStart(9),
          (Number(stats[4]) / 1000).toFixed(2).padStart(7),
          (j.durationMs / 1000).toFixed(2).padStart(8),
          (child.wallMs / 1000).toFixed(2).padStart(7),
          m.tlcSeconds.toFixed(2).padStart(7),
          agrees ? '' : ` (differs from TLC: ${j.result}, ${j.distinctStates} states)`,
        ].join(' '),
      );
    }
  } finally {
    delete process.env.SPECSTAGE_LIVENESS_STATS;
  }
  console.log(
    '\nlive s = the liveness phase; check s = the whole check in the engine (search included);\n' +
      "wall s = the child's wall clock (Node start and parsing included); TLC s = TLC's wall clock\n" +
      '(JVM start included); graph MB = our estimate of the behaviour graph (states kept, edges, caches).',
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

/** Models of at least 100,000 distinct states for the workers table (TLC's counts in expected.tsv). */
function parallelConfigs(): string[] {
  return ['TeachingConcurrency/SimpleRegular.cfg', 'Bakery-Boulangerie/MCBakery.cfg'];
}

/**
 * 1 vs 2 workers: the same check shared over worker threads (src/check/search/parallel/), wall
 * clock of the child including start-up (as TLC's figure), and the engine's own time. Every
 * configuration runs `--repeat` times (default 3; one worker and two alternate, so that a slow
 * spell of the machine hits both) and the table gives the median; a fresh process each time, so
 * every run pays V8's warm-up as a user's does.
 */
async function parallelTable(argv: string[], timeoutMs: number): Promise<void> {
  const repeat = Math.max(1, Number(option(argv, '--repeat') ?? 3));
  const expected = readExpected();
  const node = new Map<string, number>();
  console.log(
    `\nWorkers: one vs two (Node worker threads), same answer required; median of ${repeat} runs`,
  );
  console.log(
    [
      'model'.padEnd(40),
      'workers'.padStart(7),
      'distinct'.padStart(9),
      'check s'.padStart(8),
      'wall s'.padStart(7),
      'speed-up'.padStart(9),
      'runs (check s)'.padStart(16),
      'TLC s'.padStart(6),
    ].join(' '),
  );
  for (const config of parallelConfigs()) {
    const m = expected.find((e) => e.config === config);
    if (!m) continue;
    const runs = new Map<
      number,
      { check: number; wall: number; distinct: number; agrees: boolean; result?: string }[]
    >([
      [1, []],
      [2, []],
    ]);
    let failed: string | undefined;
    for (let r = 0; r < repeat && !failed; r++) {
      for (const workers of [1, 2]) {
        const child = await corpusChild(m, ['--workers', String(workers)], timeoutMs);
        const j = child.json;
        if (!j || child.timedOut || !j.durationMs) {
          failed = `${workers} workers: ${child.timedOut ? 'timeout' : 'failed'}`;
          break;
        }
        runs.get(workers)!.push({
          check: j.durationMs / 1000,
          wall: child.wallMs / 1000,
          distinct: j.distinctStates ?? 0,
          agrees: j.result === m.result && j.distinctStates === m.distinctStates,
          result: j.result,
        });
      }
    }
    if (failed) {
      console.log(`${modelName(m).padEnd(40)} ${failed}`);
      continue;
    }
    const one = median(runs.get(1)!.map((x) => x.check));
    for (const workers of [1, 2]) {
      const rs = runs.get(workers)!;
      const check = median(rs.map((x) => x.check));
      node.set(`${config} ${workers}`, check);
      const bad = rs.find((x) => !x.agrees);
      console.log(
        [
          modelName(m).slice(0, 40).padEnd(40),
          String(workers).padStart(7),
          fmt(rs[0].distinct).padStart(9),
          check.toFixed(1).padStart(8),
          median(rs.map((x) => x.wall))
            .toFixed(1)
            .padStart(7),
          ((one / check).toFixed(2) + 'x').padStart(9),
          rs
            .map((x) => x.check.toFixed(1))
            .join(' ')
            .padStart(16),
          m.tlcSeconds.toFixed(1).padStart(6),
          bad ? ` (differs from TLC: ${bad.result}, ${bad.distinct} states)` : '',
        ].join(' '),
      );
    }
  }
  if (option(argv, '--browser') === '0') return;
  // The same checks in Chromium, through the built app's pool of module Web Workers.
  const { benchBrowser, corpusModel } = await import('./bench-browser');
  let rows;
  try {
    const models = parallelConfigs().map((config) => ({
      ...corpusModel(join(EXAMPLES, config)),
      name: config,
    }));
    rows = await benchBrowser(models, [1, 2], repeat);
  } catch (e) {
    console.log(`\nChromium: skipped (${e instanceof Error ? e.message : String(e)})`);
    return;
  }
  console.log(
    `\nWorkers in Chromium (the built app, module Web Workers), check time in the page; median of ${repeat} runs`,
  );
  console.log(
    [
      'model'.padEnd(40),
      'workers'.padStart(7),
      'distinct'.padStart(9),
      'check s'.padStart(8),
      'speed-up'.padStart(9),
      'runs (check s)'.padStart(16),
      '/ Node'.padStart(7),
    ].join(' '),
  );
  const seconds = (name: string, workers: number) =>
    rows.filter((x) => x.name === name && x.workers === workers).map((x) => x.wallMs / 1000);
  for (const name of [...new Set(rows.map((r) => r.name))]) {
    const one = median(seconds(name, 1));
    for (const workers of [...new Set(rows.filter((r) => r.name === name).map((r) => r.workers))]) {
      const runs = seconds(name, workers);
      const check = median(runs);
      const inNode = node.get(`${name} ${workers}`);
      console.log(
        [
          name
            .replace(/\.cfg$/, '')
            .slice(0, 40)
            .padEnd(40),
          String(workers).padStart(7),
          fmt(rows.find((r) => r.name === name)!.distinctStates).padStart(9),
          check.toFixed(1).padStart(8),
          ((one / check).toFixed(2) + 'x').padStart(9),
          runs
            .map((x) => x.toFixed(1))
            .join(' ')
            .padStart(16),
          (inNode ? (check / inNode).toFixed(2) : '').padStart(7),
        ].join(' '),
      );
    }
  }
  console.log(
    '/ Node = Chromium check time over Node engine time with the same workers (< 1: Chromium faster).',
  );
  console.log(
    'Chromium runs in one page: its workers stay warm from one run to the next (a fresh page would pay V8 warm-up again).',
  );
}

/**
 * Command-line options of `specstage check`. Parsing is separate from running so that it is tested
 * without touching files or the engine.
 */
import { optionTokens, refusedToken, type OptionSpec } from './options';

export interface CheckArgs {
  spec: string;
  config?: string;
  workers: number;
  json: boolean;
  /** `--dump-trace FORMAT:FILE`, FORMAT being `itf` or `tlc`. */
  dumpTrace?: { format: 'itf' | 'tlc'; file: string };
  dumpDot?: string;
  noDeadlock: boolean;
  libs: string[];
  /** `--memory-budget MiB`: stop the search with a message beyond this estimate. */
  memoryBudgetMb?: number;
  /** `--engine tlc`: hand the model to TLC (tla2tools.jar) instead of specstage's engine. */
  engine: 'specstage' | 'tlc';
  /** `--tlc-jar PATH` (else $TLA2TOOLS_JAR) for `--engine tlc`. */
  tlcJar?: string;
}

export const CHECK_USAGE = `Usage: specstage check Spec.tla [options]

Options:
  --config FILE         the model config (default: Spec.cfg beside the spec, as TLC)
  --workers N           worker threads sharing the search (default 1); same answer for any N
  --memory-budget MIB   stop with a message when the search would hold more than this (it also
                        stops by itself before the heap runs out)
  --json                end stdout with one JSON object describing the result
  --dump-trace itf:FILE write the counterexample as ITF JSON (tlc:FILE: as TLC's text)
  --dump-dot FILE       write the reachable state graph in TLC's dot format
  --no-deadlock         do not report deadlocks (TLC's -deadlock)
  --lib DIR             also load the .tla modules of DIR (repeatable)
  --engine tlc          run TLC instead (the same model exported, the same report and JSON);
                        needs java and tla2tools.jar: --tlc-jar PATH or $TLA2TOOLS_JAR
  --tlc-jar PATH        TLC's tla2tools.jar for --engine tlc`;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** The options as node:util's parseArgs reads them; the values are checked below. */
const OPTIONS = {
  config: { type: 'string' },
  workers: { type: 'string' },
  'memory-budget': { type: 'string' },
  json: { type: 'boolean' },
  'dump-trace': { type: 'string' },
  'dump-dot': { type: 'string' },
  'no-deadlock': { type: 'boolean' },
  lib: { type: 'string', multiple: true },
  engine: { type: 'string' },
  'tlc-jar': { type: 'string' },
} as const satisfies OptionSpec;

export function parseCheckArgs(argv: string[]): Parsed<CheckArgs> {
  const args: Omit<CheckArgs, 'spec'> & { spec?: string } = {
    workers: 1,
    json: false,
    noDeadlock: false,
    libs: [],
    engine: 'specstage',
  };
  try {
    for (const t of optionTokens(argv, OPTIONS, { deadlock: 'no-deadlock' })) {
      const refused = refusedToken(t, OPTIONS);
      if (refused !== undefined) throw new UsageError(refused);
      if (t.kind === 'terminator') continue;
      if (t.kind === 'positional') {
        if (args.spec !== undefined)
          throw new UsageError(`one spec at a time: '${args.spec}' and '${t.value}'`);
        args.spec = t.value;
        continue;
      }
      const name = t.raw;
      const value = t.value;
      const needValue = (): string => {
        if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
        return value;
      };
      switch (t.name as keyof typeof OPTIONS) {
        case 'config':
          args.config = needValue();
          break;
        case 'workers': {
          const v = needValue();
          const n = Number(v);
          if (!Number.isInteger(n) || n < 1)
            throw new UsageError(`--workers needs a positive integer, not '${v}'`);
          args.workers = n;
          break;
        }
        case 'memory-budget': {
          const v = needValue();
          const n = Number(v);
          if (!(n > 0))
            throw new UsageError(`--memory-budget needs a positive number of MiB, not '${v}'`);
          args.memoryBudgetMb = n;
          break;
        }
        case 'json':
          args.json = true;
          break;
        case 'dump-trace': {
          const v = needValue();
          const m = /^(itf|tlc):(.+)$/.exec(v);
          if (!m) throw new UsageError(`--dump-trace takes itf:FILE or tlc:FILE, not '${v}'`);
          args.dumpTrace = { format: m[1] as 'itf' | 'tlc', file: m[2] };
          break;
        }
        case 'dump-dot':
          args.dumpDot = needValue();
          break;
        case 'no-deadlock':
          args.noDeadlock = true;
          break;
        case 'lib':
          args.libs.push(needValue());
          break;
        case 'engine': {
          const v = needValue();
          if (v !== 'tlc' && v !== 'specstage')
            throw new UsageError(`--engine takes tlc or specstage, not '${v}'`);
          args.engine = v;
          break;
        }
        case 'tlc-jar':
          args.tlcJar = needValue();
          break;
      }
    }
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, error: e.message };
    throw e;
  }
  if (args.spec === undefined) return { ok: false, error: 'no spec given' };
  return { ok: true, value: { ...args, spec: args.spec } };
}

class UsageError extends Error {}

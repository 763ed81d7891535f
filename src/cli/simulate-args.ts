/**
 * Command-line options of `specstage simulate`, parsed apart from running so that they are tested
 * without the engine. Names follow TLC's -simulate (-depth, -num, -seed) with GNU-style dashes.
 */
import type { Parsed } from './args';
import { optionTokens, refusedToken, type OptionSpec } from './options';

export interface SimulateArgs {
  spec: string;
  config?: string;
  /** Most steps per behaviour (TLC's -depth; TLC's default is 100). */
  depth: number;
  /** Behaviours to simulate (TLC's -num; TLC's default is unbounded, ours is finite for CI). */
  num: number;
  seed?: number;
  outItf?: string;
  keepGoing: boolean;
  noDeadlock: boolean;
  json: boolean;
  workers: number;
  libs: string[];
  /** How a step is chosen: an action first (TLC's way, the default), or any successor. */
  pick: 'action' | 'successor';
}

export const SIMULATE_USAGE = `Usage: specstage simulate Spec.tla [options]

Simulates random behaviours, as TLC's -simulate: each from a random initial state; at each step
an action at random among those enabled (Next's disjuncts, split per element of a \\E over a
constant set, as TLC splits them), every successor of it checked against the invariants, then one
of them at random. The same seed gives the same behaviours.

Options:
  --config FILE    the model config (default: Spec.cfg beside the spec, as TLC)
  --depth D        at most D steps per behaviour, D + 1 states (default 100; TLC's -depth
                   counts states: TLC's -depth 100 is --depth 99)
  --num N          simulate N behaviours (default 1000)
  --seed S         the random seed, an integer from 0 to 2^53 - 1 (default: random, printed)
  --out-itf DIR    write each behaviour to DIR/<Module>-<index>.itf.json (for model-based tests)
  --keep-going     go on after a violation and report them all (the first sets the exit code)
  --no-deadlock    do not report deadlocks (TLC's -deadlock)
  --pick P         action (default): an action first, then one of its successors, as TLC;
                   successor: one successor at random among all the state's, only it checked
  --workers N      worker threads (default 1); the behaviours do not depend on it
  --json           end stdout with one JSON object describing the result
  --lib DIR        also load the .tla modules of DIR (repeatable)`;

class UsageError extends Error {}

function nonNegative(name: string, v: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n > max)
    throw new UsageError(`${name} needs a non-negative integer, not '${v}'`);
  return n;
}

/** The options as node:util's parseArgs reads them; the values are checked below. */
const OPTIONS = {
  config: { type: 'string' },
  depth: { type: 'string' },
  num: { type: 'string' },
  seed: { type: 'string' },
  'out-itf': { type: 'string' },
  'keep-going': { type: 'boolean' },
  'no-deadlock': { type: 'boolean' },
  deadlock: { type: 'boolean' },
  json: { type: 'boolean' },
  workers: { type: 'string' },
  lib: { type: 'string', multiple: true },
  pick: { type: 'string' },
} as const satisfies OptionSpec;

/** TLC spells them with one dash: accept -depth, -num, -seed, -deadlock too. */
const TLC_SPELLINGS = { depth: 'depth', num: 'num', seed: 'seed', deadlock: 'deadlock' };

export function parseSimulateArgs(argv: string[]): Parsed<SimulateArgs> {
  const args: Omit<SimulateArgs, 'spec'> & { spec?: string } = {
    depth: 100,
    num: 1000,
    keepGoing: false,
    noDeadlock: false,
    json: false,
    workers: 1,
    libs: [],
    pick: 'action',
  };
  try {
    for (const t of optionTokens(argv, OPTIONS, TLC_SPELLINGS)) {
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
        case 'depth':
          args.depth = nonNegative(name, needValue());
          break;
        case 'num':
          args.num = nonNegative(name, needValue());
          break;
        case 'seed':
          args.seed = nonNegative(name, needValue());
          break;
        case 'out-itf':
          args.outItf = needValue();
          break;
        case 'keep-going':
          args.keepGoing = true;
          break;
        case 'no-deadlock':
        case 'deadlock':
          args.noDeadlock = true;
          break;
        case 'json':
          args.json = true;
          break;
        case 'workers': {
          const n = nonNegative(name, needValue(), 256);
          if (n < 1) throw new UsageError('--workers needs a positive integer');
          args.workers = n;
          break;
        }
        case 'lib':
          args.libs.push(needValue());
          break;
        case 'pick': {
          const v = needValue();
          if (v !== 'action' && v !== 'successor')
            throw new UsageError(`--pick needs action or successor, not '${v}'`);
          args.pick = v;
          break;
        }
      }
    }
  } catch (e) {
    if (e instanceof UsageError) return { ok: false, error: e.message };
    throw e;
  }
  if (args.spec === undefined) return { ok: false, error: 'no spec given' };
  return { ok: true, value: { ...args, spec: args.spec } };
}

/**
 * Runs `specstage check … --json` in a child process with a time limit, so that a model that
 * hangs, crashes or runs out of memory costs one row of the table and not the whole run.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../../src/check/contract/types';
import type { Observed } from './compare';

const BIN = fileURLToPath(new URL('../../bin/specstage', import.meta.url));

export interface ChildOutcome {
  /** The `--json` object, when the child printed one. */
  json?: Partial<CheckResult> & { exitCode?: number; error?: { message: string } };
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  wallMs: number;
  stderrTail: string;
}

export interface ChildOptions {
  cwd: string;
  timeoutMs: number;
  /** Heap limit of the child, in MiB. */
  memoryMb: number;
  /** The specstage command to run (default `check`; the bench also times `simulate`). */
  command?: string;
  /** Options for Node itself, before the CLI (the bench's peak-memory probe). */
  nodeArgs?: string[];
}

export function runCheckChild(args: string[], options: ChildOptions): Promise<ChildOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${options.memoryMb}`,
        ...(options.nodeArgs ?? []),
        BIN,
        options.command ?? 'check',
        ...args,
        '--json',
      ],
      {
        cwd: options.cwd,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // Keep only the end of stderr: the human report of a long trace can be large.
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      let json: ChildOutcome['json'];
      try {
        json = last.startsWith('{') ? JSON.parse(last) : undefined;
      } catch {
        json = undefined;
      }
      resolve({
        json,
        exitCode,
        signal,
        timedOut,
        wallMs: Date.now() - started,
        stderrTail: stderr,
      });
    });
  });
}

/** Our figures from the child's JSON, or why there are none. */
export function observe(
  child: ChildOutcome,
): Observed | { status: 'timeout' | 'crash'; reason: string } {
  if (child.timedOut) return { status: 'timeout', reason: `no result within the time limit` };
  const j = child.json;
  if (!j || typeof j.result !== 'string') {
    const why = child.signal ? `killed by ${child.signal}` : `exit ${child.exitCode}`;
    const tail = child.stderrTail.trim().split('\n').slice(-3).join(' | ');
    return { status: 'crash', reason: `${why}, no JSON result: ${tail}` };
  }
  const trace = j.trace ?? (j.error as { trace?: { states: unknown[] } } | undefined)?.trace;
  return {
    result: j.result,
    distinctStates: j.distinctStates ?? 0,
    generatedStates: j.generatedStates ?? 0,
    depth: j.depth ?? 0,
    durationMs: j.durationMs ?? 0,
    traceLength: trace?.states.length,
    violated: j.violated,
    uncheckedProperties: j.uncheckedProperties,
    error: j.error?.message,
  };
}

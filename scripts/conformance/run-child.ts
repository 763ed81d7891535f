/**
 * Runs `specstage check … --json` in a child process with a time limit, so that a model that
 * hangs, crashes or runs out of memory costs one row of the table and not the whole run.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../../src/check/contract/types';

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
}

export function runCheckChild(args: string[], options: ChildOptions): Promise<ChildOutcome> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${options.memoryMb}`,
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

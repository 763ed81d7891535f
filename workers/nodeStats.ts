/**
 * `SPECSTAGE_PARALLEL_STATS=1`: each worker of a shared search prints where its time went (one
 * JSON line on stderr, parallel/stats.ts), timed by its thread's own CPU clock (Linux:
 * /proc/thread-self/schedstat, run time and time waiting for a core, in ns), so that a loaded
 * machine does not distort it. Installed per thread (the CLI's and each checker worker's).
 */
import { openSync, readSync, writeSync } from 'node:fs';
import { setParallelStats } from '../src/check/search/parallel/stats';

/**
 * This thread's clock from /proc/thread-self/schedstat: field 0 its CPU time, field 1 its time
 * waiting for a core, in ms. Undefined where there is none (not Linux).
 */
export function threadSchedClock(): ((field: 0 | 1) => number) | undefined {
  let fd: number;
  try {
    // /proc/thread-self is this thread's at open time: open it from the thread it times.
    fd = openSync('/proc/thread-self/schedstat', 'r');
  } catch {
    return undefined;
  }
  const buf = Buffer.alloc(128);
  return (field) => {
    const n = readSync(fd, buf, 0, buf.length, 0);
    return Number(buf.toString('latin1', 0, n).split(' ')[field]) / 1e6;
  };
}

export function installNodeParallelStats(): void {
  if (!process.env.SPECSTAGE_PARALLEL_STATS) return;
  // No thread clock: the stats fall back to wall time.
  const read = threadSchedClock();
  // The process's start, as this thread sees the wall clock (a worker's performance.timeOrigin is its own start).
  const origin = Date.now() - process.uptime() * 1000;
  const wall = () => Date.now() - origin;
  const clock = read && { cpu: () => read(0), runQueue: () => read(1), wall };
  // Written at once (a worker's process.stderr goes through the main thread, and a worker that is
  // terminated as the check ends would lose its line).
  setParallelStats((s) => writeSync(2, `parallel-stats ${JSON.stringify(s)}\n`), clock);
}

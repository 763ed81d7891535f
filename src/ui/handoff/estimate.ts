/**
 * What the results panel says when it suggests TLC: the figures of the run so far, the projection
 * (projection.ts) and what TLC would need with N workers. Pure, so that it is tested as words.
 */
import type { Progress } from '../../check/contract/types';
import { formatCount, formatDuration } from '../panels/numbers';
import { foundRate, projectSearch, type Projection } from './projection';

/** A run projected to need more than this in the tab is worth handing to TLC. */
export const LONG_RUN_MS = 10 * 60_000;

/** TLC's fingerprint set: 8 bytes a state (its off-heap table), before its load factor. */
const FINGERPRINT_BYTES = 8;

export interface HandoffEstimate {
  /** Why TLC is suggested: the run stopped at the memory budget, or would take long. */
  reason: 'memory budget' | 'long';
  found: number;
  depth: number;
  elapsedMs: number;
  projection?: Projection;
  /** Sentences, in order. */
  lines: string[];
}

/** `3.4 GB`, `120 MB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let i = 0;
  let n = bytes;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n >= 100 || i === 0 ? Math.round(n) : n.toPrecision(2)} ${units[i]}`;
}

/** formatDuration, with days and years for what no one waits for in a tab. */
export function formatLongDuration(ms: number): string {
  const days = ms / 86_400_000;
  if (days >= 730) return `${formatCount(Math.round(days / 365))} years`;
  if (days >= 2) return `${formatCount(Math.round(days))} days`;
  return formatDuration(ms);
}

/**
 * Whether to suggest TLC and with what figures: after a stop at the memory budget always; while
 * a check runs (or after it was cancelled) when its projection says it needs more than
 * LONG_RUN_MS. `workers`: the TLC workers to estimate for; `tabWorkers`: the workers the run had.
 */
export function handoffEstimate(
  history: readonly Progress[],
  stoppedAtBudget: boolean,
  workers: number,
  tabWorkers = 1,
): HandoffEstimate | undefined {
  const last = history[history.length - 1];
  if (!last) return undefined;
  const projection = projectSearch(history);
  const long =
    projection !== undefined &&
    projection.method !== 'finished' &&
    (projection.remainingMs ?? 0) > LONG_RUN_MS;
  if (!stoppedAtBudget && !long) return undefined;
  const lines: string[] = [];
  const rate = foundRate(history);
  lines.push(
    `${formatCount(last.distinctStates)} states found in ${formatDuration(last.elapsedMs)} ` +
      `(depth ${formatCount(last.depth)})` +
      (rate > 0 ? `, lately ${formatCount(Math.round(rate))} a second.` : '.'),
  );
  let total: number | undefined;
  let remainingMs: number | undefined;
  if (projection?.totalStates !== undefined && projection.method !== 'finished') {
    total = projection.totalStates;
    remainingMs = projection.remainingMs;
    lines.push(
      `Projected from its level sizes: about ${formatCount(round(total))} states in all` +
        (remainingMs !== undefined ? `, ${formatLongDuration(remainingMs)} more here.` : '.'),
    );
  } else if (projection?.method === 'growing' && projection.nextLevel) {
    remainingMs = projection.nextLevel.ms;
    lines.push(
      `Its levels still grow ×${projection.lastRatio!.toFixed(1)} a level: no end in sight. ` +
        `The level being found holds about ${formatCount(round(projection.nextLevel.states))} ` +
        `states: ${formatLongDuration(projection.nextLevel.ms)} more here.`,
    );
  }
  if (rate > 0 && remainingMs !== undefined) {
    const perWorker = (remainingMs * tabWorkers) / workers;
    lines.push(
      `TLC with ${workers} workers, each at this tab's pace: about ${formatLongDuration(perWorker)}` +
        (total === undefined ? ' for that level' : '') +
        ` (a first TLC run shows its own pace on this spec).`,
    );
  }
  const states = total ?? last.distinctStates;
  lines.push(
    `TLC's fingerprint set takes 8 bytes a state: ${formatBytes(states * FINGERPRINT_BYTES)} ` +
      `for ${formatCount(round(states))} states (-fpmem); its queue goes to disk.`,
  );
  return {
    reason: stoppedAtBudget ? 'memory budget' : 'long',
    found: last.distinctStates,
    depth: last.depth,
    elapsedMs: last.elapsedMs,
    projection,
    lines,
  };
}

/** Three significant digits: a projection is no more precise. */
function round(n: number): number {
  if (n < 1000) return Math.round(n);
  const scale = 10 ** (Math.floor(Math.log10(n)) - 2);
  return Math.round(n / scale) * scale;
}

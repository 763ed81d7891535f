/** Number formats shared by the panels. */
const counts = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return counts.format(n);
}

/**
 * `12 ms`, `2.3 s`, `4 min 40 s`, `1 h 5 min`. Each unit is rounded before it is split, so that
 * 119.6 s reads `2 min 0 s`, never `1 min 60 s`, and 999.7 ms reads `1.0 s`, not `1000 ms`.
 */
export function formatDuration(ms: number): string {
  const safe = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (Math.round(safe) < 1000) return `${Math.round(safe)} ms`;
  const tenths = Math.round(safe / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const seconds = Math.round(safe / 1000);
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  const minutes = Math.round(safe / 60_000);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

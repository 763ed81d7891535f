/**
 * The conformance table and summary: one line per model with TLC's figures beside ours, then the
 * match rates per suite, with wrong verdicts listed apart and loudly.
 */
import type { Verdict } from '../../src/check/contract/types';
import type { GraphComparison, Observed, Status } from './compare';
import type { ExpectedModel } from './corpus';

export interface ModelRow {
  kind: 'model';
  name: string;
  module: string;
  config: string;
  hasProperties: boolean;
  tlc: ExpectedModel;
  ours?: Observed;
  status: Status;
  reasons: string[];
  wallSeconds: number;
}

export interface GraphRow {
  kind: 'graph';
  name: string;
  status: 'match' | 'mismatch' | 'error' | 'timeout' | 'crash';
  detail: string;
  comparison?: GraphComparison;
  wallSeconds: number;
}

const SHORT: Record<Verdict, string> = {
  success: 'ok',
  'safety failure': 'safety',
  'deadlock failure': 'deadlock',
  'liveness failure': 'liveness',
  'assumption failure': 'assume',
  error: 'error',
};

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);
const rate = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${Math.round(n / 1e3)}k` : `${Math.round(n)}`;

/** Generated states per second of our run (engine time, without process start). */
export function ourRate(o: Observed | undefined): number | undefined {
  if (!o || o.durationMs <= 0) return undefined;
  return o.generatedStates / (o.durationMs / 1000);
}

const NAME_WIDTH = 58;

export function modelHeader(): string {
  return [
    pad('model', NAME_WIDTH),
    pad('TLC: verdict', 9),
    lpad('distinct', 9),
    lpad('depth', 5),
    ' | ',
    pad('ours', 9),
    lpad('distinct', 9),
    lpad('depth', 5),
    '  ',
    pad('match', 16),
    lpad('time', 7),
    lpad('ours/s', 8),
    lpad('TLC/s', 8),
  ].join(' ');
}

export function modelLine(r: ModelRow): string {
  const o = r.ours;
  const ours = o
    ? [pad(SHORT[o.result], 9), lpad(String(o.distinctStates), 9), lpad(String(o.depth), 5)]
    : [pad('-', 9), lpad('-', 9), lpad('-', 5)];
  const ourPerSecond = ourRate(o);
  const line = [
    pad(r.name.slice(0, NAME_WIDTH), NAME_WIDTH),
    pad(SHORT[r.tlc.result], 9),
    lpad(String(r.tlc.distinctStates), 9),
    lpad(String(r.tlc.depth), 5),
    ' | ',
    ...ours,
    '  ',
    pad(r.status, 16),
    lpad(`${r.wallSeconds.toFixed(1)}s`, 7),
    lpad(ourPerSecond === undefined ? '-' : rate(ourPerSecond), 8),
    lpad(rate(r.tlc.tlcGeneratedPerSecond), 8),
  ].join(' ');
  return r.reasons.length > 0 ? `${line}\n    ${r.reasons.join('; ').slice(0, 300)}` : line;
}

export function graphLine(r: GraphRow): string {
  return `${pad(r.name, 40)} ${pad(r.status, 9)} ${lpad(`${r.wallSeconds.toFixed(1)}s`, 6)}  ${r.detail.slice(0, 200)}`;
}

const percent = (n: number, d: number): string =>
  d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;

function tally<T extends { status: string }>(rows: T[]): string {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts.entries()].map(([s, n]) => `${s} ${n}`).join(', ');
}

export function summary(models: ModelRow[], graphs: GraphRow[]): string[] {
  const lines: string[] = ['', '=== Summary ==='];
  const line = (label: string, rows: { status: string }[]) => {
    if (rows.length === 0) return;
    const ok = rows.filter((r) => r.status === 'match').length;
    lines.push(
      `${pad(label, 26)} ${ok}/${rows.length} match (${percent(ok, rows.length)})   [${tally(rows)}]`,
    );
  };
  line('State graphs:', graphs);
  line(
    'Models without PROPERTY:',
    models.filter((m) => !m.hasProperties),
  );
  line(
    'Models with PROPERTY:',
    models.filter((m) => m.hasProperties),
  );
  line('All models:', models);
  const onlyUnchecked = models.filter(
    (m) =>
      m.status === 'mismatch' && m.reasons.every((r) => r.startsWith('PROPERTIES not checked')),
  ).length;
  if (onlyUnchecked > 0) {
    lines.push(
      `  (${onlyUnchecked} mismatches agree on verdict and figures but left PROPERTIES unchecked)`,
    );
  }
  const wrong = models.filter(
    (m) =>
      m.status === 'MISSED VIOLATION' || m.status === 'FALSE ALARM' || m.status === 'WRONG VERDICT',
  );
  if (wrong.length > 0) {
    lines.push('', `!!! WRONG VERDICTS: ${wrong.length} !!!`);
    for (const m of wrong) lines.push(`!!! ${m.status}: ${m.name}: ${m.reasons.join('; ')}`);
  } else if (models.length > 0) {
    lines.push('', 'Wrong verdicts: none.');
  }
  return lines;
}

/**
 * A log of the implementation dropped on the open model (NDJSON: one event per line, as
 * `specstage validate` reads it): validated on a worker, then shown as a trace. When the log is a
 * behaviour of the spec, the trace is that behaviour; when it is not, the trace is the behaviour
 * that explains the events before the first one no behaviour explains, followed by the closest
 * step the spec could take there, marked as where the log diverges. Each step's label says which
 * log event it matches, so the log's events stand beside the steps in the trace viewer, and the
 * sequence diagram draws the same trace.
 */
import type { Trace, TraceStep } from '../../check/contract/types';
import { printValueOneLine } from '../../trace/print';
import type { ValidateResult } from '../../validate/types';
import { buildCheckRequest } from '../engine/checkRequest';
import { enginePool } from '../engine/runCheck';
import { selectStep, showImportedTrace } from '../explore/actions';
import type { ImportedLog } from '../explore/state';
import { showFilesNotice } from '../files/filesState';
import { appStore } from '../store';

/** The file names read as logs to validate. */
export const LOG_FILE = /\.(ndjson|jsonl)$/i;

const shown = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
};

/** The steps labelled with the log event each matches. */
function withEvents(trace: Trace, events: (number | null)[] | undefined): Trace {
  const steps: TraceStep[] = trace.steps.map((step, i) => {
    const ev = events?.[i];
    const note =
      ev !== null && ev !== undefined
        ? `log event ${ev + 1}`
        : i === 0
          ? 'before the log'
          : 'not in the log';
    return { ...step, label: `${step.label} · ${note}` };
  });
  return { ...trace, steps };
}

/** What the trace viewer shows for a validation's answer; undefined when there is no trace. */
export function logTrace(
  r: ValidateResult,
  file: string,
  mainModule: string,
): { trace: Trace; log: ImportedLog } | undefined {
  if (r.result === 'behaviour' && r.trace) {
    const n = r.events.toLocaleString('en');
    return {
      trace: withEvents(r.trace, r.stepEvents),
      log: {
        file,
        ok: true,
        text: `a behaviour of ${mainModule}: its ${n} events are explained by these ${r.trace.states.length} states.`,
      },
    };
  }
  const d = r.divergence;
  if (r.result !== 'divergence' || !d) return undefined;
  const base = r.trace
    ? withEvents(r.trace, r.stepEvents)
    : { vars: Object.keys(d.closest?.state ?? {}), states: [], steps: [] };
  const where = `Event ${d.event + 1}${d.line !== undefined ? ` (line ${d.line})` : ''}`;
  const disagree = d.closest?.disagree
    .map(
      (x) =>
        `${x.what} (log ${shown(x.logged)}, spec ${x.spec === undefined ? 'none' : printValueOneLine(x.spec)})`,
    )
    .join(', ');
  const text =
    `not a behaviour of ${mainModule}. ${where} is the first that no behaviour explains` +
    (d.closest
      ? `: the closest step, ${d.closest.label}, disagrees on ${disagree || 'nothing logged'}.`
      : '.') +
    (r.trace ? ` Enabled before it: ${d.enabled.join(', ') || 'nothing'}.` : '');
  if (!d.closest) return { trace: base, log: { file, ok: false, text } };
  const first = base.states.length === 0;
  const step: TraceStep = first
    ? { action: d.closest.action, params: [], label: `Initial predicate · closest to ${where}` }
    : { action: d.closest.action, params: [], label: `${d.closest.label} · closest to ${where}` };
  const trace: Trace = {
    vars: base.vars.length ? base.vars : Object.keys(d.closest.state),
    states: [...base.states, d.closest.state],
    steps: [...base.steps, step],
  };
  return { trace, log: { file, ok: false, text, diverged: trace.states.length - 1 } };
}

/** Validates the log against the open model and shows the answer; the result, or undefined. */
export async function openLogText(text: string, file: string): Promise<ValidateResult | undefined> {
  let request;
  try {
    const { options: _options, ...rest } = buildCheckRequest(appStore.getState());
    request = rest;
  } catch (e) {
    showFilesNotice({
      tone: 'error',
      text: `${file}: no model to validate it against (${(e as Error).message}).`,
    });
    return undefined;
  }
  showFilesNotice({ tone: 'info', text: `Validating ${file} against ${request.mainModule}…` });
  const pool = await enginePool();
  const r = await pool.validateLog(request, text);
  const shownTrace = logTrace(r, file, request.mainModule);
  if (!shownTrace) {
    const why = r.error?.message ?? r.stopped ?? 'no answer';
    showFilesNotice({ tone: 'error', text: `${file} could not be validated: ${why}.` });
    return r;
  }
  showImportedTrace(shownTrace.trace, undefined, shownTrace.log);
  selectStep(shownTrace.log.diverged ?? shownTrace.trace.states.length - 1);
  const d = r.divergence;
  showFilesNotice({
    tone: shownTrace.log.ok ? 'info' : 'warning',
    text: shownTrace.log.ok
      ? `Validated ${file}: a behaviour of ${request.mainModule} (in the trace view).`
      : `Validated ${file}: not a behaviour of ${request.mainModule}; it diverges at event ${d!.event + 1}${d!.line !== undefined ? ` (line ${d!.line})` : ''}, marked in the trace.`,
  });
  return r;
}

export async function openLogFile(file: File): Promise<void> {
  await openLogText(await file.text(), file.name);
}

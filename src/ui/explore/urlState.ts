/**
 * The trace viewer's part of the URL: the selected step and an explored path, as `key=value`
 * pairs in the hash (`#step=7`, `#explore=0.3.1&step=3`). Other keys (a share link's) are left as
 * they are, so this module and a share link can both write the hash. Steps are numbered from 1 in
 * the URL, as TLC numbers states.
 */
export interface TraceUrlState {
  /** The selected state, from 0. */
  step?: number;
  /** The explored path's choice indexes, when the views show an explored path. */
  explore?: number[];
}

const STEP = 'step';
const EXPLORE = 'explore';

function params(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}

export function readTraceUrl(hash: string): TraceUrlState {
  const p = params(hash);
  const out: TraceUrlState = {};
  const step = Number(p.get(STEP));
  if (p.has(STEP) && Number.isInteger(step) && step >= 1) out.step = step - 1;
  const path = p.get(EXPLORE);
  if (path !== null) {
    const choices = path === '' ? [] : path.split('.').map(Number);
    if (choices.every((c) => Number.isInteger(c) && c >= 0)) out.explore = choices;
  }
  return out;
}

/** The hash with the trace viewer's keys set to `state` (absent keys removed), others kept. */
export function writeTraceUrl(hash: string, state: TraceUrlState): string {
  const p = params(hash);
  if (state.step === undefined) p.delete(STEP);
  else p.set(STEP, String(state.step + 1));
  if (state.explore === undefined) p.delete(EXPLORE);
  else p.set(EXPLORE, state.explore.join('.'));
  const text = p.toString();
  return text ? `#${text}` : '';
}

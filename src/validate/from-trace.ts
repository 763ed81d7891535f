/**
 * A trace as a log: one event per state, with the step's action and parameters and every
 * variable, values in ITF's JSON form. What a perfect implementation logging its whole state would
 * write; the tests thin it out and mutate it.
 */
import type { Trace } from '../check/contract/types';
import { toItfValue } from '../formats/itf';

export type LogRecord = Record<string, unknown>;

export function traceToLog(trace: Trace): LogRecord[] {
  return trace.states.map((state, i) => {
    const step = trace.steps[i];
    const ev: LogRecord = {};
    // The first event is the initial state: no action, so that it reads as one whatever the
    // initial predicate is called.
    if (step && i > 0) {
      ev.action = step.action;
      if (step.params.length)
        ev.params = Object.fromEntries(step.params.map((p) => [p.name, toItfValue(p.value)]));
    }
    for (const v of trace.vars) ev[v] = toItfValue(state[v]);
    return ev;
  });
}

export function toNdjson(records: LogRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

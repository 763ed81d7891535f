/**
 * The variables that grow along a few random behaviours, for the warning of a check that keeps
 * getting deeper (unbounded.ts says when): their size grows and they keep taking new values.
 */
import type { Trace } from '../../check/contract/types';
import type { TraceValue } from '../../trace/value';
import { view } from '../../trace/view';
import { printValueOneLine } from '../../trace/print';
import { canonicalKey } from '../../trace/keys';

export interface GrowingVariable {
  name: string;
  /** Its value at the start and at the end of the behaviour it grew in, one line each. */
  from: string;
  to: string;
  steps: number;
}

/** Behaviours shorter than this say nothing about growth. */
const MIN_STEPS = 40;

/**
 * A value's size: an integer's magnitude, a collection's element count plus its elements' sizes;
 * strings, booleans and model values count nothing.
 */
export function valueSize(v: TraceValue): number {
  const w = view(v);
  switch (w.kind) {
    case 'int':
      return Math.abs(Number(w.digits));
    case 'set':
    case 'seq':
      return sizeOfAll(w.elements);
    case 'map':
      return sizeOfAll(w.entries.map(([, x]) => x));
    case 'record':
      return sizeOfAll(Object.values(w.fields));
    default:
      return 0;
  }
}

const sizeOfAll = (xs: TraceValue[]) => xs.reduce((n, x) => n + 1 + valueSize(x), 0);

/**
 * Variables that grow along some behaviour: by the end their size has grown by at least a quarter
 * of the steps taken, and they took a new value on at least a quarter of the steps. A bounded
 * variable that goes round (a counter modulo 3, a flag) takes few values; one that changes shape
 * without growing (a sequence rotating) does not grow.
 */
export function growingVariables(traces: Trace[]): GrowingVariable[] {
  const found = new Map<string, GrowingVariable>();
  for (const trace of traces) {
    const steps = trace.states.length - 1;
    if (steps < MIN_STEPS) continue;
    for (const name of trace.vars) {
      if (found.has(name)) continue;
      const values = trace.states.map((s) => s[name]).filter((v) => v !== undefined);
      if (values.length < trace.states.length) continue;
      const first = values[0];
      const last = values[values.length - 1];
      const grew = valueSize(last) - valueSize(first);
      const distinct = new Set(values.map(canonicalKey)).size;
      if (grew >= steps / 4 && distinct >= steps / 4) {
        found.set(name, {
          name,
          from: clip(printValueOneLine(first)),
          to: clip(printValueOneLine(last)),
          steps,
        });
      }
    }
  }
  return [...found.values()];
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

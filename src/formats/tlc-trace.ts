/**
 * Error traces in TLC's text form, both ways: `printTlcTrace` writes a `Trace` as TLC prints a
 * counterexample (`State 1: <Initial predicate>`, `/\ x = 1` lines, a blank line after each state,
 * `Back to state k` or `Stuttering` closing a lasso); `parseTlcTrace` reads such a trace out of TLC's
 * output (to import TLC traces and to compare our counterexamples with TLC's).
 */
import { type Range, tlcLocation } from '../tla/ast/ast';
import type { Trace, TraceStep, Verdict } from '../check/contract/types';
import { parseStateLabel } from './dot';
import type { TraceState } from '../trace/value';
import { printState, printValueOneLine } from '../trace/print';

/**
 * `<Next line 59, col 13 to line 59, col 56 of module SlidingPuzzles>`, `<Send(p1) line …>`: the
 * operator and its arguments (not the variables `\E` bound in it), where the step's disjunct
 * is; TLC's columns are inclusive.
 */
export function printStepLabel(step: TraceStep | undefined, index: number): string {
  if (index === 0 || !step) return '<Initial predicate>';
  const r = step.range;
  const own = step.params.filter((p) => !p.bound);
  // A step read from TLC's text keeps its label as TLC wrote it (its parameters have no names).
  const name = step.shown
    ? step.shown.params.length
      ? `${step.shown.action}(${step.shown.params.map(printValueOneLine).join(',')})`
      : step.shown.action
    : step.params.length === 0 || !step.action
      ? step.label || step.action
      : own.length
        ? `${step.action}(${own.map((p) => printValueOneLine(p.value)).join(',')})`
        : step.action;
  if (!r) return `<${name}>`;
  return `<${name} ${tlcLocation(r)}>`;
}

/**
 * The trace as TLC prints it after "Error: The behavior up to this point is:", ending with the
 * blank line TLC leaves after the last state. A lasso (`loop`) ends as TLC's does: with
 * `State n+1: Stuttering` when the last state repeats forever, else `Back to state k: <action>`,
 * the action being `steps[states.length]` when the engine recorded the closing step.
 */
export function printTlcTrace(trace: Trace): string {
  const out: string[] = [];
  trace.states.forEach((state, i) => {
    out.push(
      `State ${i + 1}: ${printStepLabel(trace.steps[i], i)}`,
      trace.alias
        ? printState(trace.alias.states[i], trace.alias.fields)
        : printState(state, trace.tlcVars ?? trace.vars),
      '',
    );
  });
  if (trace.loop !== undefined) {
    const closing = trace.steps[trace.states.length];
    if (trace.loop === trace.states.length - 1 && !closing) {
      out.push(`State ${trace.states.length + 1}: Stuttering`);
    } else {
      const label = closing ? `: ${printStepLabel(closing, 1)}` : '';
      out.push(`Back to state ${trace.loop + 1}${label}`, '');
    }
  }
  return out.join('\n') + '\n';
}

const HEADER = /^State (\d+): (.*)$/;
const LOCATED = /^<(.*) line (\d+), col (\d+) to line (\d+), col (\d+) of module (\S+)>$/;

/** A step from TLC's `<Name(args) line a, col b to line c, col d of module M>`. */
export function parseStepLabel(text: string): TraceStep {
  if (text === '<Initial predicate>')
    return { action: 'Init', params: [], label: 'Initial predicate' };
  const m = LOCATED.exec(text);
  const label = m ? m[1] : text.replace(/^<|>$/g, '');
  const step: TraceStep = { action: label.replace(/\(.*$/s, ''), params: [], label };
  if (m) {
    const range: Range = {
      module: m[6],
      start: { line: Number(m[2]), column: Number(m[3]) },
      end: { line: Number(m[4]), column: Number(m[5]) + 1 },
    };
    step.range = range;
  }
  return step;
}

/**
 * Reads the first error trace in TLC's output; undefined when there is none. The variable order is
 * the order of the first state's lines.
 */
export function parseTlcTrace(output: string): Trace | undefined {
  const lines = output.split('\n');
  const states: TraceState[] = [];
  const steps: TraceStep[] = [];
  let vars: string[] = [];
  let loop: number | undefined;
  let i = lines.findIndex((l) => l.startsWith('State 1: '));
  if (i < 0) return undefined;
  while (i < lines.length) {
    const line = lines[i];
    const back = /^Back to state (\d+)(?:: (.*))?$/.exec(line);
    if (back) {
      loop = Number(back[1]) - 1;
      if (back[2]) steps.push(parseStepLabel(back[2]));
      break;
    }
    const header = HEADER.exec(line);
    if (!header || Number(header[1]) !== states.length + 1) break;
    if (header[2] === 'Stuttering') {
      loop = states.length - 1;
      break;
    }
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== ''; i++) body.push(lines[i]);
    const text = body.join('\n');
    const state = parseStateLabel(text);
    if (states.length === 0) vars = Object.keys(state);
    states.push(state);
    steps.push(parseStepLabel(header[2]));
    i++;
  }
  const trace: Trace = { vars, states, steps };
  if (loop !== undefined) trace.loop = loop;
  return trace;
}

/** What TLC said was wrong, from the `Error:` line before its trace. */
export interface TlcErrorHeadline {
  result: Verdict;
  violated?: string;
  /** TLC's sentence, without `Error: `: `Invariant NotSolved is violated.` */
  text: string;
}

/** The lines that only introduce the trace. */
const TRACE_INTRO =
  /^(The behavior up to this point is|The following behavior constitutes a counter-example)/;

/**
 * TLC's verdict as its output states it before the trace (`Error: Invariant NotSolved is
 * violated.`), so that a pasted trace keeps what it is a trace of; undefined when there is none.
 */
export function tlcErrorHeadline(output: string): TlcErrorHeadline | undefined {
  for (const line of output.split('\n')) {
    const m = /^Error: (.*\S)\s*$/.exec(line);
    if (!m || TRACE_INTRO.test(m[1])) continue;
    const text = m[1];
    const invariant = /^Invariant (\S+) is violated/.exec(text);
    if (invariant) return { result: 'safety failure', violated: invariant[1], text };
    const action = /^Action property (\S+) of module \S+ is violated/.exec(text);
    if (action) return { result: 'safety failure', violated: action[1], text };
    if (/^Deadlock reached/.test(text))
      return { result: 'deadlock failure', violated: 'deadlock', text };
    if (/^Temporal properties were violated/.test(text))
      return { result: 'liveness failure', text };
    if (/^Assumption .* is false/.test(text)) return { result: 'assumption failure', text };
    return { result: 'error', text };
  }
  return undefined;
}

/**
 * The text `specstage check` prints about a result, in TLC's words and layout so that a TLC user
 * reads it without thinking: "Error: Invariant X is violated.", the trace as TLC prints traces,
 * "N states generated, M distinct states found, K states left on queue.", the search depth.
 * Pure functions of the result, tested without running anything.
 */
import type { ModelConfig } from '../cfg/types';
import type { CheckResult, EngineError } from '../check/contract/types';
import { tlcLocation } from '../tla/ast/ast';
import { printTlcTrace } from '../formats/tlc-trace';

/** TLC's "Finished in 01min 05s". */
export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${two(h)}h ${two(min)}min ${two(s)}s`;
  if (min > 0) return `${two(min)}min ${two(s)}s`;
  return `${two(s)}s`;
}

export const formatRange = tlcLocation;

function errorLines(e: EngineError): string[] {
  const lines: string[] = [];
  if (e.diagnostics && e.diagnostics.length > 0) {
    for (const d of e.diagnostics) {
      lines.push(
        `${d.range.module}:${d.range.start.line}:${d.range.start.column}: ${d.severity}: ${d.message}`,
      );
    }
    if (!e.diagnostics.some((d) => d.message === e.message)) lines.push(`Error: ${e.message}`);
    return lines;
  }
  lines.push(`Error: ${e.message}`);
  if (e.range) lines.push(`at ${formatRange(e.range)}`);
  return lines;
}

/** An invariant (or a property's state predicate) violated by an initial state. */
function initialViolation(result: CheckResult): boolean {
  return result.result === 'safety failure' && result.trace?.states.length === 1;
}

/** What TLC says was violated, before the trace. */
function violationLines(result: CheckResult, config: ModelConfig | undefined): string[] {
  const name = result.violated ?? '?';
  switch (result.result) {
    case 'safety failure': {
      const part = result.violatedPart;
      const isProperty = config?.properties.some((p) => p.name === name) ?? false;
      return [
        part
          ? `Error: ${part.kind === 'invariant' ? 'Invariant' : 'Action property'} ${part.label} is violated.`
          : isProperty
            ? `Error: Action property ${name} is violated.`
            : `Error: Invariant ${name} is violated.`,
        'Error: The behavior up to this point is:',
      ];
    }
    case 'deadlock failure':
      return ['Error: Deadlock reached.', 'Error: The behavior up to this point is:'];
    case 'liveness failure':
      return [
        'Error: Temporal properties were violated.',
        '',
        'Error: The following behavior constitutes a counter-example:',
        '',
      ];
    case 'assumption failure':
      return [`Error: Assumption ${result.violatedPart?.label ?? name} is false.`];
    default:
      return [];
  }
}

/** The whole human-readable report, one string per line. */
export function summaryLines(result: CheckResult, config?: ModelConfig): string[] {
  const lines: string[] = [...result.output];
  for (const w of result.warnings ?? []) lines.push(`Warning: ${w}`);
  if (result.uncheckedProperties && result.uncheckedProperties.length > 0) {
    lines.push(
      `Warning: these PROPERTIES were NOT checked${result.uncheckedProperties.every((p) => result.uncheckedReasons?.[p]) ? '' : ' (not supported yet)'}: ${result.uncheckedProperties.join(', ')}.`,
    );
    for (const [name, why] of Object.entries(result.uncheckedReasons ?? {}))
      lines.push(`  ${name}: ${why}`);
  }
  if (result.result === 'error') {
    lines.push(
      ...(result.error
        ? errorLines(result.error)
        : ['Error: the check failed without saying why.']),
    );
    if (result.error?.trace && result.error.trace.states.length > 0) {
      lines.push(
        'Error: The behavior up to this point is:',
        ...printTlcTrace(result.error.trace).split('\n').slice(0, -1),
      );
    }
  } else if (result.result === 'success') {
    if (result.stopped) {
      // The memory budget says where it stopped ("Stopped at the memory budget after N distinct states; …").
      if (result.error?.message) lines.push(`${result.error.message}.`);
      lines.push(
        `The search stopped before completion (${result.stopped}): no verdict; the figures below are partial.`,
      );
    } else if (result.uncheckedProperties?.length) {
      // Not TLC's "No error has been found": a script that looks for it must not read a pass.
      lines.push(
        `Model checking completed. No error has been found in what was checked; not checked: ${result.uncheckedProperties.join(', ')}.`,
      );
    } else {
      lines.push('Model checking completed. No error has been found.');
    }
  } else if (initialViolation(result)) {
    // TLC's words and layout: the state without a `State 1:` header, and no figures after it.
    const part = result.violatedPart;
    const isProperty = config?.properties.some((p) => p.name === result.violated) ?? false;
    const word = part?.kind === 'invariant' || !isProperty ? 'Invariant' : 'Property';
    lines.push(
      `Error: ${word} ${part?.label ?? result.violated} is violated by the initial state:`,
    );
    lines.push(...printTlcTrace(result.trace!).split('\n').slice(1, -1));
  } else {
    lines.push(...violationLines(result, config));
    if (result.trace) lines.push(...printTlcTrace(result.trace).split('\n').slice(0, -1));
  }
  // TLC gives the figures whenever the search started, the initial states included (but after a
  // violation by an initial state).
  if ((result.result !== 'error' || result.generatedStates > 0) && !initialViolation(result)) {
    lines.push(
      `${result.generatedStates} states generated, ${result.distinctStates} distinct states found, ${result.queueLeft} states left on queue.`,
    );
    lines.push(`The depth of the complete state graph search is ${result.depth}.`);
  }
  lines.push(`Finished in ${formatDuration(result.durationMs)}`);
  return lines;
}

/** The `--json` object: the figures, the verdict, and what explains it. */
export function resultJson(result: CheckResult): Record<string, unknown> {
  const out: Record<string, unknown> = {
    result: result.result,
    distinctStates: result.distinctStates,
    generatedStates: result.generatedStates,
    depth: result.depth,
    durationMs: result.durationMs,
    queueLeft: result.queueLeft,
  };
  if (result.violated !== undefined) out.violated = result.violated;
  if (result.trace) out.trace = result.trace;
  if (result.error) out.error = result.error;
  if (result.uncheckedProperties && result.uncheckedProperties.length > 0) {
    out.uncheckedProperties = result.uncheckedProperties;
    if (result.uncheckedReasons) out.uncheckedReasons = result.uncheckedReasons;
  }
  if (result.stopped) out.stopped = result.stopped;
  if (result.warnings?.length) out.warnings = result.warnings;
  return out;
}

/**
 * Prints trace values as TLA+ text, the way TLC prints states: `<<1, 2>>`, `[a |-> 1]`,
 * `(k :> v @@ …)` for other functions.
 */
import type { TraceState, TraceValue } from '../../../check/types';

export function formatValue(value: TraceValue): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `<<${value.map(formatValue).join(', ')}>>`;
  if ('#bigint' in value && typeof value['#bigint'] === 'string') return value['#bigint'];
  if ('#mv' in value && typeof value['#mv'] === 'string') return value['#mv'];
  if ('#set' in value && Array.isArray(value['#set'])) {
    return `{${value['#set'].map(formatValue).join(', ')}}`;
  }
  if ('#map' in value && Array.isArray(value['#map'])) {
    const pairs = value['#map'] as [TraceValue, TraceValue][];
    if (pairs.length === 0) return '<<>>';
    return `(${pairs.map(([k, v]) => `${formatValue(k)} :> ${formatValue(v)}`).join(' @@ ')})`;
  }
  const fields = Object.entries(value as Record<string, TraceValue>);
  return `[${fields.map(([name, v]) => `${name} |-> ${formatValue(v)}`).join(', ')}]`;
}

/** `/\ x = 1` lines in the order of `vars`. */
export function formatState(state: TraceState, vars: string[]): string {
  return vars.map((name) => `/\\ ${name} = ${formatValue(state[name])}`).join('\n');
}

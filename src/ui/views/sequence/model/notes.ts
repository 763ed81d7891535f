/**
 * Notes: at each step, what changed on each lifeline (everything, in the initial state), as
 * `variable = value` lines in TLC notation; and which lifelines changed, which helps find who acted.
 */
import type { Note } from './types';
import { processId, type Lifelines } from './lifelines';
import { entriesOf } from '../../../../trace/view';
import { applyAt } from '../../../../trace/keys';
import type { TraceState } from '../../../../trace/value';
import { printValueOneLine } from '../../../../trace/print';
import { canonicalKey } from '../../../../trace/keys';

export function noteChanges(states: TraceState[], lanes: Lifelines) {
  const notes: Note[] = [];
  const changed: Set<string>[] = states.map(() => new Set());
  states.forEach((s, i) => {
    const prev = i > 0 ? states[i - 1] : undefined;
    const lines = new Map<string, string[]>();
    const note = (lifeline: string, line: string) => {
      lines.set(lifeline, [...(lines.get(lifeline) ?? []), line]);
      changed[i].add(lifeline);
    };
    for (const v of lanes.perProcess) {
      for (const [arg, value] of entriesOf(s[v]) ?? []) {
        const key = canonicalKey(arg);
        const before = prev && applyAt(prev[v], key);
        if (before !== undefined && canonicalKey(before) === canonicalKey(value)) continue;
        note(processId(key), `${v} = ${printValueOneLine(value)}`);
      }
    }
    for (const [v, lifeline] of lanes.lifelineOfVariable) {
      if (prev && canonicalKey(prev[v]) === canonicalKey(s[v])) continue;
      note(lifeline, `${v} = ${printValueOneLine(s[v])}`);
    }
    for (const [lifeline, l] of lines) notes.push({ step: i, lifeline, lines: l });
  });
  return { notes, changed };
}

/**
 * A trace read as a space-time diagram, given a mapping (mapping.ts): lifelines (lifelines.ts),
 * the local state changes on each (notes.ts), who acts at each step and the messages from their
 * send to their receipts (messageFlow.ts). Pure data; layout and drawing are elsewhere.
 */
import type { Trace } from '../../../../check/contract/types';
import { channelsOf } from './channels';
import { findLifelines } from './lifelines';
import type { SequenceMapping } from './mapping';
import { messageFlow, OTHERS } from './messageFlow';
import { noteChanges } from './notes';
import type { SequenceDiagram } from './types';

export function buildDiagram(trace: Trace, mapping: SequenceMapping): SequenceDiagram {
  const m = mapping.messages;
  const perState = m ? trace.states.map((s) => channelsOf(s[m.variable], m)) : [];
  const lanes = findLifelines(trace, mapping, perState);
  const { notes, changed } = noteChanges(trace.states, lanes);
  const { steps, messages } = messageFlow(trace, m, perState, lanes, changed);
  const used = new Set([
    ...steps.map((s) => s.actor),
    ...messages.flatMap((msg) => [msg.from, msg.to, ...msg.receipts.map((r) => r.by)]),
  ]);
  const lifelines = [...lanes.lifelines];
  if (used.has(OTHERS)) lifelines.push({ id: OTHERS, name: 'others', kind: 'others' });
  return { lifelines, steps, notes, messages, loop: trace.loop };
}

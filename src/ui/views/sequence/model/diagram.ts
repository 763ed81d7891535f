/**
 * A trace read as a space-time diagram, given a mapping (mapping.ts): lifelines (lifelines.ts),
 * the local state changes on each (notes.ts), who acts at each step and the messages from their
 * send to their receipts (messageFlow.ts). Pure data; layout and drawing are elsewhere.
 */
import type { Trace } from '../../../../check/types';
import { channelsOf } from './channels';
import { findLifelines } from './lifelines';
import type { SequenceMapping } from './mapping';
import { messageFlow, OTHERS } from './messageFlow';
import { noteChanges } from './notes';

export type LifelineKind = 'process' | 'role' | 'system' | 'others';

export interface Lifeline {
  id: string;
  name: string;
  kind: LifelineKind;
}

export interface Note {
  step: number;
  lifeline: string;
  lines: string[];
}

export interface Message {
  /** The step that sent it (0: it was there in the initial state). */
  sendStep: number;
  /** Undefined for a message in the initial state whose sender nobody names. */
  from?: string;
  /** Known from a field or the channel; else only from its receipts. */
  to?: string;
  receipts: { step: number; by: string }[];
  /** Short text for the arrow, and the value in full. */
  text: string;
  full: string;
  /** Its canonical key, within its channel. */
  channel: string;
  key: string;
}

export interface SequenceDiagram {
  lifelines: Lifeline[];
  /** Per state of the trace: its step's label and the lifeline that acted (none for the first). */
  steps: { label: string; actor?: string }[];
  notes: Note[];
  messages: Message[];
  loop?: number;
}

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

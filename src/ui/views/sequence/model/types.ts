/** The sequence diagram as data (built by diagram.ts), apart so that its builders need not import it. */

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

/**
 * Where everything of a sequence diagram goes: time runs down, one row per state of the trace,
 * as tall as its notes need; one column per lifeline, as wide as its notes; the steps' labels in a
 * gutter on the left. Notes sit right of their lifeline, below the step's event; arrows run from
 * a send's event to each receipt's, and their labels take the first free spot along them (the
 * graph's greedy placement), so no two labels and no label and note overlap.
 */
import { labelBox, placeLabels } from '../../graph/layout/labelPlacement';
import type { Box, Point } from '../../graph/layout/edgeShapes';
import type { Lifeline, SequenceDiagram } from '../model/types';

export const FONT_SIZE = 11;
export const LABEL_FONT = 10;
/** Monospace advance at 11px. */
const CHAR = FONT_SIZE * 0.6;
const LINE = 14;
const HEADER = 34;
const ROW_MIN = 30;
const EVENT_OFFSET = 12;
const NOTE_CHARS = 36;
const LABEL_CHARS = 30;
const STEP_CHARS = 34;
const LANE_MIN = 130;

export interface Lane extends Lifeline {
  x: number;
}

export interface Row {
  top: number;
  height: number;
  /** Where the step's event (its actor's dot, its sends and receipts) is. */
  y: number;
}

export interface PlacedNote extends Box {
  lines: string[];
  /** The lines in full where they were cut. */
  full: string[];
  step: number;
}

export type ArrowKind = 'received' | 'in flight' | 'not received';

export interface Arrow {
  from: Point;
  to: Point;
  kind: ArrowKind;
  /** Same lifeline: drawn as a loop to the right. */
  self: boolean;
  /** The message present in the initial state: no sending event. */
  initial: boolean;
  text: string;
  full: string;
  /** Index of the message's type among the diagram's types: its colour. */
  category: number;
  label?: Point;
  sendStep: number;
  receiveStep?: number;
}

export interface SequenceLayout {
  width: number;
  height: number;
  gutter: number;
  header: number;
  lanes: Lane[];
  rows: Row[];
  /** Per step: the acting lane's x (undefined for the initial state). */
  events: (number | undefined)[];
  notes: PlacedNote[];
  arrows: Arrow[];
  /** The steps' labels in the gutter, cut to fit, and in full. */
  labels: string[];
  fullLabels: string[];
  types: string[];
  loop?: { from: number; to: number };
}

const cut = (text: string, chars: number) =>
  text.length > chars ? `${text.slice(0, chars - 1)}…` : text;

/** The message's type: the first word of its text. */
const typeOf = (text: string) => text.split(' ')[0];

export function layoutSequence(d: SequenceDiagram): SequenceLayout {
  const fullLabels = d.steps.map((s, i) => `${i + 1} ${s.label}`);
  const labels = fullLabels.map((l) => cut(l, STEP_CHARS));
  const gutter = Math.max(90, ...labels.map((l) => l.length * CHAR + 20));

  // Columns: each lifeline's notes decide its width.
  const noteWidth = new Map<string, number>();
  for (const n of d.notes) {
    const chars = Math.max(...n.lines.map((l) => Math.min(l.length, NOTE_CHARS)));
    noteWidth.set(n.lifeline, Math.max(noteWidth.get(n.lifeline) ?? 0, chars * CHAR + 10));
  }
  let x = gutter + 40;
  const lanes: Lane[] = d.lifelines.map((l) => {
    const lane = { ...l, x };
    const width = Math.max(LANE_MIN, (noteWidth.get(l.id) ?? 0) + 34, l.name.length * CHAR + 30);
    x += width;
    return lane;
  });
  const laneX = new Map(lanes.map((l) => [l.id, l.x]));

  // Rows: as tall as the tallest note of the step.
  const tallest = d.steps.map(() => 0);
  for (const n of d.notes) tallest[n.step] = Math.max(tallest[n.step], n.lines.length * LINE + 6);
  let top = HEADER;
  const rows: Row[] = tallest.map((h) => {
    const height = Math.max(ROW_MIN, EVENT_OFFSET + 6 + h + 8);
    const row = { top, height, y: top + EVENT_OFFSET };
    top += height;
    return row;
  });
  const bottom = top + 24;

  const notes: PlacedNote[] = d.notes.map((n) => {
    const lines = n.lines.map((l) => cut(l, NOTE_CHARS));
    const width = Math.max(...lines.map((l) => l.length)) * CHAR + 10;
    const height = lines.length * LINE + 6;
    const left = (laneX.get(n.lifeline) ?? 0) + 8;
    const y = rows[n.step].y + 6;
    return {
      x: left + width / 2,
      y: y + height / 2,
      width,
      height,
      lines,
      full: n.lines,
      step: n.step,
    };
  });

  const types = [...new Set(d.messages.map((m) => typeOf(m.text)))].sort();
  const arrows: Arrow[] = [];
  for (const m of d.messages) {
    const fromX = m.from === undefined ? undefined : laneX.get(m.from);
    const base = {
      text: cut(m.text, LABEL_CHARS),
      full: m.full,
      category: types.indexOf(typeOf(m.text)),
      sendStep: m.sendStep,
      initial: m.from === undefined,
    };
    const start = (toX: number): Point => ({
      x: fromX ?? toX - 46,
      y: m.from === undefined ? rows[0].y - 8 : rows[m.sendStep].y,
    });
    for (const r of m.receipts) {
      const toX = laneX.get(r.by);
      if (toX === undefined) continue;
      const from = start(toX);
      arrows.push({
        ...base,
        from,
        to: { x: toX, y: rows[r.step].y },
        kind: 'received',
        self: from.x === toX,
        receiveStep: r.step,
      });
    }
    if (m.receipts.length > 0) continue;
    const toX = m.to === undefined ? undefined : laneX.get(m.to);
    if (toX !== undefined) {
      const from = start(toX);
      arrows.push({
        ...base,
        from,
        to: { x: toX, y: bottom - 8 },
        kind: 'in flight',
        self: from.x === toX,
      });
    } else if (fromX !== undefined) {
      // Nobody received it in this trace and nothing says who should: a short stub.
      const from = start(fromX);
      // Level with the event: the notes below it stay clear.
      arrows.push({
        ...base,
        from,
        to: { x: fromX + 40, y: from.y },
        kind: 'not received',
        self: false,
      });
    }
  }

  // Labels: on each arrow's straight line (or beside its loop), clear of notes and of each other.
  const obstacles: Box[] = [...notes];
  for (const lane of lanes)
    obstacles.push({
      x: lane.x,
      y: HEADER / 2,
      width: lane.name.length * CHAR + 16,
      height: HEADER - 8,
    });
  // The events' dots, and the step labels in the gutter.
  d.steps.forEach((s, i) => {
    const at = s.actor === undefined ? undefined : laneX.get(s.actor);
    if (at !== undefined) obstacles.push({ x: at, y: rows[i].y, width: 10, height: 10 });
    obstacles.push({
      x: 8 + (labels[i].length * CHAR) / 2,
      y: rows[i].y,
      width: labels[i].length * CHAR,
      height: LINE,
    });
  });
  const half = (text: string) => labelBox(text, { x: 0, y: 0 }, LABEL_FONT).width / 2;
  const requests = arrows.map((a) => {
    const { from, to } = a;
    let candidates: Point[];
    if (a.self) candidates = [{ x: from.x + 32 + half(a.text), y: (from.y + to.y) / 2 }];
    else if (a.kind === 'not received') {
      // After the stub, else above or below its end.
      const x = to.x + 8 + half(a.text);
      candidates = [
        { x, y: to.y },
        { x: to.x - 4 + half(a.text), y: to.y - 13 },
        { x, y: to.y + 13 },
      ];
    } else {
      // Just above the line, so that the label reads as the arrow's.
      candidates = [0.5, 0.35, 0.65, 0.22, 0.78, 0.12, 0.88].map((t) => ({
        x: from.x + (to.x - from.x) * t,
        y: from.y + (to.y - from.y) * t - 7,
      }));
    }
    return { text: a.text, candidates };
  });
  const placed = placeLabels(requests, obstacles, LABEL_FONT);
  placed.forEach((p, i) => (arrows[i].label = p));

  let width = x + 20;
  for (const a of arrows) if (a.label) width = Math.max(width, a.label.x + half(a.text) + 12);
  const events = d.steps.map((s) => (s.actor === undefined ? undefined : laneX.get(s.actor)));
  return {
    width,
    height: bottom,
    gutter,
    header: HEADER,
    lanes,
    rows,
    events,
    notes,
    arrows,
    labels,
    fullLabels,
    types,
    loop: d.loop === undefined ? undefined : { from: d.steps.length - 1, to: d.loop },
  };
}

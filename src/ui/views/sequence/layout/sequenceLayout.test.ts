import { describe, expect, it } from 'vitest';
import { labelBox } from '../../graph/layout/labelPlacement';
import type { SequenceDiagram } from '../model/types';
import { layoutSequence, LABEL_FONT } from './sequenceLayout';

const lane = (name: string) => ({ id: `p:${name}`, name, kind: 'process' as const });
const diagram: SequenceDiagram = {
  lifelines: [lane('a'), lane('b'), lane('c')],
  steps: [
    { label: 'Initial predicate' },
    { label: 'Send(a)', actor: 'p:a' },
    { label: 'Send(a)', actor: 'p:a' },
    { label: 'Recv(b)', actor: 'p:b' },
  ],
  notes: [
    { step: 0, lifeline: 'p:a', lines: ['pc = "start"', 'count = 0'] },
    { step: 3, lifeline: 'p:b', lines: [`log = ${'x'.repeat(60)}`] },
  ],
  messages: [1, 2].map((sendStep) => ({
    sendStep,
    from: 'p:a',
    to: 'p:b',
    receipts: sendStep === 1 ? [{ step: 3, by: 'p:b' }] : [],
    text: `req n=${sendStep}`,
    full: `[type |-> "req", n |-> ${sendStep}]`,
    channel: '',
    key: String(sendStep),
  })),
};

describe('sequence layout', () => {
  const l = layoutSequence(diagram);

  it('puts lifelines left to right and rows top to bottom, as tall as their notes', () => {
    expect(l.lanes.map((x) => x.x)).toEqual([...l.lanes.map((x) => x.x)].sort((a, b) => a - b));
    expect(l.rows.map((r) => r.top)).toEqual([...l.rows.map((r) => r.top)].sort((a, b) => a - b));
    expect(l.rows[0].height).toBeGreaterThan(l.rows[1].height);
    expect(l.events).toEqual([undefined, l.lanes[0].x, l.lanes[0].x, l.lanes[1].x]);
  });

  it('cuts long notes, keeping the full text', () => {
    const long = l.notes.find((n) => n.step === 3)!;
    expect(long.lines[0].endsWith('…')).toBe(true);
    expect(long.full[0]).toHaveLength(66);
  });

  it('runs a received message to its receipt and one still in flight to the bottom', () => {
    const [received, pending] = l.arrows;
    expect(received).toMatchObject({
      kind: 'received',
      from: { x: l.lanes[0].x, y: l.rows[1].y },
      to: { x: l.lanes[1].x, y: l.rows[3].y },
    });
    expect(pending.kind).toBe('in flight');
    expect(pending.to.y).toBeGreaterThan(l.rows[3].y);
  });

  it('places labels clear of notes and of each other', () => {
    const boxes = l.arrows
      .filter((a) => a.label)
      .map((a) => labelBox(a.text, a.label!, LABEL_FONT));
    expect(boxes).toHaveLength(2);
    const apart = (a: (typeof boxes)[0], b: (typeof boxes)[0]) =>
      Math.abs(a.x - b.x) * 2 >= a.width + b.width ||
      Math.abs(a.y - b.y) * 2 >= a.height + b.height;
    expect(apart(boxes[0], boxes[1])).toBe(true);
    for (const b of boxes) for (const n of l.notes) expect(apart(b, n)).toBe(true);
  });
});

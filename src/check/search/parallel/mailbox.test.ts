import { describe, expect, it } from 'vitest';
import { Outbox, type Mailbox } from './mailbox';
import type { ParallelNet } from './net';

describe("the outbox's cache of fingerprints sent", () => {
  const net: ParallelNet = { index: 0, count: 2, ports: [undefined, undefined] };
  const outbox = () => new Outbox(net, undefined as unknown as Mailbox);

  it('filters a fingerprint sent before in the level with a key no larger', () => {
    const o = outbox();
    expect(o.sentBefore(7, 9, 100, 3)).toBe(false);
    expect(o.sentBefore(7, 9, 100, 3)).toBe(true);
    expect(o.sentBefore(7, 9, 250, 3)).toBe(true);
  });

  it('sends again one met in the level with a smaller key (a share or a part taken later)', () => {
    const o = outbox();
    expect(o.sentBefore(7, 9, 500, 3)).toBe(false);
    // Its owner must hear of the smaller key: it decides the state's place in the next level.
    expect(o.sentBefore(7, 9, 40, 3)).toBe(false);
    expect(o.sentBefore(7, 9, 41, 3)).toBe(true);
  });

  it('filters one sent in an earlier level whatever its key (its owner has seen it)', () => {
    const o = outbox();
    expect(o.sentBefore(7, 9, 500, 3)).toBe(false);
    expect(o.sentBefore(7, 9, 1, 4)).toBe(true);
  });

  it('sends the fingerprint 0 always (the empty slot)', () => {
    const o = outbox();
    expect(o.sentBefore(0, 0, 1, 1)).toBe(false);
    expect(o.sentBefore(0, 0, 1, 1)).toBe(false);
  });
});

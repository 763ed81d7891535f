import { describe, expect, it } from 'vitest';
import { planMoves } from './rebalance';

describe('planMoves: the hand-overs that even out the shares of a level', () => {
  it('moves nothing when the shares differ by no more than the slack', () => {
    expect(planMoves([10, 10], 20)).toEqual([]);
    expect(planMoves([26, 10], 36)).toEqual([]);
  });
  it('moves from the workers above their due to those below, in worker order', () => {
    expect(planMoves([100, 0], 100)).toEqual([[0, 1, 50]]);
    expect(planMoves([0, 300, 0], 300)).toEqual([
      [1, 0, 100],
      [1, 2, 100],
    ]);
    // 301 over three workers: the first is due one more.
    expect(planMoves([301, 0, 0], 301)).toEqual([
      [0, 1, 100],
      [0, 2, 100],
    ]);
  });
  it("gives shares in proportion to the weights (a peer that just joined: half the leader's)", () => {
    expect(planMoves([300, 0], 300, [1, 0.5])).toEqual([[0, 1, 100]]);
    // 301 over weights 1, 0.5, 0.5: dues 150, 75, 75 and the rest to the first.
    expect(planMoves([301, 0, 0], 301, [1, 0.5, 0.5])).toEqual([
      [0, 1, 75],
      [0, 2, 75],
    ]);
    // A peer above its weighted due gives back to the leader.
    expect(planMoves([100, 200], 300, [1, 0.5])).toEqual([[1, 0, 100]]);
  });
});

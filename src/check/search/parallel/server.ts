/**
 * A peer's side of the shared search: the same levels as the leader (leader.ts), led by its
 * decisions; it answers the leader's questions (counts at an event, links of a chain) and closes
 * its ports when the leader says so.
 */
import { GraphPart } from './graph-part';
import type { Participant } from './participant';
import { Stop, dealShares } from './protocol';

/** A peer's part: the same levels, led by worker 0's decisions. */
export async function serve(me: Participant): Promise<void> {
  try {
    me.box.send(0, { t: 'ready' });
    const start = await me.box.nextControl();
    if (start.t !== 'start') return;
    if (start.graph) me.graph = new GraphPart(me.limits.livenessAtoms);
    let initial = true;
    if (start.join) {
      // The leader has searched alone so far: join it in the initial level, or at a level's end.
      const { words, keys } = await me.box.nextFrom(0, 'shard');
      me.joined(start.join, words, keys);
      const from = start.join.fromShare;
      if (from !== undefined) {
        const owner = dealShares(me.initShares, from, me.net.count);
        me.initLevel((s) => s >= from && owner[s] === me.net.index);
      } else {
        await me.advance();
        me.depth++;
        initial = false;
      }
    } else me.initLevel();
    for (;;) {
      await me.level(initial);
      me.box.send(0, {
        t: 'report',
        newCount: me.next.length,
        generated: me.levelGenerated,
        event: me.event,
        output: me.limits.takeOutput?.(),
      });
      const decision = await me.stats.wait(me.box.nextControl());
      if (decision.t === 'count') {
        me.box.send(0, {
          t: 'counted',
          ...me.countBefore(decision.key, decision.parentPos, initial),
          output: me.limits.takeOutput?.(),
        });
        // Chain queries are answered as they come; wait for the end.
        await me.box.nextControl();
        return;
      }
      if (decision.t === 'gather') {
        // The search is complete: this worker's part of the behaviour graph, to the leader.
        me.graph?.send(me.box);
        me.graph = undefined;
        await me.box.nextControl();
        return;
      }
      if (decision.t !== 'continue') return;
      await me.advance();
      me.depth++;
      initial = false;
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    me.pollStop();
  } finally {
    me.stats.finish();
    // Wait for the leader's word (it may still ask for a chain), but not forever: it may be gone.
    await me.box.awaitClose(2000);
    me.box.close();
  }
}

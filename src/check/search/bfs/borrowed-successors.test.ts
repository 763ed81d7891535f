/**
 * A one-worker search without hooks that keep states (no PROPERTY, no recorded graph) borrows each
 * successor (runtime.successors, `borrowed`): the array the evaluation fills, copied only for a
 * new state. A transaction-style spec (nested EXCEPT, `@ \cup {k}`, `@ \ {k}`, most successors
 * seen before) gives TLC 2.20's figures (`-workers 1`) borrowed, with a PROPERTY (not borrowed),
 * and at a violation with TLC's trace.
 */
import { describe, expect, it } from 'vitest';
import { checkModel } from '../../check';

const spec = `---- MODULE Tx ----
EXTENDS Naturals
CONSTANTS Key, Val, TxId, NoVal
VARIABLES store, tx, snap, written
Empty == [k \\in Key |-> NoVal]
Init == store = Empty /\\ tx = {} /\\ snap = [t \\in TxId |-> Empty] /\\ written = [t \\in TxId |-> {}]
Open(t) == t \\notin tx /\\ tx' = tx \\cup {t} /\\ snap' = [snap EXCEPT ![t] = store] /\\ UNCHANGED <<store, written>>
Write(t, k, v) == t \\in tx /\\ snap[t][k] /= v /\\ snap' = [snap EXCEPT ![t][k] = v]
  /\\ written' = [written EXCEPT ![t] = @ \\cup {k}] /\\ UNCHANGED <<store, tx>>
Drop(t, k) == t \\in tx /\\ written' = [written EXCEPT ![t] = @ \\ {k}] /\\ UNCHANGED <<store, tx, snap>>
Commit(t) == t \\in tx /\\ tx' = tx \\ {t}
  /\\ store' = [k \\in Key |-> IF k \\in written[t] THEN snap[t][k] ELSE store[k]]
  /\\ snap' = [snap EXCEPT ![t] = Empty] /\\ written' = [written EXCEPT ![t] = {}]
Next == \\E t \\in TxId : Open(t) \\/ Commit(t) \\/ \\E k \\in Key : Drop(t, k) \\/ \\E v \\in Val : Write(t, k, v)
Inv == \\A t \\in TxId : t \\notin tx => written[t] = {}
Prop == [][\\A t \\in TxId : written'[t] # {} => t \\in tx']_<<written, tx>>
Inv2 == \\A t \\in TxId : written[t] # Key
====
`;

const check = (checks: string) =>
  checkModel({
    files: [{ name: 'Tx.tla', text: spec }],
    mainModule: 'Tx',
    cfg: `CONSTANTS Key = {k1, k2} Val = {v1, v2} TxId = {t1, t2} NoVal = NoVal\nINIT Init\nNEXT Next\n${checks}\n`,
    cfgName: 'Tx.cfg',
  });

describe('successors borrowed by the one-worker search', () => {
  it('give TLC’s figures, borrowed or not', async () => {
    const tlc = { result: 'success', generatedStates: 58449, distinctStates: 5660, depth: 15 };
    expect(await check('INVARIANT Inv')).toMatchObject(tlc);
    expect(await check('INVARIANT Inv\nPROPERTY Prop')).toMatchObject(tlc);
  });

  it('give TLC’s trace at a violation', async () => {
    const r = await check('INVARIANT Inv2');
    expect(r).toMatchObject({ result: 'safety failure', generatedStates: 24, distinctStates: 15 });
    expect(r.trace?.steps.map((s) => s.label)).toEqual([
      expect.anything(),
      'Open(t1)',
      'Write(t1, k1, v1)',
      'Write(t1, k2, v1)',
    ]);
  });
});

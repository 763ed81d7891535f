import { describe, expect, it } from 'vitest';
import { aliasFailure, aliasWarning, checkModel } from './check';
import { summaryLines } from '../cli/summary';
import { printTlcTrace } from '../formats/tlc-trace';
import { simulateModel } from './search/simulate/simulate';

/**
 * TLC 2.20 prints each state of an error trace through the .cfg's ALIAS, evaluated with the next
 * state as its primed state and the last state with itself; its fields in the order written.
 * On this spec: 4 generated, 4 distinct, depth 4, and
 *   State 1: /\ sum = 0 /\ xx = 0 /\ nx = 1    State 4: /\ sum = 9 /\ xx = 3 /\ nx = 3
 */
const spec = (alias: string) => `---- MODULE A ----
EXTENDS Naturals
VARIABLES x, y
Init == x = 0 /\\ y = 0
Next == x' = x + 1 /\\ y' = y + 2
Inv == x < 3
Al == ${alias}
====`;

const check = (alias: string) =>
  checkModel({
    files: [{ name: 'A.tla', text: spec(alias) }],
    mainModule: 'A',
    cfg: 'INIT Init\nNEXT Next\nINVARIANT Inv\nALIAS Al\n',
  });

describe('ALIAS', () => {
  it("prints the error trace through it, as TLC does; the trace's states stay the variables", async () => {
    const r = await check("[sum |-> x + y, xx |-> x, nx |-> x']");
    expect(r).toMatchObject({
      result: 'safety failure',
      generatedStates: 4,
      distinctStates: 4,
      depth: 4,
    });
    expect(r.warnings).toEqual([aliasWarning('Al')]);
    expect(r.trace!.states[3]).toEqual({ x: { '#bigint': '3' }, y: { '#bigint': '6' } });
    expect(r.trace!.alias!.fields).toEqual(['sum', 'xx', 'nx']);
    const text = printTlcTrace(r.trace!);
    expect(text).toContain('State 1: <Initial predicate>\n/\\ sum = 0\n/\\ xx = 0\n/\\ nx = 1\n');
    expect(text).toContain('/\\ sum = 9\n/\\ xx = 3\n/\\ nx = 3\n');
    expect(summaryLines(r)).toContain(`Warning: ${aliasWarning('Al')}`);
  });

  it('that is not a record leaves the trace as it is, and says why', async () => {
    const r = await check('x + 1');
    expect(r.result).toBe('safety failure');
    expect(r.trace!.alias).toBeUndefined();
    expect(r.warnings).toEqual([aliasWarning('Al'), aliasFailure('Al', 'Al is 1, not a record')]);
    expect(printTlcTrace(r.trace!)).toContain('/\\ x = 0\n/\\ y = 0');
  });
});

describe('ALIAS in a simulation', () => {
  it('prints its error trace through it, as TLC -simulate does', async () => {
    // TLC 2.20 -simulate num=1 -depth 10 on this spec prints states 1 to 4 through the ALIAS:
    // sum 0, 3, 6, 9; xx 0 to 3; nx 1, 2, 3, 3. We printed the variables, with no warning.
    const r = await simulateModel({
      files: [{ name: 'A.tla', text: spec("[sum |-> x + y, xx |-> x, nx |-> x']") }],
      mainModule: 'A',
      cfg: 'INIT Init\nNEXT Next\nINVARIANT Inv\nALIAS Al\n',
      options: { behaviours: 1, maxSteps: 10, seed: 1 },
    });
    expect(r.result).toBe('safety failure');
    expect(r.warnings).toEqual([aliasWarning('Al')]);
    expect(r.trace!.states[3]).toEqual({ x: { '#bigint': '3' }, y: { '#bigint': '6' } });
    expect(r.trace!.alias!.fields).toEqual(['sum', 'xx', 'nx']);
    const text = printTlcTrace(r.trace!);
    expect(text).toContain('/\\ sum = 3\n/\\ xx = 1\n/\\ nx = 2\n');
    expect(text).toContain('/\\ sum = 9\n/\\ xx = 3\n/\\ nx = 3\n');
  });
});

describe("TLC's text of a trace", () => {
  it("lists the variables in TLC's order, the views in the declaration order", async () => {
    // TLC 2.20 prints this spec's states msgs, term, matchIdx, commit, log (its order of them).
    const r = await checkModel({
      files: [
        {
          name: 'Ord.tla',
          text:
            '---- MODULE Ord ----\nEXTENDS Naturals\nVARIABLES log, term, matchIdx, commit, msgs\n' +
            'Init == log = 0 /\\ term = 1 /\\ matchIdx = 2 /\\ commit = 3 /\\ msgs = 4\n' +
            "Next == log' = log + 1 /\\ UNCHANGED <<term, matchIdx, commit, msgs>>\nInv == log < 1\n====\n",
        },
      ],
      mainModule: 'Ord',
      cfg: 'INIT Init\nNEXT Next\nINVARIANT Inv\n',
    });
    expect(r.trace!.vars).toEqual(['log', 'term', 'matchIdx', 'commit', 'msgs']);
    expect(printTlcTrace(r.trace!)).toContain(
      'State 1: <Initial predicate>\n/\\ msgs = 4\n/\\ term = 1\n/\\ matchIdx = 2\n/\\ commit = 3\n/\\ log = 0\n',
    );
  });
});

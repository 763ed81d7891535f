import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { exploreModel, pathOfTrace } from './explore';
import { checkModel } from '../check';

const dir = new URL('../../ui/examples/DieHard/', import.meta.url);
const files = [{ name: 'DieHard.tla', text: readFileSync(new URL('DieHard.tla', dir), 'utf8') }];
const cfg = readFileSync(new URL('DieHard.cfg', dir), 'utf8');
const base = { files, mainModule: 'DieHard', cfg };

describe('exploreModel', () => {
  it('lists the initial states for an empty path', async () => {
    const r = await exploreModel({ ...base, path: [] });
    expect(r.error).toBeUndefined();
    expect(r.choices).toHaveLength(1);
    expect(r.choices[0].state).toEqual({ small: { '#bigint': '0' }, big: { '#bigint': '0' } });
  });

  it('replays a path and lists the successors with their actions and changes', async () => {
    const r = await exploreModel({ ...base, path: [0, 1] });
    expect(r.trace.states).toHaveLength(2);
    expect(r.trace.steps.map((s) => s.action)).toEqual(['Init', 'FillBig']);
    expect(r.trace.states[1]).toEqual({ big: { '#bigint': '5' }, small: { '#bigint': '0' } });
    const labels = r.choices.map((c) => c.label);
    expect(labels).toContain('BigToSmall');
    const pour = r.choices.find((c) => c.label === 'BigToSmall')!;
    expect(pour.state).toEqual({ big: { '#bigint': '2' }, small: { '#bigint': '3' } });
    expect(pour.changed.sort()).toEqual(['big', 'small']);
  });

  it('says where a path stops replaying', async () => {
    const r = await exploreModel({ ...base, path: [0, 99] });
    expect(r.replayError).toEqual({ step: 1, message: expect.stringContaining('option 100') });
    expect(r.trace.states).toHaveLength(1);
  });

  it('evaluates watch expressions at every state, errors in their own cell', async () => {
    const r = await exploreModel({
      ...base,
      path: [0, 1],
      watches: ['big + small', 'big \\div 0', '(('],
    });
    expect(r.watches[0].cells.map((c) => ('text' in c ? c.text : c.error))).toEqual(['0', '5']);
    expect(r.watches[1].cells.every((c) => 'error' in c)).toBe(true);
    expect(r.watches[2].cells[0]).toEqual({ error: expect.stringContaining('Cannot parse') });
  });

  it('turns a counterexample into a path that replays to the same states', async () => {
    const checked = await checkModel(base);
    expect(checked.result).toBe('safety failure');
    const found = await pathOfTrace(base, checked.trace!);
    expect('path' in found).toBe(true);
    const replay = await exploreModel({ ...base, path: (found as { path: number[] }).path });
    expect(replay.trace.states).toEqual(checked.trace!.states);
    expect(replay.trace.steps.map((s) => s.label)).toEqual(
      checked.trace!.steps.map((s) => s.label),
    );
  });

  it('says which state of a trace does not replay, and the choices before it', async () => {
    const checked = await checkModel(base);
    const broken = { ...checked.trace!, states: [...checked.trace!.states] };
    broken.states[2] = { small: { '#bigint': '2' }, big: { '#bigint': '2' } };
    const found = await pathOfTrace(base, broken);
    expect(found).toMatchObject({
      step: 2,
      message: 'The state at step 3 is not a successor of the previous state of this spec',
    });
    const replayed = (found as { replayed: number[] }).replayed;
    expect(replayed).toHaveLength(2);
    const prefix = await exploreModel({ ...base, path: replayed });
    expect(prefix.trace.states).toEqual(checked.trace!.states.slice(0, 2));
  });

  it('stops replaying at a state with more successors than asked, without listing them', async () => {
    const checked = await checkModel(base);
    const trace = checked.trace!;
    // The states of `base` have fewer than 100 successors each, one of them more than one.
    expect(await pathOfTrace(base, trace, { maxSuccessors: 100 })).toHaveProperty('path');
    expect(await pathOfTrace(base, trace, { maxSuccessors: 1 })).toMatchObject({
      step: -1,
      message: expect.stringMatching(
        /^state \d+ has more than 1 (initial states|successors): not replayed$/,
      ),
    });
  });
});

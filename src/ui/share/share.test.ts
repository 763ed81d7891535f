/**
 * The share feature's logic without a browser: a link built from the store for DieHard's
 * counterexample opens in a fresh store at the same step, with the same states replayed by the
 * engine; a behaviour the edited spec no longer has is shown up to where it stops.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJSONStorage } from 'zustand/middleware';
import { checkModel } from '../../check/check';
import { exploreModel, pathOfTrace } from '../../check/explore/explore';
import { decodeShareLink, sharePayloadOf } from '../../formats/share-link';
import { buildCheckRequest } from '../engine/checkRequest';
import { examples } from '../examples';
import { createAppStore, type PersistedState } from '../store/appStore';
import { buildShareLink } from './buildLink';
import { hashWithoutShare, openShareLink, restorePreviousWork } from './openLink';
import { shareStore } from './shareState';

const memory = () => {
  const data = new Map<string, string>();
  return createAppStore(
    createJSONStorage<PersistedState>(() => ({
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    }))!,
  );
};

const dieHard = examples.find((e) => e.id === 'DieHard')!;

async function sharedDieHard(step: number) {
  const from = memory();
  from.getState().loadExample(dieHard);
  const result = await checkModel(buildCheckRequest(from.getState()));
  from.getState().runFinished(result);
  from.getState().selectStep(step);
  from.getState().setActiveView('sequence');
  from.getState().updateModel({ watches: ['big + small'] });
  const { url } = await buildShareLink(from.getState(), pathOfTrace, 'https://s.test/');
  const decoded = await decodeShareLink(sharePayloadOf(url)!);
  if (!decoded.ok) throw new Error(decoded.error.message);
  return { from, url, link: decoded.link, trace: result.trace! };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('share links in the app', () => {
  it('open DieHard’s counterexample in a fresh store at the same step with the same states', async () => {
    const { url, link, trace } = await sharedDieHard(4);
    console.log(`DieHard example (UI) share link: ${url.length} characters`);
    const to = memory();
    to.getState().loadExample(examples.find((e) => e.id === 'TwoPhase')!);
    await openShareLink(to, link, exploreModel);
    const s = to.getState();
    expect(Object.keys(s.files).sort()).toEqual(['DieHard.cfg', 'DieHard.tla']);
    expect(s.model.mainModule).toBe('DieHard');
    expect(s.model.watches).toEqual(['big + small']);
    expect(s.view.activeView).toBe('sequence');
    expect(s.traceView.source).toBe('explore');
    expect(s.selectedStep).toBe(4);
    // The trace sync would replay the path; here the engine does it directly.
    const replay = await exploreModel({ ...buildCheckRequest(s), path: s.traceView.explore.path });
    expect(replay.trace.states).toEqual(trace.states);
    expect(shareStore.getState().notice).toMatchObject({ tone: 'info', canRestore: true });
  });

  it('an edited spec shows the behaviour up to where it stops replaying, and says where', async () => {
    const { link } = await sharedDieHard(6);
    const edited = {
      ...link,
      modules: link.modules.map((m) => ({
        ...m,
        text: m.text.replace('FillBig    ==', 'FillBig == FALSE /\\'),
      })),
    };
    expect(edited.modules[0].text).not.toBe(link.modules[0].text);
    const to = memory();
    await openShareLink(to, edited, exploreModel);
    const notice = shareStore.getState().notice!;
    expect(notice.tone).toBe('warning');
    // Either the path runs out of choices, or (first) the states differ from the shared ones.
    expect(notice.title).toMatch(
      /replays (only up to state \d of 7|to other states from state \d of 7)/,
    );
    expect(to.getState().selectedStep).toBeLessThan(6);
  });

  it('keeps the work a link replaced, and gives it back', async () => {
    const saved = new Map<string, string>();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => void saved.set(k, v),
      removeItem: (k: string) => void saved.delete(k),
    });
    const { link } = await sharedDieHard(2);
    const to = memory();
    to.getState().loadExample(examples.find((e) => e.id === 'TwoPhase')!);
    to.getState().setFileText('TwoPhase.tla', 'my unsaved edit');
    await openShareLink(to, link, exploreModel);
    expect(to.getState().model.mainModule).toBe('DieHard');
    expect(restorePreviousWork(to)).toBe(true);
    expect(to.getState().model.mainModule).toBe('TwoPhase');
    expect(to.getState().files['TwoPhase.tla']).toBe('my unsaved edit');
    // Once given back, it is not offered again.
    expect(restorePreviousWork(to)).toBe(false);
  });

  it('a lasso keeps its loop: the replayed states open with the loop marked', async () => {
    const spec =
      "---- MODULE Flip ----\nEXTENDS Integers\nVARIABLE x\nInit == x = 0\nNext == x' = 1 - x\nSpec == Init /\\ [][Next]_x\n====\n";
    const from = memory();
    from.setState({
      files: { 'Flip.tla': spec, 'Flip.cfg': 'SPECIFICATION Spec\n' },
      model: { ...from.getState().model, mainModule: 'Flip', cfgFile: 'Flip.cfg' },
    });
    const replay = await exploreModel({ ...buildCheckRequest(from.getState()), path: [0, 0, 0] });
    expect(replay.trace.states).toHaveLength(3);
    const lasso = { ...replay.trace, loop: 1 };
    from.setState({
      traceView: { ...from.getState().traceView, source: 'imported', imported: lasso },
    });
    const { url } = await buildShareLink(from.getState(), pathOfTrace, 'https://s.test/');
    const decoded = await decodeShareLink(sharePayloadOf(url)!);
    if (!decoded.ok) throw new Error(decoded.error.message);
    expect(decoded.link.loop).toBe(1);
    const to = memory();
    await openShareLink(to, decoded.link, exploreModel);
    expect(to.getState().traceView.source).toBe('imported');
    expect(to.getState().traceView.imported).toMatchObject({
      loop: 1,
      states: replay.trace.states,
    });
    expect(shareStore.getState().notice?.title).toMatch(/looping back to state 2/);
  });

  it('a verdict with TLC’s warning (liveness under SYMMETRY) opens with the warning', async () => {
    const from = memory();
    from.getState().loadExample(dieHard);
    from.setState({
      files: {
        'SymLive.tla':
          '---- MODULE SymLive ----\nEXTENDS TLC\nCONSTANT P\nVARIABLE done\n' +
          'Init == done = [p \\in P |-> FALSE]\n' +
          "Hit(p) == ~done[p] /\\ done' = [done EXCEPT ![p] = TRUE]\n" +
          'Spec == Init /\\ [][\\E p \\in P : Hit(p)]_done /\\ \\A p \\in P : WF_done(Hit(p))\n' +
          'Live == <>(\\A p \\in P : done[p])\nSym == Permutations(P)\n====\n',
        'SymLive.cfg':
          'CONSTANT P = {a, b}\nSPECIFICATION Spec\nCHECK_DEADLOCK FALSE\nPROPERTY Live\nSYMMETRY Sym\n',
      },
      activeFile: 'SymLive.tla',
      model: {
        ...from.getState().model,
        example: undefined,
        mainModule: 'SymLive',
        cfgFile: 'SymLive.cfg',
      },
    });
    from.getState().runStarted();
    const result = await checkModel(buildCheckRequest(from.getState()));
    expect(result.result).toBe('success');
    expect(result.warnings).toHaveLength(1);
    from.getState().runFinished(result);
    const { url } = await buildShareLink(from.getState(), pathOfTrace, 'https://s.test/');
    const decoded = await decodeShareLink(sharePayloadOf(url)!);
    if (!decoded.ok) throw new Error(decoded.error.message);
    const to = memory();
    await openShareLink(to, decoded.link, exploreModel);
    const claim = to.getState().run.claim;
    expect(claim?.verdict).toMatchObject({ result: 'success', warnings: result.warnings });
    expect(claim?.verdict.warnings?.[0]).toMatch(/^Declaring symmetry during liveness checking/);
  });

  it('leaves the other keys of the hash as they are', () => {
    expect(hashWithoutShare('#share=abc&step=3')).toBe('#step=3');
    expect(hashWithoutShare('#share=abc')).toBe('');
  });
});

/**
 * Opening a share link: the fragment is decoded (src/formats/share-link.ts), the link's spec and
 * model replace the open ones, and its behaviour is replayed through the pool and shown at the
 * link's step. States are recomputed here, never taken from the link.
 *
 * What a link replaces is kept in localStorage first, and the banner offers it back. A link that
 * cannot be read changes nothing but the banner.
 */
import type { ExploreRequest, ExploreResult } from '../../check/explore/explore';
import { itfToTrace } from '../../formats/itf';
import {
  decodeShareLink,
  firstChangedState,
  SHARE_KEY,
  type ShareLink,
} from '../../formats/share-link';
import { checkedSpecOf } from '../engine/staleness';
import { initialTraceView } from '../explore/state';
import type { AppState, AppStore, ModelSettings } from '../store';
import type { QuintModel } from '../store/state';
import type { SequenceMapping } from '../views/sequence/model/mapping';
import { currentSharePayload } from './payload';
import { showNotice } from './shareState';
import { normalizeValue } from '../../trace/keys';

type Store = {
  getState(): AppStore;
  setState(partial: Partial<AppStore>): void;
};

export type ExploreCall = (request: ExploreRequest) => Promise<ExploreResult>;

const BACKUP_KEY = 'specstage-before-share';

/** The hash without the share key (other keys, like `step`, stay). */
export function hashWithoutShare(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete(SHARE_KEY);
  const text = params.toString();
  return text ? `#${text}` : '';
}

function dropShareFromUrl(): void {
  const hash = hashWithoutShare(location.hash);
  history.replaceState(history.state, '', hash || location.pathname + location.search);
}

export { currentSharePayload } from './payload';

/** A mapping of the right outline, or nothing: the sequence view trusts its mapping's shape. */
function sequenceMapping(x: unknown): SequenceMapping | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const m = x as { messages?: unknown; notes?: unknown };
  if (!Array.isArray(m.notes) || !m.notes.every((n) => typeof n === 'string')) return undefined;
  if (m.messages !== undefined) {
    const msg = m.messages as Record<string, unknown>;
    if (typeof msg !== 'object' || msg === null || typeof msg.variable !== 'string')
      return undefined;
    if (!['set', 'bag', 'seq', 'inbox', 'outbox', 'pairs', 'nested'].includes(msg.shape as string))
      return undefined;
    if (
      msg.keys !== undefined &&
      !(Array.isArray(msg.keys) && msg.keys.every((k) => typeof k === 'string'))
    )
      return undefined;
    for (const k of ['container', 'senderField', 'receiverField'])
      if (msg[k] !== undefined && typeof msg[k] !== 'string') return undefined;
  }
  return x as SequenceMapping;
}

function backUp(state: AppState): void {
  try {
    localStorage.setItem(
      BACKUP_KEY,
      JSON.stringify({ files: state.files, activeFile: state.activeFile, model: state.model }),
    );
  } catch {
    // A full storage only costs the restore offer.
  }
}

/** Puts back the files and model a link replaced. */
export function restorePreviousWork(store: Store): boolean {
  let saved: Pick<AppState, 'files' | 'activeFile' | 'model'> | undefined;
  try {
    saved = JSON.parse(localStorage.getItem(BACKUP_KEY) ?? 'null') ?? undefined;
  } catch {
    saved = undefined;
  }
  if (!saved || typeof saved.files !== 'object') return false;
  store.setState({
    files: saved.files,
    activeFile: saved.activeFile,
    model: saved.model,
    run: { status: 'idle' },
    selectedStep: 0,
    traceView: initialTraceView(),
  });
  localStorage.removeItem(BACKUP_KEY);
  return true;
}

const sameFiles = (a: Record<string, string>, b: Record<string, string>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Reads the URL's share link, if there is one, and opens it. */
export async function openSharedLinkFromUrl(store: Store, explore: ExploreCall): Promise<void> {
  const payload = currentSharePayload();
  if (payload === undefined) return;
  const decoded = await decodeShareLink(payload);
  dropShareFromUrl();
  if (!decoded.ok) {
    showNotice({
      tone: 'error',
      title: 'This share link could not be opened. Your work is as you left it.',
      detail: decoded.error.message,
    });
    return;
  }
  await openShareLink(store, decoded.link, explore);
}

export async function openShareLink(
  store: Store,
  link: ShareLink,
  explore: ExploreCall,
): Promise<void> {
  const before = store.getState();
  const files: Record<string, string> = {};
  for (const m of link.modules) files[m.name] = m.text;
  // A Quint spec's model is the side panel's, read from its .cfg; the .cfg is no file of it.
  const quint =
    link.cfg && link.modules[0]?.name.endsWith('.qnt')
      ? quintModelOf(link.modules[0].name, link.cfg.text)
      : undefined;
  if (link.cfg && !quint) files[link.cfg.name] = link.cfg.text;
  const hasSpec = link.mainModule !== undefined && link.cfg !== undefined;
  const replacing = hasSpec && !sameFiles(files, before.files);
  if (replacing) backUp(before);

  const view = link.view;
  const change: Partial<AppState> = {
    view: { ...before.view, activeView: view?.id ?? before.view.activeView },
    traceView: {
      ...initialTraceView(),
      onlyChanged: view?.onlyChanged ?? false,
      hidden: view?.hidden ?? [],
      pinned: view?.pinned ?? [],
    },
    selectedStep: 0,
  };
  if (hasSpec) {
    const model: ModelSettings = {
      ...before.model,
      // The link's files come from no example of ours, whatever was open before.
      example: undefined,
      mainModule: link.mainModule!,
      cfgFile: quint ? '' : link.cfg!.name,
      quint,
      watches: view?.watches ?? [],
      sequenceMapping: sequenceMapping(view?.sequenceMapping),
    };
    // The author's verdict is a claim about this spec: shown as such until checked here.
    const claim = link.verdict && { verdict: link.verdict, spec: checkedSpecOf({ files, model }) };
    Object.assign(change, {
      files,
      activeFile: quint?.file ?? `${link.mainModule}.tla`,
      model,
      run: claim ? { status: 'idle', claim } : { status: 'idle' },
    });
  }
  const step = link.step ?? 0;

  if (link.trace) {
    let trace;
    try {
      const read = itfToTrace(link.trace);
      trace = {
        ...read,
        states: read.states.map((s) =>
          Object.fromEntries(Object.entries(s).map(([k, v]) => [k, normalizeValue(v)])),
        ),
      };
    } catch (e) {
      showNotice({
        tone: 'error',
        title: 'This share link could not be opened. Your work is as you left it.',
        detail: `Its trace cannot be read: ${(e as Error).message}.`,
      });
      return;
    }
    store.setState(change);
    store.setState({
      traceView: { ...store.getState().traceView, source: 'imported', imported: trace },
      selectedStep: Math.min(step, Math.max(0, trace.states.length - 1)),
    });
    showNotice({
      tone: 'info',
      title: `Opened a shared trace of ${trace.states.length} states, for viewing only.`,
      detail:
        'It came without a spec that replays it: the states are shown as the link gives them.',
      canRestore: replacing,
    });
    return;
  }

  store.setState(change);
  if (!link.path || !hasSpec) {
    showNotice({
      tone: 'info',
      title: 'Opened a shared spec.',
      detail: claimDetail(link),
      canRestore: replacing,
    });
    return;
  }
  const request: ExploreRequest = {
    files: link.modules,
    mainModule: link.mainModule!,
    cfg: link.cfg!.text,
    cfgName: link.cfg!.name,
    path: link.path,
    watches: [],
  };
  let result: ExploreResult;
  try {
    result = await explore(request);
  } catch (e) {
    showNotice({
      tone: 'error',
      title: 'The shared spec opened, but its behaviour could not be replayed.',
      detail: (e as Error).message,
      canRestore: replacing,
    });
    return;
  }
  // A path that replays to other states than its author saw (another engine version enumerates
  // successors in another order) is shown only as far as it agrees.
  const changed =
    link.digests && !result.error
      ? firstChangedState(link.digests, result.trace.states)
      : undefined;
  const path = changed === undefined ? link.path : link.path.slice(0, changed);
  const replayed = changed ?? result.trace.states.length;
  const whole = !result.error && !result.replayError && changed === undefined;
  if (whole && link.loop !== undefined) {
    // A lasso: explore mode has no loop to show, so the replayed states (the engine's, not the
    // link's) are shown as an opened trace with the loop marked.
    store.setState({
      traceView: {
        ...store.getState().traceView,
        source: 'imported',
        imported: { ...result.trace, loop: link.loop },
      },
      selectedStep: Math.min(step, Math.max(0, replayed - 1)),
    });
    showNotice({
      tone: 'info',
      title: `Opened a shared behaviour of ${replayed} states looping back to state ${link.loop + 1}, replayed under the shared spec.`,
      detail: claimDetail(link),
      canRestore: replacing,
    });
    return;
  }
  // The explored path is what the views show; the trace sync replays it (from the cache).
  store.setState({
    traceView: {
      ...store.getState().traceView,
      source: 'explore',
      explore: { path, busy: false },
    },
    selectedStep: Math.min(step, Math.max(0, replayed - 1)),
  });
  if (result.error) {
    showNotice({
      tone: 'error',
      title: 'The shared spec opened, but it does not replay.',
      detail: result.error.message,
      canRestore: replacing,
    });
  } else if (changed !== undefined) {
    showNotice({
      tone: 'warning',
      title: `The shared behaviour replays to other states from state ${changed + 1} of ${link.path.length} on.`,
      detail: `The spec's steps are enumerated in another order here than where the link was made (another specstage version, or a changed spec); the states up to state ${changed} are shown.`,
      canRestore: replacing,
    });
  } else if (result.replayError) {
    showNotice({
      tone: 'warning',
      title: `The shared behaviour replays only up to state ${result.replayError.step} of ${link.path.length}.`,
      detail: `${result.replayError.message}. The states up to there are shown.`,
      canRestore: replacing,
    });
  } else {
    showNotice({
      tone: 'info',
      title: `Opened a shared behaviour of ${replayed} states at state ${Math.min(step, replayed - 1) + 1}, replayed under the shared spec.`,
      detail: claimDetail(link),
      canRestore: replacing,
    });
  }
}

/** The banner's word on the author's verdict: where to see it, and that it is a claim. */
function claimDetail(link: ShareLink): string | undefined {
  const v = link.verdict;
  if (!v) return undefined;
  const what = v.counterexample ? 'this behaviour is its counterexample; ' : '';
  return `The link says what its author’s check found (${what}see Results): re-check it here to confirm.`;
}

/** A Quint model from the .cfg a Quint request carries (`INIT`, `NEXT`, `INVARIANT`, `PROPERTY`). */
function quintModelOf(file: string, cfg: string): QuintModel {
  const names = (key: string) =>
    [...cfg.matchAll(new RegExp(`^\\s*${key}\\s+([A-Za-z_][A-Za-z0-9_]*)`, 'gm'))].map((m) => m[1]);
  return {
    file,
    init: names('INIT')[0] ?? 'init',
    step: names('NEXT')[0] ?? 'step',
    invariants: names('INVARIANT'),
    ...(names('PROPERTY').length ? { temporal: names('PROPERTY') } : {}),
  };
}

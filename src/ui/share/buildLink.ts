/**
 * The share link for what the user sees: the open modules and config, the shown trace as a path
 * of choices, the selected step, the open view and its settings.
 *
 * A counterexample or an opened trace becomes a path through the pool's `pathOfTrace`, so the
 * link holds choices that whoever opens it replays under the spec. An opened trace the spec does
 * not produce travels as itself (ITF), and opens in the viewer without replay.
 */
import type { PathOfTraceResult } from '../../../workers/api';
import type { CheckRequest, Trace } from '../../check/contract/types';
import { traceToItf } from '../../formats/itf';
import {
  encodeShareLink,
  shareUrl,
  SHARE_LINK_VERSION,
  stateDigests,
  type ShareLink,
  type ShareVerdict,
} from '../../formats/share-link';
import { buildCheckRequest } from '../engine/checkRequest';
import { changesSince } from '../engine/staleness';
import { shownTrace } from '../explore/state';
import type { AppStore } from '../store';

export type FindPath = (request: CheckRequest, trace: Trace) => Promise<PathOfTraceResult>;

export interface BuiltLink {
  url: string;
  /** Something the user should know about what the link holds. */
  note?: string;
}

export async function buildShareLink(
  state: AppStore,
  findPath: FindPath,
  base: string,
): Promise<BuiltLink> {
  const { model, traceView } = state;
  const view = state.view.activeView;
  const link: ShareLink = {
    version: SHARE_LINK_VERSION,
    modules: Object.entries(state.files)
      .filter(([name]) => name.endsWith('.tla') && !model.quint)
      .map(([name, text]) => ({ name, text })),
    view: {
      id: view,
      onlyChanged: traceView.onlyChanged || undefined,
      hidden: traceView.hidden.length ? traceView.hidden : undefined,
      pinned: traceView.pinned.length ? traceView.pinned : undefined,
      watches: model.watches.length ? model.watches : undefined,
      sequenceMapping: model.sequenceMapping,
    },
  };
  const cfg = state.files[model.cfgFile];
  const quint = model.quint && model.quint.file in state.files ? model.quint : undefined;
  const hasSpec = quint ? true : cfg !== undefined && `${model.mainModule}.tla` in state.files;
  if (quint) {
    // A Quint spec: its files as the engine reads them, the main one first, and the .cfg made
    // from the side panel's init, step and invariants (what openLink.ts reads back).
    const request = buildCheckRequest(state);
    link.modules = request.files;
    link.mainModule = model.mainModule;
    link.cfg = { name: request.cfgName ?? `${model.mainModule}.cfg`, text: request.cfg };
  } else if (hasSpec) {
    link.mainModule = model.mainModule;
    link.cfg = { name: model.cfgFile, text: cfg };
  }
  const verdict = hasSpec ? verdictOf(state) : undefined;
  if (verdict) link.verdict = verdict;
  const trace = shownTrace(state);
  let note: string | undefined;
  if (trace && trace.states.length > 0) {
    link.step = Math.min(state.selectedStep, trace.states.length - 1);
    if (traceView.source === 'explore' && hasSpec) {
      link.path = traceView.explore.path.slice(0, trace.states.length);
      link.digests = stateDigests(trace.states);
    } else if (hasSpec) {
      const { options: _options, ...request } = buildCheckRequest(state);
      const found = await findPath(request, trace);
      if ('path' in found) {
        link.path = found.path;
        link.digests = stateDigests(trace.states);
        if (trace.loop !== undefined) link.loop = trace.loop;
      } else {
        link.trace = traceToItf(trace);
        note = `The trace is not a behaviour of the open spec (state ${found.step + 1}: ${found.message}); the link carries the trace itself, to view without replay.`;
      }
    } else {
      link.trace = traceToItf(trace);
    }
  }
  return { url: shareUrl(base, await encodeShareLink(link)), note };
}

/**
 * The last run's answer, when it is about the spec the link carries (not out of date): the
 * recipient sees it as a claim and can check it again.
 */
function verdictOf(state: AppStore): ShareVerdict | undefined {
  const { run } = state;
  const result = run.result;
  if (!result || run.status === 'running' || !run.checked) return undefined;
  if (changesSince(run.checked, state).length > 0) return undefined;
  const summary = run.simulation?.summary;
  return {
    result: result.result,
    ...(result.violated !== undefined ? { violated: result.violated } : {}),
    ...(summary ? { behaviours: summary.behaviours } : {}),
    ...(summary ? {} : { distinctStates: result.distinctStates, depth: result.depth }),
    ...(result.stopped ? { stopped: result.stopped } : {}),
    ...(state.traceView.source === 'check' && result.trace && result.result !== 'success'
      ? { counterexample: true }
      : {}),
    ...(result.warnings?.length ? { warnings: result.warnings } : {}),
  };
}

/**
 * Results brought back from TLC: a TLC log (plain or `-tool`, whole or cut short), TLC's
 * `-dumpTrace json`, or any trace file, opened or dropped in the app. A log becomes the run the
 * results panel shows (TLC's verdict, distinct states, depth, TLC's time), with its trace as the
 * check's trace; a trace file opens in the trace view. Either way the trace is then replayed
 * under the open spec, so that its steps carry their actions' places and parameters and every
 * view (watches, graph, sequence, share link) works on it as on a trace of our own.
 */
import type { Trace } from '../../check/contract/types';
import { readRunFile } from '../../formats/trace-file';
import { resultFromTlc, tlcOutputAsText, type TlcRunReport } from '../../formats/tlc-output';
import type { TlcErrorHeadline } from '../../formats/tlc-trace';
import { buildCheckRequest } from '../engine/checkRequest';
import { enginePool } from '../engine/runCheck';
import { checkedSpecOf } from '../engine/staleness';
import { selectStep, showImportedTrace } from '../explore/actions';
import { shownTrace } from '../explore/state';
import { appStore } from '../store';
import type { TlcRunSource } from '../store/state';

export type Replayed = { trace: Trace } | { step: number; message: string };

/** The trace as the engine replays it under the open spec, or where it stops replaying. */
export async function replayUnderOpenSpec(trace: Trace): Promise<Replayed> {
  let request;
  try {
    const { options: _options, ...rest } = buildCheckRequest(appStore.getState());
    request = rest;
  } catch (e) {
    return { step: 0, message: (e as Error).message };
  }
  const pool = await enginePool();
  const found = await pool.pathOfTrace(request, trace);
  if (!('path' in found)) return found;
  const answer = await pool.explore({ ...request, path: found.path, watches: [] });
  if (answer.error) return { step: 0, message: answer.error.message };
  if (answer.replayError) return answer.replayError;
  return { trace: trace.loop === undefined ? answer.trace : { ...answer.trace, loop: trace.loop } };
}

export interface Opened {
  kind: 'run' | 'trace';
  /** Settles when the trace has been replayed under the open spec (or could not be). */
  replayed: Promise<void>;
}

/**
 * Opens `text` (from the file `file`) at once: TLC's log as a run, a trace file as an opened
 * trace; its trace is replayed after. Throws, saying why, when the text is neither.
 */
export function openRunText(text: string, file: string): Opened {
  const read = readRunFile(text);
  if (!read.tlc) {
    const trace = read.trace!;
    showImportedTrace(trace, read.headline);
    selectStep(trace.states.length - 1);
    // A trace that does not replay stays as it was read.
    return {
      kind: 'trace',
      replayed: replaceImported(trace, read.headline).catch(() => undefined),
    };
  }
  return {
    kind: 'run',
    replayed: showTlcRun(text, read.tlc, read.trace, file, read.headline?.text),
  };
}

async function replaceImported(trace: Trace, headline: TlcErrorHeadline | undefined) {
  const replay = await replayUnderOpenSpec(trace);
  // Only while the user still looks at it.
  if ('trace' in replay && shownTrace(appStore.getState()) === trace) {
    const step = appStore.getState().selectedStep;
    showImportedTrace(replay.trace, headline);
    selectStep(step);
  }
}

function showTlcRun(
  text: string,
  report: TlcRunReport,
  tlcTrace: Trace | undefined,
  file: string,
  headline: string | undefined,
): Promise<void> {
  const result = resultFromTlc(tlcOutputAsText(text), report.durationMs ?? 0);
  if (tlcTrace) result.trace = tlcTrace;
  if (!report.finished) {
    result.result = 'error';
    delete result.trace;
    result.error = {
      message: `TLC's log ends before TLC finished: no verdict. Its last report: ${report.distinctStates.toLocaleString('en')} distinct states, depth ${report.depth}, ${report.queueLeft.toLocaleString('en')} left on the queue`,
    };
  }
  const state = appStore.getState();
  const source: TlcRunSource = {
    file,
    ...(report.version ? { version: report.version } : {}),
    ...(report.workers ? { workers: report.workers } : {}),
    ...(report.mainModule ? { mainModule: report.mainModule } : {}),
    ...(report.finished ? {} : { unfinished: true }),
    ...(headline && tlcTrace ? { headline } : {}),
    ...(result.trace ? { replay: 'replaying' as const } : {}),
  };
  appStore.setState({
    run: { status: 'done', result, tlc: source, checked: checkedSpecOf(state) },
    selectedStep: Math.max(0, (result.trace?.states.length ?? 1) - 1),
    traceView: { ...state.traceView, source: 'check', watchResults: undefined },
  });
  const trace = result.trace;
  if (!trace) return Promise.resolve();
  const failed = (e: unknown): Replayed => ({
    step: 0,
    message: (e as Error)?.message ?? String(e),
  });
  return replayUnderOpenSpec(trace)
    .catch(failed)
    .then((replay) => {
      const now = appStore.getState().run;
      // A check run since, or another log opened, has the panel now.
      if (now.result !== result) return;
      appStore.setState({
        run: {
          ...now,
          result: 'trace' in replay ? { ...result, trace: replay.trace } : result,
          tlc: { ...source, replay: 'trace' in replay ? 'replayed' : replay },
        },
      });
    });
}

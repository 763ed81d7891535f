/**
 * Explore mode's choices: the initial states, or the actions enabled in the selected state with
 * their parameters and a preview of what each would change. Clicking one takes that step; from an
 * earlier state than the last, it branches (the later steps are replaced).
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ExploreChoice } from '../../check/explore/explore';
import { describeChange, diffValues, flattenDiff } from '../views/trace/stateDiff';
import { valueSummary } from '../views/trace/valueText';
import { useApp } from '../store';
import { choose, goBack, keepReplayedSteps, restartExploring } from './actions';
import type { TraceState } from '../../trace/value';

/** Preview lines per choice; the rest are counted. */
const PREVIEW_LINES = 4;
/** Choices listed at first (a spec may have thousands of initial states); more on request. */
const CHOICES_PAGE = 200;

export function ChoicesPanel() {
  const explore = useApp((s) => s.traceView.explore);
  const { trace, choices, busy, error, replayError, path } = explore;
  const count = trace?.states.length ?? 0;
  const at = choices?.at;
  const from = at !== undefined && at >= 0 ? trace?.states[at] : undefined;
  const [listed, setListed] = useState(CHOICES_PAGE);
  const box = useRef<HTMLElement>(null);
  // A new list of choices starts at its top, not where the last one was scrolled to.
  useLayoutEffect(() => {
    if (box.current) box.current.scrollTop = 0;
  }, [choices]);
  const options = choices?.options.slice(0, listed) ?? [];
  const previews = useMemo(
    () => (choices?.options.slice(0, listed) ?? []).map((c) => preview(c, from, trace?.vars ?? [])),
    [choices, listed, from, trace?.vars],
  );
  const unlisted = (choices?.options.length ?? 0) - options.length;

  return (
    <section ref={box} className="choices" aria-labelledby="choices-heading" aria-busy={busy}>
      <header className="choices__header">
        <h3 id="choices-heading">
          {at === undefined || at < 0 ? 'Initial states' : `Next from state ${at + 1}`}
        </h3>
        <span className="choices__buttons">
          <button className="button" onClick={goBack} disabled={path.length === 0}>
            Back
          </button>
          <button className="button" onClick={restartExploring} disabled={path.length === 0}>
            Restart
          </button>
        </span>
      </header>
      {error && (
        <p className="choices__error" role="alert">
          {error}
        </p>
      )}
      {replayError && (
        <div className="choices__error" role="alert">
          <p>
            The spec changed: step {replayError.step + 1} of the path no longer replays (
            {replayError.message}).
          </p>
          <button className="button" onClick={keepReplayedSteps}>
            Keep the {replayError.step} step{replayError.step === 1 ? '' : 's'} that replay
          </button>
        </div>
      )}
      {at !== undefined && at >= 0 && at < count - 1 && (
        <p className="choices__note">
          Choosing here branches: steps {at + 2}–{count} are replaced.
        </p>
      )}
      {!choices && !error && <p className="muted">{busy ? 'Asking the engine…' : ''}</p>}
      {choices && choices.options.length === 0 && !replayError && !error && (
        <p className="muted">
          {at === -1 ? 'The spec has no initial state.' : 'No action is enabled: a deadlock.'}
        </p>
      )}
      {choices && choices.options.length > 0 && (
        <ol className="choices__list" aria-label="Choices">
          {options.map((c, k) => (
            <li key={k}>
              <button className="choice" onClick={() => choose(k)}>
                <span className="choice__label">
                  {at === -1 ? `Initial state ${k + 1}` : c.label}
                </span>
                {c.violates.length > 0 && (
                  <span className="choice__violates">
                    <span aria-hidden="true">⚠ </span>violates {c.violates.join(', ')}
                  </span>
                )}
                <span className="choice__preview">
                  {previews[k].lines.map((line, i) => (
                    <code key={i}>{line}</code>
                  ))}
                  {previews[k].more > 0 && (
                    <span className="muted">and {previews[k].more} more changes</span>
                  )}
                  {previews[k].lines.length === 0 && (
                    <span className="muted">no change (a stuttering step)</span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
      {unlisted > 0 && (
        <button className="link" onClick={() => setListed(listed + CHOICES_PAGE)}>
          Show more ({unlisted} not listed)
        </button>
      )}
    </section>
  );
}

/** What a choice would change, as `~ x: 1 → 2` lines; a whole state for an initial state. */
function preview(
  choice: ExploreChoice,
  from: TraceState | undefined,
  vars: string[],
): { lines: string[]; more: number } {
  let lines: string[];
  if (!from) {
    const names = vars.length > 0 ? vars : Object.keys(choice.state);
    lines = names.map((v) => `${v} = ${valueSummary(choice.state[v], 100)}`);
  } else {
    lines = choice.changed.flatMap((v) => {
      const d = diffValues(from[v], choice.state[v]);
      return d ? flattenDiff(v, d).map((c) => clip(describeChange(c))) : [];
    });
  }
  return { lines: lines.slice(0, PREVIEW_LINES), more: Math.max(0, lines.length - PREVIEW_LINES) };
}

const clip = (line: string) => (line.length > 140 ? `${line.slice(0, 139)}…` : line);

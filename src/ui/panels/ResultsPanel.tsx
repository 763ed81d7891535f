/** What the engine answered for the last run, as it is: verdict, counts, error, output. */
import type { CheckResult } from '../../check/contract/types';
import type { Range } from '../../tla/ast/ast';
import { fileOfRange, formatLocation } from '../engine/locations';
import { useShallow } from 'zustand/react/shallow';
import { appStore, useApp } from '../store';
import type { SimulationState } from '../store/state';
import { formatCount, formatDuration } from './numbers';
import { shownVerdict } from './runVerdict';
import { StaleNotice, useStaleChanges } from './StaleNotice';
import { lazy, Suspense } from 'react';

// Shown only after a run (the step to TLC, with its projection) or for TLC's own log: their code
// loads then, not with the page.
const HandoffSuggestion = lazy(() =>
  import('../handoff/HandoffSuggestion').then((m) => ({ default: m.HandoffSuggestion })),
);
const SharedClaim = lazy(() =>
  import('../share/SharedClaim').then((m) => ({ default: m.SharedClaim })),
);
const TlcRunNote = lazy(() =>
  import('../handoff/TlcRunNote').then((m) => ({ default: m.TlcRunNote })),
);

export { verdictText } from './runVerdict';

export function ResultsPanel() {
  // Not the whole run: that changes with every progress sample of a check.
  const run = useApp(
    useShallow((s) => ({
      status: s.run.status,
      result: s.run.result,
      failure: s.run.failure,
      summary: s.run.simulation?.summary,
      checked: s.run.checked,
      simulating: s.run.simulation !== undefined,
      tlc: s.run.tlc,
      translated: s.run.translated,
      ran: s.run.history !== undefined,
      claimed: s.run.claim !== undefined,
    })),
  );
  return (
    <section className="panel-section results" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      {run.claimed && (
        <Suspense fallback={null}>
          <SharedClaim />
        </Suspense>
      )}
      {(run.result || run.status === 'cancelled') && <StaleNotice what="result" />}
      {run.tlc && (
        <Suspense fallback={null}>
          <TlcRunNote tlc={run.tlc} />
        </Suspense>
      )}
      {run.checked && run.status !== 'idle' && !run.tlc && (
        <p className="results__checked" data-testid="checked-target">
          {run.simulating
            ? run.status === 'running'
              ? 'Simulating'
              : 'Simulated'
            : run.status === 'running'
              ? 'Checking'
              : 'Checked'}{' '}
          {run.checked.cfgFile ? (
            <>
              <code>{run.checked.mainModule}.tla</code> with <code>{run.checked.cfgFile}</code>
            </>
          ) : (
            <>
              Quint module <code>{run.checked.mainModule}</code>
            </>
          )}
        </p>
      )}
      {run.translated && run.translated.length > 0 && (
        <p className="results__translated" data-testid="pluscal-translated">
          Translated the PlusCal algorithm of{' '}
          {run.translated.map((f, i) => (
            <span key={f}>
              {i > 0 && ', '}
              <code>{f}</code>
            </span>
          ))}{' '}
          first: its translation was out of date.
        </p>
      )}
      {run.status === 'failed' && (
        <p className="results__failure" role="alert">
          The check did not run: {run.failure}
        </p>
      )}
      {run.result ? (
        <ResultDetails result={run.result} simulation={run.summary} />
      ) : run.status === 'cancelled' ? (
        <div data-testid="result">
          <p className="verdict" data-verdict="stopped" data-tone="stopped">
            Not finished: cancelled
          </p>
          <p className="results__caveat">
            No verdict: the run was stopped before the engine could report what it had explored.
          </p>
        </div>
      ) : (
        run.status !== 'failed' && <p className="muted">Run a check to see its results here.</p>
      )}
      {run.ran && (
        <Suspense fallback={null}>
          <HandoffSuggestion />
        </Suspense>
      )}
    </section>
  );
}

function ResultDetails({
  result,
  simulation,
}: {
  result: CheckResult;
  simulation?: NonNullable<SimulationState['summary']>;
}) {
  const { error } = result;
  const verdict = shownVerdict(
    result,
    simulation ? { simulation: { behaviours: simulation.behaviours } } : {},
  );
  const stale = useStaleChanges().length > 0;
  const byTlc = useApp((s) => s.run.tlc !== undefined);
  return (
    <div data-testid="result" data-stale={stale || undefined}>
      <p
        className="verdict"
        data-verdict={verdict.tone === 'stopped' ? 'stopped' : result.result}
        data-tone={verdict.tone}
      >
        {stale && <span className="verdict__stale">Before your changes: </span>}
        {verdict.headline}
        {verdict.violated && (
          <>
            : <code>{verdict.violated}</code>
          </>
        )}
      </p>
      {verdict.caveats.map((c) => (
        <p key={c} className="results__caveat">
          {c}
        </p>
      ))}
      {simulation ? (
        <SimulationStats simulation={simulation} durationMs={result.durationMs} />
      ) : (
        <dl className="stats">
          <dt>Distinct states</dt>
          <dd>{formatCount(result.distinctStates)}</dd>
          <dt>Generated states</dt>
          <dd>{formatCount(result.generatedStates)}</dd>
          <dt>Depth</dt>
          <dd>{formatCount(result.depth)}</dd>
          <dt>{byTlc ? 'TLC’s time' : 'Duration'}</dt>
          <dd>{formatDuration(result.durationMs)}</dd>
          {result.queueLeft > 0 && (
            <>
              <dt>Left on queue</dt>
              <dd>{formatCount(result.queueLeft)}</dd>
            </>
          )}
        </dl>
      )}
      {error && verdict.tone === 'stopped' && !error.range ? (
        // The engine's account of the stop (the memory budget), not an error of the spec.
        <p className="results__caveat">{error.message}.</p>
      ) : (
        error && (
          <div className="results__error" role="alert">
            <p>{error.message}</p>
            {error.range && !error.diagnostics?.length && <LocationLink range={error.range} />}
            {error.diagnostics && error.diagnostics.length > 0 && (
              <ul className="diagnostics">
                {error.diagnostics.map((d, i) => (
                  <li key={i} data-severity={d.severity}>
                    <LocationLink range={d.range} /> {d.message}
                    {d.code === 'module-name' && <RenameToModule message={d.message} />}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )
      )}
      {result.warnings?.map((w) => (
        <p key={w} className="results__note" data-testid="result-warning">
          Warning: {w}
        </p>
      ))}
      {result.uncheckedProperties && result.uncheckedProperties.length > 0 && (
        <p className="results__note">
          Not checked:{' '}
          {result.uncheckedProperties.map((p) => (
            <code key={p} title={result.uncheckedReasons?.[p]}>
              {p}{' '}
            </code>
          ))}
        </p>
      )}
      {result.output.length > 0 && (
        <>
          <h3>Print output</h3>
          <pre className="output">{result.output.join('\n')}</pre>
        </>
      )}
    </div>
  );
}

/** A simulation's figures: it keeps no seen-set, so it has no distinct-state count or depth. */
function SimulationStats({
  simulation: sim,
  durationMs,
}: {
  simulation: NonNullable<SimulationState['summary']>;
  durationMs: number;
}) {
  return (
    <dl className="stats" data-testid="simulation-stats">
      <dt>Behaviours</dt>
      <dd>{formatCount(sim.behaviours)}</dd>
      <dt>Steps</dt>
      <dd>{formatCount(sim.steps)}</dd>
      <dt>Generated states</dt>
      <dd>{formatCount(sim.generatedStates)}</dd>
      <dt>Duration</dt>
      <dd>{formatDuration(durationMs)}</dd>
      <dt>Seed</dt>
      <dd>{sim.seed}</dd>
      {sim.behaviour !== undefined && (
        <>
          <dt>Failing behaviour</dt>
          <dd>#{sim.behaviour}</dd>
        </>
      )}
      {sim.sample !== undefined && (
        <>
          <dt>Shown behaviour</dt>
          <dd>#{sim.sample} (a sample)</dd>
        </>
      )}
    </dl>
  );
}

/** `DieHard.tla:9:13`, moving the editor's cursor there when clicked. */
function LocationLink({ range }: { range: Range }) {
  // The file that holds the range now (a module whose header was edited is in another file).
  const files = useApp((s) => s.files);
  const reveal = () =>
    appStore
      .getState()
      .revealLocation(fileOfRange(range, files), range.start.line, range.start.column);
  return (
    <button className="link" onClick={reveal}>
      {formatLocation(range, files)}
    </button>
  );
}

/**
 * The fix for "file Spec.tla holds module Mutex": the file takes the module's name (its header
 * was edited), and the model follows.
 */
function RenameToModule({ message }: { message: string }) {
  const files = useApp((s) => s.files);
  const names = /^file (\w+\.tla) holds module (\w+)/.exec(message);
  if (!names) return null;
  const [, file, module] = names;
  const target = `${module}.tla`;
  if (!(file in files) || target in files) return null;
  return (
    <>
      {' '}
      <button className="link-button" onClick={() => appStore.getState().renameFile(file, target)}>
        Rename {file} to {target}
      </button>
    </>
  );
}

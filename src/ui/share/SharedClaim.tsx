/**
 * A share link's verdict in the results panel: what its author's check found, shown as a claim
 * (never in a pass's or a failure's colour) until a check here of the same spec confirms it or
 * says otherwise. The link's claim is verified, not trusted.
 */
import type { CheckResult } from '../../check/contract/types';
import type { ShareVerdict } from '../../formats/share-link';
import { runCheck } from '../engine/runCheck';
import { runSimulation } from '../engine/runSimulation';
import { changesSince, sameSpec } from '../engine/staleness';
import { formatCount } from '../panels/numbers';
import { shownVerdict } from '../panels/runVerdict';
import { useApp } from '../store';

/** The claim as a result, for the words every verdict is shown in. */
function claimAsResult(v: ShareVerdict): CheckResult {
  return {
    result: v.result,
    violated: v.violated,
    distinctStates: v.distinctStates ?? 0,
    generatedStates: 0,
    depth: v.depth ?? 0,
    durationMs: 0,
    queueLeft: 0,
    output: [],
    ...(v.stopped ? { stopped: v.stopped } : {}),
  };
}

function claimText(v: ShareVerdict): string {
  const shown = shownVerdict(
    claimAsResult(v),
    v.behaviours !== undefined ? { simulation: { behaviours: v.behaviours } } : {},
  );
  const figures =
    v.distinctStates !== undefined
      ? ` (${formatCount(v.distinctStates)} distinct states, depth ${formatCount(v.depth ?? 0)})`
      : '';
  return `${shown.headline}${shown.violated ? `: ${shown.violated}` : ''}${figures}`;
}

export function SharedClaim() {
  const claim = useApp((s) => s.run.claim);
  const run = useApp((s) => s.run);
  const files = useApp((s) => s.files);
  const model = useApp((s) => s.model);
  if (!claim) return null;
  const v = claim.verdict;
  const simulation = v.behaviours !== undefined;
  const edited = changesSince(claim.spec, { files, model }).length > 0;
  const answer =
    run.status !== 'running' && run.result && run.checked && sameSpec(run.checked, claim.spec)
      ? run.result
      : undefined;

  let outcome: { kind: 'confirmed' | 'differs' | 'unfinished'; text: string } | undefined;
  if (answer?.stopped) {
    outcome = {
      kind: 'unfinished',
      text: 'The check here did not finish: the claim is unconfirmed.',
    };
  } else if (answer) {
    const same = answer.result === v.result && (answer.violated ?? '') === (v.violated ?? '');
    outcome = same
      ? { kind: 'confirmed', text: 'Confirmed: the check here finds the same.' }
      : {
          kind: 'differs',
          text: `The check here finds otherwise: ${claimText({
            result: answer.result,
            violated: answer.violated,
          })}.`,
        };
  }

  return (
    <div className="shared-claim" data-testid="shared-claim" data-outcome={outcome?.kind}>
      <p>
        <strong>Shared result.</strong> The link says its author’s{' '}
        {simulation ? 'simulation' : 'check'} found: <em>{claimText(v)}</em>
        {v.counterexample ? ', with the behaviour shown as its counterexample' : ''}.
      </p>
      {v.warnings?.map((w) => (
        <p key={w} className="results__note" data-testid="shared-claim-warning">
          Warning: {w}
        </p>
      ))}
      {outcome ? (
        <p className="shared-claim__outcome" role="status">
          {outcome.kind === 'confirmed' ? '✓ ' : '⚠ '}
          {outcome.text}
        </p>
      ) : (
        <p className="shared-claim__outcome">
          {edited
            ? 'The spec has been edited since it was shared: the claim was about the shared one.'
            : 'Not yet checked here.'}{' '}
          {!edited && run.status !== 'running' && (
            <button
              className="button"
              onClick={() => void (simulation ? runSimulation() : runCheck())}
            >
              {simulation ? 'Simulate here' : 'Re-check here'}
            </button>
          )}
        </p>
      )}
    </div>
  );
}

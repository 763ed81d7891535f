/**
 * "Explore from here" on a counterexample or an opened trace: finds the trace's path up to the
 * selected state under the open spec, then continues in explore mode from that state, e.g. to try
 * the other actions where a counterexample went wrong.
 */
import { useState } from 'react';
import type { Trace } from '../../check/contract/types';
import { buildCheckRequest } from '../engine/checkRequest';
import { enginePool } from '../engine/runCheck';
import { appStore } from '../store';
import { exploreFromHere } from './actions';

export function ExploreFromHere({ trace, index }: { trace: Trace; index: number }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { options: _options, ...request } = buildCheckRequest(appStore.getState());
      const prefix = { ...trace, states: trace.states.slice(0, index + 1), loop: undefined };
      const found = await (await enginePool()).pathOfTrace(request, prefix);
      if ('path' in found) exploreFromHere(found.path);
      else setError(`State ${found.step + 1} does not replay: ${found.message}`);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button
        className="button button--small"
        disabled={busy}
        title="Continue by hand from this state: choose among its enabled actions"
        onClick={() => void start()}
      >
        {busy ? 'Replaying…' : 'Explore from here'}
      </button>
      {error && (
        <span className="state-panel__error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

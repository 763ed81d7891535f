/**
 * Above a result read from TLC's log: whose run it is (TLC's, from which file, with how many
 * workers), whether it is about the open module, and whether its trace replays under the open
 * spec (every view works on a replayed trace; one that does not replay is shown as TLC printed it).
 */
import { useApp } from '../store';
import type { TlcRunSource } from '../store/state';
import './handoff.css';

export function TlcRunNote({ tlc }: { tlc: TlcRunSource }) {
  const mainModule = useApp((s) => s.model.mainModule);
  const { replay } = tlc;
  const other = tlc.mainModule !== undefined && tlc.mainModule !== mainModule;
  return (
    <div className="tlc-run" data-testid="tlc-run">
      <p className="results__checked">
        TLC’s run
        {tlc.mainModule && (
          <>
            {' '}
            of <code>{tlc.mainModule}.tla</code>
          </>
        )}
        , read from <code>{tlc.file}</code>
        {(tlc.version || tlc.workers) && (
          <>
            {' '}
            (
            {[
              tlc.version && `TLC ${tlc.version}`,
              tlc.workers && `${tlc.workers} worker${tlc.workers === 1 ? '' : 's'}`,
            ]
              .filter(Boolean)
              .join(', ')}
            )
          </>
        )}
      </p>
      {other && (
        <p className="results__caveat" role="alert">
          TLC checked <code>{tlc.mainModule}</code>; the open model is <code>{mainModule}</code>.
        </p>
      )}
      {replay === 'replaying' && <p className="muted">Replaying its trace under the open spec…</p>}
      {replay === 'replayed' && (
        <p className="muted" data-testid="tlc-replayed">
          Its trace replays under the open spec: every view shows it.
        </p>
      )}
      {typeof replay === 'object' && (
        <p className="results__caveat" data-testid="tlc-not-replayed">
          Its trace does not replay under the open spec (state {replay.step + 1}: {replay.message}
          ); it is shown as TLC printed it.
        </p>
      )}
    </div>
  );
}

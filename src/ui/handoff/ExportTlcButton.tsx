/**
 * The button that downloads the open model for TLC (exportBundle.ts), and what it says after:
 * the file, the modules written beside the spec, and what TLC would stop at (a module no file
 * holds, a syntax error) so that no one carries a broken bundle to a big machine unawares.
 */
import { useState } from 'react';
import { enginePool } from '../engine/runCheck';
import { appStore, useApp } from '../store';
import type { ExportedBundle } from './exportBundle';
import './handoff.css';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; exported: ExportedBundle }
  | { kind: 'failed'; message: string };

export function ExportTlcButton({ primary = false }: { primary?: boolean }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const running = useApp((s) => s.run.status === 'running');
  const exportNow = async () => {
    setStatus({ kind: 'busy' });
    try {
      const pool = await enginePool();
      const { exportForTlc } = await import('./exportBundle');
      const exported = await exportForTlc(appStore.getState(), (r) => pool.tlcBundle(r));
      setStatus({ kind: 'done', exported });
    } catch (e) {
      setStatus({ kind: 'failed', message: (e as Error).message });
    }
  };
  return (
    <div className="handoff-export">
      <button
        className={primary ? 'button button--primary' : 'button'}
        onClick={() => void exportNow()}
        disabled={status.kind === 'busy'}
        title="Download the spec, every module it reaches, the .cfg with these settings and a README with the commands for TLC (one machine or many)"
      >
        {status.kind === 'busy' ? 'Exporting…' : 'Export for TLC'}
      </button>
      {status.kind === 'busy' && running && (
        <span className="muted"> It waits for a free worker while the check runs.</span>
      )}
      {status.kind === 'done' && <ExportedNote exported={status.exported} />}
      {status.kind === 'failed' && (
        <p className="handoff-export__problem" role="alert">
          The model could not be exported: {status.message}
        </p>
      )}
    </div>
  );
}

function ExportedNote({ exported }: { exported: ExportedBundle }) {
  const { bundle, fileName } = exported;
  const modules = bundle.files.filter((f) => f.name.endsWith('.tla')).map((f) => f.name);
  return (
    <div className="handoff-export__note" role="status" data-testid="tlc-export-note">
      <p>
        Downloaded <code>{fileName}</code>: {modules.join(', ')}, <code>{bundle.cfgFile}</code> and
        a README with the commands
        {bundle.fromTlc.length > 0 && <> (TLC has {bundle.fromTlc.join(', ')} in its jar)</>}.
      </p>
      <p className="muted">
        In its folder:{' '}
        <code>
          java -cp tla2tools.jar tlc2.TLC -workers auto -config {bundle.cfgFile}{' '}
          {bundle.mainFile.replace(/\.tla$/, '')}
        </code>
      </p>
      {bundle.problems.length > 0 && (
        <div className="handoff-export__problem" role="alert">
          TLC will stop at:
          <ul>
            {bundle.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

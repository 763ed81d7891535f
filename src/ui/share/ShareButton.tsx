/**
 * "Share": builds the link for what is on screen and copies it. The link is also shown, selected,
 * in case the clipboard is not available (an insecure origin, a denied permission).
 */
import { useState } from 'react';
import { enginePool } from '../engine/runCheck';
import { appStore } from '../store';

type Status =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'ready'; url: string; copied: boolean; note?: string }
  | { kind: 'failed'; message: string };

export function ShareButton() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const share = async () => {
    setStatus({ kind: 'busy' });
    try {
      const base = location.href.replace(/#.*$/s, '');
      // The link's encoder (with the codec and ITF) loads on the first share.
      const { buildShareLink } = await import('./buildLink');
      const { url, note } = await buildShareLink(
        appStore.getState(),
        async (request, trace) => (await enginePool()).pathOfTrace(request, trace),
        base,
      );
      let copied = false;
      try {
        await navigator.clipboard.writeText(url);
        copied = true;
      } catch {
        // The field below lets the user copy it by hand.
      }
      setStatus({ kind: 'ready', url, copied, note });
    } catch (e) {
      setStatus({ kind: 'failed', message: (e as Error).message });
    }
  };

  return (
    <span className="share">
      <button className="button" onClick={() => void share()} disabled={status.kind === 'busy'}>
        {status.kind === 'busy' ? 'Sharing…' : 'Share'}
      </button>
      {status.kind === 'ready' && (
        <span className="share__popover" role="status">
          <span>
            {status.copied ? 'Link copied' : 'Copy this link'} (
            {status.url.length.toLocaleString('en')} characters)
          </span>
          <input
            className="share__url"
            aria-label="Share link"
            data-testid="share-url"
            readOnly
            value={status.url}
            ref={(el) => el?.select()}
          />
          {status.note && <span className="share__note">{status.note}</span>}
          <button className="button" onClick={() => setStatus({ kind: 'idle' })}>
            Close
          </button>
        </span>
      )}
      {status.kind === 'failed' && (
        <span className="share__popover" role="alert">
          The link could not be made: {status.message}
          <button className="button" onClick={() => setStatus({ kind: 'idle' })}>
            Close
          </button>
        </span>
      )}
    </span>
  );
}

/**
 * Opens the share link in the URL at start-up, and again when a link is pasted into the bar. The
 * link's decoder (openLink.ts, with the codec and ITF) loads only when the URL holds a link.
 */
import { enginePool } from '../engine/runCheck';
import { appStore } from '../store';
import { currentSharePayload } from './payload';

export function startShareLinks(): () => void {
  const open = () => {
    if (currentSharePayload() === undefined) return;
    void import('./openLink').then(({ openSharedLinkFromUrl }) =>
      openSharedLinkFromUrl(appStore, async (request) => (await enginePool()).explore(request)),
    );
  };
  open();
  addEventListener('hashchange', open);
  return () => removeEventListener('hashchange', open);
}

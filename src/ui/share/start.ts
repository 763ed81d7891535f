/** Opens the share link in the URL at start-up, and again when a link is pasted into the bar. */
import { enginePool } from '../engine/runCheck';
import { appStore } from '../store';
import { currentSharePayload, openSharedLinkFromUrl } from './openLink';

export function startShareLinks(): () => void {
  const open = () => {
    if (currentSharePayload() === undefined) return;
    void openSharedLinkFromUrl(appStore, async (request) => (await enginePool()).explore(request));
  };
  open();
  addEventListener('hashchange', open);
  return () => removeEventListener('hashchange', open);
}

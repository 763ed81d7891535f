/** The banner under the top bar after a share link was opened, or could not be. */
import './share.css';
import { appStore } from '../store';
import { showNotice, useShareNotice } from './shareState';

export function ShareBanner() {
  const notice = useShareNotice();
  if (!notice) return null;
  return (
    <div
      className={`share-banner share-banner--${notice.tone}`}
      role={notice.tone === 'info' ? 'status' : 'alert'}
      data-testid="share-banner"
    >
      <div className="share-banner__text">
        <strong>{notice.title}</strong>
        {notice.detail && <span> {notice.detail}</span>}
      </div>
      {notice.canRestore && (
        <button
          className="button"
          onClick={() => {
            void import('./openLink').then(({ restorePreviousWork }) => {
              if (restorePreviousWork(appStore)) showNotice(undefined);
            });
          }}
        >
          Restore my previous work
        </button>
      )}
      <button className="button" aria-label="Dismiss" onClick={() => showNotice(undefined)}>
        Dismiss
      </button>
    </div>
  );
}

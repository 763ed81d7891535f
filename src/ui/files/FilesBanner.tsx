/** What Your files has to say: a project opened, files left out, storage full or unavailable. */
import { showFilesNotice, useFiles } from './filesState';
import './files.css';

export function FilesBanner() {
  const notice = useFiles((s) => s.notice);
  if (!notice) return null;
  return (
    <div
      className={`files-banner files-banner--${notice.tone}`}
      role={notice.tone === 'info' ? 'status' : 'alert'}
      data-testid="files-banner"
    >
      <span className="files-banner__text">{notice.text}</span>
      <button className="button" onClick={() => showFilesNotice(undefined)}>
        Dismiss
      </button>
    </div>
  );
}

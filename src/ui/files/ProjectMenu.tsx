/**
 * Your files: the top bar's project button. Its panel (ProjectPanel.tsx), which lists the projects
 * kept in the browser to switch, create, rename, delete and download them, and opens files from
 * disk, loads when it is first opened.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useFiles } from './filesState';
import './files.css';

const ProjectPanel = lazy(() => import('./ProjectPanel'));

export function ProjectMenu() {
  const [open, setOpen] = useState(false);
  const projects = useFiles((s) => s.projects);
  const currentId = useFiles((s) => s.currentId);
  const box = useRef<HTMLDivElement>(null);
  const current = projects.find((p) => p.id === currentId);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target as HTMLElement)?.matches?.('input')) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="project-menu" ref={box}>
      <button
        className="button project-menu__button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`Your files${current ? ` (open project: ${current.name})` : ''}`}
        title="Your files: the projects kept in this browser"
        onClick={() => setOpen(!open)}
      >
        <span className="project-menu__icon" aria-hidden="true">
          ▤
        </span>
        <span className="project-menu__name">{current?.name ?? 'Your files'}</span>
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <Suspense
          fallback={
            <div className="project-panel" role="dialog" aria-label="Your files">
              <span className="muted">Opening…</span>
            </div>
          }
        >
          <ProjectPanel onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  );
}

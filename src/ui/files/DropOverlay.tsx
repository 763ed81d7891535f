/**
 * Files dragged over the window: an overlay with two targets, "open as a new project" and "add to
 * the open project". Only drags that carry files show it; text dragged in the editor does not.
 */
import { useEffect, useState, type DragEvent as ReactDragEvent } from 'react';
import type { OpenMode } from './drop';
import { useFiles } from './filesState';

const carriesFiles = (e: DragEvent | ReactDragEvent) =>
  Array.from(e.dataTransfer?.types ?? []).includes('Files');

export function DropOverlay() {
  const [shown, setShown] = useState(false);
  const [over, setOver] = useState<OpenMode>();
  const current = useFiles((s) => s.projects.find((p) => p.id === s.currentId)?.name);

  useEffect(() => {
    // Capture phase: before the editor, which would take a drop as text.
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      setShown(true);
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    // A drop outside both targets (or anywhere before the overlay is drawn) opens nothing.
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      setShown(false);
      setOver(undefined);
    };
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setShown(false);
    addEventListener('keydown', onKey);
    addEventListener('dragenter', onEnter, true);
    addEventListener('dragover', onOver, true);
    addEventListener('drop', onDrop);
    return () => {
      removeEventListener('keydown', onKey);
      removeEventListener('dragenter', onEnter, true);
      removeEventListener('dragover', onOver, true);
      removeEventListener('drop', onDrop);
    };
  }, []);

  if (!shown) return null;

  const target = (mode: OpenMode, title: string, detail: string) => (
    <div
      className="drop-target"
      data-mode={mode}
      data-over={over === mode || undefined}
      data-testid={`drop-${mode}`}
      onDragEnter={() => setOver(mode)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(mode);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(undefined);
      }}
      onDrop={(e) => {
        e.preventDefault();
        e.stopPropagation();
        setShown(false);
        setOver(undefined);
        const files = Array.from(e.dataTransfer.files);
        // Reading files (zip, logs) and your projects' code load on the first drop.
        void import('./drop').then(({ openPickedFiles }) => openPickedFiles(files, mode));
      }}
    >
      <strong className="drop-target__title">{title}</strong>
      <span className="drop-target__detail">{detail}</span>
    </div>
  );

  return (
    <div
      className="drop-overlay"
      role="region"
      aria-label="Drop files to open them"
      data-testid="drop-overlay"
      onDragLeave={(e) => {
        // Left the window (no element to go to), not one target for the other.
        if (e.relatedTarget === null) setShown(false);
      }}
    >
      {target(
        'new',
        'Open as a new project',
        'The .tla and .cfg files (or a .zip) become a project of their own.',
      )}
      {target(
        'current',
        current ? `Add to “${current}”` : 'Add to the open project',
        'Files with the same name as an open one replace it.',
      )}
      <button className="button drop-overlay__cancel" onClick={() => setShown(false)}>
        Cancel
      </button>
    </div>
  );
}

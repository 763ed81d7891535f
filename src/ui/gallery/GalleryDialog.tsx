/**
 * The example gallery: a modal dialog (the native <dialog>, so focus stays inside and Escape
 * closes it) listing every example with its summary, tags and known result, filtered by tag.
 * Opening an example over files of one's own asks first, inside the dialog.
 */
import { useEffect, useRef, useState } from 'react';
import { gallery, type ExampleMeta, type ExampleTag } from '../examples';
import { appStore } from '../store';
import { describeExpected } from './expected';
import { closeGallery, hasOwnChanges, openExample, useGallery } from './galleryState';
import './gallery.css';

const filters: { tag: ExampleTag | 'all'; label: string }[] = [
  { tag: 'all', label: 'All' },
  { tag: 'exercise', label: 'Exercises' },
  { tag: 'violation', label: 'Violations' },
  { tag: 'success', label: 'Successes' },
  { tag: 'liveness', label: 'Liveness' },
  { tag: 'retries', label: 'Retries' },
];

export function GalleryDialog() {
  const open = useGallery((s) => s.open);
  const loadError = useGallery((s) => s.loadError);
  const dialog = useRef<HTMLDialogElement>(null);
  const [filter, setFilter] = useState<ExampleTag | 'all'>('all');
  const [pending, setPending] = useState<ExampleMeta>();

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const choose = async (example: ExampleMeta) => {
    // The open example's shipped files may fail to load too: then ask, rather than lose edits.
    const ask = await hasOwnChanges(appStore.getState()).catch(() => true);
    if (ask) setPending(example);
    else await openExample(example);
  };

  const shown = gallery.filter((e) => filter === 'all' || e.tags.includes(filter));

  return (
    <dialog
      ref={dialog}
      className="gallery"
      aria-labelledby="gallery-title"
      onClose={() => {
        setPending(undefined);
        closeGallery();
      }}
    >
      <header className="gallery__header">
        <h2 id="gallery-title">Example gallery</h2>
        <button className="button" onClick={closeGallery} aria-label="Close the gallery">
          Close
        </button>
      </header>
      <p className="gallery__intro muted">
        Specs of failures teams meet in practice, each with its model and the result a check gives.
        Exercises carry a goal to reach by changing the spec.
      </p>
      <div className="gallery__filters" role="group" aria-label="Show">
        {filters.map((f) => (
          <button
            key={f.tag}
            className="gallery-filter"
            aria-pressed={filter === f.tag}
            onClick={() => setFilter(f.tag)}
          >
            {f.label}
          </button>
        ))}
      </div>
      {loadError && (
        <p className="gallery__error" role="alert">
          {loadError}
        </p>
      )}
      {pending && (
        <div className="gallery__confirm" role="alertdialog" aria-label="Leave the open files?">
          <p>
            <strong>{pending.title}</strong> opens as a project of its own; your edits stay in this
            project (the projects menu brings them back).
          </p>
          <button
            className="button button--primary"
            autoFocus
            onClick={() => void openExample(pending)}
          >
            Open it
          </button>
          <button className="button" onClick={() => setPending(undefined)}>
            Stay here
          </button>
        </div>
      )}
      <ul className="gallery__list" aria-label="Examples">
        {shown.map((e) => (
          <li key={e.id} className="gallery-card">
            <h3 className="gallery-card__title">{e.title}</h3>
            <p className="gallery-card__summary">{e.summary}</p>
            <p className="gallery-card__result" data-verdict={e.expected.verdict}>
              {describeExpected(e.expected)}
            </p>
            <ul className="gallery-card__tags" aria-label="Tags">
              {e.tags.map((t) => (
                <li key={t} className="tag" data-tag={t}>
                  {t}
                </li>
              ))}
            </ul>
            <button
              className="button gallery-card__open"
              aria-label={`Open ${e.id}`}
              onClick={() => void choose(e)}
            >
              Open
            </button>
          </li>
        ))}
      </ul>
    </dialog>
  );
}

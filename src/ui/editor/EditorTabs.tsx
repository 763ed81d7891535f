/** One tab per open file (modules and model configs), with adding, renaming and closing files. */
import { useState, type FormEvent } from 'react';
import { appStore, useApp, useFileNames } from '../store';
import { useFileErrors } from './problems';

function newFileText(name: string): string {
  if (name.endsWith('.cfg')) return 'INIT Init\nNEXT Next\n';
  if (name.endsWith('.qnt')) return `module ${name.replace(/\.qnt$/, '')} {\n}\n`;
  return `---- MODULE ${name.replace(/\.tla$/, '')} ----\nEXTENDS Naturals\n\n====\n`;
}

const NAME_RULE = 'A module name (letters, digits, _), optionally ending in .tla, .cfg or .qnt';

/** The file name typed, with `.tla` added when it has no extension; undefined if unusable. */
function fileNameOf(raw: string, extension = '.tla'): string | undefined {
  const name = raw.trim();
  if (!/^[A-Za-z0-9_]+(\.tla|\.cfg|\.qnt)?$/.test(name)) return undefined;
  return /\.(tla|cfg|qnt)$/.test(name) ? name : `${name}${extension}`;
}

export function EditorTabs() {
  const names = useFileNames();
  const activeFile = useApp((s) => s.activeFile);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<string>();
  const [error, setError] = useState<string>();

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = fileNameOf(String(new FormData(event.currentTarget).get('name') ?? ''));
    if (!name) {
      setError(NAME_RULE);
      return;
    }
    if (!appStore.getState().addFile(name, newFileText(name))) {
      setError(`${name} is already open`);
      return;
    }
    setAdding(false);
    setError(undefined);
  };

  const rename = (from: string, raw: string) => {
    const kind = /\.(cfg|qnt)$/.exec(from)?.[0] ?? '.tla';
    const to = fileNameOf(raw, kind);
    if (to === from) {
      setRenaming(undefined);
      setError(undefined);
      return;
    }
    if (!to || !to.endsWith(kind)) {
      setError(`A name for a ${kind} file: letters, digits and _`);
      return;
    }
    if (!appStore.getState().renameFile(from, to)) {
      setError(`${to} is already open`);
      return;
    }
    setRenaming(undefined);
    setError(undefined);
  };

  const close = (name: string) => {
    if (confirm(`Close ${name}? Its text is discarded.`)) appStore.getState().removeFile(name);
  };

  return (
    <div className="tabs tabs--editor" role="tablist" aria-label="Open files">
      {names.map((name) =>
        name === renaming ? (
          <form
            key={name}
            className="tabs__add-form"
            onSubmit={(e) => {
              e.preventDefault();
              rename(name, String(new FormData(e.currentTarget).get('name') ?? ''));
            }}
          >
            <input
              name="name"
              autoFocus
              defaultValue={name}
              aria-label={`New name for ${name}`}
              onFocus={(e) => e.currentTarget.setSelectionRange(0, name.length - 4)}
              onBlur={() => {
                setRenaming(undefined);
                setError(undefined);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setRenaming(undefined);
                  setError(undefined);
                }
              }}
            />
            {error && <span className="tabs__error">{error}</span>}
          </form>
        ) : (
          <div key={name} className="tab" data-active={name === activeFile || undefined}>
            <button
              role="tab"
              aria-selected={name === activeFile}
              className="tab__label"
              title="Double-click (or F2) to rename"
              onClick={() => appStore.getState().setActiveFile(name)}
              onDoubleClick={() => setRenaming(name)}
              onKeyDown={(e) => e.key === 'F2' && setRenaming(name)}
            >
              {name}
              <ProblemMark name={name} />
            </button>
            {names.length > 1 && (
              <button
                className="tab__close"
                aria-label={`Close ${name}`}
                onClick={() => close(name)}
              >
                ×
              </button>
            )}
          </div>
        ),
      )}
      {adding ? (
        <form className="tabs__add-form" onSubmit={add}>
          <input
            name="name"
            autoFocus
            placeholder="MC.tla or MC.cfg"
            aria-label="New file name"
            onKeyDown={(e) => e.key === 'Escape' && setAdding(false)}
          />
          {error && <span className="tabs__error">{error}</span>}
        </form>
      ) : (
        <button
          className="tabs__add"
          aria-label="New file"
          title="New module or config"
          onClick={() => setAdding(true)}
        >
          +
        </button>
      )}
    </div>
  );
}

/** A red dot on the tab of a file the editor marks errors in, with their count for readers. */
function ProblemMark({ name }: { name: string }) {
  const errors = useFileErrors(name);
  if (errors === 0) return null;
  const text = `${errors} problem${errors === 1 ? '' : 's'}`;
  return (
    <span className="tab__problems" title={text} data-testid={`problems-${name}`}>
      <span aria-hidden="true">●</span>
      <span className="sr-only"> ({text})</span>
    </span>
  );
}

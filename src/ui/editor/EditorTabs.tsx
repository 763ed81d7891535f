/** One tab per open file (modules and model configs), with adding and closing files. */
import { useState, type FormEvent } from 'react';
import { appStore, useApp, useFileNames } from '../store';

function newFileText(name: string): string {
  if (name.endsWith('.cfg')) return 'INIT Init\nNEXT Next\n';
  return `---- MODULE ${name.replace(/\.tla$/, '')} ----\nEXTENDS Naturals\n\n====\n`;
}

export function EditorTabs() {
  const names = useFileNames();
  const activeFile = useApp((s) => s.activeFile);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string>();

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const raw = String(new FormData(event.currentTarget).get('name') ?? '').trim();
    if (!/^[A-Za-z0-9_]+(\.tla|\.cfg)?$/.test(raw)) {
      setError('A module name (letters, digits, _), optionally ending in .tla or .cfg');
      return;
    }
    const name = /\.(tla|cfg)$/.test(raw) ? raw : `${raw}.tla`;
    if (!appStore.getState().addFile(name, newFileText(name))) {
      setError(`${name} is already open`);
      return;
    }
    setAdding(false);
    setError(undefined);
  };

  const close = (name: string) => {
    if (confirm(`Close ${name}? Its text is discarded.`)) appStore.getState().removeFile(name);
  };

  return (
    <div className="tabs tabs--editor" role="tablist" aria-label="Open files">
      {names.map((name) => (
        <div key={name} className="tab" data-active={name === activeFile || undefined}>
          <button
            role="tab"
            aria-selected={name === activeFile}
            className="tab__label"
            onClick={() => appStore.getState().setActiveFile(name)}
          >
            {name}
          </button>
          {names.length > 1 && (
            <button className="tab__close" aria-label={`Close ${name}`} onClick={() => close(name)}>
              ×
            </button>
          )}
        </div>
      ))}
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

/**
 * "Paste trace…": a TLC error trace copied from a terminal or CI log (or ITF / -dumpTrace JSON)
 * pasted into the viewer. It opens whether or not a spec is open: with no spec that replays it,
 * the trace viewer and the sequence diagram still show it.
 */
import { useState } from 'react';

export function PasteTraceButton() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  const show = async () => {
    try {
      // TLC's formats load with the first paste: they are not part of the first load.
      const { openRunText } = await import('../handoff/openRun');
      openRunText(text, 'pasted text');
      setOpen(false);
      setText('');
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <span className="share">
      <button
        className="button"
        title="Paste TLC's log or error trace, ITF or TLC -dumpTrace JSON"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
      >
        Paste trace…
      </button>
      {open && (
        <span className="share__popover" role="dialog" aria-label="Paste a trace">
          <textarea
            className="share__paste"
            aria-label="Trace text"
            placeholder={'State 1: <Initial predicate>\n/\\ x = 0\n\nState 2: …'}
            rows={10}
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoFocus
          />
          {error && (
            <span className="trace-toolbar__error" role="alert">
              {error}
            </span>
          )}
          <span>
            <button
              className="button button--primary"
              onClick={() => void show()}
              disabled={!text.trim()}
            >
              Show trace
            </button>{' '}
            <button className="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </span>
        </span>
      )}
    </span>
  );
}

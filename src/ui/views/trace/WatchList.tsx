/**
 * Watch expressions: TLA+ expressions evaluated by the engine at every state of the trace (as in
 * TLC's trace explorer), shown as extra rows under the variables, with the value at the selected
 * state. An expression that fails shows its error in its own cell; the others are unaffected.
 * The expressions are kept with the model.
 */
import { useState, type FormEvent } from 'react';
import type { Trace } from '../../../check/contract/types';
import type { WatchCell } from '../../../check/explore/explore';
import { addWatch, removeWatch } from '../../explore/actions';
import { useApp } from '../../store';
import { ChangeMark } from './StateTree';

export function WatchList({ trace, index }: { trace: Trace; index: number }) {
  const watches = useApp((s) => s.model.watches);
  const results = useApp((s) => s.traceView.watchResults);
  const [draft, setDraft] = useState('');
  // Values computed for another trace (or before an edit) are not this trace's.
  const current = results?.trace === trace ? results : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (addWatch(draft)) setDraft('');
  };

  return (
    <section className="watches" aria-labelledby="watches-heading">
      <h4 id="watches-heading">Watches</h4>
      {watches.length > 0 && (
        <div className="watches__rows">
          <table className="watches__table">
            <tbody>
              {watches.map((expr) => {
                const row = current?.rows.find((r) => r.expr === expr);
                const cell = row?.cells[index];
                const before = index > 0 ? row?.cells[index - 1] : undefined;
                const changed = cell && before && cellText(cell) !== cellText(before);
                return (
                  <tr key={expr} data-change={changed ? 'changed' : undefined}>
                    <td className="watches__mark">
                      <ChangeMark change={changed ? 'changed' : undefined} />
                    </td>
                    <th scope="row">
                      <code>{expr}</code>
                    </th>
                    <td className="watches__value" data-testid="watch-value">
                      <WatchValue cell={cell} failed={current?.error !== undefined} />
                    </td>
                    <td className="watches__remove">
                      <button
                        className="vt-action"
                        aria-label={`Remove the watch ${expr}`}
                        onClick={() => removeWatch(expr)}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {current?.error && (
        <p className="watches__error" role="note">
          {current.error}
        </p>
      )}
      <form className="watches__form" onSubmit={submit}>
        <input
          aria-label="Watch expression"
          placeholder="A TLA+ expression to evaluate at every state"
          value={draft}
          spellCheck={false}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button className="button" type="submit" disabled={!draft.trim()}>
          Watch
        </button>
      </form>
    </section>
  );
}

const cellText = (cell: WatchCell) => ('error' in cell ? `!${cell.error}` : cell.text);

function WatchValue({ cell, failed }: { cell?: WatchCell; failed: boolean }) {
  if (!cell) return <span className="muted">{failed ? '—' : 'evaluating…'}</span>;
  if ('error' in cell) {
    return (
      <span className="watches__error">
        <span aria-hidden="true">⚠ </span>
        <span className="sr-only">Error: </span>
        {cell.error}
      </span>
    );
  }
  return <code className="watches__text">{cell.text}</code>;
}

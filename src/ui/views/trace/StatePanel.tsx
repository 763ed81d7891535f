/**
 * The selected state: how it was reached (the step's action, where it is defined, a lasso's loop),
 * its variables as a tree marked with what the step changed, and the watch expressions' values.
 */
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Trace } from '../../../check/contract/types';
import { formatLocation } from '../../engine/locations';
import { revealStepAction, setHidden } from '../../explore/actions';
import { ExploreFromHere } from '../../explore/ExploreFromHere';
import { useApp } from '../../store';
import { diffStates } from './stateDiff';
import { StateTree, type TreeActions } from './StateTree';
import { partsPage, treeRows } from './treeRows';
import type { TraceViolation } from './violation';
import { WatchList } from './WatchList';

interface StatePanelProps {
  trace: Trace;
  index: number;
  /** Set when this is the trace's failing state. */
  violation?: TraceViolation;
}

export function StatePanel({ trace, index, violation }: StatePanelProps) {
  const { onlyChanged, hidden, pinned } = useApp(
    useShallow((s) => ({
      onlyChanged: s.traceView.onlyChanged,
      hidden: s.traceView.hidden,
      pinned: s.traceView.pinned,
    })),
  );
  const state = trace.states[index];
  const previous = index > 0 ? trace.states[index - 1] : undefined;
  const diff = useMemo(
    () => diffStates(previous, state, trace.vars),
    [previous, state, trace.vars],
  );

  // Opened values, by row id: kept while stepping, so the same parts stay in view.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [shownParts, setShownParts] = useState<ReadonlyMap<string, number>>(() => new Map());
  const actions = useMemo<TreeActions>(
    () => ({
      toggle: (id) =>
        setExpanded((open) => {
          const next = new Set(open);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
      showMore: (id) =>
        setShownParts((shown) => new Map(shown).set(id, (shown.get(id) ?? partsPage) + partsPage)),
    }),
    [],
  );

  const ordered = [
    ...pinned.filter((v) => trace.vars.includes(v)),
    ...trace.vars.filter((v) => !pinned.includes(v)),
  ].filter((v) => !hidden.includes(v));
  const shown = onlyChanged ? ordered.filter((v) => diff.has(v) || pinned.includes(v)) : ordered;
  const hiddenHere = hidden.filter((v) => trace.vars.includes(v));
  const shownKey = shown.join('\u0000');
  const rows = useMemo(
    () =>
      treeRows({
        state,
        vars: shownKey ? shownKey.split('\u0000') : [],
        diff,
        expanded,
        shownParts,
        onlyChanged,
      }),
    [state, shownKey, diff, expanded, shownParts, onlyChanged],
  );

  return (
    <section className="state-panel" aria-label={`State ${index + 1}`}>
      <StepHeader trace={trace} index={index} changed={diff.size} />
      {violation && (
        <p className="state-panel__violation" role="note">
          ✗ {violation.text}
        </p>
      )}
      <StateTree rows={rows} pinned={pinned} actions={actions} />
      {onlyChanged && shown.length < ordered.length && (
        <p className="state-panel__note muted">
          {ordered.length - shown.length} unchanged variable
          {ordered.length - shown.length === 1 ? '' : 's'} not shown.
        </p>
      )}
      {hiddenHere.length > 0 && (
        <p className="state-panel__note">
          <span className="muted">Hidden:</span>{' '}
          {hiddenHere.map((v) => (
            <button key={v} className="chip" onClick={() => setHidden(v, false)}>
              {v} <span className="sr-only">(show)</span>
              <span aria-hidden="true">+</span>
            </button>
          ))}
        </p>
      )}
      <WatchList trace={trace} index={index} />
    </section>
  );
}

function StepHeader({ trace, index, changed }: { trace: Trace; index: number; changed: number }) {
  const source = useApp((s) => s.traceView.source);
  const step = trace.steps[index];
  const range = step?.range;
  const last = index === trace.states.length - 1;
  return (
    <header className="state-panel__header">
      <h3>
        State {index + 1}
        <span className="muted"> of {trace.states.length}</span>
      </h3>
      {step && <code className="state-panel__action">{step.label || step.action}</code>}
      {range && (
        <button
          className="link"
          title="Show the action's definition in the editor"
          onClick={() => revealStepAction(trace, index)}
        >
          {formatLocation(range)}
        </button>
      )}
      {index > 0 && (
        <span className="muted">
          {changed === 0
            ? 'nothing changed'
            : `${changed} variable${changed === 1 ? '' : 's'} changed`}
        </span>
      )}
      {source !== 'explore' && <ExploreFromHere trace={trace} index={index} />}
      {trace.loop === index && (
        <span className="state-panel__loop">↻ The behaviour loops back to this state</span>
      )}
      {last && trace.loop !== undefined && (
        <span className="state-panel__loop">↩ Next: back to state {trace.loop + 1}, forever</span>
      )}
    </header>
  );
}

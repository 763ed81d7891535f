/**
 * The steps of a trace, one row each: number, action label with its parameters, and where a lasso
 * loops back. Only the rows in view are in the DOM (virtualWindow.ts), so a trace of thousands of
 * steps opens and scrolls as fast as a short one. One row is in the tab order: the selected one.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { Trace } from '../../../check/contract/types';
import { revealStepAction, selectStep } from '../../explore/actions';
import { useScrollWindow } from './useScrollWindow';
import type { TraceViolation } from './violation';

/** Must match `.step-row`'s height in trace.css. */
export const STEP_ROW_HEIGHT = 26;

interface StepListProps {
  trace: Trace;
  selected: number;
  /** The failing state, marked in its row. */
  violation?: TraceViolation;
}

export function StepList({ trace, selected, violation }: StepListProps) {
  /** Whether the keyboard focus is in the list, so that it follows the selected row. */
  const focused = useRef(false);
  const lasso = trace.loop !== undefined;
  const count = trace.states.length + (lasso ? 1 : 0);
  const { box, onScroll, reveal, start, end } = useScrollWindow(STEP_ROW_HEIGHT, count);

  // The selected row is scrolled into view (keys, a link) before the browser paints.
  useLayoutEffect(() => {
    reveal(selected);
    if (focused.current) {
      box.current
        ?.querySelector<HTMLElement>('[aria-current="step"]')
        ?.focus({ preventScroll: true });
    }
  }, [selected, reveal, box]);

  const rows: number[] = [];
  for (let i = start; i < end; i++) rows.push(i);
  // The selected row stays rendered (and focusable) even while scrolled away.
  if (selected < count && (selected < start || selected >= end)) rows.push(selected);

  return (
    <div
      ref={box}
      className="step-list"
      onScroll={onScroll}
      onFocus={() => (focused.current = true)}
      onBlur={(e) => {
        // A row that scrolls out of the window is removed while focused: that is no leaving.
        if (e.relatedTarget && !e.currentTarget.contains(e.relatedTarget)) focused.current = false;
      }}
    >
      <ol aria-label="Steps" style={{ height: count * STEP_ROW_HEIGHT }}>
        {rows.map((i) =>
          i < trace.states.length ? (
            <StepRow
              key={i}
              index={i}
              count={count}
              label={trace.steps[i]?.label || trace.steps[i]?.action || '(no action)'}
              selected={i === selected}
              loopStart={trace.loop === i}
              violates={violation?.index === i ? violation.label : undefined}
              trace={trace}
            />
          ) : (
            <LoopBackRow key="loop" trace={trace} index={i} count={count} />
          ),
        )}
      </ol>
    </div>
  );
}

interface StepRowProps {
  index: number;
  count: number;
  label: string;
  selected: boolean;
  loopStart: boolean;
  /** What this state violates (the failing state of the trace). */
  violates?: string;
  trace: Trace;
}

const StepRow = memo(function StepRow({
  index,
  count,
  label,
  selected,
  loopStart,
  violates,
  trace,
}: StepRowProps) {
  return (
    <li
      className="step-row"
      style={{ top: index * STEP_ROW_HEIGHT }}
      aria-posinset={index + 1}
      aria-setsize={count}
    >
      <button
        className="step-row__button"
        data-violates={violates}
        aria-current={selected ? 'step' : undefined}
        tabIndex={selected ? 0 : -1}
        title={label}
        onClick={() => {
          selectStep(index);
          revealStepAction(trace, index);
        }}
      >
        <span className="step-row__index">{index + 1}</span>
        <span className="step-row__label">{label}</span>
        {violates && (
          <span className="step-row__violation" title={`This state violates ${violates}`}>
            ✗ {violates}
            <span className="sr-only"> violated here</span>
          </span>
        )}
        {loopStart && (
          <span className="step-row__loop" title="The behaviour loops back to this state">
            ↻<span className="sr-only"> loop starts here</span>
          </span>
        )}
      </button>
    </li>
  );
});

/** The lasso's last edge: after the last state, the behaviour goes back to state `loop`. */
function LoopBackRow({ trace, index, count }: { trace: Trace; index: number; count: number }) {
  const target = trace.loop!;
  const closing = trace.steps[trace.states.length];
  return (
    <li
      className="step-row step-row--loop"
      style={{ top: index * STEP_ROW_HEIGHT }}
      aria-posinset={index + 1}
      aria-setsize={count}
    >
      <button className="step-row__button" tabIndex={-1} onClick={() => selectStep(target)}>
        <span className="step-row__index" aria-hidden="true">
          ↩
        </span>
        <span className="step-row__label">
          Back to state {target + 1}
          {closing ? `: ${closing.label || closing.action}` : ''}
        </span>
      </button>
    </li>
  );
}

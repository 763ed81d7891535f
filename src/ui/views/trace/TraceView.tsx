/**
 * A plain trace view: the steps of the trace by label, and the selected state as TLA+ text with
 * the variables that changed marked. The richer trace viewer will take this place.
 */
import { appStore, useApp } from '../../store';
import { useTrace } from '../useTrace';
import { printValue } from '../../../formats/tla-value';
import { canonicalKey } from '../../../formats/trace-value';

export default function TraceView() {
  const trace = useTrace();
  const selected = useApp((s) => s.selectedStep);
  if (!trace || trace.states.length === 0) {
    return (
      <p className="muted view-empty">
        No trace: a check that finds an error shows its trace here.
      </p>
    );
  }
  const index = Math.min(selected, trace.states.length - 1);
  const state = trace.states[index];
  const previous = index > 0 ? trace.states[index - 1] : undefined;

  return (
    <div className="trace-view">
      <ol className="trace-steps" aria-label="Steps">
        {trace.steps.map((step, i) => (
          <li key={i}>
            <button
              className="trace-step"
              aria-current={i === index || undefined}
              onClick={() => appStore.getState().selectStep(i)}
            >
              <span className="trace-step__index">{i + 1}</span>
              <span className="trace-step__label">{step.label}</span>
              {trace.loop === i && <span className="trace-step__loop"> ← loop</span>}
            </button>
          </li>
        ))}
      </ol>
      <pre className="trace-state" aria-label={`State ${index + 1}`}>
        {trace.vars.map((name) => {
          const text = printValue(state[name]);
          const changed =
            previous !== undefined && canonicalKey(previous[name]) !== canonicalKey(state[name]);
          return (
            <div key={name} className={changed ? 'trace-state__changed' : undefined}>
              /\ {name} = {text}
            </div>
          );
        })}
      </pre>
    </div>
  );
}

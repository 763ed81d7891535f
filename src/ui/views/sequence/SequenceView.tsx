/** Placeholder for the sequence diagram view (another issue). */
import { useTrace } from '../useTrace';

export default function SequenceView() {
  const trace = useTrace();
  return (
    <div className="view-empty">
      <p>The sequence diagram view is not built yet.</p>
      <p className="muted">
        {trace
          ? `It will draw the ${trace.steps.length} steps of the current trace.`
          : 'It will draw the steps of a trace between the processes they name.'}
      </p>
    </div>
  );
}

/**
 * The warning for a check that keeps getting deeper (src/ui/engine/unbounded.ts): the depth it
 * reached, the variables seen growing along random behaviours, and what to do about them.
 */
import { useApp } from '../store';
import { formatCount } from './numbers';

export function GrowthNotice() {
  const growth = useApp((s) => s.run.growth);
  const budget = useApp((s) => s.model.memoryBudgetMb);
  const running = useApp((s) => s.run.status === 'running');
  if (!growth) return null;
  const { variables } = growth;
  return (
    <div className="growth-notice" role="alert" data-testid="growth-warning">
      <p>
        <strong>The search keeps getting deeper</strong> (depth {formatCount(growth.depth)} with{' '}
        {formatCount(growth.distinctStates)} states): a variable is likely unbounded.
      </p>
      {variables === undefined && (
        <p className="muted">
          {growth.unnamed === 'stopped'
            ? 'The run was stopped before the variable that grows was found.'
            : 'Looking for the variable that grows…'}
        </p>
      )}
      {variables && variables.length > 0 && (
        <ul>
          {variables.map((v) => (
            <li key={v.name}>
              <code>{v.name}</code> grows along random behaviours: <code>{v.from}</code> →{' '}
              <code>{v.to}</code> in {v.steps} steps.
            </li>
          ))}
        </ul>
      )}
      {variables && variables.length === 0 && (
        <p>No single variable was seen growing in a few random behaviours.</p>
      )}
      <p className="muted">
        Bound it (a <code>CONSTRAINT</code> in the .cfg, or a limit in the action that grows it)
        {running
          ? `, or cancel; otherwise the check stops at its memory budget (${formatCount(budget)} MiB).`
          : '.'}
      </p>
    </div>
  );
}

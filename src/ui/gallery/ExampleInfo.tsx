/**
 * The side panel's account of the open example: what it shows and what to look at, its known
 * result and, for an exercise, the goal with hints and the Check goal button.
 */
import type { ExampleMeta, Goal } from '../examples';
import { useApp } from '../store';
import { checkGoal } from './checkGoal';
import { describeExpected } from './expected';
import {
  galleryStore,
  openExample,
  showNextHint,
  useCurrentExample,
  useGallery,
} from './galleryState';
import { RichText } from './RichText';
import './gallery.css';

export function ExampleInfo() {
  const files = useApp((s) => s.files);
  const infoOpen = useGallery((s) => s.infoOpen);
  const example = useCurrentExample();
  if (!example) return null;
  return (
    <section className="panel-section example-info" aria-labelledby="example-info-heading">
      <details
        open={infoOpen}
        onToggle={(e) => galleryStore.setState({ infoOpen: e.currentTarget.open })}
      >
        <summary>
          <h2 id="example-info-heading">Example</h2>{' '}
          <span className="example-info__title">{example.title}</span>
        </summary>
        {example.description.map((p, i) => (
          <p key={i} className="example-info__text">
            <RichText text={p} />
          </p>
        ))}
        <p className="example-info__expected">
          As shipped:{' '}
          <span data-verdict={example.expected.verdict}>{describeExpected(example.expected)}</span>
        </p>
      </details>
      {example.goal && <Exercise example={example} goal={example.goal} files={files} />}
    </section>
  );
}

function Exercise({
  example,
  goal,
  files,
}: {
  example: ExampleMeta;
  goal: Goal;
  files: Record<string, string>;
}) {
  const hintsShown = useGallery((s) => s.hintsShown[example.id] ?? 0);
  const goalCheck = useGallery((s) =>
    s.goalCheck?.exampleId === example.id ? s.goalCheck : undefined,
  );
  const running = useApp((s) => s.run.status === 'running');
  const stale = goalCheck?.verdict && goalCheck.files !== files;

  return (
    <div className="exercise" role="region" aria-label="Exercise">
      <h3>Exercise</h3>
      <p className="exercise__task">
        <RichText text={goal.task} />
      </p>
      <div className="exercise__actions">
        <button
          className="button button--primary"
          disabled={running || goalCheck?.checking}
          onClick={() => void checkGoal(example)}
        >
          Check goal
        </button>
        {hintsShown < goal.hints.length && (
          <button className="button" onClick={() => showNextHint(example)}>
            {hintsShown === 0 ? 'Show a hint' : 'Another hint'} ({hintsShown + 1} of{' '}
            {goal.hints.length})
          </button>
        )}
      </div>
      <div className="exercise__verdict" role="status" aria-live="polite">
        {goalCheck?.checking && <p className="muted">Checking the goal…</p>}
        {goalCheck?.verdict && (
          <div
            className="goal-verdict"
            data-met={goalCheck.verdict.met}
            data-stale={stale || undefined}
          >
            <p className="goal-verdict__headline">
              <strong>{goalCheck.verdict.met ? 'Goal met.' : 'Goal not met.'}</strong>{' '}
              {goalCheck.verdict.met ? (
                goalCheck.verdict.headline.replace(/^Goal met: /, '')
              ) : (
                <RichText text={goalCheck.verdict.headline} />
              )}
            </p>
            {goalCheck.verdict.reasons.length > 1 && (
              <ul>
                {goalCheck.verdict.reasons.slice(1).map((r) => (
                  <li key={r}>
                    <RichText text={r} />
                  </li>
                ))}
              </ul>
            )}
            {stale && <p className="muted">The files have changed since: check again.</p>}
          </div>
        )}
      </div>
      {hintsShown > 0 && (
        <ol className="exercise__hints" aria-label="Hints">
          {goal.hints.slice(0, hintsShown).map((h) => (
            <li key={h}>
              <RichText text={h} />
            </li>
          ))}
        </ol>
      )}
      <details className="exercise__solution">
        <summary>Solution</summary>
        {goal.solution.map((edit, i) => (
          <div key={i}>
            <p className="muted">In {edit.file}, replace</p>
            <pre>{edit.find.trimEnd()}</pre>
            <p className="muted">with</p>
            <pre>{edit.replace.trimEnd()}</pre>
          </div>
        ))}
        <button
          className="button"
          onClick={() => {
            if (confirm(`Start ${example.id} over? Your changes to its files are lost.`))
              void openExample(example);
          }}
        >
          Start over
        </button>
      </details>
    </div>
  );
}

/**
 * The Check goal button: the goal's terms first (goalPreflight), then an ordinary check through
 * the pool (runCheck, so the result and its trace show as after Run), then the verdict.
 */
import { loadExample, type ExampleMeta } from '../examples';
import { runCheck } from '../engine/runCheck';
import { appStore } from '../store';
import { galleryStore } from './galleryState';

export async function checkGoal(meta: ExampleMeta): Promise<void> {
  const goal = meta.goal;
  if (!goal || appStore.getState().run.status === 'running') return;
  if (galleryStore.getState().goalCheck?.checking) return;
  // The shipped files: the definitions the goal keeps are compared with them.
  const example = await loadExample(meta);
  // The goal's judge (definitions compared as text) loads on the first Check goal.
  const { goalPreflight, judgeGoal } = await import('./goal');
  const state = appStore.getState();
  const files = state.files;
  const exampleId = example.id;
  const reasons = goalPreflight(example, goal, state);
  if (reasons.length > 0) {
    galleryStore.setState({
      goalCheck: {
        exampleId,
        files,
        checking: false,
        verdict: { met: false, headline: reasons[0], reasons },
      },
    });
    return;
  }
  galleryStore.setState({ goalCheck: { exampleId, files, checking: true } });
  try {
    await runCheck();
  } finally {
    const verdict = judgeGoal(goal, appStore.getState().run);
    galleryStore.setState({ goalCheck: { exampleId, files, checking: false, verdict } });
  }
}

/**
 * The Check goal button: the goal's terms first (goalPreflight), then an ordinary check through
 * the pool (runCheck, so the result and its trace show as after Run), then the verdict.
 */
import type { Example } from '../examples';
import { runCheck } from '../engine/runCheck';
import { appStore } from '../store';
import { goalPreflight, judgeGoal } from './goal';
import { galleryStore } from './galleryState';

export async function checkGoal(example: Example): Promise<void> {
  const goal = example.goal;
  const state = appStore.getState();
  if (!goal || state.run.status === 'running' || galleryStore.getState().goalCheck?.checking)
    return;
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

/**
 * Per-pair channels in the sequence diagram, as LamportMutex's network[p][q] holds them: each
 * arrow is one message from its sender to its receiver, received where it leaves its channel;
 * never a whole queue (`<<>>`, `<<[kind |-> …`) and no dangling arrows.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { openAsProject, runButton, threeShots, verdict } from './open-spec';

const spec = (name: string) => readFileSync(new URL(`./specs/${name}`, import.meta.url), 'utf8');

test('network[p][q]: one message per arrow, sender to receiver', async ({ page, errors }) => {
  await page.goto('/');
  await openAsProject(page, [
    { name: 'PingPong.tla', text: spec('PingPong.tla') },
    { name: 'PingPong.cfg', text: spec('PingPong.cfg') },
  ]);
  await runButton(page).click();
  await expect(verdict(page)).toHaveText('Invariant violated: NoRoundTrip', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Sequence' }).click();

  await expect(page.locator('.sq-svg .sq-lane-name')).toHaveText(['1', '2', '3']);
  await expect(page.locator('.sq-header')).toContainText(
    '2 message arrows (2 received) · messages in network',
  );
  const labels = page.locator('.sq-svg .sq-label');
  await expect(labels).toHaveText(['ping seq=0', 'pong seq=0']);
  // No arrow carries a queue, and none is left dangling (in flight, or never received).
  for (const text of await labels.allTextContents()) expect(text).not.toMatch(/^<</);
  await expect(
    page.locator('.sq-svg .sq-arrow--in-flight, .sq-svg .sq-arrow--not-received'),
  ).toHaveCount(0);

  // The mapping panel shows what was read: channels under two keys, sender then receiver.
  await page.getByRole('button', { name: 'Mapping…' }).click();
  const panel = page.getByRole('form', { name: 'Sequence mapping' });
  await expect(panel.getByLabel('held as')).toHaveValue('nested');
  await expect(panel.getByLabel('Key 1 names')).toHaveValue('sender');
  await expect(panel.getByLabel('Key 2 names')).toHaveValue('receiver');
  // Room to look at it: the view takes the main area.
  await page.getByRole('button', { name: 'Views only (editor folded)' }).click();
  await threeShots(page, 'sequence-pingpong', () => page.locator('.view-area'));

  // Read the other way round, the same arrows point back: the mapping is the user's to correct.
  await panel.getByLabel('Key 1 names').selectOption('receiver');
  await panel.getByLabel('Key 2 names').selectOption('sender');
  await expect(page.locator('.sq-header')).toContainText('2 message arrows');
  expect(errors).toEqual([]);
});

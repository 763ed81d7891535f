import { artifacts, editorText, expect, test } from './fixtures';

test('simulates DieHard in the workers and opens the violating behaviour in the trace view', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await editorText(page);
  await page.getByRole('button', { name: 'Simulate' }).click();
  const result = page.getByTestId('result');
  await expect(result).toContainText('Invariant violated: NotSolved', { timeout: 30_000 });
  const stats = page.getByTestId('simulation-stats');
  await expect(stats).toContainText(/Seed\s*\d+/);
  await expect(stats).toContainText(/Failing behaviour\s*#\d+/);
  // The step list is virtualised: go to the last step with End rather than counting rows.
  await page.getByRole('list', { name: 'Steps' }).getByRole('button').first().click();
  await page.keyboard.press('End');
  const position = page.getByText(/^\d+ \/ \d+$/);
  await expect.poll(async () => new Set((await position.textContent())!.split(' / ')).size).toBe(1);
  const total = (await position.textContent())!.split(' / ')[1];
  expect(Number(total)).toBeGreaterThan(1);
  await expect(page.getByLabel(`State ${total}`)).toContainText('big = 4');
  await page.screenshot({ path: `${artifacts}simulate.png` });
  expect(errors).toEqual([]);
});

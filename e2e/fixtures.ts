/**
 * A page that records console errors and uncaught exceptions, starting from an empty
 * localStorage so that each test sees the app as a new user does.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export const artifacts = new URL('./artifacts/', import.meta.url).pathname;

export const test = base.extend<{ errors: string[] }>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error.stack ?? error)));
    await use(errors);
  },
});

export { expect };

/** Waits for Monaco to render the active file's text. */
export async function editorText(page: Page): Promise<string> {
  const lines = page.locator('[data-testid=editor] .view-lines');
  await expect(lines).toBeVisible();
  return (await lines.innerText()).replace(/\u00a0/g, ' ');
}

/**
 * Opens the playground (DieHard, the example loaded at start), checks it, and waits for the
 * violation of NotSolved and its 7-step trace; returns the trace's step buttons.
 */
export async function checkDieHard(page: Page): Promise<Locator> {
  await page.goto('/');
  await editorText(page);
  await page.getByRole('button', { name: 'Run TLC check' }).click();
  await expect(page.getByTestId('result')).toContainText('Invariant violated: NotSolved', {
    timeout: 30_000,
  });
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps).toHaveCount(7);
  return steps;
}

/** Clicks through the theme cycle (system → light → dark) to an explicit setting. */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const button = page.getByRole('button', { name: /^Theme:/ });
  while ((await button.textContent()) !== `Theme: ${theme}`) await button.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

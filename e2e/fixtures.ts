/**
 * A page that records console errors and uncaught exceptions, starting from an empty
 * localStorage so that each test sees the app as a new user does.
 */
import { test as base, expect, type Page } from '@playwright/test';

export const artifacts = new URL('./artifacts/', import.meta.url).pathname;

export const test = base.extend<{ errors: string[] }>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
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

/** Clicks through the theme cycle (system → light → dark) to an explicit setting. */
export async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const button = page.getByRole('button', { name: /^Theme:/ });
  while ((await button.textContent()) !== `Theme: ${theme}`) await button.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

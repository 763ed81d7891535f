/**
 * A share link carries its author's verdict: whoever opens it sees what was found (not a bare
 * behaviour in Explore), as a claim in no verdict's colour, and can check it again here; a link
 * whose claim the spec does not bear out is contradicted by the re-check; TLC's warning beside a
 * verdict (liveness under SYMMETRY) travels with it.
 */
import type { Browser, Page } from '@playwright/test';
import { checkDieHard, expect, test } from './fixtures';
import { openAsProject, runButton, threeShots, verdict } from './open-spec';

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const field = page.getByTestId('share-url');
  await expect(field).toHaveValue(/#share=[A-Za-z0-9_-]+$/, { timeout: 20_000 });
  const url = await field.inputValue();
  await page.keyboard.press('Escape');
  return url;
}

async function openFresh(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await expect(page.getByTestId('share-banner')).toContainText('Opened a shared behaviour', {
    timeout: 30_000,
  });
  return { page, context, errors };
}

test('the recipient sees the verdict, as a claim, and confirms it with one click', async ({
  page,
  browser,
  errors,
}) => {
  const steps = await checkDieHard(page);
  await steps.nth(4).click();
  const url = await shareLink(page);

  const fresh = await openFresh(browser, url);
  const claim = fresh.page.getByTestId('shared-claim');
  await expect(claim).toContainText(
    'The link says its author’s check found: Invariant violated: NotSolved (14 distinct states, depth 7), with the behaviour shown as its counterexample.',
  );
  await expect(claim).toContainText('Not yet checked here.');
  await expect(fresh.page.getByTestId('share-banner')).toContainText('re-check it here');
  // A claim is not a result: not in a verdict's colour, and no verdict box yet.
  await expect(fresh.page.getByTestId('result')).toHaveCount(0);
  await threeShots(fresh.page, 'share-claim');

  await claim.getByRole('button', { name: 'Re-check here' }).click();
  await expect(claim.getByRole('status')).toHaveText(
    '✓ Confirmed: the check here finds the same.',
    {
      timeout: 30_000,
    },
  );
  await expect(verdict(fresh.page)).toHaveText('Invariant violated: NotSolved');
  await threeShots(fresh.page, 'share-claim-confirmed', () => fresh.page.locator('.results'));
  await fresh.context.close();
  expect(fresh.errors).toEqual([]);
  expect(errors).toEqual([]);
});

test('a link that claims a pass the spec does not have is contradicted by the re-check', async ({
  page,
  browser,
}) => {
  await checkDieHard(page);
  const url = await shareLink(page);
  // Someone edits the link's claim: "no error found".
  const forged = await page.evaluate(async (link) => {
    const payload = link.slice(link.indexOf('#share=') + 7);
    const b64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) =>
      c.charCodeAt(0),
    );
    const inflate = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const wire = JSON.parse(await new Response(inflate).text());
    wire.r = { result: 'success', distinctStates: 14, depth: 7 };
    const deflate = new Blob([JSON.stringify(wire)])
      .stream()
      .pipeThrough(new CompressionStream('deflate-raw'));
    const out = new Uint8Array(await new Response(deflate).arrayBuffer());
    const text = btoa(String.fromCharCode(...out))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
    return `${link.slice(0, link.indexOf('#share='))}#share=${text}`;
  }, url);

  const fresh = await openFresh(browser, forged);
  const claim = fresh.page.getByTestId('shared-claim');
  await expect(claim).toContainText('found: No error found (14 distinct states, depth 7)');
  // Shown as a claim: nothing green on the page before a check here.
  await expect(fresh.page.locator('[data-tone="pass"]')).toHaveCount(0);
  await claim.getByRole('button', { name: 'Re-check here' }).click();
  await expect(claim.getByRole('status')).toHaveText(
    '⚠ The check here finds otherwise: Invariant violated: NotSolved.',
    { timeout: 30_000 },
  );
  await threeShots(fresh.page, 'share-claim-differs', () => fresh.page.locator('.results'));
  await fresh.context.close();
});

test('a verdict with TLC’s warning (liveness under SYMMETRY) opens with the warning', async ({
  page,
  browser,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, [
    {
      name: 'SymLive.tla',
      text:
        '---- MODULE SymLive ----\nEXTENDS TLC\nCONSTANT P\nVARIABLE done\n' +
        'Init == done = [p \\in P |-> FALSE]\n' +
        "Hit(p) == ~done[p] /\\ done' = [done EXCEPT ![p] = TRUE]\n" +
        'Spec == Init /\\ [][\\E p \\in P : Hit(p)]_done /\\ \\A p \\in P : WF_done(Hit(p))\n' +
        'Live == <>(\\A p \\in P : done[p])\nSym == Permutations(P)\n====\n',
    },
    {
      name: 'SymLive.cfg',
      text: 'CONSTANT P = {a, b}\nSPECIFICATION Spec\nCHECK_DEADLOCK FALSE\nPROPERTY Live\nSYMMETRY Sym\n',
    },
  ]);
  await runButton(page).click();
  await expect(verdict(page)).toHaveText(/No error found/, { timeout: 30_000 });
  const url = await shareLink(page);

  const context = await browser.newContext();
  const fresh = await context.newPage();
  const freshErrors: string[] = [];
  fresh.on('pageerror', (e) => freshErrors.push(String(e)));
  await fresh.goto(url);
  await expect(fresh.getByTestId('share-banner')).toContainText('Opened a shared spec', {
    timeout: 30_000,
  });
  await expect(fresh.getByTestId('shared-claim')).toContainText('found: No error found');
  await expect(fresh.getByTestId('shared-claim-warning')).toContainText(
    'Warning: Declaring symmetry during liveness checking is dangerous.',
  );
  await threeShots(fresh, 'share-claim-warning', () => fresh.locator('.results'));
  await context.close();
  expect(freshErrors).toEqual([]);
  expect(errors).toEqual([]);
});

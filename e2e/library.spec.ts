/**
 * The library modules ship with the engine: a spec that extends Bags, SequencesExt, Functions and
 * FiniteSetsExt, dropped in as a user would bring it with no other file, gets no "unknown module"
 * in the editor, and checks in the browser's worker to the violation TLC finds.
 */
import { artifacts, expect, test } from './fixtures';
import { openAsProject, runButton } from './open-spec';

const SPEC = `---- MODULE Inventory ----
EXTENDS Naturals, Sequences, Bags, SequencesExt, Functions, FiniteSetsExt
VARIABLES orders, stock
Items == {"apple", "pear"}
Init == orders = <<>> /\\ stock = EmptyBag
Next == \\/ /\\ Len(orders) < 3
           /\\ \\E i \\in Items : orders' = Append(orders, i) /\\ stock' = stock (+) SetToBag({i})
        \\/ /\\ orders # <<>>
           /\\ orders' = Tail(orders) /\\ stock' = stock (-) SetToBag({Head(orders)})
Consistent == ToSet(orders) = Range(orders) /\\ BagToSet(stock) = ToSet(orders)
SmallStock == BagCardinality(stock) + SumSet({CopiesIn(i, stock) : i \\in Items}) < 6
====
`;
const CFG = 'INIT Init\nNEXT Next\nINVARIANT Consistent SmallStock\n';

test('a spec extending Bags, SequencesExt and Functions checks with no library path', async ({
  page,
  errors,
}) => {
  await page.goto('/');
  await openAsProject(page, [
    { name: 'Inventory.tla', text: SPEC },
    { name: 'Inventory.cfg', text: CFG },
  ]);
  // The language worker knows the library: no diagnostic for the EXTENDS line or the operators.
  await page.waitForTimeout(1500);
  await expect(page.locator('[data-testid=editor] .squiggly-error')).toHaveCount(0);
  await runButton(page).click();
  // TLC: SmallStock is violated after three orders of one item (3 + 3 copies), in 4 states.
  await expect(page.getByTestId('result')).toContainText('Invariant violated: SmallStock', {
    timeout: 60_000,
  });
  await expect(page.getByTestId('result')).not.toContainText('not built into');
  const steps = page.getByRole('list', { name: 'Steps' }).getByRole('button');
  await expect(steps).toHaveCount(4);
  await page.screenshot({ path: `${artifacts}library-bags-seqext.png` });
  expect(errors).toEqual([]);
});

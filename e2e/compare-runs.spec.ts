// A data scientist filters the demo sweep, picks three runs and compares them.
import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

test('filter runs, select three, compare: charts, parallel coordinates and differences', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  await signIn(page, 'ana.silva@quorum.demo', '/experiments');
  await page.getByRole('link', { name: 'churn-classifier' }).first().click();
  await expect(page.getByText(/160 runs/)).toBeVisible();

  // An invalid filter is explained in place and keeps the page usable.
  const filter = page.getByLabel('Filter runs');
  await filter.fill('metrics.val_auc >> 0.8');
  await filter.press('Enter');
  await expect(page.getByText(/column 18/)).toBeVisible();
  await expect(filter).toHaveAttribute('aria-invalid', 'true');

  await filter.fill('params.max_depth IN ("5", "6", "7") AND metrics.val_auc > 0.8');
  await filter.press('Enter');
  await expect(filter).not.toHaveAttribute('aria-invalid', 'true');
  const matching = page.getByText(/^\d+ runs? match/);
  await expect(matching).toBeVisible();
  const count = Number((await matching.textContent())!.match(/\d+/)![0]);
  expect(count).toBeGreaterThanOrEqual(3);
  expect(count).toBeLessThan(160);

  const boxes = page.getByRole('checkbox', { name: /^Select run / });
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.getByRole('button', { name: 'Compare' }).click();

  await expect(page).toHaveURL(/\/compare\?.*runs=[0-9a-f]{32}(%2C|,)[0-9a-f]{32}(%2C|,)[0-9a-f]{32}/);
  await expect(page.getByRole('heading', { name: /Compare 3 runs/ })).toBeVisible();

  // Metric charts draw a line per run.
  const auc = page.getByRole('region', { name: 'Chart of val_auc' });
  await expect(auc).toBeVisible();
  await expect(auc.locator('.recharts-line path.recharts-curve').first()).toBeVisible();
  expect(await auc.locator('.recharts-line').count()).toBeGreaterThanOrEqual(3);

  await expect(page.getByRole('img', { name: 'Parallel coordinates plot' })).toBeVisible();

  const table = page.getByRole('table', { name: 'Params and metrics' });
  await expect(table).toBeVisible();
  await expect(page.getByLabel('Only show differences')).toBeChecked();
  // Every run shares the sweep tag value, so only-differences hides params equal across runs.
  await expect(table.getByRole('rowheader', { name: 'learning_rate' })).toBeVisible();
  await expect(table.locator('.best').first()).toBeVisible();

  expect(errors).toEqual([]);
});

// A data engineer compares the training data with November's scoring data.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './sign-in';

/** Chooses the option whose text contains `text` in the select labelled `label`. */
async function choose(page: Page, label: string, text: string) {
  const select = page.getByLabel(label);
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}

test('data engineer sees per-feature drift, overlays and the dataset verdict', async ({ page }) => {
  await signIn(page, 'dara.okoye@quorum.demo', '/data');
  await choose(page, 'Reference', 'churn-train');
  await choose(page, 'Current', '2026-11-01');
  await expect(page.getByText(/Dataset drift detected/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'tenure_months' }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Distribution of tenure_months' })).toBeVisible();

  await choose(page, 'Current', 'churn-eval');
  await expect(page.getByText(/No dataset drift/)).toBeVisible();
});

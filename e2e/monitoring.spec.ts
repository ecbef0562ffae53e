// An MLOps engineer sets up monitoring for a model: an alert rule with a retraining webhook,
// whose signing secret is shown once; a product owner reads the page but may not change it.
import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

test('an MLOps engineer creates an alert rule with a webhook and sees its secret once', async ({ page }) => {
  await signIn(page, 'marco.rossi@quorum.demo', '/monitoring');
  await page.getByRole('navigation', { name: 'Models' }).getByRole('link', { name: /demand-forecaster/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'demand-forecaster' })).toBeVisible();

  await page.getByRole('button', { name: 'New rule' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Metric').selectOption('latency_p95');
  await dialog.getByLabel('Threshold').fill('-5');
  await dialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(dialog.getByText(/The threshold must be at least 0/)).toBeVisible();

  await dialog.getByLabel('Threshold').fill('300');
  await dialog.getByLabel('Windows in a row').fill('3');
  await dialog.getByLabel('Retraining webhook URL (optional)').fill('not a url');
  await dialog.getByRole('button', { name: 'Create rule' }).click();
  await expect(dialog.getByText('The webhook is an http(s) URL')).toBeVisible();

  await dialog.getByLabel('Retraining webhook URL (optional)').fill('https://ci.example.com/hooks/retrain-demand');
  await dialog.getByRole('button', { name: 'Create rule' }).click();
  const secretDialog = page.getByRole('dialog', { name: /Signing secret/ });
  await expect(secretDialog.getByText(/^whsec_/)).toBeVisible();
  await expect(secretDialog.getByText(/shown only once/)).toBeVisible();
  await secretDialog.getByRole('button', { name: 'I have stored it' }).click();

  const rules = page.getByRole('region', { name: /Alert rules/ });
  const row = rules.getByRole('row', { name: /p95 latency > 300 ms for 3 windows in a row/ });
  await expect(row).toContainText('https://ci.example.com/hooks/retrain-demand');
  await expect(page.getByText(/whsec_/)).toHaveCount(0);
  await row.getByRole('button', { name: /^Disable / }).click();
  await expect(row.getByRole('button', { name: /^Enable / })).toBeVisible();
});

test('a product owner reads monitoring but may not change rules or acknowledge', async ({ page }) => {
  await signIn(page, 'paul.meyer@quorum.demo', '/monitoring');
  await expect(page.getByRole('heading', { name: /Open alerts/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New rule' })).toBeDisabled();
  await expect(page.getByText(/You can read the rules but not change them/)).toBeVisible();
});

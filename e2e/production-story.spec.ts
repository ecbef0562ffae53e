// The demo's 60 days of production as two people see them: the product owner reads the
// KPI board with the promotions that moved each number marked on its chart; the MLOps
// engineer finds the drift alert on fraud-detector and the retraining trigger it sent.
import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

test('the product owner sees each KPI against its target with the promotions marked on its chart', async ({ page }) => {
  await signIn(page, 'paul.meyer@quorum.demo', '/kpis');
  const churn = page.getByRole('article', { name: 'Monthly churn rate' });
  await expect(churn).toBeVisible();
  await expect(churn.getByText('churn-classifier', { exact: true })).toBeVisible();
  // Both promotions of the linked model are marked on the chart.
  const chart = churn.getByRole('figure', { name: /Monthly churn rate over/ });
  await expect(chart.getByText('v1 → production', { exact: true })).toBeVisible();
  await expect(chart.getByText('v2 → production', { exact: true })).toBeVisible();
  // The fraud KPI shows the rollback too.
  const losses = page.getByRole('article', { name: 'Fraud losses' });
  await expect(losses.getByRole('figure', { name: /Fraud losses over/ }).getByText(/^↩ v1$/)).toBeVisible();

  // Before and after a promotion, on the KPI's page.
  await churn.getByRole('link', { name: /Details/ }).click();
  const beforeAfter = page.getByRole('region', { name: 'Before and after a model change' });
  const v2 = await beforeAfter.getByRole('option', { name: /v2 → production/ }).innerText();
  await beforeAfter.getByLabel('Change').selectOption({ label: v2 });
  await beforeAfter.getByRole('button', { name: '28 days' }).click();
  await expect(beforeAfter.getByText('mean of 28 days').first()).toBeVisible();
  // Churn fell after v2 went live: better, for a KPI where lower is better.
  await expect(beforeAfter.getByRole('definition').filter({ hasText: /^Better$/ })).toBeVisible();
});

test('the MLOps engineer sees the drift alert on fraud-detector and the trigger it delivered', async ({ page }) => {
  await signIn(page, 'marco.rossi@quorum.demo', '/monitoring');
  await page.getByRole('navigation', { name: 'Models' }).getByRole('link', { name: /fraud-detector/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'fraud-detector' })).toBeVisible();

  const alerts = page.getByRole('region', { name: /Open alerts/ });
  await alerts.getByText('Resolved in this range').click();
  await expect(alerts.getByText(/drift on .*amount.* crossed 0\.2/).first()).toBeVisible();

  const triggers = page.getByRole('region', { name: /Retraining triggers/ });
  await expect(triggers.getByText('Delivered').first()).toBeVisible();
  await expect(triggers.getByText(/drift on .*amount.* crossed 0\.2/).first()).toBeVisible();
  await expect(triggers.getByRole('cell', { name: '202' }).first()).toBeVisible();
});

// A product owner defines a KPI, uploads its daily values from a CSV (a bad file is refused
// line by line and nothing is sent), and links a comment to a pending promotion request,
// where the compliance lead reads it as evidence. Other roles read the board but may not define KPIs.
import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() - offset * DAY).toISOString().slice(0, 10);

test('a product owner defines a KPI, uploads values and backs a promotion request with a comment', async ({ page }) => {
  await signIn(page, 'paul.meyer@quorum.demo', '/kpis');
  await page.getByRole('button', { name: 'New KPI' }).click();
  const dialog = page.getByRole('dialog', { name: 'New KPI' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('E2E trial conversion');
  await dialog.getByRole('textbox', { name: 'Target' }).fill('4.2');
  await dialog.getByRole('textbox', { name: /Unit/ }).fill('%');
  await dialog.getByLabel('churn-classifier').check();
  await dialog.getByRole('button', { name: 'Create KPI' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /E2E trial conversion/ })).toBeVisible();
  await expect(page.getByText('No values yet')).toBeVisible();

  await page.getByRole('button', { name: 'Upload CSV' }).click();
  const file = page.getByLabel('CSV file');
  await file.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`day,value\n${day(2)},4.1\n${day(1)},abc\n`) });
  await expect(page.getByRole('alert')).toContainText("line 3: 'abc' is not a number");
  await expect(page.getByRole('alert')).toContainText('Nothing was sent');

  const rows = Array.from({ length: 30 }, (_, i) => `${day(30 - i)},${(4 + i * 0.01).toFixed(2)}`);
  await file.setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(`day,value\n${rows.join('\n')}\n`) });
  await expect(page.getByText(/30 days from .*: 30 days new/)).toBeVisible();
  await page.getByRole('button', { name: 'Upload 30 days to E2E trial conversion' }).click();
  await expect(page.getByText('Recorded 30 days from good.csv.')).toBeVisible();
  await expect(page.getByRole('figure', { name: /E2E trial conversion since/ })).toBeVisible();

  await page.getByRole('textbox', { name: 'Comment' }).fill('Conversion is steady; fine to promote from the product side.');
  const link = page.getByLabel('Link to promotion request');
  const pending = link.locator('optgroup[label="Open"] option').first();
  const label = (await pending.textContent()) ?? '';
  const requestId = /^#(\d+)/.exec(label)?.[1];
  expect(requestId).toBeTruthy();
  await link.selectOption({ label });
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.getByRole('region', { name: /Comments/ }).getByRole('link', { name: new RegExp(`^#${requestId} `) })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'clara.schmidt@quorum.demo', `/approvals/${requestId}`);
  const evidence = page.getByRole('region', { name: /Business KPIs/ });
  await expect(evidence.getByText('Conversion is steady; fine to promote from the product side.')).toBeVisible();
  await evidence.getByRole('link', { name: 'E2E trial conversion' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /E2E trial conversion/ })).toBeVisible();
});

test('a data scientist reads the KPI board but may not define or change KPIs', async ({ page }) => {
  await signIn(page, 'ana.silva@quorum.demo', '/kpis');
  await expect(page.getByRole('heading', { level: 1, name: 'KPI board' })).toBeVisible();
  const create = page.getByRole('button', { name: 'New KPI' });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAttribute('title', /product owner/);
});

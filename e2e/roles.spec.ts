// Each demo role signs in and lands on its home; the UI reflects the policy.
import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

const HOMES = [
  { email: 'ana.silva@quorum.demo', role: 'Data scientist' },
  { email: 'marco.rossi@quorum.demo', role: 'MLOps engineer' },
  { email: 'dara.okoye@quorum.demo', role: 'Data engineer' },
  { email: 'priya.nair@quorum.demo', role: 'Platform engineer' },
  { email: 'paul.meyer@quorum.demo', role: 'Product owner' },
  { email: 'clara.schmidt@quorum.demo', role: 'Compliance lead' },
  { email: 'alex.admin@quorum.demo', role: 'Admin' },
];

for (const { email, role } of HOMES) {
  test(`${role} signs in and lands on their home`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(role);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });
}

test('a data scientist sees no admin actions', async ({ page }) => {
  await signIn(page, 'ana.silva@quorum.demo');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Experiments' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByRole('button', { name: /Create user/i })).toHaveCount(0);
});

test('a compliance lead verifies the audit chain', async ({ page }) => {
  await signIn(page, 'clara.schmidt@quorum.demo', '/audit');
  const trail = page.getByRole('table', { name: 'Audit trail' });
  await expect(trail.getByText('auth.signIn').first()).toBeVisible();
  // Filter to the training runs' writes, which the demo seed made weeks ago.
  await page.getByLabel('Action starts with').fill('runs.logBatch');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(trail.getByText('runs.logBatch').first()).toBeVisible();
  await expect(trail.getByText('auth.signIn')).toHaveCount(0);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByText(/Chain intact/)).toBeVisible();
});

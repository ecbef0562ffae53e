// The promotion quorum in the browser: an MLOps engineer asks, a compliance lead signs
// off with the evidence in front of her, the alias moves and the timeline shows it.
import { expect, test } from '@playwright/test';
import { signIn } from './sign-in';

test('request, sign off and apply a promotion; the requester cannot approve their own', async ({ browser }) => {
  const marco = await browser.newPage();
  await signIn(marco, 'marco.rossi@quorum.demo', '/models');
  await marco.getByRole('link', { name: 'demand-forecaster' }).first().click();
  await expect(marco.getByRole('heading', { name: /demand-forecaster/ }).first()).toBeVisible();
  // The first row is the newest version, v2.
  await marco.getByRole('button', { name: 'Request promotion' }).first().click();
  const dialog = marco.getByRole('dialog');
  await dialog.getByLabel('Alias', { exact: true }).fill('production');
  await dialog.getByLabel('Justification').fill('v2 lowers MAPE by two points on the same backtest.');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(marco).toHaveURL(/\/approvals\/\d+/);
  const requestUrl = marco.url();

  // The requester sees why they cannot sign.
  await expect(marco.getByText('You requested this promotion: someone else must approve it')).toBeVisible();
  await expect(marco.getByRole('button', { name: 'Approve' })).toBeDisabled();

  const clara = await browser.newPage();
  await signIn(clara, 'clara.schmidt@quorum.demo', '/approvals');
  await clara.getByRole('link', { name: /demand-forecaster → production/ }).first().click();
  await expect(clara.getByRole('table', { name: 'Gate results' })).toBeVisible();
  await expect(clara.getByText(/val_mape/).first()).toBeVisible();
  await clara.getByLabel('Comment').fill('Backtest evidence reviewed; approved.');
  await clara.getByRole('button', { name: 'Approve' }).click();
  await expect(clara.getByText(/approved/i).first()).toBeVisible();

  await marco.goto(requestUrl);
  await marco.getByRole('button', { name: 'Apply promotion' }).click();
  await expect(marco.getByText(/applied/i).first()).toBeVisible();
  await marco.goto('/models');
  await marco.getByRole('link', { name: 'demand-forecaster' }).first().click();
  const timeline = marco.getByRole('region', { name: 'Alias timeline' });
  await expect(timeline).toBeVisible();
  await expect(timeline).toContainText('production');
  await expect(timeline).toContainText('v2');
  await expect(marco.getByRole('region', { name: 'Aliases' })).toContainText('v2');
});

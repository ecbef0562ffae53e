// Signs in through the sign-in page, as a person would.
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'quorum-demo';

export async function signIn(page: Page, email: string, path = '/') {
  await page.goto(path);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

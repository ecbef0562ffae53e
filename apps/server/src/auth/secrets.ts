// Random secrets and their stored form.
import { createHash, randomBytes } from 'node:crypto';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** A new API token secret: `qrm_` and 40 base62-ish characters (238 bits). */
export function tokenSecretNew(): string {
  return `qrm_${randomBytes(30).toString('base64url')}`;
}

export const sessionSecretNew = (): string => randomBytes(32).toString('base64url');
export const csrfTokenNew = (): string => randomBytes(24).toString('base64url');

/** Shown in token lists so people can tell tokens apart; never enough to use one. */
export const tokenPrefixOf = (secret: string): string => secret.slice(0, 10);

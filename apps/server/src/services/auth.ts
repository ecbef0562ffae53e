// Sign-in and sign-out. Failed attempts are audited, and the audit trail is also the
// rate limiter's memory, so every server behind one database agrees on it.
import { auditCountRecent, sessionDelete, sessionInsert, sessionsDeleteExpired, userFindByEmail } from '@quorum/db';
import { passwordDummyHash, passwordVerify } from '../auth/passwords';
import { csrfTokenNew, sessionSecretNew, sha256Hex } from '../auth/secrets';
import { audit, auditRefusal } from './audit';
import type { ServiceContext } from './context';
import { ServiceError } from './errors';

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_MAX_FAILURES = 5;
export const SESSION_TTL_MS = 12 * 3_600_000;

export interface SignInResult {
  sessionSecret: string;
  csrfToken: string;
  expiresAt: number;
  user: { id: number; email: string; name: string; roles: string[] };
}

export async function signIn(ctx: ServiceContext, input: { email: string; password: string }, ttlMs = SESSION_TTL_MS): Promise<SignInResult> {
  const now = ctx.clock.now();
  const failures = await auditCountRecent(ctx.db, 'auth.signIn', input.email, now - SIGN_IN_WINDOW_MS);
  if (failures >= SIGN_IN_MAX_FAILURES) {
    throw new ServiceError('TOO_MANY_REQUESTS', `Too many failed sign-ins for ${input.email}; wait 15 minutes or ask an admin to reset the password`);
  }
  const user = await userFindByEmail(ctx.db, input.email);
  // Verify against a dummy hash when the user is unknown, so timing reveals nothing.
  const ok = await passwordVerify(input.password, user?.passwordHash ?? (await passwordDummyHash()));
  if (!user || !ok || !user.passwordHash || user.disabledAt !== null) {
    await auditRefusal(ctx, 'auth.signIn', { entityType: 'user', entityId: input.email }, { reason: user?.disabledAt ? 'disabled' : 'bad credentials' }, 'failed');
    throw new ServiceError('UNAUTHORIZED', 'Wrong email or password');
  }
  const sessionSecret = sessionSecretNew();
  const csrfToken = csrfTokenNew();
  const expiresAt = now + ttlMs;
  await ctx.db.transaction(async (tx) => {
    await sessionsDeleteExpired(tx, now);
    await sessionInsert(tx, { idHash: sha256Hex(sessionSecret), userId: user.id, csrfToken, createdAt: now, expiresAt, lastSeenAt: now });
    const signedIn = { ...ctx, actor: { via: 'session' as const, userId: user.id, email: user.email, name: user.name, roles: user.roles, userRoles: user.roles } };
    await audit(signedIn, tx, 'auth.signIn', { entityType: 'user', entityId: input.email }, { expiresAt });
  });
  return { sessionSecret, csrfToken, expiresAt, user: { id: user.id, email: user.email, name: user.name, roles: user.roles } };
}

export async function signOut(ctx: ServiceContext): Promise<void> {
  const idHash = ctx.actor?.sessionIdHash;
  if (!idHash) throw new ServiceError('BAD_REQUEST', 'Sign-out ends a browser session; API tokens are revoked instead');
  await ctx.db.transaction(async (tx) => {
    await sessionDelete(tx, idHash);
    await audit(ctx, tx, 'auth.signOut', { entityType: 'user', entityId: ctx.actor!.email }, {});
  });
}

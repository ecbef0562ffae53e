// Who calls the MLflow API: a Bearer token or session cookie (resolved by app.ts under
// /api, here under /ajax-api), or HTTP Basic `email:password` as MLflow clients send
// with MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD.
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { auditCountRecent, userFindByEmail, type Database } from '@quorum/db';
import { policyAllows } from '@quorum/domain';
import type { RequestLocals } from '../../app';
import { actorFromRequest, type Actor } from '../../auth/actor';
import { passwordDummyHash, passwordVerify } from '../../auth/passwords';
import { auditRefusal } from '../../services/audit';
import type { Clock, ServiceContext } from '../../services/context';
import { SIGN_IN_MAX_FAILURES, SIGN_IN_WINDOW_MS } from '../../services/auth';
import { MlflowError } from './errors';

/**
 * A verified password is remembered for a few seconds (by a digest of the header), so a
 * training loop calling log-metric does not pay a scrypt hash per request.
 */
export const BASIC_CACHE_MS = 5_000;
const basicCache = new Map<string, { actor: Actor; until: number }>();

export function mlflowBasicCacheClear(): void {
  basicCache.clear();
}

async function actorFromBasic(db: Database, clock: Clock, encoded: string): Promise<Actor> {
  const now = clock.now();
  const digest = createHash('sha256').update(encoded).digest('hex');
  const cached = basicCache.get(digest);
  if (cached && cached.until > now) return cached.actor;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const email = (colon < 0 ? decoded : decoded.slice(0, colon)).trim().toLowerCase();
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const anonymous: ServiceContext = { db, clock, actor: null };
  // The same memory as sign-in: failures in the audit trail, so every server agrees.
  if ((await auditCountRecent(db, 'auth.signIn', email, now - SIGN_IN_WINDOW_MS)) >= SIGN_IN_MAX_FAILURES) {
    throw new MlflowError('REQUEST_LIMIT_EXCEEDED', `Too many failed sign-ins for ${email}; wait 15 minutes or ask an admin to reset the password`);
  }
  const user = email ? await userFindByEmail(db, email) : undefined;
  const ok = await passwordVerify(password, user?.passwordHash ?? (await passwordDummyHash()));
  if (!user || !ok || !user.passwordHash || user.disabledAt !== null) {
    await auditRefusal(anonymous, 'auth.signIn', { entityType: 'user', entityId: email }, { reason: user?.disabledAt ? 'disabled' : 'bad credentials', via: 'mlflow basic auth' }, 'failed');
    throw new MlflowError('UNAUTHENTICATED', 'Wrong email or password in the Basic credentials');
  }
  // The same shape as a signed-in user (auth/actor.ts), without a session or CSRF token:
  // the credentials travel in a header a cross-site page cannot set.
  const actor: Actor = { via: 'session', userId: user.id, email: user.email, name: user.name, roles: user.roles, userRoles: user.roles };
  if (basicCache.size > 10_000) basicCache.clear();
  basicCache.set(digest, { actor, until: now + BASIC_CACHE_MS });
  return actor;
}

/** The service context of a request with an actor, or an MLflow UNAUTHENTICATED error. */
export async function mlflowContext(req: Request, res: Response, db: Database, clock: Clock): Promise<ServiceContext & { actor: Actor }> {
  const authorization = req.headers.authorization;
  const basic = authorization ? /^Basic\s+(\S+)$/i.exec(authorization) : null;
  if (basic) return { db, clock, actor: await actorFromBasic(db, clock, basic[1]!) };
  // Under /api app.ts has resolved the caller already; /ajax-api is outside that middleware.
  let locals = res.locals.quorum as RequestLocals | undefined;
  if (!locals) {
    const { actor, badCredentials } = await actorFromRequest(db, { authorization, cookie: req.headers.cookie }, clock.now());
    locals = { ctx: { db, clock, actor }, badCredentials };
  }
  const actor = locals.ctx.actor;
  if (!actor) {
    throw new MlflowError(
      'UNAUTHENTICATED',
      locals.badCredentials
        ? 'The API token is not valid: it is unknown, expired or revoked'
        : 'Send an API token as "Authorization: Bearer <token>" (MLFLOW_TRACKING_TOKEN) or Basic credentials (MLFLOW_TRACKING_USERNAME / MLFLOW_TRACKING_PASSWORD)',
    );
  }
  return { ...locals.ctx, actor };
}

/**
 * A write must pass the policy table under the Quorum procedure it maps to, and a
 * cookie-authenticated one must echo the session's CSRF token. Refusals are audited.
 */
export async function mlflowAuthorize(req: Request, ctx: ServiceContext & { actor: Actor }, action: string): Promise<void> {
  const refuse = async (reason: string) => {
    await auditRefusal(ctx, action, { entityType: 'action', entityId: action }, { reason, path: req.originalUrl.split('?')[0] });
    throw new MlflowError('PERMISSION_DENIED', reason);
  };
  if (ctx.actor.csrfToken !== undefined && req.headers['x-csrf-token'] !== ctx.actor.csrfToken) {
    await refuse('Missing or stale CSRF token: reload the page and try again');
  }
  const decision = policyAllows(action, ctx.actor.roles);
  if (!decision.allowed) await refuse(decision.reason);
}

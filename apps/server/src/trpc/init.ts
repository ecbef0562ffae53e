// initTRPC, once. Exports the procedures the routers may use: public, authed (which
// enforces the write policy for every mutation by its path), and restricted reads.
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { policyAllows, type RestrictedRead } from '@quorum/domain';
import { auditRefusal } from '../services/audit';
import { ServiceError } from '../services/errors';
import type { TrpcContext } from './context';
import { toTRPCError, zodMessage } from './errors';

const INTERNAL_MESSAGE = 'Something went wrong on the server; the error has been logged';

const t = initTRPC.context<TrpcContext>().create({
  // superjson carries NaN, ±Infinity and Dates, which metric values need and JSON drops.
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      message: cause instanceof ZodError ? zodMessage(cause) : error.code === 'INTERNAL_SERVER_ERROR' ? INTERNAL_MESSAGE : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        detail: cause instanceof ServiceError ? (cause.detail ?? null) : null,
        issues: cause instanceof ZodError ? cause.issues.slice(0, 20).map((i) => ({ path: i.path.map(String), message: i.message })) : null,
      },
    };
  },
});

/** Maps service errors to tRPC codes in one place. */
const errorMapping = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  // tRPC wraps anything a resolver throws as INTERNAL_SERVER_ERROR with the original as
  // cause, and input validation failures as BAD_REQUEST with the ZodError as cause.
  const { error } = result;
  if (error.code === 'INTERNAL_SERVER_ERROR' || error.cause instanceof ZodError) throw toTRPCError(error.cause ?? error);
  return result;
});

/** 401 without a signed-in user or valid token. */
const requireActor = t.middleware(({ ctx, next }) => {
  if (!ctx.actor) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message:
        ctx.http?.badCredentials === 'token'
          ? 'The API token is not valid: it is unknown, expired or revoked'
          : 'Sign in first, or send an API token as "Authorization: Bearer <token>"',
    });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/**
 * Every mutation passes the policy table under its procedure path (fail closed: a path
 * without an entry is refused), and a cookie-authenticated one must echo the session's
 * CSRF token. Refusals are audited.
 */
const enforcePolicy = t.middleware(async ({ ctx, next, path, type }) => {
  if (type !== 'mutation' || !ctx.actor) return next();
  const actor = ctx.actor;
  const refuse = async (reason: string) => {
    await auditRefusal(ctx, path, { entityType: 'action', entityId: path }, { reason });
    throw new TRPCError({ code: 'FORBIDDEN', message: reason });
  };
  if (actor.via === 'session' && ctx.http && ctx.http.csrfHeader !== actor.csrfToken) {
    await refuse('Missing or stale CSRF token: reload the page and try again');
  }
  const decision = policyAllows(path, actor.roles);
  if (!decision.allowed) await refuse(decision.reason);
  return next();
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(errorMapping);
export const authedProcedure = publicProcedure.use(requireActor).use(enforcePolicy);

/** A read open only to the roles RESTRICTED_READS names for it. */
export function restrictedProcedure(action: RestrictedRead) {
  return authedProcedure.use(async ({ ctx, next }) => {
    const decision = policyAllows(action, ctx.actor.roles);
    if (!decision.allowed) {
      await auditRefusal(ctx, action, { entityType: 'action', entityId: action }, { reason: decision.reason });
      throw new TRPCError({ code: 'FORBIDDEN', message: decision.reason });
    }
    return next();
  });
}

// initTRPC, once. Exports the procedures the routers may use and the error shape
// every client sees.
import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { ServiceError } from '../services/errors';
import type { TrpcContext } from './context';
import { toTRPCError, zodMessage } from './errors';

const t = initTRPC.context<TrpcContext>().create({
  // superjson carries NaN, ±Infinity and Dates, which metric values need and JSON drops.
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const isInternal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: cause instanceof ZodError ? zodMessage(cause) : isInternal ? 'Something went wrong on the server; the error has been logged' : shape.message,
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

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(errorMapping);

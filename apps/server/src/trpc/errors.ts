// The one mapping from thrown errors to client-facing codes and messages. Validation
// and service errors keep their message; anything unexpected becomes a generic 500
// with the cause logged, so no SQL or stack text reaches a client.
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { ServiceError, type ServiceErrorCode } from '../services/errors';

export const httpStatusOf: Record<ServiceErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
};

/** A readable one-line message for zod issues: "metrics.3.value: A metric value must be a number". */
export function zodMessage(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Turns any error a procedure threw into the TRPCError the client sees. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof ServiceError) return new TRPCError({ code: error.code, message: error.message, cause: error });
  if (error instanceof ZodError) return new TRPCError({ code: 'BAD_REQUEST', message: zodMessage(error), cause: error });
  console.error('Unexpected error', loggable(error));
  return new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Something went wrong on the server; the error has been logged' });
}

/**
 * What to log of an unexpected error: a failed query's SQL text and the driver's
 * message, never its parameters (they can hold password hashes or token digests).
 */
export function loggable(error: unknown): unknown {
  if (error instanceof Error && 'query' in error && 'params' in error) {
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    return { query: (error as { query: string }).query, cause, stack: error.stack?.split('\n').filter((l) => l.trimStart().startsWith('at ')).slice(0, 5).join('\n') };
  }
  return error;
}

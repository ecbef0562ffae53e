// Typed service errors. Routers and REST handlers map them to status codes in one
// place (trpc/errors.ts); anything else is an unexpected failure.

export type ServiceErrorCode = 'BAD_REQUEST' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'PAYLOAD_TOO_LARGE' | 'TOO_MANY_REQUESTS';

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** Extra machine-readable detail for clients (e.g. the filter error position). */
    readonly detail?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string) => new ServiceError('NOT_FOUND', what);
export const badRequest = (message: string, detail?: Record<string, unknown>) => new ServiceError('BAD_REQUEST', message, detail);
export const conflict = (message: string) => new ServiceError('CONFLICT', message);
export const forbidden = (message: string) => new ServiceError('FORBIDDEN', message);

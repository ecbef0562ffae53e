// Retrying Quorum calls, and sorting failures into "this item" and "stop everything".
import { TRPCClientError } from '@trpc/client';
import { MlflowHttpError, MlflowUnreachableError } from './mlflow-http';

/** The HTTP status of a failed tRPC call, or undefined when no answer came back. */
export function apiStatus(error: unknown): number | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data = error.data as { httpStatus?: number } | undefined;
  return data?.httpStatus;
}

/**
 * Retries a call while the failure may pass (no answer, or a 5xx/429), with backoff;
 * a 4xx is returned at once. Writes are retried only when they are idempotent.
 */
export async function withRetry<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = apiStatus(error);
      const transient = status === undefined ? error instanceof TRPCClientError : status >= 500 || status === 429;
      if (!transient || attempt >= attempts) throw error;
      await new Promise((r) => setTimeout(r, Math.min(200 * 2 ** attempt, 5_000)));
    }
  }
}

/**
 * Failures that end the whole import rather than one run or model: no answer from
 * Quorum or the source, a refused token, a server error that outlived its retries.
 */
export function failureIsFatal(error: unknown): boolean {
  if (error instanceof MlflowUnreachableError) return true;
  if (error instanceof MlflowHttpError) return error.status === 401 || error.status === 403 || error.status >= 500;
  if (error instanceof TRPCClientError) {
    const status = apiStatus(error);
    return status === undefined || status === 401 || status === 403 || status >= 500;
  }
  return false;
}

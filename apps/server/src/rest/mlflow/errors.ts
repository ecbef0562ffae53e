// MLflow's error body `{error_code, message}` and its HTTP statuses
// (mlflow/exceptions.py ERROR_CODE_TO_HTTP_STATUS), and the mapping from Quorum's
// service and validation errors onto them.
import type { Response } from 'express';
import { ZodError } from 'zod';
import { ServiceError, type ServiceErrorCode } from '../../services/errors';
import { zodMessage } from '../../trpc/errors';

export type MlflowErrorCode =
  | 'INVALID_PARAMETER_VALUE'
  | 'BAD_REQUEST'
  | 'RESOURCE_ALREADY_EXISTS'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_DOES_NOT_EXIST'
  | 'ENDPOINT_NOT_FOUND'
  | 'REQUEST_LIMIT_EXCEEDED'
  | 'INTERNAL_ERROR'
  | 'INVALID_STATE'
  | 'TEMPORARILY_UNAVAILABLE';

export const MLFLOW_HTTP_STATUS: Record<MlflowErrorCode, number> = {
  INVALID_PARAMETER_VALUE: 400,
  BAD_REQUEST: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  REQUEST_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  INVALID_STATE: 500,
  TEMPORARILY_UNAVAILABLE: 503,
};

export class MlflowError extends Error {
  constructor(
    readonly errorCode: MlflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MlflowError';
  }
}

/** Writes MLflow's error body with the status its code maps to. */
export function sendError(res: Response, e: MlflowError): void {
  res.status(MLFLOW_HTTP_STATUS[e.errorCode]).json({ error_code: e.errorCode, message: e.message });
}

export const invalid = (message: string) => new MlflowError('INVALID_PARAMETER_VALUE', message);
export const missing = (name: string) => invalid(`Missing value for required parameter '${name}'. See the API docs for more information about request parameters.`);
export const runNotFound = (id: string) => new MlflowError('RESOURCE_DOES_NOT_EXIST', `Run with id=${id} not found`);
export const experimentNotFound = (id: string) => new MlflowError('RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${id} exists`);

const FROM_SERVICE: Record<ServiceErrorCode, MlflowErrorCode> = {
  BAD_REQUEST: 'INVALID_PARAMETER_VALUE',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  FORBIDDEN: 'PERMISSION_DENIED',
  NOT_FOUND: 'RESOURCE_DOES_NOT_EXIST',
  CONFLICT: 'RESOURCE_ALREADY_EXISTS',
  PAYLOAD_TOO_LARGE: 'INVALID_PARAMETER_VALUE',
  TOO_MANY_REQUESTS: 'REQUEST_LIMIT_EXCEEDED',
};

/** The MLflow error for anything a handler threw, or null when it is unexpected (a 500 to log). */
export function mlflowErrorOf(error: unknown): MlflowError | null {
  if (error instanceof MlflowError) return error;
  if (error instanceof ServiceError) return new MlflowError(FROM_SERVICE[error.code], error.message);
  if (error instanceof ZodError) return invalid(zodMessage(error));
  // body-parser: malformed JSON (400) or an oversize body (413).
  if (error instanceof Error && 'type' in error && 'status' in error && typeof error.status === 'number' && error.status < 500) {
    return new MlflowError(error.status === 413 ? 'INVALID_PARAMETER_VALUE' : 'BAD_REQUEST', error.status === 413 ? 'The request body is too large' : 'The request body is not valid JSON');
  }
  return null;
}

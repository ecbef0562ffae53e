// Where a server refusal belongs on a form: a zod issue names its field; anything else
// (a conflict, a policy refusal) is for the whole form.
import type { ApiError } from '../lib/trpc';
import { idReadableError } from './id-readable-error';

export interface RegFormErrors {
  /** Messages by input field name. */
  fields: Record<string, string>;
  /** What is not about one field, or null. */
  form: string | null;
}

export function regFormErrors(error: { message: string; data?: unknown } | null | undefined): RegFormErrors {
  if (!error) return { fields: {}, form: null };
  const issues = (error.data as ApiError['data'] | undefined)?.issues ?? [];
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path[0];
    if (key !== undefined && !(key in fields)) fields[key] = issue.message;
  }
  return { fields, form: Object.keys(fields).length > 0 ? null : (idReadableError(error)?.message ?? null) };
}

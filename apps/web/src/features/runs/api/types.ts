// Output shapes of the run endpoints this feature reads, and how to read their errors.
import type { ApiError, RouterOutputs } from '../../../lib/trpc';

export type SearchRun = RouterOutputs['runs']['search']['runs'][number];
export type RunDetail = RouterOutputs['runs']['get'];
export type RunDataset = RunDetail['inputs'][number];
export type MetricSeries = RouterOutputs['metrics']['series']['series'][number];

/** A filter the server refused: its message and, when the parser knew it, the 1-based column. */
export interface FilterProblem {
  message: string;
  column: number | null;
}

/**
 * The server's objection to a filter, or null when the error is about something else
 * (network, sort field, server fault) and belongs in the general error box.
 */
export function filterProblemOf(error: unknown): FilterProblem | null {
  const data = (error as Partial<ApiError> | null)?.data;
  if (data?.code !== 'BAD_REQUEST') return null;
  const detail = data.detail as { column?: unknown } | null | undefined;
  const column = typeof detail?.column === 'number' ? detail.column : null;
  const aboutFilter = column !== null || (data.issues ?? []).some((i) => i.path[0] === 'filter');
  if (!aboutFilter) return null;
  return { message: (error as { message: string }).message, column };
}

/** An error as a person should read it: a dropped connection says so instead of "Failed to fetch". */
export function readableError(error: { message: string; data?: unknown } | null): { message: string } | null {
  if (!error) return null;
  return error.data ? error : { message: `Could not reach the Quorum server (${error.message}). Check that it is running.` };
}

// Shared by the MLflow route modules: the request context, the route registrar's type,
// and finding the run or experiment a request names (with MLflow's not-found messages).
import type { Request } from 'express';
import { experimentFindByName, runFind, type ExperimentRow, type RunRow } from '@quorum/db';
import type { Actor } from '../../auth/actor';
import type { ServiceContext } from '../../services/context';
import { ServiceError } from '../../services/errors';
import { experimentGet } from '../../services/experiments';
import { experimentNotFound, invalid, runNotFound } from './errors';
import type { Fields } from './wire';

export type Ctx = ServiceContext & { actor: Actor };
export type Handler = (req: Request, ctx: Ctx, src: Fields) => Promise<object>;
export type Route = (methods: ('get' | 'post' | 'patch' | 'delete')[], path: string, handler: Handler) => void;

/** The experiment MLflow calls "0". */
export const DEFAULT_EXPERIMENT_NAME = 'Default';

/** Turns a service NOT_FOUND about a run into MLflow's message. */
export function asRunError(runId: string) {
  return (e: unknown): never => {
    if (e instanceof ServiceError && e.code === 'NOT_FOUND') throw runNotFound(runId);
    throw e;
  };
}

export async function requireRun(ctx: Ctx, runId: string, write: boolean): Promise<RunRow> {
  const run = await runFind(ctx.db, runId);
  if (!run) throw runNotFound(runId);
  if (write && run.deletedAt !== null) throw invalid(`The run ${runId} must be in the 'active' state. Current state is deleted.`);
  return run;
}

export async function findExperiment(ctx: Ctx, id: string): Promise<ExperimentRow> {
  if (id === '0') {
    const found = await experimentFindByName(ctx.db, DEFAULT_EXPERIMENT_NAME);
    if (!found) throw experimentNotFound(id);
    return found;
  }
  const n = /^\d+$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2 ** 31 - 1) throw experimentNotFound(id);
  return experimentGet(ctx, n).catch((e: unknown) => {
    if (e instanceof ServiceError && e.code === 'NOT_FOUND') throw experimentNotFound(id);
    throw e;
  });
}

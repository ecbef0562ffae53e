// Experiment verbs: create, list, get, rename, archive, describe.
import {
  experimentFind,
  experimentFindByName,
  experimentInsert,
  experimentList,
  experimentUpdate,
  type ExperimentSummary,
} from '@quorum/db';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { conflict, notFound } from './errors';

export async function experimentCreate(ctx: ServiceContext, input: { name: string; description?: string | undefined }): Promise<ExperimentSummary> {
  if (await experimentFindByName(ctx.db, input.name)) {
    throw conflict(`An experiment named "${input.name}" already exists; choose another name`);
  }
  const row = await ctx.db.transaction(async (tx) => {
    const created = await experimentInsert(tx, { name: input.name, description: input.description ?? '', now: ctx.clock.now() });
    await audit(ctx, tx, 'experiments.create', { entityType: 'experiment', entityId: created.id }, { name: created.name, description: created.description });
    return created;
  });
  return { ...row, runCount: 0, activeRunCount: 0, lastActivity: row.updatedAt };
}

export function experimentsList(ctx: ServiceContext, input: { includeArchived: boolean; query?: string | undefined }) {
  return experimentList(ctx.db, input);
}

export async function experimentGet(ctx: ServiceContext, id: number): Promise<ExperimentSummary> {
  const row = await experimentFind(ctx.db, id);
  if (!row) throw notFound(`No experiment with id ${id}`);
  return row;
}

export async function experimentRename(ctx: ServiceContext, input: { id: number; name: string }): Promise<ExperimentSummary> {
  const other = await experimentFindByName(ctx.db, input.name);
  if (other && other.id !== input.id) throw conflict(`An experiment named "${input.name}" already exists; choose another name`);
  const before = await experimentGet(ctx, input.id);
  await ctx.db.transaction(async (tx) => {
    await experimentUpdate(tx, input.id, { name: input.name, now: ctx.clock.now() });
    await audit(ctx, tx, 'experiments.rename', { entityType: 'experiment', entityId: input.id }, { name: { from: before.name, to: input.name } });
  });
  return experimentGet(ctx, input.id);
}

export async function experimentArchive(ctx: ServiceContext, input: { id: number; archived: boolean }): Promise<ExperimentSummary> {
  const now = ctx.clock.now();
  await experimentGet(ctx, input.id);
  await ctx.db.transaction(async (tx) => {
    await experimentUpdate(tx, input.id, { archivedAt: input.archived ? now : null, now });
    await audit(ctx, tx, 'experiments.archive', { entityType: 'experiment', entityId: input.id }, { archived: input.archived });
  });
  return experimentGet(ctx, input.id);
}

/** Sets an experiment's description (MLflow's `mlflow.note.content` experiment tag). */
export async function experimentDescribe(ctx: ServiceContext, input: { id: number; description: string }): Promise<ExperimentSummary> {
  const before = await experimentGet(ctx, input.id);
  await ctx.db.transaction(async (tx) => {
    await experimentUpdate(tx, input.id, { description: input.description, now: ctx.clock.now() });
    await audit(ctx, tx, 'experiments.describe', { entityType: 'experiment', entityId: input.id }, { description: { from: before.description, to: input.description } });
  });
  return experimentGet(ctx, input.id);
}

// Experiment verbs: create, list, get, rename, archive, describe, tags.
import type { z } from 'zod';
import type { experimentSetTagsInput } from '@quorum/contracts';
import {
  experimentFind,
  experimentFindByName,
  experimentInsert,
  experimentList,
  experimentLock,
  experimentTagsApply,
  experimentUpdate,
  runsDeleteOfExperiment,
  runsRestoreOfExperiment,
  type ExperimentSummary,
} from '@quorum/db';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, conflict, notFound } from './errors';

type Tag = { key: string; value: string };
/** Tags as a record; a key given twice keeps its last value. */
const tagRecord = (tags: readonly Tag[]) => Object.fromEntries(tags.map((t) => [t.key, t.value]));

export async function experimentCreate(
  ctx: ServiceContext,
  input: { name: string; description?: string | undefined; tags?: readonly Tag[] | undefined },
): Promise<ExperimentSummary> {
  if (await experimentFindByName(ctx.db, input.name)) {
    throw conflict(`An experiment named "${input.name}" already exists; choose another name`);
  }
  const tags = tagRecord(input.tags ?? []);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await experimentInsert(tx, { name: input.name, description: input.description ?? '', tags, now: ctx.clock.now() });
    await audit(ctx, tx, 'experiments.create', { entityType: 'experiment', entityId: created.id }, {
      name: created.name,
      description: created.description,
      ...(Object.keys(tags).length > 0 && { tags }),
    });
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

/**
 * Archives or restores an experiment. With `cascadeRuns` (MLflow's delete and restore) the
 * state must change, archiving soft-deletes the experiment's runs at the same instant, and
 * restoring brings back the runs deleted at or after the archive, not those deleted before.
 */
export async function experimentArchive(
  ctx: ServiceContext,
  input: { id: number; archived: boolean; cascadeRuns?: boolean | undefined },
): Promise<ExperimentSummary> {
  const now = ctx.clock.now();
  await experimentGet(ctx, input.id);
  await ctx.db.transaction(async (tx) => {
    let runs: string[] | undefined;
    if (input.cascadeRuns) {
      const row = await experimentLock(tx, input.id);
      if (!row) throw notFound(`No experiment with id ${input.id}`);
      if ((row.archivedAt !== null) === input.archived) throw badRequest(`Experiment "${row.name}" is already ${input.archived ? 'archived' : 'active'}`);
      runs = row.archivedAt === null ? await runsDeleteOfExperiment(tx, input.id, now) : await runsRestoreOfExperiment(tx, input.id, row.archivedAt, now);
    }
    await experimentUpdate(tx, input.id, { archivedAt: input.archived ? now : null, now });
    await audit(ctx, tx, 'experiments.archive', { entityType: 'experiment', entityId: input.id }, {
      archived: input.archived,
      ...(runs && { [input.archived ? 'runsDeleted' : 'runsRestored']: runs }),
    });
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

/**
 * Upserts and removes tags of an active experiment, atomically. Removing a key the
 * experiment does not have is NOT_FOUND and changes nothing.
 */
export async function experimentSetTags(ctx: ServiceContext, input: z.output<typeof experimentSetTagsInput>): Promise<ExperimentSummary> {
  await ctx.db.transaction(async (tx) => {
    const row = await experimentLock(tx, input.id);
    if (!row) throw notFound(`No experiment with id ${input.id}`);
    if (row.archivedAt !== null) throw badRequest(`Experiment "${row.name}" is archived; restore it before changing its tags`);
    const absent = input.remove.find((key) => !Object.hasOwn(row.tags, key));
    if (absent !== undefined) throw notFound(`No tag with name: ${absent} in experiment with id ${input.id}`);
    const set = tagRecord(input.set);
    await experimentTagsApply(tx, input.id, { set, remove: input.remove, now: ctx.clock.now() });
    await audit(ctx, tx, 'experiments.setTags', { entityType: 'experiment', entityId: input.id }, {
      ...(input.set.length > 0 && { set: Object.fromEntries(Object.entries(set).map(([k, to]) => [k, { from: row.tags[k] ?? null, to }])) }),
      ...(input.remove.length > 0 && { removed: Object.fromEntries(input.remove.map((k) => [k, row.tags[k]])) }),
    });
  });
  return experimentGet(ctx, input.id);
}

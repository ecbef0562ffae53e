// Run verbs: create, update, get, soft delete / restore, delete a tag.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { runCreateInput, runUpdateInput } from '@quorum/contracts';
import { experimentFind, runFind, runInputsList, runInsert, runSetDeletedAt, runsWithData, runUpdate as runUpdateRow, tagDelete, tagsUpsert } from '@quorum/db';
import { runStatusIsTerminal } from '@quorum/domain';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, conflict, notFound } from './errors';

/** A readable default name, as MLflow gives unnamed runs (adjective-noun-number). */
function runDefaultName(id: string): string {
  const adjectives = ['brave', 'calm', 'eager', 'gentle', 'lucid', 'nimble', 'quiet', 'rapid', 'steady', 'vivid'];
  const nouns = ['otter', 'falcon', 'maple', 'comet', 'river', 'lynx', 'cedar', 'heron', 'quartz', 'tide'];
  const n = parseInt(id.slice(0, 8), 16);
  return `${adjectives[n % 10]}-${nouns[Math.floor(n / 10) % 10]}-${n % 1000}`;
}

export async function runCreate(ctx: ServiceContext, input: z.output<typeof runCreateInput>) {
  const experiment = await experimentFind(ctx.db, input.experimentId);
  if (!experiment) throw notFound(`No experiment with id ${input.experimentId}`);
  if (experiment.archivedAt !== null) throw badRequest(`Experiment "${experiment.name}" is archived; restore it before logging runs`);
  const id = input.id ?? randomUUID().replace(/-/g, '');
  const taken = () => conflict(`A run with id ${id} already exists`);
  if (input.id !== undefined && (await runFind(ctx.db, id))) throw taken();
  const now = ctx.clock.now();
  const created = ctx.db.transaction(async (tx) => {
    const run = await runInsert(tx, {
      id,
      experimentId: input.experimentId,
      name: input.name || runDefaultName(id),
      status: 'RUNNING',
      startTime: input.startTime ?? now,
      userId: input.userId ?? ctx.actor?.email ?? '',
      createdBy: ctx.actor?.userId ?? null,
      sourceCommit: input.sourceCommit ?? null,
      notes: input.notes ?? '',
      updatedAt: now,
    });
    await tagsUpsert(tx, id, input.tags ?? []);
    await audit(ctx, tx, 'runs.create', { entityType: 'run', entityId: id }, { experimentId: run.experimentId, name: run.name, tags: input.tags?.length ?? 0 });
    return run;
  });
  // Two creates of the same given id at once: the loser's insert hits the primary key.
  return input.id === undefined
    ? created
    : created.catch(async (error: unknown) => {
        if (await runFind(ctx.db, id)) throw taken();
        throw error;
      });
}

export async function runUpdate(ctx: ServiceContext, input: z.output<typeof runUpdateInput>) {
  const run = await runFind(ctx.db, input.runId);
  if (!run) throw notFound(`No run with id ${input.runId}`);
  const now = ctx.clock.now();
  const endTime =
    input.endTime !== undefined ? input.endTime : input.status && runStatusIsTerminal(input.status) && run.endTime === null ? now : undefined;
  if (endTime != null && endTime < run.startTime) {
    throw badRequest(`End time ${new Date(endTime).toISOString()} is before the run's start ${new Date(run.startTime).toISOString()}`);
  }
  const changes = {
    ...(input.status !== undefined && { status: input.status }),
    ...(endTime !== undefined && { endTime }),
    ...(input.name !== undefined && { name: input.name }),
    ...(input.notes !== undefined && { notes: input.notes }),
  };
  return ctx.db.transaction(async (tx) => {
    const updated = await runUpdateRow(tx, input.runId, { ...changes, updatedAt: now });
    const from = Object.fromEntries(Object.keys(changes).map((k) => [k, run[k as keyof typeof changes]]));
    await audit(ctx, tx, 'runs.update', { entityType: 'run', entityId: input.runId }, { from, to: changes });
    return updated!;
  });
}

export async function runGet(ctx: ServiceContext, runId: string) {
  const [run] = await runsWithData(ctx.db, [runId]);
  if (!run) throw notFound(`No run with id ${runId}`);
  const inputs = await runInputsList(ctx.db, runId);
  const experiment = await experimentFind(ctx.db, run.experimentId);
  return { ...run, inputs, experimentName: experiment?.name ?? '' };
}

/** Soft-deletes or restores a run (idempotent, as MLflow's runs/delete and runs/restore are). */
export async function runSetDeleted(ctx: ServiceContext, input: { runId: string; deleted: boolean }) {
  const run = await runFind(ctx.db, input.runId);
  if (!run) throw notFound(`No run with id ${input.runId}`);
  if ((run.deletedAt !== null) === input.deleted) return run;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const updated = await runSetDeletedAt(tx, input.runId, input.deleted ? now : null, now);
    await audit(ctx, tx, input.deleted ? 'runs.delete' : 'runs.restore', { entityType: 'run', entityId: input.runId }, { name: run.name });
    return updated!;
  });
}

/** Removes a tag from a run; NOT_FOUND when the run or the tag does not exist. */
export async function runTagDelete(ctx: ServiceContext, input: { runId: string; key: string }): Promise<void> {
  const run = await runFind(ctx.db, input.runId);
  if (!run) throw notFound(`No run with id ${input.runId}`);
  await ctx.db.transaction(async (tx) => {
    if (!(await tagDelete(tx, input.runId, input.key))) throw notFound(`No tag with name: ${input.key} in run with id ${input.runId}`);
    await audit(ctx, tx, 'runs.deleteTag', { entityType: 'run', entityId: input.runId }, { key: input.key });
  });
}

// Registry edits beyond registering and promoting: renaming and deleting models, versions
// registered from an artifact location (MLflow's model-versions/create), and a version's
// non-evidence fields (description, tags, run link, archived) and deletion. A version an
// alias serves, or one with an open promotion request, can be neither archived nor deleted:
// aliases move only through the promotion quorum or a rollback.
import type { z } from 'zod';
import type { modelRenameInput, versionRegisterInput, versionUpdateInput } from '@quorum/contracts';
import { aliasesOf, modelFindByName, modelRemove, modelUpdate, promotionList, runFind, versionInsert, versionsOf, versionUpdate, type VersionRow } from '@quorum/db';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, conflict } from './errors';
import { modelGetRow, runDatasets, versionGetRow } from './registry';

export async function modelRename(ctx: ServiceContext, input: z.output<typeof modelRenameInput>) {
  const model = await modelGetRow(ctx.db, input.id);
  if (model.name === input.name) return model;
  if (await modelFindByName(ctx.db, input.name)) throw conflict(`A model named "${input.name}" is already registered`);
  return ctx.db.transaction(async (tx) => {
    const renamed = await modelUpdate(tx, model.id, { name: input.name, updatedAt: ctx.clock.now() });
    await audit(ctx, tx, 'models.rename', { entityType: 'model', entityId: model.id }, { from: model.name, to: input.name });
    return renamed!;
  });
}

/** Deletes a model that has no versions; registered versions are kept for lineage and the trail. */
export async function modelDelete(ctx: ServiceContext, id: number) {
  const model = await modelGetRow(ctx.db, id);
  const versions = await versionsOf(ctx.db, id);
  if (versions.length > 0) {
    throw badRequest(
      `${model.name} has ${versions.length} registered version${versions.length === 1 ? '' : 's'}; ` +
        'versions are kept for lineage and the audit trail, so only a model without versions can be deleted (archive or delete its versions to hide them)',
    );
  }
  await ctx.db.transaction(async (tx) => {
    await modelRemove(tx, id);
    await audit(ctx, tx, 'models.delete', { entityType: 'model', entityId: id }, { name: model.name });
  });
}

/** Registers the next version from an artifact location; its datasets come from the run's inputs when a run is named. */
export async function versionRegister(ctx: ServiceContext, input: z.output<typeof versionRegisterInput>) {
  const model = await modelGetRow(ctx.db, input.modelId);
  const run = input.runId === undefined ? null : await runFind(ctx.db, input.runId);
  if (input.runId !== undefined && !run) throw badRequest(`No run with id ${input.runId}: register from a run logged to this server, or leave run_id out`);
  if (run?.deletedAt != null) throw badRequest(`Run ${run.id} is deleted; restore it before registering a model from it`);
  const { training, evaluation } = run ? await runDatasets(ctx.db, run.id) : { training: undefined, evaluation: undefined };
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const version = await versionInsert(tx, {
      modelId: model.id,
      sourceRunId: run?.id ?? null,
      artifactUri: input.source,
      artifactSha256: input.artifact?.sha256 ?? null,
      artifactSize: input.artifact?.size ?? null,
      trainingDatasetId: training?.datasetId ?? null,
      evalDatasetId: evaluation?.datasetId ?? null,
      description: input.description,
      tags: input.tags,
      runLink: input.runLink,
      createdAt: now,
      updatedAt: now,
      createdBy: ctx.actor?.userId ?? null,
    });
    await audit(ctx, tx, 'versions.create', { entityType: 'model_version', entityId: version.id }, {
      model: model.name,
      version: version.version,
      run: run?.id ?? null,
      artifact: { uri: version.artifactUri, sha256: version.artifactSha256, size: version.artifactSize },
      trainingDataset: training ? `${training.name}@${training.digest}` : null,
      evalDataset: evaluation ? `${evaluation.name}@${evaluation.digest}` : null,
    });
    return version;
  });
}

/** Refuses to retire a version that serves an alias or awaits a promotion. */
async function assertRetirable(ctx: ServiceContext, version: VersionRow, what: string) {
  const model = await modelGetRow(ctx.db, version.modelId);
  const serving = (await aliasesOf(ctx.db, [model.id])).filter((a) => a.versionId === version.id).map((a) => a.alias);
  if (serving.length > 0) {
    throw badRequest(`Cannot ${what} ${model.name} v${version.version}: it serves ${serving.map((a) => `@${a}`).join(', ')}. Promote another version or roll back first`);
  }
  const open = await promotionList(ctx.db, { versionId: version.id, states: ['pending', 'approved'] });
  if (open.length > 0) throw badRequest(`Cannot ${what} ${model.name} v${version.version}: promotion request #${open[0]!.request.id} for it is open; withdraw it first`);
}

export async function versionChange(ctx: ServiceContext, input: z.output<typeof versionUpdateInput>) {
  const version = await versionGetRow(ctx.db, input.versionId);
  if (version.deletedAt !== null) throw badRequest(`Version ${version.version} is deleted`);
  const { versionId, archived, ...fields } = input;
  const changes: Parameters<typeof versionUpdate>[2] = { ...fields };
  if (archived !== undefined && archived !== (version.archivedAt !== null)) {
    if (archived) await assertRetirable(ctx, version, 'archive');
    changes.archivedAt = archived ? ctx.clock.now() : null;
  }
  const keys = Object.keys(changes) as (keyof typeof changes)[];
  if (keys.length === 0) return version;
  return ctx.db.transaction(async (tx) => {
    const updated = await versionUpdate(tx, versionId, { ...changes, updatedAt: ctx.clock.now() });
    const from = Object.fromEntries(keys.map((k) => [k, version[k]]));
    await audit(ctx, tx, 'versions.update', { entityType: 'model_version', entityId: versionId }, { from, to: changes });
    return updated!;
  });
}

/** Hides the version from listings; the row stays for lineage and the audit trail. */
export async function versionDelete(ctx: ServiceContext, versionId: number) {
  const version = await versionGetRow(ctx.db, versionId);
  if (version.deletedAt !== null) return version;
  await assertRetirable(ctx, version, 'delete');
  return ctx.db.transaction(async (tx) => {
    const updated = await versionUpdate(tx, versionId, { deletedAt: ctx.clock.now(), updatedAt: ctx.clock.now() });
    await audit(ctx, tx, 'versions.delete', { entityType: 'model_version', entityId: versionId }, { version: version.version });
    return updated!;
  });
}

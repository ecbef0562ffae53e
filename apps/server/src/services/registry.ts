// Registry verbs: models, versions registered from runs, aliases and their history,
// and the lineage graph dataset → run → version → alias.
import type { z } from 'zod';
import type { modelCreateInput, modelUpdateInput, versionCreateInput } from '@quorum/contracts';
import {
  aliasAt,
  aliasesOf,
  aliasHistoryOf,
  datasetFind,
  gateResultLatest,
  modelFind,
  modelFindByName,
  modelInsert,
  modelList,
  modelUpdate,
  promotionList,
  runFind,
  runInputsList,
  versionFind,
  versionFindByNumber,
  versionInsert,
  versionEvidenceChange,
  versionsOf,
  type Db,
} from '@quorum/db';
import { GATE_POLICY_DEFAULT, gatePolicyValidate } from '@quorum/domain';
import { sha256Hex } from '../auth/secrets';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { badRequest, conflict, notFound } from './errors';
// gates and promotions import this module too; the cycle is between functions only.
import { gateCheck } from './gates';
import { evidenceChanged } from './promotions';

export function policyParse(policy: unknown) {
  const checked = gatePolicyValidate(policy);
  if (!checked.ok) throw badRequest(`The gate policy is not valid: ${checked.errors.join('; ')}`);
  return checked.policy;
}

export async function modelGetRow(db: Db, id: number) {
  const model = await modelFind(db, id);
  if (!model) throw notFound(`No registered model with id ${id}`);
  return model;
}

export async function modelGetRowByName(db: Db, name: string) {
  const model = await modelFindByName(db, name);
  if (!model) throw notFound(`No registered model named "${name}"`);
  return model;
}

export async function versionGetRow(db: Db, id: number) {
  const version = await versionFind(db, id);
  if (!version) throw notFound(`No model version with id ${id}`);
  return version;
}

export async function modelCreate(ctx: ServiceContext, input: z.output<typeof modelCreateInput>) {
  if (await modelFindByName(ctx.db, input.name)) throw conflict(`A model named "${input.name}" is already registered`);
  const policy = input.gatePolicy === undefined ? GATE_POLICY_DEFAULT : policyParse(input.gatePolicy);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const model = await modelInsert(tx, {
      name: input.name,
      description: input.description,
      ownerTeamId: input.ownerTeamId ?? null,
      tags: input.tags,
      riskRating: input.riskRating,
      gatePolicy: policy as unknown as Record<string, unknown>,
      createdAt: now,
      createdBy: ctx.actor?.userId ?? null,
      updatedAt: now,
    });
    await audit(ctx, tx, 'models.create', { entityType: 'model', entityId: model.id }, { name: model.name, riskRating: model.riskRating, policy });
    return model;
  });
}

export async function modelChange(ctx: ServiceContext, input: z.output<typeof modelUpdateInput>) {
  const before = await modelGetRow(ctx.db, input.id);
  const { id, ...changes } = input;
  return ctx.db.transaction(async (tx) => {
    const model = await modelUpdate(tx, id, { ...changes, updatedAt: ctx.clock.now() });
    const from = Object.fromEntries(Object.keys(changes).map((k) => [k, before[k as keyof typeof before]]));
    await audit(ctx, tx, 'models.update', { entityType: 'model', entityId: id }, { from, to: changes });
    return model!;
  });
}

/** Every model with its aliases and the gate status of the versions they point at. */
export async function modelsOverview(ctx: ServiceContext) {
  const models = await modelList(ctx.db);
  const aliases = await aliasesOf(ctx.db, models.map((m) => m.id));
  const results = await gateResultLatest(ctx.db, aliases.map((a) => a.versionId));
  const open = await promotionList(ctx.db, { states: ['pending', 'approved'] });
  return models.map((m) => ({
    ...m,
    aliases: aliases.filter((a) => a.modelId === m.id).map((a) => ({ ...a, gatesPassed: results.get(a.versionId)?.passed ?? null })),
    openRequests: open.filter((r) => r.request.modelId === m.id).length,
  }));
}

/** A model page: versions with their latest gate result, aliases, timeline and requests. */
export async function modelDetail(ctx: ServiceContext, id: number) {
  const model = await modelGetRow(ctx.db, id);
  // Deleted versions stay in the database for lineage and the trail, not on the model page.
  const versions = (await versionsOf(ctx.db, id)).filter((v) => v.deletedAt === null);
  const results = await gateResultLatest(ctx.db, versions.map((v) => v.id));
  const [aliases, timeline, requests] = await Promise.all([aliasesOf(ctx.db, [id]), aliasHistoryOf(ctx.db, id), promotionList(ctx.db, { modelId: id })]);
  return {
    ...model,
    versions: versions.map((v) => ({ ...v, gate: results.get(v.id) ?? null })),
    aliases,
    timeline,
    requests: requests.map((r) => ({ ...r.request, modelName: r.modelName, version: r.version })),
  };
}

/** The training and evaluation datasets of a run, from the contexts its inputs were logged with. */
export async function runDatasets(db: Db, runId: string) {
  const inputs = await runInputsList(db, runId);
  return {
    training: inputs.find((i) => i.context === 'train') ?? inputs.find((i) => i.context === ''),
    evaluation: inputs.find((i) => i.context === 'eval' || i.context === 'test' || i.context === 'validation'),
  };
}

/** Registers a run's model as the next version; its datasets come from the run's inputs. */
export async function versionCreate(ctx: ServiceContext, input: z.output<typeof versionCreateInput>) {
  const model = await modelGetRow(ctx.db, input.modelId);
  const run = await runFind(ctx.db, input.runId);
  if (!run) throw notFound(`No run with id ${input.runId}`);
  if (run.status !== 'FINISHED') throw badRequest(`Run ${run.name} is ${run.status.toLowerCase()}; register versions from finished runs`);
  const { training, evaluation } = await runDatasets(ctx.db, run.id);
  return ctx.db.transaction(async (tx) => {
    const version = await versionInsert(tx, {
      modelId: model.id,
      sourceRunId: run.id,
      artifactUri: input.artifactUri,
      artifactSha256: input.artifactSha256,
      artifactSize: input.artifactSize,
      signature: input.signature ?? null,
      trainingDatasetId: training?.datasetId ?? null,
      evalDatasetId: evaluation?.datasetId ?? null,
      cardMarkdown: input.cardMarkdown,
      featureImportances: input.featureImportances ?? null,
      description: input.description,
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
      createdBy: ctx.actor?.userId ?? null,
    });
    await audit(ctx, tx, 'versions.create', { entityType: 'model_version', entityId: version.id }, {
      model: model.name,
      version: version.version,
      run: run.id,
      artifact: { uri: version.artifactUri, sha256: version.artifactSha256, size: version.artifactSize },
      trainingDataset: training ? `${training.name}@${training.digest}` : null,
      evalDataset: evaluation ? `${evaluation.name}@${evaluation.digest}` : null,
    });
    return version;
  });
}

export async function versionDetail(ctx: ServiceContext, id: number) {
  const version = await versionGetRow(ctx.db, id);
  const model = await modelGetRow(ctx.db, version.modelId);
  const [gate, run, training, evaluation, requests] = await Promise.all([
    gateResultLatest(ctx.db, [id]).then((m) => m.get(id) ?? null),
    version.sourceRunId ? runFind(ctx.db, version.sourceRunId) : undefined,
    version.trainingDatasetId ? datasetFind(ctx.db, version.trainingDatasetId) : undefined,
    version.evalDatasetId ? datasetFind(ctx.db, version.evalDatasetId) : undefined,
    promotionList(ctx.db, { versionId: id }),
  ]);
  return {
    ...version,
    modelName: model.name,
    gate,
    run: run ? { id: run.id, name: run.name, experimentId: run.experimentId, status: run.status, createdBy: run.createdBy } : null,
    trainingDataset: training ? { id: training.id, name: training.name, digest: training.digest } : null,
    evalDataset: evaluation ? { id: evaluation.id, name: evaluation.name, digest: evaluation.digest } : null,
    requests: requests.map((r) => r.request),
  };
}

export async function versionByNumber(ctx: ServiceContext, modelName: string, number: number) {
  const model = await modelGetRowByName(ctx.db, modelName);
  const version = await versionFindByNumber(ctx.db, model.id, number);
  if (!version) throw notFound(`Model ${modelName} has no version ${number}`);
  return versionDetail(ctx, version.id);
}

/** Which version served the alias at time `at`. */
export async function aliasAtTime(ctx: ServiceContext, modelId: number, alias: string, at: number) {
  await modelGetRow(ctx.db, modelId);
  const move = await aliasAt(ctx.db, modelId, alias, at);
  if (!move || move.versionId === null) return { alias, at, versionId: null, version: null, since: move?.movedAt ?? null };
  const version = await versionGetRow(ctx.db, move.versionId);
  return { alias, at, versionId: version.id, version: version.version, since: move.movedAt };
}

/** Replaces the model's gate policy and re-evaluates versions with open requests. */
export async function modelSetPolicy(ctx: ServiceContext, input: { modelId: number; policy: unknown }) {
  const model = await modelGetRow(ctx.db, input.modelId);
  const policy = policyParse(input.policy);
  await ctx.db.transaction(async (tx) => {
    await modelUpdate(tx, model.id, { gatePolicy: policy as unknown as Record<string, unknown>, updatedAt: ctx.clock.now() });
    await audit(ctx, tx, 'models.setPolicy', { entityType: 'model', entityId: model.id }, { from: model.gatePolicy, to: policy });
  });
  const open = await promotionList(ctx.db, { modelId: model.id, states: ['pending', 'approved'] });
  for (const versionId of new Set(open.map((r) => r.request.versionId))) await gateCheck(ctx, versionId);
  return modelGetRow(ctx.db, model.id);
}

/** Edits the model card: changed evidence, so open requests for the version need new sign-off. */
export async function versionUpdateCard(ctx: ServiceContext, input: { versionId: number; cardMarkdown: string }) {
  const version = await versionGetRow(ctx.db, input.versionId);
  return ctx.db.transaction(async (tx) => {
    const updated = await versionEvidenceChange(tx, version.id, { cardMarkdown: input.cardMarkdown });
    await audit(ctx, tx, 'versions.updateCard', { entityType: 'model_version', entityId: version.id }, { cardSha256: { from: sha256Hex(version.cardMarkdown), to: sha256Hex(input.cardMarkdown) } });
    await evidenceChanged(ctx, tx, version.id, 'The model card was edited');
    return updated!;
  });
}

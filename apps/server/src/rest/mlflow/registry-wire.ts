// MLflow's RegisteredModel and ModelVersion shapes over Quorum's registry. MLflow's stages
// are read from Quorum's aliases: a version served by @production is "Production", by
// @staging "Staging"; an archived version is "Archived"; anything else "None".
import { aliasesOf, modelFindByName, userList, versionFindByNumber, versionsOfModels, type ModelRow, type VersionRow } from '@quorum/db';
import type { Ctx } from './lookup';
import { invalid, MlflowError } from './errors';
import { nonEmpty } from './wire';

export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type Stage = (typeof STAGES)[number];

/** The alias each promotable stage stands for. */
export const STAGE_ALIAS = { Staging: 'staging', Production: 'production' } as const satisfies Partial<Record<Stage, string>>;

/** Stage input is case-insensitive and stored canonical. */
export function stageOf(raw: string): Stage {
  const found = STAGES.find((s) => s.toLowerCase() === raw.trim().toLowerCase());
  if (!found) throw invalid(`Invalid Model Version stage: ${raw}. Value must be one of ${STAGES.join(', ')}.`);
  return found;
}

/** Models with their live versions, aliases, and the e-mail of whoever registered them. */
export interface RegistryView {
  models: ModelRow[];
  versions: Map<number, VersionRow[]>;
  aliases: Map<number, { alias: string; versionId: number; version: number }[]>;
  users: Map<number, string>;
}

export async function registryView(ctx: Ctx, models: ModelRow[]): Promise<RegistryView> {
  const ids = models.map((m) => m.id);
  const [versions, aliases, users] = await Promise.all([versionsOfModels(ctx.db, ids), aliasesOf(ctx.db, ids), userList(ctx.db)]);
  const group = <T extends { modelId: number }>(rows: T[]) => {
    const out = new Map<number, T[]>();
    for (const r of rows) out.set(r.modelId, [...(out.get(r.modelId) ?? []), r]);
    return out;
  };
  return {
    models,
    versions: group(versions.filter((v) => v.deletedAt === null)),
    aliases: group(aliases),
    users: new Map(users.map((u) => [u.id, u.email])),
  };
}

export function currentStage(version: VersionRow, aliases: readonly string[]): Stage {
  if (aliases.includes(STAGE_ALIAS.Production)) return 'Production';
  if (aliases.includes(STAGE_ALIAS.Staging)) return 'Staging';
  return version.archivedAt !== null ? 'Archived' : 'None';
}

const pairs = (tags: Record<string, string>) => Object.entries(tags).map(([key, value]) => ({ key, value }));

export function modelVersionJson(view: RegistryView, model: ModelRow, v: VersionRow) {
  const aliases = (view.aliases.get(model.id) ?? []).filter((a) => a.versionId === v.id).map((a) => a.alias);
  const user = v.createdBy === null ? undefined : view.users.get(v.createdBy);
  return {
    name: model.name,
    version: String(v.version),
    creation_timestamp: v.createdAt,
    last_updated_timestamp: v.updatedAt ?? v.createdAt,
    ...(user !== undefined && { user_id: user }),
    current_stage: currentStage(v, aliases),
    ...(v.description !== '' && { description: v.description }),
    source: v.artifactUri,
    ...(v.sourceRunId !== null && { run_id: v.sourceRunId }),
    status: 'READY',
    ...nonEmpty('tags', pairs(v.tags)),
    ...(v.runLink !== '' && { run_link: v.runLink }),
    ...nonEmpty('aliases', aliases),
  };
}

/** The highest live version in each stage (all stages, or the ones asked for). */
export function latestVersions(view: RegistryView, model: ModelRow, stages?: readonly Stage[]) {
  const byStage = new Map<Stage, VersionRow>();
  for (const v of view.versions.get(model.id) ?? []) {
    const stage = currentStage(v, (view.aliases.get(model.id) ?? []).filter((a) => a.versionId === v.id).map((a) => a.alias));
    const best = byStage.get(stage);
    if (!best || v.version > best.version) byStage.set(stage, v);
  }
  return [...byStage.entries()]
    .filter(([stage]) => !stages || stages.length === 0 || stages.includes(stage))
    .map(([, v]) => v)
    .sort((a, b) => a.version - b.version)
    .map((v) => modelVersionJson(view, model, v));
}

export function registeredModelJson(view: RegistryView, model: ModelRow) {
  const user = model.createdBy === null ? undefined : view.users.get(model.createdBy);
  return {
    name: model.name,
    creation_timestamp: model.createdAt,
    last_updated_timestamp: model.updatedAt,
    ...(user !== undefined && { user_id: user }),
    ...(model.description !== '' && { description: model.description }),
    ...nonEmpty('latest_versions', latestVersions(view, model)),
    ...nonEmpty('tags', pairs(model.tags)),
    ...nonEmpty('aliases', (view.aliases.get(model.id) ?? []).map((a) => ({ alias: a.alias, version: String(a.version) }))),
  };
}

export const modelNotFound = (name: string) => new MlflowError('RESOURCE_DOES_NOT_EXIST', `Registered Model with name=${name} not found`);
export const versionNotFound = (name: string, version: string) => new MlflowError('RESOURCE_DOES_NOT_EXIST', `Model Version (name=${name}, version=${version}) not found`);

export async function findModel(ctx: Ctx, name: string): Promise<ModelRow> {
  const model = await modelFindByName(ctx.db, name);
  if (!model) throw modelNotFound(name);
  return model;
}

/** A live version by its number, which MLflow sends as a string. */
export async function findVersion(ctx: Ctx, model: ModelRow, raw: string): Promise<VersionRow> {
  if (!/^\d+$/.test(raw.trim())) throw invalid(`Parameter 'version' must be an integer, got '${raw}'.`);
  const n = Number(raw.trim());
  const version = Number.isSafeInteger(n) && n <= 2 ** 31 - 1 ? await versionFindByNumber(ctx.db, model.id, n) : undefined;
  if (!version || version.deletedAt !== null) throw versionNotFound(model.name, raw);
  return version;
}

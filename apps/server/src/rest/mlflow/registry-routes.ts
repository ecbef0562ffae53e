// MLflow's model registry (registered-models/*, model-versions/*) over Quorum's registry.
// Versions registered here are the same versions the web app and the native API show.
// Stage transitions and alias moves go through the promotion quorum: the first call opens
// a promotion request and answers PERMISSION_DENIED with a link to it; once the request is
// approved, the same call applies it.
import type { Request } from 'express';
import { aliasNameSchema, EXPERIMENT_TAG_LIMITS, modelCreateInput, modelRenameInput, versionRegisterInput, versionUpdateInput } from '@quorum/contracts';
import { aliasesOf, modelList, type ModelRow, type VersionRow } from '@quorum/db';
import { ServiceError } from '../../services/errors';
import { promotionApply, promotionRequest, promotionsList } from '../../services/promotions';
import { modelChange, modelCreate, policyParse } from '../../services/registry';
import { modelDelete, modelRename, versionChange, versionDelete, versionRegister } from '../../services/registry-edits';
import { mlflowAuthorize } from './auth';
import { invalid, MlflowError } from './errors';
import type { Ctx, Route } from './lookup';
import { registryFilterParse, registryMatches, registryOrder } from './registry-search';
import {
  currentStage,
  findModel,
  findVersion,
  latestVersions,
  modelVersionJson,
  registeredModelJson,
  registryView,
  stageOf,
  type RegistryView,
  STAGE_ALIAS,
  versionNotFound,
  type Stage,
} from './registry-wire';
import { int64, list, nonEmpty, pageTokenDecode, pageTokenEncode, reqStr, str, strings, value, type Fields } from './wire';

// Registry tags share the experiment tag limits (250-character keys, 5000-character values).
const TAG_KEY_MAX = EXPERIMENT_TAG_LIMITS.keyLength;
const TAG_VALUE_MAX = EXPERIMENT_TAG_LIMITS.valueLength;

function tagOf(src: Fields): { key: string; value: string } {
  const key = reqStr(src, 'key');
  if (key.length > TAG_KEY_MAX) throw invalid(`Tag key '${key.slice(0, 40)}…' exceeds the maximum length of ${TAG_KEY_MAX} characters`);
  const v = value(src, 'value');
  if (v.length > TAG_VALUE_MAX) throw invalid(`Tag value for '${key}' exceeds the maximum length of ${TAG_VALUE_MAX} characters`);
  return { key, value: v };
}

const tagsOf = (src: Fields) =>
  Object.fromEntries(
    list(src, 'tags').map((t) => {
      const tag = tagOf(t);
      return [tag.key, tag.value];
    }),
  );

/** Digest and size of the files behind a version's source, or null when this server cannot read them. */
export type SourceDigest = (source: string) => Promise<{ sha256: string; size: number } | null>;

/** Turns Quorum's duplicate-name conflict into MLflow's RESOURCE_ALREADY_EXISTS. */
const asModelExists = (name: string) => (e: unknown) => {
  if (e instanceof ServiceError && e.code === 'CONFLICT') throw new MlflowError('RESOURCE_ALREADY_EXISTS', `Registered Model (name=${name}) already exists.`);
  throw e;
};

/** MLflow's alias rules, then Quorum's (lowercase, starting with a letter). */
function aliasOf(src: Fields): string {
  const alias = reqStr(src, 'alias');
  if (!/^[\w-]*$/.test(alias) || alias.length > 255) throw invalid(`Invalid alias name: '${alias}'. Alias names may only contain alphanumerics, underscores and dashes, up to 255 characters.`);
  if (alias.toLowerCase() === 'latest' || /^[vV]\d+$/.test(alias)) throw invalid(`'${alias}' is a reserved alias name; 'latest' and 'v<number>' are resolved by MLflow itself.`);
  const quorum = aliasNameSchema.safeParse(alias);
  if (!quorum.success) throw invalid(`Invalid alias name: '${alias}'. ${quorum.error.issues[0]!.message}.`);
  return quorum.data;
}

/** The web page of a promotion request, on the host the client called. */
const requestLink = (req: Request, id: number) => `${req.protocol}://${req.get('host') ?? 'localhost'}/approvals/${id}`;

type AliasRow = { alias: string; versionId: number };

/**
 * Points `alias` at the version through the promotion quorum: applies an approved request
 * for exactly this move, or opens one (or names the one already open) and refuses.
 * `aliases` are the model's aliases as the caller just read them.
 */
async function moveThroughQuorum(
  req: Request,
  ctx: Ctx,
  model: ModelRow,
  version: VersionRow,
  alias: string,
  how: string,
  aliases: readonly AliasRow[],
): Promise<'moved' | 'unchanged'> {
  const current = aliases.find((a) => a.alias === alias);
  if (current?.versionId === version.id) return 'unchanged';
  const open = (await promotionsList(ctx, { modelId: model.id, states: ['pending', 'approved'] })).filter((r) => r.alias === alias);
  const approved = open.find((r) => r.versionId === version.id && r.state === 'approved');
  if (approved) {
    await mlflowAuthorize(req, ctx, 'promotions.execute');
    await promotionApply(ctx, approved.id);
    return 'moved';
  }
  const policy = policyParse(model.gatePolicy);
  const needs = policy.approvals.map((a) => `${a.count} ${a.role.replace('_', ' ')}`).join(' and ');
  const pending = open.find((r) => r.versionId === version.id);
  if (pending) {
    throw new MlflowError(
      'PERMISSION_DENIED',
      `Moving ${model.name}@${alias} to version ${version.version} needs the promotion quorum (${needs}, every gate green). ` +
        `Promotion request #${pending.id} is ${pending.state} and awaiting sign-off: ${requestLink(req, pending.id)}. Run this again once it is approved.`,
    );
  }
  const other = open[0];
  if (other) {
    throw new MlflowError(
      'PERMISSION_DENIED',
      `Promotion request #${other.id} to move ${model.name}@${alias} to version ${other.version} is still open (${requestLink(req, other.id)}); withdraw it before asking for version ${version.version}.`,
    );
  }
  await mlflowAuthorize(req, ctx, 'promotions.request');
  const request = await promotionRequest(ctx, { versionId: version.id, alias, justification: `Requested through the MLflow API (${how}).` });
  throw new MlflowError(
    'PERMISSION_DENIED',
    `Moving ${model.name}@${alias} to version ${version.version} needs the promotion quorum (${needs}, every gate green). ` +
      `Opened promotion request #${request.id}: ${requestLink(req, request.id)}. Run this again once it is approved.`,
  );
}

async function versionJsonOf(ctx: Ctx, model: ModelRow, version: VersionRow) {
  const view = await registryView(ctx, [model]);
  return modelVersionJson(view, model, version);
}

function paged<T>(items: T[], src: Fields, max: { default: number; limit: number }) {
  const maxResults = int64(src, 'max_results') ?? max.default;
  if (maxResults < 1 || maxResults > max.limit) throw invalid(`Invalid value ${maxResults} for parameter 'max_results' supplied. It must be between 1 and ${max.limit}.`);
  const offset = pageTokenDecode(str(src, 'page_token'));
  const page = items.slice(offset, offset + maxResults);
  const next = offset + page.length;
  return { page, nextToken: next < items.length ? pageTokenEncode(next) : undefined };
}

const orderByOf = (src: Fields) => strings(src, 'order_by');

export function registerRegistryRoutes(route: Route, sourceDigest: SourceDigest): void {
  // Registered models -------------------------------------------------------------
  route(['post'], '/registered-models/create', async (req, ctx, src) => {
    const name = reqStr(src, 'name');
    await mlflowAuthorize(req, ctx, 'models.create');
    const input = modelCreateInput.parse({ name, description: str(src, 'description') ?? '', tags: tagsOf(src) });
    const model = await modelCreate(ctx, input).catch(asModelExists(name));
    return { registered_model: registeredModelJson(await registryView(ctx, [model]), model) };
  });

  route(['get'], '/registered-models/get', async (_req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    return { registered_model: registeredModelJson(await registryView(ctx, [model]), model) };
  });

  route(['post'], '/registered-models/rename', async (req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const newName = reqStr(src, 'new_name');
    await mlflowAuthorize(req, ctx, 'models.rename');
    const renamed = await modelRename(ctx, modelRenameInput.parse({ id: model.id, name: newName })).catch(asModelExists(newName));
    return { registered_model: registeredModelJson(await registryView(ctx, [renamed]), renamed) };
  });

  route(['patch'], '/registered-models/update', async (req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const description = str(src, 'description');
    if (description === undefined) return { registered_model: registeredModelJson(await registryView(ctx, [model]), model) };
    await mlflowAuthorize(req, ctx, 'models.update');
    const updated = await modelChange(ctx, { id: model.id, description });
    return { registered_model: registeredModelJson(await registryView(ctx, [updated]), updated) };
  });

  route(['delete'], '/registered-models/delete', async (req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    await mlflowAuthorize(req, ctx, 'models.delete');
    await modelDelete(ctx, model.id);
    return {};
  });

  route(['get'], '/registered-models/search', async (_req, ctx, src) => {
    const clauses = registryFilterParse(str(src, 'filter'), { entity: 'registered models', strings: ['name'], inList: [], numbers: [] });
    const models = (await modelList(ctx.db)).filter((m) => registryMatches(clauses, (k) => (k === 'name' ? m.name : undefined), m.tags));
    const updated = (m: ModelRow) => m.updatedAt;
    const sorted = registryOrder(models, orderByOf(src), { name: (m) => m.name, timestamp: updated, last_updated_timestamp: updated, creation_timestamp: (m) => m.createdAt }, [
      { key: (m) => m.name, desc: false },
    ]);
    const { page, nextToken } = paged(sorted, src, { default: 100, limit: 1_000 });
    const view = await registryView(ctx, page);
    return { ...nonEmpty('registered_models', page.map((m) => registeredModelJson(view, m))), ...(nextToken && { next_page_token: nextToken }) };
  });

  const modelTags = (set: boolean) => async (req: Request, ctx: Ctx, src: Fields) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const tags = { ...model.tags };
    if (set) {
      const tag = tagOf(src);
      tags[tag.key] = tag.value;
    } else {
      const key = reqStr(src, 'key');
      if (!Object.hasOwn(tags, key)) throw new MlflowError('RESOURCE_DOES_NOT_EXIST', `No tag with name: ${key} in registered model ${model.name}`);
      delete tags[key];
    }
    await mlflowAuthorize(req, ctx, 'models.update');
    await modelChange(ctx, { id: model.id, tags });
    return {};
  };
  route(['post'], '/registered-models/set-tag', modelTags(true));
  route(['delete'], '/registered-models/delete-tag', modelTags(false));

  route(['post'], '/registered-models/alias', async (req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const alias = aliasOf(src);
    const version = await findVersion(ctx, model, reqStr(src, 'version'));
    await moveThroughQuorum(req, ctx, model, version, alias, `set alias ${alias} to version ${version.version}`, await aliasesOf(ctx.db, [model.id]));
    return {};
  });

  route(['get'], '/registered-models/alias', async (_req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const alias = reqStr(src, 'alias');
    const view = await registryView(ctx, [model]);
    const found = (view.aliases.get(model.id) ?? []).find((a) => a.alias === alias);
    if (!found) throw invalid(`Registered model alias ${alias} not found.`);
    const version = (view.versions.get(model.id) ?? []).find((v) => v.id === found.versionId);
    if (!version) throw invalid(`Registered model alias ${alias} not found.`);
    return { model_version: modelVersionJson(view, model, version) };
  });

  route(['delete'], '/registered-models/alias', async (_req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const alias = reqStr(src, 'alias');
    if (!(await aliasesOf(ctx.db, [model.id])).some((a) => a.alias === alias)) throw invalid(`Registered model alias ${alias} not found.`);
    throw new MlflowError(
      'PERMISSION_DENIED',
      `${model.name}@${alias} cannot be removed: in Quorum an alias moves only through a promotion request or a rollback (with a reason the compliance lead reviews). Roll back from the model's page or promote another version.`,
    );
  });

  route(['get', 'post'], '/registered-models/get-latest-versions', async (_req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const stages = strings(src, 'stages').map(stageOf);
    const view = await registryView(ctx, [model]);
    return nonEmpty('model_versions', latestVersions(view, model, stages));
  });

  // Model versions -----------------------------------------------------------------
  route(['post'], '/model-versions/create', async (req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const source = reqStr(src, 'source');
    await mlflowAuthorize(req, ctx, 'versions.create');
    const artifact = await sourceDigest(source);
    const input = versionRegisterInput.parse({
      modelId: model.id,
      source,
      runId: str(src, 'run_id'),
      description: str(src, 'description') ?? '',
      tags: tagsOf(src),
      runLink: str(src, 'run_link') ?? '',
      artifact,
    });
    const version = await versionRegister(ctx, input);
    return { model_version: await versionJsonOf(ctx, model, version) };
  });

  route(['get'], '/model-versions/get', async (_req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const version = await findVersion(ctx, model, reqStr(src, 'version'));
    return { model_version: await versionJsonOf(ctx, model, version) };
  });

  route(['patch'], '/model-versions/update', async (req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const version = await findVersion(ctx, model, reqStr(src, 'version'));
    const description = str(src, 'description');
    if (description === undefined) return { model_version: await versionJsonOf(ctx, model, version) };
    await mlflowAuthorize(req, ctx, 'versions.update');
    const updated = await versionChange(ctx, versionUpdateInput.parse({ versionId: version.id, description }));
    return { model_version: await versionJsonOf(ctx, model, updated) };
  });

  route(['delete'], '/model-versions/delete', async (req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const version = await findVersion(ctx, model, reqStr(src, 'version'));
    await mlflowAuthorize(req, ctx, 'versions.delete');
    await versionDelete(ctx, version.id);
    return {};
  });

  route(['get'], '/model-versions/search', async (_req, ctx, src) => {
    const clauses = registryFilterParse(str(src, 'filter'), { entity: 'model versions', strings: ['name', 'source_path', 'run_id'], inList: ['run_id'], numbers: ['version_number'] });
    const models = await modelList(ctx.db);
    const view = await registryView(ctx, models);
    const rows = models.flatMap((m) => (view.versions.get(m.id) ?? []).map((v) => ({ m, v })));
    const attr = ({ m, v }: (typeof rows)[number]) => (k: string) =>
      k === 'name' ? m.name : k === 'source_path' ? v.artifactUri : k === 'run_id' ? (v.sourceRunId ?? undefined) : k === 'version_number' ? v.version : undefined;
    const found = rows.filter((r) => registryMatches(clauses, attr(r), r.v.tags));
    const sorted = registryOrder(
      found,
      orderByOf(src),
      {
        name: (r) => r.m.name,
        version_number: (r) => r.v.version,
        creation_timestamp: (r) => r.v.createdAt,
        last_updated_timestamp: (r) => r.v.updatedAt ?? r.v.createdAt,
      },
      [
        { key: (r) => r.m.name, desc: false },
        { key: (r) => r.v.version, desc: true },
      ],
    );
    const { page, nextToken } = paged(sorted, src, { default: 200_000, limit: 200_000 });
    return { ...nonEmpty('model_versions', page.map((r) => modelVersionJson(view, r.m, r.v))), ...(nextToken && { next_page_token: nextToken }) };
  });

  route(['post'], '/model-versions/transition-stage', async (req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const version = await findVersion(ctx, model, reqStr(src, 'version'));
    const stage: Stage = stageOf(reqStr(src, 'stage'));
    const archiveOthers = /^true$/i.test(str(src, 'archive_existing_versions') ?? 'false');
    if (archiveOthers && stage !== 'Staging' && stage !== 'Production') throw invalid(`archive_existing_versions applies only to the Staging and Production stages, not ${stage}.`);
    // A view read before any change, reused for the answer when nothing changed.
    let view: RegistryView | undefined;
    if (stage === 'Staging' || stage === 'Production') {
      const alias = STAGE_ALIAS[stage];
      const aliases = await aliasesOf(ctx.db, [model.id]);
      const holder = aliases.find((a) => a.alias === alias);
      const moved = await moveThroughQuorum(req, ctx, model, version, alias, `transition-stage to ${stage}`, aliases);
      // The version that held the stage leaves it; with archive_existing_versions it is archived.
      if (moved === 'moved' && archiveOthers && holder && holder.versionId !== version.id) {
        const stillServes = (await aliasesOf(ctx.db, [model.id])).some((a) => a.versionId === holder.versionId);
        if (!stillServes) {
          await mlflowAuthorize(req, ctx, 'versions.update');
          await versionChange(ctx, { versionId: holder.versionId, archived: true });
        }
      }
    } else {
      const before = await registryView(ctx, [model]);
      const now = currentStage(version, (before.aliases.get(model.id) ?? []).filter((a) => a.versionId === version.id).map((a) => a.alias));
      if (now === 'Staging' || now === 'Production') {
        throw new MlflowError(
          'PERMISSION_DENIED',
          `Version ${version.version} of ${model.name} is in ${now} (@${STAGE_ALIAS[now]}); it leaves that stage when another version is promoted or the alias is rolled back from the model's page.`,
        );
      }
      if (now !== stage) {
        await mlflowAuthorize(req, ctx, 'versions.update');
        await versionChange(ctx, { versionId: version.id, archived: stage === 'Archived' });
      } else {
        view = before;
      }
    }
    view ??= await registryView(ctx, [model]);
    const fresh = (view.versions.get(model.id) ?? []).find((v) => v.id === version.id);
    if (!fresh) throw versionNotFound(model.name, String(version.version));
    return { model_version: modelVersionJson(view, model, fresh) };
  });

  const versionTags = (set: boolean) => async (req: Request, ctx: Ctx, src: Fields) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const version = await findVersion(ctx, model, reqStr(src, 'version'));
    const tags = { ...version.tags };
    if (set) {
      if (src.value === null || src.value === undefined) throw invalid(`Missing value for required parameter 'value'. A model version tag needs a value.`);
      const tag = tagOf(src);
      tags[tag.key] = tag.value;
    } else {
      const key = reqStr(src, 'key');
      if (!Object.hasOwn(tags, key)) throw new MlflowError('RESOURCE_DOES_NOT_EXIST', `No tag with name: ${key} in model version ${model.name} ${version.version}`);
      delete tags[key];
    }
    await mlflowAuthorize(req, ctx, 'versions.update');
    await versionChange(ctx, versionUpdateInput.parse({ versionId: version.id, tags }));
    return {};
  };
  route(['post'], '/model-versions/set-tag', versionTags(true));
  route(['delete'], '/model-versions/delete-tag', versionTags(false));

  route(['get'], '/model-versions/get-download-uri', async (_req, ctx, src) => {
    const model = await findModel(ctx, reqStr(src, 'name'));
    const version = await findVersion(ctx, model, reqStr(src, 'version'));
    return { artifact_uri: version.artifactUri };
  });
}

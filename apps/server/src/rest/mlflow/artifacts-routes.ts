// artifacts/list (a run's stored files, paths relative to its artifact_uri) and
// runs/log-model (MLflow 2.x records each logged model in the run tag
// `mlflow.log-model.history`, a JSON list), for the MLflow tracking router.
import type { Request } from 'express';
import { LOG_BATCH_LIMITS } from '@quorum/contracts';
import { artifactChildren, artifactPathSegments } from '../../services/artifact-store';
import { runGet } from '../../services/runs';
import { artifactsNotConfigured } from './artifacts';
import { invalid } from './errors';
import { asRunError, requireRun, type Ctx, type Route } from './lookup';
import { isObject, nonEmpty, reqStr, runIdOf, runInfoJson, str } from './wire';

export const LOG_MODEL_HISTORY_TAG = 'mlflow.log-model.history';

export interface ArtifactRouteDeps {
  artifactRoot: string | undefined;
  /** The router's audited tag write (policy `runs.logBatch`, active run). */
  logTags: (req: Request, ctx: Ctx, runId: string, items: { tags: { key: string; value: string }[] }) => Promise<void>;
}

type Json = Record<string, unknown>;

/**
 * The history entry MLflow keeps for a model JSON (`Model.get_tags_dict`): run_id,
 * utc_time_created, artifact_path, model_uuid, and the flavors without their `config`.
 */
export function logModelEntry(modelJson: string): Json {
  let model: unknown;
  try {
    model = JSON.parse(modelJson);
  } catch {
    model = undefined;
  }
  const shown = modelJson.length > 200 ? `${modelJson.slice(0, 200)}…` : modelJson;
  if (!isObject(model)) throw invalid(`Malformed model info. \n ${shown} \n is not a valid JSON object.`);
  const missing = ['artifact_path', 'flavors', 'utc_time_created', 'run_id'].filter((k) => !(k in model));
  if (missing.length > 0) throw invalid(`Model json is missing mandatory fields: {${missing.map((k) => `'${k}'`).join(', ')}}`);
  const entry: Json = {};
  for (const key of ['run_id', 'utc_time_created', 'artifact_path', 'model_uuid']) if (key in model) entry[key] = model[key];
  const flavors = model.flavors;
  entry.flavors = isObject(flavors)
    ? Object.fromEntries(Object.entries(flavors).map(([name, conf]) => [name, isObject(conf) ? Object.fromEntries(Object.entries(conf).filter(([k]) => k !== 'config')) : conf]))
    : flavors;
  return entry;
}

export function registerArtifactRoutes(route: Route, { artifactRoot, logTags }: ArtifactRouteDeps): void {
  // No pagination: a run's folder is listed whole, as MLflow's local store does.
  route(['get'], '/artifacts/list', async (_req, ctx, src) => {
    if (!artifactRoot) throw artifactsNotConfigured();
    const runId = runIdOf(src);
    const run = await requireRun(ctx, runId, false);
    const rel = str(src, 'path');
    const sub = rel === undefined || rel === '/' ? [] : artifactPathSegments(rel, { decode: false });
    const children = await artifactChildren(artifactRoot, [String(run.experimentId), run.id, 'artifacts', ...sub]);
    const files = children.map((c) => ({ path: [...sub, c.name].join('/'), is_dir: c.isDir, ...(c.size !== undefined && { file_size: c.size }) }));
    return { root_uri: runInfoJson(run).artifact_uri, ...nonEmpty('files', files) };
  });

  route(['post'], '/runs/log-model', async (req, ctx, src) => {
    const runId = runIdOf(src);
    const entry = logModelEntry(reqStr(src, 'model_json'));
    await requireRun(ctx, runId, true);
    const previous = (await runGet(ctx, runId).catch(asRunError(runId))).tags[LOG_MODEL_HISTORY_TAG];
    let history: unknown = [];
    if (previous !== undefined) {
      try {
        history = JSON.parse(previous);
      } catch {
        history = undefined;
      }
    }
    if (!Array.isArray(history)) {
      throw invalid(`The run tag '${LOG_MODEL_HISTORY_TAG}' of run ${runId} is not a JSON list, so the model cannot be added; delete the tag (runs/delete-tag) and log the model again`);
    }
    const value = JSON.stringify([...(history as unknown[]), entry]);
    if (value.length > LOG_BATCH_LIMITS.tagValueLength) {
      throw invalid(
        `The run tag '${LOG_MODEL_HISTORY_TAG}' would grow to ${value.length} characters, over the limit of ${LOG_BATCH_LIMITS.tagValueLength}: ` +
          `this run has logged too many models; log further models in a new run`,
      );
    }
    await logTags(req, ctx, runId, { tags: [{ key: LOG_MODEL_HISTORY_TAG, value }] });
    return {};
  });
}

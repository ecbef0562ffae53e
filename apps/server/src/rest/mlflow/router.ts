// "Speak MLflow": the MLflow REST API 2.0 tracking endpoints over Quorum's service
// verbs, so unchanged MLflow training code logs runs here. Mounted on
// /api/2.0/mlflow and /ajax-api/2.0/mlflow. Every write passes the policy table under
// the Quorum procedure it maps to and goes through the audited service verb.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { experimentCreateInput, LOG_BATCH_LIMITS, logBatchInput, runCreateInput, runUpdateInput } from '@quorum/contracts';
import { experimentFindByName, metricSeriesRaw, type Database, type ExperimentRow } from '@quorum/db';
import { RUN_STATUSES, type RunStatus } from '@quorum/domain';
import type { Clock } from '../../services/context';
import { ServiceError } from '../../services/errors';
import { experimentCreate, experimentsList } from '../../services/experiments';
import { logBatch } from '../../services/log-batch';
import { runCreate, runGet, runUpdate } from '../../services/runs';
import { artifactTreeDigest } from '../../services/artifact-store';
import { loggable } from '../../trpc/errors';
import { mlflowAuthorize, mlflowContext } from './auth';
import { invalid, MlflowError, mlflowErrorOf, sendError } from './errors';
import { experimentCreateTags, registerExperimentRoutes } from './experiments-routes';
import { asRunError, DEFAULT_EXPERIMENT_NAME, findExperiment, requireRun, type Ctx, type Route } from './lookup';
import { registerRegistryRoutes } from './registry-routes';
import { registerInputRoutes } from './inputs-routes';
import { registerMetricRoutes } from './metrics-routes';
import { registerRunRoutes } from './runs-routes';
import { registerArtifactRoutes } from './artifacts-routes';
import { searchExperiments } from './experiment-search';
import {
  dbl,
  double,
  experimentJson,
  int64,
  isObject,
  keyOf,
  list,
  nonEmpty,
  pageTokenDecode,
  pageTokenEncode,
  reqStr,
  runIdOf,
  runInfoJson,
  runJson,
  RUN_NAME_TAG,
  str,
  strings,
  value,
  type Fields,
} from './wire';


/** MLflow's log-batch limits (validation.py), stricter than Quorum's own. */
export const MLFLOW_BATCH_LIMITS = { metrics: 1000, params: 100, tags: 100, total: 1000 } as const;
const SOURCE_COMMIT_TAG = 'mlflow.source.git.commit';

export interface MlflowRouterDeps {
  db: Database;
  clock: Clock;
  maxBodyBytes: number;
  /** The artifact store's folder, for artifacts/list; absent when artifacts are not configured. */
  artifactRoot?: string | undefined;
}

/** NaN-safe: values are encoded by the shapes in wire.ts, so plain JSON is enough. */
function send(res: Response, body: object): void {
  res.status(200).json(body);
}

const truncate = (v: string, max: number) => (v.length > max ? v.slice(0, max) : v);

function statusOf(src: Fields): RunStatus | undefined {
  const v = src.status;
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= RUN_STATUSES.length) return RUN_STATUSES[v - 1];
  if (typeof v === 'string') {
    const s = v.toUpperCase();
    if ((RUN_STATUSES as readonly string[]).includes(s)) return s as RunStatus;
  }
  throw invalid(`Invalid value ${JSON.stringify(v)} for parameter 'status' supplied: expected one of ${RUN_STATUSES.join(', ')}`);
}

/** The experiment runs/create targets; MLflow's "0" is created as "Default" on first use. */
async function experimentForRun(req: Request, ctx: Ctx, id: string): Promise<ExperimentRow> {
  if (id === '0' && !(await experimentFindByName(ctx.db, DEFAULT_EXPERIMENT_NAME))) {
    await mlflowAuthorize(req, ctx, 'experiments.create');
    return experimentCreate(ctx, { name: DEFAULT_EXPERIMENT_NAME, description: 'Runs MLflow clients log without choosing an experiment' });
  }
  return findExperiment(ctx, id);
}

function kvs(src: Fields, name: string, maxValue: number): { key: string; value: string }[] {
  return list(src, name).map((t) => ({ key: keyOf(t), value: truncate(value(t, 'value'), maxValue) }));
}

function metricOf(m: Fields) {
  const v = double(m, 'value');
  if (v === undefined) throw invalid(`Missing value for required parameter 'value'`);
  const timestamp = int64(m, 'timestamp');
  if (timestamp === undefined) throw invalid(`Missing value for required parameter 'timestamp'`);
  return { key: keyOf(m), value: v, timestamp, step: int64(m, 'step') ?? 0 };
}

/** Logs params, metrics and tags through the audited logBatch verb; `mlflow.runName` renames the run. */
async function logThroughQuorum(
  req: Request,
  ctx: Ctx,
  runId: string,
  items: { metrics?: ReturnType<typeof metricOf>[]; params?: { key: string; value: string }[]; tags?: { key: string; value: string }[] },
): Promise<void> {
  const tags = items.tags ?? [];
  const renames = tags.filter((t) => t.key === RUN_NAME_TAG);
  const rest = { metrics: items.metrics ?? [], params: items.params ?? [], tags: tags.filter((t) => t.key !== RUN_NAME_TAG) };
  const run = await requireRun(ctx, runId, true);
  if (rest.metrics.length + rest.params.length + rest.tags.length > 0) {
    await mlflowAuthorize(req, ctx, 'runs.logBatch');
    await logBatch(ctx, logBatchInput.parse({ runId, ...rest })).catch(asRunError(runId));
  }
  const name = renames.at(-1)?.value;
  if (name !== undefined && name !== run.name) {
    await mlflowAuthorize(req, ctx, 'runs.update');
    await runUpdate(ctx, runUpdateInput.parse({ runId, name })).catch(asRunError(runId));
  }
}

export function mlflowRouter({ db, clock, maxBodyBytes, artifactRoot }: MlflowRouterDeps): Router {
  const r = Router();

  r.use((req, res, next) => {
    // Under /api app.ts answers 415 first; /ajax-api gets MLflow's own answer.
    if (req.method === 'POST' && req.headers['content-length'] !== '0' && !req.is('application/json')) {
      sendError(res, invalid('Bad Request. Content-Type must be "application/json".'));
      return;
    }
    next();
  });
  // PATCH and DELETE bodies are parsed whatever their content type, as MLflow does.
  r.use(express.json({ limit: maxBodyBytes, type: (req) => req.method !== 'GET' && req.method !== 'HEAD' }));

  const route: Route = (methods, path, handler) => {
    for (const method of methods) {
      r[method](path, async (req: Request, res: Response, next: NextFunction) => {
        try {
          // DELETE: clients send a JSON body (Python) or a query string; take both.
          const body: unknown = req.method === 'GET' ? req.query : req.method === 'DELETE' ? { ...req.query, ...(isObject(req.body) ? req.body : {}) } : (req.body ?? {});
          if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('The request body must be a JSON object');
          const ctx = await mlflowContext(req, res, db, clock);
          send(res, await handler(req, ctx, body as Fields));
        } catch (e) {
          next(e);
        }
      });
    }
  };

  // Experiments --------------------------------------------------------------------
  route(['post'], '/experiments/create', async (req, ctx, src) => {
    const name = reqStr(src, 'name');
    const tags = experimentCreateTags(src);
    await mlflowAuthorize(req, ctx, 'experiments.create');
    const input = experimentCreateInput.parse({ name, ...tags });
    const created = await experimentCreate(ctx, input).catch((e: unknown) => {
      if (e instanceof ServiceError && e.code === 'CONFLICT') throw new MlflowError('RESOURCE_ALREADY_EXISTS', `Experiment(name=${input.name}) already exists. Error: ${e.message}`);
      throw e;
    });
    return { experiment_id: String(created.id) };
  });

  route(['get'], '/experiments/get', async (_req, ctx, src) => ({ experiment: experimentJson(await findExperiment(ctx, reqStr(src, 'experiment_id'))) }));

  route(['get'], '/experiments/get-by-name', async (_req, ctx, src) => {
    const name = reqStr(src, 'experiment_name');
    const found = await experimentFindByName(ctx.db, name);
    if (!found) throw new MlflowError('RESOURCE_DOES_NOT_EXIST', `Could not find experiment with name '${name}'`);
    return { experiment: experimentJson(found) };
  });

  route(['get', 'post'], '/experiments/search', async (_req, ctx, src) => {
    const maxResults = int64(src, 'max_results') ?? 1000;
    if (maxResults < 1 || maxResults > 50_000) throw invalid(`Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most 50000`);
    const offset = pageTokenDecode(str(src, 'page_token'));
    const all = await experimentsList(ctx, { includeArchived: true });
    const found = searchExperiments(all, { filter: str(src, 'filter'), orderBy: strings(src, 'order_by'), viewType: str(src, 'view_type') });
    const page = found.slice(offset, offset + maxResults);
    const next = offset + page.length;
    return { ...nonEmpty('experiments', page.map(experimentJson)), ...(next < found.length && { next_page_token: pageTokenEncode(next) }) };
  });

  // Runs ---------------------------------------------------------------------------
  route(['post'], '/runs/create', async (req, ctx, src) => {
    const tags = kvs(src, 'tags', LOG_BATCH_LIMITS.tagValueLength);
    const runName = str(src, 'run_name');
    const tagName = tags.findLast((t) => t.key === RUN_NAME_TAG)?.value;
    if (runName !== undefined && tagName !== undefined && runName !== tagName) {
      throw invalid(`Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='${runName}', mlflow.runName='${tagName}').`);
    }
    await mlflowAuthorize(req, ctx, 'runs.create');
    const experiment = await experimentForRun(req, ctx, str(src, 'experiment_id') ?? '0');
    const commit = tags.findLast((t) => t.key === SOURCE_COMMIT_TAG)?.value;
    const input = runCreateInput.parse({
      experimentId: experiment.id,
      name: runName ?? tagName,
      startTime: int64(src, 'start_time'),
      userId: str(src, 'user_id'),
      ...(commit && commit.length <= 100 && { sourceCommit: commit }),
      tags: [...new Map(tags.filter((t) => t.key !== RUN_NAME_TAG).map((t) => [t.key, t])).values()],
    });
    const run = await runCreate(ctx, input);
    return { run: runJson(await runGet(ctx, run.id)) };
  });

  route(['get'], '/runs/get', async (_req, ctx, src) => {
    const runId = runIdOf(src);
    return { run: runJson(await runGet(ctx, runId).catch(asRunError(runId))) };
  });

  route(['post'], '/runs/update', async (req, ctx, src) => {
    const runId = runIdOf(src);
    const run = await requireRun(ctx, runId, true);
    const changes = { status: statusOf(src), endTime: int64(src, 'end_time'), name: str(src, 'run_name') };
    if (changes.status === undefined && changes.endTime === undefined && changes.name === undefined) return { run_info: runInfoJson(run) };
    await mlflowAuthorize(req, ctx, 'runs.update');
    const updated = await runUpdate(ctx, runUpdateInput.parse({ runId, ...changes })).catch(asRunError(runId));
    return { run_info: runInfoJson(updated) };
  });

  route(['post'], '/runs/log-metric', async (req, ctx, src) => {
    const runId = runIdOf(src);
    await logThroughQuorum(req, ctx, runId, { metrics: [metricOf(src)] });
    return {};
  });

  route(['post'], '/runs/log-parameter', async (req, ctx, src) => {
    const runId = runIdOf(src);
    await logThroughQuorum(req, ctx, runId, { params: [{ key: keyOf(src), value: truncate(value(src, 'value'), LOG_BATCH_LIMITS.paramValueLength) }] });
    return {};
  });

  route(['post'], '/runs/set-tag', async (req, ctx, src) => {
    const runId = runIdOf(src);
    await logThroughQuorum(req, ctx, runId, { tags: [{ key: keyOf(src), value: truncate(value(src, 'value'), LOG_BATCH_LIMITS.tagValueLength) }] });
    return {};
  });

  route(['post'], '/runs/log-batch', async (req, ctx, src) => {
    const runId = runIdOf(src);
    const metrics = list(src, 'metrics').map(metricOf);
    const params = kvs(src, 'params', LOG_BATCH_LIMITS.paramValueLength);
    const tags = kvs(src, 'tags', LOG_BATCH_LIMITS.tagValueLength);
    const L = MLFLOW_BATCH_LIMITS;
    if (metrics.length > L.metrics || params.length > L.params || tags.length > L.tags || metrics.length + params.length + tags.length > L.total) {
      throw invalid(
        `A batch logging request can contain at most ${L.params} params, ${L.metrics} metrics, ${L.tags} tags and ${L.total} items in total. ` +
          `Received ${params.length} params, ${metrics.length} metrics and ${tags.length} tags.`,
      );
    }
    await logThroughQuorum(req, ctx, runId, { metrics, params, tags });
    return {};
  });

  route(['get'], '/metrics/get-history', async (_req, ctx, src) => {
    const runId = runIdOf(src);
    const key = reqStr(src, 'metric_key');
    await requireRun(ctx, runId, false);
    const maxResults = int64(src, 'max_results');
    if (maxResults !== undefined && maxResults < 1) throw invalid(`Invalid value ${maxResults} for parameter 'max_results' supplied`);
    const offset = pageTokenDecode(str(src, 'page_token'));
    const [series] = await metricSeriesRaw(ctx.db, [{ runId, key }], Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const points = (series?.values ?? []).map((v, i) => ({ key, value: v, timestamp: series!.timestamps[i]!, step: series!.steps[i]! }));
    // MLflow orders by (timestamp, step, value).
    points.sort((a, b) => a.timestamp - b.timestamp || a.step - b.step || (Number.isNaN(a.value) ? 1 : Number.isNaN(b.value) ? -1 : a.value - b.value));
    const page = maxResults === undefined ? points.slice(offset) : points.slice(offset, offset + maxResults);
    const next = offset + page.length;
    return {
      ...nonEmpty('metrics', page.map((p) => ({ ...p, value: dbl(p.value) }))),
      ...(maxResults !== undefined && next < points.length && { next_page_token: pageTokenEncode(next) }),
    };
  });

  registerExperimentRoutes(route);
  registerRunRoutes(route);
  registerInputRoutes(route);
  registerMetricRoutes(route);
  registerArtifactRoutes(route, { artifactRoot, logTags: logThroughQuorum });
  // A version registered from files in the artifact store gets their digest as evidence.
  registerRegistryRoutes(route, (source) => (artifactRoot === undefined ? Promise.resolve(null) : artifactTreeDigest(artifactRoot, source)));

  // Anything else under the MLflow prefix.
  r.use((req, res) => sendError(res, new MlflowError('ENDPOINT_NOT_FOUND', `No MLflow endpoint ${req.method} ${req.path} on this server`)));

  r.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const known = mlflowErrorOf(error);
    if (known) {
      sendError(res, known);
      return;
    }
    console.error('Unexpected error', loggable(error));
    sendError(res, new MlflowError('INTERNAL_ERROR', 'Something went wrong on the server; the error has been logged'));
  });
  return r;
}

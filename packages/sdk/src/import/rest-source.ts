// Reads an MLflow tracking server through its REST API: experiments/search and
// runs/search page by page, metrics/get-history per key, registered-models/search and
// model-versions/search for the registry.
import { filterLiteral, MlflowHttp, MlflowHttpError, MlflowUnreachableError, mlflowAuthorization, urlRedacted } from './mlflow-http';
import {
  RUN_STATUS_NAMES,
  type MlflowDatasetInput,
  type MlflowExperiment,
  type MlflowMetricPoint,
  type MlflowModelVersion,
  type MlflowRegisteredModel,
  type MlflowRun,
  type MlflowRunStatus,
  type MlflowSource,
} from './source';

type KV = { key: string; value?: string };
interface WireRun {
  info: { run_id?: string; run_uuid?: string; run_name?: string; experiment_id: string; user_id?: string; status?: string | number; start_time?: number | string; end_time?: number | string; lifecycle_stage?: string };
  data?: { metrics?: { key: string }[]; params?: KV[]; tags?: KV[] };
  inputs?: { dataset_inputs?: { tags?: KV[]; dataset: { name: string; digest: string; source_type?: string; source?: string; schema?: string } }[] };
}
interface WireVersion {
  version: string | number;
  source?: string;
  run_id?: string;
  run_link?: string;
  description?: string;
  current_stage?: string;
  tags?: KV[];
  aliases?: string[];
}

const record = (items: KV[] | undefined) => Object.fromEntries((items ?? []).map((t) => [t.key, t.value ?? '']));
const int = (v: number | string | undefined | null) => (v === undefined || v === null || v === '' ? null : Number(v));

/** A double as protobuf-JSON writes it: a number, or "NaN" / "Infinity" / "-Infinity". */
function double(v: unknown): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return Number(v);
}

function statusOf(v: string | number | undefined): MlflowRunStatus {
  if (typeof v === 'number') return RUN_STATUS_NAMES[v - 1] ?? 'RUNNING';
  const s = (v ?? '').toUpperCase();
  return (RUN_STATUS_NAMES as readonly string[]).includes(s) ? (s as MlflowRunStatus) : 'RUNNING';
}


/** Page sizes of the searches (MLflow's maxima for runs and models are 50,000 and 1,000). */
export interface RestPageSizes {
  experiments: number;
  runs: number;
  history: number;
  models: number;
  versions: number;
}
const PAGE_SIZES: RestPageSizes = { experiments: 1_000, runs: 1_000, history: 25_000, models: 1_000, versions: 10_000 };

export class RestSource implements MlflowSource {
  readonly label: string;
  private readonly http: MlflowHttp;
  private readonly pages: RestPageSizes;

  constructor(url: string, env: NodeJS.ProcessEnv = process.env, pages: Partial<RestPageSizes> = {}) {
    this.label = urlRedacted(url);
    this.http = new MlflowHttp({ baseUrl: url, authorization: mlflowAuthorization(env) });
    this.pages = { ...PAGE_SIZES, ...pages };
  }

  async check(): Promise<void> {
    try {
      await this.http.post('experiments/search', { max_results: 1 }, { once: true });
    } catch (error) {
      if (error instanceof MlflowUnreachableError) throw new Error(`Cannot reach the MLflow tracking server at ${this.label}: ${error.message}`);
      if (error instanceof MlflowHttpError && (error.status === 401 || error.status === 403)) {
        throw new Error(
          `The MLflow tracking server at ${this.label} refused the credentials (${error.message}). ` +
            'Set MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD',
        );
      }
      if (error instanceof MlflowHttpError && !error.errorCode) throw new Error(`${this.label} does not answer as an MLflow tracking server (${error.message})`);
      throw error;
    }
  }

  async *experiments(): AsyncIterable<MlflowExperiment> {
    let pageToken: string | undefined;
    do {
      const page = await this.http.post<{ experiments?: { experiment_id: string; name: string; lifecycle_stage?: string; tags?: KV[] }[]; next_page_token?: string }>(
        'experiments/search',
        { max_results: this.pages.experiments, view_type: 'ALL', ...(pageToken && { page_token: pageToken }) },
      );
      for (const e of page.experiments ?? []) {
        yield { id: String(e.experiment_id), name: e.name, lifecycleStage: e.lifecycle_stage === 'deleted' ? 'deleted' : 'active', tags: record(e.tags) };
      }
      pageToken = page.next_page_token;
    } while (pageToken);
  }

  async *runs(experiment: MlflowExperiment): AsyncIterable<MlflowRun> {
    yield* this.search(experiment, 'ACTIVE_ONLY');
    // Deleted runs are listed only to be counted as skipped; a server that cannot list them is fine.
    try {
      yield* this.search(experiment, 'DELETED_ONLY');
    } catch (error) {
      if (!(error instanceof MlflowHttpError && error.status === 400)) throw error;
    }
  }

  private async *search(experiment: MlflowExperiment, view: 'ACTIVE_ONLY' | 'DELETED_ONLY'): AsyncIterable<MlflowRun> {
    let pageToken: string | undefined;
    do {
      const page = await this.http.post<{ runs?: WireRun[]; next_page_token?: string }>('runs/search', {
        experiment_ids: [experiment.id],
        max_results: this.pages.runs,
        run_view_type: view,
        ...(pageToken && { page_token: pageToken }),
      });
      for (const r of page.runs ?? []) yield this.runOf(r, view === 'DELETED_ONLY' || experiment.lifecycleStage === 'deleted');
      pageToken = page.runs?.length ? page.next_page_token : undefined;
    } while (pageToken);
  }

  private runOf(r: WireRun, deleted: boolean): MlflowRun {
    const tags = record(r.data?.tags);
    const inputs: MlflowDatasetInput[] = (r.inputs?.dataset_inputs ?? []).map((d) => ({
      name: d.dataset.name,
      digest: d.dataset.digest,
      sourceType: d.dataset.source_type ?? '',
      source: d.dataset.source ?? '',
      schema: d.dataset.schema || undefined,
      context: record(d.tags)['mlflow.data.context'] ?? '',
    }));
    return {
      id: r.info.run_id ?? r.info.run_uuid ?? '',
      experimentId: String(r.info.experiment_id),
      name: r.info.run_name || tags['mlflow.runName'] || '',
      userId: r.info.user_id ?? '',
      status: statusOf(r.info.status),
      startTime: int(r.info.start_time) ?? 0,
      endTime: int(r.info.end_time),
      lifecycleStage: deleted || r.info.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
      params: record(r.data?.params),
      tags,
      metricKeys: [...new Set((r.data?.metrics ?? []).map((m) => m.key))].sort(),
      inputs,
    };
  }

  async metricHistory(run: MlflowRun, key: string): Promise<MlflowMetricPoint[]> {
    const points: MlflowMetricPoint[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.http.get<{ metrics?: { value: unknown; timestamp: number | string; step?: number | string }[]; next_page_token?: string }>(
        'metrics/get-history',
        { run_id: run.id, metric_key: key, max_results: this.pages.history, page_token: pageToken },
      );
      for (const m of page.metrics ?? []) points.push({ key, value: double(m.value), timestamp: Number(m.timestamp), step: int(m.step) ?? 0 });
      pageToken = page.metrics?.length ? page.next_page_token : undefined;
    } while (pageToken);
    return points;
  }

  async *registeredModels(): AsyncIterable<MlflowRegisteredModel> {
    let pageToken: string | undefined;
    do {
      const page = await this.http.get<{
        registered_models?: { name: string; description?: string; tags?: KV[]; aliases?: { alias: string; version: string }[] }[];
        next_page_token?: string;
      }>('registered-models/search', { max_results: this.pages.models, page_token: pageToken });
      for (const m of page.registered_models ?? []) {
        const aliases = m.aliases ?? [];
        const versions = (await this.versionsOf(m.name)).map(
          (v): MlflowModelVersion => ({
            version: Number(v.version),
            source: v.source ?? '',
            runId: v.run_id || undefined,
            runLink: v.run_link || undefined,
            description: v.description || undefined,
            stage: v.current_stage ?? 'None',
            aliases: [...new Set([...(v.aliases ?? []), ...aliases.filter((a) => String(a.version) === String(v.version)).map((a) => a.alias)])],
            tags: record(v.tags),
          }),
        );
        versions.sort((a, b) => a.version - b.version);
        yield { name: m.name, description: m.description || undefined, tags: record(m.tags), versions };
      }
      pageToken = page.next_page_token;
    } while (pageToken);
  }

  private async versionsOf(name: string): Promise<WireVersion[]> {
    const out: WireVersion[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.http.get<{ model_versions?: WireVersion[]; next_page_token?: string }>('model-versions/search', {
        filter: `name=${filterLiteral(name)}`,
        max_results: this.pages.versions,
        page_token: pageToken,
      });
      out.push(...(page.model_versions ?? []));
      pageToken = page.model_versions?.length ? page.next_page_token : undefined;
    } while (pageToken);
    return out;
  }
}

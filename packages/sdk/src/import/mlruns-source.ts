// Reads an MLflow file store (`mlruns/`) as MLflow's FileStore writes it: meta.yaml per
// experiment, run, dataset and model version; one file per param and tag; one line per
// metric point; keys with `/` as nested folders; deleted experiments under `.trash/`.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as yamlParse } from 'yaml';
import {
  ImportInputError,
  RUN_STATUS_NAMES,
  type MlflowDatasetInput,
  type MlflowExperiment,
  type MlflowMetricPoint,
  type MlflowModelVersion,
  type MlflowRegisteredModel,
  type MlflowRun,
  type MlflowSource,
} from './source';

const TRASH = '.trash';
const MODELS = 'models';
/** Folders of an experiment that are not runs (FileStore.RESERVED_EXPERIMENT_FOLDERS). */
const RESERVED = new Set(['tags', 'datasets', 'traces']);
/** The registry marks a deleted version with this stage and keeps its folder. */
const STAGE_DELETED = 'Deleted_Internal';

type Meta = Record<string, unknown>;

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

async function subdirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Relative posix paths of every file below `dir` (a key `a/b` is the file `a/b`), sorted. */
async function filesBelow(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    if (e.isDirectory()) out.push(...(await filesBelow(path.join(dir, e.name), `${prefix}${e.name}/`)));
    else if (e.isFile()) out.push(`${prefix}${e.name}`);
  }
  return out.sort();
}

/** key → file content, for a `params/` or `tags/` folder. */
async function keyValues(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const key of await filesBelow(dir)) out[key] = await readFile(path.join(dir, key), 'utf8');
  return out;
}

/** MLflow writes YAML with PyYAML, which speaks YAML 1.1. */
async function readMeta(dir: string): Promise<Meta | null> {
  const file = path.join(dir, 'meta.yaml');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const meta: unknown = yamlParse(text, { version: '1.1' });
    return meta && typeof meta === 'object' && !Array.isArray(meta) ? (meta as Meta) : null;
  } catch (error) {
    throw new Error(`${file} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const text = (v: unknown): string | undefined => (v === null || v === undefined ? undefined : String(v));
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : null);

/** Python's float(): numbers, and nan / inf / -inf as `str(float)` prints them. */
function pythonFloat(s: string): number {
  const t = s.toLowerCase();
  if (t === 'nan' || t === '-nan' || t === '+nan') return NaN;
  if (t === 'inf' || t === '+inf' || t === 'infinity' || t === '+infinity') return Infinity;
  if (t === '-inf' || t === '-infinity') return -Infinity;
  const n = Number(s);
  if (s.trim() === '' || Number.isNaN(n)) throw new Error(`"${s}" is not a number`);
  return n;
}

/** One metric file: `<timestamp> <value> [<step>]` per line (2 fields: step 0). */
export function metricLinesParse(key: string, content: string, file = key): MlflowMetricPoint[] {
  const points: MlflowMetricPoint[] = [];
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const parts = line.split(' ');
    try {
      if (parts.length !== 2 && parts.length !== 3) throw new Error(`expected 2 or 3 fields, found ${parts.length}`);
      const timestamp = Number(parts[0]);
      const step = parts.length === 3 ? Number(parts[2]) : 0;
      if (!/^-?\d+$/.test(parts[0]!) || !Number.isSafeInteger(timestamp)) throw new Error(`timestamp "${parts[0]}" is not a whole number`);
      if (parts.length === 3 && (!/^-?\d+$/.test(parts[2]!) || !Number.isSafeInteger(step))) throw new Error(`step "${parts[2]}" is not a whole number`);
      points.push({ key, timestamp, value: pythonFloat(parts[1]!), step });
    } catch (error) {
      throw new Error(`${file}, line ${i + 1}: ${(error as Error).message}`);
    }
  }
  return points;
}

/** MLflow's schema JSON for a dataset input, kept as the string MLflow stored. */
function schemaText(v: unknown): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

interface RunLocation {
  dir: string;
  experimentDir: string;
}

export class MlrunsSource implements MlflowSource {
  readonly root: string;
  readonly label: string;
  private readonly where = new Map<string, RunLocation>();
  private readonly experimentDirs = new Map<string, string>();

  constructor(folder: string) {
    this.root = path.resolve(folder);
    this.label = this.root;
  }

  async check(): Promise<void> {
    const info = await stat(this.root).catch(() => null);
    if (!info) throw new ImportInputError(`No such folder: ${this.root}`);
    if (!info.isDirectory()) throw new ImportInputError(`${this.root} is a file, not an mlruns folder`);
    for (const name of await subdirs(this.root)) {
      if (name === TRASH || name === MODELS) return;
      const meta = await readMeta(path.join(this.root, name));
      if (meta && 'experiment_id' in meta && 'name' in meta) return;
    }
    const hint = (await exists(path.join(this.root, 'mlruns'))) ? ` (did you mean ${path.join(this.root, 'mlruns')}?)` : '';
    throw new ImportInputError(
      `${this.root} is not an MLflow file store: it has no experiment folder with a meta.yaml, no .trash and no models folder${hint}`,
    );
  }

  async *experiments(): AsyncIterable<MlflowExperiment> {
    const parents: [string, boolean][] = [
      [this.root, false],
      [path.join(this.root, TRASH), true],
    ];
    for (const [parent, trashed] of parents) {
      for (const name of await subdirs(parent)) {
        if (!trashed && (name === TRASH || name === MODELS)) continue;
        const dir = path.join(parent, name);
        const meta = await readMeta(dir);
        // Folders without an experiment meta.yaml (artifacts kept beside the store) are not experiments.
        if (!meta || !('name' in meta)) continue;
        const id = text(meta.experiment_id) ?? name;
        this.experimentDirs.set(id, dir);
        yield {
          id,
          name: text(meta.name) || (id === '0' ? 'Default' : id),
          lifecycleStage: trashed || meta.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
          tags: await keyValues(path.join(dir, 'tags')),
        };
      }
    }
  }

  async *runs(experiment: MlflowExperiment): AsyncIterable<MlflowRun> {
    const experimentDir = this.experimentDirs.get(experiment.id);
    if (!experimentDir) return;
    const found: MlflowRun[] = [];
    for (const name of await subdirs(experimentDir)) {
      if (RESERVED.has(name)) continue;
      const dir = path.join(experimentDir, name);
      const meta = await readMeta(dir);
      if (!meta) continue;
      const id = text(meta.run_id) ?? text(meta.run_uuid) ?? name;
      const tags = await keyValues(path.join(dir, 'tags'));
      const status = int(meta.status);
      found.push({
        id,
        experimentId: experiment.id,
        name: text(meta.run_name) || tags['mlflow.runName'] || '',
        userId: text(meta.user_id) ?? '',
        status: (status !== null && RUN_STATUS_NAMES[status - 1]) || 'RUNNING',
        startTime: int(meta.start_time) ?? 0,
        endTime: int(meta.end_time),
        lifecycleStage: meta.lifecycle_stage === 'deleted' || experiment.lifecycleStage === 'deleted' ? 'deleted' : 'active',
        params: await keyValues(path.join(dir, 'params')),
        tags,
        metricKeys: await filesBelow(path.join(dir, 'metrics')),
        inputs: await this.inputsOf(dir, experimentDir),
      });
      this.where.set(id, { dir, experimentDir });
    }
    // Oldest first, so a resumed import walks the runs in the same order.
    found.sort((a, b) => a.startTime - b.startTime || (a.id < b.id ? -1 : 1));
    yield* found;
  }

  async metricHistory(run: MlflowRun, key: string): Promise<MlflowMetricPoint[]> {
    const at = this.where.get(run.id);
    if (!at) throw new Error(`Run ${run.id} was not listed by this source`);
    const file = path.join(at.dir, 'metrics', ...key.split('/'));
    return metricLinesParse(key, await readFile(file, 'utf8'), file);
  }

  /** Dataset inputs: `inputs/<id>/meta.yaml` points at `<experiment>/datasets/<source_id>/meta.yaml`. */
  private async inputsOf(runDir: string, experimentDir: string): Promise<MlflowDatasetInput[]> {
    const out: MlflowDatasetInput[] = [];
    for (const name of await subdirs(path.join(runDir, 'inputs'))) {
      const link = await readMeta(path.join(runDir, 'inputs', name));
      if (!link || link.source_type !== 'DATASET') continue;
      const dataset = await readMeta(path.join(experimentDir, 'datasets', String(link.source_id)));
      if (!dataset) continue;
      const tags = (link.tags && typeof link.tags === 'object' ? link.tags : {}) as Record<string, unknown>;
      out.push({
        name: text(dataset.name) ?? '',
        digest: text(dataset.digest) ?? '',
        sourceType: text(dataset.source_type) ?? '',
        source: text(dataset.source) ?? '',
        schema: schemaText(dataset.schema),
        context: text(tags['mlflow.data.context']) ?? '',
      });
    }
    return out;
  }

  async *registeredModels(): AsyncIterable<MlflowRegisteredModel> {
    const modelsDir = path.join(this.root, MODELS);
    for (const name of await subdirs(modelsDir)) {
      const dir = path.join(modelsDir, name);
      const meta = await readMeta(dir);
      if (!meta) continue;
      const aliases = await keyValues(path.join(dir, 'aliases'));
      const versions: MlflowModelVersion[] = [];
      for (const folder of await subdirs(dir)) {
        const m = /^version-(\d+)$/.exec(folder);
        if (!m) continue;
        const vdir = path.join(dir, folder);
        const v = await readMeta(vdir);
        if (!v || v.current_stage === STAGE_DELETED) continue;
        const version = int(v.version) ?? Number(m[1]);
        versions.push({
          version,
          source: text(v.source) ?? '',
          runId: text(v.run_id) || undefined,
          runLink: text(v.run_link) || undefined,
          description: text(v.description) || undefined,
          stage: text(v.current_stage) ?? 'None',
          aliases: Object.entries(aliases)
            .filter(([, target]) => target.trim() === String(version))
            .map(([alias]) => alias),
          tags: await keyValues(path.join(vdir, 'tags')),
        });
      }
      versions.sort((a, b) => a.version - b.version);
      yield { name: text(meta.name) ?? name, description: text(meta.description) || undefined, tags: await keyValues(path.join(dir, 'tags')), versions };
    }
  }
}

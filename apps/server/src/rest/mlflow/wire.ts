// MLflow's wire format: reading request fields (query string for GET, JSON body
// otherwise; numbers or numeric strings for int64/double) and writing protobuf-JSON
// shapes (snake_case, string ids, int64 as numbers, NaN/±Infinity as strings, unset
// fields omitted).
import { EXPERIMENT_NOTE_TAG } from '@quorum/contracts';
import type { ExperimentRow, RunInputRow, RunRow, RunWithData } from '@quorum/db';
import { invalid, missing } from './errors';

export type Fields = Record<string, unknown>;

/** A plain JSON object (not null, not an array). */
export const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first value of a field (GET repeats keys for arrays). */
function one(src: Fields, name: string): unknown {
  const v = src[name];
  return Array.isArray(v) ? v[0] : v;
}

/** A string field; numbers are stringified (numeric experiment ids); `""` counts as absent. */
export function str(src: Fields, name: string): string | undefined {
  const v = one(src, name);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  throw invalid(`Invalid value ${JSON.stringify(v)} for parameter '${name}' supplied: expected a string`);
}

export function reqStr(src: Fields, name: string): string {
  const v = str(src, name);
  if (v === undefined) throw missing(name);
  return v;
}

/**
 * A metric, param or tag key (field `name`, `key` by default): Quorum's key schema checks
 * the characters and length; MLflow also refuses keys that are not a normalised relative
 * path (`a//b`, `a/`, `./a`).
 */
export function keyOf(src: Fields, name = 'key'): string {
  const key = reqStr(src, name);
  const segments = key.split('/');
  if (key.startsWith('/') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw invalid(`Invalid value "${key}" for parameter '${name}' supplied. Names may be treated as files in certain cases, and must not resolve to other names when treated as such.`);
  }
  return key;
}

/** A string that may be empty but is present (param and tag values). */
export function value(src: Fields, name: string): string {
  const v = one(src, name);
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw invalid(`Invalid value ${JSON.stringify(v)} for parameter '${name}' supplied: expected a string`);
}

/** `run_id`, or its alias `run_uuid`. */
export function runIdOf(src: Fields): string {
  const id = str(src, 'run_id') ?? str(src, 'run_uuid');
  if (id === undefined) throw missing('run_id');
  return id;
}

/** An int64: a whole number or a numeric string. */
export function int64(src: Fields, name: string): number | undefined {
  const v = one(src, name);
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n)) throw invalid(`Invalid value ${JSON.stringify(v)} for parameter '${name}' supplied: expected an integer`);
  return n;
}

/** A double: a number, a numeric string, or "NaN" / "Infinity" / "-Infinity" (how Python sends them). Booleans are rejected. */
export function double(src: Fields, name: string): number | undefined {
  const v = one(src, name);
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^nan$/i.test(t)) return NaN;
    if (/^\+?inf(inity)?$/i.test(t)) return Infinity;
    if (/^-inf(inity)?$/i.test(t)) return -Infinity;
    const n = Number(t);
    if (t !== '' && Number.isFinite(n)) return n;
  }
  throw invalid(`Invalid value ${JSON.stringify(v)} for parameter '${name}' supplied: expected a number`);
}

/** A repeated message field: an array of objects (absent → empty). */
export function list(src: Fields, name: string): Fields[] {
  const v = src[name];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) {
    throw invalid(`Invalid value for parameter '${name}' supplied: expected a list of objects`);
  }
  return v as Fields[];
}

/** A repeated string field (GET: repeated keys). */
export function strings(src: Fields, name: string): string[] {
  const v = src[name];
  if (v === undefined || v === null || v === '') return [];
  return (Array.isArray(v) ? v : [v]).map((x) => String(x));
}

/** A double as protobuf-JSON writes it. */
export function dbl(v: number): number | string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

/** MLflow's page token: base64 of `{"offset": N}`. */
export function pageTokenDecode(token: string | undefined): number {
  if (!token) return 0;
  let offset: unknown;
  try {
    offset = (JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset?: unknown }).offset;
  } catch {
    offset = undefined;
  }
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) throw invalid(`Invalid page token, could not base64-decode: ${token}`);
  return offset;
}
export const pageTokenEncode = (offset: number) => Buffer.from(JSON.stringify({ offset })).toString('base64');

/** Where MLflow clients would put artifacts: not served yet, but the field is always present. */
export const artifactLocation = (experimentId: number) => `mlflow-artifacts:/${experimentId}`;

export const RUN_NAME_TAG = 'mlflow.runName';
export const NOTE_TAG = EXPERIMENT_NOTE_TAG;

/** `{ [key]: items }`, or `{}` for no items: protobuf-JSON omits empty repeated fields. */
export function nonEmpty<K extends string, T>(key: K, items: T[]): Partial<Record<K, T[]>> {
  return items.length > 0 ? ({ [key]: items } as Record<K, T[]>) : {};
}

/** The tags MLflow sees: the stored ones, plus the description as `mlflow.note.content`. */
export function experimentTagsOf(e: Pick<ExperimentRow, 'tags' | 'description'>): Record<string, string> {
  return { ...e.tags, ...(e.description && { [NOTE_TAG]: e.description }) };
}

export function experimentJson(e: ExperimentRow) {
  const tags = Object.entries(experimentTagsOf(e))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ key, value }));
  return {
    experiment_id: String(e.id),
    name: e.name,
    artifact_location: artifactLocation(e.id),
    lifecycle_stage: e.archivedAt === null ? 'active' : 'deleted',
    creation_time: e.createdAt,
    last_update_time: e.updatedAt,
    ...nonEmpty('tags', tags),
  };
}

export function runInfoJson(r: RunRow) {
  return {
    run_id: r.id,
    run_uuid: r.id,
    run_name: r.name,
    experiment_id: String(r.experimentId),
    user_id: r.userId,
    status: r.status,
    start_time: r.startTime,
    ...(r.endTime !== null && { end_time: r.endTime }),
    artifact_uri: `${artifactLocation(r.experimentId)}/${r.id}/artifacts`,
    lifecycle_stage: r.deletedAt === null ? 'active' : 'deleted',
  };
}

const pairs = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value }));

/** The input tag that carries a dataset's role in the run (train, eval…): Quorum's input context. */
export const DATASET_CONTEXT_TAG = 'mlflow.data.context';

/** A dataset input as stored: the dataset version and the context it was used in. */
export type DatasetInputRow = Pick<RunInputRow, 'context' | 'name' | 'digest' | 'source' | 'sourceType' | 'schema'>;

/** A stored column schema as MLflow writes a dataset's schema: a JSON string of `mlflow_colspec`. */
export function datasetSchemaJson(schema: DatasetInputRow['schema']): string | undefined {
  return schema ? JSON.stringify({ mlflow_colspec: schema.columns.map((c) => ({ type: c.type, name: c.name })) }) : undefined;
}

export function datasetInputJson(i: DatasetInputRow) {
  const schema = datasetSchemaJson(i.schema);
  return {
    ...(i.context && { tags: [{ key: DATASET_CONTEXT_TAG, value: i.context }] }),
    dataset: { name: i.name, digest: i.digest, source_type: i.sourceType, source: i.source, ...(schema !== undefined && { schema }) },
  };
}

/** A run with its latest metrics, params and tags, and its dataset inputs when given. */
export function runJson(r: RunWithData & { inputs?: readonly DatasetInputRow[] }) {
  const metrics = Object.entries(r.metrics).map(([key, m]) => ({ key, value: dbl(m.value), timestamp: m.timestamp, step: m.step }));
  // MLflow always carries the run name as a tag.
  const tags = pairs({ ...r.tags, [RUN_NAME_TAG]: r.name });
  return {
    info: runInfoJson(r),
    data: { ...nonEmpty('metrics', metrics), ...nonEmpty('params', pairs(r.params)), ...nonEmpty('tags', tags) },
    inputs: nonEmpty('dataset_inputs', (r.inputs ?? []).map(datasetInputJson)),
  };
}

/** SQL LIKE as MLflow's search applies it: `%` any run, `_` one character; case-sensitive unless ILIKE. */
export function mlflowLikeRegex(pattern: string, caseInsensitive: boolean): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
}

const VIEW_TYPES = { ACTIVE_ONLY: 'active', '1': 'active', DELETED_ONLY: 'deleted', '2': 'deleted', ALL: 'all', '3': 'all' } as const;

/** MLflow's ViewType by name (any case) or number, as a lifecycle; null when it is neither. Absent means ACTIVE_ONLY. */
export function viewTypeParse(raw: string | undefined): 'active' | 'deleted' | 'all' | null {
  const key = (raw ?? 'ACTIVE_ONLY').toUpperCase();
  return Object.hasOwn(VIEW_TYPES, key) ? VIEW_TYPES[key as keyof typeof VIEW_TYPES] : null;
}

// Writes a small or large MLflow file store in the layout MLflow's FileStore uses, for
// importer tests and for measuring import speed on generated data.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

export interface WrittenRun {
  id: string;
  name: string;
  status?: 'RUNNING' | 'FINISHED' | 'FAILED' | 'KILLED';
  startTime: number;
  endTime?: number | null;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  /** key → points; written as MLflow does, `<timestamp> <value> <step>` per line. */
  metrics?: Record<string, { timestamp: number; value: number; step: number }[]>;
}

const STATUS = { RUNNING: 1, FINISHED: 3, FAILED: 4, KILLED: 5 } as const;

/** How Python's str(float) prints the values that JavaScript prints differently. */
const pythonFloat = (v: number) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : String(v));

async function put(file: string, content: string) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

export async function mlrunsExperimentWrite(root: string, experiment: { id: string; name: string; tags?: Record<string, string> }, runs: WrittenRun[]) {
  const dir = path.join(root, experiment.id);
  await put(
    path.join(dir, 'meta.yaml'),
    stringify({ artifact_location: `file://${dir}`, creation_time: 1_700_000_000_000, experiment_id: experiment.id, last_update_time: 1_700_000_000_000, lifecycle_stage: 'active', name: experiment.name }),
  );
  for (const [k, v] of Object.entries(experiment.tags ?? {})) await put(path.join(dir, 'tags', k), v);
  for (const run of runs) {
    const rdir = path.join(dir, run.id);
    await put(
      path.join(rdir, 'meta.yaml'),
      stringify({
        artifact_uri: `file://${rdir}/artifacts`,
        end_time: run.endTime ?? null,
        experiment_id: experiment.id,
        lifecycle_stage: 'active',
        run_id: run.id,
        run_name: run.name,
        run_uuid: run.id,
        start_time: run.startTime,
        status: STATUS[run.status ?? 'FINISHED'],
        tags: [],
        user_id: 'bench',
      }),
    );
    for (const [k, v] of Object.entries(run.params ?? {})) await put(path.join(rdir, 'params', k), v);
    for (const [k, v] of Object.entries({ 'mlflow.runName': run.name, ...run.tags })) await put(path.join(rdir, 'tags', k), v);
    for (const [k, points] of Object.entries(run.metrics ?? {})) {
      await put(path.join(rdir, 'metrics', k), points.map((p) => `${p.timestamp} ${pythonFloat(p.value)} ${p.step}\n`).join(''));
    }
  }
}

/** A registered model; a version with stage `Deleted_Internal` is one MLflow deleted. */
export async function mlrunsModelWrite(
  root: string,
  model: { name: string; aliases?: Record<string, number> },
  versions: { version: number; stage: string; runId?: string; source: string }[],
) {
  const dir = path.join(root, 'models', model.name);
  await put(path.join(dir, 'meta.yaml'), stringify({ creation_timestamp: 1_700_000_000_000, description: '', last_updated_timestamp: 1_700_000_000_000, name: model.name }));
  for (const [alias, version] of Object.entries(model.aliases ?? {})) await put(path.join(dir, 'aliases', alias), String(version));
  for (const v of versions) {
    await put(
      path.join(dir, `version-${v.version}`, 'meta.yaml'),
      stringify({ current_stage: v.stage, name: model.name, run_id: v.runId ?? '', source: v.source, status: 'READY', version: v.version }),
    );
  }
}

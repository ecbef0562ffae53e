// Lineage as a graph, both ways: dataset → run → model version → alias, and the alert
// that asked for a run when monitoring triggered its retraining. From a dataset it answers
// "which production models were trained on this?"; from a version, "what data, which run,
// and why was it trained?".
import { alertsNamedByRuns, aliasesOf, datasetFind, datasetUsages, modelsByIds, runFind, runInputsList, versionFind, versionsOfRuns } from '@quorum/db';
import type { ServiceContext } from './context';
import { notFound } from './errors';
import { RETRAIN_ALERT_TAG } from '@quorum/domain';

export interface LineageNode {
  id: string;
  kind: 'dataset' | 'alert' | 'run' | 'version' | 'alias';
  label: string;
  detail: string;
  /** Where the web app shows this node. */
  href: string;
}
export interface LineageEdge {
  from: string;
  to: string;
  label: string;
}

export async function lineage(ctx: ServiceContext, root: { datasetId: number } | { versionId: number } | { runId: string }) {
  const nodes = new Map<string, LineageNode>();
  const edges: LineageEdge[] = [];
  const add = (n: LineageNode) => void nodes.set(n.id, n);
  let runIds: string[] = [];

  if ('datasetId' in root) {
    const dataset = await datasetFind(ctx.db, root.datasetId);
    if (!dataset) throw notFound(`No dataset with id ${root.datasetId}`);
    add({ id: `dataset:${dataset.id}`, kind: 'dataset', label: dataset.name, detail: dataset.digest, href: `/data?ref=${dataset.id}` });
    for (const u of await datasetUsages(ctx.db, dataset.id)) {
      add({ id: `run:${u.runId}`, kind: 'run', label: u.runName, detail: u.experimentName, href: `/runs/${u.runId}` });
      edges.push({ from: `dataset:${dataset.id}`, to: `run:${u.runId}`, label: u.context || 'input' });
      runIds.push(u.runId);
    }
  } else {
    let runId: string | null;
    if ('versionId' in root) {
      const version = await versionFind(ctx.db, root.versionId);
      if (!version) throw notFound(`No model version with id ${root.versionId}`);
      runId = version.sourceRunId;
    } else runId = root.runId;
    if (runId) {
      const run = await runFind(ctx.db, runId);
      if (!run) throw notFound(`No run with id ${runId}`);
      add({ id: `run:${run.id}`, kind: 'run', label: run.name, detail: run.status.toLowerCase(), href: `/runs/${run.id}` });
      for (const input of await runInputsList(ctx.db, run.id)) {
        add({ id: `dataset:${input.datasetId}`, kind: 'dataset', label: input.name, detail: input.digest, href: `/data?ref=${input.datasetId}` });
        edges.push({ from: `dataset:${input.datasetId}`, to: `run:${run.id}`, label: input.context || 'input' });
      }
      runIds = [run.id];
    }
  }

  // A retrained run carries the id of the alert whose trigger started it.
  for (const a of await alertsNamedByRuns(ctx.db, runIds, RETRAIN_ALERT_TAG)) {
    add({ id: `alert:${a.id}`, kind: 'alert', label: `Alert #${a.id}`, detail: a.reason, href: `/monitoring/${a.modelId}` });
    edges.push({ from: `alert:${a.id}`, to: `run:${a.runId}`, label: 'retrain' });
  }

  const versions = await versionsOfRuns(ctx.db, runIds);
  const models = new Map((await modelsByIds(ctx.db, [...new Set(versions.map((v) => v.modelId))])).map((m) => [m.id, m]));
  for (const v of versions) {
    const model = models.get(v.modelId)!;
    add({ id: `version:${v.id}`, kind: 'version', label: `${model.name} v${v.version}`, detail: v.artifactSha256?.slice(0, 12) ?? 'digest not verified', href: `/models/${model.id}/versions/${v.id}` });
    if (v.sourceRunId) edges.push({ from: `run:${v.sourceRunId}`, to: `version:${v.id}`, label: 'registered' });
  }
  const versionIds = new Set(versions.map((v) => v.id));
  const aliases = (await aliasesOf(ctx.db, [...new Set(versions.map((v) => v.modelId))])).filter((a) => versionIds.has(a.versionId));
  for (const a of aliases) {
    const model = models.get(a.modelId)!;
    const id = `alias:${a.modelId}:${a.alias}`;
    add({ id, kind: 'alias', label: `${model.name}@${a.alias}`, detail: `v${a.version}`, href: `/models/${model.id}` });
    edges.push({ from: `version:${a.versionId}`, to: id, label: 'serves' });
  }
  return {
    nodes: [...nodes.values()],
    edges,
    /** Aliases fed by this lineage, e.g. the production models trained on a dataset. */
    servedBy: aliases.map((a) => ({ model: models.get(a.modelId)!.name, modelId: a.modelId, alias: a.alias, version: a.version })),
  };
}

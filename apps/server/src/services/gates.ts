// Gate evidence and evaluation: evidence comes from CI or a script; the server merges
// it, computes what it can itself (fairness from raw rows, drift from dataset profiles,
// latency percentiles), evaluates the model's policy and stores each check's verdict.
import type { z } from 'zod';
import type { gateReportInput } from '@quorum/contracts';
import { aliasesOf, evidenceInsert, evidenceOf, gateResultInsert, gateResultLatest, type Db, type VersionRow } from '@quorum/db';
import { auditCanonicalJson, gateEvaluate, gateEvidenceDigest, type GateContext, type GateEvidence, type GatePolicy } from '@quorum/domain';
import { sha256Hex } from '../auth/secrets';
import { audit } from './audit';
import type { ServiceContext } from './context';
import { datasetDrift } from './datasets';
import { ServiceError } from './errors';
import { evidenceChanged } from './promotions';
import { modelGetRow, policyParse, versionGetRow } from './registry';

/** The version's current evidence: every report merged, later keys over earlier ones. */
export async function evidenceCurrent(db: Db, versionId: number): Promise<GateEvidence> {
  const merged: GateEvidence = {};
  for (const report of await evidenceOf(db, versionId)) {
    const e = report.evidence as GateEvidence;
    if (e.metrics) merged.metrics = { ...merged.metrics, ...e.metrics };
    if (e.fairness) merged.fairness = { ...merged.fairness, ...e.fairness };
    if (e.latencyMs) merged.latencyMs = e.latencyMs;
    if (e.evalDatasetId !== undefined) merged.evalDatasetId = e.evalDatasetId;
  }
  return merged;
}

/** What the checks need beyond the evidence: champions' metrics and dataset drift. */
async function gateContext(ctx: ServiceContext, policy: GatePolicy, version: VersionRow, evidence: GateEvidence): Promise<GateContext> {
  const context: GateContext = { champions: {}, drift: {} };
  for (const check of policy.checks) {
    if (check.kind === 'champion') {
      const alias = (await aliasesOf(ctx.db, [version.modelId])).find((a) => a.alias === check.alias);
      if (!alias || alias.versionId === version.id) {
        context.champions![check.alias] = null;
        continue;
      }
      const champion = await versionGetRow(ctx.db, alias.versionId);
      const championEvidence = await evidenceCurrent(ctx.db, champion.id);
      context.champions![check.alias] = {
        version: champion.version,
        metrics: championEvidence.metrics ?? {},
        evalDatasetId: championEvidence.evalDatasetId ?? champion.evalDatasetId,
      };
    }
    if (check.kind === 'drift') {
      const referenceId = check.reference === 'training' ? version.trainingDatasetId : check.reference.datasetId;
      const currentId = check.reference === 'training' ? (evidence.evalDatasetId ?? version.evalDatasetId) : version.trainingDatasetId;
      if (!referenceId || !currentId) {
        context.drift![check.id] = { error: 'the version has no training or evaluation dataset to compare' };
        continue;
      }
      try {
        const d = await datasetDrift(ctx, { referenceId, currentId, driftShare: check.maxDriftedShare });
        context.drift![check.id] = { share: d.share, driftedCount: d.driftedCount, columns: d.columns.length };
      } catch (e) {
        if (e instanceof ServiceError) context.drift![check.id] = { error: e.message };
        else throw e;
      }
    }
  }
  return context;
}

/**
 * Evaluates the version against its model's policy and stores the outcome. Every read
 * goes through `tx`: PGlite has one connection, so a read outside the open transaction
 * would wait for it forever.
 */
export async function gateEvaluateAndStore(ctx: ServiceContext, tx: Db, version: VersionRow) {
  const model = await modelGetRow(tx, version.modelId);
  const policy = policyParse(model.gatePolicy);
  const evidence = await evidenceCurrent(tx, version.id);
  if (evidence.evalDatasetId === undefined) evidence.evalDatasetId = version.evalDatasetId;
  const evaluation = gateEvaluate(policy, evidence, await gateContext({ ...ctx, db: tx as ServiceContext['db'] }, policy, version, evidence));
  return gateResultInsert(tx, {
    versionId: version.id,
    passed: evaluation.passed,
    results: evaluation.results as unknown as Record<string, unknown>[],
    policyDigest: sha256Hex(auditCanonicalJson(policy)),
    evidenceDigest: sha256Hex(gateEvidenceDigest(evidence)),
    evaluatedAt: ctx.clock.now(),
  });
}

/** Stores a report, re-evaluates the gates, and resets approvals that relied on older evidence. */
export async function gateReport(ctx: ServiceContext, input: z.output<typeof gateReportInput>) {
  const version = await versionGetRow(ctx.db, input.versionId);
  const digest = sha256Hex(gateEvidenceDigest(input.evidence as GateEvidence));
  return ctx.db.transaction(async (tx) => {
    await evidenceInsert(tx, { versionId: version.id, evidence: input.evidence as Record<string, unknown>, digest, submittedAt: ctx.clock.now(), submittedBy: ctx.actor?.userId ?? null });
    const result = await gateEvaluateAndStore(ctx, tx, version);
    const summary = {
      digest,
      metrics: input.evidence.metrics ?? null,
      fairnessRows: Object.fromEntries(Object.entries(input.evidence.fairness ?? {}).map(([k, v]) => [k, v.yTrue.length])),
      latencySamples: input.evidence.latencyMs?.length ?? 0,
      passed: result.passed,
    };
    await audit(ctx, tx, 'gates.report', { entityType: 'model_version', entityId: version.id }, summary);
    await evidenceChanged(ctx, tx, version.id, `New gate evidence (digest ${digest.slice(0, 12)}) was reported`);
    return result;
  });
}

/** Re-evaluates against the current policy and evidence (e.g. after a policy edit). */
export async function gateCheck(ctx: ServiceContext, versionId: number) {
  const version = await versionGetRow(ctx.db, versionId);
  const before = (await gateResultLatest(ctx.db, [versionId])).get(versionId);
  return ctx.db.transaction(async (tx) => {
    const result = await gateEvaluateAndStore(ctx, tx, version);
    await audit(ctx, tx, 'gates.check', { entityType: 'model_version', entityId: version.id }, { passed: result.passed, evidenceDigest: result.evidenceDigest });
    // Different results (a policy edit, a champion that moved) are changed evidence.
    const changed = !before || before.passed !== result.passed || auditCanonicalJson(before.results) !== auditCanonicalJson(result.results);
    if (changed) await evidenceChanged(ctx, tx, version.id, `Gate results changed on re-evaluation (${result.passed ? 'now passing' : 'now failing'})`);
    return result;
  });
}

export async function gateLatest(ctx: ServiceContext, versionId: number) {
  await versionGetRow(ctx.db, versionId);
  return (await gateResultLatest(ctx.db, [versionId])).get(versionId) ?? null;
}

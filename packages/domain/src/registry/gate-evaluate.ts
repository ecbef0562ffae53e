// Judges a version's evidence against its model's gate policy: one result per check, in policy
// order. Never throws on bad evidence: unusable evidence is 'missing', with what to post instead.
import { auditCanonicalJson } from '../audit/chain';
import { fairnessMetrics, type FairnessMetricsResult, percentile, StatsInputError } from '../stats';
import { GATE_OP_SYMBOL, type GateCheck, gateCheckDescribe, gateMeasureLabel, gateNumber, gatePercent, type GatePolicy } from './gates';

/** What CI posts for a version: metrics and raw rows measured on the evaluation set. */
export interface GateEvidence {
  metrics?: Record<string, number>;
  evalDatasetId?: number | null;
  /** Rows by sensitive attribute. */
  fairness?: Record<string, { yTrue: (0 | 1)[]; yPred: (0 | 1)[]; group: (string | number)[] }>;
  latencyMs?: number[];
}

/** The version currently under an alias, with the metrics it was promoted on. */
export interface GateChampion {
  version: number;
  metrics: Record<string, number>;
  evalDatasetId: number | null;
}

/** Drift the server computed for one drift check, or why it could not. */
export type GateDrift = { share: number; driftedCount: number; columns: number } | { error: string };

/** What the server looks up for the checks: champions by alias (null: nobody holds it), drift by check id. */
export interface GateContext {
  champions?: Record<string, GateChampion | null>;
  drift?: Record<string, GateDrift>;
}

/** One group's rates, for fairness charts. */
export interface GateFairnessGroup {
  group: string;
  selectionRate: number;
  tpr: number;
  fpr: number;
  disparateImpact: number | null;
}

/** The verdict on one check; `detail` says why, or what to post when evidence is missing. */
export interface GateCheckResult {
  id: string;
  kind: GateCheck['kind'];
  description: string;
  status: 'pass' | 'fail' | 'missing';
  value: number | null;
  threshold: number;
  detail: string;
  /** Per-group numbers for fairness checks, for charts. */
  groups?: GateFairnessGroup[];
}

/** Every check's result; `passed` only when every one passed. */
export interface GateEvaluation {
  passed: boolean;
  results: GateCheckResult[];
}

type Outcome = Pick<GateCheckResult, 'status' | 'value' | 'detail'> & { groups?: GateFairnessGroup[] };

const HOW = 'quorum gate report, or the gates.report API';
const missing = (detail: string): Outcome => ({ status: 'missing', value: null, detail });
const judged = (ok: boolean, value: number | null, detail: string): Outcome => ({ status: ok ? 'pass' : 'fail', value, detail });

// Derived numbers (differences of measured ones) carry rounding error: 0.57 − 0.56 is
// 0.009999999999999898. A slack far below any meaningful threshold keeps "exactly at the bar" passing.
const slackFor = (...xs: number[]) => 1e-12 * Math.max(1, ...xs.map(Math.abs));

function meets(value: number, op: '>=' | '>' | '<=' | '<', threshold: number, slack = 0): boolean {
  if (op === '>=') return value >= threshold - slack;
  if (op === '<=') return value <= threshold + slack;
  return op === '>' ? value > threshold : value < threshold;
}

// A measured value next to its bar, in full when rounding would make them look equal.
const versus = (v: number, t: number) => (gateNumber(v) === String(t) && v !== t ? String(v) : gateNumber(v));

function thresholdOf(c: GateCheck): number {
  switch (c.kind) {
    case 'champion':
      return c.minDelta;
    case 'drift':
      return c.maxDriftedShare;
    case 'latency':
      return c.maxMs;
    default:
      return c.threshold;
  }
}

function metricCheck(c: Extract<GateCheck, { kind: 'metric' }>, e: GateEvidence): Outcome {
  const v = e.metrics?.[c.metric];
  if (v === undefined) return missing(`post metrics.${c.metric} on the evaluation set (${HOW})`);
  if (!Number.isFinite(v)) return missing(`metrics.${c.metric} is ${String(v)}; post a finite value measured on the evaluation set (${HOW})`);
  return judged(meets(v, c.op, c.threshold), v, `${c.metric} is ${versus(v, c.threshold)}, needs ${GATE_OP_SYMBOL[c.op]} ${c.threshold}`);
}

function championCheck(c: Extract<GateCheck, { kind: 'champion' }>, e: GateEvidence, ctx: GateContext): Outcome {
  // An alias the server did not look up is not the same as an alias nobody holds: fail closed.
  if (!ctx.champions || !Object.hasOwn(ctx.champions, c.alias)) return missing(`the version under alias ${c.alias} was not looked up; run the gate check again`);
  const champ = ctx.champions[c.alias];
  if (!champ) return judged(true, null, `no champion under alias ${c.alias} yet`);
  const who = `v${champ.version} under ${c.alias}`;
  const mine = e.metrics?.[c.metric];
  if (mine === undefined || !Number.isFinite(mine)) return missing(`post metrics.${c.metric} on the evaluation set (${HOW}) to compare with ${who}`);
  const ds = e.evalDatasetId ?? null;
  if (ds === null) return missing(`post evalDatasetId, the dataset metrics.${c.metric} was measured on, to compare with ${who}`);
  if (champ.evalDatasetId === null) {
    return judged(false, null, `${who} has no recorded evaluation dataset, so its ${c.metric} cannot be compared; evaluate it on dataset #${ds} and post its metrics`);
  }
  if (champ.evalDatasetId !== ds) {
    return judged(false, null, `this version was evaluated on dataset #${ds} but ${who} on dataset #${champ.evalDatasetId}; ${c.metric} on different data is not comparable, so evaluate both on the same dataset`);
  }
  const theirs = champ.metrics[c.metric];
  if (theirs === undefined || !Number.isFinite(theirs)) return missing(`${who} has no ${c.metric}; post metrics.${c.metric} for version ${champ.version} on dataset #${ds}`);
  const delta = c.higherIsBetter ? mine - theirs : theirs - mine;
  const ok = meets(delta, '>=', c.minDelta, slackFor(mine, theirs));
  const gap = delta >= 0 ? `better by ${gateNumber(delta)}` : `worse by ${gateNumber(-delta)}`;
  return judged(ok, delta, `${c.metric} ${gateNumber(mine)} vs ${gateNumber(theirs)} for ${who}: ${gap}; needs ${gateCheckDescribe(c)}`);
}

// The groups at either end of one per-group rate.
function extremes(rows: readonly GateFairnessGroup[], key: 'selectionRate' | 'tpr' | 'fpr'): string {
  const sorted = [...rows].sort((a, b) => a[key] - b[key]);
  const lo = sorted[0] as GateFairnessGroup;
  const hi = sorted[sorted.length - 1] as GateFairnessGroup;
  const name = { selectionRate: 'selection rate', tpr: 'true positive rate', fpr: 'false positive rate' }[key];
  return `${name} ${gateNumber(lo[key])} for ${lo.group} vs ${gateNumber(hi[key])} for ${hi.group}`;
}

function fairnessValue(c: Extract<GateCheck, { kind: 'fairness' }>, m: FairnessMetricsResult, rows: GateFairnessGroup[]): { value: number | null; why: string } {
  switch (c.measure) {
    case 'demographic_parity_difference':
      return { value: m.demographicParityDifference, why: extremes(rows, 'selectionRate') };
    case 'equal_opportunity_difference':
      return { value: m.equalOpportunityDifference, why: extremes(rows, 'tpr') };
    case 'equalized_odds_difference': {
      const worseTpr = m.equalOpportunityDifference >= m.equalizedOddsDifference;
      return { value: m.equalizedOddsDifference, why: extremes(rows, worseTpr ? 'tpr' : 'fpr') };
    }
    case 'disparate_impact_min': {
      const ratios = m.disparateImpact.byGroup;
      if (ratios.some((r) => r.ratio === null)) return { value: null, why: `no group of ${c.attribute} is ever selected, so disparate impact is undefined` };
      // At least two groups reach here, so reduce has a first element.
      const low = ratios.reduce((a, b) => ((b.ratio as number) < (a.ratio as number) ? b : a));
      const ratio = low.ratio as number;
      return { value: ratio, why: `${String(low.group)} is selected at ${gateNumber(ratio)} times the rate of ${String(m.disparateImpact.referenceGroup)}` };
    }
  }
}

function fairnessCheck(c: Extract<GateCheck, { kind: 'fairness' }>, e: GateEvidence): Outcome {
  const rows = e.fairness?.[c.attribute];
  const what = `post fairness.${c.attribute}: yTrue, yPred and the ${c.attribute} group of every row of the evaluation set (${HOW})`;
  if (!rows) return missing(what);
  let m: FairnessMetricsResult;
  try {
    m = fairnessMetrics(rows);
  } catch (error) {
    if (error instanceof StatsInputError) return missing(`fairness.${c.attribute} is unusable (${error.message}); ${what}`);
    throw error;
  }
  if (m.byGroup.length < 2) return missing(`fairness.${c.attribute} has only one group (${String(m.byGroup[0]?.group)}), so fairness cannot be judged; ${what}`);
  const groups = m.byGroup.map((g, i) => ({
    group: String(g.group),
    selectionRate: g.selectionRate,
    tpr: g.tpr,
    fpr: g.fpr,
    disparateImpact: m.disparateImpact.byGroup[i]?.ratio ?? null,
  }));
  const { value, why } = fairnessValue(c, m, groups);
  const label = gateMeasureLabel(c.measure);
  if (value === null) return { ...judged(false, null, why), groups };
  const ok = meets(value, c.op, c.threshold, slackFor(1));
  return { ...judged(ok, value, `${label} on ${c.attribute} is ${versus(value, c.threshold)} (${why}), needs ${GATE_OP_SYMBOL[c.op]} ${c.threshold}`), groups };
}

function latencyCheck(c: Extract<GateCheck, { kind: 'latency' }>, e: GateEvidence): Outcome {
  const xs = e.latencyMs;
  const what = `post latencyMs: one response time in milliseconds per request, measured on the serving stack (${HOW})`;
  if (!xs || xs.length === 0) return missing(what);
  let p: number;
  try {
    p = percentile(xs, c.percentile);
  } catch (error) {
    if (error instanceof StatsInputError) return missing(`latencyMs is unusable (${error.message}); ${what}`);
    throw error;
  }
  return judged(p <= c.maxMs, p, `p${c.percentile} latency is ${versus(p, c.maxMs)} ms over ${xs.length} requests, needs ≤ ${c.maxMs} ms`);
}

function driftCheck(c: Extract<GateCheck, { kind: 'drift' }>, e: GateEvidence, ctx: GateContext): Outcome {
  const d = ctx.drift?.[c.id];
  const against = c.reference === 'training' ? 'the training data' : `dataset #${c.reference.datasetId}`;
  if (!d) {
    if (c.reference === 'training' && (e.evalDatasetId ?? null) === null) return missing(`post evalDatasetId, the dataset the version was evaluated on: drift compares it with ${against}`);
    return missing(`drift vs ${against} has not been computed; run the gate check again`);
  }
  if ('error' in d) return missing(`drift vs ${against} could not be computed: ${d.error}`);
  const ok = d.share <= c.maxDriftedShare;
  return judged(ok, d.share, `${d.driftedCount} of ${d.columns} columns drifted vs ${against} (${gatePercent(d.share)}), needs at most ${gatePercent(c.maxDriftedShare)}`);
}

function checkOutcome(c: GateCheck, e: GateEvidence, ctx: GateContext): Outcome {
  switch (c.kind) {
    case 'metric':
      return metricCheck(c, e);
    case 'champion':
      return championCheck(c, e, ctx);
    case 'fairness':
      return fairnessCheck(c, e);
    case 'latency':
      return latencyCheck(c, e);
    case 'drift':
      return driftCheck(c, e, ctx);
  }
}

/** Every check of the policy judged on the evidence; passes only when every check passes. */
export function gateEvaluate(policy: GatePolicy, evidence: GateEvidence, context: GateContext): GateEvaluation {
  const results = policy.checks.map(
    (c): GateCheckResult => ({ id: c.id, kind: c.kind, description: gateCheckDescribe(c), threshold: thresholdOf(c), ...checkOutcome(c, evidence, context) }),
  );
  return { passed: results.every((r) => r.status === 'pass'), results };
}

/** The evidence as canonical JSON (keys sorted, arrays in order), the text the server hashes. */
export function gateEvidenceDigest(evidence: GateEvidence): string {
  return auditCanonicalJson(evidence);
}

// A model's gate policy: the checks a version must pass and the sign-offs a promotion needs,
// with the validator the server runs on every write and the sentence each check reads as.
import { type Role, ROLES, roleIs } from '../policy/roles';

/** One validation gate; `id` names it in results and is unique within a policy. */
export type GateCheck =
  | { kind: 'metric'; id: string; metric: string; op: '>=' | '>' | '<=' | '<'; threshold: number }
  | { kind: 'champion'; id: string; metric: string; alias: string; minDelta: number; higherIsBetter: boolean }
  | { kind: 'fairness'; id: string; attribute: string; measure: GateFairnessMeasure; op: '<=' | '>='; threshold: number }
  | { kind: 'drift'; id: string; reference: 'training' | { datasetId: number }; maxDriftedShare: number }
  | { kind: 'latency'; id: string; percentile: number; maxMs: number };

/** The fairness numbers a gate can bound; the differences are fairlearn's, disparate impact is the lowest group ratio. */
export type GateFairnessMeasure = 'demographic_parity_difference' | 'equalized_odds_difference' | 'equal_opportunity_difference' | 'disparate_impact_min';

/** How many distinct people holding `role` must approve. */
export interface ApprovalRequirement {
  role: Role;
  count: number;
}

/** Checks every version must pass, and the sign-offs every promotion needs. */
export interface GatePolicy {
  checks: GateCheck[];
  approvals: ApprovalRequirement[];
}

/** A new model's policy: no checks yet, one MLOps engineer signs off. */
export const GATE_POLICY_DEFAULT: GatePolicy = { checks: [], approvals: [{ role: 'mlops_engineer', count: 1 }] };

/** The validator's answer: a clean copy of the policy, or every problem found. */
export type GatePolicyValidation = { ok: true; policy: GatePolicy } | { ok: false; errors: string[] };

/** Comparison operators as people read them. */
export const GATE_OP_SYMBOL = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' } as const;

/** Alias names as the registry accepts them (kept in step with contracts' aliasNameSchema). */
const ALIAS_PATTERN = /^[a-z][a-z0-9_-]{0,62}$/;
const KINDS = ['metric', 'champion', 'fairness', 'drift', 'latency'] as const;
const MEASURES = ['demographic_parity_difference', 'equalized_odds_difference', 'equal_opportunity_difference', 'disparate_impact_min'] as const;
const FIELDS: Record<GateCheck['kind'], readonly string[]> = {
  metric: ['kind', 'id', 'metric', 'op', 'threshold'],
  champion: ['kind', 'id', 'metric', 'alias', 'minDelta', 'higherIsBetter'],
  fairness: ['kind', 'id', 'attribute', 'measure', 'op', 'threshold'],
  drift: ['kind', 'id', 'reference', 'maxDriftedShare'],
  latency: ['kind', 'id', 'percentile', 'maxMs'],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: unknown): string => (v === undefined ? 'nothing' : typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v)).slice(0, 60));

// Reads typed fields off a raw object, recording one readable error per bad field.
function fieldReader(raw: Record<string, unknown>, where: string, errors: string[]) {
  const bad = (key: string, want: string) => {
    errors.push(`${where}: ${key} must be ${want} (got ${shown(raw[key])})`);
    return undefined;
  };
  return {
    text: (key: string): string | undefined => {
      const v = raw[key];
      return typeof v === 'string' && v.trim() !== '' ? v : bad(key, 'a non-empty text');
    },
    finite: (key: string, want = 'a finite number', ok: (n: number) => boolean = () => true): number | undefined => {
      const v = raw[key];
      return typeof v === 'number' && Number.isFinite(v) && ok(v) ? v : bad(key, want);
    },
    oneOf: <T extends string>(key: string, options: readonly T[]): T | undefined => {
      const v = raw[key];
      return (options as readonly unknown[]).includes(v) ? (v as T) : bad(key, `one of ${options.join(', ')}`);
    },
    flag: (key: string): boolean | undefined => {
      const v = raw[key];
      return typeof v === 'boolean' ? v : bad(key, 'true or false');
    },
    unknownKeys: (allowed: readonly string[]) => {
      for (const key of Object.keys(raw)) if (!allowed.includes(key)) errors.push(`${where}: unknown field ${JSON.stringify(key)}`);
    },
    bad,
  };
}

const within01 = (n: number) => n >= 0 && n <= 1;

function checkParse(raw: unknown, i: number, errors: string[]): GateCheck | undefined {
  if (!isRecord(raw)) {
    errors.push(`checks[${i}]: a check is an object with a kind and an id (got ${shown(raw)})`);
    return undefined;
  }
  const idText = typeof raw.id === 'string' && raw.id.trim() !== '' ? raw.id : undefined;
  const f = fieldReader(raw, idText === undefined ? `checks[${i}]` : `checks[${i}] "${idText}"`, errors);
  const id = f.text('id');
  const kind = f.oneOf('kind', KINDS);
  if (kind === undefined) return undefined;
  f.unknownKeys(FIELDS[kind]);
  switch (kind) {
    case 'metric': {
      const [metric, op, threshold] = [f.text('metric'), f.oneOf('op', ['>=', '>', '<=', '<'] as const), f.finite('threshold')];
      if (id === undefined || metric === undefined || op === undefined || threshold === undefined) return undefined;
      return { kind, id, metric, op, threshold };
    }
    case 'champion': {
      const [metric, alias, minDelta, higherIsBetter] = [f.text('metric'), f.text('alias'), f.finite('minDelta'), f.flag('higherIsBetter')];
      // An alias that can never exist would make the check pass forever ("no champion yet").
      if (alias !== undefined && !ALIAS_PATTERN.test(alias)) return f.bad('alias', 'an alias name: lowercase letters, digits, _ or -, starting with a letter');
      if (id === undefined || metric === undefined || alias === undefined || minDelta === undefined || higherIsBetter === undefined) return undefined;
      return { kind, id, metric, alias, minDelta, higherIsBetter };
    }
    case 'fairness': {
      const [attribute, measure, op] = [f.text('attribute'), f.oneOf('measure', MEASURES), f.oneOf('op', ['<=', '>='] as const)];
      const threshold = f.finite('threshold', 'a number from 0 to 1', within01);
      // A ratio is bounded from below and a difference from above; the other way round passes unfair models.
      const want = measure === 'disparate_impact_min' ? '>=' : '<=';
      if (measure !== undefined && op !== undefined && op !== want) return f.bad('op', `"${want}" for ${measure}`);
      if (id === undefined || attribute === undefined || measure === undefined || op === undefined || threshold === undefined) return undefined;
      return { kind, id, attribute, measure, op, threshold };
    }
    case 'drift': {
      const maxDriftedShare = f.finite('maxDriftedShare', 'a share from 0 to 1', within01);
      const ref = raw.reference;
      const datasetOk = isRecord(ref) && Object.keys(ref).length === 1 && Number.isSafeInteger(ref.datasetId) && (ref.datasetId as number) > 0;
      const reference = ref === 'training' ? 'training' : datasetOk ? { datasetId: ref.datasetId as number } : f.bad('reference', '"training" or { "datasetId": <positive integer> }');
      if (id === undefined || reference === undefined || maxDriftedShare === undefined) return undefined;
      return { kind, id, reference, maxDriftedShare };
    }
    case 'latency': {
      const percentile = f.finite('percentile', 'a number above 0 and at most 100', (n) => n > 0 && n <= 100);
      const maxMs = f.finite('maxMs', 'a positive number of milliseconds', (n) => n > 0);
      if (id === undefined || percentile === undefined || maxMs === undefined) return undefined;
      return { kind, id, percentile, maxMs };
    }
  }
}

function approvalParse(raw: unknown, i: number, errors: string[]): ApprovalRequirement | undefined {
  if (!isRecord(raw)) {
    errors.push(`approvals[${i}]: an approval is { "role": ..., "count": ... } (got ${shown(raw)})`);
    return undefined;
  }
  const f = fieldReader(raw, `approvals[${i}]`, errors);
  f.unknownKeys(['role', 'count']);
  const role = typeof raw.role === 'string' && roleIs(raw.role) ? raw.role : f.bad('role', `one of ${ROLES.join(', ')}`);
  const count = f.finite('count', 'a whole number of at least 1', (n) => Number.isInteger(n) && n >= 1);
  return role === undefined || count === undefined ? undefined : { role, count };
}

/** Checks an untrusted policy; errors name the check by index and id. Returns a copy without unknown fields. */
export function gatePolicyValidate(p: unknown): GatePolicyValidation {
  if (!isRecord(p)) return { ok: false, errors: [`A gate policy is an object with "checks" and "approvals" (got ${shown(p)})`] };
  const errors: string[] = [];
  fieldReader(p, 'policy', errors).unknownKeys(['checks', 'approvals']);
  const checks: GateCheck[] = [];
  if (!Array.isArray(p.checks)) errors.push(`checks must be a list of checks, [] for none (got ${shown(p.checks)})`);
  else p.checks.forEach((raw, i) => {
    const c = checkParse(raw, i, errors);
    if (c) checks.push(c);
  });
  const seen = new Set<string>();
  for (const c of checks) {
    if (seen.has(c.id)) errors.push(`check id "${c.id}" is used twice; ids must be unique`);
    seen.add(c.id);
  }
  const approvals: ApprovalRequirement[] = [];
  if (!Array.isArray(p.approvals) || p.approvals.length === 0) {
    errors.push('approvals must list at least one role: every promotion needs someone other than the requester to sign off');
  } else p.approvals.forEach((raw, i) => {
    const a = approvalParse(raw, i, errors);
    if (a && approvals.some((b) => b.role === a.role)) errors.push(`approvals[${i}]: ${a.role} is listed twice; give one count per role`);
    else if (a) approvals.push(a);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, policy: { checks, approvals } };
}

const MEASURE_LABELS: Record<GateFairnessMeasure, string> = {
  demographic_parity_difference: 'demographic parity difference',
  equalized_odds_difference: 'equalized odds difference',
  equal_opportunity_difference: 'equal opportunity difference',
  disparate_impact_min: 'lowest disparate impact ratio',
};

/** A fairness measure as people read it ("demographic parity difference"). */
export const gateMeasureLabel = (m: GateFairnessMeasure): string => MEASURE_LABELS[m];

/** A share as a percentage with at most one decimal ("50%", "33.3%"). */
export const gatePercent = (share: number): string => `${Math.round(share * 1000) / 10}%`;

/** A measured number for a sentence: six significant digits, integers as they are. */
export const gateNumber = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6))));

/** The check as one short sentence: "auc ≥ 0.85", "p95 latency ≤ 50 ms". */
export function gateCheckDescribe(c: GateCheck): string {
  switch (c.kind) {
    case 'metric':
      return `${c.metric} ${GATE_OP_SYMBOL[c.op]} ${c.threshold}`;
    case 'champion': {
      const [better, worse] = c.higherIsBetter ? ['above', 'below'] : ['below', 'above'];
      if (c.minDelta > 0) return `${c.metric} at least ${c.minDelta} ${better} ${c.alias}`;
      if (c.minDelta < 0) return `${c.metric} at most ${-c.minDelta} ${worse} ${c.alias}`;
      return `${c.metric} no worse than ${c.alias}`;
    }
    case 'fairness':
      return `${MEASURE_LABELS[c.measure]} on ${c.attribute} ${GATE_OP_SYMBOL[c.op]} ${c.threshold}`;
    case 'drift': {
      const against = c.reference === 'training' ? 'training data' : `dataset #${c.reference.datasetId}`;
      return `at most ${gatePercent(c.maxDriftedShare)} of columns drifted vs ${against}`;
    }
    case 'latency':
      return `p${c.percentile} latency ≤ ${c.maxMs} ms`;
  }
}

// Reading stored gate results and quorums as people say them: "4 of 6 checks pass",
// "1 of 2 approvals: missing compliance lead".
import { ROLE_LABELS, roleIs, type ApprovalQuorum, type ApprovalRequirement, type GateCheckResult } from '@quorum/domain';

/** A stored gate result as the API returns it; its results are GateCheckResults stored as JSON. */
export interface RegGateRow {
  passed: boolean;
  results: Record<string, unknown>[];
  evaluatedAt: number;
}

/** The stored results, typed: the server writes them from gateEvaluate, so the shape holds. */
export function regGateResults(gate: RegGateRow | null | undefined): GateCheckResult[] {
  return (gate?.results ?? []) as unknown as GateCheckResult[];
}

export type RegGateTone = 'pass' | 'fail' | 'none';

/** A version's gate status in one line, and the tone to colour it. */
export function regGateSummary(gate: RegGateRow | null | undefined): { tone: RegGateTone; label: string; passing: number; total: number } {
  if (!gate) return { tone: 'none', label: 'not checked', passing: 0, total: 0 };
  const results = regGateResults(gate);
  const passing = results.filter((r) => r.status === 'pass').length;
  const total = results.length;
  if (total === 0) return { tone: gate.passed ? 'pass' : 'fail', label: gate.passed ? 'no checks' : 'failing', passing, total };
  return { tone: gate.passed ? 'pass' : 'fail', label: `${passing}/${total} checks pass`, passing, total };
}

/** A role as people say it, for roles outside the list too. */
export function regRoleLabel(role: string): string {
  return roleIs(role) ? ROLE_LABELS[role] : role.replace(/_/g, ' ');
}

/** A role in the middle of a sentence: "compliance lead", "MLOps engineer". */
export function regRoleInline(role: string): string {
  const label = regRoleLabel(role);
  return /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** "1 of 2 approvals: missing compliance lead"; "2 of 2 approvals: quorum met". */
export function regQuorumText(required: readonly ApprovalRequirement[], quorum: Pick<ApprovalQuorum, 'met' | 'missing'>): string {
  const total = required.reduce((n, r) => n + r.count, 0);
  const missing = quorum.missing.reduce((n, m) => n + m.count, 0);
  const have = total - missing;
  const head = `${have} of ${total} approval${total === 1 ? '' : 's'}`;
  if (quorum.met) return `${head}: quorum met`;
  const who = quorum.missing.map((m) => (m.count > 1 ? `${m.count} × ${regRoleInline(m.role)}` : regRoleInline(m.role)));
  return `${head}: missing ${who.join(' and ')}`;
}

/** Bytes as people read file sizes: "5.5 MB". */
export function regBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${Number(v.toPrecision(3))} ${units[i]}`;
}

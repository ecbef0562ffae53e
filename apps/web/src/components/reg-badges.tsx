// Registry badges: a version's gate status, one check's verdict, a request's state, a risk rating.
import type { PromotionState } from '@quorum/domain';
import { regGateSummary, type RegGateRow } from './reg-gate';

/** A version's gate status with its count of passing checks ("✓ 6/6 checks pass"). */
export function RegGateBadge({ gate }: { gate: RegGateRow | null | undefined }) {
  const s = regGateSummary(gate);
  const mark = s.tone === 'pass' ? '✓' : s.tone === 'fail' ? '✗' : '–';
  return (
    <span className={`badge reg-tone-${s.tone}`} title={gate ? `Gates ${gate.passed ? 'green' : 'red'}: ${s.label}` : 'No gate evaluation yet'}>
      <span aria-hidden>{mark}</span> {s.label}
    </span>
  );
}

const CHECK_MARK = { pass: '✓', fail: '✗', missing: '?' } as const;

/** One check's verdict: pass, fail or missing (no usable evidence). */
export function RegCheckBadge({ status }: { status: 'pass' | 'fail' | 'missing' }) {
  return (
    <span className={`badge reg-tone-${status}`}>
      <span aria-hidden>{CHECK_MARK[status]}</span> {status}
    </span>
  );
}

const STATE_LABEL: Record<PromotionState, string> = {
  pending: 'pending',
  approved: 'approved · awaiting apply',
  rejected: 'rejected',
  applied: 'applied',
  withdrawn: 'withdrawn',
  expired: 'expired',
};

export function RegStateBadge({ state }: { state: PromotionState }) {
  return <span className={`badge reg-state reg-state-${state}`}>{STATE_LABEL[state]}</span>;
}

export function RegRiskBadge({ risk }: { risk: 'low' | 'medium' | 'high' }) {
  return (
    <span className={`badge reg-risk reg-risk-${risk}`} title={`Risk rating: ${risk}`}>
      {risk} risk
    </span>
  );
}

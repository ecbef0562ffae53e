import { describe, expect, it } from 'vitest';
import { PROMOTION_STATES, PROMOTION_TERMINAL, type PromotionEvent, promotionNext, type PromotionState } from './promotion';

const EVENTS: PromotionEvent['type'][] = ['approve', 'reject', 'withdraw', 'apply', 'expire', 'evidence_changed'];

// Every state × every event: the next state (with whether approvals reset) or the exact refusal.
const TABLE: Record<PromotionState, Record<PromotionEvent['type'], [PromotionState, boolean] | string>> = {
  pending: {
    approve: ['approved', false],
    reject: ['rejected', false],
    withdraw: ['withdrawn', false],
    apply: 'The request is pending: it can be applied only once the required approvals are in',
    expire: ['expired', false],
    evidence_changed: ['pending', true],
  },
  approved: {
    approve: 'The request is already approved: the quorum is complete',
    reject: 'The request is already approved: withdraw it to stop the promotion',
    withdraw: ['withdrawn', false],
    apply: ['applied', false],
    expire: ['expired', false],
    evidence_changed: ['pending', true],
  },
  rejected: {
    approve: 'The request was rejected, which is final: it can no longer be approved',
    reject: 'The request was rejected, which is final: it can no longer be rejected',
    withdraw: 'The request was rejected, which is final: it can no longer be withdrawn',
    apply: 'The request was rejected, which is final: it can no longer be applied',
    expire: 'The request was rejected, which is final: it can no longer be expired',
    evidence_changed: 'The request was rejected, which is final: it can no longer be reopened by new evidence',
  },
  applied: {
    approve: 'The request was applied, which is final: it can no longer be approved',
    reject: 'The request was applied, which is final: it can no longer be rejected',
    withdraw: 'The request was applied, which is final: it can no longer be withdrawn',
    apply: 'The request was applied, which is final: it can no longer be applied',
    expire: 'The request was applied, which is final: it can no longer be expired',
    evidence_changed: 'The request was applied, which is final: it can no longer be reopened by new evidence',
  },
  withdrawn: {
    approve: 'The request was withdrawn, which is final: it can no longer be approved',
    reject: 'The request was withdrawn, which is final: it can no longer be rejected',
    withdraw: 'The request was withdrawn, which is final: it can no longer be withdrawn',
    apply: 'The request was withdrawn, which is final: it can no longer be applied',
    expire: 'The request was withdrawn, which is final: it can no longer be expired',
    evidence_changed: 'The request was withdrawn, which is final: it can no longer be reopened by new evidence',
  },
  expired: {
    approve: 'The request has expired, which is final: it can no longer be approved',
    reject: 'The request has expired, which is final: it can no longer be rejected',
    withdraw: 'The request has expired, which is final: it can no longer be withdrawn',
    apply: 'The request has expired, which is final: it can no longer be applied',
    expire: 'The request has expired, which is final: it can no longer be expired',
    evidence_changed: 'The request has expired, which is final: it can no longer be reopened by new evidence',
  },
};

describe('promotionNext', () => {
  const cells = PROMOTION_STATES.flatMap((state) => EVENTS.map((type) => [state, type] as const));

  it('covers 6 states × 6 events', () => {
    expect(cells).toHaveLength(36);
  });

  it.each(cells)('%s + %s', (state, type) => {
    const want = TABLE[state][type];
    const got = promotionNext(state, { type } as PromotionEvent);
    if (typeof want === 'string') expect(got).toEqual({ ok: false, reason: want });
    else expect(got).toEqual({ ok: true, state: want[0], resetApprovals: want[1] });
  });

  it('refuses unknown states and events read from storage', () => {
    expect(promotionNext('archived' as PromotionState, { type: 'approve' })).toEqual({ ok: false, reason: 'Unknown promotion state "archived"' });
    expect(promotionNext('pending', { type: 'escalate' } as unknown as PromotionEvent)).toEqual({ ok: false, reason: 'Unknown promotion event "escalate"' });
  });
});

describe('PROMOTION_TERMINAL', () => {
  it('holds exactly the states every event is refused in', () => {
    const refusingAll = PROMOTION_STATES.filter((s) => EVENTS.every((type) => !promotionNext(s, { type } as PromotionEvent).ok));
    expect([...PROMOTION_TERMINAL].sort()).toEqual([...refusingAll].sort());
    expect([...PROMOTION_TERMINAL].sort()).toEqual(['applied', 'expired', 'rejected', 'withdrawn']);
  });
});

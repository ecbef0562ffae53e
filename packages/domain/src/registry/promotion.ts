// The life of a promotion request: which events move it where, and why every other event is refused.

/** Every state a promotion request can be in. */
export const PROMOTION_STATES = ['pending', 'approved', 'rejected', 'applied', 'withdrawn', 'expired'] as const;

/** Where a promotion request stands. */
export type PromotionState = (typeof PROMOTION_STATES)[number];

/** What can happen to a request; 'approve' means the quorum of approvals is now reached. */
export type PromotionEvent = { type: 'approve' } | { type: 'reject' } | { type: 'withdraw' } | { type: 'apply' } | { type: 'expire' } | { type: 'evidence_changed' };

/** The next state, and whether approvals given so far are void; or why the event is refused. */
export type PromotionTransition = { ok: true; state: PromotionState; resetApprovals: boolean } | { ok: false; reason: string };

/** States nothing leaves. */
export const PROMOTION_TERMINAL: ReadonlySet<PromotionState> = new Set<PromotionState>(['rejected', 'applied', 'withdrawn', 'expired']);

type Open = Exclude<PromotionState, 'rejected' | 'applied' | 'withdrawn' | 'expired'>;
type EventType = PromotionEvent['type'];

// Changed evidence voids every approval given against the old evidence, so an approved
// request falls back to pending and a pending one starts collecting afresh.
const MOVES: Record<Open, Partial<Record<EventType, PromotionState>>> = {
  pending: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn', expire: 'expired', evidence_changed: 'pending' },
  approved: { apply: 'applied', withdraw: 'withdrawn', expire: 'expired', evidence_changed: 'pending' },
};

const REFUSED: Record<Open, Partial<Record<EventType, string>>> = {
  pending: { apply: 'The request is pending: it can be applied only once the required approvals are in' },
  approved: {
    approve: 'The request is already approved: the quorum is complete',
    reject: 'The request is already approved: withdraw it to stop the promotion',
  },
};

const FINAL: Record<Exclude<PromotionState, Open>, string> = {
  rejected: 'was rejected',
  applied: 'was applied',
  withdrawn: 'was withdrawn',
  expired: 'has expired',
};

const AS_DONE: Record<EventType, string> = {
  approve: 'approved',
  reject: 'rejected',
  withdraw: 'withdrawn',
  apply: 'applied',
  expire: 'expired',
  evidence_changed: 'reopened by new evidence',
};

/** Moves a request along on an event, or says why it cannot. */
export function promotionNext(state: PromotionState, event: PromotionEvent): PromotionTransition {
  if (!Object.hasOwn(AS_DONE, event.type)) return { ok: false, reason: `Unknown promotion event "${String(event.type)}"` };
  if (state === 'pending' || state === 'approved') {
    const next = MOVES[state][event.type];
    if (next !== undefined) return { ok: true, state: next, resetApprovals: event.type === 'evidence_changed' };
    return { ok: false, reason: REFUSED[state][event.type] ?? `A ${state} request cannot be ${AS_DONE[event.type]}` };
  }
  if (!Object.hasOwn(FINAL, state)) return { ok: false, reason: `Unknown promotion state "${String(state)}"` };
  return { ok: false, reason: `The request ${FINAL[state]}, which is final: it can no longer be ${AS_DONE[event.type]}` };
}

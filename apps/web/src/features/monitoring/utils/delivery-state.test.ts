import { describe, expect, it } from 'vitest';
import { deliveryState, type DeliveryLike } from './delivery-state';

const time = (ms: number) => `t${ms}`;
const d = (over: Partial<DeliveryLike>): DeliveryLike => ({ state: 'pending', attempts: 0, nextAttemptAt: null, lastStatus: null, lastError: null, deliveredAt: null, ...over });

describe('deliveryState', () => {
  it('says when a delivered trigger was accepted and after how many attempts', () => {
    expect(deliveryState(d({ state: 'delivered', attempts: 2, lastStatus: 200, deliveredAt: 5 }), time)).toEqual({ tone: 'good', label: 'Delivered', detail: 'Accepted at t5 after 2 attempts' });
  });

  it('says when the next retry goes out and what the receiver said last', () => {
    expect(deliveryState(d({ attempts: 1, nextAttemptAt: 9, lastStatus: 503 }), time)).toEqual({ tone: 'warn', label: 'Retrying at t9', detail: 'Attempt 2 of 8 next; last time the receiver answered 503' });
    expect(deliveryState(d({ attempts: 3, nextAttemptAt: 9, lastError: 'fetch failed' }), time).detail).toBe('Attempt 4 of 8 next; last time fetch failed');
  });

  it('says why a failed trigger stopped, and that a new one is queued', () => {
    expect(deliveryState(d({ state: 'failed', attempts: 1, lastStatus: 400 }), time)).toEqual({ tone: 'bad', label: 'Failed', detail: 'Gave up after 1 attempt: the receiver answered 400' });
    expect(deliveryState(d({ nextAttemptAt: 3 }), time)).toEqual({ tone: 'neutral', label: 'Queued', detail: 'First attempt at t3' });
  });
});

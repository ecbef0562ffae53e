// A retraining trigger's delivery in words: delivered, retrying at a time, failed, or queued.
import { WEBHOOK_MAX_ATTEMPTS } from '@quorum/domain';

export interface DeliveryLike {
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: number | null;
}

export interface DeliveryState {
  tone: 'good' | 'warn' | 'bad' | 'neutral';
  label: string;
  /** The sentence under the label: when it lands, or why it stopped. */
  detail: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `time` formats a moment ("14:05", "27 Nov, 14:05"); passed in so tests need no locale. */
export function deliveryState(d: DeliveryLike, time: (ms: number) => string): DeliveryState {
  const answer = d.lastStatus !== null ? `the receiver answered ${d.lastStatus}` : d.lastError ? d.lastError : null;
  switch (d.state) {
    case 'delivered':
      return { tone: 'good', label: 'Delivered', detail: `${d.deliveredAt === null ? 'Accepted' : `Accepted at ${time(d.deliveredAt)}`} after ${plural(d.attempts, 'attempt')}` };
    case 'failed':
      return { tone: 'bad', label: 'Failed', detail: `Gave up after ${plural(d.attempts, 'attempt')}${answer ? `: ${answer}` : ''}` };
    case 'pending':
      if (d.attempts === 0) return { tone: 'neutral', label: 'Queued', detail: d.nextAttemptAt === null ? 'Waiting to be sent' : `First attempt at ${time(d.nextAttemptAt)}` };
      return {
        tone: 'warn',
        label: d.nextAttemptAt === null ? 'Retrying' : `Retrying at ${time(d.nextAttemptAt)}`,
        detail: `Attempt ${d.attempts + 1} of ${WEBHOOK_MAX_ATTEMPTS} next${answer ? `; last time ${answer}` : ''}`,
      };
  }
}

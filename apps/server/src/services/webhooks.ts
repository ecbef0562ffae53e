// Delivers queued retraining webhooks: each message is signed as the Standard Webhooks
// convention says (HMAC-SHA256 over "id.timestamp.body"), POSTed with a timeout, and every
// attempt and answer is recorded. Failures that may pass (network, 408, 429, 5xx) are
// retried on the convention's schedule; others, or running out of attempts, fail the delivery.
import { attemptInsert, deliveriesClaim, deliveryFind, deliveryUpdate, alertRuleFind, type Database, type WebhookDeliveryRow } from '@quorum/db';
import { webhookRetryable, webhookRetryDelayMs, webhookSign, type WebhookHmac } from '@quorum/domain';
import { createHmac } from 'node:crypto';
import { audit } from './audit';
import type { Clock, ServiceContext } from './context';
import { conflict, notFound } from './errors';
import { loggable } from '../trpc/errors';

export const webhookHmac: WebhookHmac = (key, data) => createHmac('sha256', key).update(data).digest('base64');

/** How long a worker holds a claimed delivery before another may try it. */
const LEASE_MS = 60_000;
const RESPONSE_KEPT_CHARS = 2_000;

export interface DeliverOptions {
  limit?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Seconds from a Retry-After header (seconds or an HTTP date), in ms. */
function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

async function attempt(ctx: ServiceContext, d: WebhookDeliveryRow, options: Required<DeliverOptions>) {
  const rule = await alertRuleFind(ctx.db, d.ruleId);
  const now = ctx.clock.now();
  const body = JSON.stringify(d.payload);
  const started = performance.now();
  let status: number | null = null;
  let error: string | null = null;
  let responseBody = '';
  let retryAfter: number | null = null;
  if (!rule?.webhookSecret) {
    error = 'The rule has no webhook secret any more';
  } else {
    try {
      const headers = webhookSign({ id: d.messageId, timestampSeconds: Math.floor(now / 1000), body }, [rule.webhookSecret], webhookHmac);
      const res = await options.fetch(d.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Quorum-Webhooks/1', ...headers },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = res.status;
      responseBody = (await res.text().catch(() => '')).slice(0, RESPONSE_KEPT_CHARS);
      retryAfter = retryAfterMs(res.headers.get('retry-after'), now);
    } catch (e) {
      error = e instanceof Error ? (e.name === 'TimeoutError' ? `No answer within ${options.timeoutMs} ms` : `${e.message}${e.cause instanceof Error ? `: ${e.cause.message}` : ''}`) : String(e);
    }
  }
  const durationMs = Math.round(performance.now() - started);
  const attempts = d.attempts + 1;
  const delivered = status !== null && status >= 200 && status < 300;
  const retryable = !delivered && rule?.webhookSecret != null && webhookRetryable(status ?? new Error(error ?? 'failed'));
  const delay = retryable ? webhookRetryDelayMs(attempts + 1, retryAfter) : null;
  const state = delivered ? 'delivered' : delay === null ? 'failed' : 'pending';
  const lastError = delivered ? null : (error ?? `The receiver answered ${status}`);
  await ctx.db.transaction(async (tx) => {
    await attemptInsert(tx, { deliveryId: d.id, at: now, durationMs, status, error, responseBody });
    await deliveryUpdate(tx, d.id, {
      state,
      attempts,
      lastStatus: status,
      lastError,
      nextAttemptAt: state === 'pending' ? now + delay! : null,
      ...(delivered && { deliveredAt: now }),
    });
    if (state !== 'pending') {
      await audit({ ...ctx, system: 'webhooks' }, tx, state === 'delivered' ? 'webhooks.delivered' : 'webhooks.failed', { entityType: 'webhook_delivery', entityId: d.id }, {
        url: d.url,
        messageId: d.messageId,
        attempts,
        status,
        ...(lastError && { error: lastError }),
      });
    }
  });
  return state;
}

/**
 * Queues a failed delivery once more (say, after fixing the receiver): the same message id,
 * so the receiver can tell it from a new trigger. It is tried once; failing again ends it.
 */
export async function deliveryRetry(ctx: ServiceContext, deliveryId: number) {
  const d = await deliveryFind(ctx.db, deliveryId);
  if (!d) throw notFound(`No webhook delivery with id ${deliveryId}`);
  if (d.state !== 'failed') throw conflict(`Delivery #${d.id} is ${d.state}; only failed deliveries are retried by hand`);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await deliveryUpdate(tx, d.id, { state: 'pending', nextAttemptAt: now });
    await audit(ctx, tx, 'monitoring.retryDelivery', { entityType: 'webhook_delivery', entityId: d.id }, { url: d.url, messageId: d.messageId, attempts: d.attempts });
    return { ...d, state: 'pending' as const, nextAttemptAt: now };
  });
}

/** Attempts every delivery that is due now; returns how each ended up. */
export async function webhooksDeliverDue(ctx: ServiceContext, options: DeliverOptions = {}) {
  const opts: Required<DeliverOptions> = { limit: options.limit ?? 20, timeoutMs: options.timeoutMs ?? 10_000, fetch: options.fetch ?? fetch };
  const due = await deliveriesClaim(ctx.db, ctx.clock.now(), LEASE_MS, opts.limit);
  const outcome = { delivered: 0, retrying: 0, failed: 0 };
  for (const d of due) {
    const state = await attempt(ctx, d, opts);
    if (state === 'delivered') outcome.delivered++;
    else if (state === 'failed') outcome.failed++;
    else outcome.retrying++;
  }
  return outcome;
}

/** Runs deliveries every few seconds in the background of the server process. */
export function webhookWorkerStart(db: Database, clock: Clock, everyMs = 5_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    webhooksDeliverDue({ db, clock, actor: null, system: 'webhooks' })
      .catch((e: unknown) => console.error('Webhook delivery failed', loggable(e)))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

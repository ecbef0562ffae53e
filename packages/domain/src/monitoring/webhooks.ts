// Signed webhooks in the Standard Webhooks convention (https://www.standardwebhooks.com, spec 1.0.0):
// headers webhook-id, webhook-timestamp (unix seconds) and webhook-signature ("v1,<base64 HMAC-SHA256
// of '{id}.{timestamp}.{body}'>", several space-separated for key rotation), secrets "whsec_<base64>".
// The HMAC itself is injected, so this module stays pure.

/** HMAC-SHA256 of `data` (UTF-8) under `key`, in standard base64: e.g. `createHmac('sha256', key).update(data).digest('base64')`. */
export type WebhookHmac = (key: Uint8Array, data: string) => string;

/** Why a webhook input was refused. */
export type WebhookErrorCode = 'BAD_SECRET' | 'BAD_ID' | 'BAD_TIMESTAMP' | 'BAD_SIGNATURE' | 'BAD_ATTEMPT';

/** A secret, id, timestamp or signature that does not follow the Standard Webhooks format. */
export class WebhookError extends Error {
  override readonly name = 'WebhookError';
  readonly code: WebhookErrorCode;

  constructor(code: WebhookErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Request headers as a receiver gets them; names are matched without regard to case. */
export type WebhookHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** Why a received webhook was refused; the message says what to check. */
export type WebhookVerifyFailure = 'missing_header' | 'bad_timestamp' | 'timestamp_too_old' | 'timestamp_too_new' | 'no_matching_signature';

/** A verified webhook's id (use it as an idempotency key) and timestamp, or why it was refused. */
export type WebhookVerifyResult = { ok: true; id: string; timestampSeconds: number } | { ok: false; reason: WebhookVerifyFailure; message: string };

/** The three headers a sender attaches (a type, not an interface, so it passes as a plain header record). */
export type WebhookSignedHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** The spec's prefix of symmetric secrets. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';
/** The spec's key sizes for HMAC-SHA256: at least 24 bytes (192 bits), at most 64 bytes (512 bits). */
export const WEBHOOK_SECRET_MIN_BYTES = 24;
export const WEBHOOK_SECRET_MAX_BYTES = 64;
/** How far a timestamp may be from the receiver's clock, as the reference libraries allow. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
const BASE64_PADDED = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The text that is signed: "{id}.{timestamp}.{body}", with the body exactly as sent. */
export function webhookSignedContent(id: string, timestampSeconds: number, body: string): string {
  // The spec forbids '.' in the id so that the signed text splits one way only.
  if (typeof id !== 'string' || id === '' || id.includes('.')) {
    throw new WebhookError('BAD_ID', `webhook id ${JSON.stringify(id)} must be non-empty text without '.'`);
  }
  if (!Number.isSafeInteger(timestampSeconds) || timestampSeconds < 0) {
    throw new WebhookError('BAD_TIMESTAMP', `webhook timestamp ${timestampSeconds} must be whole seconds since 1970`);
  }
  return `${id}.${timestampSeconds}.${body}`;
}

/** The key bytes of a "whsec_<base64>" secret; refuses other prefixes, bad base64 and sizes outside 24–64 bytes. */
export function webhookSecretBytes(secret: string): Uint8Array {
  if (typeof secret !== 'string' || !secret.startsWith(WEBHOOK_SECRET_PREFIX)) {
    throw new WebhookError('BAD_SECRET', 'a webhook secret starts with "whsec_" followed by base64');
  }
  const encoded = secret.slice(WEBHOOK_SECRET_PREFIX.length);
  if (/[-_]/.test(encoded)) {
    throw new WebhookError('BAD_SECRET', 'the secret uses "-" or "_" (base64url); Standard Webhooks secrets are standard base64 with "+" and "/"');
  }
  if (!BASE64.test(encoded)) throw new WebhookError('BAD_SECRET', 'the part after "whsec_" is not base64 (A–Z, a–z, 0–9, "+", "/", "=" padding)');
  const bytes = base64Decode(encoded);
  if (bytes.length < WEBHOOK_SECRET_MIN_BYTES || bytes.length > WEBHOOK_SECRET_MAX_BYTES) {
    throw new WebhookError(
      'BAD_SECRET',
      `the secret decodes to ${bytes.length} bytes; Standard Webhooks keys are ${WEBHOOK_SECRET_MIN_BYTES} to ${WEBHOOK_SECRET_MAX_BYTES} random bytes`,
    );
  }
  return bytes;
}

/** A "whsec_" secret from random key bytes (the caller draws them, e.g. 32 from crypto.getRandomValues). */
export function webhookSecretEncode(key: Uint8Array): string {
  if (key.length < WEBHOOK_SECRET_MIN_BYTES || key.length > WEBHOOK_SECRET_MAX_BYTES) {
    throw new WebhookError('BAD_SECRET', `a key has ${WEBHOOK_SECRET_MIN_BYTES} to ${WEBHOOK_SECRET_MAX_BYTES} bytes (got ${key.length})`);
  }
  let binary = '';
  for (const b of key) binary += String.fromCharCode(b);
  return WEBHOOK_SECRET_PREFIX + btoa(binary);
}

/** The webhook-signature header value: each base64 signature as "v1,<sig>", space-separated. */
export function webhookSignatureHeader(signaturesBase64: readonly string[]): string {
  if (signaturesBase64.length === 0) throw new WebhookError('BAD_SIGNATURE', 'a webhook-signature header needs at least one signature');
  return signaturesBase64
    .map((s, i) => {
      if (s === '' || !BASE64_PADDED.test(s)) throw new WebhookError('BAD_SIGNATURE', `signature ${i + 1} is not padded base64: ${JSON.stringify(s.slice(0, 60))}`);
      return `v1,${s}`;
    })
    .join(' ');
}

/**
 * Whether any "v1," entry of a webhook-signature header equals the expected base64 signature.
 * Entries of other schemes (e.g. "v1a," asymmetric) are skipped. The comparison looks at every
 * character whatever the mismatch, as the spec asks; JavaScript engines promise no timing, so a
 * receiver that needs a hard guarantee compares the decoded bytes with crypto.timingSafeEqual.
 */
export function webhookSignatureMatches(header: string, expectedBase64: string): boolean {
  let matched = false;
  for (const entry of header.split(' ')) {
    const comma = entry.indexOf(',');
    if (comma < 0 || entry.slice(0, comma) !== 'v1') continue;
    if (equalText(entry.slice(comma + 1), expectedBase64)) matched = true;
  }
  return matched;
}

/** The headers that sign `body`: one signature per secret, so a rotated secret's receivers keep working. */
export function webhookSign(
  message: { id: string; timestampSeconds: number; body: string },
  secrets: readonly string[],
  hmac: WebhookHmac,
): WebhookSignedHeaders {
  const content = webhookSignedContent(message.id, message.timestampSeconds, message.body);
  const signatures = secrets.map((s) => hmac(webhookSecretBytes(s), content));
  return { 'webhook-id': message.id, 'webhook-timestamp': String(message.timestampSeconds), 'webhook-signature': webhookSignatureHeader(signatures) };
}

/**
 * A receiver's check: the three headers are present, the timestamp is within `toleranceSeconds`
 * of `nowSeconds` either way (replays are refused), and one v1 signature matches `body` as received.
 */
export function webhookVerify(
  headers: WebhookHeaders,
  body: string,
  secret: string,
  nowSeconds: number,
  hmac: WebhookHmac,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): WebhookVerifyResult {
  const key = webhookSecretBytes(secret);
  const id = header(headers, 'webhook-id');
  const timestampText = header(headers, 'webhook-timestamp');
  const signature = header(headers, 'webhook-signature');
  const missing = [id === undefined ? 'webhook-id' : null, timestampText === undefined ? 'webhook-timestamp' : null, signature === undefined ? 'webhook-signature' : null].filter(
    (h) => h !== null,
  );
  if (id === undefined || timestampText === undefined || signature === undefined) {
    return { ok: false, reason: 'missing_header', message: `the request has no ${missing.join(', ')} header` };
  }
  if (!/^\d{1,15}$/.test(timestampText.trim())) {
    return { ok: false, reason: 'bad_timestamp', message: `webhook-timestamp ${JSON.stringify(timestampText.slice(0, 40))} is not whole unix seconds` };
  }
  const timestampSeconds = Number(timestampText.trim());
  if (nowSeconds - timestampSeconds > toleranceSeconds) {
    return { ok: false, reason: 'timestamp_too_old', message: `the webhook was signed ${nowSeconds - timestampSeconds} s ago, more than ${toleranceSeconds} s: a replay or a slow clock` };
  }
  if (timestampSeconds - nowSeconds > toleranceSeconds) {
    return { ok: false, reason: 'timestamp_too_new', message: `the webhook is dated ${timestampSeconds - nowSeconds} s in the future, more than ${toleranceSeconds} s: check the clocks` };
  }
  let content: string;
  try {
    content = webhookSignedContent(id, timestampSeconds, body);
  } catch (e) {
    if (e instanceof WebhookError) return { ok: false, reason: 'no_matching_signature', message: e.message };
    throw e;
  }
  if (!webhookSignatureMatches(signature, hmac(key, content))) {
    return { ok: false, reason: 'no_matching_signature', message: 'no v1 signature matches: check the secret, and that the body is verified exactly as received (not re-serialised JSON)' };
  }
  return { ok: true, id, timestampSeconds };
}

/**
 * Delay before delivery attempt `attempt` (1-based), counted from the failure of the attempt
 * before: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — eight attempts over about
 * 27.6 hours, the schedule of Svix, who wrote the Standard Webhooks libraries (the spec's example
 * table continues with 14 h, 20 h, 24 h). Null once the attempts are exhausted. A Retry-After the
 * receiver sent (in ms) lengthens the delay, never shortens it, as the spec suggests.
 */
export function webhookRetryDelayMs(attempt: number, retryAfterMs?: number | null): number | null {
  if (!Number.isSafeInteger(attempt) || attempt < 1) throw new WebhookError('BAD_ATTEMPT', `attempt is ${attempt}; attempts are numbered from 1`);
  const delay = RETRY_SCHEDULE_MS[attempt - 1];
  if (delay === undefined) return null;
  return retryAfterMs !== undefined && retryAfterMs !== null && Number.isFinite(retryAfterMs) && retryAfterMs > delay ? retryAfterMs : delay;
}

/** Delivery attempts the schedule allows. */
export const WEBHOOK_MAX_ATTEMPTS = 8;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const RETRY_SCHEDULE_MS: readonly number[] = [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];

/**
 * Whether a failed delivery is worth retrying: network errors and timeouts (anything that is not a
 * status), 408, 429 and 5xx. Other 4xx are the receiver refusing the request and will fail again;
 * 3xx are failures the spec says not to follow (fix the URL instead); 2xx is success, nothing to
 * retry. A 410 Gone also means the receiver wants no more webhooks: the sender disables the endpoint.
 */
export function webhookRetryable(outcome: number | Error | { error: unknown }): boolean {
  if (typeof outcome !== 'number') return true;
  if (!Number.isInteger(outcome) || outcome < 100 || outcome > 599) throw new WebhookError('BAD_ATTEMPT', `${outcome} is not an HTTP status`);
  return outcome === 408 || outcome === 429 || outcome >= 500;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    // Repeated headers arrive as a list; signatures are a space-separated list anyway.
    const text = typeof value === 'string' ? value : value.join(' ');
    return text === '' ? undefined : text;
  }
  return undefined;
}

// Compares every character of the longer text, so the time does not depend on where they differ.
function equalText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

function base64Decode(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

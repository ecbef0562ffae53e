import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  WEBHOOK_MAX_ATTEMPTS,
  type WebhookHmac,
  webhookRetryable,
  webhookRetryDelayMs,
  webhookSecretBytes,
  webhookSecretEncode,
  webhookSign,
  webhookSignatureHeader,
  webhookSignatureMatches,
  webhookSignedContent,
  webhookVerify,
} from './webhooks';

const hmac: WebhookHmac = (key, data) => createHmac('sha256', key).update(data, 'utf8').digest('base64');
const code = (c: string) => expect.objectContaining({ code: c });

// The test vector of the Standard Webhooks reference libraries (libraries/javascript/src/webhook.test.ts, "sign function works").
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestampSeconds: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const signed = webhookSign(vector, [vector.secret], hmac);

describe('webhookSign', () => {
  it("reproduces the reference libraries' signature", () => {
    expect(signed).toEqual({ 'webhook-id': vector.id, 'webhook-timestamp': '1614265330', 'webhook-signature': vector.signature });
  });

  it('signs with every secret during a rotation, in order', () => {
    const other = webhookSecretEncode(new Uint8Array(32).fill(7));
    const h = webhookSign(vector, [other, vector.secret], hmac)['webhook-signature'];
    expect(h.split(' ')).toHaveLength(2);
    expect(h.endsWith(` ${vector.signature}`)).toBe(true);
  });

  it('signs the text as UTF-8', () => {
    const body = '{"city":"Zürich","emoji":"✓"}';
    const h = webhookSign({ ...vector, body }, [vector.secret], hmac)['webhook-signature'];
    const key = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64');
    expect(h).toBe(`v1,${createHmac('sha256', key).update(Buffer.from(`${vector.id}.${vector.timestampSeconds}.${body}`, 'utf8')).digest('base64')}`);
  });
});

describe('webhookSignedContent', () => {
  it('joins id, timestamp and the body as sent with full stops', () => {
    expect(webhookSignedContent('msg_1', 1674087231, '{"a":1}')).toBe('msg_1.1674087231.{"a":1}');
    expect(webhookSignedContent('msg_1', 0, '')).toBe('msg_1.0.');
  });

  it("refuses an id with '.' and a timestamp that is not whole seconds", () => {
    expect(() => webhookSignedContent('msg.1', 1, '')).toThrow(code('BAD_ID'));
    expect(() => webhookSignedContent('', 1, '')).toThrow(code('BAD_ID'));
    expect(() => webhookSignedContent('m', 1.5, '')).toThrow(code('BAD_TIMESTAMP'));
    expect(() => webhookSignedContent('m', -1, '')).toThrow(code('BAD_TIMESTAMP'));
    expect(() => webhookSignedContent('m', 1_700_000_000_000 * 10_000, '')).toThrow(code('BAD_TIMESTAMP'));
  });
});

describe('webhookSecretBytes', () => {
  it('decodes the base64 after whsec_, padded or not', () => {
    expect(Buffer.from(webhookSecretBytes(vector.secret)).toString('base64')).toBe('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    const key25 = Uint8Array.from({ length: 25 }, (_, i) => i * 10);
    const padded = webhookSecretEncode(key25);
    expect(padded.endsWith('==')).toBe(true);
    expect(webhookSecretBytes(padded)).toEqual(key25);
    expect(webhookSecretBytes(padded.replace(/=+$/, ''))).toEqual(key25);
  });

  it('refuses secrets without the prefix, in base64url, not base64, or of the wrong size', () => {
    expect(() => webhookSecretBytes('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')).toThrow('a webhook secret starts with "whsec_" followed by base64');
    expect(() => webhookSecretBytes('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2La_aSw')).toThrow(/base64url/);
    expect(() => webhookSecretBytes('whsec_MfKQ9r8GKY!qrTwjUPD8ILPZIo2LaLaSw')).toThrow(/is not base64/);
    // 33 characters: a length no base64 text has.
    expect(() => webhookSecretBytes('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwA')).toThrow(/is not base64/);
    expect(() => webhookSecretBytes(`whsec_${Buffer.alloc(16).toString('base64')}`)).toThrow('the secret decodes to 16 bytes; Standard Webhooks keys are 24 to 64 random bytes');
    expect(() => webhookSecretBytes(`whsec_${Buffer.alloc(65).toString('base64')}`)).toThrow(/65 bytes/);
    expect(() => webhookSecretBytes('whsec_')).toThrow(code('BAD_SECRET'));
    expect(() => webhookSecretEncode(new Uint8Array(8))).toThrow(code('BAD_SECRET'));
  });
});

describe('webhookSignatureHeader and webhookSignatureMatches', () => {
  it('writes each signature as v1,<sig>, space-separated', () => {
    expect(webhookSignatureHeader(['YQ==', 'YmM='])).toBe('v1,YQ== v1,YmM=');
  });

  it('refuses no signature and signatures that are not padded base64', () => {
    expect(() => webhookSignatureHeader([])).toThrow(code('BAD_SIGNATURE'));
    expect(() => webhookSignatureHeader(['v1,YQ=='])).toThrow(code('BAD_SIGNATURE'));
    expect(() => webhookSignatureHeader(['YQ'])).toThrow(code('BAD_SIGNATURE'));
  });

  it('matches any v1 entry and skips other schemes', () => {
    const expected = vector.signature.slice(3);
    expect(webhookSignatureMatches(vector.signature, expected)).toBe(true);
    expect(webhookSignatureMatches(`v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= ${vector.signature}`, expected)).toBe(true);
    expect(webhookSignatureMatches(`v1a,${expected} v2,${expected}`, expected)).toBe(false);
    expect(webhookSignatureMatches(`v1,${expected.slice(0, -1)}`, expected)).toBe(false);
    expect(webhookSignatureMatches(`v1,${expected}x`, expected)).toBe(false);
    expect(webhookSignatureMatches('v1,', expected)).toBe(false);
    expect(webhookSignatureMatches('', expected)).toBe(false);
  });
});

describe('webhookVerify', () => {
  const at = vector.timestampSeconds;
  const verify = (headers: Record<string, string | string[] | undefined>, body = vector.body, now = at) => webhookVerify(headers, body, vector.secret, now, hmac);

  it('accepts the reference vector and returns its id and timestamp', () => {
    expect(verify(signed)).toEqual({ ok: true, id: vector.id, timestampSeconds: at });
  });

  it('matches header names without regard to case, and takes repeated signature headers as one list', () => {
    expect(verify({ 'Webhook-Id': vector.id, 'WEBHOOK-TIMESTAMP': String(at), 'webhook-Signature': vector.signature }).ok).toBe(true);
    expect(verify({ ...signed, 'webhook-signature': ['v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=', vector.signature] }).ok).toBe(true);
  });

  it('accepts timestamps up to five minutes either side of the clock', () => {
    expect(verify(signed, vector.body, at + 300).ok).toBe(true);
    expect(verify(signed, vector.body, at - 300).ok).toBe(true);
    expect(verify(signed, vector.body, at + 301)).toEqual({ ok: false, reason: 'timestamp_too_old', message: 'the webhook was signed 301 s ago, more than 300 s: a replay or a slow clock' });
    expect(verify(signed, vector.body, at - 301)).toMatchObject({ ok: false, reason: 'timestamp_too_new' });
    expect(webhookVerify(signed, vector.body, vector.secret, at + 600, hmac, 900).ok).toBe(true);
  });

  it('refuses missing headers, naming them', () => {
    expect(verify({ 'webhook-id': vector.id })).toEqual({ ok: false, reason: 'missing_header', message: 'the request has no webhook-timestamp, webhook-signature header' });
    expect(verify({ ...signed, 'webhook-id': '' })).toMatchObject({ reason: 'missing_header' });
  });

  it('refuses a timestamp that is not whole seconds', () => {
    for (const t of ['hello', '1614265330.5', '-5', '1614265330000000000']) expect(verify({ ...signed, 'webhook-timestamp': t })).toMatchObject({ ok: false, reason: 'bad_timestamp' });
  });

  it('refuses a changed body, id or timestamp, a partial signature and another secret', () => {
    const noMatch = { ok: false, reason: 'no_matching_signature' };
    expect(verify(signed, vector.body.replace('2432232314', '2432232315'))).toMatchObject(noMatch);
    expect(verify(signed, '{"test":2432232314}')).toMatchObject(noMatch);
    expect(verify({ ...signed, 'webhook-id': 'msg_other' })).toMatchObject(noMatch);
    expect(verify({ ...signed, 'webhook-timestamp': String(at + 1) })).toMatchObject(noMatch);
    expect(verify({ ...signed, 'webhook-signature': vector.signature.slice(0, 8) })).toMatchObject(noMatch);
    expect(verify({ ...signed, 'webhook-signature': 'v1,' })).toMatchObject(noMatch);
    expect(verify({ ...signed, 'webhook-id': 'msg.1' })).toMatchObject(noMatch);
    expect(webhookVerify(signed, vector.body, webhookSecretEncode(new Uint8Array(24)), at, hmac)).toMatchObject(noMatch);
  });

  it('throws for a malformed secret: that is configuration, not the request', () => {
    expect(() => webhookVerify(signed, vector.body, 'secret', at, hmac)).toThrow(code('BAD_SECRET'));
  });
});

describe('webhookRetryDelayMs', () => {
  it('follows the schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then stops', () => {
    const delays = Array.from({ length: WEBHOOK_MAX_ATTEMPTS + 1 }, (_, i) => webhookRetryDelayMs(i + 1));
    expect(delays).toEqual([0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000, null]);
    expect(webhookRetryDelayMs(50)).toBeNull();
  });

  it("waits longer when the receiver's Retry-After asks for it, never shorter", () => {
    expect(webhookRetryDelayMs(2, 60_000)).toBe(60_000);
    expect(webhookRetryDelayMs(3, 60_000)).toBe(300_000);
    expect(webhookRetryDelayMs(2, null)).toBe(5_000);
    expect(webhookRetryDelayMs(2, Number.NaN)).toBe(5_000);
    expect(webhookRetryDelayMs(9, 60_000)).toBeNull();
  });

  it('numbers attempts from 1', () => {
    expect(() => webhookRetryDelayMs(0)).toThrow(code('BAD_ATTEMPT'));
    expect(() => webhookRetryDelayMs(1.5)).toThrow(code('BAD_ATTEMPT'));
  });
});

describe('webhookRetryable', () => {
  it.each([
    [200, false],
    [204, false],
    [301, false],
    [400, false],
    [401, false],
    [404, false],
    [408, true],
    [410, false],
    [422, false],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
  ])('status %i → %s', (status, want) => {
    expect(webhookRetryable(status)).toBe(want);
  });

  it('retries network errors and timeouts', () => {
    expect(webhookRetryable(new Error('ECONNRESET'))).toBe(true);
    expect(webhookRetryable({ error: 'timeout after 15 s' })).toBe(true);
  });

  it('refuses numbers that are not HTTP statuses', () => {
    for (const s of [0, 99, 600, 200.5]) expect(() => webhookRetryable(s)).toThrow(code('BAD_ATTEMPT'));
  });
});

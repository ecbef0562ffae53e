// A stand-in for the retraining pipeline's CI endpoint, on loopback while the demo seeds:
// it checks each retraining webhook's Standard Webhooks signature and answers 202 (queued),
// or 401 when the signature does not verify, and keeps what it accepted for the pipeline.
import { webhookVerify } from '@quorum/domain';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookHmac } from '../services/webhooks';

export interface ReceivedTrigger {
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * Listens on 127.0.0.1 (a free port). `now` is the clock the receiver checks timestamps
 * against: the seed's simulated clock, since messages are signed at the simulated time of
 * delivery. `secret` is set once the alert rule exists and its secret is known.
 */
export async function demoReceiverStart(now: () => number) {
  let secret: string | null = null;
  const accepted: ReceivedTrigger[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const verified = secret === null ? null : webhookVerify(req.headers as Record<string, string>, body, secret, Math.floor(now() / 1000), webhookHmac);
      if (!verified?.ok) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: verified?.message ?? 'no secret configured' }));
        return;
      }
      accepted.push({ headers: req.headers, body });
      res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ queued: true, pipeline: 'fraud-retrain', build: accepted.length }));
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/fraud-retrain`,
    accepted,
    useSecret(value: string) {
      secret = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// The webhook's signing secret, shown this once after the rule is created, with how the
// receiver verifies each request the Standard Webhooks way.
import { WEBHOOK_TOLERANCE_SECONDS } from '@quorum/domain';
import { CodeBlock, CopyButton } from '../../../components/id-copy-button';
import { RegDialog } from '../../../components/reg-dialog';

export function RuleSecretDialog({ ruleName, webhookUrl, secret, onClose }: { ruleName: string; webhookUrl: string; secret: string; onClose: () => void }) {
  const verify = [
    `import { Webhook } from 'standardwebhooks';`,
    `// In the handler of ${webhookUrl || 'your webhook'}, on the raw request body;`,
    `// the secret comes from your CI's secret store:`,
    `const event = new Webhook(secret).verify(rawBody, request.headers);`,
    `// event.type === 'quorum.retrain.requested'; event.data.reason says why`,
  ].join('\n');
  return (
    <RegDialog
      title={`Signing secret for “${ruleName}”`}
      onClose={onClose}
      wide
      footer={
        <button type="button" className="btn btn-primary" onClick={onClose}>
          I have stored it
        </button>
      }
    >
      <div className="reg-form">
        <div className="alert reg-alert-warn">
          <strong>Copy this secret now: it is shown only once.</strong> Quorum keeps it to sign requests but never shows it again; store it in your CI’s secrets.
        </div>
        <div className="mon-secret">
          <code className="mon-secret-value">{secret}</code>
          <CopyButton text={secret} label="Copy secret" />
        </div>
        <p className="reg-form-note">
          Every retraining request is signed the <a href="https://www.standardwebhooks.com/" target="_blank" rel="noreferrer">Standard Webhooks</a> way: the{' '}
          <code>webhook-signature</code> header holds an HMAC-SHA256 of <code>webhook-id.webhook-timestamp.body</code> keyed with this secret. Verify it on the raw body before acting,
          reject timestamps more than {WEBHOOK_TOLERANCE_SECONDS / 60} minutes off, and use <code>webhook-id</code> (the same on every retry) to ignore a request you already handled.
        </p>
        <CodeBlock code={verify} label="Verify in the receiver (any Standard Webhooks library)" />
      </div>
    </RegDialog>
  );
}

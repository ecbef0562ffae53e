// The new token's secret, shown this once: the server keeps only its hash.
import { CopyButton } from '../../../components/id-copy-button';
import type { CreatedToken } from '../api/use-tokens';

export function TokenSecret({ token, onDone }: { token: CreatedToken; onDone: () => void }) {
  return (
    <section className="id-secret" aria-label="New token secret" role="status">
      <div className="id-secret-head">
        <strong>Token “{token.name}” created.</strong> Copy it now: it will not be shown again.
      </div>
      <div className="id-secret-row">
        <input className="input input-mono id-secret-value" readOnly value={token.secret} aria-label="Token secret" onFocus={(e) => e.currentTarget.select()} />
        <CopyButton text={token.secret} label="Copy token" className="btn btn-primary" />
        <button type="button" className="btn btn-ghost" onClick={onDone}>
          Done
        </button>
      </div>
      <div className="small id-secret-hint">
        Store it as a secret in your CI, e.g. <code>QUORUM_TOKEN</code>, and send it as <code>Authorization: Bearer $QUORUM_TOKEN</code>.
      </div>
    </section>
  );
}

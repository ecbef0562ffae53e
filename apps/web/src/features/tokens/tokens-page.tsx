// /tokens — API tokens for scripts and CI: every role lists and creates its own; admins
// may see everyone's and create tokens for service accounts. Secrets are shown once.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { idReadableError } from '../../components/id-readable-error';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorBox, LoadingRows } from '../../components/states';
import { useSession } from '../../lib/session';
import { useTokenList, type CreatedToken } from './api/use-tokens';
import { useUrlFlag } from './hooks/use-url-flag';
import { TokenCreateForm } from './components/token-create-form';
import { TokenSecret } from './components/token-secret';
import { TokensTable } from './components/tokens-table';
import { tokensOrdered } from './utils/token-status';

export function TokensPage() {
  const { can, user } = useSession();
  const [params] = useSearchParams();
  const mayListAll = can('tokens.listAll').allowed;
  const [allParam, setAll] = useUrlFlag('all');
  const all = mayListAll && allParam;
  const [created, setCreated] = useState<CreatedToken | null>(null);
  // A new form after each token, so the next one starts from the defaults.
  const [formKey, setFormKey] = useState(0);
  const list = useTokenList(all);
  const now = list.dataUpdatedAt || Date.now();
  const tokens = tokensOrdered(list.data ?? [], now);
  const createDecision = can('tokens.create');

  return (
    <div className="page">
      <PageHeader
        title="API tokens"
        description="Scripts, notebooks and CI pipelines act as you (or a service account) with a token, limited to the roles it carries."
      />
      {created && <TokenSecret token={created} onDone={() => setCreated(null)} />}
      {createDecision.allowed ? (
        <TokenCreateForm
          key={formKey}
          autoFocus={params.get('new') === '1'}
          onCreated={(t) => {
            setCreated(t);
            setFormKey((k) => k + 1);
          }}
        />
      ) : (
        <p className="alert alert-info">{createDecision.reason}</p>
      )}
      <section className="card" aria-label="Tokens">
        <div className="card-header">
          <h2>{all ? 'All tokens' : 'Your tokens'}</h2>
          <span className="spacer" />
          {mayListAll && (
            <label className="check small">
              <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
              All tokens
            </label>
          )}
        </div>
        {list.isPending ? (
          <LoadingRows rows={4} />
        ) : list.isError ? (
          <div className="card-body">
            <ErrorBox error={idReadableError(list.error)} onRetry={() => void list.refetch()} />
          </div>
        ) : tokens.length === 0 ? (
          <EmptyState title={all ? 'Nobody has a token yet' : 'You have no API tokens'}>
            <p>Create one per script or pipeline, so each can be revoked on its own.</p>
          </EmptyState>
        ) : (
          <TokensTable tokens={tokens} now={now} showOwner={all || tokens.some((t) => t.userId !== user.id)} />
        )}
      </section>
    </div>
  );
}

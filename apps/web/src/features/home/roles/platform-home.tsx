// Platform engineer: "how do pipelines talk to Quorum?" Their tokens, how CI logs runs
// with one, and the audit endpoint a deploy can be gated on.
import { Link } from 'react-router';
import { CodeBlock } from '../../../components/id-copy-button';
import { RoleBadges } from '../../../components/id-role-badges';
import { formatAgo, formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useHomeTokens } from '../api/use-home-data';
import { HomeCard } from '../components/home-card';
import { HomeHeader } from '../components/home-header';
import { QueryBody } from '../components/query-body';

function sdkSnippet(origin: string): string {
  return `import { Quorum } from '@quorum/sdk';

const quorum = new Quorum({
  url: '${origin}',
  token: process.env.QUORUM_TOKEN,
});
const run = await quorum.startRun({ experiment: 'nightly-retrain' });
run.logMetrics({ val_auc: 0.91 }, 1);
await run.end();`;
}

function curlSnippet(origin: string): string {
  return `# RUN_ID comes from runs.create (or the SDK)
curl -sf '${origin}/api/trpc/runs.logBatch' \\
  -H "Authorization: Bearer $QUORUM_TOKEN" \\
  -H 'Content-Type: application/json' \\
  --data @- <<EOF
{"json": {"runId": "$RUN_ID", "metrics": [
  {"key": "val_auc", "value": 0.91, "step": 1,
   "timestamp": $(date +%s000)}
]}}
EOF`;
}

function verifySnippet(origin: string): string {
  return `QUORUM_URL=${origin}
# Fails the job unless the chain holds
curl -sf "$QUORUM_URL/api/audit/verify" \\
  -H "Authorization: Bearer $AUDIT_TOKEN" \\
  | jq -e .ok`;
}

export function PlatformHome() {
  const { can } = useSession();
  const tokens = useHomeTokens();
  const now = tokens.dataUpdatedAt || Date.now();
  const active = (tokens.data ?? []).filter((t) => t.revokedAt === null && (t.expiresAt === null || t.expiresAt > now));
  const origin = window.location.origin;
  const verify = can('audit.verify');

  return (
    <div className="page">
      <HomeHeader
        role="platform_engineer"
        question="Connect pipelines to Quorum: API tokens, logging from CI, and the audit check a deploy can wait on."
        actions={
          <Link className="btn btn-primary" to="/tokens?new=1">
            New API token
          </Link>
        }
      />
      <div className="id-home-grid">
        <HomeCard title="Log runs from CI">
          <div className="card-body stack">
            <p className="id-card-text">
              Store a token as the pipeline secret <code>QUORUM_TOKEN</code>; every request sends it as <code>Authorization: Bearer $QUORUM_TOKEN</code>.
            </p>
            <CodeBlock label="TypeScript SDK" code={sdkSnippet(origin)} />
            <CodeBlock label="curl (tRPC over HTTP)" code={curlSnippet(origin)} />
          </div>
        </HomeCard>
        <div className="id-home-stack">
          <HomeCard
            title={
              <>
                Your active tokens <span className="count-pill">{active.length}</span>
              </>
            }
            actions={
              <Link className="small" to="/tokens">
                Manage
              </Link>
            }
          >
            <QueryBody
              pending={tokens.isPending}
              error={tokens.error}
              onRetry={() => void tokens.refetch()}
              isEmpty={active.length === 0}
              empty={
                <p>
                  No active tokens. <Link to="/tokens?new=1">Create one</Link> for each pipeline, so one can be revoked without breaking the others.
                </p>
              }
            >
              <ul className="id-token-mini">
                {active.map((t) => (
                  <li key={t.id}>
                    <div className="row">
                      <strong>{t.name}</strong>
                      <span className="mono muted small">{t.prefix}…</span>
                      <span className="spacer" />
                      <RoleBadges roles={t.roles} />
                    </div>
                    <div className="small muted">
                      {t.lastUsedAt === null ? 'never used' : <span title={formatDateTime(t.lastUsedAt)}>used {formatAgo(t.lastUsedAt, now)}</span>}
                      {' · '}
                      {t.expiresAt === null ? 'no expiry' : <span title={formatDateTime(t.expiresAt)}>expires {formatAgo(t.expiresAt, now)}</span>}
                    </div>
                  </li>
                ))}
              </ul>
            </QueryBody>
          </HomeCard>
          <HomeCard title="Gate deploys on the audit trail">
            <div className="card-body stack">
              <p className="id-card-text">
                <code>GET /api/audit/verify</code> walks the hash chain and answers <code>{'{"ok":true,…}'}</code>, or names the first entry that no longer matches.
              </p>
              <CodeBlock label="CI gate" code={verifySnippet(origin)} />
              <p className="small muted id-card-text">
                {verify.allowed
                  ? 'Your roles may call it.'
                  : 'AUDIT_TOKEN must carry the compliance lead or admin role: a platform engineer’s own token gets 403. Ask an admin for a service account token.'}
              </p>
            </div>
          </HomeCard>
        </div>
      </div>
    </div>
  );
}

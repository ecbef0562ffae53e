// Admin: "who has access, are the squads staffed sensibly, and which keys are out there?"
import { ROLE_LABELS, ROLES } from '@quorum/domain';
import { Link } from 'react-router';
import { useHomeTeams, useHomeTokens, useHomeUsers } from '../api/use-home-data';
import { HomeCard } from '../components/home-card';
import { HomeHeader } from '../components/home-header';
import { QueryBody } from '../components/query-body';

const DAY = 86_400_000;

function Fact({ value, label, tone }: { value: number; label: string; tone?: 'warn' | 'bad' }) {
  return (
    <div className={`id-fact${tone ? ` id-fact-${tone}` : ''}`}>
      <div className="id-fact-value">{value.toLocaleString('en')}</div>
      <div className="id-fact-label">{label}</div>
    </div>
  );
}

export function AdminHome() {
  const users = useHomeUsers(true);
  const teams = useHomeTeams();
  const tokens = useHomeTokens(true);
  const now = tokens.dataUpdatedAt || Date.now();

  const userRows = users.data ?? [];
  const enabled = userRows.filter((u) => u.disabledAt === null);
  const tokenRows = tokens.data ?? [];
  const live = tokenRows.filter((t) => t.revokedAt === null && (t.expiresAt === null || t.expiresAt > now));
  const neverUsed = live.filter((t) => t.lastUsedAt === null).length;
  const teamRows = teams.data ?? [];

  return (
    <div className="page">
      <HomeHeader role="admin" question="Who has access to what, how the squads are staffed, and which API tokens are live." />
      <div className="id-home-cols-3">
        <HomeCard title="Users" actions={<Link to="/admin/users">Manage users</Link>}>
          <QueryBody pending={users.isPending} error={users.error} onRetry={() => void users.refetch()} isEmpty={false} empty={null}>
            <div className="card-body stack">
              <div className="id-facts">
                <Fact value={enabled.filter((u) => u.kind === 'human').length} label="people" />
                <Fact value={enabled.filter((u) => u.kind === 'service').length} label="service accounts" />
                <Fact value={userRows.length - enabled.length} label="disabled" />
              </div>
              <ul className="id-role-counts">
                {ROLES.map((r) => (
                  <li key={r}>
                    <span>{ROLE_LABELS[r]}</span>
                    <span className="tabular">{enabled.filter((u) => u.roles.includes(r)).length}</span>
                  </li>
                ))}
              </ul>
            </div>
          </QueryBody>
        </HomeCard>
        <HomeCard title="Teams" actions={<Link to="/admin/teams">Manage teams</Link>}>
          <QueryBody
            pending={teams.isPending}
            error={teams.error}
            onRetry={() => void teams.refetch()}
            isEmpty={teamRows.length === 0}
            empty={<p>No teams yet.</p>}
          >
            <ul className="id-team-mini">
              {teamRows.map((t) => (
                <li key={t.id}>
                  <div className="row">
                    <strong>{t.name}</strong>
                    <span className="muted small">{t.mix.size} members</span>
                    <span className="spacer" />
                    {t.mix.balanced ? <span className="badge id-badge-good">Balanced</span> : <span className="badge id-badge-warn">{t.mix.findings.length} finding{t.mix.findings.length === 1 ? '' : 's'}</span>}
                  </div>
                  {!t.mix.balanced && <div className="small muted">{t.mix.findings[0]}</div>}
                </li>
              ))}
            </ul>
          </QueryBody>
        </HomeCard>
        <HomeCard title="API tokens" actions={<Link to="/tokens?all=1">All tokens</Link>}>
          <QueryBody pending={tokens.isPending} error={tokens.error} onRetry={() => void tokens.refetch()} isEmpty={false} empty={null}>
            <div className="card-body stack">
              <div className="id-facts">
                <Fact value={live.length} label="live" />
                <Fact value={live.filter((t) => t.expiresAt !== null && t.expiresAt - now < 14 * DAY).length} label="expire within 14 days" tone="warn" />
                <Fact value={live.filter((t) => t.expiresAt === null).length} label="never expire" />
              </div>
              <p className="small muted id-card-text">
                {neverUsed === 0 ? 'Every live token has been used.' : `${neverUsed} live ${neverUsed === 1 ? 'token was' : 'tokens were'} never used: revoke those nobody claims.`}{' '}
                {tokenRows.length - live.length} revoked or expired.
              </p>
            </div>
          </QueryBody>
        </HomeCard>
      </div>
    </div>
  );
}

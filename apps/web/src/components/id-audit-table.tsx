// Audit entries as a table: who did what to which record, whether it was allowed, and
// the start of the entry's hash so a row can be matched against an export.
import { Link } from 'react-router';
import { formatAgo } from '../lib/format';
import type { RouterOutputs } from '../lib/trpc';

export type AuditEntry = RouterOutputs['audit']['list'][number];

/** Narrows the trail to one value of a column; offered when the table sits beside filters. */
export type AuditFilterPick = (patch: { actor?: string; action?: string; entityType?: string; entityId?: string }) => void;

/** Records that have a page of their own link to it. */
function entityHref(type: string, id: string): string | null {
  if (type === 'experiment') return `/experiments/${encodeURIComponent(id)}`;
  if (type === 'run') return `/runs/${encodeURIComponent(id)}`;
  if (type === 'dataset') return `/data?dataset=${encodeURIComponent(id)}`;
  return null;
}

/** The person behind an actor label, without the email the label ends with (kept in the tooltip). */
function actorShort(label: string, type: string): string {
  const withoutEmail = label.replace(/\s*<[^<>]+>$/, '');
  return type === 'token' ? withoutEmail.replace(/^token\s+/, '') : withoutEmail;
}

/** Today: the time to the second; earlier: day and minute, or day and year. The tooltip has the exact instant. */
function auditTime(ms: number, now: number): string {
  const d = new Date(ms);
  const today = new Date(now);
  if (d.toDateString() === today.toDateString()) return d.toLocaleTimeString('en-GB');
  const day = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
  if (d.getFullYear() !== today.getFullYear()) return `${day} ${d.getFullYear()}`;
  return `${day} ${d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
}

function compactJson(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined || text === '{}' ? '' : text;
}

function Entity({ type, id, onPick }: { type: string; id: string; onPick: AuditFilterPick | undefined }) {
  const href = entityHref(type, id);
  return (
    <span className="id-audit-entity">
      {onPick ? (
        <button type="button" className="link-button id-audit-type" title={`Show only ${type} entries`} onClick={() => onPick({ entityType: type })}>
          {type}
        </button>
      ) : (
        <span className="id-audit-type">{type}</span>
      )}
      {href ? (
        <Link to={href} className="mono">
          {id}
        </Link>
      ) : (
        <span className="mono">{id}</span>
      )}
    </span>
  );
}

export function AuditTable({ entries, onPick, now = Date.now(), label = 'Audit trail' }: { entries: readonly AuditEntry[]; onPick?: AuditFilterPick; now?: number; label?: string }) {
  return (
    <div className="table-scroll">
      <table className="table id-audit-table" aria-label={label}>
        <colgroup>
          <col className="id-col-seq" />
          <col className="id-col-time" />
          <col className="id-col-actor" />
          <col className="id-col-action" />
          <col className="id-col-entity" />
          <col className="id-col-outcome" />
          <col />
          <col className="id-col-hash" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="num">
              Seq
            </th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Outcome</th>
            <th scope="col">Summary</th>
            <th scope="col">Hash</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const summary = compactJson(e.summary);
            return (
              <tr key={e.seq} className={e.outcome === 'ok' ? undefined : `is-${e.outcome}`}>
                <td className="num mono">{e.seq}</td>
                <td className="tabular" title={`${new Date(e.at).toISOString()} (${formatAgo(e.at, now)})`}>
                  {auditTime(e.at, now)}
                </td>
                <td title={`${e.actorLabel} (${e.actorId})`}>
                  <div className="id-audit-actor">
                    {e.actorType !== 'user' && <span className="badge id-actor-type">{e.actorType}</span>}
                    {onPick ? (
                      <button type="button" className="link-button id-audit-pick" onClick={() => onPick({ actor: e.actorId })}>
                        {actorShort(e.actorLabel, e.actorType)}
                      </button>
                    ) : (
                      <span className="id-audit-pick">{actorShort(e.actorLabel, e.actorType)}</span>
                    )}
                  </div>
                </td>
                <td className="mono">
                  {onPick ? (
                    <button type="button" className="link-button id-audit-action id-audit-pick" title={`Show only ${e.action}`} onClick={() => onPick({ action: e.action })}>
                      {e.action}
                    </button>
                  ) : (
                    e.action
                  )}
                </td>
                <td>
                  <Entity type={e.entityType} id={e.entityId} onPick={onPick} />
                </td>
                <td>
                  <span className={`badge id-outcome-${e.outcome}`}>{e.outcome}</span>
                </td>
                <td className="id-audit-summary">
                  {summary === '' ? (
                    <span className="muted">—</span>
                  ) : (
                    <details>
                      <summary className="mono" title="Show the whole summary">
                        {summary}
                      </summary>
                      <pre className="id-audit-json">{JSON.stringify(e.summary, null, 2)}</pre>
                    </details>
                  )}
                </td>
                <td className="mono muted" title={`sha256 ${e.hash}\nprevious ${e.prevHash}`}>
                  {e.hash.slice(0, 10)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

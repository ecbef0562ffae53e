// The model's alerts: open ones first with Acknowledge, each with its history (opened,
// retraining triggered or held back by the cool-down, acknowledged, resolved); then the
// alerts that resolved in the range.
import { alertRuleValidate, alertValueText } from '@quorum/domain';
import { PolicyGate } from '../../../components/policy-gate';
import { useRegUserNames } from '../../../components/reg-user-names';
import { ErrorBox } from '../../../components/states';
import { useSession } from '../../../lib/session';
import { formatAgo, formatDateTime, formatMetric } from '../../../lib/format';
import { useAcknowledge } from '../api/use-monitoring';
import type { MonitorAlert, MonitorAlertEvent, MonitorRule } from '../api/types';
import { aliasLabel } from '../utils/alias-tabs';
import { ReasonText } from './reason-text';

const EVENT_LABELS: Record<MonitorAlertEvent['kind'], string> = {
  opened: 'Opened',
  triggered: 'Retraining triggered',
  suppressed: 'Trigger held back (cool-down)',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
};

function valueText(alert: MonitorAlert, rule: MonitorRule | undefined): string {
  if (alert.value === null) return '—';
  const checked = rule ? alertRuleValidate(rule.rule) : null;
  return checked?.ok ? alertValueText(checked.rule.metric, Number(alert.value.toPrecision(4))) : formatMetric(alert.value);
}

export function AlertsCard({ alerts, rules, now }: { alerts: MonitorAlert[]; rules: MonitorRule[]; now: number }) {
  const active = alerts.filter((a) => a.state !== 'resolved');
  const resolved = alerts.filter((a) => a.state === 'resolved');
  const ruleOf = new Map(rules.map((r) => [r.id, r]));
  const acknowledge = useAcknowledge();
  const mayAcknowledge = useSession().can('monitoring.acknowledge');
  const name = useRegUserNames();
  return (
    <section className="card" aria-labelledby="mon-alerts-title">
      <div className="card-header">
        <h2 id="mon-alerts-title">
          Open alerts <span className={`count-pill${active.length > 0 ? ' mon-pill-bad' : ''}`}>{active.length}</span>
        </h2>
      </div>
      {!mayAcknowledge.allowed && active.some((a) => a.state === 'open') && <p className="mon-policy-note small">You can read these alerts but not acknowledge them. {mayAcknowledge.reason}.</p>}
      {acknowledge.error && (
        <div className="card-body">
          <ErrorBox error={acknowledge.error} />
        </div>
      )}
      {active.length === 0 ? (
        <p className="card-body muted mon-no-margin">No alert is open for this model. Rules below say what would open one.</p>
      ) : (
        <ul className="mon-alert-list">
          {active.map((a) => (
            <AlertItem key={a.id} alert={a} rule={ruleOf.get(a.ruleId)} now={now} name={name} onAcknowledge={() => acknowledge.mutate({ alertId: a.id })} pending={acknowledge.isPending && acknowledge.variables?.alertId === a.id} />
          ))}
        </ul>
      )}
      {resolved.length > 0 && (
        <details className="mon-resolved">
          <summary>
            Resolved in this range <span className="count-pill">{resolved.length}</span>
          </summary>
          <ul className="mon-alert-list">
            {resolved.map((a) => (
              <AlertItem key={a.id} alert={a} rule={ruleOf.get(a.ruleId)} now={now} name={name} />
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function AlertItem({
  alert,
  rule,
  now,
  name,
  onAcknowledge,
  pending = false,
}: {
  alert: MonitorAlert;
  rule: MonitorRule | undefined;
  now: number;
  /** A user's display name, from AlertsCard's one useRegUserNames. */
  name: (id: number | null | undefined) => string;
  onAcknowledge?: () => void;
  pending?: boolean;
}) {
  return (
    <li className={`mon-alert is-${alert.state}`}>
      <div className="mon-alert-main">
        <div className="row">
          <span className={`badge mon-state-${alert.state}`}>{alert.state}</span>
          <span className="mono small">{aliasLabel(alert.alias)}</span>
          <span className="small muted">v{alert.version}</span>
          <span className="spacer" />
          <span className="small muted" title={formatDateTime(alert.openedAt)}>
            {alert.state === 'resolved' && alert.resolvedAt !== null ? `resolved ${formatAgo(alert.resolvedAt, now)}` : `since ${formatAgo(alert.openedAt, now)}`}
          </span>
        </div>
        <div className="mon-alert-reason">
          <ReasonText text={alert.reason} />
        </div>
        <div className="small muted">
          Value <strong className="mon-text-strong">{valueText(alert, rule)}</strong> · rule <strong className="mon-text-strong">{rule?.name ?? `#${alert.ruleId}`}</strong>
          {rule && rule.name !== rule.description && (
            <>
              {' '}
              (<ReasonText text={rule.description} />)
            </>
          )}
          {alert.state === 'acknowledged' && alert.acknowledgedAt !== null && (
            <>
              {' '}
              · acknowledged by {name(alert.acknowledgedBy)} {formatAgo(alert.acknowledgedAt, now)}
            </>
          )}
        </div>
        <details className="mon-history">
          <summary>History ({alert.events.length})</summary>
          <ol>
            {alert.events.map((e) => (
              <li key={e.id} className={`mon-event is-${e.kind}`}>
                <span className="mon-event-dot" aria-hidden />
                <span className="mon-event-kind">{EVENT_LABELS[e.kind]}</span>
                <span className="small muted">
                  {formatDateTime(e.at)}
                  {e.actorId !== null && ` · ${name(e.actorId)}`}
                </span>
                {e.detail && e.detail !== alert.reason && (
                  <span className="mon-event-detail small">
                    <ReasonText text={e.detail} />
                  </span>
                )}
              </li>
            ))}
          </ol>
        </details>
      </div>
      {onAcknowledge && alert.state === 'open' && (
        <PolicyGate action="monitoring.acknowledge">
          <button type="button" className="btn btn-sm" onClick={onAcknowledge} disabled={pending}>
            {pending ? 'Acknowledging…' : 'Acknowledge'}
          </button>
        </PolicyGate>
      )}
    </li>
  );
}

// Retraining triggers: the signed webhooks alert rules sent, newest first, with their state,
// why they were sent, and every attempt (status code, duration, the start of the answer).
import { PolicyGate } from '../../../components/policy-gate';
import { ErrorBox } from '../../../components/states';
import { formatDateTime } from '../../../lib/format';
import { useRetryDelivery } from '../api/use-monitoring';
import type { MonitorDelivery, MonitorRule } from '../api/types';
import { deliveryState } from '../utils/delivery-state';
import { ReasonText } from './reason-text';

const SHOWN = 10;

export function TriggersCard({ deliveries, rules }: { deliveries: MonitorDelivery[]; rules: MonitorRule[] }) {
  const ruleName = new Map(rules.map((r) => [r.id, r.name]));
  const withWebhook = rules.some((r) => r.webhookUrl);
  return (
    <section className="card" aria-labelledby="mon-triggers-title">
      <div className="card-header">
        <h2 id="mon-triggers-title">
          Retraining triggers <span className="count-pill">{deliveries.length}</span>
        </h2>
        {deliveries.length > SHOWN && <span className="small muted">the last {SHOWN}</span>}
      </div>
      {deliveries.length === 0 ? (
        <p className="card-body muted mon-no-margin">
          {withWebhook
            ? 'No rule with a webhook has fired yet. When one does, Quorum POSTs a signed retraining request to its URL and retries until your CI accepts it.'
            : 'No rule has a webhook. Give a rule a webhook URL and Quorum asks your CI to retrain when it fires: a signed POST, retried with backoff, at most once per cool-down.'}
        </p>
      ) : (
        <ul className="mon-delivery-list">
          {deliveries.slice(0, SHOWN).map((d) => (
            <DeliveryItem key={d.id} delivery={d} ruleName={ruleName.get(d.ruleId) ?? `rule #${d.ruleId}`} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DeliveryItem({ delivery: d, ruleName }: { delivery: MonitorDelivery; ruleName: string }) {
  const state = deliveryState(d, formatDateTime);
  const retry = useRetryDelivery();
  return (
    <li className="mon-delivery">
      <div className="row">
        <span className={`badge mon-tone-${state.tone}`}>{state.label}</span>
        <span className="small muted">{state.detail}</span>
        <span className="spacer" />
        <span className="small muted">requested {formatDateTime(d.createdAt)}</span>
        {d.state === 'failed' && (
          <PolicyGate action="monitoring.retryDelivery">
            <button type="button" className="btn btn-sm" onClick={() => retry.mutate({ deliveryId: d.id })} disabled={retry.isPending} title="Send the same message once more, e.g. after fixing the receiver">
              {retry.isPending ? 'Queuing…' : 'Retry now'}
            </button>
          </PolicyGate>
        )}
      </div>
      {retry.error && <ErrorBox error={retry.error} />}
      <div className="mon-delivery-reason">
        <ReasonText text={d.reason} />
      </div>
      <div className="small muted mon-delivery-meta">
        POST <span className="mono mon-url">{d.url}</span> · rule <strong className="mon-text-strong">{ruleName}</strong> · <span className="mono">webhook-id {d.messageId}</span>
      </div>
      {d.attemptsLog.length > 0 && (
        <table className="table mon-attempts">
          <caption className="sr-only">Delivery attempts</caption>
          <thead>
            <tr>
              <th scope="col">Attempt</th>
              <th scope="col">At</th>
              <th scope="col">Answer</th>
              <th scope="col" className="num">
                Took
              </th>
              <th scope="col">Receiver said</th>
            </tr>
          </thead>
          <tbody>
            {d.attemptsLog.map((a, i) => (
              <tr key={a.id}>
                <td>{i + 1}</td>
                <td>{formatDateTime(a.at)}</td>
                <td>
                  {a.status !== null ? (
                    <span className={`badge mon-tone-${a.status >= 200 && a.status < 300 ? 'good' : 'bad'}`}>{a.status}</span>
                  ) : (
                    <span className="mon-text-bad small">{a.error ?? 'no answer'}</span>
                  )}
                </td>
                <td className="num">{a.durationMs.toLocaleString('en')} ms</td>
                <td className="mon-response">
                  {a.responseBody ? <code title={a.responseBody}>{a.responseBody.slice(0, 160)}</code> : <span className="muted">—</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

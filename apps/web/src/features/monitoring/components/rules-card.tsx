// The model's alert rules: what each watches, on which alias, where it sends retraining
// requests and how often at most; enable or disable one, or create a new one.
import { useState } from 'react';
import { ErrorBox } from '../../../components/states';
import { useSession } from '../../../lib/session';
import { useUpdateRule } from '../api/use-monitoring';
import type { MonitorRule } from '../api/types';
import { aliasLabel } from '../utils/alias-tabs';
import type { RuleFeature } from '../utils/rule-form';
import { ReasonText } from './reason-text';
import { RuleFormDialog } from './rule-form-dialog';
import { RuleSecretDialog } from './rule-secret-dialog';

const STATUS_TEXT: Record<MonitorRule['status'], string> = { ok: 'quiet', open: 'firing', acknowledged: 'firing, acknowledged' };

/** "1 day", "12 h", "30 min", "none". */
function cooldownText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes === 0) return 'none';
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60} h`;
  return `${minutes} min`;
}

export function RulesCard({ modelId, modelName, rules, aliases, features }: { modelId: number; modelName: string; rules: MonitorRule[]; aliases: string[]; features: RuleFeature[] }) {
  const { can } = useSession();
  const mayCreate = can('monitoring.createRule');
  const mayUpdate = can('monitoring.updateRule');
  const update = useUpdateRule();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ rule: MonitorRule; secret: string } | null>(null);

  return (
    <section className="card" aria-labelledby="mon-rules-title">
      <div className="card-header">
        <h2 id="mon-rules-title">
          Alert rules <span className="count-pill">{rules.length}</span>
        </h2>
        <button type="button" className="btn btn-sm btn-primary" onClick={() => setCreating(true)} disabled={!mayCreate.allowed} title={mayCreate.allowed ? undefined : mayCreate.reason}>
          New rule
        </button>
      </div>
      {!mayCreate.allowed && <p className="mon-policy-note small">You can read the rules but not change them. {mayCreate.reason}.</p>}
      {update.error && (
        <div className="card-body">
          <ErrorBox error={update.error} />
        </div>
      )}
      {rules.length === 0 ? (
        <p className="card-body muted mon-no-margin">
          No alert rules for {modelName}. A rule watches one metric of each window (accuracy, latency, drift on a feature, volume), opens an alert after enough breaching windows
          in a row, and can ask your CI to retrain through a signed webhook.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="table mon-rules-table">
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Alias</th>
                <th scope="col">Now</th>
                <th scope="col">Retraining webhook</th>
                <th scope="col">Cool-down</th>
                <th scope="col">Enabled</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id} className={r.enabled ? undefined : 'is-disabled'}>
                  <td className="mon-rule-cell">
                    <span className="mon-rule-name">{r.name}</span>
                    {r.name !== r.description && (
                      <span className="small muted mon-rule-description">
                        <ReasonText text={r.description} />
                      </span>
                    )}
                  </td>
                  <td className="mono small">{r.alias === '' ? 'every alias' : aliasLabel(r.alias)}</td>
                  <td>
                    <span className={`badge mon-status-${r.enabled ? r.status : 'off'}`}>{r.enabled ? STATUS_TEXT[r.status] : 'off'}</span>
                  </td>
                  <td className="mon-webhook-cell">{r.webhookUrl ? <span className="mono small mon-url">{r.webhookUrl}</span> : <span className="muted small">none: alerts only</span>}</td>
                  <td className="small">{r.webhookUrl ? cooldownText(r.cooldownMs) : <span className="muted">—</span>}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-sm"
                      aria-pressed={r.enabled}
                      aria-label={`${r.enabled ? 'Disable' : 'Enable'} ${r.name}`}
                      disabled={!mayUpdate.allowed || (update.isPending && update.variables?.id === r.id)}
                      title={mayUpdate.allowed ? undefined : mayUpdate.reason}
                      onClick={() => update.mutate({ id: r.id, enabled: !r.enabled })}
                    >
                      {r.enabled ? 'Disable' : 'Enable'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {creating && (
        <RuleFormDialog
          modelId={modelId}
          modelName={modelName}
          aliases={aliases}
          features={features}
          onClose={() => setCreating(false)}
          onCreated={(rule, webhookSecret) => {
            setCreating(false);
            if (webhookSecret) setSecret({ rule, secret: webhookSecret });
          }}
        />
      )}
      {secret && <RuleSecretDialog ruleName={secret.rule.name} webhookUrl={secret.rule.webhookUrl ?? ''} secret={secret.secret} onClose={() => setSecret(null)} />}
    </section>
  );
}

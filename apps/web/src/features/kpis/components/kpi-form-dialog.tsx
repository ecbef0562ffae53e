// Define a KPI or change one: name, unit, which way is good, the target, and the models whose
// promotions should show on its chart. An edit sends only what changed, so the audit entry
// says exactly what moved (a new target, a model linked).
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { RegFormDialog } from '../../../components/reg-dialog';
import { regFormErrors } from '../../../components/reg-form-errors';
import { useKpiCreate, useKpiModelOptions, useKpiUpdate } from '../api/use-kpis';

export interface KpiFormValues {
  name: string;
  unit: string;
  description: string;
  direction: 'higher' | 'lower';
  target: number;
  modelIds: number[];
}

const EMPTY: KpiFormValues = { name: '', unit: '', description: '', direction: 'higher', target: Number.NaN, modelIds: [] };

/** The fields of `next` that differ from `before` (model ids compared as sets). */
function changedFields(before: KpiFormValues, next: KpiFormValues): Partial<KpiFormValues> {
  const out: Partial<KpiFormValues> = {};
  if (next.name !== before.name) out.name = next.name;
  if (next.unit !== before.unit) out.unit = next.unit;
  if (next.description !== before.description) out.description = next.description;
  if (next.direction !== before.direction) out.direction = next.direction;
  if (next.target !== before.target) out.target = next.target;
  const a = [...before.modelIds].sort((x, y) => x - y).join(',');
  const b = [...next.modelIds].sort((x, y) => x - y).join(',');
  if (a !== b) out.modelIds = next.modelIds;
  return out;
}

export function KpiFormDialog({ kpi, onClose }: { kpi?: { id: number } & KpiFormValues; onClose: () => void }) {
  const id = useId();
  const navigate = useNavigate();
  const initial = kpi ?? EMPTY;
  const [name, setName] = useState(initial.name);
  const [unit, setUnit] = useState(initial.unit);
  const [description, setDescription] = useState(initial.description);
  const [direction, setDirection] = useState(initial.direction);
  const [target, setTarget] = useState(Number.isFinite(initial.target) ? String(initial.target) : '');
  const [modelIds, setModelIds] = useState<number[]>(initial.modelIds);
  const [touched, setTouched] = useState(false);
  const models = useKpiModelOptions();
  const create = useKpiCreate();
  const update = useKpiUpdate();
  const mutation = kpi ? update : create;
  const server = regFormErrors(mutation.error);
  const targetNumber = target.trim() === '' ? Number.NaN : Number(target);
  const local = {
    name: name.trim() ? null : 'Give the KPI a name',
    target: Number.isFinite(targetNumber) ? null : 'The target is a number, e.g. 4.2',
  };
  const nameError = (touched ? local.name : null) ?? server.fields.name;
  const targetError = (touched ? local.target : null) ?? server.fields.target;

  const submit = () => {
    setTouched(true);
    if (local.name || local.target) return;
    const values: KpiFormValues = { name: name.trim(), unit: unit.trim(), description, direction, target: targetNumber, modelIds };
    if (kpi) {
      const changes = changedFields(kpi, values);
      if (Object.keys(changes).length === 0) return onClose();
      update.mutate({ id: kpi.id, ...changes }, { onSuccess: onClose });
    } else {
      create.mutate(values, {
        onSuccess: (created) => {
          onClose();
          void navigate(`/kpis/${created.id}`);
        },
      });
    }
  };

  const toggle = (modelId: number, on: boolean) => setModelIds((ids) => (on ? [...ids, modelId] : ids.filter((m) => m !== modelId)));

  return (
    <RegFormDialog
      title={kpi ? `Edit ${kpi.name}` : 'New KPI'}
      onClose={onClose}
      formId={`${id}-form`}
      pending={mutation.isPending}
      submitLabel={kpi ? 'Save' : 'Create KPI'}
      pendingLabel={kpi ? 'Saving…' : 'Creating…'}
      onSubmit={submit}
    >
      <div className="reg-form-grid">
        <div className="field reg-form-wide">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            className={`input${nameError ? ' invalid' : ''}`}
            value={name}
            maxLength={200}
            placeholder="e.g. Trial-to-paid conversion"
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!nameError}
            data-autofocus
          />
          {nameError && <div className="field-error reg-field-error">{nameError}</div>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-target`}>Target</label>
          <input
            id={`${id}-target`}
            className={`input${targetError ? ' invalid' : ''}`}
            inputMode="decimal"
            value={target}
            placeholder="e.g. 4.2"
            onChange={(e) => setTarget(e.target.value)}
            aria-invalid={!!targetError}
          />
          {targetError && <div className="field-error reg-field-error">{targetError}</div>}
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>
            Unit <span className="muted">(optional)</span>
          </label>
          <input id={`${id}-unit`} className="input" value={unit} maxLength={30} placeholder="e.g. %, €k/day, SKUs" onChange={(e) => setUnit(e.target.value)} />
        </div>
        <fieldset className="id-fieldset reg-form-wide">
          <legend>Which way is good</legend>
          <div className="id-checks">
            <label className="check">
              <input type="radio" name={`${id}-direction`} checked={direction === 'higher'} onChange={() => setDirection('higher')} /> Higher is better (revenue, conversion)
            </label>
            <label className="check">
              <input type="radio" name={`${id}-direction`} checked={direction === 'lower'} onChange={() => setDirection('lower')} /> Lower is better (churn, losses)
            </label>
          </div>
        </fieldset>
        <fieldset className="id-fieldset reg-form-wide">
          <legend>Linked models</legend>
          {models.isPending ? (
            <span className="muted small">Loading models…</span>
          ) : (models.data ?? []).length === 0 ? (
            <span className="muted small">No registered models yet; link them later.</span>
          ) : (
            <div className="id-checks">
              {(models.data ?? []).map((m) => (
                <label key={m.id} className="check">
                  <input type="checkbox" checked={modelIds.includes(m.id)} onChange={(e) => toggle(m.id, e.target.checked)} /> <span className="mono">{m.name}</span>
                </label>
              ))}
            </div>
          )}
          <span className="small muted">Promotions, rollbacks and alerts of these models are marked on the KPI’s chart.</span>
        </fieldset>
        <div className="field reg-form-wide">
          <label htmlFor={`${id}-description`}>
            Description <span className="muted">(optional)</span>
          </label>
          <textarea
            id={`${id}-description`}
            className="input reg-textarea"
            rows={2}
            maxLength={5000}
            value={description}
            placeholder="How it is measured and where the numbers come from"
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
      </div>
      {!kpi && <p className="small muted reg-form-note">You will own the KPI. Values come from a CSV upload or the warehouse job, on the KPI’s page.</p>}
      {server.form && (
        <div className="alert alert-error" role="alert">
          {server.form}
        </div>
      )}
    </RegFormDialog>
  );
}

// "Register as model version": a finished run's model becomes the next version of a
// registered model (created here by name when it is new), with its artifact digest and a
// model card prefilled from the run's params and metrics. Opens the new version's page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { formatMetric } from '../lib/format';
import { useSession } from '../lib/session';
import { useTRPC, type RouterOutputs } from '../lib/trpc';
import { RegFormDialog } from './reg-dialog';
import { regFormErrors } from './reg-form-errors';

type Run = RouterOutputs['runs']['get'];
const NEW_MODEL = 'new';
const SHA256 = /^[0-9a-f]{64}$/;

/** A starting card: what trained it, with which params, scoring what; the rest for the author. */
export function regCardDraft(run: Pick<Run, 'name' | 'experimentName' | 'params' | 'metrics'>, modelName: string): string {
  const params = Object.entries(run.params).sort(([a], [b]) => a.localeCompare(b));
  const metrics = Object.entries(run.metrics).sort(([a], [b]) => a.localeCompare(b));
  return [
    `# ${modelName || run.name}`,
    '',
    `Trained by run **${run.name}**${run.experimentName ? ` in experiment ${run.experimentName}` : ''}.`,
    '',
    '## Parameters',
    ...(params.length ? params.map(([k, v]) => `- ${k}: ${v}`) : ['- none logged']),
    '',
    '## Metrics',
    ...(metrics.length ? metrics.map(([k, m]) => `- ${k}: ${formatMetric(m.value)}`) : ['- none logged']),
    '',
    '## Intended use',
    '',
    '## Limitations',
    '',
  ].join('\n');
}

export function RegRegisterVersionDialog({ run, onClose }: { run: Run; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const canCreateModel = useSession().can('models.create');
  const models = useQuery(trpc.models.list.queryOptions());
  const createModel = useMutation(trpc.models.create.mutationOptions());
  const createVersion = useMutation(trpc.versions.create.mutationOptions());
  const id = useId();

  const [picked, setPicked] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [uri, setUri] = useState('');
  const [sha, setSha] = useState('');
  const [size, setSize] = useState('');
  const [card, setCard] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);

  const list = models.data ?? [];
  // Default to the model named like the run's experiment, else the first; with no
  // models yet the only choice is a new one.
  const suggested = list.find((m) => m.name === run.experimentName) ?? list[0];
  const choice = picked ?? (suggested ? String(suggested.id) : NEW_MODEL);
  const creating = choice === NEW_MODEL;
  const modelName = creating ? newName.trim() : (list.find((m) => String(m.id) === choice)?.name ?? '');
  const cardText = card ?? regCardDraft(run, modelName);

  const shaClean = sha.trim().toLowerCase();
  const sizeNumber = Number(size);
  const local: Record<string, string | null> = {
    name: creating && !newName.trim() ? 'Name the new model' : null,
    artifactUri: uri.trim() ? null : 'Give the artifact URI',
    artifactSha256: SHA256.test(shaClean) ? null : 'The SHA-256 is 64 hexadecimal characters',
    artifactSize: size.trim() !== '' && Number.isSafeInteger(sizeNumber) && sizeNumber >= 0 ? null : 'The size is a whole number of bytes',
  };
  const server = regFormErrors(createModel.error ?? createVersion.error);
  const fieldError = (key: string) => (touched ? local[key] : null) ?? server.fields[key] ?? null;
  const pending = createModel.isPending || createVersion.isPending;

  const submit = async () => {
    setTouched(true);
    if (Object.values(local).some(Boolean)) return;
    createModel.reset();
    createVersion.reset();
    try {
      const modelId = creating ? (await createModel.mutateAsync({ name: newName.trim() })).id : Number(choice);
      if (creating) setPicked(String(modelId));
      const version = await createVersion.mutateAsync({ modelId, runId: run.id, artifactUri: uri.trim(), artifactSha256: shaClean, artifactSize: sizeNumber, cardMarkdown: cardText });
      await Promise.all([queryClient.invalidateQueries(trpc.models.pathFilter()), queryClient.invalidateQueries(trpc.lineage.pathFilter())]);
      onClose();
      void navigate(`/models/${modelId}/versions/${version.id}`);
    } catch {
      // The mutation's error is shown in the form.
    }
  };

  const field = (key: string, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {fieldError(key) ? <div className="field-error reg-field-error">{fieldError(key)}</div> : hint && <div className="small muted">{hint}</div>}
    </div>
  );

  return (
    <RegFormDialog
      title="Register as model version"
      onClose={onClose}
      wide
      formId={`${id}-form`}
      pending={pending}
      submitLabel="Register version"
      pendingLabel="Registering…"
      onSubmit={() => void submit()}
    >
        <p className="reg-form-lead">
          The model trained by run <strong>{run.name}</strong> becomes the next version of a registered model. Its datasets come from the run’s inputs.
        </p>
        <div className="reg-form-grid">
          {field(
            'model',
            'Model',
            <select id={`${id}-model`} className="input" value={choice} onChange={(e) => setPicked(e.target.value)} disabled={models.isPending}>
              {list.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
              <option value={NEW_MODEL} disabled={!canCreateModel.allowed}>
                New model…
              </option>
            </select>,
            list.length === 0 && !models.isPending ? 'No models are registered yet: name a new one.' : undefined,
          )}
          {creating &&
            field(
              'name',
              'New model name',
              <input id={`${id}-name`} className="input" value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="churn-classifier" autoComplete="off" />,
              'Letters, digits, _ . or -. Risk rating medium and the default policy; change them on the model page.',
            )}
          <div className="reg-form-wide">
            {field(
              'artifactUri',
              'Artifact URI',
              <input id={`${id}-artifactUri`} className="input input-mono" value={uri} onChange={(e) => setUri(e.target.value)} placeholder={`s3://models/${modelName || 'model'}/${run.id}/model.pkl`} />,
            )}
          </div>
          <div className="reg-form-wide">
            {field(
              'artifactSha256',
              'Artifact SHA-256',
              <input id={`${id}-artifactSha256`} className="input input-mono" value={sha} onChange={(e) => setSha(e.target.value)} placeholder="64 hex characters: sha256sum model.pkl" spellCheck={false} />,
            )}
          </div>
          {field(
            'artifactSize',
            'Size (bytes)',
            <input id={`${id}-artifactSize`} className="input" inputMode="numeric" value={size} onChange={(e) => setSize(e.target.value)} placeholder="5810445" />,
          )}
          <div className="reg-form-wide">
            {field(
              'cardMarkdown',
              'Model card (Markdown)',
              <textarea id={`${id}-cardMarkdown`} className="input input-mono reg-card-input" rows={12} value={cardText} onChange={(e) => setCard(e.target.value)} />,
              'Prefilled from the run’s params and metrics; say what it is for and where it must not be used.',
            )}
          </div>
        </div>
        {server.form && (
          <div className="alert alert-error" role="alert">
            {server.form}
          </div>
        )}
    </RegFormDialog>
  );
}

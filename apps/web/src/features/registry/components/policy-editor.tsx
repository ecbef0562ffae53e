// The gate policy as JSON, edited in place. The server validates it and answers with every
// problem at once ("checks[1] \"auc\": threshold must be …"), listed under the editor.
import { useId, useState } from 'react';
import { idReadableError } from '../../../components/id-readable-error';
import { useSetPolicy } from '../api/use-registry';

const POLICY_INVALID = /^The gate policy is not valid: /;

/** The server's objections one per line; a JSON syntax error or other refusal as it came. */
function problemsOf(message: string): string[] {
  return POLICY_INVALID.test(message) ? message.replace(POLICY_INVALID, '').split('; ') : [message];
}

export function PolicyEditor({ modelId, policy, onDone }: { modelId: number; policy: unknown; onDone: () => void }) {
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(policy, null, 2));
  const [syntax, setSyntax] = useState<string | null>(null);
  const save = useSetPolicy();
  const serverError = idReadableError(save.error);
  const problems = syntax ? [syntax] : serverError ? problemsOf(serverError.message) : [];

  const submit = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      setSyntax(`Not valid JSON: ${(e as Error).message}`);
      return;
    }
    setSyntax(null);
    save.mutate({ modelId, policy: parsed }, { onSuccess: onDone });
  };

  return (
    <form
      className="reg-policy-editor"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={`${id}-policy`} className="reg-editor-label">
        Gate policy (JSON)
      </label>
      <textarea
        id={`${id}-policy`}
        className={`input input-mono reg-policy-input${problems.length ? ' invalid' : ''}`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setSyntax(null);
        }}
        rows={Math.min(28, Math.max(10, text.split('\n').length + 1))}
        spellCheck={false}
        aria-invalid={problems.length > 0}
        aria-describedby={problems.length ? `${id}-problems` : `${id}-hint`}
      />
      {problems.length > 0 ? (
        <div id={`${id}-problems`} className="alert alert-error reg-policy-problems" role="alert">
          <strong>{syntax ? 'The policy is not valid JSON' : `The server refused the policy (${problems.length} problem${problems.length === 1 ? '' : 's'}):`}</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p id={`${id}-hint`} className="small muted">
          Kinds: metric, champion, fairness, drift, latency. Saving re-checks versions with open requests; changed results reset their approvals.
        </p>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary btn-sm" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save policy'}
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDone} disabled={save.isPending}>
          Cancel
        </button>
      </div>
    </form>
  );
}

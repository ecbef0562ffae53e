// "Which version served <alias> at <datetime>?": answered from the alias history.
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { idReadableError } from '../../../components/id-readable-error';
import { formatDateTime } from '../../../lib/format';
import { useAliasAt } from '../api/use-registry';

/** A datetime-local value for a moment, in local time. */
const localInput = (ms: number) => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

export function AliasAtForm({ modelId, aliases, now }: { modelId: number; aliases: string[]; now: number }) {
  const id = useId();
  const [alias, setAlias] = useState(aliases[0] ?? 'production');
  const [when, setWhen] = useState(() => localInput(now));
  const [question, setQuestion] = useState<{ alias: string; at: number } | null>(null);
  const answer = useAliasAt(modelId, question);
  const at = new Date(when).getTime();

  return (
    <div className="reg-at">
      <form
        className="reg-at-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (Number.isFinite(at)) setQuestion({ alias, at });
        }}
      >
        <span className="reg-at-question">Which version served</span>
        <label htmlFor={`${id}-alias`} className="sr-only">
          Alias to look up
        </label>
        <select id={`${id}-alias`} className="input input-sm" value={alias} onChange={(e) => setAlias(e.target.value)}>
          {(aliases.length ? aliases : ['production']).map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
        <span className="reg-at-question">at</span>
        <label htmlFor={`${id}-when`} className="sr-only">
          Date and time
        </label>
        <input id={`${id}-when`} type="datetime-local" className="input input-sm" value={when} onChange={(e) => setWhen(e.target.value)} required />
        <button type="submit" className="btn btn-sm" disabled={!Number.isFinite(at)}>
          Look up
        </button>
      </form>
      <div role="status" className="reg-at-answer">
        {question &&
          (answer.isFetching ? (
            <span className="muted">Looking up…</span>
          ) : answer.error ? (
            <span className="field-error reg-field-error">{idReadableError(answer.error)?.message}</span>
          ) : answer.data?.versionId ? (
            <span>
              At {formatDateTime(question.at)}, <strong>{question.alias}</strong> served{' '}
              <Link to={`/models/${modelId}/versions/${answer.data.versionId}`} className="reg-version-link">
                v{answer.data.version}
              </Link>
              {answer.data.since !== null && <span className="muted"> (since {formatDateTime(answer.data.since)})</span>}.
            </span>
          ) : answer.data ? (
            <span>
              At {formatDateTime(question.at)}, <strong>{question.alias}</strong> served no version.
            </span>
          ) : null)}
      </div>
    </div>
  );
}

// The version's signature: the inputs it takes and the outputs it returns.
import type { VersionDetail } from '../api/types';

export function SignatureTable({ signature }: { signature: VersionDetail['signature'] }) {
  const rows = signature ? [...signature.inputs.map((c) => ({ ...c, side: 'input' })), ...signature.outputs.map((c) => ({ ...c, side: 'output' }))] : [];
  return (
    <section className="card" aria-labelledby="reg-signature-title">
      <div className="card-header">
        <h2 id="reg-signature-title">Signature</h2>
      </div>
      {rows.length === 0 ? (
        <p className="card-body muted">No signature registered: callers cannot check what the model takes and returns.</p>
      ) : (
        <div className="kv-scroll">
          <table className="table kv-table" aria-label="Signature">
            <thead>
              <tr>
                <th scope="col">Side</th>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.side}-${r.name}`}>
                  <td>
                    <span className={`badge reg-side-${r.side}`}>{r.side}</span>
                  </td>
                  <td className="mono">{r.name}</td>
                  <td className="mono small reg-wrap">
                    {r.type}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

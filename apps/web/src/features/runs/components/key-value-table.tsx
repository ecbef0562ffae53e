// Params or tags of a run as a two-column table, sorted by key.

export function KeyValueTable({ title, entries, empty }: { title: string; entries: Record<string, string>; empty: string }) {
  const rows = Object.entries(entries).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="card" aria-label={title}>
      <div className="card-header">
        <h2>
          {title} <span className="count-pill">{rows.length}</span>
        </h2>
      </div>
      {rows.length === 0 ? (
        <p className="muted card-body">{empty}</p>
      ) : (
        <div className="kv-scroll">
          <table className="table kv-table">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([k, v]) => (
                <tr key={k}>
                  <td className="mono kv-key">{k}</td>
                  <td className="kv-value" title={v}>
                    {v}
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

// The demo workspace's accounts, one per role. Always offered (folded away): outside a
// demo workspace these accounts do not exist, so filling them in only fails to sign in.
import { ROLE_LABELS, type Role } from '@quorum/domain';

const DEMO_PASSWORD = 'quorum-demo';

const DEMO_ACCOUNTS: { email: string; role: Role }[] = [
  { email: 'ana.silva@quorum.demo', role: 'data_scientist' },
  { email: 'marco.rossi@quorum.demo', role: 'mlops_engineer' },
  { email: 'dara.okoye@quorum.demo', role: 'data_engineer' },
  { email: 'priya.nair@quorum.demo', role: 'platform_engineer' },
  { email: 'paul.meyer@quorum.demo', role: 'product_owner' },
  { email: 'clara.schmidt@quorum.demo', role: 'compliance_lead' },
  { email: 'alex.admin@quorum.demo', role: 'admin' },
];

export function DemoAccounts({ onPick }: { onPick: (account: { email: string; password: string }) => void }) {
  return (
    <details className="id-demo">
      <summary>Demo accounts</summary>
      <p className="small muted">
        One per role, password <code>{DEMO_PASSWORD}</code>. Click one to fill the form.
      </p>
      <ul className="id-demo-list">
        {DEMO_ACCOUNTS.map((a) => (
          <li key={a.email}>
            <button type="button" className="id-demo-account" onClick={() => onPick({ email: a.email, password: DEMO_PASSWORD })}>
              <span className="id-demo-role">{ROLE_LABELS[a.role]}</span>
              <span className="id-demo-email">{a.email}</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

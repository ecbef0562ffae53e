// The shell: a sidebar whose sections follow what the active role works on first, the
// account panel at its foot, and the routed page beside it.
import type { Role } from '@quorum/domain';
import { NavLink, Outlet } from 'react-router';
import { AccountMenu } from '../features/auth/account-menu';
import { useSession } from '../lib/session';

type SectionId = 'track' | 'deploy' | 'data' | 'govern' | 'admin' | 'access';

interface NavItem {
  to: string;
  label: string;
  /** A restricted read; the link shows only to roles that may make it. */
  needs?: string;
}

const SECTIONS: Record<SectionId, { title: string; items: NavItem[] }> = {
  track: { title: 'Track', items: [{ to: '/experiments', label: 'Experiments' }] },
  deploy: {
    title: 'Deploy',
    items: [
      { to: '/models', label: 'Models' },
      { to: '/monitoring', label: 'Monitoring' },
    ],
  },
  data: { title: 'Data', items: [{ to: '/data', label: 'Data & drift' }] },
  govern: {
    title: 'Govern',
    items: [
      { to: '/kpis', label: 'KPI board' },
      { to: '/approvals', label: 'Approvals' },
      { to: '/audit', label: 'Audit trail', needs: 'audit.list' },
    ],
  },
  admin: {
    title: 'Admin',
    items: [
      { to: '/admin/users', label: 'Users', needs: 'users.list' },
      { to: '/admin/teams', label: 'Teams', needs: 'users.list' },
    ],
  },
  access: { title: 'Access', items: [{ to: '/tokens', label: 'API tokens' }] },
};

/** Every role reads everything; the order puts the role's own work first. */
const ORDER: Record<Role, SectionId[]> = {
  data_scientist: ['track', 'deploy', 'data', 'access', 'govern', 'admin'],
  mlops_engineer: ['deploy', 'track', 'govern', 'data', 'access', 'admin'],
  data_engineer: ['data', 'track', 'deploy', 'access', 'govern', 'admin'],
  platform_engineer: ['access', 'deploy', 'track', 'data', 'govern', 'admin'],
  product_owner: ['govern', 'deploy', 'track', 'data', 'access', 'admin'],
  compliance_lead: ['govern', 'deploy', 'track', 'data', 'access', 'admin'],
  admin: ['admin', 'govern', 'access', 'deploy', 'track', 'data'],
};

const navClass = ({ isActive }: { isActive: boolean }) => `nav-link${isActive ? ' active' : ''}`;

export function Layout() {
  const { activeRole, can } = useSession();
  const sections = ORDER[activeRole]
    .map((id) => ({ id, ...SECTIONS[id], items: SECTIONS[id].items.filter((item) => !item.needs || can(item.needs).allowed) }))
    .filter((s) => s.items.length > 0);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="brand-mark" aria-hidden>
            <svg width="16" height="16" viewBox="0 0 32 32">
              <path d="M9 16a7 7 0 1 1 12 4.9l3 3.1" stroke="white" strokeWidth="3.5" fill="none" strokeLinecap="round" />
            </svg>
          </span>
          Quorum
        </div>
        <div className="nav-group">
          <NavLink to="/home" className={navClass}>
            Home
          </NavLink>
        </div>
        {sections.map((section) => (
          <div className="nav-group" key={section.id}>
            <div className="nav-group-title">{section.title}</div>
            {section.items.map((item) => (
              <NavLink key={item.to} to={item.to} className={navClass}>
                {item.label}
              </NavLink>
            ))}
          </div>
        ))}
        <div className="sidebar-foot">
          <AccountMenu />
        </div>
      </nav>
      <main className="main">
        <Outlet />
      </main>
    </div>
  );
}

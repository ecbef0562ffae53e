import { NavLink, Outlet } from 'react-router';

const NAV = [
  {
    title: 'Track',
    items: [{ to: '/experiments', label: 'Experiments' }],
  },
];

export function Layout() {
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
        {NAV.map((group) => (
          <div className="nav-group" key={group.title}>
            <div className="nav-group-title">{group.title}</div>
            {group.items.map((item) => (
              <NavLink key={item.to} to={item.to} className={({ isActive }) => `nav-link${isActive ? ' active' : ''}`}>
                {item.label}
              </NavLink>
            ))}
          </div>
        ))}
        <div className="sidebar-foot">MLOps control plane</div>
      </nav>
      <main className="main">
        <Outlet />
      </main>
    </div>
  );
}

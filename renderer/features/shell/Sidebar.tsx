// The navigation: only screens that work, each with a small line icon (drawn here: no icon font).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveCount, useTrash } from '../../db/hooks';
import { routeHref, type Route } from '../../ui/routes';
import { useAfterFirstRows } from '../../ui/firstRows';
import './sidebar.css';
import { countText } from '../../i18n';
import { OwnerLockMark } from '../../session/OwnerOnly';
import { useCareDue } from '../care/careDue';
import { useOpenComplaintCount } from '../../db/complaintCount';

type NavId = 'today' | 'customers' | 'complaints' | 'churn' | 'satisfaction' | 'reports' | 'campaigns' | 'points' | 'import' | 'export' | 'duplicates' | 'trash' | 'backups' | 'audit' | 'settings';

function NavIcon({ id }: { id: NavId }) {
  const paths: Record<NavId, ReactNode> = {
    today: (
      <>
        <rect x="3.5" y="5" width="17" height="15.5" rx="1.5" />
        <path d="M3.5 10h17M8 3v4M16 3v4" />
        <path d="m9 15 2 2 4-4" />
      </>
    ),
    customers: (
      <>
        <circle cx="9" cy="8" r="3.5" />
        <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
        <path d="M16 4.6a3.5 3.5 0 0 1 0 6.8M18.5 14.2a6.5 6.5 0 0 1 3 5.8" />
      </>
    ),
    complaints: (
      <>
        <path d="M4 5.5h16v10H10l-4.5 4v-4H4z" />
        <path d="M12 8v3.5M12 13.6v.1" />
      </>
    ),
    churn: (
      <>
        <path d="M3 6.5 9.5 13l4-4 7.5 7.5" />
        <path d="M21 11.5v5h-5" />
      </>
    ),
    satisfaction: (
      <>
        <circle cx="12" cy="12" r="8.5" />
        <path d="M8.5 14.5a4.5 4.5 0 0 0 7 0" />
        <path d="M9.2 9.6h.01M14.8 9.6h.01" />
      </>
    ),
    reports: (
      <>
        <path d="M3.5 20.5h17" />
        <path d="M6.5 20.5v-6M11 20.5V9.5M15.5 20.5v-8M20 20.5V5" />
      </>
    ),
    campaigns: (
      <>
        <path d="M4 10v4h3l6 4.5v-13L7 10H4z" />
        <path d="M16.5 9a4 4 0 0 1 0 6M19 6.5a7.5 7.5 0 0 1 0 11" />
      </>
    ),
    points: (
      <>
        <rect x="3.5" y="9" width="17" height="11.5" rx="1.5" />
        <path d="M2.5 9h19M12 9v11.5" />
        <path d="M12 9C10.5 5.5 6.5 4.5 6.5 7s3.5 2 5.5 2c2 0 5.5.5 5.5-2s-4-1.5-5.5 2" />
      </>
    ),
    import: (
      <>
        <path d="M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5" />
        <path d="M4 15.5V20h16v-4.5" />
      </>
    ),
    export: (
      <>
        <path d="M12 14.5v-11M7.5 8 12 3.5 16.5 8" />
        <path d="M4 15.5V20h16v-4.5" />
      </>
    ),
    duplicates: (
      <>
        <rect x="8" y="8" width="12" height="12" rx="2" />
        <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
      </>
    ),
    trash: (
      <>
        <path d="M4 7h16M9.5 7V4.5h5V7" />
        <path d="M6 7l1 13h10l1-13M10 11v5.5M14 11v5.5" />
      </>
    ),
    backups: (
      <>
        <path d="M4 6.5C4 5.1 7.6 4 12 4s8 1.1 8 2.5v11c0 1.4-3.6 2.5-8 2.5s-8-1.1-8-2.5z" />
        <path d="M4 6.5C4 7.9 7.6 9 12 9s8-1.1 8-2.5M4 12c0 1.4 3.6 2.5 8 2.5s8-1.1 8-2.5" />
      </>
    ),
    audit: (
      <>
        <path d="M6 3.5h9l3 3V20.5H6z" />
        <path d="M9 10h6M9 13.5h6M9 17h3.5" />
      </>
    ),
    settings: (
      <>
        <circle cx="12" cy="12" r="3" />
        <path d="M12 2.8v2.4M12 18.8v2.4M21.2 12h-2.4M5.2 12H2.8M18.5 5.5l-1.7 1.7M7.2 16.8l-1.7 1.7M18.5 18.5l-1.7-1.7M7.2 7.2 5.5 5.5" />
      </>
    ),
  };
  return (
    <svg className="icon nav-icon" width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {paths[id]}
    </svg>
  );
}

export function Sidebar({ route }: { route: Route }) {
  const { t } = useTranslation();
  // After the list's first rows: the count reads every customer record, and would go before them.
  const count = useActiveCount(useAfterFirstRows());
  const trash = useTrash();
  // Today's reminders as the care worker last worked them out (features/care/useCareRefresh.ts keeps them fresh).
  const careDue = useCareDue((s) => s.summary?.total);
  const openComplaints = useOpenComplaintCount(useAfterFirstRows());
  const onCustomers = route.name === 'customers' || route.name === 'customer' || route.name === 'customerEdit' || route.name === 'customerNew';
  const items: { id: NavId; href: string; label: string; badge: number | undefined; active: boolean }[] = [
    { id: 'today', href: routeHref({ name: 'today' }), label: t('nav.today'), badge: careDue || undefined, active: route.name === 'today' },
    { id: 'customers', href: routeHref({ name: 'customers' }), label: t('nav.customers'), badge: count, active: onCustomers },
    { id: 'complaints', href: routeHref({ name: 'complaints' }), label: t('nav.complaints'), badge: openComplaints || undefined, active: route.name === 'complaints' },
    { id: 'churn', href: routeHref({ name: 'churn' }), label: t('nav.churn'), badge: undefined, active: route.name === 'churn' },
    { id: 'satisfaction', href: routeHref({ name: 'satisfaction' }), label: t('nav.satisfaction'), badge: undefined, active: route.name === 'satisfaction' },
    { id: 'reports', href: routeHref({ name: 'reports' }), label: t('nav.reports'), badge: undefined, active: route.name === 'reports' },
    { id: 'campaigns', href: routeHref({ name: 'campaigns' }), label: t('nav.campaigns'), badge: undefined, active: route.name === 'campaigns' || route.name === 'campaignNew' || route.name === 'campaign' },
    { id: 'points', href: routeHref({ name: 'points', tab: 'rules' }), label: t('nav.points'), badge: undefined, active: route.name === 'points' },
    { id: 'import', href: routeHref({ name: 'import' }), label: t('nav.import'), badge: undefined, active: route.name === 'import' },
    { id: 'export', href: routeHref({ name: 'export' }), label: t('nav.export'), badge: undefined, active: route.name === 'export' },
    { id: 'duplicates', href: routeHref({ name: 'duplicates' }), label: t('nav.duplicates'), badge: undefined, active: route.name === 'duplicates' },
    { id: 'trash', href: routeHref({ name: 'trash' }), label: t('nav.trash'), badge: trash?.length || undefined, active: route.name === 'trash' },
    { id: 'backups', href: routeHref({ name: 'backups' }), label: t('nav.backups'), badge: undefined, active: route.name === 'backups' },
    { id: 'audit', href: routeHref({ name: 'audit' }), label: t('nav.audit'), badge: undefined, active: route.name === 'audit' },
    {
      id: 'settings',
      href: routeHref({ name: 'settings' }),
      label: t('nav.settings'),
      badge: undefined,
      active: route.name === 'settings' || route.name === 'statusRules' || route.name === 'tierReview',
    },
  ];
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          熟
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a href={item.href} className={item.active ? 'nav-link active' : 'nav-link'} aria-current={item.active ? 'page' : undefined} data-testid={`nav-${item.id}`}>
              <span className="nav-label">
                <NavIcon id={item.id} />
                <span>{item.label}</span>
                {item.id === 'audit' && <OwnerLockMark action="audit.view" />}
              </span>
              {item.badge !== undefined && <span className="nav-badge">{countText(item.badge)}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

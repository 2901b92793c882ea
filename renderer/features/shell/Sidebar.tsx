// The navigation: only screens that work.
import { useTranslation } from 'react-i18next';
import { useActiveCount, useTrash } from '../../db/hooks';
import { routeHref, type Route } from '../../ui/routes';

export function Sidebar({ route }: { route: Route }) {
  const { t } = useTranslation();
  const count = useActiveCount();
  const trash = useTrash();
  const onCustomers = route.name === 'customers' || route.name === 'customer' || route.name === 'customerEdit' || route.name === 'customerNew';
  const items = [
    { href: routeHref({ name: 'customers' }), label: t('nav.customers'), badge: count, active: onCustomers, id: 'customers' },
    { href: routeHref({ name: 'import' }), label: t('nav.import'), badge: undefined, active: route.name === 'import', id: 'import' },
    { href: routeHref({ name: 'export' }), label: t('nav.export'), badge: undefined, active: route.name === 'export', id: 'export' },
    { href: routeHref({ name: 'duplicates' }), label: t('nav.duplicates'), badge: undefined, active: route.name === 'duplicates', id: 'duplicates' },
    { href: routeHref({ name: 'trash' }), label: t('nav.trash'), badge: trash?.length || undefined, active: route.name === 'trash', id: 'trash' },
    { href: routeHref({ name: 'settings' }), label: t('nav.settings'), badge: undefined, active: route.name === 'settings', id: 'settings' },
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
              <span>{item.label}</span>
              {item.badge !== undefined && <span className="nav-badge">{item.badge.toLocaleString()}</span>}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

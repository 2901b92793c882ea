// The top bar: the one search box, the new-customer button, the status job's progress, and the language switch.
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { ReviewDueLink } from '../recompute/ReviewDueLink';
import { StatusJobIndicator } from '../recompute/StatusJobIndicator';
import { SEARCH_INPUT_ID, useUiStore } from '../../stores/ui';
import { navigate, useRoute } from '../../ui/routes';

export function TopBar() {
  const { t } = useTranslation();
  const search = useUiStore((s) => s.search);
  const setSearch = useUiStore((s) => s.setSearch);
  const route = useRoute();
  const isMac = navigator.platform.toLowerCase().includes('mac');

  return (
    <header className="topbar">
      <div className="search">
        <span className="search-icon" aria-hidden="true">
          ⌕
        </span>
        <input
          id={SEARCH_INPUT_ID}
          type="search"
          value={search}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setSearch(e.target.value);
            if (route.name !== 'customers') navigate({ name: 'customers' });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && search) {
              e.stopPropagation();
              setSearch('');
            }
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              document.querySelector<HTMLElement>('[data-row-index="0"]')?.focus();
            }
            // Enter opens the best match, so phone tail + Enter is the whole lookup.
            if (e.key === 'Enter') document.querySelector<HTMLElement>('[data-row-index="0"]')?.click();
          }}
        />
        <kbd className="search-hint">{isMac ? '⌘K' : 'Ctrl K'}</kbd>
      </div>
      <button type="button" className="button button-primary" data-testid="new-customer" onClick={() => navigate({ name: 'customerNew' })} title={t('shell.newCustomerShortcut', { shortcut: isMac ? '⌘N' : 'Ctrl+N' })}>
        + {t('customer.new')}
      </button>
      <StatusJobIndicator />
      <ReviewDueLink />
      <div className="language-switch">
        <LanguageSelect />
      </div>
    </header>
  );
}

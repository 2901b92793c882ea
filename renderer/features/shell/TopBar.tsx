// The top bar: the one search box, the new-customer button, the status job's progress, the owner's chip, and the language switch.
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { OwnerChip } from '../../session/OwnerChip';
import { ReviewDueLink } from '../recompute/ReviewDueLink';
import { StatusJobIndicator } from '../recompute/StatusJobIndicator';
import { SEARCH_INPUT_ID, useUiStore } from '../../stores/ui';
import { normalizeSearchQuery } from '../../../shared/domain/searchQuery';
import { navigate, useRoute, WHOLE_LIST } from '../../ui/routes';

export function TopBar() {
  const { t } = useTranslation();
  const search = useUiStore((s) => s.search);
  const setSearch = useUiStore((s) => s.setSearch);
  const setListState = useUiStore((s) => s.setListState);
  const requestListAction = useUiStore((s) => s.requestListAction);
  const route = useRoute();
  const onList = route.name === 'customers';
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
          // The box shows the list's search only on the list; elsewhere typing starts a new search.
          value={onList ? search : ''}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            if (onList) return setSearch(e.target.value);
            // From another screen: a search of the whole store, not of the filters left on the list.
            const list = { ...WHOLE_LIST, search: e.target.value };
            setListState(list);
            navigate({ name: 'customers', list });
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && onList && search) {
              e.stopPropagation();
              setSearch('');
            }
            // The list does these once it has answered the text in the box now, never on an older answer.
            if (e.key === 'ArrowDown' && onList) {
              e.preventDefault();
              requestListAction('focusFirst');
            }
            // Enter opens the best match, so phone tail + Enter is the whole lookup.
            if (e.key === 'Enter' && onList && normalizeSearchQuery(search).length > 0) {
              e.preventDefault();
              requestListAction('open');
            }
          }}
        />
        <kbd className="search-hint">{isMac ? '⌘K' : 'Ctrl K'}</kbd>
      </div>
      <button type="button" className="button button-primary" data-testid="new-customer" onClick={() => navigate({ name: 'customerNew' })} title={t('shell.newCustomerShortcut', { shortcut: isMac ? '⌘N' : 'Ctrl+N' })}>
        + {t('customer.new')}
      </button>
      <StatusJobIndicator />
      <ReviewDueLink />
      <OwnerChip />
      <div className="language-switch">
        <LanguageSelect />
      </div>
    </header>
  );
}

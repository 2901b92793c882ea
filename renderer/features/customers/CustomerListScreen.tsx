// The customer list: one search box (in the top bar), a tag filter, and a virtualized, sortable table.
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeSearchQuery } from '../../../shared/domain/searchTokens';
import { useActiveCount, useAllTags, useCustomerList, useSettings } from '../../db/hooks';
import { useUiStore } from '../../stores/ui';
import { navigate } from '../../ui/routes';
import { CustomerTable } from './CustomerTable';

export function CustomerListScreen() {
  const { t } = useTranslation();
  const search = useUiStore((s) => s.search);
  const tag = useUiStore((s) => s.tag);
  const sort = useUiStore((s) => s.sort);
  const direction = useUiStore((s) => s.direction);
  const setTag = useUiStore((s) => s.setTag);
  const setSearch = useUiStore((s) => s.setSearch);
  const toggleSort = useUiStore((s) => s.toggleSort);
  const deferredSearch = useDeferredValue(search);
  const terms = useMemo(() => normalizeSearchQuery(deferredSearch), [deferredSearch]);
  const browsing = terms.length === 0 && tag === null;
  const query = useMemo(() => (browsing ? null : { sort, direction, tag, terms }), [browsing, sort, direction, tag, terms]);
  const result = useCustomerList(query);
  const total = useActiveCount();
  const count = browsing ? total : result?.ids.length;
  const tags = useAllTags();
  const settings = useSettings();
  const region = settings?.defaultRegion ?? 'CN';
  const currency = settings?.currency ?? 'CNY';
  const filtered = !browsing;

  return (
    <section className="list-screen" aria-labelledby="customers-heading">
      <div className="screen-header">
        <h1 id="customers-heading">{t('nav.customers')}</h1>
        <div className="toolbar">
          <label className="inline-field">
            <span>{t('list.tagFilter')}</span>
            <select value={tag ?? ''} onChange={(e) => setTag(e.target.value || null)} data-testid="tag-filter">
              <option value="">{t('list.allTags')}</option>
              {tags.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          <span className="muted" data-testid="list-count" aria-live="polite">
            {count === undefined
              ? t('common.loading')
              : filtered
                ? t('list.countFiltered', { count, total: total ?? 0 })
                : t('list.count', { count })}
          </span>
          {result?.truncated ? (
            <span className="hint" data-testid="list-truncated">
              {t('list.truncated', { count: count ?? 0 })}
            </span>
          ) : result && !result.ranked ? (
            <span className="hint">{t('list.unranked')}</span>
          ) : null}
        </div>
      </div>
      {count === 0 ? (
        <div className="empty-state">
          {filtered ? (
            <>
              <p>{t('list.noMatches')}</p>
              <button
                type="button"
                className="button"
                onClick={() => {
                  setSearch('');
                  setTag(null);
                }}
              >
                {t('list.clearFilters')}
              </button>
            </>
          ) : (
            <>
              <p>{t('list.empty')}</p>
              <button type="button" className="button button-primary" onClick={() => navigate({ name: 'customerNew' })}>
                + {t('customer.new')}
              </button>
            </>
          )}
        </div>
      ) : (
        <CustomerTable ids={browsing ? null : (result?.ids ?? [])} count={count ?? 0} sort={sort} direction={direction} onSort={toggleSort} region={region} currency={currency} />
      )}
    </section>
  );
}

// Picks one customer by the same search as the customer list (name, pinyin initials, any part of the phone).
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { primaryPhone, type PhoneRegion } from '../../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import { normalizeSearchQuery } from '../../../shared/domain/searchTokens';
import { useCustomer, useCustomerSearch } from '../../db/hooks';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
  region: PhoneRegion;
}

export function CustomerPicker({ value, onChange, region }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const terms = useMemo(() => normalizeSearchQuery(query), [query]);
  const results = useCustomerSearch(terms, 8);
  const selected = useCustomer(value);

  if (value) {
    const phone = selected ? primaryPhone(selected) : undefined;
    return (
      <div className="picked">
        <strong data-testid="export-customer-picked">{selected ? selected.name : selected === null ? t('customer.notFound') : '…'}</strong>
        {phone && <span className="muted mono">{formatPhoneForDisplay(phone, region)}</span>}
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          {t('exportScreen.one.change')}
        </button>
      </div>
    );
  }
  const choose = (id: string) => {
    onChange(id);
    setQuery('');
  };
  return (
    <div className="combobox export-picker">
      <input
        type="search"
        value={query}
        aria-label={t('exportScreen.one.search')}
        placeholder={t('exportScreen.one.search')}
        role="combobox"
        aria-expanded={terms.length > 0}
        aria-autocomplete="list"
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((i) => Math.min(i + 1, results.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && results[active]) {
            e.preventDefault();
            choose(results[active].id);
          }
        }}
        data-testid="export-customer-search"
      />
      {terms.length > 0 && (
        <ul className="combobox-list" role="listbox">
          {results.length === 0 && <li className="muted combobox-empty">{t('list.noMatches')}</li>}
          {results.map((c, i) => {
            const phone = primaryPhone(c);
            return (
              <li
                key={c.id}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(c.id);
                }}
              >
                <span>{c.name}</span>
                {phone && <span className="muted mono">{formatPhoneForDisplay(phone, region)}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

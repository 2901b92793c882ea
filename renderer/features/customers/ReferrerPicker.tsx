// Picks the customer who referred this one, by the same search as the customer list.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { primaryPhone, type PhoneRegion } from '../../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import { normalizeSearchQuery } from '../../../shared/domain/searchTokens';
import { useCustomer, useCustomerSearch } from '../../db/hooks';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
  excludeId: string | null;
  region: PhoneRegion;
  inputId?: string;
}

export function ReferrerPicker({ value, onChange, excludeId, region, inputId }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const terms = useMemo(() => normalizeSearchQuery(query), [query]);
  const results = useCustomerSearch(terms, 8).filter((c) => c.id !== excludeId);
  const selected = useCustomer(value);

  if (value) {
    return (
      <div className="picked">
        <span data-testid="referrer-picked">{selected ? selected.name : selected === null ? t('customer.referrerMissing') : '…'}</span>
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          {t('common.clear')}
        </button>
      </div>
    );
  }
  const choose = (id: string) => {
    onChange(id);
    setQuery('');
  };
  return (
    <div className="combobox">
      <input
        id={inputId}
        type="search"
        value={query}
        placeholder={t('customer.referrerPlaceholder')}
        role="combobox"
        aria-expanded={results.length > 0}
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
        data-testid="referrer-search"
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

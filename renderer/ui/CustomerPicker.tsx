// Picks one customer by the same search as the customer list (name, pinyin initials, any part of the phone).
// Used for the referrer on the customer form and for the one-customer export.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { primaryPhone, type PhoneRegion } from '../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../shared/domain/phone';
import { normalizeSearchQuery } from '../../shared/domain/searchTokens';
import { useCustomer, useCustomerSearch } from '../db/hooks';

interface Props {
  value: string | null;
  onChange: (id: string | null) => void;
  region: PhoneRegion;
  /** The search box's label and placeholder. */
  label: string;
  /** The button that clears the choice. */
  clearLabel: string;
  /** Shown when the chosen customer no longer exists. */
  missingLabel: string;
  /** Prefix of the test ids: `<prefix>-search`, `<prefix>-picked`. */
  testIdPrefix: string;
  /** A customer never offered (e.g. the one being edited). */
  excludeId?: string | null;
  inputId?: string;
  className?: string;
}

export function CustomerPicker({ value, onChange, region, label, clearLabel, missingLabel, testIdPrefix, excludeId = null, inputId, className }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const terms = useMemo(() => normalizeSearchQuery(query), [query]);
  const results = useCustomerSearch(terms, 8).filter((c) => c.id !== excludeId);
  const selected = useCustomer(value);

  if (value) {
    const phone = selected ? primaryPhone(selected) : undefined;
    return (
      <div className="picked">
        <strong data-testid={`${testIdPrefix}-picked`}>{selected ? selected.name : selected === null ? missingLabel : '…'}</strong>
        {phone && <span className="muted mono">{formatPhoneForDisplay(phone, region)}</span>}
        <button type="button" className="link-button" onClick={() => onChange(null)}>
          {clearLabel}
        </button>
      </div>
    );
  }
  const choose = (id: string) => {
    onChange(id);
    setQuery('');
  };
  return (
    <div className={className ? `combobox ${className}` : 'combobox'}>
      <input
        id={inputId}
        type="search"
        value={query}
        aria-label={label}
        placeholder={label}
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
        data-testid={`${testIdPrefix}-search`}
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

// Picks one customer by the same search as the customer list (name, pinyin initials, any part of the phone).
// Used for the referrer on the customer form and for the one-customer export.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { primaryPhone, type PhoneRegion } from '../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../shared/domain/phone';
import { normalizeSearchQuery } from '../../shared/domain/searchQuery';
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
  const answer = useCustomerSearch(terms, 8);
  // Only the answer to the text in the box now may be picked by Enter; an older one is shown dimmed, out of reach.
  const current = answer && answer.terms.join('\u0000') === terms.join('\u0000') ? answer : undefined;
  const pending = terms.length > 0 && current === undefined;
  const results = useMemo(() => (current ?? answer)?.rows.filter((c) => c.id !== excludeId) ?? [], [current, answer, excludeId]);
  const [enterPending, setEnterPending] = useState(false);
  const selected = useCustomer(value);

  // Enter pressed before the answer came: pick from the answer to what was typed.
  useEffect(() => {
    if (!enterPending || !current) return;
    setEnterPending(false);
    const pick = results[Math.min(active, results.length - 1)];
    if (pick) {
      onChange(pick.id);
      setQuery('');
    }
  }, [enterPending, current, results, active, onChange]);

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
          setEnterPending(false);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            // Before the answer the step counts in the answer to come (its length is not known yet).
            setActive((i) => (pending ? i + 1 : Math.max(0, Math.min(i + 1, results.length - 1))));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.max(i - 1, 0));
          } else if (e.key === 'Enter' && terms.length > 0) {
            e.preventDefault();
            const pick = results[Math.min(active, results.length - 1)];
            if (pending) setEnterPending(true);
            else if (pick) choose(pick.id);
          }
        }}
        data-testid={`${testIdPrefix}-search`}
      />
      {terms.length > 0 && (
        <ul className={pending ? 'combobox-list stale' : 'combobox-list'} role="listbox" aria-busy={pending} inert={pending}>
          {!pending && results.length === 0 && <li className="muted combobox-empty">{t('list.noMatches')}</li>}
          {results.map((c, i) => {
            const phone = primaryPhone(c);
            return (
              <li
                key={c.id}
                role="option"
                aria-selected={!pending && i === active}
                className={!pending && i === active ? 'active' : undefined}
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

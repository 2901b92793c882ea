// The currency the purchase amounts are read in, and, before anything is written, whatever in the
// file says they are in another one (signs, codes, a currency column, a known data set). The import
// never converts: the clerk confirms the numbers are to be taken as they are, or goes back.
import { useTranslation } from 'react-i18next';
import { formatMoney, type Currency } from '../../../shared/domain/money';
import { assertNever } from '../../../shared/result';
import type { CurrencyEvidence } from '../../../shared/domain/import';
import { currentLocale } from '../../i18n';
import type { PurchaseCurrencyCheck } from '../../workers/importProtocol';

function useEvidenceText() {
  const { t } = useTranslation();
  const names = (currencies: Currency[]) => currencies.map((c) => t(`currencies.${c}`));
  return (e: CurrencyEvidence): string => {
    const meaning = e.currencies.length === 1 ? names(e.currencies)[0]! : t('import.currency.ambiguous', { names: names(e.currencies).join(t('import.currency.listSeparator')) });
    const params = { mark: e.mark, meaning, column: e.column, count: e.count, n: e.count, row: e.rowNumber ?? 0 };
    switch (e.source) {
      case 'cell':
        return t('import.currency.evidence.cell', params);
      case 'header':
        return t('import.currency.evidence.header', params);
      case 'column':
        return t('import.currency.evidence.column', params);
      case 'format':
        return t('import.currency.evidence.format', params);
      default:
        return assertNever(e.source, 'evidence source');
    }
  };
}

export function CurrencyNotice({ check, acknowledged, onAcknowledge }: { check: PurchaseCurrencyCheck; acknowledged: boolean; onAcknowledge: (value: boolean) => void }) {
  const { t } = useTranslation();
  const evidenceText = useEvidenceText();
  const store = { name: t(`currencies.${check.store}`), code: check.store };
  if (check.foreign.length === 0) {
    return (
      <p className="hint import-currency" data-testid="import-currency" data-currency={check.store}>
        {t('import.currency.reading', store)}
      </p>
    );
  }
  return (
    <div className="banner banner-warning import-currency" role="alert" data-testid="import-currency" data-currency={check.store} data-foreign="true">
      <strong>{t('import.currency.foreignTitle', store)}</strong>
      <ul className="plain-list" data-testid="import-currency-evidence">
        {check.foreign.slice(0, 8).map((e, i) => (
          <li key={i}>{evidenceText(e)}</li>
        ))}
      </ul>
      <p>{t('import.currency.explain', { ...store, example: formatMoney(255, check.store, currentLocale()) })}</p>
      <label className="check">
        <input type="checkbox" checked={acknowledged} onChange={(e) => onAcknowledge(e.target.checked)} data-testid="import-currency-ack" />
        {t('import.currency.acknowledge', store)}
      </label>
    </div>
  );
}

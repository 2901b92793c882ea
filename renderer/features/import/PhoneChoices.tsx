// The clerk's choices about phone numbers the file writes unusually: service numbers kept as typed, and
// numbers that do not look like the store region's (kept as typed, country code added, or read as local).
import { useTranslation } from 'react-i18next';
import type { PhoneRegion } from '../../../shared/domain/customer';
import { FOREIGN_PHONE_CHOICES } from '../../../shared/domain/import';
import type { CustomerOptions, CustomerPreview } from '../../workers/importProtocol';
import './importChecks.css';

export type PhoneChoices = Pick<CustomerOptions, 'keepInvalidPhones' | 'foreignPhones'>;
export const DEFAULT_PHONE_CHOICES: PhoneChoices = { keepInvalidPhones: false, foreignPhones: 'keep' };

export function KeepPhonesOption({ choices, onChange }: { choices: PhoneChoices; onChange: (c: PhoneChoices) => void }) {
  const { t } = useTranslation();
  return (
    <label className="check import-keep-phones">
      <input
        type="checkbox"
        checked={choices.keepInvalidPhones === true}
        onChange={(e) => onChange({ ...choices, keepInvalidPhones: e.target.checked })}
        data-testid="import-keep-phones"
      />
      <span>
        {t('import.phones.keepAsTyped')}
        <span className="hint"> {t('import.phones.keepAsTypedHint')}</span>
      </span>
    </label>
  );
}

/** The numbers that do not look like the store region's, each with the guessed country, and the choice. */
export function ForeignPhonesNotice({ preview, region, choices, onChange }: { preview: CustomerPreview; region: PhoneRegion; choices: PhoneChoices; onChange: (c: PhoneChoices) => void }) {
  const { t } = useTranslation();
  const count = preview.foreignPhoneCount ?? 0;
  if (count === 0) return null;
  const list = preview.foreignPhones ?? [];
  return (
    <div className="banner banner-warning import-foreign" role="status" data-testid="import-foreign-phones" data-count={count}>
      <p>{t('import.phones.foreignSummary', { count, n: count, region: t(`regions.${region}`) })}</p>
      <table className="import-invisible-table">
        <thead>
          <tr>
            <th>{t('import.preview.row')}</th>
            <th>{t('import.phones.asTyped')}</th>
            <th>{t('import.phones.looksLike')}</th>
          </tr>
        </thead>
        <tbody>
          {list.slice(0, 20).map((f, i) => (
            <tr key={i} data-testid="import-foreign-row" data-row={f.rowNumber}>
              <td className="num">{t('import.preview.rowN', { row: f.rowNumber })}</td>
              <td className="import-value">{f.raw}</td>
              <td>{f.region && f.international ? t('import.phones.guess', { number: f.international, region: t(`regions.${f.region}`) }) : t('import.phones.noGuess')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.length > 20 && <p className="hint">{t('import.preview.more', { n: count - 20 })}</p>}
      <div role="radiogroup" aria-label={t('import.phones.choiceLabel')} className="import-foreign-choices">
        {FOREIGN_PHONE_CHOICES.map((c) => (
          <label key={c} className="check">
            <input
              type="radio"
              name="import-foreign-phones"
              value={c}
              checked={(choices.foreignPhones ?? 'keep') === c}
              onChange={() => onChange({ ...choices, foreignPhones: c })}
              data-testid={`import-foreign-${c}`}
            />
            {t(`import.phones.choices.${c}`, { region: t(`regions.${region}`) })}
          </label>
        ))}
      </div>
    </div>
  );
}

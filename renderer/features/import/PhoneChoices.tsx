// The clerk's choices about phone numbers the file writes unusually: service numbers kept as typed.
import { useTranslation } from 'react-i18next';
import type { CustomerOptions } from '../../workers/importProtocol';
import './importChecks.css';

export type PhoneChoices = Pick<CustomerOptions, 'keepInvalidPhones'>;
export const DEFAULT_PHONE_CHOICES: PhoneChoices = { keepInvalidPhones: false };

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

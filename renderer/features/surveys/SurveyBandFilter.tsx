// The customer list's filter by the band of the customer's last survey answer (promoter, passive, detractor, no score).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { SURVEY_BANDS, type SurveyBand } from '../../../shared/domain/surveyRecords';

/** The filter in words (the export's "current list" says what narrows it). */
export function surveyBandFilterText(t: TFunction, band: SurveyBand): string {
  return t('surveys.list.scope', { band: t(`surveys.bands.${band}`) });
}

export function SurveyBandFilter({ value, onChange }: { value: SurveyBand | null; onChange: (band: SurveyBand | null) => void }) {
  const { t } = useTranslation();
  return (
    <label className={value === null ? 'inline-field' : 'inline-field filter-active'}>
      <span>{t('surveys.list.label')}</span>
      <select value={value ?? ''} onChange={(e) => onChange(SURVEY_BANDS.find((b) => b === e.target.value) ?? null)} data-testid="survey-filter">
        <option value="">{t('surveys.list.any')}</option>
        {SURVEY_BANDS.map((band) => (
          <option key={band} value={band}>
            {t(`surveys.bands.${band}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

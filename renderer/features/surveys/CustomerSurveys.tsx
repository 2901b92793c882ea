// The customer page's satisfaction card: the last score (NPS or CSAT, with its date and band), "Record a survey"
// (the form at the counter or on a call-back) and whether the customer declines surveys.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyAnswer, SurveyStateRow } from '../../../shared/domain/surveyRecords';
import { surveys } from '../../db/appRepositories';
import { useSurveyStanding } from '../../db/surveyHooks';
import { formatDateTime, formatLongDate } from '../../i18n';
import { CustomerScreenControl } from '../surveyScreen/CustomerScreenControl';
import { SurveyDialog } from './SurveyDialog';
import './surveys.css';

interface Props {
  customerId: string;
  customerName: string;
  /** A customer in the trash: shown, not changed. */
  readOnly: boolean;
  /** Tells the page what happened, in words; `highlightId` is an entry of the timeline to show it on. */
  onSaid: (text: string, highlightId?: string) => void;
}

/** What the page says once an answer is saved: with its follow-up's due time when it was an unhappy one. */
export function answerSavedText(t: (key: string, options?: Record<string, unknown>) => string, answer: SurveyAnswer): string {
  return answer.followUpDueAt ? t('surveys.savedFollowUp', { date: formatDateTime(answer.followUpDueAt) }) : t('surveys.saved');
}

export function CustomerSurveys({ customerId, customerName, readOnly, onSaid }: Props) {
  const { t } = useTranslation();
  const standing = useSurveyStanding(customerId);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  // The clerk's click shows at once, until the stored answer it was made over changes (the write read back) or fails.
  const [pending, setPending] = useState<{ customerId: string; value: boolean; over: string | null } | null>(null);
  const storedDeclinedAt = standing ? standing.declinedAt : null;
  const declined = pending !== null && pending.customerId === customerId && pending.over === storedDeclinedAt ? pending.value : storedDeclinedAt !== null;

  const setDeclined = async (value: boolean) => {
    setBusy(true);
    setFailed(false);
    setPending({ customerId, value, over: storedDeclinedAt });
    try {
      await surveys.setDeclined(customerId, value);
      onSaid(t(value ? 'surveys.declinedOn' : 'surveys.declinedOff'));
    } catch (error) {
      console.error(error);
      setPending(null);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <CustomerSurveysView
        last={standing?.state ?? null}
        declined={declined}
        loading={standing === undefined}
        readOnly={readOnly}
        busy={busy}
        failed={failed}
        onRecord={() => setOpen(true)}
        extraActions={<CustomerScreenControl customerId={customerId} purchaseId={null} />}
        onDeclinedChange={(declined) => void setDeclined(declined)}
      />
      {open && (
        <SurveyDialog
          request={{ customerId, channel: 'counter', purchaseId: null }}
          customerName={customerName}
          onClose={() => setOpen(false)}
          onSaved={(answer) => {
            setOpen(false);
            onSaid(answerSavedText(t, answer), answer.id);
          }}
        />
      )}
    </>
  );
}

export interface CustomerSurveysViewProps {
  last: SurveyStateRow | null;
  declined: boolean;
  loading: boolean;
  readOnly: boolean;
  busy: boolean;
  failed: boolean;
  onRecord: () => void;
  /** More ways to ask, beside "Record a survey" (the customer-facing screen's). */
  extraActions?: ReactNode;
  onDeclinedChange: (declined: boolean) => void;
}

export function CustomerSurveysView({ last, declined, loading, readOnly, busy, failed, onRecord, extraActions, onDeclinedChange }: CustomerSurveysViewProps) {
  const { t } = useTranslation();
  const scores = last ? [last.lastNps !== null && t('surveys.card.nps', { score: last.lastNps }), last.lastCsat !== null && t('surveys.card.csat', { score: last.lastCsat })].filter(Boolean) : [];
  return (
    <section className="card survey-card" aria-labelledby="survey-card-heading" data-testid="survey-card" aria-busy={loading || undefined}>
      <h2 id="survey-card-heading">{t('surveys.card.title')}</h2>
      {last ? (
        <div className="survey-last" data-testid="survey-last" data-band={last.lastBand}>
          <span className="survey-score" data-testid="survey-last-score">
            {scores.length > 0 ? scores.join(' · ') : t('surveys.timeline.noScore')}
          </span>
          <span className={`survey-band survey-band-${last.lastBand}`}>{t(`surveys.bands.${last.lastBand}`)}</span>
          <span className="muted" data-testid="survey-last-date">
            {t('surveys.card.lastOn', { date: formatLongDate(new Date(last.lastAnsweredAt)) })}
          </span>
          <span className="muted">{t('surveys.card.answers', { count: last.answers })}</span>
        </div>
      ) : (
        !loading && (
          <p className="muted" data-testid="survey-none">
            {t('surveys.card.none')}
          </p>
        )
      )}
      {failed && (
        <p className="form-error" role="alert">
          {t('surveys.form.saveFailed')}
        </p>
      )}
      {!readOnly && (
        <div className="survey-actions">
          <button type="button" className="button" onClick={onRecord} disabled={loading} data-testid="record-survey">
            {t('surveys.card.record')}
          </button>
          {extraActions}
          <label className="survey-declined-toggle">
            <input type="checkbox" checked={declined} disabled={busy || loading} onChange={(e) => onDeclinedChange(e.target.checked)} data-testid="survey-declined" />
            {t('surveys.card.declines')}
          </label>
        </div>
      )}
      {readOnly && declined && <p className="muted">{t('surveys.card.declines')}</p>}
      {declined && !readOnly && <p className="hint">{t('surveys.card.declinedHint')}</p>}
    </section>
  );
}

// A survey answer in the customer's timeline: when and where it was given, its scores and band, what could be better,
// why, and its follow-up while one is due.
import { useTranslation } from 'react-i18next';
import { surveyBand } from '../../../shared/domain/survey';
import type { SurveyAnswer, SurveyBand } from '../../../shared/domain/surveyRecords';
import { assertNever } from '../../../shared/result';
import { formatDateTime } from '../../i18n';
import { CsatFace } from './SurveyFormView';
import './surveys.css';

/** The face the entry shows for its band. */
function faceOf(band: SurveyBand): number {
  switch (band) {
    case 'promoter':
      return 5;
    case 'passive':
    case 'unrated':
      return 3;
    case 'detractor':
      return 1;
    default:
      return assertNever(band, 'survey band');
  }
}

export function SurveyTimelineEntry({ answer: a, flash }: { answer: SurveyAnswer; flash: boolean }) {
  const { t } = useTranslation();
  const band = surveyBand(a);
  const scores = [a.nps !== null && t('surveys.timeline.nps', { score: a.nps }), a.csat !== null && t('surveys.timeline.csat', { score: a.csat })].filter(Boolean);
  const className = ['tl-item', 'tl-survey', a.followUpOpen !== undefined && 'is-due', flash && 'tl-flash'].filter(Boolean).join(' ');
  return (
    <li className={className} id={`entry-${a.id}`} tabIndex={-1} data-testid="timeline-entry" data-kind="survey" data-band={band}>
      <span className="tl-icon" aria-hidden="true">
        <CsatFace score={a.csat ?? faceOf(band)} size={20} />
      </span>
      <div className="tl-main">
        <div className="tl-head">
          <span className="tl-kind">
            {t('surveys.timeline.kind')}
            <span className="tl-direction">{t(`surveys.channels.${a.channel}`)}</span>
          </span>
          <time dateTime={a.answeredAt} className="tl-time">
            {formatDateTime(a.answeredAt)}
          </time>
          {a.followUpOpen !== undefined && (
            <span className="pill pill-warning" data-testid="entry-survey-follow-up">
              {t('surveys.timeline.followUpDue', { date: formatDateTime(a.followUpOpen) })}
            </span>
          )}
          {a.followUpDoneAt !== null && <span className="pill pill-quiet">{t('surveys.timeline.followedUp', { date: formatDateTime(a.followUpDoneAt) })}</span>}
        </div>
        <p className="tl-body" data-testid="entry-survey-scores">
          {scores.length > 0 ? scores.join(' · ') : t('surveys.timeline.noScore')} <span className={`survey-band survey-band-${band}`}>{t(`surveys.bands.${band}`)}</span>
        </p>
        {a.choices.length > 0 && (
          <p className="tl-meta">{t('surveys.timeline.better', { choices: a.choices.map((c) => t(`surveys.choices.${c}`)).join(t('audit.listSeparator')) })}</p>
        )}
        {a.why && <p className="tl-note">{a.why}</p>}
      </div>
      <div className="tl-side">
        <span className="tl-meta muted">{t('surveys.timeline.version', { version: a.surveyVersion })}</span>
      </div>
    </li>
  );
}

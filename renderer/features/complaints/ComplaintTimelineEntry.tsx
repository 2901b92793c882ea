// A complaint in the customer's timeline: when it was received, what it is about, its state, and a link to its detail.
import { useTranslation } from 'react-i18next';
import { isOverdue } from '../../../shared/domain/complaint';
import type { Complaint } from '../../../shared/domain/complaintRecords';
import { formatDateTime } from '../../i18n';
import { useClock } from '../../platform/clock';
import { routeHref } from '../../ui/routes';
import { stateText } from './complaintText';
import './complaints.css';

export function ComplaintTimelineEntry({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const clock = useClock();
  const late = isOverdue(c, clock());
  return (
    <li className={late ? 'tl-item tl-complaint is-due' : 'tl-item tl-complaint'} id={`entry-${c.id}`} tabIndex={-1} data-testid="timeline-entry" data-kind="complaint" data-state={c.state}>
      <span className="tl-icon" aria-hidden="true">
        <svg width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" focusable="false">
          <path d="M4 5.5h16v10H10l-4.5 4v-4H4z" />
          <path d="M12 8v3.5M12 13.6v.1" />
        </svg>
      </span>
      <div className="tl-main">
        <div className="tl-head">
          <span className="tl-kind">{t('care.kinds.complaint')}</span>
          <time dateTime={c.receivedAt} className="tl-time">
            {formatDateTime(c.receivedAt)}
          </time>
          {late && <span className="complaint-overdue">{t('complaints.list.overdue')}</span>}
        </div>
        <p className="tl-body">
          {t('complaints.timeline.entry', { category: t(`complaints.category.${c.category}`), severity: t(`complaints.severity.${c.severity}`), state: stateText(t, c.state) })}
        </p>
        <p className="tl-note">{c.said}</p>
      </div>
      <div className="tl-side">
        <a className="button button-small" href={routeHref({ name: 'complaints', id: c.id })} data-testid="entry-open-complaint">
          {t('complaints.timeline.open')}
        </a>
      </div>
    </li>
  );
}

// The customer page's complaints card: their complaints (open ones first, overdue marked), each opening its detail,
// and "New complaint".
import { useTranslation } from 'react-i18next';
import { isOverdue } from '../../../shared/domain/complaint';
import { useCustomerComplaints } from '../../db/complaintHooks';
import { formatDateTime } from '../../i18n';
import { useClock } from '../../platform/clock';
import { routeHref } from '../../ui/routes';
import { stateText } from './complaintText';
import './complaints.css';

export function CustomerComplaints({ customerId, readOnly, onNew }: { customerId: string; readOnly: boolean; onNew: () => void }) {
  const { t } = useTranslation();
  const clock = useClock();
  const list = useCustomerComplaints(customerId);
  const open = list?.filter((c) => c.state !== 'closed').length ?? 0;
  const sorted = list ? [...list.filter((c) => c.state !== 'closed'), ...list.filter((c) => c.state === 'closed')] : undefined;
  return (
    <section className="card customer-complaints" aria-labelledby="customer-complaints-heading" data-testid="customer-complaints">
      <div className="customer-complaints-head">
        <h2 id="customer-complaints-heading">
          {t('complaints.customer.title')}
          {open > 0 && <span className="hint complaint-open-count"> · {t('complaints.customer.openCount', { count: open })}</span>}
        </h2>
        {!readOnly && (
          <button type="button" className="button button-small" onClick={onNew} data-testid="new-complaint">
            {t('complaints.customer.new')}
          </button>
        )}
      </div>
      {sorted === undefined ? null : sorted.length === 0 ? (
        <p className="muted">{t('complaints.customer.none')}</p>
      ) : (
        <ul>
          {sorted.map((c) => {
            const late = isOverdue(c, clock());
            return (
              <li key={c.id} className={late ? 'overdue' : undefined} data-testid="customer-complaint" data-state={c.state}>
                <a href={routeHref({ name: 'complaints', id: c.id })}>
                  {t('complaints.timeline.entry', { category: t(`complaints.category.${c.category}`), severity: t(`complaints.severity.${c.severity}`), state: stateText(t, c.state) })}
                </a>
                <span className="hint">{c.state === 'closed' ? formatDateTime(c.receivedAt) : t('complaints.detail.due', { due: formatDateTime(c.dueAt) })}</span>
                {late && <span className="complaint-overdue">{t('complaints.list.overdue')}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

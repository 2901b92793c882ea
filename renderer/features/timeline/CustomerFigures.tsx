// The customer's figures at the top of their page: spent, purchases, first and last purchase, the rhythm of visits.
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../shared/domain/customer';
import { formatLongDate } from '../../i18n';
import { useMoney } from '../../ui/useMoney';
import { useClock } from '../../platform/clock';

function Figure({ label, value, caption, testId, empty }: { label: string; value: string; caption?: string; testId: string; empty?: boolean }) {
  return (
    <div className={empty ? 'figure figure-empty' : 'figure'}>
      <dt>{label}</dt>
      <dd>
        <span className="figure-value" data-testid={testId}>
          {value}
        </span>
        {caption && <span className="figure-caption">{caption}</span>}
      </dd>
    </div>
  );
}

export function CustomerFigures({ customer }: { customer: Customer }) {
  const clock = useClock();
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const today = clock();
  const days = (n: number) => t('figures.days', { count: n, value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(n) });
  const ago = (iso: string) => {
    const n = differenceInCalendarDays(today, parseISO(iso));
    return n <= 0 ? t('figures.today') : n === 1 ? t('figures.yesterday') : t('figures.daysAgo', { count: n });
  };
  const has = customer.purchaseCount > 0;
  const dash = '—';
  return (
    <section className="card figures" aria-label={t('figures.title')} data-testid="customer-figures">
      <dl className="figure-grid">
        <Figure
          label={t('figures.totalSpent')}
          value={money.format(customer.totalSpentFen)}
          caption={has ? t('figures.perPurchase', { amount: money.format(Math.round(customer.totalSpentFen / customer.purchaseCount)) }) : t('figures.noPurchases')}
          testId="figure-total"
          empty={!has}
        />
        <Figure label={t('figures.purchaseCount')} value={String(customer.purchaseCount)} caption={has ? undefined : t('figures.recordFirst')} testId="figure-count" empty={!has} />
        <Figure
          label={t('figures.firstPurchase')}
          value={customer.firstPurchaseAt ? formatLongDate(parseISO(customer.firstPurchaseAt)) : dash}
          caption={customer.firstPurchaseAt ? ago(customer.firstPurchaseAt) : undefined}
          testId="figure-first"
          empty={!has}
        />
        <Figure
          label={t('figures.lastPurchase')}
          value={customer.lastPurchaseAt ? formatLongDate(parseISO(customer.lastPurchaseAt)) : dash}
          caption={customer.lastPurchaseAt ? ago(customer.lastPurchaseAt) : undefined}
          testId="figure-last"
          empty={!has}
        />
        <Figure
          label={t('figures.averageGap')}
          value={customer.averageGapDays === null ? dash : days(customer.averageGapDays)}
          caption={customer.averageGapDays === null ? t('figures.needsTwoVisits') : t('figures.betweenVisits')}
          testId="figure-average-gap"
          empty={customer.averageGapDays === null}
        />
        <Figure
          label={t('figures.medianGap')}
          value={customer.medianGapDays === null ? dash : days(customer.medianGapDays)}
          caption={customer.medianGapDays === null ? t('figures.needsTwoVisits') : t('figures.typicalGap')}
          testId="figure-median-gap"
          empty={customer.medianGapDays === null}
        />
      </dl>
    </section>
  );
}

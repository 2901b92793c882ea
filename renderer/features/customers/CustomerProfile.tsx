// The customer's profile: every field of the file, read-only, laid out for a quick look.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, PhoneRegion } from '../../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import { formOfAddress } from '../../../shared/domain/greetings';
import { ageOn, lunarMonthDayLabel, nextBirthdayOccurrence } from '../../../shared/domain/birthday';
import { useCustomer } from '../../db/hooks';
import { currentLocale, formatDateTime, formatLongDate, formatMonthDay } from '../../i18n';
import { useDesktop } from '../../platform/context';
import { routeHref } from '../../ui/routes';
import { TagList } from './TagList';
import { useClock } from '../../platform/clock';

function Field({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  const empty = children === null || children === undefined || children === false || (Array.isArray(children) && children.every((c) => c === null || c === false));
  return (
    <div className="field-view">
      <dt>{label}</dt>
      <dd data-testid={testId}>{empty ? <span className="muted">—</span> : children}</dd>
    </div>
  );
}

function orDash(value: string) {
  return value ? value : null;
}

export function BirthdayText({ customer, today }: { customer: Customer; today: Date }) {
  const { t } = useTranslation();
  const b = customer.birthday;
  if (!b) return null;
  const next = nextBirthdayOccurrence(b, today);
  const age = ageOn(b, today);
  const date =
    b.calendar === 'lunar'
      ? b.year
        ? t('birthday.lunarWithYear', { label: lunarMonthDayLabel(b, currentLocale()), year: b.year })
        : t('birthday.lunarNoYear', { label: lunarMonthDayLabel(b, currentLocale()) })
      : b.year
        ? formatLongDate(new Date(b.year, b.month - 1, b.day))
        : formatMonthDay(b.month, b.day);
  return (
    <span>
      {date}
      {age !== null && <span className="muted"> · {t('birthday.age', { count: age })}</span>}
      <span className="muted"> · {t('birthday.next', { date: formatLongDate(next) })}</span>
    </span>
  );
}

function ReferrerLink({ id }: { id: string }) {
  const { t } = useTranslation();
  const referrer = useCustomer(id);
  if (referrer === undefined) return null;
  if (referrer === null) return <span className="muted">{t('customer.referrerMissing')}</span>;
  return <a href={routeHref({ name: 'customer', id })}>{referrer.name}</a>;
}

export function CustomerProfile({ customer, region }: { customer: Customer; region: PhoneRegion }) {
  const clock = useClock();
  const { t } = useTranslation();
  const { api } = useDesktop();
  const [linkError, setLinkError] = useState<string | null>(null);
  const today = clock();

  const openMail = async () => {
    const result = await api.links.openExternal(`mailto:${customer.email}`);
    setLinkError(result.ok ? null : t(`errors.${result.reason}`));
  };

  return (
    <div className="profile">
      <section className="card">
        <h2>{t('customer.sections.contact')}</h2>
        <dl className="field-grid">
          <Field label={t('customer.fields.phones')} testId="profile-phones">
            {customer.phones.length ? (
              <ul className="plain-list">
                {customer.phones.map((p) => (
                  <li key={p.normalized}>
                    <span className="mono">{formatPhoneForDisplay(p, region)}</span>
                    {p.label && <span className="muted"> · {p.label}</span>}
                    {p.primary && customer.phones.length > 1 && <span className="badge">{t('customer.primary')}</span>}
                    {p.kind === 'kept' && <span className="badge badge-quiet">{t('customer.keptAsTyped')}</span>}
                  </li>
                ))}
              </ul>
            ) : null}
          </Field>
          <Field label={t('customer.fields.email')} testId="profile-email">
            {customer.email ? (
              <button type="button" className="link-button" onClick={() => void openMail()}>
                {customer.email}
              </button>
            ) : null}
            {linkError && <span className="form-error"> {linkError}</span>}
          </Field>
          <Field label={t('customer.fields.preferredChannel')}>
            {customer.preferredChannel ? t(`channels.${customer.preferredChannel}`) : null}
          </Field>
        </dl>
      </section>
      <section className="card">
        <h2>{t('customer.sections.personal')}</h2>
        <dl className="field-grid">
          <Field label={t('customer.fields.gender')}>{t(`gender.${customer.gender}`)}</Field>
          <Field label={t('customer.fields.addressAs')} testId="profile-address-as">
            {orDash(formOfAddress(customer, currentLocale()))}
          </Field>
          <Field label={t('customer.fields.birthday')} testId="profile-birthday">
            {customer.birthday ? <BirthdayText customer={customer} today={today} /> : null}
          </Field>
          <Field label={t('customer.fields.company')}>{orDash(customer.company)}</Field>
          <Field label={t('customer.fields.title')}>{orDash(customer.title)}</Field>
          <Field label={t('customer.fields.city')}>{orDash(customer.city)}</Field>
          <Field label={t('customer.fields.address')}>{orDash(customer.address)}</Field>
        </dl>
      </section>
      <section className="card">
        <h2>{t('customer.sections.origin')}</h2>
        <dl className="field-grid">
          <Field label={t('customer.fields.source')}>{customer.source ? t(`sources.${customer.source}`) : null}</Field>
          <Field label={t('customer.fields.referredBy')} testId="profile-referrer">
            {customer.referredBy ? <ReferrerLink id={customer.referredBy} /> : null}
          </Field>
          <Field label={t('customer.fields.tags')}>{customer.tags.length ? <TagList tags={customer.tags} /> : null}</Field>
          <Field label={t('customer.fields.createdAt')}>{formatDateTime(customer.createdAt)}</Field>
          <Field label={t('customer.fields.updatedAt')}>{formatDateTime(customer.updatedAt)}</Field>
        </dl>
      </section>
      <section className="card">
        <h2>{t('customer.fields.notes')}</h2>
        {customer.notes ? <p className="notes" data-testid="profile-notes">{customer.notes}</p> : <p className="muted">{t('customer.noNotes')}</p>}
      </section>
    </div>
  );
}

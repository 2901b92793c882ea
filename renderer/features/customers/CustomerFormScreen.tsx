// Create or edit a customer. A rejected form keeps everything typed; duplicates are flagged as you type.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { CLERK_CONSENT_SOURCES, CONSENT_CHANNELS } from '../../../shared/domain/consent';
import { CHANNELS, GENDERS, HONORIFICS, SOURCES, type PhoneRegion } from '../../../shared/domain/customer';
import { FIELD_LIMITS, validateCustomerDraft, type FieldErrors } from '../../../shared/domain/customerValidation';
import { formOfAddress } from '../../../shared/domain/greetings';
import { currentLocale } from '../../i18n';
import { validatePhone } from '../../../shared/domain/phone';
import { customers } from '../../db';
import { useAllTags, useCustomer, useDuplicates, useSettings } from '../../db/hooks';
import { useUiStore } from '../../stores/ui';
import { navigate } from '../../ui/routes';
import { consentFromFormValues, draftFromFormValues, emptyFormValues, formValuesFromCustomer, type CustomerFormValues } from './customerForm';
import { CustomerPicker } from '../../ui/CustomerPicker';
import { TagInput } from './TagInput';
import { Field, FieldError, useFocusFirstInvalid } from '../../ui/FormField';
import { useClock } from '../../platform/clock';

export function CustomerFormScreen({ customerId }: { customerId: string | null }) {
  const { t } = useTranslation();
  const existing = useCustomer(customerId);
  const settings = useSettings();
  const tags = useAllTags();
  if (settings === undefined || (customerId && existing === undefined)) return <div className="loading" aria-busy="true" />;
  if (customerId && existing === null) return <p className="empty-state">{t('customer.notFound')}</p>;
  const initial = existing ? formValuesFromCustomer(existing) : emptyFormValues();
  return <CustomerForm customerId={customerId} initial={initial} region={settings.defaultRegion} tagSuggestions={tags} />;
}

function DuplicateWarning({ control, region, excludeId }: { control: Control<CustomerFormValues>; region: PhoneRegion; excludeId: string | null }) {
  const { t } = useTranslation();
  const phones = useWatch({ control, name: 'phones' });
  const email = useWatch({ control, name: 'email' });
  const peek = useUiStore((s) => s.setPeekCustomerId);
  const phoneKeys = useMemo(
    () =>
      phones
        .map((p) => (p.raw.trim() ? validatePhone(p.raw, region, { keepAsIs: p.keepAsIs }) : null))
        .flatMap((r) => (r && r.ok ? [r.value.normalized] : [])),
    [phones, region],
  );
  const duplicates = useDuplicates({ phoneKeys, emailKey: email.trim().toLowerCase(), excludeId });
  if (!duplicates || (duplicates.byPhone.length === 0 && duplicates.byEmail.length === 0)) return null;
  const entries = [
    ...duplicates.byPhone.map((c) => ({ c, reason: t('duplicates.samePhone') })),
    ...duplicates.byEmail.map((c) => ({ c, reason: t('duplicates.sameEmail') })),
  ];
  return (
    <div className="banner banner-warning" role="status" data-testid="duplicate-warning">
      <strong>{t('duplicates.title')}</strong>
      <ul className="plain-list">
        {entries.map(({ c, reason }) => (
          <li key={`${c.id}-${reason}`}>
            {reason}
            {t('common.colon')}
            <button type="button" className="link-button" onClick={() => peek(c.id)} data-testid="duplicate-link">
              {c.name}
            </button>
            {c.isDeleted ? <span className="muted"> ({t('customer.inTrash')})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FormProps {
  customerId: string | null;
  initial: CustomerFormValues;
  region: PhoneRegion;
  tagSuggestions: string[];
}

function CustomerForm({ customerId, initial, region, tagSuggestions }: FormProps) {
  const clock = useClock();
  const { t } = useTranslation();
  const { register, control, handleSubmit, setValue, getValues } = useForm<CustomerFormValues>({ defaultValues: initial });
  const phones = useFieldArray({ control, name: 'phones' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saveFailed, setSaveFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const attempted = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(form);
  const calendar = useWatch({ control, name: 'birthdayCalendar' });
  const primary = useWatch({ control, name: 'primaryPhone' });
  const tags = useWatch({ control, name: 'tags' });
  const referredBy = useWatch({ control, name: 'referredBy' });
  const consents = useWatch({ control, name: 'consents' });
  const [watchedName, watchedGender, watchedHonorific] = useWatch({ control, name: ['name', 'gender', 'honorific'] });
  // What greetings say when no preferred form is given, as the clerk types.
  const autoAddress = formOfAddress({ name: watchedName, gender: watchedGender, honorific: watchedHonorific || null }, currentLocale());
  const anyConsent = CONSENT_CHANNELS.some((ch) => consents[ch]);

  const validate = (values: CustomerFormValues) => validateCustomerDraft(draftFromFormValues(values), { defaultRegion: region, today: clock() });
  const errorText = (path: string) => (errors[path] ? t(`validation.${errors[path]}`) : undefined);
  const revalidate = () => {
    if (!attempted.current) return;
    const result = validate(getValues());
    setErrors(result.ok ? {} : result.reason);
  };

  const onSubmit = async (values: CustomerFormValues) => {
    attempted.current = true;
    const result = validate(values);
    if (!result.ok) {
      setErrors(result.reason);
      // Bring the first problem into view; nothing typed is touched.
      focusFirstInvalid();
      return;
    }
    setErrors({});
    setSaving(true);
    setSaveFailed(false);
    try {
      const saved = customerId ? await customers.update(customerId, result.value) : await customers.create(result.value, consentFromFormValues(values));
      navigate({ name: 'customer', id: saved.id });
    } catch (error) {
      console.error(error);
      setSaveFailed(true);
      setSaving(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  const tagErrorPath = Object.keys(errors).find((path) => path.startsWith('tags.'));
  const cancel = () => navigate(customerId ? { name: 'customer', id: customerId } : { name: 'customers' });

  return (
    <form
      ref={form}
      className="customer-form"
      onSubmit={handleSubmit(onSubmit)}
      onChange={revalidate}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void handleSubmit(onSubmit)();
        }
      }}
      noValidate
      data-testid="customer-form"
    >
      <div className="screen-header">
        <h1>{customerId ? t('customer.editTitle') : t('customer.newTitle')}</h1>
        <div className="toolbar">
          <button type="button" className="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving} data-testid="save-customer">
            {t('common.save')}
          </button>
        </div>
      </div>
      {errorCount > 0 && (
        <p className="banner banner-error" role="alert" data-testid="form-errors">
          {t('validation.summary', { count: errorCount })}
        </p>
      )}
      {saveFailed && (
        <p className="banner banner-error" role="alert">
          {t('customer.saveFailed')}
        </p>
      )}
      <DuplicateWarning control={control} region={region} excludeId={customerId} />

      <section className="card">
        <h2>{t('customer.sections.basics')}</h2>
        <div className="form-grid">
          <Field label={t('customer.fields.name')} htmlFor="f-name" error={errorText('name')} hint={t('customer.hints.name')}>
            <input id="f-name" {...register('name')} autoFocus maxLength={120} data-testid="field-name" />
          </Field>
          <Field label={t('customer.fields.gender')} htmlFor="f-gender">
            <select id="f-gender" {...register('gender')} data-testid="field-gender">
              {GENDERS.map((g) => (
                <option key={g} value={g}>
                  {t(`gender.${g}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('customer.fields.honorific')} htmlFor="f-honorific" error={errorText('honorific')}>
            <select id="f-honorific" {...register('honorific')} data-testid="field-honorific">
              <option value="">{t('customer.honorifics.auto')}</option>
              {HONORIFICS.map((h) => (
                <option key={h} value={h}>
                  {t(`customer.honorifics.${h}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label={t('customer.fields.addressAs')}
            htmlFor="f-address-as"
            error={errorText('addressAs')}
            hint={t('customer.hints.addressAs', { auto: autoAddress || '—' })}
          >
            <input id="f-address-as" {...register('addressAs')} maxLength={FIELD_LIMITS.addressAs + 10} placeholder={autoAddress} data-testid="field-address-as" />
          </Field>
        </div>
      </section>

      <section className="card">
        <h2>{t('customer.sections.contact')}</h2>
        <fieldset className="phones">
          <legend>{t('customer.fields.phones')}</legend>
          {phones.fields.map((field, index) => {
            const error = errorText(`phones.${index}.raw`) ?? errorText(`phones.${index}.label`);
            return (
              <div className={error ? 'phone-row has-error' : 'phone-row'} key={field.id} data-testid="phone-row">
                <input
                  id={`f-phone-${index}`}
                  {...register(`phones.${index}.raw`)}
                  inputMode="tel"
                  placeholder={t('customer.phonePlaceholder')}
                  aria-label={t('customer.phoneNumber', { n: index + 1 })}
                  aria-invalid={!!error}
                  data-testid={`field-phone-${index}`}
                />
                <input {...register(`phones.${index}.label`)} placeholder={t('customer.phoneLabelPlaceholder')} aria-label={t('customer.phoneLabel')} className="phone-label" />
                <label className="check">
                  <input type="radio" checked={primary === index} onChange={() => setValue('primaryPhone', index)} name="primary-phone" />
                  {t('customer.primary')}
                </label>
                <label className="check" title={t('customer.hints.keepAsIs')}>
                  <input type="checkbox" {...register(`phones.${index}.keepAsIs`)} data-testid={`field-keep-${index}`} />
                  {t('customer.keepAsIs')}
                </label>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('customer.removePhone')}
                  onClick={() => {
                    phones.remove(index);
                    if (primary >= index && primary > 0) setValue('primaryPhone', primary - 1);
                  }}
                >
                  ×
                </button>
                {error && (
                  <FieldError controlId={`f-phone-${index}`} className="phone-error">
                    {error}
                  </FieldError>
                )}
              </div>
            );
          })}
          <button type="button" className="button button-small" onClick={() => phones.append({ raw: '', label: '', keepAsIs: false })} data-testid="add-phone">
            + {t('customer.addPhone')}
          </button>
          <p className="hint">{t('customer.hints.region', { region: t(`regions.${region}`) })}</p>
        </fieldset>
        <div className="form-grid">
          <Field label={t('customer.fields.email')} htmlFor="f-email" error={errorText('email')}>
            <input id="f-email" type="email" {...register('email')} data-testid="field-email" />
          </Field>
          <Field label={t('customer.fields.preferredChannel')} htmlFor="f-channel">
            <select id="f-channel" {...register('preferredChannel')} data-testid="field-channel">
              <option value="">{t('common.notSet')}</option>
              {CHANNELS.map((ch) => (
                <option key={ch} value={ch}>
                  {t(`channels.${ch}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {!customerId && (
          <fieldset className="consents" data-testid="form-consents">
            <legend>{t('consent.form.legend')}</legend>
            <p className="hint">{t('consent.form.hint')}</p>
            <div className="consent-checks">
              {CONSENT_CHANNELS.map((ch) => (
                <label key={ch} className="consent-check">
                  <input type="checkbox" {...register(`consents.${ch}`)} data-testid={`form-consent-${ch}`} />
                  {t('consent.form.agreesTo', { channel: t(`channels.${ch}`) })}
                </label>
              ))}
            </div>
            <label className="consent-source">
              {t('consent.form.source')}
              <select {...register('consentSource')} disabled={!anyConsent} data-testid="form-consent-source">
                {CLERK_CONSENT_SOURCES.map((source) => (
                  <option key={source} value={source}>
                    {t(`consent.sources.${source}`)}
                  </option>
                ))}
              </select>
            </label>
          </fieldset>
        )}
      </section>

      <section className="card">
        <h2>{t('customer.sections.personal')}</h2>
        <div className={errorText('birthday') ? 'birthday has-error' : 'birthday'}>
          <label htmlFor="f-bcal">{t('customer.fields.birthday')}</label>
          <div className="birthday-inputs">
            <select id="f-bcal" {...register('birthdayCalendar')} data-testid="field-birthday-calendar">
              <option value="">{t('birthday.none')}</option>
              <option value="solar">{t('birthday.solar')}</option>
              <option value="lunar">{t('birthday.lunar')}</option>
            </select>
            {calendar && (
              <>
                <input {...register('birthdayYear')} inputMode="numeric" placeholder={t('birthday.yearOptional')} aria-label={t('birthday.year')} className="input-year" data-testid="field-birthday-year" />
                <select {...register('birthdayMonth')} aria-label={t('birthday.month')} data-testid="field-birthday-month">
                  <option value="">{t('birthday.month')}</option>
                  {Array.from({ length: 12 }, (_, i) => (
                    <option key={i + 1} value={String(i + 1)}>
                      {t(calendar === 'lunar' ? `birthday.lunarMonths.${i + 1}` : 'birthday.monthN', { n: i + 1 })}
                    </option>
                  ))}
                </select>
                <select {...register('birthdayDay')} aria-label={t('birthday.day')} data-testid="field-birthday-day">
                  <option value="">{t('birthday.day')}</option>
                  {Array.from({ length: calendar === 'lunar' ? 30 : 31 }, (_, i) => (
                    <option key={i + 1} value={String(i + 1)}>
                      {t(calendar === 'lunar' ? `birthday.lunarDays.${i + 1}` : 'birthday.dayN', { n: i + 1 })}
                    </option>
                  ))}
                </select>
                {calendar === 'lunar' && (
                  <label className="check">
                    <input type="checkbox" {...register('birthdayLeapMonth')} />
                    {t('birthday.leapMonth')}
                  </label>
                )}
              </>
            )}
          </div>
          {errorText('birthday') && <FieldError controlId="f-bcal">{errorText('birthday')}</FieldError>}
        </div>
        <div className="form-grid">
          <Field label={t('customer.fields.company')} htmlFor="f-company" error={errorText('company')}>
            <input id="f-company" {...register('company')} data-testid="field-company" />
          </Field>
          <Field label={t('customer.fields.title')} htmlFor="f-title" error={errorText('title')}>
            <input id="f-title" {...register('title')} data-testid="field-title" />
          </Field>
          <Field label={t('customer.fields.city')} htmlFor="f-city" error={errorText('city')}>
            <input id="f-city" {...register('city')} data-testid="field-city" />
          </Field>
          <Field label={t('customer.fields.address')} htmlFor="f-address" error={errorText('address')} wide>
            <input id="f-address" {...register('address')} data-testid="field-address" />
          </Field>
        </div>
      </section>

      <section className="card">
        <h2>{t('customer.sections.origin')}</h2>
        <div className="form-grid">
          <Field label={t('customer.fields.source')} htmlFor="f-source">
            <select id="f-source" {...register('source')} data-testid="field-source">
              <option value="">{t('common.notSet')}</option>
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`sources.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('customer.fields.referredBy')} htmlFor="f-referrer">
            <CustomerPicker
              inputId="f-referrer"
              value={referredBy}
              onChange={(id) => setValue('referredBy', id)}
              excludeId={customerId}
              region={region}
              label={t('customer.referrerPlaceholder')}
              clearLabel={t('common.clear')}
              missingLabel={t('customer.referrerMissing')}
              testIdPrefix="referrer"
            />
          </Field>
        </div>
        <Field label={t('customer.fields.tags')} htmlFor="f-tags" error={tagErrorPath ? errorText(tagErrorPath) : undefined}>
          <TagInput inputId="f-tags" value={tags} onChange={(next) => setValue('tags', next)} suggestions={tagSuggestions} />
        </Field>
        <Field label={t('customer.fields.notes')} htmlFor="f-notes" error={errorText('notes')}>
          <textarea id="f-notes" rows={4} {...register('notes')} data-testid="field-notes" />
        </Field>
      </section>
      <div className="form-actions">
        <button type="button" className="button" onClick={cancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

// The points rules screen (view): how points are earned, multiplied, given, paid with, expire and are undone, with a live preview before saving.
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/domain/money';
import {
  BIRTHDAY_WINDOWS,
  MULTIPLIER_COMBINATIONS,
  POINTS_ROUNDINGS,
  previewPointsRules,
  REFERRAL_AWARDS,
  validatePointsRules,
  type PointsRules,
  type PointsRulesError,
  type PreviewOccasion,
} from '../../../shared/domain/pointsRules';
import { tierName, type TierScheme } from '../../../shared/domain/tiers';
import { Field, FieldError, useFocusFirstInvalid } from '../../ui/FormField';
import { LockIcon } from '../../ui/icons';
import { draftOfPointsRules, expiryChanged, FIELD_OF_RULES_ERROR, pointsRulesOf, submitPointsRules, type ExpiryKind, type MemberDayKind, type PointsFieldErrors, type PointsRulesDraft, type PointsRulesField } from './pointsRulesForm';
import {
  birthdayWindowName,
  combineName,
  dayTimeOf,
  earningBreakdown,
  earningFormula,
  earningSentence,
  expiryPolicyText,
  multiplierText,
  occasionName,
  pointsWording,
  referralAwardName,
  roundingName,
  rulesErrorText,
  type PointsWording,
} from './pointsText';
import './points.css';

/** The sample purchases the preview shows when the screen is given none. */
export const DEFAULT_SAMPLE_AMOUNTS_FEN: readonly number[] = [5_000, 26_800, 100_000];

export interface PointsRulesViewProps {
  /** The rules in force. */
  rules: PointsRules;
  /** The tiers, highest first: their points multipliers are shown and previewed. */
  scheme: Pick<TierScheme, 'tiers'>;
  now: Date;
  currency: Currency;
  /** The clerk is at the keyboard: the rules are shown, not editable, until the owner unlocks. */
  locked: boolean;
  onUnlock: () => void;
  /** Saves cleaned, valid rules; gives back the codes it refused them for (the form keeps what was typed), or null. */
  onSave: (rules: PointsRules) => PointsRulesError[] | null | Promise<PointsRulesError[] | null>;
  onCancel: () => void;
  sampleAmountsFen?: readonly number[];
}

type SavePhase = 'idle' | 'saving' | 'saved' | 'failed';
type InputOptions = { hint?: string; mode?: 'numeric' | 'decimal'; suffix?: string; type?: 'text' | 'date' };

export function PointsRulesView(props: PointsRulesViewProps) {
  const { t, i18n } = useTranslation();
  const { rules, scheme, now, currency, locked } = props;
  const w = pointsWording(t, i18n.language, currency);
  const [draft, setDraft] = useState<PointsRulesDraft>(() => draftOfPointsRules(rules, currency, now));
  const [fieldErrors, setFieldErrors] = useState<PointsFieldErrors>({});
  const [ruleErrors, setRuleErrors] = useState<PointsRulesError[]>([]);
  const [phase, setPhase] = useState<SavePhase>('idle');
  const root = useRef<HTMLElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(root);

  const edit = (patch: Partial<PointsRulesDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    if (phase === 'saved' || phase === 'failed') setPhase('idle');
  };
  // The draft as rules when it reads and validates; the preview falls back to the rules in force meanwhile.
  const parsed = useMemo(() => {
    const read = pointsRulesOf(draft, rules, currency, now);
    if (!read.ok) return null;
    const checked = validatePointsRules(read.value);
    return checked.ok ? checked.value : null;
  }, [draft, rules, currency, now]);

  const save = async () => {
    setPhase('saving');
    const result = await submitPointsRules(draft, rules, currency, now, props.onSave);
    setFieldErrors(result.outcome === 'fields' ? result.fieldErrors : {});
    setRuleErrors(result.outcome === 'refused' ? result.ruleErrors : []);
    setPhase(result.outcome === 'saved' ? 'saved' : result.outcome === 'failed' ? 'failed' : 'idle');
    if (result.outcome === 'fields' || result.outcome === 'refused') focusFirstInvalid();
  };

  const errorAt = (field: PointsRulesField): string | undefined => {
    const code = fieldErrors[field];
    if (code) return t(`points.fieldErrors.${code}`);
    const rule = ruleErrors.find((c) => FIELD_OF_RULES_ERROR[c] === field);
    return rule ? rulesErrorText(t, rule) : undefined;
  };
  const problemCount = Object.keys(fieldErrors).length + ruleErrors.length;
  const input = (field: PointsRulesField, label: string, opts: InputOptions = {}) => (
    <Field label={label} htmlFor={`pr-${field}`} error={errorAt(field)} hint={opts.hint}>
      <span className="points-input-row">
        <input
          id={`pr-${field}`}
          type={opts.type ?? 'text'}
          inputMode={opts.type === 'date' ? undefined : (opts.mode ?? 'numeric')}
          value={draft[field] as string}
          onChange={(e) => edit({ [field]: e.target.value })}
          aria-invalid={errorAt(field) ? true : undefined}
          data-testid={`points-rules-${field}`}
        />
        {opts.suffix && <span className="points-suffix">{opts.suffix}</span>}
      </span>
    </Field>
  );

  return (
    <section ref={root} aria-labelledby="points-rules-heading" className="points-rules" data-testid="points-rules">
      <div className="screen-header">
        <div className="screen-header-stacked">
          <h1 id="points-rules-heading">{t('points.rulesScreen.title')}</h1>
          <p className="muted">{t('points.rulesScreen.intro')}</p>
        </div>
        <div className="points-actions">
          <button type="button" className="button" onClick={props.onCancel} disabled={phase === 'saving'} data-testid="points-rules-cancel">
            {t('common.cancel')}
          </button>
          {locked ? (
            <button type="button" className="button button-primary" onClick={props.onUnlock} data-testid="points-rules-unlock">
              <LockIcon />
              {t('roles.unlock')}
            </button>
          ) : (
            <button type="button" className="button button-primary" onClick={() => void save()} disabled={phase === 'saving'} data-testid="points-rules-save">
              {phase === 'saving' ? t('points.rulesScreen.saving') : t('points.rulesScreen.save')}
            </button>
          )}
        </div>
      </div>

      {locked && (
        <p className="points-note" role="note" data-testid="points-rules-locked">
          {t('points.rulesScreen.locked')}
        </p>
      )}
      {phase === 'saved' && (
        <p className="points-saved" role="status" data-testid="points-rules-saved">
          {t('points.rulesScreen.saved')}
        </p>
      )}
      {phase === 'failed' && (
        <p className="points-problems" role="alert">
          {t('points.rulesScreen.saveFailed')}
        </p>
      )}
      {problemCount > 0 && (
        <div className="points-problems" role="alert" data-testid="points-rules-problems">
          <strong>{t('points.rulesScreen.problems', { count: problemCount })}</strong>
          {ruleErrors.length > 0 && (
            <ul>
              {ruleErrors.map((code) => (
                <li key={code}>{rulesErrorText(t, code)}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <PreviewCard w={w} rules={parsed ?? rules} stale={parsed === null} scheme={scheme} now={now} amounts={props.sampleAmountsFen ?? DEFAULT_SAMPLE_AMOUNTS_FEN} />

      <fieldset className="points-rules-fields" disabled={locked}>
        <section className="card" aria-labelledby="pr-earn-heading">
          <h2 id="pr-earn-heading">{t('points.rulesScreen.earn.title')}</h2>
          <div className="form-grid">
            {input('earnPoints', t('points.rulesScreen.earn.points'))}
            {input('earnPer', t('points.rulesScreen.earn.per', { currency }), { mode: 'decimal', hint: t('points.rulesScreen.earn.perHint') })}
            <Field label={t('points.rulesScreen.earn.rounding')} htmlFor="pr-rounding" hint={t('points.rulesScreen.earn.roundingHint')}>
              <select id="pr-rounding" value={draft.rounding} onChange={(e) => edit({ rounding: POINTS_ROUNDINGS.find((r) => r === e.target.value) ?? 'down' })}>
                {POINTS_ROUNDINGS.map((r) => (
                  <option key={r} value={r}>
                    {roundingName(t, r)}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <div className="form-grid">
            {(['excludedCategories', 'excludedProducts'] as const).map((field) => (
              <Field key={field} label={t(`points.rulesScreen.earn.${field}`)} htmlFor={`pr-${field}`} error={errorAt(field)} hint={t('points.rulesScreen.earn.excludedHint')}>
                <textarea id={`pr-${field}`} rows={3} value={draft[field]} onChange={(e) => edit({ [field]: e.target.value })} data-testid={`points-rules-${field}`} />
              </Field>
            ))}
          </div>
        </section>

        <section className="card" aria-labelledby="pr-mult-heading">
          <h2 id="pr-mult-heading">{t('points.rulesScreen.multipliers.title')}</h2>
          <label className="points-check">
            <input type="checkbox" checked={draft.tierMultiplier} onChange={(e) => edit({ tierMultiplier: e.target.checked })} data-testid="points-rules-tierMultiplier" />
            {t('points.rulesScreen.multipliers.tier')}
          </label>
          <ul className="points-tier-multipliers" aria-label={t('points.rulesScreen.multipliers.tierList')} data-testid="points-rules-tiers">
            {scheme.tiers.map((tier) => (
              <li key={tier.id} className={draft.tierMultiplier ? undefined : 'is-off'}>
                <span>{tierName(tier, w.locale)}</span> <strong>{multiplierText(w.locale, tier.benefits.pointsMultiplier)}</strong>
              </li>
            ))}
          </ul>
          <p className="hint">{t('points.rulesScreen.multipliers.tierHint')}</p>

          <Choice<MemberDayKind>
            legend={t('points.rulesScreen.memberDay.title')}
            name="pr-memberDayKind"
            value={draft.memberDayKind}
            options={['none', 'weekdays', 'month-days']}
            label={(k) => t(`points.rulesScreen.memberDay.kinds.${k}`)}
            onChange={(memberDayKind) => edit({ memberDayKind })}
          />
          {draft.memberDayKind === 'weekdays' && (
            <fieldset id="pr-weekdays" className="points-weekdays" aria-invalid={errorAt('weekdays') ? true : undefined}>
              <legend>{t('points.rulesScreen.memberDay.weekdays')}</legend>
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <label key={d} className="points-check">
                  <input
                    type="checkbox"
                    checked={draft.weekdays.includes(d)}
                    onChange={(e) => edit({ weekdays: e.target.checked ? [...draft.weekdays, d] : draft.weekdays.filter((x) => x !== d) })}
                    data-testid={`points-rules-weekday-${d}`}
                  />
                  {t(`points.weekdays.${d}`)}
                </label>
              ))}
              {errorAt('weekdays') && <FieldError controlId="pr-weekdays">{errorAt('weekdays')}</FieldError>}
            </fieldset>
          )}
          <div className="form-grid">
            {draft.memberDayKind === 'month-days' && input('monthDays', t('points.rulesScreen.memberDay.monthDays'), { hint: t('points.rulesScreen.memberDay.monthDaysHint') })}
            {draft.memberDayKind !== 'none' && input('memberDayMultiplier', t('points.rulesScreen.memberDay.multiplier'), { mode: 'decimal', suffix: '×' })}
          </div>

          <div className="form-grid">
            <Field label={t('points.rulesScreen.birthday.window')} htmlFor="pr-birthdayWindow" hint={t('points.rulesScreen.birthday.windowHint')}>
              <select id="pr-birthdayWindow" value={draft.birthdayWindow} onChange={(e) => edit({ birthdayWindow: BIRTHDAY_WINDOWS.find((b) => b === e.target.value) ?? 'none' })}>
                {BIRTHDAY_WINDOWS.map((b) => (
                  <option key={b} value={b}>
                    {birthdayWindowName(t, b)}
                  </option>
                ))}
              </select>
            </Field>
            {draft.birthdayWindow !== 'none' && input('birthdayMultiplier', t('points.rulesScreen.birthday.multiplier'), { mode: 'decimal', suffix: '×' })}
          </div>

          <Choice
            legend={t('points.rulesScreen.combine.title')}
            name="pr-combine"
            value={draft.combine}
            options={MULTIPLIER_COMBINATIONS}
            label={(c) => combineName(t, c)}
            hint={(c) => t(`points.rulesScreen.combine.hints.${c}`)}
            onChange={(combine) => edit({ combine })}
          />
        </section>

        <section className="card" aria-labelledby="pr-bonus-heading">
          <h2 id="pr-bonus-heading">{t('points.rulesScreen.bonuses.title')}</h2>
          <div className="form-grid">
            {input('welcomeBonus', t('points.rulesScreen.bonuses.welcome'), { hint: t('points.rulesScreen.bonuses.welcomeHint') })}
            {input('birthdayGift', t('points.rulesScreen.bonuses.birthdayGift'), { hint: t('points.rulesScreen.bonuses.birthdayGiftHint') })}
          </div>
        </section>

        <section className="card" aria-labelledby="pr-redeem-heading">
          <h2 id="pr-redeem-heading">{t('points.rulesScreen.redeem.title')}</h2>
          <div className="form-grid">
            {input('redeemPoints', t('points.rulesScreen.redeem.points'))}
            {input('redeemAmount', t('points.rulesScreen.redeem.amount', { currency }), { mode: 'decimal' })}
            {input('redeemMaxPercent', t('points.rulesScreen.redeem.maxPercent'), { suffix: '%', hint: t('points.rulesScreen.redeem.maxPercentHint') })}
          </div>
        </section>

        <ExpiryCard w={w} draft={draft} rules={rules} now={now} edit={edit} input={input} />

        <section className="card" aria-labelledby="pr-negative-heading">
          <h2 id="pr-negative-heading">{t('points.rulesScreen.negative.title')}</h2>
          <Choice
            legend={t('points.rulesScreen.negative.legend')}
            name="pr-negativeBalance"
            value={draft.negativeBalance}
            options={['stop-at-zero', 'allow'] as const}
            label={(v) => t(`points.rulesScreen.negative.${v}`)}
            hint={(v) => t(`points.rulesScreen.negative.hints.${v}`)}
            onChange={(negativeBalance) => edit({ negativeBalance })}
          />
        </section>

        <section className="card" aria-labelledby="pr-referral-heading">
          <h2 id="pr-referral-heading">{t('points.rulesScreen.referral.title')}</h2>
          <p className="hint">{t('points.rulesScreen.referral.intro')}</p>
          <div className="form-grid">
            <Field label={t('points.rulesScreen.referral.award')} htmlFor="pr-referralAward">
              <select id="pr-referralAward" value={draft.referralAward} onChange={(e) => edit({ referralAward: REFERRAL_AWARDS.find((a) => a === e.target.value) ?? 'none' })} data-testid="points-rules-referralAward">
                {REFERRAL_AWARDS.map((a) => (
                  <option key={a} value={a}>
                    {referralAwardName(t, a)}
                  </option>
                ))}
              </select>
            </Field>
            {(draft.referralAward === 'referrer' || draft.referralAward === 'both') && input('referrerPoints', t('points.rulesScreen.referral.referrerPoints'))}
            {(draft.referralAward === 'referred' || draft.referralAward === 'both') && input('referredPoints', t('points.rulesScreen.referral.referredPoints'))}
          </div>
        </section>
      </fieldset>
    </section>
  );
}

/** A small set of radio buttons, each with an optional line on what it means. */
function Choice<T extends string>(props: { legend: string; name: string; value: T; options: readonly T[]; label: (v: T) => string; hint?: (v: T) => string; onChange: (v: T) => void }) {
  return (
    <fieldset className="points-choice">
      <legend>{props.legend}</legend>
      <div className="points-choice-options">
        {props.options.map((o) => (
          <label key={o} className={`points-option${props.value === o ? ' is-selected' : ''}`}>
            <input type="radio" name={props.name} value={o} checked={props.value === o} onChange={() => props.onChange(o)} data-testid={`${props.name}-${o}`} />
            <span>
              <strong>{props.label(o)}</strong>
              {props.hint && <span className="hint">{props.hint(o)}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ExpiryCard(props: {
  w: PointsWording;
  draft: PointsRulesDraft;
  rules: PointsRules;
  now: Date;
  edit: (patch: Partial<PointsRulesDraft>) => void;
  input: (field: PointsRulesField, label: string, opts?: InputOptions) => ReactNode;
}) {
  const { w, draft, rules, now, edit, input } = props;
  const { t } = w;
  const changed = expiryChanged(draft, rules, now);
  const kinds: readonly ExpiryKind[] = ['never', 'months', 'end-of-next-year'];
  return (
    <section className="card" aria-labelledby="pr-expiry-heading">
      <h2 id="pr-expiry-heading">{t('points.rulesScreen.expiry.title')}</h2>
      <Choice legend={t('points.rulesScreen.expiry.legend')} name="pr-expiryKind" value={draft.expiryKind} options={kinds} label={(k) => t(`points.rulesScreen.expiry.kinds.${k}`)} onChange={(expiryKind) => edit({ expiryKind })} />
      <div className="form-grid">
        {draft.expiryKind === 'months' && input('expiryMonths', t('points.rulesScreen.expiry.months'))}
        {changed && input('expiryFrom', t('points.rulesScreen.expiry.from'), { type: 'date', hint: t('points.rulesScreen.expiry.fromHint') })}
      </div>
      <h3 className="points-subheading">{t('points.rulesScreen.expiry.history')}</h3>
      <ul className="points-expiry-versions" data-testid="points-rules-expiry-versions">
        {rules.expiry.map((v) => (
          <li key={v.from}>
            {Date.parse(v.from) <= 0 ? t('points.rulesScreen.expiry.fromStart') : t('points.rulesScreen.expiry.fromDay', { date: dayTimeOf(v.from) })}
            {' — '}
            {expiryPolicyText(t, v)}
          </li>
        ))}
      </ul>
      <p className="hint">{t('points.rulesScreen.expiry.keepsEarned')}</p>
    </section>
  );
}

function PreviewCard({ w, rules, stale, scheme, now, amounts }: { w: PointsWording; rules: PointsRules; stale: boolean; scheme: Pick<TierScheme, 'tiers'>; now: Date; amounts: readonly number[] }) {
  const { t } = w;
  const rows = useMemo(() => previewPointsRules(rules, scheme, now, amounts), [rules, scheme, now, amounts]);
  const occasions = [...new Set(rows.map((r) => r.occasion))];
  const nameOf = (id: string) => {
    const tier = scheme.tiers.find((x) => x.id === id);
    return tier ? tierName(tier, w.locale) : id;
  };
  // The headline: the top tier, the middle sample, on the occasion that multiplies most when there is one.
  const headlineAmount = amounts[Math.floor(amounts.length / 2)];
  const pick: PreviewOccasion = occasions.includes('member-day') ? 'member-day' : occasions.includes('birthday') ? 'birthday' : 'ordinary-day';
  const headline = rows.find((r) => r.amountFen === headlineAmount && r.tierId === scheme.tiers[0]?.id && r.occasion === pick);
  return (
    <section className="card points-preview" aria-labelledby="pr-preview-heading" data-testid="points-rules-preview">
      <h2 id="pr-preview-heading">{t('points.preview.title')}</h2>
      {stale && <p className="hint" data-testid="points-rules-preview-stale">{t('points.preview.stale')}</p>}
      {headline && (
        <>
          <p className="points-headline" data-testid="points-rules-headline">
            {earningSentence(w, { amountFen: headline.amountFen, tier: nameOf(headline.tierId), occasion: headline.occasion }, headline.earning)}
          </p>
          <ul className="points-breakdown">
            {earningBreakdown(w, headline.earning, rules, nameOf(headline.tierId)).map((line, i) => (
              <li key={i} className={line.off ? 'is-off' : undefined} data-step={line.step}>
                {line.text}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="points-table-wrap">
        <table className={`simple-table points-preview-table${stale ? ' is-stale' : ''}`}>
          <caption className="visually-hidden">{t('points.preview.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('points.preview.amount')}</th>
              <th scope="col">{t('points.preview.tier')}</th>
              {occasions.map((o) => (
                <th key={o} scope="col">
                  {occasionName(t, o)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {amounts.flatMap((amount) =>
              scheme.tiers.map((tier) => (
                <tr key={`${amount}-${tier.id}`}>
                  <th scope="row">{w.money(amount)}</th>
                  <td>{nameOf(tier.id)}</td>
                  {occasions.map((o) => {
                    const row = rows.find((r) => r.amountFen === amount && r.tierId === tier.id && r.occasion === o);
                    if (!row) return <td key={o} />;
                    const sentence = earningSentence(w, { amountFen: amount, tier: nameOf(tier.id), occasion: o }, row.earning);
                    return (
                      <td key={o} className="points-number" title={sentence} data-testid={`points-preview-${amount}-${tier.id}-${o}`}>
                        <span aria-hidden="true">{earningFormula(w, row.earning)}</span>
                        <span className="visually-hidden">{sentence}</span>
                      </td>
                    );
                  })}
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <p className="hint">{t(`points.preview.combineNote.${rules.combine}`)}</p>
    </section>
  );
}

// The status-rules screen (view): grouping, tiers or RFM benefits, the live preview, lifecycle and churn rules.
import { useRef, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OwnerLockMark } from '../../session/OwnerOnly';
import type { StatusSettings } from '../../../shared/domain/customerStatus';
import type { Currency } from '../../../shared/domain/money';
import type { GroupPreview } from '../../../shared/domain/statusPreview';
import { RFM_GROUPS, STATUS_GROUPINGS, statusGroupName, type RfmGroup } from '../../../shared/domain/statusGroups';
import { parseISO } from 'date-fns';
import { currentLocale, formatLongDate } from '../../i18n';
import { Field, FieldError, useFocusFirstInvalid } from '../../ui/FormField';
import { routeHref } from '../../ui/routes';
import { withNewTier, withoutTier, withTierMoved, type BenefitsDraft, type ChurnDraft, type ChurnModelDraft, type LifecycleDraft, type RulesDraft, type RulesProblems, type TierDraft } from './rulesForm';
import type { StoreChurnModel } from '../../../shared/domain/churnModel/storeModel';
import { ChurnModelNote } from '../churn/ChurnModelNote';
import './statusRules.css';

export type PreviewState =
  | { phase: 'loading'; done: number; total: number }
  | { phase: 'counting' }
  | { phase: 'ready'; result: GroupPreview; valid: boolean }
  | { phase: 'failed' };

export type SaveState = { phase: 'idle' } | { phase: 'saving' } | { phase: 'saved'; changed: number; customers: number } | { phase: 'failed' };

interface Props {
  draft: RulesDraft;
  saved: StatusSettings;
  problems: RulesProblems | null;
  preview: PreviewState;
  save: SaveState;
  busy: boolean;
  dirty: boolean;
  currency: Currency;
  formatMoney: (minor: number) => string;
  nextReviewDay: string;
  onChange: (draft: RulesDraft) => void;
  onSave: () => void;
  onReset: () => void;
  onDiscard: () => void;
  /** The store's churn model as last fitted (bookkeeping); null before the first fit. */
  churnModel: StoreChurnModel | null;
  /** Fits the churn model again now (the owner's button): the status pass with the saved rules. */
  onFitNow: () => void;
  /** A fit asked from here is running. */
  fitting: boolean;
}

const newTierId = () => `tier-${crypto.randomUUID().slice(0, 8)}`;

export function StatusRulesView(props: Props) {
  const { t } = useTranslation();
  const { draft, problems, save, busy, dirty, onChange } = props;
  const fieldError = (path: string) => {
    const code = problems?.fields[path];
    return code ? t(`statusRules.errors.${code}`) : undefined;
  };
  const problemCount = problems ? Object.keys(problems.fields).length + problems.scheme.length : 0;
  const root = useRef<HTMLElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(root);

  return (
    <section ref={root} aria-labelledby="rules-heading" className="status-rules">
      <div className="screen-header">
        <div className="screen-header-stacked">
          <h1 id="rules-heading">{t('statusRules.title')}</h1>
          <p className="muted">{t('statusRules.intro')}</p>
        </div>
        <div className="rules-actions">
          <a className="button" href={routeHref({ name: 'tierReview' })} data-testid="open-review">
            {t('statusRules.openReview')}
          </a>
          <button type="button" className="button" onClick={props.onReset} disabled={busy}>
            {t('statusRules.resetDefaults')}
          </button>
          <button type="button" className="button" onClick={props.onDiscard} disabled={busy || !dirty}>
            {t('statusRules.discard')}
          </button>
          <button type="button" className="button button-primary" onClick={() => {
              props.onSave();
              focusFirstInvalid();
            }}
            disabled={busy || !dirty}
            data-testid="rules-save"
          >
            {save.phase === 'saving' ? t('statusRules.saving') : t('statusRules.save')}
            <OwnerLockMark action="rules.change" />
          </button>
        </div>
      </div>

      <SaveMessage save={save} />
      {problems && problemCount > 0 && (
        <div className="rules-problems" role="alert" data-testid="rules-problems">
          <strong>{t('statusRules.problems', { count: problemCount })}</strong>
          {problems.scheme.length > 0 && (
            <ul>
              {problems.scheme.map((code) => (
                <li key={code}>{t(`statusRules.schemeErrors.${code}`)}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <section className="card">
        <h2>{t('statusRules.grouping.title')}</h2>
        <div className="grouping-choice" role="radiogroup" aria-label={t('statusRules.grouping.title')}>
          {STATUS_GROUPINGS.map((g) => (
            <label key={g} className={`grouping-option${draft.grouping === g ? ' is-selected' : ''}`}>
              <input type="radio" name="grouping" value={g} checked={draft.grouping === g} onChange={() => onChange({ ...draft, grouping: g })} data-testid={`grouping-${g}`} />
              <span>
                <strong>{t(`statusRules.grouping.${g}`)}</strong>
                <span className="hint">{t(`statusRules.grouping.${g}Hint`)}</span>
              </span>
            </label>
          ))}
        </div>
      </section>

      <PreviewCard preview={props.preview} draft={draft} saved={props.saved} nextReviewDay={props.nextReviewDay} />

      {draft.grouping === 'tiers' ? (
        <TiersCard draft={draft} onChange={onChange} fieldError={fieldError} currency={props.currency} nextReviewDay={props.nextReviewDay} />
      ) : (
        <RfmCard draft={draft} saved={props.saved} onChange={onChange} fieldError={fieldError} />
      )}

      <LifecycleCard value={draft.lifecycle} onChange={(lifecycle) => onChange({ ...draft, lifecycle })} fieldError={fieldError} />
      <ChurnModelCard
        value={draft.churnModel}
        onChange={(churnModel) => onChange({ ...draft, churnModel })}
        fieldError={fieldError}
        model={props.churnModel}
        onFitNow={props.onFitNow}
        fitting={props.fitting}
        busy={busy}
        dirty={dirty}
      />
      <ChurnCard value={draft.churn} onChange={(churn) => onChange({ ...draft, churn })} fieldError={fieldError} />
    </section>
  );
}

function SaveMessage({ save }: { save: SaveState }) {
  const { t } = useTranslation();
  switch (save.phase) {
    case 'idle':
    case 'saving':
      return null;
    case 'saved':
      return (
        <p className="rules-saved" role="status" data-testid="rules-saved">
          {t('statusRules.saved', { changed: save.changed, customers: save.customers })}
        </p>
      );
    case 'failed':
      return (
        <p className="rules-problems" role="alert">
          {t('statusRules.saveFailed')}
        </p>
      );
    default: {
      const never: never = save;
      throw new TypeError(`unknown save state ${String(never)}`);
    }
  }
}

function PreviewCard({ preview, draft, saved, nextReviewDay }: { preview: PreviewState; draft: RulesDraft; saved: StatusSettings; nextReviewDay: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  // Names as the draft has them (a tier being renamed shows its new name).
  const nameOf = (id: string) => {
    const tier = draft.tiers.find((x) => x.id === id);
    if (draft.grouping === 'tiers' && tier) return tier.name.trim() || t('statusRules.unnamedTier');
    return statusGroupName(saved, id, locale) ?? id;
  };
  let body: ReactNode;
  switch (preview.phase) {
    case 'loading':
      body = (
        <p className="muted" role="status">
          {t('statusRules.preview.loading')}{' '}
          {preview.total > 0 && <progress max={preview.total} value={preview.done} aria-label={t('statusRules.preview.loading')} />}
        </p>
      );
      break;
    case 'counting':
      body = (
        <p className="muted" role="status">
          {t('statusRules.preview.counting')}
        </p>
      );
      break;
    case 'failed':
      body = <p className="form-error">{t('statusRules.preview.failed')}</p>;
      break;
    case 'ready': {
      const { result } = preview;
      const max = Math.max(1, ...result.counts.map((c) => c.count));
      body = (
        <>
          {!preview.valid && <p className="hint">{t('statusRules.preview.stale')}</p>}
          <ul className={`preview-bars${preview.valid ? '' : ' is-stale'}`} data-testid="rules-preview">
            {result.counts.map((c) => (
              <li key={c.id} data-group={c.id}>
                <span className="preview-name">{nameOf(c.id)}</span>
                <span className="preview-bar" aria-hidden="true">
                  <span style={{ width: `${(c.count / max) * 100}%` }} />
                </span>
                <span className="preview-count" data-testid={`preview-count-${c.id}`}>
                  {t('statusRules.preview.count', { count: c.count, percent: result.total > 0 ? Math.round((c.count / result.total) * 100) : 0 })}
                </span>
              </li>
            ))}
          </ul>
          <p className="preview-moves" data-testid="preview-moves">
            {draft.grouping !== saved.grouping
              ? t('statusRules.preview.regroup', { count: result.upNow + result.downNow })
              : t('statusRules.preview.moves', { up: result.upNow, down: result.downNow })}
            {draft.grouping === 'tiers' && ` ${t('statusRules.preview.atReview', { count: result.downAtReview, date: formatLongDate(parseISO(nextReviewDay)) })}`}
          </p>
        </>
      );
      break;
    }
    default: {
      const never: never = preview;
      throw new TypeError(`unknown preview ${String(never)}`);
    }
  }
  return (
    <section className="card" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('statusRules.preview.title')}</h2>
      {body}
    </section>
  );
}

type FieldErrorOf = (path: string) => string | undefined;

function TiersCard({ draft, onChange, fieldError, currency, nextReviewDay }: { draft: RulesDraft; onChange: (d: RulesDraft) => void; fieldError: FieldErrorOf; currency: Currency; nextReviewDay: string }) {
  const { t } = useTranslation();
  const floor = draft.tiers.length - 1;
  const setTier = (i: number, tier: TierDraft) => onChange({ ...draft, tiers: draft.tiers.map((x, j) => (j === i ? tier : x)) });
  const text = (e: ChangeEvent<HTMLInputElement>) => e.target.value;
  return (
    <section className="card" aria-labelledby="tiers-heading">
      <h2 id="tiers-heading">{t('statusRules.tiers.title')}</h2>
      <div className="form-grid">
        <Field label={t('statusRules.tiers.windowMonths')} htmlFor="r-window" error={fieldError('windowMonths')} hint={t('statusRules.tiers.windowHint')}>
          <input id="r-window" inputMode="numeric" value={draft.windowMonths} onChange={(e) => onChange({ ...draft, windowMonths: text(e) })} aria-invalid={!!fieldError('windowMonths')} />
        </Field>
        <Field
          label={t('statusRules.tiers.reviewEveryMonths')}
          htmlFor="r-review"
          error={fieldError('reviewEveryMonths')}
          hint={t('statusRules.tiers.reviewHint', { date: formatLongDate(parseISO(nextReviewDay)) })}
        >
          <input id="r-review" inputMode="numeric" value={draft.reviewEveryMonths} onChange={(e) => onChange({ ...draft, reviewEveryMonths: text(e) })} aria-invalid={!!fieldError('reviewEveryMonths')} />
        </Field>
      </div>
      <div className="tier-table-wrap">
        <table className="simple-table tier-table" data-testid="tier-table">
          <thead>
            <tr>
              <th scope="col">{t('statusRules.tiers.order')}</th>
              <th scope="col">{t('statusRules.tiers.name')}</th>
              <th scope="col">{t('statusRules.tiers.minSpend', { currency })}</th>
              <th scope="col">{t('statusRules.tiers.minPurchases')}</th>
              <th scope="col">{t('statusRules.tiers.maxDays')}</th>
              <th scope="col">{t('statusRules.benefits.discountPercent')}</th>
              <th scope="col">{t('statusRules.benefits.pointsMultiplier')}</th>
              <th scope="col">{t('statusRules.benefits.contactCadenceDays')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('statusRules.tiers.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.tiers.map((tier, i) => {
              const label = tier.name.trim() || t('statusRules.unnamedTier');
              const cell = (key: 'minSpend' | 'minPurchases' | 'maxDays', placeholder?: string) => {
                const error = fieldError(`tiers.${i}.${key}`);
                return (
                  <td className={error ? 'has-error' : undefined}>
                    <input
                      id={`r-tier-${i}-${key}`}
                      inputMode="decimal"
                      value={tier[key]}
                      placeholder={placeholder}
                      aria-label={`${label}: ${t(`statusRules.tiers.${key}Label`)}`}
                      aria-invalid={!!error}
                      title={error}
                      onChange={(e) => setTier(i, { ...tier, [key]: e.target.value })}
                      data-testid={`tier-${i}-${key}`}
                    />
                    {error && (
                      <FieldError controlId={`r-tier-${i}-${key}`} className="cell-error">
                        {error}
                      </FieldError>
                    )}
                  </td>
                );
              };
              const nameError = fieldError(`tiers.${i}.name`);
              return (
                <tr key={tier.id} data-tier={tier.id}>
                  <td className="tier-order">
                    <button type="button" className="icon-button" onClick={() => onChange(withTierMoved(draft, tier.id, -1))} disabled={i === 0 || i === floor} aria-label={t('statusRules.tiers.moveUp', { name: label })}>
                      ↑
                    </button>
                    <button type="button" className="icon-button" onClick={() => onChange(withTierMoved(draft, tier.id, 1))} disabled={i >= floor - 1} aria-label={t('statusRules.tiers.moveDown', { name: label })}>
                      ↓
                    </button>
                  </td>
                  <td className={nameError ? 'has-error' : undefined}>
                    <input id={`r-tier-${i}-name`} value={tier.name} aria-label={t('statusRules.tiers.nameLabel', { n: i + 1 })} aria-invalid={!!nameError} onChange={(e) => setTier(i, { ...tier, name: e.target.value })} data-testid={`tier-${i}-name`} />
                    {nameError && (
                      <FieldError controlId={`r-tier-${i}-name`} className="cell-error">
                        {nameError}
                      </FieldError>
                    )}
                  </td>
                  {i === floor ? (
                    <td colSpan={3} className="muted floor-note">
                      {t('statusRules.tiers.floor')}
                    </td>
                  ) : (
                    <>
                      {cell('minSpend')}
                      {cell('minPurchases')}
                      {cell('maxDays', t('statusRules.tiers.noLimit'))}
                    </>
                  )}
                  <BenefitCells path={`tiers.${i}.benefits`} label={label} value={tier.benefits} onChange={(benefits) => setTier(i, { ...tier, benefits })} fieldError={fieldError} />
                  <td className="tier-remove">
                    {i !== floor && (
                      <button
                        type="button"
                        className="icon-button"
                        onClick={() => onChange(withoutTier(draft, tier.id))}
                        aria-label={t('statusRules.tiers.remove', { name: label })}
                        title={t('statusRules.tiers.remove', { name: label })}
                        data-testid={`tier-${i}-remove`}
                      >
                        ✕
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="tier-table-footer">
        <button type="button" className="button" onClick={() => onChange(withNewTier(draft, newTierId()))} disabled={draft.tiers.length >= 10} data-testid="add-tier">
          + {t('statusRules.tiers.add')}
        </button>
        <span className="hint">{t('statusRules.tiers.rulesHint')}</span>
      </div>
    </section>
  );
}

function BenefitCells({ path, label, value, onChange, fieldError }: { path: string; label: string; value: BenefitsDraft; onChange: (b: BenefitsDraft) => void; fieldError: FieldErrorOf }) {
  const { t } = useTranslation();
  return (
    <>
      {(['discountPercent', 'pointsMultiplier', 'contactCadenceDays'] as const).map((key) => {
        const error = fieldError(`${path}.${key}`);
        return (
          <td key={key} className={error ? 'has-error' : undefined}>
            <input
              id={`r-${path}.${key}`}
              inputMode="decimal"
              value={value[key]}
              aria-label={`${label}: ${t(`statusRules.benefits.${key}`)}`}
              aria-invalid={!!error}
              title={error}
              onChange={(e) => onChange({ ...value, [key]: e.target.value })}
              data-testid={`${path}.${key}`}
            />
            {error && (
              <FieldError controlId={`r-${path}.${key}`} className="cell-error">
                {error}
              </FieldError>
            )}
          </td>
        );
      })}
    </>
  );
}

function RfmCard({ draft, saved, onChange, fieldError }: { draft: RulesDraft; saved: StatusSettings; onChange: (d: RulesDraft) => void; fieldError: FieldErrorOf }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const setGroup = (g: RfmGroup, b: BenefitsDraft) => onChange({ ...draft, rfmBenefits: { ...draft.rfmBenefits, [g]: b } });
  return (
    <section className="card" aria-labelledby="rfm-heading">
      <h2 id="rfm-heading">{t('statusRules.rfm.title')}</h2>
      <p className="hint">{t('statusRules.rfm.intro')}</p>
      <div className="tier-table-wrap">
        <table className="simple-table tier-table" data-testid="rfm-table">
          <thead>
            <tr>
              <th scope="col">{t('statusRules.rfm.segment')}</th>
              <th scope="col">{t('statusRules.rfm.means')}</th>
              <th scope="col">{t('statusRules.benefits.discountPercent')}</th>
              <th scope="col">{t('statusRules.benefits.pointsMultiplier')}</th>
              <th scope="col">{t('statusRules.benefits.contactCadenceDays')}</th>
            </tr>
          </thead>
          <tbody>
            {RFM_GROUPS.map((g) => {
              const name = statusGroupName(saved, `rfm:${g}`, locale) ?? g;
              return (
                <tr key={g}>
                  <th scope="row">{name}</th>
                  <td className="hint rfm-means">{t(`statusRules.rfm.meaning.${g}`)}</td>
                  <BenefitCells path={`rfmBenefits.${g}`} label={name} value={draft.rfmBenefits[g]} onChange={(b) => setGroup(g, b)} fieldError={fieldError} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function LifecycleCard({ value, onChange, fieldError }: { value: LifecycleDraft; onChange: (v: LifecycleDraft) => void; fieldError: FieldErrorOf }) {
  const { t } = useTranslation();
  const input = (key: Exclude<keyof LifecycleDraft, 'atRiskFrom'>) => (
    <Field label={t(`statusRules.lifecycle.${key}`)} htmlFor={`r-l-${key}`} error={fieldError(`lifecycle.${key}`)} hint={t(`statusRules.lifecycle.${key}Hint`)}>
      <input id={`r-l-${key}`} inputMode="decimal" value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} aria-invalid={!!fieldError(`lifecycle.${key}`)} data-testid={`lifecycle-${key}`} />
    </Field>
  );
  return (
    <section className="card" aria-labelledby="lifecycle-heading">
      <h2 id="lifecycle-heading">{t('statusRules.lifecycle.title')}</h2>
      <p className="hint">{t('statusRules.lifecycle.intro')}</p>
      <div className="form-grid">
        {input('loyalMinPurchases')}
        {input('loyalMinMonths')}
        {input('churnMinDays')}
        {input('churnGapMultiple')}
        <Field label={t('statusRules.lifecycle.atRiskFrom')} htmlFor="r-l-atRiskFrom" hint={t('statusRules.lifecycle.atRiskFromHint')}>
          <select id="r-l-atRiskFrom" value={value.atRiskFrom} onChange={(e) => onChange({ ...value, atRiskFrom: e.target.value === 'watch' ? 'watch' : 'high' })}>
            <option value="watch">{t('statusRules.lifecycle.atRiskWatch')}</option>
            <option value="high">{t('statusRules.lifecycle.atRiskHigh')}</option>
          </select>
        </Field>
      </div>
    </section>
  );
}

function ChurnCard({ value, onChange, fieldError }: { value: ChurnDraft; onChange: (v: ChurnDraft) => void; fieldError: FieldErrorOf }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="churn-rules-heading">
      <h2 id="churn-rules-heading">{t('statusRules.churn.title')}</h2>
      <p className="hint">{t('statusRules.churn.intro')}</p>
      <div className="form-grid">
        {(['watchGapMultiple', 'highGapMultiple', 'spendDropPercent', 'trendMonths', 'minOwnGaps'] as const).map((key) => (
          <Field key={key} label={t(`statusRules.churn.${key}`)} htmlFor={`r-c-${key}`} error={fieldError(`churn.${key}`)} hint={t(`statusRules.churn.${key}Hint`)}>
            <input id={`r-c-${key}`} inputMode="decimal" value={value[key]} onChange={(e) => onChange({ ...value, [key]: e.target.value })} aria-invalid={!!fieldError(`churn.${key}`)} data-testid={`churn-${key}`} />
          </Field>
        ))}
      </div>
    </section>
  );
}

interface ChurnModelCardProps {
  value: ChurnModelDraft;
  onChange: (v: ChurnModelDraft) => void;
  fieldError: FieldErrorOf;
  model: StoreChurnModel | null;
  onFitNow: () => void;
  fitting: boolean;
  busy: boolean;
  dirty: boolean;
}

function ChurnModelCard({ value, onChange, fieldError, model, onFitNow, fitting, busy, dirty }: ChurnModelCardProps) {
  const { t } = useTranslation();
  const capPath = 'churnModel.highCap';
  const chance = (key: 'watchBelow' | 'highBelow') => {
    const draftKey = key === 'watchBelow' ? 'watchBelowPercent' : 'highBelowPercent';
    return (
      <Field label={t(`churnModel.settings.${key}`)} htmlFor={`r-m-${key}`} error={fieldError(`churnModel.${key}`)} hint={t(`churnModel.settings.${key}Hint`)}>
        <input
          id={`r-m-${key}`}
          inputMode="decimal"
          value={value[draftKey]}
          onChange={(e) => onChange({ ...value, [draftKey]: e.target.value })}
          aria-invalid={!!fieldError(`churnModel.${key}`)}
          data-testid={`churn-model-${key}`}
        />
      </Field>
    );
  };
  return (
    <section className="card" aria-labelledby="churn-model-heading" data-testid="churn-model-card">
      <h2 id="churn-model-heading">{t('churnModel.settings.title')}</h2>
      <p className="hint">{t('churnModel.settings.intro')}</p>
      <div className="churn-model-status">
        <ChurnModelNote t={t} model={model} />
        <button type="button" className="button" onClick={onFitNow} disabled={busy || dirty} data-testid="churn-model-fit">
          {fitting ? t('churnModel.settings.fitting') : t('churnModel.settings.fitNow')}
          <OwnerLockMark action="rules.change" />
        </button>
        {dirty && <span className="hint">{t('churnModel.settings.unsaved')}</span>}
      </div>
      <div className="form-grid">
        {chance('watchBelow')}
        {chance('highBelow')}
        <Field label={t('churnModel.settings.capKind')} htmlFor="r-m-capKind" hint={t('churnModel.settings.capHint')}>
          <select id="r-m-capKind" value={value.capKind} onChange={(e) => onChange({ ...value, capKind: e.target.value === 'count' ? 'count' : 'share' })} data-testid="churn-model-capKind">
            <option value="share">{t('churnModel.settings.capShare')}</option>
            <option value="count">{t('churnModel.settings.capCount')}</option>
          </select>
        </Field>
        {value.capKind === 'share' ? (
          <Field label={t('churnModel.settings.capPercent')} htmlFor="r-m-cap" error={fieldError(capPath)}>
            <input id="r-m-cap" inputMode="decimal" value={value.capPercent} onChange={(e) => onChange({ ...value, capPercent: e.target.value })} aria-invalid={!!fieldError(capPath)} data-testid="churn-model-cap" />
          </Field>
        ) : (
          <Field label={t('churnModel.settings.capCountLabel')} htmlFor="r-m-cap" error={fieldError(capPath)}>
            <input id="r-m-cap" inputMode="numeric" value={value.capCount} onChange={(e) => onChange({ ...value, capCount: e.target.value })} aria-invalid={!!fieldError(capPath)} data-testid="churn-model-cap" />
          </Field>
        )}
      </div>
    </section>
  );
}

// The rewards screen (view): the catalogue the owner keeps, and the form that adds or changes an entry.
import { useId, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import type { Currency } from '../../../shared/domain/money';
import { REWARD_KINDS, validateReward, type Reward, type RewardError } from '../../../shared/domain/rewards';
import { tierName, type TierScheme } from '../../../shared/domain/tiers';
import { Field, FieldError, useFocusFirstInvalid } from '../../ui/FormField';
import { LockIcon } from '../../ui/icons';
import { draftOfReward, FIELD_OF_REWARD_ERROR, newReward, rewardOf, type RewardDraft, type RewardField, type RewardFieldErrors } from './rewardForm';
import { pointsWording, rewardDatesText, rewardErrorText, rewardKindName, rewardTiersText, rewardValueText, type PointsWording } from './pointsText';
import './points.css';

export type RewardSave = (reward: Reward) => RewardError[] | null | Promise<RewardError[] | null>;

export interface RewardsViewProps {
  rewards: readonly Reward[];
  scheme: Pick<TierScheme, 'tiers'>;
  now: Date;
  currency: Currency;
  /** The clerk is at the keyboard: the catalogue is shown, not editable, until the owner unlocks. */
  locked: boolean;
  onUnlock: () => void;
  /** Saves a new or changed reward (validated); gives back the codes it refused it for, or null. */
  onSave: RewardSave;
  /** A new reward's id (a UUID). */
  newId: () => string;
}

/** Where a reward stands today, for its row. */
export function rewardStanding(reward: Reward, now: Date): 'active' | 'withdrawn' | 'not-yet' | 'ended' | 'out-of-stock' {
  const today = format(now, 'yyyy-MM-dd');
  if (!reward.active) return 'withdrawn';
  if (reward.validFrom !== null && today < reward.validFrom) return 'not-yet';
  if (reward.validTo !== null && today > reward.validTo) return 'ended';
  if (reward.kind === 'gift' && reward.stock !== null && reward.stock <= 0) return 'out-of-stock';
  return 'active';
}

export function RewardsView(props: RewardsViewProps) {
  const { t, i18n } = useTranslation();
  const { rewards, scheme, now, currency, locked } = props;
  const w = pointsWording(t, i18n.language, currency);
  const [editing, setEditing] = useState<Reward | null>(null);
  const [savedName, setSavedName] = useState<string | null>(null);
  // Withdrawn rewards last; otherwise by cost, then name, so the list reads the same each time.
  const sorted = [...rewards].sort((a, b) => Number(b.active) - Number(a.active) || a.pointsCost - b.pointsCost || a.name.localeCompare(b.name, w.locale));

  return (
    <section aria-labelledby="rewards-heading" className="points-rewards" data-testid="rewards">
      <div className="screen-header">
        <div className="screen-header-stacked">
          <h1 id="rewards-heading">{t('points.rewards.title')}</h1>
          <p className="muted">{t('points.rewards.intro')}</p>
        </div>
        <div className="points-actions">
          {locked ? (
            <button type="button" className="button button-primary" onClick={props.onUnlock} data-testid="rewards-unlock">
              <LockIcon />
              {t('roles.unlock')}
            </button>
          ) : (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setSavedName(null);
                setEditing(newReward(props.newId()));
              }}
              disabled={editing !== null}
              data-testid="rewards-add"
            >
              {t('points.rewards.add')}
            </button>
          )}
        </div>
      </div>
      {locked && (
        <p className="points-note" role="note">
          {t('points.rewards.locked')}
        </p>
      )}
      {savedName !== null && (
        <p className="points-saved" role="status" data-testid="rewards-saved">
          {t('points.rewards.saved', { name: savedName })}
        </p>
      )}

      {editing && !locked && (
        <RewardForm
          key={editing.id}
          reward={editing}
          isNew={!rewards.some((r) => r.id === editing.id)}
          scheme={scheme}
          currency={currency}
          onSave={async (reward) => {
            const refused = await props.onSave(reward);
            if (!refused || refused.length === 0) {
              setEditing(null);
              setSavedName(reward.name);
            }
            return refused;
          }}
          onCancel={() => setEditing(null)}
        />
      )}

      {sorted.length === 0 ? (
        <p className="card muted" data-testid="rewards-empty">
          {t('points.rewards.empty')}
        </p>
      ) : (
        <div className="points-table-wrap">
          <table className="simple-table points-rewards-table" data-testid="rewards-table">
            <caption className="visually-hidden">{t('points.rewards.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('points.rewards.columns.name')}</th>
                <th scope="col">{t('points.rewards.columns.kind')}</th>
                <th scope="col">{t('points.rewards.columns.cost')}</th>
                <th scope="col">{t('points.rewards.columns.dates')}</th>
                <th scope="col">{t('points.rewards.columns.tiers')}</th>
                <th scope="col">{t('points.rewards.columns.standing')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <RewardRow key={r.id} w={w} reward={r} scheme={scheme} now={now} locked={locked} editing={editing !== null} onEdit={() => setEditing(r)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RewardRow({ w, reward, scheme, now, locked, editing, onEdit }: { w: PointsWording; reward: Reward; scheme: Pick<TierScheme, 'tiers'>; now: Date; locked: boolean; editing: boolean; onEdit: () => void }) {
  const { t } = w;
  const standing = rewardStanding(reward, now);
  return (
    <tr data-reward={reward.id} className={standing === 'active' ? undefined : 'is-off'}>
      <th scope="row">{reward.name}</th>
      <td>
        {rewardKindName(t, reward.kind)}
        <span className="hint points-block">{rewardValueText(w, reward)}</span>
      </td>
      <td className="points-number">{t('points.count', { count: reward.pointsCost })}</td>
      <td>{rewardDatesText(t, reward)}</td>
      <td>{rewardTiersText(w, reward, scheme.tiers)}</td>
      <td>
        <span className={`pill points-standing points-standing-${standing}`}>{t(`points.rewards.standing.${standing}`)}</span>
      </td>
      <td>
        {!locked && (
          <div className="actions">
            <button type="button" className="button" onClick={onEdit} disabled={editing} aria-label={t('points.rewards.editNamed', { name: reward.name })} data-testid={`reward-edit-${reward.id}`}>
              {t('common.edit')}
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}

export interface RewardFormProps {
  reward: Reward;
  isNew: boolean;
  scheme: Pick<TierScheme, 'tiers'>;
  currency: Currency;
  onSave: RewardSave;
  onCancel: () => void;
  /** Codes to show at first (a refused save drawn again). */
  initialErrors?: RewardError[];
}

/** The form of one reward: the fields its kind uses, validateReward's words at each field, what was typed kept on a refused save. */
export function RewardForm({ reward, isNew, scheme, currency, onSave, onCancel, initialErrors = [] }: RewardFormProps) {
  const { t, i18n } = useTranslation();
  const w = pointsWording(t, i18n.language, currency);
  const formId = useId();
  const { register, control, handleSubmit } = useForm<RewardDraft>({ defaultValues: draftOfReward(reward, currency) });
  const kind = useWatch({ control, name: 'kind' });
  const [fieldErrors, setFieldErrors] = useState<RewardFieldErrors>({});
  const [codes, setCodes] = useState<RewardError[]>(initialErrors);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLFormElement>(null);
  const focusFirstInvalid = useFocusFirstInvalid(root);
  const tierIds = scheme.tiers.map((x) => x.id);

  const message = (field: RewardField): string | undefined => {
    const code = fieldErrors[field];
    if (code) return t(`points.fieldErrors.${code}`);
    const refused = codes.find((c) => FIELD_OF_REWARD_ERROR[c] === field);
    return refused ? rewardErrorText(t, refused) : undefined;
  };
  const submit = async (draft: RewardDraft) => {
    setFailed(false);
    const read = rewardOf(draft, reward.id, currency);
    if (!read.ok) {
      setFieldErrors(read.reason);
      setCodes([]);
      focusFirstInvalid();
      return;
    }
    const checked = validateReward(read.value, tierIds);
    setFieldErrors({});
    if (!checked.ok) {
      setCodes(checked.reason);
      focusFirstInvalid();
      return;
    }
    setCodes([]);
    setSaving(true);
    try {
      const refused = await onSave(checked.value);
      if (refused && refused.length > 0) {
        setCodes(refused);
        focusFirstInvalid();
      }
    } catch {
      setFailed(true);
    } finally {
      setSaving(false);
    }
  };
  const id = (field: string) => `${formId}-${field}`;
  const invalid = (field: RewardField) => (message(field) ? true : undefined);

  return (
    <form ref={root} className="card points-reward-form" aria-labelledby={id('heading')} onSubmit={handleSubmit(submit)} noValidate data-testid="reward-form">
      <h2 id={id('heading')}>{isNew ? t('points.rewards.form.newTitle') : t('points.rewards.form.editTitle', { name: reward.name })}</h2>
      {failed && (
        <p className="points-problems" role="alert">
          {t('points.rewards.form.saveFailed')}
        </p>
      )}
      <div className="form-grid">
        <Field label={t('points.rewards.form.name')} htmlFor={id('name')} error={message('name')}>
          <input id={id('name')} {...register('name')} aria-invalid={invalid('name')} data-testid="reward-name" />
        </Field>
        <Field label={t('points.rewards.form.pointsCost')} htmlFor={id('pointsCost')} error={message('pointsCost')}>
          <input id={id('pointsCost')} inputMode="numeric" {...register('pointsCost')} aria-invalid={invalid('pointsCost')} data-testid="reward-pointsCost" />
        </Field>
      </div>
      <fieldset id={id('kind')} className="points-choice">
        <legend>{t('points.rewards.form.kind')}</legend>
        <div className="segmented segmented-wrap">
          {REWARD_KINDS.map((k) => (
            <label key={k} className={kind === k ? 'segment selected' : 'segment'}>
              <input type="radio" value={k} {...register('kind')} data-testid={`reward-kind-${k}`} />
              {rewardKindName(t, k)}
            </label>
          ))}
        </div>
        {message('kind') && <FieldError controlId={id('kind')}>{message('kind')}</FieldError>}
      </fieldset>
      <div className="form-grid">
        {kind === 'gift' && (
          <Field label={t('points.rewards.form.stock')} htmlFor={id('stock')} error={message('stock')} hint={t('points.rewards.form.stockHint')}>
            <input id={id('stock')} inputMode="numeric" {...register('stock')} aria-invalid={invalid('stock')} data-testid="reward-stock" />
          </Field>
        )}
        {kind === 'voucher' && (
          <Field label={t('points.rewards.form.voucher', { currency })} htmlFor={id('voucher')} error={message('voucher')}>
            <input id={id('voucher')} inputMode="decimal" {...register('voucher')} aria-invalid={invalid('voucher')} data-testid="reward-voucher" />
          </Field>
        )}
        {kind === 'percent-off' && (
          <Field label={t('points.rewards.form.percentOff')} htmlFor={id('percentOff')} error={message('percentOff')}>
            <input id={id('percentOff')} inputMode="numeric" {...register('percentOff')} aria-invalid={invalid('percentOff')} data-testid="reward-percentOff" />
          </Field>
        )}
        {kind === 'free-service' && <p className="hint points-kind-hint">{t('points.rewards.form.freeServiceHint')}</p>}
      </div>
      <div className="form-grid">
        <Field label={t('points.rewards.form.validFrom')} htmlFor={id('validFrom')} error={message('validFrom')} hint={t('points.rewards.form.openHint')}>
          <input id={id('validFrom')} type="date" {...register('validFrom')} aria-invalid={invalid('validFrom')} data-testid="reward-validFrom" />
        </Field>
        <Field label={t('points.rewards.form.validTo')} htmlFor={id('validTo')} error={message('validTo')} hint={t('points.rewards.form.openHint')}>
          <input id={id('validTo')} type="date" {...register('validTo')} aria-invalid={invalid('validTo')} data-testid="reward-validTo" />
        </Field>
      </div>
      <fieldset id={id('tiers')} className="points-choice">
        <legend>{t('points.rewards.form.tiers')}</legend>
        <p className="hint">{t('points.rewards.form.tiersHint')}</p>
        <div className="points-checks">
          {scheme.tiers.map((tier) => (
            <label key={tier.id} className="points-check">
              <input type="checkbox" value={tier.id} {...register('tiersAllowed')} data-testid={`reward-tier-${tier.id}`} />
              {tierName(tier, w.locale)}
            </label>
          ))}
        </div>
        {message('tiersAllowed') && <FieldError controlId={id('tiers')}>{message('tiersAllowed')}</FieldError>}
      </fieldset>
      <label className="points-check">
        <input type="checkbox" {...register('active')} data-testid="reward-active" />
        {t('points.rewards.form.active')}
      </label>
      <p className="hint">{t('points.rewards.form.activeHint')}</p>
      <div className="points-form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={saving} data-testid="reward-save">
          {t('points.rewards.form.save')}
        </button>
      </div>
    </form>
  );
}

// A complaint's detail: what was said, its steps, the moves legal in its state (no others are offered), the form a
// move needs (who, a note; the resolution and compensation when resolving), and the satisfaction question once
// resolved. ComplaintDetailDialog reads the database and saves; ComplaintDetailView takes props.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asksSatisfaction, isOverdue, legalMoves } from '../../../shared/domain/complaint';
import type { ComplaintState } from '../../../shared/domain/complaintRecords';
import { parseMoney } from '../../../shared/domain/money';
import { complaints } from '../../db';
import { useComplaintDetail, type ComplaintDetailData } from '../../db/complaintHooks';
import type { MoveRequest } from '../../db/complaints';
import { formatDateTime } from '../../i18n';
import { useClock } from '../../platform/clock';
import { useOwnerGate } from '../../session/ownerGate';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/FormField';
import { routeHref } from '../../ui/routes';
import { useMoney } from '../../ui/useMoney';
import { failureText, stateText } from './complaintText';
import { lastClerk, rememberClerk } from './lastClerk';

export function ComplaintDetailDialog({ id, onClose, onSaid }: { id: string; onClose: () => void; onSaid: (text: string) => void }) {
  const { t } = useTranslation();
  const data = useComplaintDetail(id);
  const gate = useOwnerGate();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (fn: () => Promise<unknown>, said: string | null) => {
    setFailure(null);
    setBusy(true);
    try {
      await fn();
      if (said) onSaid(said);
      return true;
    } catch (error) {
      console.error(error);
      setFailure(failureText(t, error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const onMove = (request: MoveRequest): Promise<boolean> => {
    const save = () => attempt(() => complaints.move(id, request), t('complaints.moveForm.saved', { state: stateText(t, request.to) }));
    // Points are given by the owner's adjustment: the PIN is asked first when the clerk is at the keyboard.
    if ((request.compensation?.points ?? 0) > 0) return new Promise((resolve) => gate.run('points.adjust', () => void save().then(resolve)));
    return save();
  };

  return (
    <Dialog title={t('complaints.detail.title', { name: data?.customer?.name ?? '' })} onClose={onClose} wide testId="complaint-detail">
      {data === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : data === null ? (
        <p className="banner banner-error">{t('complaints.refusal.complaint-not-found')}</p>
      ) : (
        <ComplaintDetailView
          data={data}
          busy={busy}
          failure={failure}
          onMove={onMove}
          onSatisfaction={(satisfied) => void attempt(() => complaints.recordSatisfaction(id, satisfied), null)}
        />
      )}
    </Dialog>
  );
}

interface ViewProps {
  data: ComplaintDetailData;
  busy: boolean;
  failure: string | null;
  /** Resolves true when saved. */
  onMove: (request: MoveRequest) => Promise<boolean>;
  onSatisfaction: (satisfied: boolean) => void;
}

export function ComplaintDetailView({ data, busy, failure, onMove, onSatisfaction }: ViewProps) {
  const { t } = useTranslation();
  const clock = useClock();
  const money = useMoney();
  const { complaint: c, customer, purchase, rewards } = data;
  const [moving, setMoving] = useState<ComplaintState | null>(null);
  const late = isOverdue(c, clock());
  const moves = legalMoves(c.state);
  const rewardName = (id: string) => rewards.find((r) => r.id === id)?.name ?? id;
  const comp = c.compensation;
  const hasComp = comp.points > 0 || comp.rewardId !== null || comp.refundFen > 0;

  return (
    <div className="complaint-detail" data-state={c.state}>
      {failure && (
        <p className="banner banner-error" role="alert" data-testid="complaint-failure">
          {failure}
        </p>
      )}
      <div className="complaint-detail-head">
        <span className={`complaint-state ${c.state}`} data-testid="complaint-state">
          {stateText(t, c.state)}
        </span>
        <span>{t(`complaints.category.${c.category}`)}</span>
        <span className={`complaint-severity ${c.severity}`}>{t(`complaints.severity.${c.severity}`)}</span>
        <span className={late ? 'complaint-due overdue' : 'complaint-due'} data-testid="complaint-due">
          {t('complaints.detail.due', { due: formatDateTime(c.dueAt) })}
          {late && <span className="complaint-overdue">{t('complaints.list.overdue')}</span>}
        </span>
        {customer && (
          <a href={routeHref({ name: 'customer', id: customer.id })} className="complaint-customer-link">
            {t('complaints.detail.customerLink')}
          </a>
        )}
      </div>
      {purchase && <p className="muted">{t('complaints.detail.purchase', { date: formatDateTime(purchase.purchasedAt), amount: money.format(purchase.totalFen) })}</p>}
      {c.surveyAnswerId && <p className="muted">{t('complaints.detail.fromAnswer')}</p>}
      <h3>{t('complaints.detail.said')}</h3>
      <p className="complaint-said" data-testid="complaint-said-text">
        {c.said}
      </p>
      <p className="hint">{t('complaints.detail.received', { at: formatDateTime(c.receivedAt), by: c.receivedBy })}</p>

      {c.resolution !== '' && (
        <>
          <h3>{t('complaints.detail.resolution')}</h3>
          <p className="complaint-resolution" data-testid="complaint-resolution">
            {c.resolution}
          </p>
        </>
      )}
      {(c.resolvedAt !== null || hasComp) && (
        <>
          <h3>{t('complaints.detail.compensation')}</h3>
          <ul className="complaint-compensation" data-testid="complaint-compensation">
            {!hasComp && <li>{t('complaints.detail.compNone')}</li>}
            {comp.points > 0 && <li>{t('complaints.detail.compPoints', { points: comp.points })}</li>}
            {comp.rewardId !== null && <li>{t('complaints.detail.compReward', { name: rewardName(comp.rewardId) })}</li>}
            {comp.refundFen > 0 && <li>{t('complaints.detail.compRefund', { amount: money.format(comp.refundFen) })}</li>}
          </ul>
        </>
      )}

      {asksSatisfaction(c.state) && (
        <div className="complaint-satisfaction" role="group" aria-label={t('complaints.detail.satisfaction')} data-testid="complaint-satisfaction">
          <span>{t('complaints.detail.satisfaction')}</span>
          <button type="button" className={c.handlingSatisfied === true ? 'chip selected' : 'chip'} aria-pressed={c.handlingSatisfied === true} disabled={busy} onClick={() => onSatisfaction(true)} data-testid="complaint-satisfied">
            {t('complaints.detail.satisfied')}
          </button>
          <button type="button" className={c.handlingSatisfied === false ? 'chip selected' : 'chip'} aria-pressed={c.handlingSatisfied === false} disabled={busy} onClick={() => onSatisfaction(false)} data-testid="complaint-not-satisfied">
            {t('complaints.detail.notSatisfied')}
          </button>
          <span className="hint" data-testid="complaint-satisfaction-answer">
            {c.handlingSatisfied === null ? t('complaints.detail.notAsked') : t(c.handlingSatisfied ? 'complaints.detail.answeredYes' : 'complaints.detail.answeredNo')}
          </span>
        </div>
      )}

      <h3>{t('complaints.detail.next')}</h3>
      {moving === null ? (
        <div className="complaint-moves" data-testid="complaint-moves">
          {moves.map((to) => (
            <button key={to} type="button" className={to === 'reopened' ? 'button' : 'button button-primary'} disabled={busy} onClick={() => setMoving(to)} data-testid={`complaint-move-${to}`}>
              {t(`complaints.move.${to}`)}
            </button>
          ))}
        </div>
      ) : (
        <MoveForm
          to={moving}
          rewards={rewards.filter((r) => r.active)}
          busy={busy}
          currency={money.currency}
          onCancel={() => setMoving(null)}
          onSave={async (request) => {
            if (await onMove(request)) setMoving(null);
          }}
        />
      )}

      <h3>{t('complaints.detail.steps')}</h3>
      <ol className="complaint-steps" data-testid="complaint-steps">
        {c.steps.map((s, i) => (
          <li key={i} data-testid="complaint-step" data-to={s.to}>
            <strong>{t('complaints.detail.step', { to: stateText(t, s.to) })}</strong> <span className="hint">{t('complaints.detail.stepMeta', { at: formatDateTime(s.at), by: s.by })}</span>
            {s.note && <p className="complaint-step-note">{s.note}</p>}
          </li>
        ))}
      </ol>
    </div>
  );
}

interface MoveFormProps {
  to: ComplaintState;
  rewards: ComplaintDetailData['rewards'];
  busy: boolean;
  currency: Parameters<typeof parseMoney>[1];
  onCancel: () => void;
  onSave: (request: MoveRequest) => Promise<void>;
}

function MoveForm({ to, rewards, busy, currency, onCancel, onSave }: MoveFormProps) {
  const { t } = useTranslation();
  const [by, setBy] = useState(lastClerk);
  const [note, setNote] = useState('');
  const [resolution, setResolution] = useState('');
  const [points, setPoints] = useState('');
  const [rewardId, setRewardId] = useState('');
  const [refund, setRefund] = useState('');
  const [error, setError] = useState<string | null>(null);
  const resolving = to === 'resolved';

  const submit = async () => {
    setError(null);
    let compensation: MoveRequest['compensation'];
    if (resolving) {
      const p = points.trim() === '' ? 0 : Number(points.trim());
      const r = refund.trim() === '' ? { ok: true as const, value: 0 } : parseMoney(refund, currency);
      if (!Number.isSafeInteger(p) || p < 0 || !r.ok || r.value < 0) {
        setError(t('complaints.refusal.compensation-invalid'));
        return;
      }
      compensation = { points: p, rewardId: rewardId || null, refundFen: r.value, pointsReason: t('complaints.moveForm.pointsReason') };
    }
    rememberClerk(by);
    await onSave({ to, by, note, ...(resolving ? { resolution, compensation } : {}) });
  };

  return (
    <form
      className="complaint-move-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="complaint-move-form"
      data-to={to}
    >
      <h4>{t('complaints.moveForm.title', { move: t(`complaints.move.${to}`) })}</h4>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      {resolving && (
        <Field label={t('complaints.moveForm.resolution')} htmlFor="complaint-resolution" wide>
          <textarea id="complaint-resolution" rows={2} value={resolution} onChange={(e) => setResolution(e.target.value)} data-testid="complaint-resolution-input" />
        </Field>
      )}
      {resolving && (
        <fieldset className="complaint-compensation-fields">
          <legend>{t('complaints.moveForm.compensation')}</legend>
          <Field label={t('complaints.moveForm.points')} htmlFor="complaint-points" hint={t('complaints.moveForm.pointsOwner')}>
            <input id="complaint-points" type="text" inputMode="numeric" value={points} onChange={(e) => setPoints(e.target.value)} data-testid="complaint-points" />
          </Field>
          <Field label={t('complaints.moveForm.reward')} htmlFor="complaint-reward">
            <select id="complaint-reward" value={rewardId} onChange={(e) => setRewardId(e.target.value)} data-testid="complaint-reward">
              <option value="">{t('complaints.moveForm.noReward')}</option>
              {rewards.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('complaints.moveForm.refund', { currency })} htmlFor="complaint-refund">
            <input id="complaint-refund" type="text" inputMode="decimal" value={refund} onChange={(e) => setRefund(e.target.value)} data-testid="complaint-refund" />
          </Field>
        </fieldset>
      )}
      <div className="complaint-fields-row">
        <Field label={t('complaints.moveForm.by')} htmlFor="complaint-by">
          <input id="complaint-by" type="text" value={by} onChange={(e) => setBy(e.target.value)} data-testid="complaint-by" />
        </Field>
        <Field label={t('complaints.moveForm.note')} htmlFor="complaint-note">
          <input id="complaint-note" type="text" value={note} onChange={(e) => setNote(e.target.value)} data-testid="complaint-note" />
        </Field>
      </div>
      <div className="complaint-move-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('complaints.moveForm.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={busy} data-testid="complaint-move-save">
          {t('complaints.moveForm.save')}
        </button>
      </div>
    </form>
  );
}

// One customer's purchases, contacts, points entries, survey answers and complaints, newest first, filterable by kind, fifty at a time, each with its actions.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseISO } from 'date-fns';
import { isFollowUpDue, type Interaction } from '../../../shared/domain/interaction';
import type { PointsEntry } from '../../../shared/domain/pointsLedger';
import { isReturn, type Purchase } from '../../../shared/domain/purchase';
import type { PurchaseRowPoints, TimelineEntry } from '../../../shared/domain/timeline';
import type { SurveyAnswer } from '../../../shared/domain/surveyRecords';
import { interactions } from '../../db';
import { useTimelinePage } from '../../db/hooks';
import { TIMELINE_FILTERS, TIMELINE_PAGE, type ReturnState, type TimelineFilter, type TimelinePage } from '../../db/timelinePage';
import { formatDateTime, formatLongDate } from '../../i18n';
import { localToday } from '../contacts/contactForm';
import { useMoney, type MoneyFormat } from '../../ui/useMoney';
import { ActionMenu, type MenuItem } from './ActionMenu';
import { ChannelIcon, CheckIcon, PointsIcon, PurchaseIcon, ReturnIcon } from '../../ui/icons';
import { useClock } from '../../platform/clock';
import { assertNever } from '../../../shared/result';
import { entryCauseText, entryKindName, lastValidDay, pointsWording, signedPoints, type PointsWording } from '../points/pointsText';
import { SurveyTimelineEntry } from '../surveys/SurveyTimelineEntry';
import { ComplaintTimelineEntry } from '../complaints/ComplaintTimelineEntry';
import './timelinePoints.css';

export type TimelineAction =
  | { type: 'editPurchase'; purchase: Purchase }
  | { type: 'returnPurchase'; purchase: Purchase }
  | { type: 'voidPurchase'; purchase: Purchase }
  | { type: 'complainPurchase'; purchase: Purchase }
  | { type: 'editContact'; interaction: Interaction }
  | { type: 'deleteContact'; interaction: Interaction };

interface Props {
  customerId: string;
  /** A customer in the trash: shown, not changed. */
  readOnly: boolean;
  /** The entry just saved, briefly highlighted. */
  highlightId: string | null;
  onAction: (action: TimelineAction) => void;
}

export const TIMELINE_LIST_ID = 'timeline-list';

export function CustomerTimeline({ customerId, readOnly, highlightId, onAction }: Props) {
  const clock = useClock();
  const { t } = useTranslation();
  const money = useMoney();
  const [filter, setFilter] = useState<TimelineFilter>('all');
  const [limit, setLimit] = useState(TIMELINE_PAGE);
  const page = useTimelinePage(customerId, filter, limit);
  const today = localToday(clock());

  return (
    <section className="card timeline" aria-labelledby="timeline-heading" data-testid="timeline">
      <header className="timeline-header">
        <h2 id="timeline-heading">{t('timeline.title')}</h2>
        <div className="segmented segmented-small" role="radiogroup" aria-label={t('timeline.filterLabel')}>
          {TIMELINE_FILTERS.map((f) => (
            <label key={f} className={filter === f ? 'segment selected' : 'segment'}>
              <input
                type="radio"
                name="timeline-filter"
                value={f}
                checked={filter === f}
                onChange={() => {
                  setFilter(f);
                  setLimit(TIMELINE_PAGE);
                }}
                data-testid={`timeline-filter-${f}`}
              />
              {t(`timeline.filters.${f}`)}
            </label>
          ))}
        </div>
      </header>
      {page === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : page.entries.length === 0 ? (
        <p className="timeline-empty muted" data-testid="timeline-empty">
          {t(`timeline.emptyFor.${filter}`)}
        </p>
      ) : (
        <ol className="tl-list" id={TIMELINE_LIST_ID} tabIndex={-1} aria-label={t('timeline.title')}>
          {page.entries.map((entry) => (
            <Entry
              key={`${entry.kind}-${entry.id}`}
              entry={entry}
              page={page}
              today={today}
              money={money}
              readOnly={readOnly}
              highlight={entry.id === highlightId}
              onAction={onAction}
            />
          ))}
        </ol>
      )}
      {page?.hasMore && (
        <div className="timeline-more">
          <button type="button" className="button" onClick={() => setLimit((n) => n + TIMELINE_PAGE)} data-testid="timeline-more">
            {t('timeline.showMore', { count: TIMELINE_PAGE })}
          </button>
        </div>
      )}
    </section>
  );
}

interface EntryProps {
  entry: TimelineEntry;
  page: Pick<TimelinePage, 'originals' | 'returns' | 'purchasePoints' | 'pointsNames'>;
  today: string;
  money: MoneyFormat;
  readOnly: boolean;
  highlight: boolean;
  onAction: (action: TimelineAction) => void;
}

function Entry({ entry, page, today, money, readOnly, highlight, onAction }: EntryProps) {
  const { t, i18n } = useTranslation();
  const w = pointsWording(t, i18n.language, money.currency);
  switch (entry.kind) {
    case 'purchase':
      return (
        <PurchaseEntry
          purchase={entry.purchase}
          original={entry.purchase.returnOf ? (page.originals.get(entry.purchase.returnOf) ?? null) : null}
          returns={page.returns.get(entry.purchase.id) ?? null}
          points={page.purchasePoints.get(entry.purchase.id) ?? null}
          wording={w}
          money={money}
          readOnly={readOnly}
          highlight={highlight}
          onAction={onAction}
        />
      );
    case 'interaction':
      return <ContactEntry interaction={entry.interaction} today={today} readOnly={readOnly} highlight={highlight} onAction={onAction} />;
    case 'points':
      return <PointsEntryRow entry={entry.entry} names={page.pointsNames} wording={w} />;
    case 'survey':
      return <SurveyEntry answer={entry.answer} highlight={highlight} />;
    case 'complaint':
      return <ComplaintTimelineEntry complaint={entry.complaint} />;
    default:
      return assertNever(entry, 'timeline entry');
  }
}

/** A ledger entry in words: its kind, what caused it, its points with their sign, and how long credited points last. */
function PointsEntryRow({ entry: e, names, wording: w }: { entry: PointsEntry; names: TimelinePage['pointsNames']; wording: PointsWording }) {
  const { t } = w;
  const cause = entryCauseText(w, e, names, (id) => names.batches.get(id));
  return (
    <li className="tl-item tl-points" id={`entry-${e.id}`} tabIndex={-1} data-testid="timeline-entry" data-kind="points" data-points-kind={e.kind}>
      <span className="tl-icon" aria-hidden="true">
        <PointsIcon />
      </span>
      <div className="tl-main">
        <div className="tl-head">
          <span className="tl-kind">{t('pointsViews.timeline.kind', { kind: entryKindName(t, e.kind) })}</span>
          <time dateTime={e.createdAt} className="tl-time">
            {formatDateTime(e.createdAt)}
          </time>
        </div>
        <p className="tl-body" data-testid="entry-points-cause">
          {cause}
        </p>
        {e.points > 0 && e.expiresAt !== null && <p className="tl-meta">{t('points.customer.validThrough', { date: lastValidDay(e.expiresAt) })}</p>}
      </div>
      <div className="tl-side">
        <span className={e.points < 0 ? 'tl-amount num negative' : 'tl-amount num positive'} data-testid="entry-points">
          {t('pointsViews.timeline.points', { points: signedPoints(w.locale, e.points) })}
        </span>
      </div>
    </li>
  );
}

function SurveyEntry({ answer, highlight }: { answer: SurveyAnswer; highlight: boolean }) {
  return <SurveyTimelineEntry answer={answer} flash={useFlash(highlight)} />;
}

function useFlash(highlight: boolean): boolean {
  // The highlight class stays for one animation; the entry then looks like the others.
  const [on, setOn] = useState(highlight);
  useEffect(() => {
    if (!highlight) return;
    setOn(true);
    const timer = window.setTimeout(() => setOn(false), 2200);
    return () => window.clearTimeout(timer);
  }, [highlight]);
  return on;
}

function itemsSummary(p: Purchase, separator: string): string {
  return p.lines.map((l) => (Math.abs(l.quantity) === 1 ? l.product : `${l.product} ×${Math.abs(l.quantity)}`)).join(separator);
}

interface PurchaseEntryProps {
  purchase: Purchase;
  original: Purchase | null;
  returns: ReturnState | null;
  /** The purchase's own points (earned, paid with points), told on its row. */
  points: PurchaseRowPoints | null;
  wording: PointsWording;
  money: MoneyFormat;
  readOnly: boolean;
  highlight: boolean;
  onAction: (action: TimelineAction) => void;
}

function PurchaseEntry({ purchase: p, original, returns, points, wording, money, readOnly, highlight, onAction }: PurchaseEntryProps) {
  const { t } = useTranslation();
  const flash = useFlash(highlight);
  const voided = p.isVoided === 1;
  const aReturn = isReturn(p);
  const returnable = !aReturn && !voided && p.totalFen > 0 ? p.totalFen - (returns?.returnedFen ?? 0) : 0;
  const items = itemsSummary(p, t('timeline.itemSeparator'));

  const menu: MenuItem[] = [];
  if (!voided && !readOnly) {
    if (returnable > 0) menu.push({ key: 'return', label: t('timeline.actions.return'), onSelect: () => onAction({ type: 'returnPurchase', purchase: p }), testId: 'entry-return' });
    menu.push({ key: 'complain', label: t('complaints.customer.complainPurchase'), onSelect: () => onAction({ type: 'complainPurchase', purchase: p }), testId: 'entry-complain' });
    menu.push({ key: 'void', label: t('timeline.actions.void'), danger: true, onSelect: () => onAction({ type: 'voidPurchase', purchase: p }), testId: 'entry-void' });
  }

  const className = ['tl-item', aReturn ? 'tl-return' : 'tl-purchase', voided && 'is-voided', flash && 'tl-flash'].filter(Boolean).join(' ');
  return (
    <li className={className} id={`entry-${p.id}`} tabIndex={-1} data-testid="timeline-entry" data-kind={aReturn ? 'return' : 'purchase'} data-voided={voided ? 'true' : undefined}>
      <span className="tl-icon" aria-hidden="true">
        {aReturn ? <ReturnIcon /> : <PurchaseIcon />}
      </span>
      <div className="tl-main">
        <div className="tl-head">
          <span className="tl-kind">{aReturn ? t('timeline.kinds.return') : t('timeline.kinds.purchase')}</span>
          <time dateTime={p.purchasedAt} className="tl-time">
            {formatDateTime(p.purchasedAt)}
          </time>
          {voided && <span className="pill pill-danger">{t('timeline.badges.voided')}</span>}
          {returns && returns.returnedFen > 0 && (
            <span className="pill pill-warning" data-testid="entry-returned">
              {returns.returnedFen >= p.totalFen ? t('timeline.badges.fullyReturned') : t('timeline.badges.returned', { amount: money.format(returns.returnedFen) })}
            </span>
          )}
        </div>
        {items && (
          <p className="tl-body tl-items" title={items}>
            {items}
          </p>
        )}
        {p.returnOf !== null && (
          <p className="tl-meta">
            {original ? (
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  const el = document.getElementById(`entry-${original.id}`);
                  el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
                  el?.focus({ preventScroll: true });
                }}
                data-testid="entry-original-link"
              >
                {t('timeline.returnOf', { date: formatDateTime(original.purchasedAt), total: money.format(original.totalFen) })}
              </button>
            ) : (
              t('timeline.returnOfUnknown')
            )}
          </p>
        )}
        {(p.discountFen !== 0 || p.paymentNote) && (
          <p className="tl-meta">
            {p.discountFen !== 0 && <span>{t('timeline.discount', { amount: money.format(Math.abs(p.discountFen)) })}</span>}
            {p.paymentNote && <span className="tl-chip">{p.paymentNote}</span>}
          </p>
        )}
        {points && (
          <p className="tl-meta tl-purchase-points" data-testid="entry-purchase-points">
            {points.earned !== 0 && <span className="tl-points-earned">{t('pointsViews.timeline.earned', { points: signedPoints(wording.locale, points.earned) })}</span>}
            {points.spent !== 0 && <span className="tl-points-spent">{t('pointsViews.timeline.spent', { points: signedPoints(wording.locale, -points.spent) })}</span>}
          </p>
        )}
        {p.note && <p className="tl-note">{p.note}</p>}
        {voided && (
          <p className="tl-void-reason" data-testid="entry-void-reason">
            {t('timeline.voidedBecause', { date: formatDateTime(p.voidedAt ?? p.updatedAt), reason: p.voidReason })}
          </p>
        )}
      </div>
      <div className="tl-side">
        <span className={aReturn ? 'tl-amount num negative' : 'tl-amount num'} data-testid="entry-amount">
          {money.format(p.totalFen)}
        </span>
        <div className="tl-actions">
          {!readOnly && !voided && (
            <>
              <button type="button" className="button button-small" onClick={() => onAction({ type: 'editPurchase', purchase: p })} data-testid="entry-edit">
                {t('common.edit')}
              </button>
              <ActionMenu label={t('timeline.actions.more')} items={menu} testId="entry-menu" />
            </>
          )}
        </div>
      </div>
    </li>
  );
}

interface ContactEntryProps {
  interaction: Interaction;
  today: string;
  readOnly: boolean;
  highlight: boolean;
  onAction: (action: TimelineAction) => void;
}

function FollowUpBadge({ i, today }: { i: Interaction; today: string }) {
  const { t } = useTranslation();
  if (i.followUpDate === null) return null;
  const date = formatLongDate(parseISO(i.followUpDate));
  if (i.followUpDone) return <span className="pill pill-quiet" data-testid="entry-follow-up">{t('timeline.followUp.done', { date })}</span>;
  if (i.followUpDate < today) return <span className="pill pill-danger" data-testid="entry-follow-up">{t('timeline.followUp.overdue', { date })}</span>;
  if (isFollowUpDue(i, today)) return <span className="pill pill-warning" data-testid="entry-follow-up">{t('timeline.followUp.today')}</span>;
  return <span className="pill pill-info" data-testid="entry-follow-up">{t('timeline.followUp.planned', { date })}</span>;
}

function ContactEntry({ interaction: i, today, readOnly, highlight, onAction }: ContactEntryProps) {
  const { t } = useTranslation();
  const flash = useFlash(highlight);
  const [busy, setBusy] = useState(false);
  const open = i.followUpDate !== null && !i.followUpDone;

  const setDone = async (done: boolean) => {
    setBusy(true);
    try {
      await interactions.markFollowUpDone(i.id, done);
    } finally {
      setBusy(false);
    }
    // The button that was pressed is gone; keep the keyboard on this entry.
    requestAnimationFrame(() => document.getElementById(`entry-${i.id}`)?.focus());
  };

  const menu: MenuItem[] = [];
  if (!readOnly) {
    if (i.followUpDate !== null && i.followUpDone) menu.push({ key: 'reopen', label: t('timeline.actions.reopenFollowUp'), onSelect: () => void setDone(false), testId: 'entry-reopen' });
    menu.push({ key: 'delete', label: t('timeline.actions.delete'), danger: true, onSelect: () => onAction({ type: 'deleteContact', interaction: i }), testId: 'entry-delete' });
  }

  const className = ['tl-item', 'tl-contact', open && isFollowUpDue(i, today) && 'is-due', flash && 'tl-flash'].filter(Boolean).join(' ');
  return (
    <li className={className} id={`entry-${i.id}`} tabIndex={-1} data-testid="timeline-entry" data-kind="contact">
      <span className="tl-icon" aria-hidden="true">
        <ChannelIcon channel={i.channel} />
      </span>
      <div className="tl-main">
        <div className="tl-head">
          <span className="tl-kind">
            {t(`contact.channels.${i.channel}`)}
            <span className="tl-direction">{t(`contact.directionsShort.${i.direction}`)}</span>
          </span>
          <time dateTime={i.at} className="tl-time">
            {formatDateTime(i.at)}
          </time>
          <FollowUpBadge i={i} today={today} />
          {open && !readOnly && (
            <button type="button" className="button button-small tl-follow-up-done" disabled={busy} onClick={() => void setDone(true)} data-testid="entry-follow-up-done">
              <CheckIcon size={13} />
              {t('timeline.actions.followUpDone')}
            </button>
          )}
        </div>
        <p className="tl-body tl-summary">{i.summary}</p>
        {i.outcome && (
          <p className="tl-meta tl-outcome">
            <span className="tl-label">{t('contact.fields.outcome')}</span>
            {t('common.colon')}
            {i.outcome}
          </p>
        )}
      </div>
      <div className="tl-side">
        <div className="tl-actions">
          {!readOnly && (
            <>
              <button type="button" className="button button-small" onClick={() => onAction({ type: 'editContact', interaction: i })} data-testid="entry-edit">
                {t('common.edit')}
              </button>
              <ActionMenu label={t('timeline.actions.more')} items={menu} testId="entry-menu" />
            </>
          )}
        </div>
      </div>
    </li>
  );
}

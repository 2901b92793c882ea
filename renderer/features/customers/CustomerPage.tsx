// One customer's page: the figures, the actions (record a purchase or a contact), the timeline and the profile.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Interaction } from '../../../shared/domain/interaction';
import { isReturn, type Purchase } from '../../../shared/domain/purchase';
import { nextReviewDate } from '../../../shared/domain/tiers';
import { customers, interactions } from '../../db';
import { useBookkeeping, useCustomer, useSettings, useTierHistory } from '../../db/hooks';
import { formatDateTime } from '../../i18n';
import { ConfirmDialog } from '../../ui/Dialog';
import { useUiStore } from '../../stores/ui';
import { navigate, routeHref } from '../../ui/routes';
import { ContactDialog, type ContactDialogRequest } from '../contacts/ContactDialog';
import { GreetingDialog } from '../greetings/GreetingPanel';
import { suggestedOccasion, type GreetingOccasion } from '../../../shared/domain/greetings';
import { useClock } from '../../platform/clock';
import { PurchaseDialog, type PurchaseDialogRequest, type PurchaseSaved } from '../purchases/PurchaseDialog';
import { useMoney } from '../../ui/useMoney';
import { VoidPurchaseDialog } from '../purchases/VoidPurchaseDialog';
import { CustomerFigures } from '../timeline/CustomerFigures';
import { CustomerDataExport } from './CustomerDataExport';
import { EraseCustomer } from './EraseCustomer';
import { CustomerTimeline, TIMELINE_LIST_ID, type TimelineAction } from '../timeline/CustomerTimeline';
import { ChannelIcon, PurchaseIcon } from '../../ui/icons';
import { Toast, type ToastMessage } from '../../ui/Toast';
import { useStatusWording } from '../status/useStatusWording';
import { backToList } from './listNavigation';
import { ConsentPanel } from './ConsentPanel';
import { CustomerPoints } from './CustomerPoints';
import { CustomerProfile } from './CustomerProfile';
import { ComplaintDialog } from '../complaints/ComplaintDialog';
import { CustomerComplaints } from '../complaints/CustomerComplaints';
import { CustomerStatusCard, TierHistoryCard } from './CustomerStatus';
import { TagList } from './TagList';
import { CustomerSurveys } from '../surveys/CustomerSurveys';
import { SurveyPrompt } from '../surveys/SurveyPrompt';

type ActiveDialog =
  | { type: 'purchase'; request: PurchaseDialogRequest }
  | { type: 'void'; purchase: Purchase }
  | { type: 'contact'; request: ContactDialogRequest }
  | { type: 'deleteContact'; interaction: Interaction }
  | { type: 'greeting'; occasion: GreetingOccasion }
  | { type: 'complaint'; purchaseId: string | null }
  | { type: 'trash' };

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
export const RECORD_PURCHASE_SHORTCUT = isMac ? '⌘⇧P' : 'Ctrl+Shift+P';

export function CustomerPage({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const clock = useClock();
  const customer = useCustomer(customerId);
  const settings = useSettings();
  const bookkeeping = useBookkeeping();
  const region = settings?.defaultRegion ?? 'CN';
  const money = useMoney();
  const wording = useStatusWording();
  const tierHistory = useTierHistory(customerId);
  const tierSince = useMemo(() => (customer ? (tierHistory?.find((h) => h.to === customer.tierId)?.at ?? null) : null), [tierHistory, customer]);
  // Only tiers by thresholds wait for a review; before the first one, the review is due now and has no date.
  const lastReview = bookkeeping?.lastTierReviewAt ?? null;
  const nextReviewDay = settings && settings.status.grouping === 'tiers' && lastReview !== null ? nextReviewDate(lastReview, settings.status.scheme.reviewEveryMonths) : null;
  const [dialog, setDialog] = useState<ActiveDialog | null>(null);
  const [highlightId, setHighlightId] = useState<string | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  // The purchase just recorded (and whose), for the offer to ask for a survey about it.
  const [surveyAfter, setSurveyAfter] = useState<{ customerId: string; purchaseId: string } | null>(null);
  // Stable, so an open dialog keeps its focus while the page re-renders under it.
  const closeDialog = useCallback(() => setDialog(null), []);
  const clearToast = useCallback(() => setToast(null), []);
  // Each message its own id, so the same text twice shows twice.
  const toastCount = useRef(0);
  const say = (text: string) => setToast({ id: ++toastCount.current, text });
  const canRecord = !!customer && customer.isDeleted === 0;
  const listReturn = useUiStore((s) => s.listReturn);
  const nameRef = useRef<HTMLHeadingElement>(null);
  const loaded = !!customer;

  // However the page was opened (a row, Enter in the search, a link, the quick look), the keyboard and a
  // screen reader land on the name: the page changed. Once per page, not on every update of the record.
  useEffect(() => {
    if (loaded) nameRef.current?.focus();
  }, [loaded]);

  useEffect(() => {
    // The highlight of a just-saved entry is for the moment it appears, not for later re-renders.
    if (!highlightId) return;
    const timer = window.setTimeout(() => setHighlightId(null), 2500);
    return () => window.clearTimeout(timer);
  }, [highlightId]);

  useEffect(() => {
    if (!canRecord) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'p' && !document.querySelector('[role="dialog"]')) {
        e.preventDefault();
        setDialog({ type: 'purchase', request: { mode: 'new', customerId } });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canRecord, customerId]);

  if (customer === undefined) return <div className="loading" aria-busy="true" />;
  if (customer === null) {
    return (
      <div className="empty-state">
        <p>{t('customer.notFound')}</p>
        <button type="button" className="button" onClick={() => navigate({ name: 'customers' })}>
          {t('customer.backToList')}
        </button>
      </div>
    );
  }

  const moveToTrash = async () => {
    setDialog(null);
    await customers.moveToTrash(customer.id);
    navigate({ name: 'customers' });
  };

  const onTimelineAction = (action: TimelineAction) => {
    switch (action.type) {
      case 'editPurchase':
        return setDialog({ type: 'purchase', request: { mode: 'edit', purchaseId: action.purchase.id } });
      case 'returnPurchase':
        return setDialog({ type: 'purchase', request: { mode: 'return', originalId: action.purchase.id } });
      case 'voidPurchase':
        return setDialog({ type: 'void', purchase: action.purchase });
      case 'editContact':
        return setDialog({ type: 'contact', request: { mode: 'edit', interaction: action.interaction } });
      case 'deleteContact':
        return setDialog({ type: 'deleteContact', interaction: action.interaction });
      case 'complainPurchase':
        return setDialog({ type: 'complaint', purchaseId: action.purchase.id });
    }
  };

  const onPurchaseSaved = ({ purchase, mode }: PurchaseSaved) => {
    setDialog(null);
    setHighlightId(purchase.id);
    if (mode === 'new' && !isReturn(purchase)) setSurveyAfter({ customerId: purchase.customerId, purchaseId: purchase.id });
    const amount = money.format(purchase.totalFen);
    say(mode === 'edit' ? t('purchase.saved.edited') : isReturn(purchase) ? t('purchase.saved.returned', { amount }) : t('purchase.saved.recorded', { amount }));
  };

  const saidWithEntry = (text: string, entryId?: string) => {
    if (entryId) setHighlightId(entryId);
    say(text);
  };

  const onContactSaved = (saved: Interaction, mode: ContactDialogRequest['mode']) => {
    setDialog(null);
    setHighlightId(saved.id);
    say(mode === 'edit' ? t('contact.saved.edited') : t('contact.saved.recorded'));
  };

  const deleteContact = async (interaction: Interaction) => {
    try {
      await interactions.remove(interaction.id);
    } catch (error) {
      // Already gone (a second click): nothing left to delete.
      console.warn(error);
    }
    setDialog(null);
    say(t('contact.saved.deleted'));
    // The entry and its buttons are gone; keep the keyboard in the timeline.
    requestAnimationFrame(() => document.getElementById(TIMELINE_LIST_ID)?.focus());
  };

  return (
    <article className="customer-page" aria-labelledby="customer-name">
      <div className="screen-header">
        <div>
          <a className="back-link" href={routeHref(backToList(customer.id, listReturn))}>
            ← {t('customer.backToList')}
          </a>
          <h1 id="customer-name" data-testid="customer-name" tabIndex={-1} ref={nameRef}>
            {customer.name}
          </h1>
          <TagList tags={customer.tags} />
        </div>
        <div className="toolbar">
          {customer.isDeleted ? (
            <>
              <button type="button" className="button" onClick={() => void customers.restoreFromTrash(customer.id)} data-testid="restore">
                {t('trash.restore')}
              </button>
              <EraseCustomer customerId={customer.id} name={customer.name} />
            </>
          ) : (
            <>
              <button
                type="button"
                className="button button-primary button-icon"
                onClick={() => setDialog({ type: 'purchase', request: { mode: 'new', customerId: customer.id } })}
                title={t('purchase.recordShortcut', { shortcut: RECORD_PURCHASE_SHORTCUT })}
                aria-keyshortcuts={isMac ? 'Meta+Shift+P' : 'Control+Shift+P'}
                data-testid="record-purchase"
              >
                <PurchaseIcon />
                {t('purchase.record')}
              </button>
              <button
                type="button"
                className="button button-icon"
                onClick={() => setDialog({ type: 'contact', request: { mode: 'new', customerId: customer.id } })}
                data-testid="record-contact"
              >
                <ChannelIcon channel="phone" />
                {t('contact.record')}
              </button>
              <button type="button" className="button" onClick={() => setDialog({ type: 'greeting', occasion: suggestedOccasion(customer, clock()) })} data-testid="send-greeting">
                {t('care.greetings.panel.action')}
              </button>
              <span className="toolbar-divider" aria-hidden="true" />
              <button type="button" className="button" onClick={() => navigate({ name: 'customerEdit', id: customer.id })} data-testid="edit-customer">
                {t('common.edit')}
              </button>
              <button type="button" className="button button-danger-quiet" onClick={() => setDialog({ type: 'trash' })} data-testid="trash-customer">
                {t('customer.moveToTrash')}
              </button>
              <EraseCustomer customerId={customer.id} name={customer.name} />
            </>
          )}
        </div>
      </div>
      {customer.deletedAt && (
        <p className="banner banner-warning" role="status">
          {t('customer.inTrashSince', { date: formatDateTime(customer.deletedAt) })}
        </p>
      )}
      {surveyAfter?.customerId === customer.id && customer.isDeleted === 0 && (
        <SurveyPrompt customerId={customer.id} customerName={customer.name} purchaseId={surveyAfter.purchaseId} onDone={() => setSurveyAfter(null)} onSaid={saidWithEntry} />
      )}
      <CustomerFigures customer={customer} />
      <CustomerStatusCard customer={customer} wording={wording} tierSince={tierSince} nextReviewDay={nextReviewDay} />
      <CustomerPoints customerId={customer.id} readOnly={customer.isDeleted === 1} onSaid={say} />
      <div className="customer-columns">
        <CustomerTimeline customerId={customer.id} readOnly={customer.isDeleted === 1} highlightId={highlightId} onAction={onTimelineAction} />
        <aside className="customer-aside" aria-label={t('timeline.profileLabel')}>
          <CustomerSurveys customerId={customer.id} customerName={customer.name} readOnly={customer.isDeleted === 1} onSaid={saidWithEntry} />
          <CustomerComplaints customerId={customer.id} readOnly={customer.isDeleted === 1} onNew={() => setDialog({ type: 'complaint', purchaseId: null })} />
          <TierHistoryCard history={tierHistory} wording={wording} />
          <CustomerProfile customer={customer} region={region} />
          <ConsentPanel customerId={customer.id} readOnly={customer.isDeleted === 1} onSaved={say} />
          <section className="card" aria-labelledby="data-export-heading">
            <h2 id="data-export-heading">{t('customer.dataExport.title')}</h2>
            <p className="hint">{t('customer.dataExport.hint')}</p>
            <CustomerDataExport customerId={customer.id} />
          </section>
        </aside>
      </div>

      {dialog?.type === 'purchase' && <PurchaseDialog request={dialog.request} customerName={customer.name} onClose={closeDialog} onSaved={onPurchaseSaved} />}
      {dialog?.type === 'void' && (
        <VoidPurchaseDialog
          purchase={dialog.purchase}
          onClose={closeDialog}
          onVoided={(p) => {
            setDialog(null);
            say(isReturn(p) ? t('purchase.saved.returnVoided') : t('purchase.saved.voided'));
          }}
        />
      )}
      {dialog?.type === 'contact' && <ContactDialog request={dialog.request} customerName={customer.name} onClose={closeDialog} onSaved={onContactSaved} />}
      {dialog?.type === 'greeting' && (
        <GreetingDialog
          customer={customer}
          occasion={dialog.occasion}
          onClose={closeDialog}
          onSent={(interactionId) => {
            setDialog(null);
            setHighlightId(interactionId);
            say(t('care.greetings.panel.sent'));
          }}
        />
      )}
      {dialog?.type === 'complaint' && (
        <ComplaintDialog
          customerId={customer.id}
          purchaseId={dialog.purchaseId ?? undefined}
          onClose={closeDialog}
          onSaved={(complaint) => {
            setDialog(null);
            say(t('complaints.dialog.saved', { due: formatDateTime(complaint.dueAt) }));
          }}
        />
      )}
      {dialog?.type === 'deleteContact' && (
        <ConfirmDialog
          title={t('contact.delete.title')}
          message={t('contact.delete.message', { date: formatDateTime(dialog.interaction.at), summary: dialog.interaction.summary })}
          confirmLabel={t('contact.delete.confirm')}
          danger
          onConfirm={() => void deleteContact(dialog.interaction)}
          onCancel={closeDialog}
        />
      )}
      {dialog?.type === 'trash' && (
        <ConfirmDialog
          title={t('customer.moveToTrash')}
          message={t('customer.moveToTrashConfirm', { name: customer.name })}
          confirmLabel={t('customer.moveToTrash')}
          danger
          onConfirm={() => void moveToTrash()}
          onCancel={closeDialog}
        />
      )}
      <Toast message={toast} onDone={clearToast} />
    </article>
  );
}

// The clerk's day (container): today's care reminders from the care worker, a page at a time, their customers
// from the database, and the actions written through the reminders repository. TodayView draws.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InteractionChannel } from '../../../shared/domain/interaction';
import { snoozeUntil, type DueReminder, type ReminderKind, type SnoozeChoice } from '../../../shared/domain/reminders';
import { reminders as reminderRepository } from '../../db';
import { useCustomersByIds } from '../../db/hooks';
import { useClock } from '../../platform/clock';
import { navigate } from '../../ui/routes';
import { careWorker } from './careClient';
import { useCareDue } from './careDue';
import { reasonText } from './careText';
import { DEFAULT_GREETING_SETTINGS, fillGreeting, occasionOfReminder, templateFor } from '../../../shared/domain/greetings';
import { useSettings } from '../../db/hooks';
import { currentLocale } from '../../i18n';
import { GreetingDialog } from '../greetings/GreetingPanel';
import { ComplaintDialog } from '../complaints/ComplaintDialog';
import { customerGreetingValues, defaultTemplate } from '../greetings/greetingText';
import { groupName } from '../status/statusText';
import { useStatusWording } from '../status/useStatusWording';
import { TodayView } from './TodayView';
import { useCareRefresh } from './useCareRefresh';
import { useCareWords } from './useCareWords';

const PAGE = 50;

export function TodayScreen() {
  const clock = useClock();
  const words = useCareWords();
  const refresh = useCareRefresh(clock, false);
  const greetingSettings = useSettings()?.greetings ?? DEFAULT_GREETING_SETTINGS;
  const wording = useStatusWording();
  const { t: tf } = useTranslation();
  const summary = useCareDue((s) => s.summary);
  const version = useCareDue((s) => s.version);
  const failed = useCareDue((s) => s.failed);
  const [kind, setKind] = useState<ReminderKind | null>(null);
  const [shown, setShown] = useState(PAGE);
  const [page, setPage] = useState<{ total: number; reminders: DueReminder[] } | undefined>(undefined);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);
  const [greeting, setGreeting] = useState<DueReminder | null>(null);
  const [complaintFor, setComplaintFor] = useState<DueReminder | null>(null);

  // Worked out afresh on opening: what was done elsewhere since (a contact logged) shows at once.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (version === 0) return;
    let live = true;
    careWorker()
      .page(kind, 0, shown)
      .then((p) => live && setPage(p))
      .catch(() => live && setStatus(words.t('care.today.failed')));
    return () => {
      live = false;
    };
  }, [version, kind, shown, words]);

  const customers = useCustomersByIds(page ? [...new Set(page.reminders.flatMap((r) => (r.customerId ? [r.customerId] : [])))] : []);

  const act = async (r: DueReminder, write: () => Promise<unknown>, said: string) => {
    setBusy((b) => new Set(b).add(r.key));
    try {
      await write();
      setStatus(said);
      await refresh();
    } catch {
      setStatus(words.t('care.actions.failed'));
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(r.key);
        return next;
      });
    }
  };

  const onDone = (r: DueReminder) => {
    if (r.customerId === null) {
      void act(r, () => reminderRepository.done(r), words.t('care.actions.saidDone'));
      return;
    }
    const customer = customers?.get(r.customerId);
    const channel: InteractionChannel = customer?.preferredChannel ?? 'phone';
    const today = summary?.today ?? '';
    void act(
      r,
      () =>
        reminderRepository.doneWithContact(r, {
          at: clock().toISOString(),
          channel,
          direction: 'out',
          summary: words.t('care.actions.contactSummary', { kind: words.t(`care.kinds.${r.kind}`), reason: reasonText(words, r, today) }).slice(0, 500),
          outcome: '',
          followUpDate: null,
        }),
      words.t('care.actions.saidLogged', { name: customer?.name ?? '' }),
    );
  };

  const greetingCustomer = greeting?.customerId ? customers?.get(greeting.customerId) : undefined;
  const festivalName = (r: DueReminder) => (r.detail.kind === 'festival' ? words.t(`care.festivals.${r.detail.festival}`) : undefined);
  // The greeting the clerk would send, filled for the customer (the panel lets them change and send it).
  const suggestion = (r: DueReminder): string | null => {
    const customer = r.customerId ? customers?.get(r.customerId) : undefined;
    if (!customer) return null;
    const occasion = occasionOfReminder(r.kind);
    const values = customerGreetingValues(customer, { t: tf, locale: currentLocale(), settings: greetingSettings, tierName: groupName(wording, customer.tierId), reminder: r, festivalName: festivalName(r) });
    return fillGreeting(templateFor(greetingSettings, occasion, defaultTemplate(tf, occasion)), values);
  };
  return (
    <>
      <TodayView
        summary={summary}
        failed={failed}
        kind={kind}
        onKindChange={(k) => {
          setKind(k);
          setShown(PAGE);
        }}
        reminders={page?.reminders}
        total={page?.total ?? 0}
        onShowMore={() => setShown((n) => n + PAGE)}
        customers={customers}
        words={words}
        busy={busy}
        status={status}
        onOpenCustomer={(id) => navigate({ name: 'customer', id })}
        onDone={onDone}
        onSnooze={(r: DueReminder, choice: SnoozeChoice) => void act(r, () => reminderRepository.snooze(r, snoozeUntil(choice, clock())), words.t(`care.actions.saidSnoozed.${choice}`))}
        onDismiss={(r) => void act(r, () => reminderRepository.dismiss(r), words.t('care.actions.saidDismissed'))}
        onGreet={setGreeting}
        onNewComplaint={setComplaintFor}
        suggestion={suggestion}
      />
      {complaintFor?.customerId && complaintFor.detail.kind === 'survey-follow-up' && (
        <ComplaintDialog
          customerId={complaintFor.customerId}
          surveyAnswerId={complaintFor.detail.answerId}
          onClose={() => setComplaintFor(null)}
          onSaved={() => {
            const name = customers?.get(complaintFor.customerId ?? '')?.name ?? '';
            setComplaintFor(null);
            setStatus(tf('satisfaction.today.complaintOpened', { name }));
            // The follow-up stays until the customer is contacted; its card now links to the complaint.
            void refresh();
          }}
        />
      )}
      {greeting && greetingCustomer && (
        <GreetingDialog
          customer={greetingCustomer}
          reminder={greeting}
          festivalName={festivalName(greeting)}
          onClose={() => setGreeting(null)}
          onSent={() => {
            const sent = greeting;
            setGreeting(null);
            // The greeting logged the contact: the reminder is done with it.
            void act(sent, () => reminderRepository.done(sent), words.t('care.actions.saidGreeted', { name: greetingCustomer.name }));
          }}
        />
      )}
    </>
  );
}

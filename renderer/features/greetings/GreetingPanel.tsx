// A greeting for one customer over the database: filled from the store's template in the language on screen,
// only the greetings the customer's consent allows on the chosen channel, sent through the clerk's own tools
// (clipboard, the SMS or mail app through main's link service), and "mark as sent" logs the contact.
import { copyText } from '../../ui/clipboard';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_CHANNELS, isConsentChannel, mayContact, type ConsentChannel } from '../../../shared/domain/consent';
import { primaryPhone, type Customer } from '../../../shared/domain/customer';
import {
  DEFAULT_GREETING_SETTINGS,
  fillGreeting,
  GREETING_OCCASIONS,
  greetingPurpose,
  mailtoLink,
  occasionOfReminder,
  offeredOccasions,
  smsLink,
  templateFor,
  type GreetingOccasion,
} from '../../../shared/domain/greetings';
import { INTERACTION_LIMITS } from '../../../shared/domain/interaction';
import type { DueReminder } from '../../../shared/domain/reminders';
import { interactions } from '../../db';
import { useConsent, useSettings } from '../../db/hooks';
import { currentLocale } from '../../i18n';
import { useClock } from '../../platform/clock';
import { useDesktop } from '../../platform/context';
import { Dialog } from '../../ui/Dialog';
import { groupName } from '../status/statusText';
import { useStatusWording } from '../status/useStatusWording';
import { customerGreetingValues, defaultTemplate, storeNameOrOurs } from './greetingText';
import { GreetingPanelView, type GreetingPanelStatus } from './GreetingPanelView';
import './greetings.css';

export interface GreetingPanelProps {
  customer: Customer;
  /** The greeting to start with; the clerk may pick another one the customer's consent allows. Default: the reminder's, else a call-back. */
  occasion?: GreetingOccasion;
  /** The reminder the greeting answers: its expiring points fill the points fields. */
  reminder?: DueReminder;
  /** The festival's name in words, for a festival greeting ("the holidays" when not given). */
  festivalName?: string;
  /** The contact was logged: its interaction's id (the Today screen marks its reminder done with it). */
  onSent: (interactionId: string) => void;
}

/** The channel a greeting starts on: the customer's preferred one, else a text when they have a phone, else e-mail, else WeChat. */
function startChannel(customer: Customer): ConsentChannel {
  if (isConsentChannel(customer.preferredChannel)) return customer.preferredChannel;
  if (customer.phones.length > 0) return 'sms';
  if (customer.email) return 'email';
  return 'wechat';
}

export function GreetingPanel({ customer, occasion: asked, reminder, festivalName, onSent }: GreetingPanelProps) {
  const { t } = useTranslation();
  const clock = useClock();
  const { api } = useDesktop();
  const settings = useSettings()?.greetings ?? DEFAULT_GREETING_SETTINGS;
  const consent = useConsent(customer.id);
  const wording = useStatusWording();
  const locale = currentLocale();
  const [channel, setChannel] = useState<ConsentChannel>(() => startChannel(customer));
  const [occasion, setOccasion] = useState<GreetingOccasion>(asked ?? (reminder ? occasionOfReminder(reminder.kind) : 'call-back'));
  // The clerk's edit of the text, for the greeting it was made on; another greeting starts from its template again.
  const [edit, setEdit] = useState<{ occasion: GreetingOccasion; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [sentId, setSentId] = useState<string | null>(null);
  const [status, setStatus] = useState<GreetingPanelStatus | null>(null);

  if (consent === undefined) return <div className="loading" aria-busy="true" />;
  const current = consent.current?.channels ?? {};
  const offered = offeredOccasions(channel, current);
  const allowed = mayContact(greetingPurpose(occasion), channel, current);
  const template = templateFor(settings, occasion, defaultTemplate(t, occasion));
  const values = customerGreetingValues(customer, { t, locale, settings, tierName: groupName(wording, customer.tierId), reminder, festivalName });
  const text = edit?.occasion === occasion ? edit.text : fillGreeting(template, values);
  const channelName = t(`contact.channels.${channel}`);

  const phone = primaryPhone(customer);
  const link = channel === 'sms' ? (phone ? smsLink(phone.normalized, text) : null) : channel === 'email' ? mailtoLink(customer.email, t('care.greetings.panel.emailSubject', { store: storeNameOrOurs(t, settings) }), text) : null;
  const open =
    channel === 'sms'
      ? { kind: 'sms' as const, available: link !== null, unavailableText: phone ? t('care.greetings.panel.openFailed', { channel: channelName }) : t('care.greetings.panel.noPhone') }
      : channel === 'email'
        ? { kind: 'email' as const, available: link !== null, unavailableText: customer.email ? t('care.greetings.panel.openFailed', { channel: channelName }) : t('care.greetings.panel.noEmail') }
        : null;

  const onCopy = async () => {
    const copied = await copyText(text);
    setStatus(copied ? { tone: 'ok', text: t('care.greetings.panel.copied') } : { tone: 'error', text: t('care.greetings.panel.copyFailed') });
  };

  const onOpen = async () => {
    if (link === null) return;
    const result = await api.links.openExternal(link);
    setStatus(result.ok ? { tone: 'ok', text: t('care.greetings.panel.opened', { channel: channelName }) } : { tone: 'error', text: t('care.greetings.panel.openFailed', { channel: channelName }) });
  };

  const onMarkSent = async () => {
    const summary = [...text.trim()].slice(0, INTERACTION_LIMITS.summary).join('');
    if (summary === '') {
      setStatus({ tone: 'error', text: t('care.greetings.panel.empty') });
      return;
    }
    setBusy(true);
    setStatus(null);
    try {
      const logged = await interactions.record(customer.id, { at: clock().toISOString(), channel, direction: 'out', summary, outcome: '', followUpDate: null });
      setSentId(logged.id);
      setStatus({ tone: 'ok', text: t('care.greetings.panel.sent') });
      onSent(logged.id);
    } catch (error) {
      console.error(error);
      setStatus({ tone: 'error', text: t('care.greetings.panel.sendFailed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <GreetingPanelView
      channel={channel}
      channels={CONSENT_CHANNELS}
      onChannelChange={(ch) => {
        setChannel(ch);
        setStatus(null);
      }}
      occasion={occasion}
      occasions={GREETING_OCCASIONS.filter((o) => o === occasion || offered.includes(o))}
      onOccasionChange={(o) => {
        setOccasion(o);
        setStatus(null);
      }}
      allowed={allowed}
      promotionsHidden={offered.length < GREETING_OCCASIONS.length}
      text={text}
      onTextChange={(next) => setEdit({ occasion, text: next })}
      open={open}
      onCopy={() => void onCopy()}
      onOpen={() => void onOpen()}
      onMarkSent={() => void onMarkSent()}
      busy={busy}
      sent={sentId !== null}
      status={status}
    />
  );
}

/** The panel in a dialog, as the customer page opens it. */
export function GreetingDialog(props: GreetingPanelProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const { onClose, ...panel } = props;
  return (
    <Dialog
      title={t('care.greetings.panel.title', { name: props.customer.name })}
      onClose={onClose}
      testId="greeting-dialog"
      footer={
        <button type="button" className="button" onClick={onClose} data-testid="greeting-close">
          {t('common.close')}
        </button>
      }
    >
      <GreetingPanel {...panel} />
    </Dialog>
  );
}

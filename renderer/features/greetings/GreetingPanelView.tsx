// The clerk's greeting panel, drawn from props only: the channel, the greeting (another allowed one can be
// picked), the text to edit, and copy / open in the SMS or mail app / mark as sent.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentChannel } from '../../../shared/domain/consent';
import type { GreetingOccasion } from '../../../shared/domain/greetings';

export interface GreetingPanelStatus {
  tone: 'ok' | 'error';
  text: string;
}

export interface GreetingPanelViewProps {
  channel: ConsentChannel;
  channels: readonly ConsentChannel[];
  onChannelChange: (channel: ConsentChannel) => void;
  occasion: GreetingOccasion;
  /** The greetings that may be offered on the channel (the one chosen is listed even when it may not). */
  occasions: readonly GreetingOccasion[];
  onOccasionChange: (occasion: GreetingOccasion) => void;
  /** The chosen greeting may be sent on the channel (consent.ts). */
  allowed: boolean;
  /** Promotion greetings are left out on this channel for want of consent. */
  promotionsHidden: boolean;
  text: string;
  onTextChange: (text: string) => void;
  /** The app that can send on this channel, or null; with why not when there is a channel but no address. */
  open: { kind: 'sms' | 'email'; available: boolean; unavailableText: string } | null;
  onCopy: () => void;
  onOpen: () => void;
  onMarkSent: () => void;
  busy: boolean;
  /** Logged already: nothing more to send from this panel. */
  sent: boolean;
  status: GreetingPanelStatus | null;
}

export function GreetingPanelView(props: GreetingPanelViewProps) {
  const { t } = useTranslation();
  const id = useId();
  const channelName = t(`contact.channels.${props.channel}`);
  const locked = props.sent || props.busy;
  return (
    <div className="greeting-panel" data-testid="greeting-panel">
      <div className="greeting-panel-row">
        <div className="form-field">
          <label htmlFor={`${id}-occasion`}>{t('care.greetings.panel.occasion')}</label>
          <select
            id={`${id}-occasion`}
            value={props.occasion}
            onChange={(e) => props.onOccasionChange(e.target.value as GreetingOccasion)}
            disabled={props.sent}
            data-testid="greeting-occasion"
          >
            {props.occasions.map((o) => (
              <option key={o} value={o}>
                {t(`care.greetings.occasions.${o}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('care.greetings.panel.channel')}</legend>
          <div className="segmented segmented-wrap" role="radiogroup">
            {props.channels.map((ch) => (
              <label key={ch} className={ch === props.channel ? 'segment selected' : 'segment'}>
                <input
                  type="radio"
                  name={`${id}-channel`}
                  value={ch}
                  checked={ch === props.channel}
                  onChange={() => props.onChannelChange(ch)}
                  disabled={props.sent}
                  data-testid={`greeting-channel-${ch}`}
                />
                {t(`contact.channels.${ch}`)}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {props.promotionsHidden && props.allowed && (
        <p className="hint" data-testid="greeting-promotions-hidden">
          {t('care.greetings.panel.promotionsHidden', { channel: channelName })}
        </p>
      )}
      {!props.allowed && (
        <p className="banner banner-warning" role="status" data-testid="greeting-not-allowed">
          {t('care.greetings.panel.notAllowed', { channel: channelName })}
        </p>
      )}
      <div className="form-field">
        <label htmlFor={`${id}-text`}>{t('care.greetings.panel.text')}</label>
        <textarea
          id={`${id}-text`}
          rows={4}
          value={props.text}
          onChange={(e) => props.onTextChange(e.target.value)}
          readOnly={props.sent}
          data-testid="greeting-text"
        />
      </div>
      <div className="greeting-panel-actions">
        <button type="button" className="button" onClick={props.onCopy} disabled={!props.allowed} data-testid="greeting-copy">
          {t('care.greetings.panel.copy')}
        </button>
        {props.open && (
          <button
            type="button"
            className="button"
            onClick={props.onOpen}
            disabled={!props.allowed || !props.open.available || locked}
            title={props.open.available ? undefined : props.open.unavailableText}
            data-testid="greeting-open"
          >
            {props.open.kind === 'sms' ? t('care.greetings.panel.openSms') : t('care.greetings.panel.openEmail')}
          </button>
        )}
        <button type="button" className="button button-primary" onClick={props.onMarkSent} disabled={!props.allowed || locked} data-testid="greeting-mark-sent">
          {props.busy ? t('care.greetings.panel.sending') : t('care.greetings.panel.markSent')}
        </button>
      </div>
      {props.open && !props.open.available && <p className="hint">{props.open.unavailableText}</p>}
      <p className="greeting-panel-status" aria-live="polite">
        {props.status && (
          <span className={props.status.tone === 'ok' ? 'hint' : 'form-error'} role={props.status.tone === 'error' ? 'alert' : undefined} data-testid="greeting-status">
            {props.status.text}
          </span>
        )}
      </p>
    </div>
  );
}

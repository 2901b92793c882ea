// The customer page's consent panel: each channel's standing, since when and from what source; grant (with
// its source) or withdraw in one click; the history of answers. A clerk action (customers.edit).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLERK_CONSENT_SOURCES,
  CONSENT_CHANNELS,
  consentStateOf,
  type ClerkConsentSource,
  type ConsentChannel,
  type ConsentEvent,
  type CurrentConsent,
} from '../../../shared/domain/consent';
import { consents } from '../../db';
import { useConsent } from '../../db/hooks';
import { formatDateTime, formatLongDate } from '../../i18n';

/** The panel over the database: reads the customer's consent live and records the clerk's clicks. */
export function ConsentPanel({ customerId, readOnly, onSaved }: { customerId: string; readOnly: boolean; onSaved: (text: string) => void }) {
  const { t } = useTranslation();
  const consent = useConsent(customerId);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, saidText: string) => {
    setBusy(true);
    setFailed(false);
    try {
      await work();
      onSaved(saidText);
    } catch (error) {
      console.error(error);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const channelName = (ch: ConsentChannel) => t(`channels.${ch}`);
  return (
    <ConsentPanelView
      current={consent?.current?.channels ?? {}}
      history={consent?.history}
      readOnly={readOnly}
      busy={busy}
      failed={failed}
      onGrant={(channel, source) => void run(() => consents.grant(customerId, channel, source), t('consent.panel.granted', { channel: channelName(channel) }))}
      onWithdraw={(channel) => void run(() => consents.withdraw(customerId, channel), t('consent.panel.withdrawn', { channel: channelName(channel) }))}
    />
  );
}

export interface ConsentPanelViewProps {
  current: CurrentConsent;
  /** Newest first; undefined while loading. */
  history: ConsentEvent[] | undefined;
  /** A customer in the trash: shown, not changed. */
  readOnly: boolean;
  busy: boolean;
  failed: boolean;
  onGrant: (channel: ConsentChannel, source: ClerkConsentSource) => void;
  onWithdraw: (channel: ConsentChannel) => void;
}

export function ConsentPanelView({ current, history, readOnly, busy, failed, onGrant, onWithdraw }: ConsentPanelViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const historyId = useId();
  const [showHistory, setShowHistory] = useState(false);
  const [sources, setSources] = useState<Record<ConsentChannel, ClerkConsentSource>>({ sms: 'in-store', phone: 'in-store', wechat: 'in-store', email: 'in-store' });
  const longDate = (iso: string) => formatLongDate(new Date(iso));
  return (
    <section className="card consent-panel" aria-labelledby={headingId} data-testid="consent-panel">
      <h2 id={headingId}>{t('consent.panel.title')}</h2>
      <p className="hint">{t('consent.panel.hint')}</p>
      <ul className="consent-list">
        {CONSENT_CHANNELS.map((ch) => {
          const state = consentStateOf(current, ch);
          const c = current[ch];
          const channel = t(`channels.${ch}`);
          return (
            <li key={ch} className="consent-item" data-testid={`consent-${ch}`} data-state={state}>
              <div className="consent-line">
                <span className="consent-channel">{channel}</span>
                <span className={`consent-state consent-state-${state}`} data-testid={`consent-state-${ch}`}>
                  {t(`consent.states.${state}`)}
                </span>
              </div>
              {c && (
                <div className="hint consent-since" data-testid={`consent-since-${ch}`}>
                  {t('consent.panel.since', { date: longDate(c.at) })} · {t(`consent.sources.${c.source}`)}
                </div>
              )}
              {!readOnly &&
                (state === 'granted' ? (
                  <div className="consent-actions">
                    <button type="button" className="button button-small" disabled={busy} onClick={() => onWithdraw(ch)} aria-label={t('consent.panel.withdrawFor', { channel })} data-testid={`consent-withdraw-${ch}`}>
                      {t('consent.panel.withdraw')}
                    </button>
                  </div>
                ) : (
                  <div className="consent-actions">
                    <select
                      className="consent-source-select"
                      value={sources[ch]}
                      onChange={(e) => setSources({ ...sources, [ch]: e.target.value as ClerkConsentSource })}
                      aria-label={t('consent.panel.sourceFor', { channel })}
                      data-testid={`consent-source-${ch}`}
                    >
                      {CLERK_CONSENT_SOURCES.map((source) => (
                        <option key={source} value={source}>
                          {t(`consent.sources.${source}`)}
                        </option>
                      ))}
                    </select>
                    <button type="button" className="button button-small" disabled={busy} onClick={() => onGrant(ch, sources[ch])} aria-label={t('consent.panel.grantFor', { channel })} data-testid={`consent-grant-${ch}`}>
                      {t('consent.panel.grant')}
                    </button>
                  </div>
                ))}
            </li>
          );
        })}
      </ul>
      {failed && (
        <p className="form-error" role="alert">
          {t('consent.panel.saveFailed')}
        </p>
      )}
      {history && history.length > 0 ? (
        <button type="button" className="link-button" aria-expanded={showHistory} aria-controls={historyId} onClick={() => setShowHistory(!showHistory)} data-testid="consent-history-toggle">
          {showHistory ? t('consent.panel.hideHistory') : t('consent.panel.showHistory', { n: history.length })}
        </button>
      ) : history ? (
        <p className="hint">{t('consent.panel.noHistory')}</p>
      ) : null}
      {showHistory && history && (
        <table className="consent-history" id={historyId} data-testid="consent-history">
          <caption className="visually-hidden">{t('consent.panel.historyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consent.panel.when')}</th>
              <th scope="col">{t('consent.panel.channel')}</th>
              <th scope="col">{t('consent.panel.answer')}</th>
              <th scope="col">{t('consent.panel.sourceLabel')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((e) => (
              <tr key={e.id} data-testid="consent-history-row" data-channel={e.channel} data-granted={e.granted ? 'yes' : 'no'}>
                <td>
                  <time dateTime={e.at}>{formatDateTime(e.at)}</time>
                </td>
                <td>{t(`channels.${e.channel}`)}</td>
                <td>{t(e.granted ? 'consent.answers.yes' : 'consent.answers.no')}</td>
                <td>{t(`consent.sources.${e.source}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

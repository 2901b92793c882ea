// One campaign (view): what it brought against the control group, and the clerk's list of customers to contact,
// each with the message filled for them and how the contact went.
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_OUTCOMES, type Campaign, type CampaignOutcome, type CampaignResults } from '../../../shared/domain/campaigns/campaign';
import { OwnerButton } from '../../session/OwnerOnly';

export interface CampaignRow {
  customerId: string;
  name: string;
  phone: string;
  href: string;
  message: string;
  outcome: CampaignOutcome;
}

export interface CampaignViewProps {
  campaign: Campaign;
  results: CampaignResults | undefined;
  rows: CampaignRow[] | undefined;
  money: (fen: number) => string;
  dateOf: (iso: string) => string;
  percent: (value: number | null) => string;
  points: (value: number | null) => string;
  onMark: (customerId: string, outcome: CampaignOutcome) => void;
  onCopy: (text: string) => void;
  onExport: () => void;
  onEnd: () => void;
  status: { tone: 'ok' | 'error'; text: string } | null;
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="campaign-figure">
      <span className="muted">{label}</span>
      <strong>{value}</strong>
      {note && <span className="muted campaign-figure-note">{note}</span>}
    </div>
  );
}

export function CampaignView(props: CampaignViewProps) {
  const { t } = useTranslation();
  const { campaign, results, rows } = props;
  const running = campaign.endedAt === null;
  return (
    <section className="screen campaign-screen" aria-labelledby="campaign-title">
      <div className="campaign-head">
        <div>
          <h1 id="campaign-title">{campaign.name}</h1>
          <p className="muted">
            {t('campaigns.summary', { channel: t(`channels.${campaign.channel}`), date: props.dateOf(campaign.startedAt), days: campaign.windowDays, cost: props.money(campaign.costFen) })}
            {' · '}
            {running ? t('campaigns.running') : t('campaigns.endedOn', { date: props.dateOf(campaign.endedAt!) })}
          </p>
        </div>
        <div className="campaign-actions">
          <button type="button" className="button" onClick={props.onExport} data-testid="campaign-export">
            {t('campaigns.export')}
          </button>
          {running && (
            <OwnerButton action="campaigns.manage" onClick={props.onEnd} testId="campaign-end">
              {t('campaigns.end')}
            </OwnerButton>
          )}
        </div>
      </div>
      {props.status && (
        <p className={props.status.tone === 'ok' ? 'campaign-status' : 'form-error'} role="status">
          {props.status.text}
        </p>
      )}

      <h2>{t('campaigns.results.title')}</h2>
      {results === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : (
        <div className="campaign-figures" data-testid="campaign-results">
          <Figure label={t('campaigns.results.reached')} value={t('campaigns.results.ofContacted', { count: results.reached, total: results.contacted.members })} note={t('campaigns.results.replied', { count: results.replied })} />
          <Figure
            label={t('campaigns.results.cameBack')}
            value={props.percent(results.contacted.cameBackShare)}
            note={t('campaigns.results.cameBackNote', { count: results.contacted.cameBack, total: results.contacted.members, revenue: props.money(results.contacted.revenueFen) })}
          />
          <Figure
            label={t('campaigns.results.control')}
            value={props.percent(results.control.cameBackShare)}
            note={t('campaigns.results.cameBackNote', { count: results.control.cameBack, total: results.control.members, revenue: props.money(results.control.revenueFen) })}
          />
          <Figure label={t('campaigns.results.uplift')} value={props.points(results.upliftPoints)} note={results.fewMembers ? t('campaigns.results.few') : undefined} />
          <Figure
            label={t('campaigns.results.net')}
            value={results.netFen === null ? '—' : props.money(results.netFen)}
            note={results.extraRevenueFen === null ? t('campaigns.results.noControl') : t('campaigns.results.netNote', { extra: props.money(results.extraRevenueFen), cost: props.money(results.costFen) })}
          />
        </div>
      )}

      <h2>{t('campaigns.list.title')}</h2>
      <p className="muted">{t('campaigns.list.intro')}</p>
      {rows === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : (
        <table className="campaign-table">
          <thead>
            <tr>
              <th scope="col">{t('campaigns.list.customer')}</th>
              <th scope="col">{t('campaigns.list.message')}</th>
              <th scope="col">{t('campaigns.list.outcome')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.customerId} data-testid="campaign-row">
                <td>
                  <a href={row.href}>{row.name}</a>
                  <div className="muted">{row.phone}</div>
                </td>
                <td>
                  <div className="campaign-message">
                    <span>{row.message}</span>
                    <button type="button" className="button button-small" onClick={() => props.onCopy(row.message)} aria-label={t('campaigns.list.copyFor', { name: row.name })}>
                      {t('campaigns.list.copy')}
                    </button>
                  </div>
                </td>
                <td>
                  <div className="segment-chips" role="group" aria-label={t('campaigns.list.outcomeFor', { name: row.name })}>
                    {CAMPAIGN_OUTCOMES.map((outcome) => (
                      <button
                        key={outcome}
                        type="button"
                        className={row.outcome === outcome ? 'chip selected' : 'chip'}
                        aria-pressed={row.outcome === outcome}
                        disabled={!running}
                        onClick={() => props.onMark(row.customerId, outcome)}
                      >
                        {t(`campaigns.outcomes.${outcome}`)}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

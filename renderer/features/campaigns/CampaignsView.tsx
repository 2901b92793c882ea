// The campaigns list (view): each campaign with its channel, when it started, whom it reached, and whether it runs.
import { useTranslation } from 'react-i18next';
import type { Campaign } from '../../../shared/domain/campaigns/campaign';
import { OwnerButton } from '../../session/OwnerOnly';
import { ScreenHeader } from '../../ui/ScreenHeader';

export interface CampaignsViewProps {
  campaigns: Campaign[] | undefined;
  href: (id: string) => string;
  dateOf: (iso: string) => string;
  onNew: () => void;
}

export function CampaignsView({ campaigns, href, dateOf, onNew }: CampaignsViewProps) {
  const { t } = useTranslation();
  return (
    <section className="screen campaigns-screen" aria-labelledby="campaigns-title">
      <ScreenHeader
        headingId="campaigns-title"
        title={t('campaigns.title')}
        intro={t('campaigns.intro')}
        actions={
          <OwnerButton action="campaigns.manage" onClick={onNew} testId="campaign-new">
            {t('campaigns.new')}
          </OwnerButton>
        }
      />
      {campaigns === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : campaigns.length === 0 ? (
        <p className="empty-state">{t('campaigns.empty')}</p>
      ) : (
        <table className="data-table campaigns-table">
          <thead>
            <tr>
              <th scope="col">{t('campaigns.columns.name')}</th>
              <th scope="col">{t('campaigns.columns.channel')}</th>
              <th scope="col">{t('campaigns.columns.started')}</th>
              <th scope="col">{t('campaigns.columns.state')}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <td>
                  <a href={href(c.id)}>{c.name}</a>
                </td>
                <td>{t(`channels.${c.channel}`)}</td>
                <td>{dateOf(c.startedAt)}</td>
                <td>{c.endedAt === null ? t('campaigns.running') : t('campaigns.endedOn', { date: dateOf(c.endedAt) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// The campaigns list (container).
import { useCampaigns } from '../../db/campaignHooks';
import { formatLongDate } from '../../i18n';
import { navigate, routeHref } from '../../ui/routes';
import { CampaignsView } from './CampaignsView';
import './campaigns.css';

export function CampaignsScreen() {
  const campaigns = useCampaigns();
  return (
    <CampaignsView
      campaigns={campaigns}
      href={(id) => routeHref({ name: 'campaign', id })}
      dateOf={(iso) => formatLongDate(new Date(iso))}
      onNew={() => navigate({ name: 'campaignNew' })}
    />
  );
}

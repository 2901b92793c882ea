// What a customer list's columns show of a customer, shared by the customer list and the churn-risk list.
import type { Customer, PhoneRegion } from '../../../shared/domain/customer';
import { primaryPhone } from '../../../shared/domain/customer';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import { formatDate } from '../../i18n';
import { StageBadge, TierBadge } from '../status/StatusBadges';
import type { StatusWording } from '../status/statusText';

export function customerCells(region: PhoneRegion, wording: StatusWording) {
  return {
    name: (c: Customer) => <span className="cell-name">{c.name}</span>,
    phone: (c: Customer) => {
      const p = primaryPhone(c);
      return p ? <span className="mono">{formatPhoneForDisplay(p, region)}</span> : <span className="muted">—</span>;
    },
    tier: (c: Customer) => <TierBadge tierId={c.tierId} wording={wording} />,
    stage: (c: Customer) => <StageBadge stage={c.lifecycleStage} />,
    lastPurchase: (c: Customer) => (c.lastPurchaseAt ? formatDate(c.lastPurchaseAt) : <span className="muted">—</span>),
  };
}

// The churn-risk list (container): customers at watch or high risk, most value at risk first,
// filterable by tier and level. Reads the stores and the database; ChurnRiskView draws.
import { useMemo, useState } from 'react';
import { statusGroups } from '../../../shared/domain/statusGroups';
import type { AtRiskQuery } from '../../db/customers';
import { useAtRiskList, useBookkeeping, useCustomersByIds, useSettings } from '../../db/hooks';
import { useUiStore, type ChurnLevelFilter } from '../../stores/ui';
import { navigate } from '../../ui/routes';
import { useMoney } from '../../ui/useMoney';
import { useStatusWording } from '../status/useStatusWording';
import type { Customer } from '../../../shared/domain/customer';
import { localDayOf } from '../../../shared/domain/customerFigures';
import { snoozeUntil, type SnoozeChoice } from '../../../shared/domain/reminders';
import { reminders } from '../../db';
import { useClock } from '../../platform/clock';
import { useCareRefresh } from '../care/useCareRefresh';
import { ContactDialog } from '../contacts/ContactDialog';
import { ChurnRiskView } from './ChurnRiskView';

const levelsOf = (filter: ChurnLevelFilter): AtRiskQuery['levels'] => (filter === 'both' ? ['high', 'watch'] : [filter]);

export function ChurnRiskScreen() {
  const tierFilter = useUiStore((s) => s.churnTier);
  const level = useUiStore((s) => s.churnLevel);
  const setTier = useUiStore((s) => s.setChurnTier);
  const setLevel = useUiStore((s) => s.setChurnLevel);
  const wording = useStatusWording();
  const money = useMoney();
  const region = useSettings()?.defaultRegion ?? 'CN';
  const groups = useMemo(() => statusGroups(wording.status), [wording.status]);
  // A tier picked before the rules changed (removed, or the grouping switched) filters nothing.
  const tierId = tierFilter !== null && groups.some((g) => g.id === tierFilter) ? tierFilter : null;
  const query = useMemo(() => ({ levels: levelsOf(level), tierId }), [level, tierId]);
  const clock = useClock();
  const list = useAtRiskList(query, clock());
  const [visibleIds, setVisibleIds] = useState<string[]>([]);
  const rows = useCustomersByIds(visibleIds);
  const [contactFor, setContactFor] = useState<Customer | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const refreshCare = useCareRefresh(clock, false);
  const model = useBookkeeping()?.churnModel;

  const snooze = async (customer: Customer, choice: SnoozeChoice) => {
    try {
      await reminders.snoozeChurnRisk(customer.id, snoozeUntil(choice, clock()));
      setStatus(wording.t(`churn.actions.snoozed.${choice}`, { name: customer.name }));
    } catch {
      setStatus(wording.t('care.actions.failed'));
    }
  };

  return (
    <>
      <ChurnRiskView
        list={list}
        rows={rows}
        onVisibleIdsChange={setVisibleIds}
        groups={groups}
        tierId={tierId}
        level={level}
        onTierChange={setTier}
        onLevelChange={setLevel}
        onShowAll={() => {
          setTier(null);
          setLevel('both');
        }}
        onOpen={(id) => navigate({ name: 'customer', id })}
        wording={wording}
        formatMoney={money.format}
        region={region}
        today={localDayOf(clock().toISOString())}
        status={status}
        onContacted={setContactFor}
        onSnooze={(c, choice) => void snooze(c, choice)}
        model={model}
      />
      {contactFor && (
        <ContactDialog
          request={{ mode: 'new', customerId: contactFor.id }}
          customerName={contactFor.name}
          onClose={() => setContactFor(null)}
          onSaved={() => {
            setStatus(wording.t('care.actions.saidLogged', { name: contactFor.name }));
            setContactFor(null);
            // A call-back due for them is done now too.
            void refreshCare();
          }}
        />
      )}
    </>
  );
}

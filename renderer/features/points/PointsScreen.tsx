// The points screen (container): the owner's points rules and the rewards catalogue, two tabs of one screen.
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validatePointsRules, type PointsRules, type PointsRulesError } from '../../../shared/domain/pointsRules';
import { validateReward, type Reward, type RewardError } from '../../../shared/domain/rewards';
import type { TierScheme } from '../../../shared/domain/tiers';
import { POINTS_TABS } from '../../../shared/route';
import { points } from '../../db';
import { PointsRefusedError } from '../../db/points';
import { useSettings } from '../../db/hooks';
import { usePointsRules, useRewards } from '../../db/pointsRulesHooks';
import { useClock } from '../../platform/clock';
import { useOwnerGate, usePermission } from '../../session/ownerGate';
import { routeHref, type PointsTab } from '../../ui/routes';
import { useMoney } from '../../ui/useMoney';
import { PointsRulesView } from './PointsRulesView';
import { RewardsView } from './RewardsView';

const loading = <div className="loading" aria-busy="true" />;

export function PointsScreen({ tab }: { tab: PointsTab }) {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <div className="points-screen">
      <nav className="segmented points-tabs" aria-label={t('points.screens.tabs.label')}>
        {POINTS_TABS.map((k) => (
          <a key={k} href={routeHref({ name: 'points', tab: k })} className={k === tab ? 'segment selected' : 'segment'} aria-current={k === tab ? 'page' : undefined} data-testid={`points-tab-${k}`}>
            {t(`points.screens.tabs.${k}`)}
          </a>
        ))}
      </nav>
      {!settings ? loading : tab === 'rules' ? <RulesTab scheme={settings.status.scheme} /> : <RewardsTab scheme={settings.status.scheme} />}
    </div>
  );
}

/**
 * The owner's writes happen while the gate shows the owner (the views offer saving only then). A session that
 * ended meanwhile is refused as a failed save: the view says nothing changed, and its lock comes back.
 */
function useOwnerWrite() {
  const { locked } = usePermission('rules.change');
  const lockedNow = useRef(locked);
  lockedNow.current = locked;
  const gate = useOwnerGate();
  return {
    locked,
    unlock: () => gate.run('rules.change', () => undefined),
    write: async <T,>(write: () => Promise<T>): Promise<T> => {
      if (lockedNow.current) throw new Error('the owner session ended');
      return write();
    },
  };
}

function RulesTab({ scheme }: { scheme: TierScheme }) {
  const { t } = useTranslation();
  const read = usePointsRules();
  const clock = useClock();
  const now = useMemo(() => clock(), [clock]);
  const { currency } = useMoney();
  const owner = useOwnerWrite();
  // Cancel puts the rules in force back in the form.
  const [drafts, setDrafts] = useState(0);

  if (!read) return loading;
  const onSave = (rules: PointsRules) =>
    owner.write(async (): Promise<PointsRulesError[] | null> => {
      try {
        await points.saveRules(rules);
        return null;
      } catch (error) {
        const checked = validatePointsRules(rules);
        if (error instanceof PointsRefusedError && !checked.ok) return checked.reason;
        throw error;
      }
    });
  return (
    <>
      {read.unreadable && (
        <div className="banner banner-warning" role="status" data-testid="points-rules-unreadable">
          <p>{t('points.screens.unreadable')}</p>
        </div>
      )}
      <PointsRulesView
        key={drafts}
        rules={read.rules}
        scheme={scheme}
        now={now}
        currency={currency}
        locked={owner.locked}
        onUnlock={owner.unlock}
        onSave={onSave}
        onCancel={() => setDrafts((n) => n + 1)}
      />
    </>
  );
}

function sameApartFromActive(a: Reward, b: Reward): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Reward)[]);
  return [...keys].every((k) => k === 'active' || JSON.stringify(a[k]) === JSON.stringify(b[k]));
}

function RewardsTab({ scheme }: { scheme: TierScheme }) {
  const rewards = useRewards();
  const clock = useClock();
  const now = useMemo(() => clock(), [clock]);
  const { currency } = useMoney();
  const owner = useOwnerWrite();

  if (!rewards) return loading;
  const onSave = (reward: Reward) =>
    owner.write(async (): Promise<RewardError[] | null> => {
      const before = rewards.find((r) => r.id === reward.id);
      try {
        // Only unticking "available" is a withdrawal, which the audit trail names so; with other changes it is one edit.
        if (before?.active && !reward.active && sameApartFromActive(before, reward)) await points.withdrawReward(reward.id);
        else await points.saveReward(reward);
        return null;
      } catch (error) {
        const checked = validateReward(reward, scheme.tiers.map((x) => x.id));
        if (error instanceof PointsRefusedError && !checked.ok) return checked.reason;
        throw error;
      }
    });
  return (
    <RewardsView
      rewards={rewards}
      scheme={scheme}
      now={now}
      currency={currency}
      locked={owner.locked}
      onUnlock={owner.unlock}
      onSave={onSave}
      newId={() => crypto.randomUUID()}
    />
  );
}

// The duplicate finder (an owner's action): reads every active customer's phone, email, name and
// birthday in bulk, groups the likely duplicates, and opens the merge dialog for a group.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findDuplicateGroups, type DuplicateGroup } from '../../../shared/domain/duplicates';
import { formatMoney } from '../../../shared/domain/money';
import { duplicateCandidates } from '../../db';
import { useSettings } from '../../db/hooks';
import type { DuplicateFinderCustomer, MergeResult, ReadProgress } from '../../db/merge';
import { countText, currentLocale, formatDateTime } from '../../i18n';
import { routeHref } from '../../ui/routes';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { birthdayLabel, phonesLabel } from './fieldText';
import { MergeDialog } from './MergeDialog';
import { OwnerButton } from '../../session/OwnerOnly';
import './duplicates.css';

type Scan =
  | { state: 'idle' }
  | { state: 'scanning'; progress: ReadProgress | null }
  | { state: 'done'; checked: number; groups: DuplicateGroup[]; byId: Map<string, DuplicateFinderCustomer> }
  | { state: 'failed' };

export function DuplicatesScreen() {
  const { t } = useTranslation();
  const settings = useSettings();
  const region = settings?.defaultRegion ?? 'CN';
  const currency = settings?.currency ?? 'CNY';
  const [scan, setScan] = useState<Scan>({ state: 'idle' });
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);
  const [merged, setMerged] = useState<MergeResult | null>(null);

  const find = async () => {
    setMerged(null);
    setScan({ state: 'scanning', progress: null });
    try {
      const rows = await duplicateCandidates((progress) => setScan({ state: 'scanning', progress }));
      const groups = findDuplicateGroups(rows);
      setScan({ state: 'done', checked: rows.length, groups, byId: new Map(rows.map((r) => [r.id, r])) });
    } catch (error) {
      console.error(error);
      setScan({ state: 'failed' });
    }
  };

  const onMerged = (result: MergeResult) => {
    const group = merging;
    setMerging(null);
    setMerged(result);
    if (scan.state === 'done' && group) setScan({ ...scan, groups: scan.groups.filter((g) => g !== group) });
  };

  return (
    <section className="duplicates-screen" aria-labelledby="duplicates-heading">
      <ScreenHeader
        headingId="duplicates-heading"
        title={t('duplicateFinder.title')}
        intro={t('duplicateFinder.explain')}
        actions={
          <button type="button" className="button button-primary" onClick={() => void find()} disabled={scan.state === 'scanning'} data-testid="find-duplicates">
            {scan.state === 'done' || scan.state === 'failed' ? t('duplicateFinder.findAgain') : t('duplicateFinder.find')}
          </button>
        }
      />

      {merged && (
        <p className="banner banner-success" role="status" data-testid="merge-done">
          {t('duplicateFinder.merged', { name: merged.survivor.name })}{' '}
          <a href={routeHref({ name: 'customer', id: merged.survivor.id })}>{t('duplicateFinder.openMerged')}</a>
        </p>
      )}

      {scan.state === 'idle' && (
        <div className="empty-state">
          <p>{t('duplicateFinder.idle')}</p>
        </div>
      )}
      {scan.state === 'scanning' && (
        <div className="dup-progress" role="status" data-testid="duplicates-progress">
          <progress max={Math.max(scan.progress?.total ?? 0, 1)} value={scan.progress?.done ?? 0} />
          <span className="muted">
            {t('duplicateFinder.scanning', { done: countText(scan.progress?.done ?? 0), total: countText(scan.progress?.total ?? 0) })}
          </span>
        </div>
      )}
      {scan.state === 'failed' && <p className="banner banner-error" role="alert">{t('duplicateFinder.failed')}</p>}
      {scan.state === 'done' && (
        <>
          <p className="muted dup-summary" data-testid="duplicates-summary">
            {scan.groups.length === 0
              ? t('duplicateFinder.none', { count: scan.checked })
              : t('duplicateFinder.found', { count: scan.groups.length, checked: countText(scan.checked) })}
          </p>
          {scan.groups.map((group, gi) => (
            <section key={group.ids.join()} className="card dup-group" data-testid="duplicate-group" aria-label={t('duplicateFinder.groupLabel', { n: gi + 1 })}>
              <div className="dup-group-head">
                <div className="dup-reasons">
                  {group.reasons.map((r) => (
                    <span key={r} className="dup-reason" data-testid="duplicate-reason">
                      {t(`duplicateFinder.reasons.${r}`)}
                    </span>
                  ))}
                </div>
                <OwnerButton action="customers.merge" className="button button-primary button-small" onClick={() => setMerging(group)} testId="merge-open">
                  {t('duplicateFinder.merge')}
                </OwnerButton>
              </div>
              <div className="dup-scroll">
                <table className="simple-table dup-table">
                  <thead>
                    <tr>
                      <th>{t('customer.fields.name')}</th>
                      <th>{t('customer.fields.phones')}</th>
                      <th>{t('customer.fields.email')}</th>
                      <th>{t('customer.fields.birthday')}</th>
                      <th className="num-col">{t('list.columns.totalSpent')}</th>
                      <th className="num-col">{t('list.columns.purchaseCount')}</th>
                      <th>{t('customer.fields.createdAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.ids.map((id) => {
                      const c = scan.byId.get(id)!;
                      return (
                        <tr key={id} data-testid="duplicate-member">
                          <td><a href={routeHref({ name: 'customer', id })}>{c.name}</a></td>
                          <td className="mono">{phonesLabel(c.phones, region).map((p) => <div key={p}>{p}</div>)}</td>
                          <td className="break">{c.email || <span className="muted">—</span>}</td>
                          <td>{birthdayLabel(c.birthday, t) || <span className="muted">—</span>}</td>
                          <td className="num num-col">{formatMoney(c.totalSpentFen, currency, currentLocale())}</td>
                          <td className="num num-col">{countText(c.purchaseCount)}</td>
                          <td>{formatDateTime(c.createdAt)}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      )}
      {merging && <MergeDialog ids={merging.ids} onClose={() => setMerging(null)} onMerged={onMerged} />}
    </section>
  );
}

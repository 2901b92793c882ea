// One campaign (container): its results, the contacted customers with the message filled for each, marks (each logs a
// contact), the list exported as CSV for an SMS platform (only those who still consent on its channel), and the end.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignOutcome } from '../../../shared/domain/campaigns/campaign';
import { primaryPhone } from '../../../shared/domain/customer';
import { toCsv } from '../../../shared/domain/export/csv';
import { DEFAULT_GREETING_SETTINGS, fillGreeting } from '../../../shared/domain/greetings';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import { campaigns } from '../../db';
import { useCampaign, useCampaignResults, useContactedMembers } from '../../db/campaignHooks';
import { useSettings } from '../../db/hooks';
import { currentLocale, formatLongDate } from '../../i18n';
import { useClock } from '../../platform/clock';
import { useDesktop } from '../../platform/context';
import { copyText } from '../../ui/clipboard';
import { datedFileName, saveFile } from '../../ui/saveFile';
import { routeHref } from '../../ui/routes';
import { useMoney } from '../../ui/useMoney';
import { customerGreetingValues } from '../greetings/greetingText';
import { groupName } from '../status/statusText';
import { useStatusWording } from '../status/useStatusWording';
import { CampaignView, type CampaignRow } from './CampaignView';
import './campaigns.css';

export function CampaignScreen({ campaignId }: { campaignId: string }) {
  const campaign = useCampaign(campaignId);
  const { t } = useTranslation();
  if (campaign === undefined) return <div className="loading" aria-busy="true" />;
  if (campaign === null) return <p className="empty-state">{t('campaigns.notFound')}</p>;
  return <CampaignLoaded campaign={campaign} />;
}

function CampaignLoaded({ campaign }: { campaign: NonNullable<ReturnType<typeof useCampaign>> }) {
  const { t } = useTranslation();
  const clock = useClock();
  const { api } = useDesktop();
  const money = useMoney();
  const settings = useSettings();
  const wording = useStatusWording();
  const locale = currentLocale();
  const results = useCampaignResults(campaign.id);
  const members = useContactedMembers(campaign.id, campaign.channel);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const region = settings?.defaultRegion ?? 'CN';
  const greetings = settings?.greetings ?? DEFAULT_GREETING_SETTINGS;

  const rows = useMemo<(CampaignRow & { mayContact: boolean })[] | undefined>(
    () =>
      members?.map(({ member, customer, mayContact }) => {
        const phone = primaryPhone(customer);
        return {
          customerId: customer.id,
          name: customer.name,
          phone: phone ? formatPhoneForDisplay(phone, region) : '',
          href: routeHref({ name: 'customer', id: customer.id }),
          message: fillGreeting(campaign.message, customerGreetingValues(customer, { t, locale, settings: greetings, tierName: groupName(wording, customer.tierId) })),
          outcome: member.outcome,
          mayContact,
        };
      }),
    [members, region, campaign.message, t, locale, greetings, wording],
  );

  const percent = (v: number | null) => (v === null ? '—' : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v)}%`);
  const points = (v: number | null) => (v === null ? '—' : t('campaigns.results.points', { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v) }));

  const onMark = (customerId: string, outcome: CampaignOutcome) => {
    void campaigns.mark(campaign.id, customerId, outcome).catch((error: unknown) => {
      console.error(error);
      setStatus({ tone: 'error', text: t('campaigns.errors.mark-failed') });
    });
  };

  const onExport = async () => {
    const allowed = (rows ?? []).filter((r) => r.mayContact);
    const headers = [t('campaigns.csv.name'), t('campaigns.csv.phone'), t('campaigns.csv.message')];
    const fileName = datedFileName(t('app.name'), campaign.name, 'csv', clock());
    const outcome = await saveFile(api.exportFile, fileName, async () => new TextEncoder().encode(toCsv(headers, allowed.map((r) => [r.name, r.phone, r.message]))));
    if (outcome.state === 'saved') setStatus({ tone: 'ok', text: t('campaigns.exported', { count: allowed.length, left: (rows?.length ?? 0) - allowed.length, file: outcome.fileName }) });
    else if (outcome.state === 'failed') setStatus({ tone: 'error', text: t('campaigns.errors.export-failed') });
  };

  return (
    <CampaignView
      campaign={campaign}
      results={results}
      rows={rows?.filter((r) => r.mayContact)}
      money={money.format}
      dateOf={(iso) => formatLongDate(new Date(iso))}
      percent={percent}
      points={points}
      onMark={onMark}
      onCopy={(text) => void copyText(text).then((ok) => setStatus(ok ? { tone: 'ok', text: t('campaigns.copied') } : { tone: 'error', text: t('campaigns.errors.copy-failed') }))}
      onExport={() => void onExport()}
      onEnd={() => void campaigns.end(campaign.id)}
      status={status}
    />
  );
}

// A new campaign (container): the form kept as typed, the segment counted as it is built (or loaded from a saved one),
// the message checked as a promotion greeting (its fields, in this language's words) and previewed on a sample
// customer, and the start (owner only), which draws the members and opens the campaign with its own copy of the
// conditions. A refused start keeps everything typed.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CONTROL_SHARE, DEFAULT_RESULT_WINDOW_DAYS, campaignDraftErrors, heldOutCount, mayReceive, type CampaignDraft } from '../../../shared/domain/campaigns/campaign';
import type { SegmentCondition } from '../../../shared/domain/campaigns/segment';
import { DEFAULT_GREETING_SETTINGS, fillGreeting, validateTemplate } from '../../../shared/domain/greetings';
import { parseMoney } from '../../../shared/domain/money';
import { campaigns } from '../../db';
import { CampaignRefusedError } from '../../db/campaigns';
import { useSettings } from '../../db/hooks';
import { currentLocale } from '../../i18n';
import { useClock } from '../../platform/clock';
import { useOwnerGate, usePermission } from '../../session/ownerGate';
import { navigate } from '../../ui/routes';
import { fieldToken, sampleGreetingValues, shownTemplate, templateErrorText } from '../greetings/greetingText';
import { SegmentBuilder, useSegmentMembers, useSegmentVocabulary } from './SegmentBuilder';
import { SegmentBuilderSaved } from './SegmentBuilderSaved';
import { NewCampaignView, type NewCampaignForm } from './NewCampaignView';
import './campaigns.css';

export function NewCampaignScreen() {
  const { t } = useTranslation();
  const clock = useClock();
  const settings = useSettings();
  const locale = currentLocale();
  const gate = useOwnerGate();
  const { locked } = usePermission('campaigns.manage');
  const greetings = settings?.greetings ?? DEFAULT_GREETING_SETTINGS;
  const currency = settings?.currency ?? 'CNY';
  const [conditions, setConditions] = useState<SegmentCondition[]>([{ kind: 'last-visit', minDays: 60, maxDays: null, includeNever: false }]);
  const [loadCount, setLoadCount] = useState(0);
  const vocabulary = useSegmentVocabulary();
  const [form, setForm] = useState<NewCampaignForm>(() => ({
    name: '',
    channel: 'sms',
    message: shownTemplate(t, greetings, 'promotion', locale),
    cost: '',
    windowDays: String(DEFAULT_RESULT_WINDOW_DAYS),
    controlPercent: String(Math.round(DEFAULT_CONTROL_SHARE * 100)),
  }));
  const [shownErrors, setShownErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { count, members } = useSegmentMembers(conditions);
  const reachable = useMemo(() => (members ? members.filter((m) => mayReceive(form.channel, m.consented)) : null), [members, form.channel]);

  const template = validateTemplate(form.message, 'promotion');
  const preview = template.ok ? fillGreeting(template.value, sampleGreetingValues(t, locale, greetings, clock())) : form.message;
  const cost = form.cost.trim() === '' ? { ok: true as const, value: 0 } : parseMoney(form.cost, currency);
  const windowDays = /^\d{1,3}$/.test(form.windowDays.trim()) ? Number(form.windowDays.trim()) : NaN;
  const controlPercent = /^\d{1,2}$/.test(form.controlPercent.trim()) ? Number(form.controlPercent.trim()) : NaN;
  const draft: CampaignDraft = {
    name: form.name,
    conditions,
    channel: form.channel,
    message: template.ok ? template.value : form.message,
    costFen: cost.ok ? cost.value : -1,
    windowDays,
    controlShare: controlPercent / 100,
  };
  const draftErrors = campaignDraftErrors(draft, reachable?.length ?? 0, vocabulary.known);
  const errors: Partial<Record<keyof NewCampaignForm | 'members' | 'conditions', string>> = {};
  if (shownErrors) {
    if (draftErrors.name) errors.name = t('campaigns.errors.name-missing');
    if (!template.ok) errors.message = templateErrorText(t, template.reason, 'promotion', locale);
    else if (draftErrors.message) errors.message = t('campaigns.errors.message-missing');
    if (draftErrors.costFen) errors.cost = t('campaigns.errors.cost-invalid');
    if (draftErrors.windowDays) errors.windowDays = t('campaigns.errors.window-invalid');
    if (draftErrors.controlShare) errors.controlPercent = t('campaigns.errors.control-invalid');
    if (draftErrors.conditions) errors.conditions = t('campaigns.errors.segment-invalid');
    if (draftErrors.members) errors.members = t('campaigns.errors.segment-empty', { channel: t(`channels.${form.channel}`) });
  }

  const start = () => {
    setShownErrors(true);
    setFailure(null);
    if (!template.ok || Object.keys(draftErrors).length > 0 || reachable === null) return;
    gate.run('campaigns.manage', () => {
      setBusy(true);
      void campaigns
        .start(draft, reachable)
        .then((campaign) => navigate({ name: 'campaign', id: campaign.id }))
        .catch((error: unknown) => {
          // Someone left the group since it was counted: the count on screen follows the store, so it is right by now.
          if (error instanceof CampaignRefusedError && error.errors.members === 'segment-changed') {
            setFailure(t('campaigns.errors.segment-changed'));
            return;
          }
          console.error(error);
          setFailure(t('campaigns.errors.start-failed'));
        })
        .finally(() => setBusy(false));
    });
  };

  return (
    <NewCampaignView
      form={form}
      onChange={setForm}
      segment={
        <SegmentBuilder
          conditions={conditions}
          onChange={setConditions}
          count={count}
          vocabulary={vocabulary}
          loadCount={loadCount}
          saved={
            <SegmentBuilderSaved
              conditions={conditions}
              onLoad={(loaded) => {
                setConditions(loaded);
                setLoadCount((n) => n + 1);
              }}
            />
          }
        />
      }
      reachable={reachable?.length ?? null}
      heldOut={reachable && Number.isFinite(controlPercent) ? heldOutCount(reachable.length, controlPercent / 100) : null}
      preview={preview}
      fieldExample={fieldToken('name', locale)}
      errors={errors}
      locked={locked}
      busy={busy}
      failure={failure}
      onSubmit={start}
      onCancel={() => navigate({ name: 'campaigns' })}
    />
  );
}


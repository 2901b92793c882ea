// The status-rules screen (container): the draft, its live preview in the worker, saving and the recomputation.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDayOf } from '../../../shared/domain/customerFigures';
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from '../../../shared/domain/customerStatus';
import type { GroupPreview } from '../../../shared/domain/statusPreview';
import type { StoreChurnModel } from '../../../shared/domain/churnModel/storeModel';
import { nextReviewDate, tierName } from '../../../shared/domain/tiers';
import { settings as settingsRepo } from '../../db';
import { useBookkeeping, useSettings } from '../../db/hooks';
import { currentLocale } from '../../i18n';
import { useMoney } from '../../ui/useMoney';
import { statusWorker } from '../recompute/statusClient';
import { runStatusJob, useStatusJobs } from '../recompute/statusJobs';
import { draftOf, settingsOf, type RulesDraft, type RulesProblems } from './rulesForm';
import { StatusRulesView, type PreviewState, type SaveState } from './StatusRulesView';
import { useClock } from '../../platform/clock';
import { useOwnerGate } from '../../session/ownerGate';

const PREVIEW_DELAY_MS = 250;

export function StatusRulesScreen() {
  const settings = useSettings();
  const bookkeeping = useBookkeeping();
  if (!settings || !bookkeeping) return <div className="loading" aria-busy="true" />;
  return <StatusRulesEditor saved={settings.status} lastReviewAt={bookkeeping.lastTierReviewAt} churnModel={bookkeeping.churnModel} />;
}

function StatusRulesEditor({ saved, lastReviewAt, churnModel }: { saved: StatusSettings; lastReviewAt: string | null; churnModel: StoreChurnModel | null }) {
  const clock = useClock();
  const gate = useOwnerGate();
  useTranslation(); // re-render when the language changes
  const locale = currentLocale();
  const money = useMoney();
  const [draft, setDraft] = useState<RulesDraft>(() => draftOf(saved, money.currency, locale));
  // Problems show once the owner tried to save, then follow each change until the rules save.
  const [triedToSave, setTriedToSave] = useState(false);
  const [preview, setPreview] = useState<PreviewState>({ phase: 'loading', done: 0, total: 0 });
  const [save, setSave] = useState<SaveState>({ phase: 'idle' });
  const [fitting, setFitting] = useState(false);
  const running = useStatusJobs((s) => s.running);
  const [dataVersion, setDataVersion] = useState(0);

  // The shown names follow the language; a name the owner retyped is kept as typed.
  const shownLocale = useRef(locale);
  useEffect(() => {
    const before = shownLocale.current;
    if (before === locale) return;
    shownLocale.current = locale;
    setDraft((d) => ({
      ...d,
      tiers: d.tiers.map((t) => (t.storedName !== null && t.name === tierName({ name: t.storedName }, before) ? { ...t, name: tierName({ name: t.storedName }, locale) } : t)),
    }));
  }, [locale]);

  const parsed = useMemo(() => settingsOf(draft, money.currency, locale), [draft, money.currency, locale]);
  const problems: RulesProblems | null = triedToSave && !parsed.ok ? parsed.reason : null;
  const dirty = !parsed.ok || JSON.stringify(parsed.value) !== JSON.stringify(saved);

  // Read the store once (and again after a save changed it); then each valid draft is counted.
  useEffect(() => {
    let cancelled = false;
    setPreview({ phase: 'loading', done: 0, total: 0 });
    statusWorker()
      .loadPreview((done, total) => !cancelled && setPreview({ phase: 'loading', done, total }))
      .then(
        () => !cancelled && setPreview({ phase: 'counting' }),
        () => !cancelled && setPreview({ phase: 'failed' }),
      );
    return () => {
      cancelled = true;
    };
  }, [dataVersion]);

  const asked = useRef(0);
  const ready = preview.phase !== 'loading' && preview.phase !== 'failed';
  useEffect(() => {
    if (!ready || !parsed.ok) return;
    const ask = ++asked.current;
    const timer = setTimeout(() => {
      statusWorker()
        .preview(parsed.value)
        .then(
          (result: GroupPreview) => ask === asked.current && setPreview({ phase: 'ready', result, valid: true }),
          () => ask === asked.current && setPreview({ phase: 'failed' }),
        );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [ready, parsed]);
  // An invalid draft keeps the last counts on screen, marked as not current.
  const shownPreview: PreviewState = preview.phase === 'ready' && !parsed.ok ? { ...preview, valid: false } : preview;

  const change = useCallback((next: RulesDraft) => {
    setDraft(next);
    setSave((s) => (s.phase === 'saved' ? { phase: 'idle' } : s));
  }, []);

  // Problems show before the PIN is asked: the owner fixes the rules first.
  const onSave = () => {
    if (!parsed.ok) {
      setTriedToSave(true);
      return;
    }
    gate.run('rules.change', () => void saveRules(parsed.value));
  };

  const saveRules = async (rules: StatusSettings) => {
    setTriedToSave(false);
    setSave({ phase: 'saving' });
    try {
      await settingsRepo.write('status', rules);
      const result = await runStatusJob(statusWorker(), 'rules', clock);
      setSave({ phase: 'saved', changed: result.changed, customers: result.customers });
      setDataVersion((v) => v + 1);
    } catch {
      setSave({ phase: 'failed' });
    }
  };

  // The owner's "learn again": the status pass fits the churn model from today's store and levels everyone with it.
  const onFitNow = () =>
    gate.run('rules.change', () => {
      setFitting(true);
      setSave({ phase: 'idle' });
      runStatusJob(statusWorker(), 'rules', clock)
        .then((result) => setSave({ phase: 'saved', changed: result.changed, customers: result.customers }))
        .catch(() => setSave({ phase: 'failed' }))
        .finally(() => setFitting(false));
    });

  // Review days are the clerk's calendar days, as the review screen counts them.
  const today = localDayOf(clock().toISOString());
  const reviewEvery = parsed.ok ? parsed.value.scheme.reviewEveryMonths : saved.scheme.reviewEveryMonths;
  const nextReview = lastReviewAt === null ? today : nextReviewDate(lastReviewAt, reviewEvery);

  return (
    <StatusRulesView
      draft={draft}
      saved={saved}
      problems={problems}
      preview={shownPreview}
      save={save}
      busy={save.phase === 'saving' || running !== null}
      dirty={dirty}
      currency={money.currency}
      formatMoney={money.format}
      nextReviewDay={nextReview < today ? today : nextReview}
      onChange={change}
      onSave={onSave}
      onReset={() => change(draftOf(DEFAULT_STATUS_SETTINGS, money.currency, locale))}
      onDiscard={() => change(draftOf(saved, money.currency, locale))}
      churnModel={churnModel}
      onFitNow={onFitNow}
      fitting={fitting}
    />
  );
}

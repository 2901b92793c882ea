// The Settings screen's greetings section over the database: what is typed stays per occasion until saved
// (a refused save keeps it), the owner gate guards each write, and a template equal to the default is stored as
// "the default" so it follows the language.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_GREETING_SETTINGS,
  fieldsFor,
  fillGreeting,
  GREETING_OCCASIONS,
  greetingSettingsSchema,
  MAX_STORE_NAME_LENGTH,
  validateTemplate,
  type GreetingOccasion,
  type GreetingSettings,
} from '../../../shared/domain/greetings';
import { settings as settingsRepo } from '../../db';
import { useSettings } from '../../db/hooks';
import { currentLocale } from '../../i18n';
import { useClock } from '../../platform/clock';
import { usePermission } from '../../session/ownerGate';
import { defaultTemplate, fieldToken, occasionName, sampleGreetingValues, shownTemplate, templateErrorText } from './greetingText';
import { GreetingEditorView } from './GreetingEditorView';
import './greetings.css';

const ACTION = 'rules.change' as const;

const byOccasion = <T,>(value: (o: GreetingOccasion) => T) => Object.fromEntries(GREETING_OCCASIONS.map((o) => [o, value(o)])) as Record<GreetingOccasion, T>;

export function GreetingEditorSection() {
  const { t } = useTranslation();
  const clock = useClock();
  const stored = useSettings()?.greetings ?? DEFAULT_GREETING_SETTINGS;
  const locale = currentLocale();
  const { locked } = usePermission(ACTION);
  const [occasion, setOccasion] = useState<GreetingOccasion>('birthday');
  const [drafts, setDrafts] = useState<Partial<Record<GreetingOccasion, string>>>({});
  const [storeDraft, setStoreDraft] = useState<string | null>(null);
  const [storeNameError, setStoreNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const saved = (o: GreetingOccasion) => shownTemplate(t, stored, o, locale);
  const textOf = (o: GreetingOccasion) => drafts[o] ?? saved(o);
  const text = textOf(occasion);
  const checked = validateTemplate(text, occasion);
  const sample = sampleGreetingValues(t, locale, { ...stored, storeName: storeDraft ?? stored.storeName }, clock());

  const write = async (next: GreetingSettings, said: string, after: () => void) => {
    setBusy(true);
    setStatus(null);
    try {
      await settingsRepo.write('greetings', next);
      after();
      setStatus({ tone: 'ok', text: said });
    } catch (error) {
      console.error(error);
      setStatus({ tone: 'error', text: t('care.greetings.errors.saveFailed') });
    } finally {
      setBusy(false);
    }
  };

  const forget = (o: GreetingOccasion) =>
    setDrafts((d) => {
      const { [o]: _gone, ...rest } = d;
      return rest;
    });

  const save = () => {
    if (!checked.ok) return; // the error already shows under the text, which stays as typed
    const fallback = validateTemplate(defaultTemplate(t, occasion), occasion);
    // The default's own words are kept as "the default", so they follow a change of language.
    const value = fallback.ok && fallback.value === checked.value ? null : checked.value;
    void write({ ...stored, templates: { ...stored.templates, [occasion]: value } }, t('care.greetings.editor.saved', { occasion: occasionName(t, occasion) }), () => forget(occasion));
  };

  const restore = () => {
    const o = occasion;
    if (stored.templates[o] === null) {
      forget(o);
      setStatus({ tone: 'ok', text: t('care.greetings.editor.restored', { occasion: occasionName(t, o) }) });
      return;
    }
    void write({ ...stored, templates: { ...stored.templates, [o]: null } }, t('care.greetings.editor.restored', { occasion: occasionName(t, o) }), () => forget(o));
  };

  const saveStoreName = () => {
    const name = storeDraft ?? stored.storeName;
    const parsed = greetingSettingsSchema.shape.storeName.safeParse(name);
    if (!parsed.success) {
      setStoreNameError(t('care.greetings.errors.storeName', { max: MAX_STORE_NAME_LENGTH }));
      return;
    }
    setStoreNameError(null);
    void write({ ...stored, storeName: parsed.data }, t('care.greetings.editor.storeSaved'), () => setStoreDraft(null));
  };

  return (
    <GreetingEditorView
      action={ACTION}
      locked={locked}
      storeName={storeDraft ?? stored.storeName}
      storeNameError={storeNameError}
      onStoreNameChange={(name) => {
        setStoreDraft(name);
        setStoreNameError(null);
      }}
      onSaveStoreName={saveStoreName}
      occasion={occasion}
      onOccasionChange={(o) => {
        setOccasion(o);
        setStatus(null);
      }}
      custom={byOccasion((o) => stored.templates[o] !== null)}
      changed={byOccasion((o) => drafts[o] !== undefined && drafts[o] !== saved(o))}
      text={text}
      onTextChange={(next) => {
        setDrafts((d) => ({ ...d, [occasion]: next }));
        setStatus(null);
      }}
      fields={fieldsFor(occasion).map((f) => ({ token: fieldToken(f, locale), hint: t(`care.greetings.fieldHints.${f}`) }))}
      error={checked.ok ? null : templateErrorText(t, checked.reason, occasion, locale)}
      preview={checked.ok ? fillGreeting(checked.value, sample) : null}
      sampleName={sample.sampleName}
      onRestore={restore}
      onSave={save}
      busy={busy}
      status={status}
    />
  );
}

// The settings' "Pop-ups" section (container): asks main for the owner's pop-up preferences and what this shell can
// do with them, and sets them through the owner gate (main refuses the clerk too).
import { useCallback, useEffect, useState } from 'react';
import { reminderPrefsSchema, type ReminderPrefs } from '../../../shared/ipc/reminderSchedule';
import { useDesktop } from '../../platform/context';
import { useOwnerGate, usePermission } from '../../session/ownerGate';
import { PopupsView, type PopupsLoad, type PopupsMessage, type PopupsProblem } from './PopupsView';

/** What is wrong with a form the schema refused: a cleared time, or quiet hours that start when they end. */
export function popupsProblem(draft: ReminderPrefs): PopupsProblem {
  return draft.quietHours && draft.quietHours.from !== '' && draft.quietHours.from === draft.quietHours.to ? 'quiet-empty' : 'time-missing';
}

const samePrefs = (a: ReminderPrefs, b: ReminderPrefs) =>
  a.digestAt === b.digestAt &&
  a.quietHours?.from === b.quietHours?.from &&
  a.quietHours?.to === b.quietHours?.to &&
  a.timedPopups === b.timedPopups &&
  a.closeToTray === b.closeToTray &&
  a.openAtLogin === b.openAtLogin;

export function PopupsSection() {
  const { api } = useDesktop();
  const gate = useOwnerGate();
  const { locked } = usePermission('store.settings');
  const [load, setLoad] = useState<PopupsLoad>({ state: 'loading' });
  const [draft, setDraft] = useState<ReminderPrefs | null>(null);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<PopupsMessage | null>(null);

  useEffect(() => {
    let current = true;
    void api.reminders.prefs().then((answer) => {
      if (!current) return;
      if (answer.ok) {
        setLoad({ state: 'ready', view: answer.value });
        setDraft(answer.value.prefs);
      } else {
        // An older desktop part, or none answering: said in the section rather than a form that saves nothing.
        setLoad({ state: 'unavailable', reason: answer.reason });
      }
    });
    return () => {
      current = false;
    };
  }, [api]);

  const save = useCallback(
    async (next: ReminderPrefs) => {
      const parsed = reminderPrefsSchema.safeParse(next);
      if (!parsed.success) return setMessage({ kind: 'invalid', problem: popupsProblem(next) });
      setSaving(true);
      setMessage(null);
      try {
        const answer = await api.reminders.setPrefs(parsed.data);
        if (!answer.ok) return setMessage({ kind: 'failed', reason: answer.reason });
        setLoad({ state: 'ready', view: answer.value });
        setDraft(answer.value.prefs);
        setMessage({ kind: 'saved' });
      } finally {
        setSaving(false);
      }
    },
    [api],
  );

  const kept = load.state === 'ready' ? load.view.prefs : null;
  return (
    <PopupsView
      load={load}
      draft={draft}
      locked={locked}
      changed={draft !== null && kept !== null && !samePrefs(draft, kept)}
      saving={saving}
      message={message}
      onChange={(next) => {
        setDraft(next);
        setMessage(null);
      }}
      onSave={() => draft && gate.run('store.settings', () => void save(draft))}
      onUnlock={() => gate.run('store.settings', () => undefined)}
    />
  );
}

// The settings' "Complaint due times" section (container): the stored `complaints` setting, written through the owner gate.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintSettings } from '../../../shared/domain/complaintSettings';
import { settings as settingsRepo } from '../../db';
import { useSettings } from '../../db/hooks';
import { useOwnerGate, usePermission } from '../../session/ownerGate';
import { ComplaintSettingsView, type ComplaintSettingsSave } from './ComplaintSettingsView';
import './complaints.css';

export function ComplaintSettingsSection() {
  const { t } = useTranslation();
  const stored = useSettings();
  const gate = useOwnerGate();
  // How long the store gives itself to resolve a complaint is the owner's, as the store's other rules.
  const { locked } = usePermission('store.settings');
  const [save, setSave] = useState<ComplaintSettingsSave>('idle');
  if (!stored) return null;

  const onSave = (value: ComplaintSettings) =>
    gate.run(
      'store.settings',
      () => {
        setSave('idle');
        settingsRepo.write('complaints', value).then(
          () => setSave('saved'),
          (error: unknown) => {
            console.error(error);
            setSave('failed');
          },
        );
      },
      t('complaints.settings.purpose'),
    );

  // Keyed by the stored value: a save elsewhere (or a restore) starts the fields again from it.
  return <ComplaintSettingsView key={JSON.stringify(stored.complaints)} settings={stored.complaints} locked={locked} save={save} onSave={onSave} onEdited={() => setSave('idle')} />;
}

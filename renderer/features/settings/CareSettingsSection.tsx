// The settings' "Care reminders" section (container): the stored `care` setting, written through the owner gate.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareSettings } from '../../../shared/domain/careSettings';
import { settings as settingsRepo } from '../../db';
import { useSettings } from '../../db/hooks';
import { useOwnerGate, usePermission } from '../../session/ownerGate';
import { CareSettingsView, type CareSaveState } from './CareSettingsView';

export function CareSettingsSection() {
  const { t } = useTranslation();
  const stored = useSettings();
  const gate = useOwnerGate();
  // The lead times decide what every clerk is reminded of: the owner's, as the store's other settings.
  const { locked } = usePermission('store.settings');
  const [save, setSave] = useState<CareSaveState>('idle');

  if (!stored) return null;

  const onSave = (care: CareSettings) =>
    gate.run(
      'store.settings',
      () => {
        setSave('idle');
        settingsRepo.write('care', care).then(
          () => setSave('saved'),
          (error: unknown) => {
            console.error(error);
            setSave('failed');
          },
        );
      },
      t('care.settings.purpose'),
    );

  return <CareSettingsView settings={stored.care} locked={locked} save={save} onSave={onSave} onEdited={() => setSave('idle')} />;
}

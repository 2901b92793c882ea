// The settings' "Care reminders" section (container): the stored `care` setting, written through the owner gate.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareSettings } from '../../../shared/domain/careSettings';
import { settings as settingsRepo } from '../../db';
import { useSettings } from '../../db/hooks';
import { useClock } from '../../platform/clock';
import { useOwnerGate, usePermission } from '../../session/ownerGate';
import { useCareRefresh } from '../care/useCareRefresh';
import { CareSettingsView, type CareSaveState } from './CareSettingsView';

export function CareSettingsSection() {
  const { t } = useTranslation();
  const stored = useSettings();
  const gate = useOwnerGate();
  // The lead times decide what every clerk is reminded of: the owner's, as the store's other settings.
  const { locked } = usePermission('store.settings');
  const [save, setSave] = useState<CareSaveState>('idle');
  const refreshCare = useCareRefresh(useClock(), false);

  if (!stored) return null;

  const onSave = (care: CareSettings) =>
    gate.run(
      'store.settings',
      () => {
        setSave('idle');
        settingsRepo.write('care', care).then(
          () => {
            setSave('saved');
            // New lead times change what is due now and what main pops up: worked out again at once.
            void refreshCare();
          },
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

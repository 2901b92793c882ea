// The settings' "Security and privacy" section (container): asks main for its protections and the owner PIN's
// state, reads the backup settings and folder, and checks the audit trail's chain when asked.
import { useCallback, useEffect, useState } from 'react';
import type { ChainCheck } from '../../../shared/domain/auditChain';
import type { AppSecurity } from '../../../shared/ipc/contract';
import { auditTrail } from '../../db';
import { useOwnerPin } from '../../db/hooks';
import { useClock } from '../../platform/clock';
import { useDesktop } from '../../platform/context';
import { loadBackupSettings } from '../backup/backups';
import { useBackupState } from '../backup/backupState';
import { newestBackupAt, securityRows } from './securityState';
import { SecurityView } from './SecurityView';

export function SecuritySection() {
  const { api } = useDesktop();
  const clock = useClock();
  const storedPin = useOwnerPin();
  const backupSettings = useBackupState((s) => s.settings);
  const listingVersion = useBackupState((s) => s.listingVersion);
  // The chain as the last backup found it, until "check now" answers.
  const chainAtBackup = useBackupState((s) => s.auditChain);
  const [security, setSecurity] = useState<AppSecurity | null>(null);
  const [mainPinSet, setMainPinSet] = useState<boolean | null>(null);
  const [lastBackupAt, setLastBackupAt] = useState<string | null | undefined>(undefined);
  const [checked, setChecked] = useState<ChainCheck | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkFailed, setCheckFailed] = useState(false);

  useEffect(() => {
    let current = true;
    void api.app.security().then((answer) => current && answer.ok && setSecurity(answer.value));
    // Asked, not touched: looking at this section neither opens nor renews an owner session.
    void api.session.state().then((answer) => current && answer.ok && setMainPinSet(answer.value.pinSet));
    void loadBackupSettings(api);
    return () => {
      current = false;
    };
  }, [api]);

  useEffect(() => {
    let current = true;
    void api.backup.list().then((listed) => current && setLastBackupAt(listed.ok ? newestBackupAt(listed.value) : undefined));
    return () => {
      current = false;
    };
  }, [api, listingVersion]);

  const checkChain = useCallback(async () => {
    setChecking(true);
    setCheckFailed(false);
    try {
      setChecked(await auditTrail.checkChain());
    } catch (error) {
      console.error(error);
      setCheckFailed(true);
    } finally {
      setChecking(false);
    }
  }, []);

  // A PIN the store holds but main has not adopted yet still guards the owner's actions (main takes it at the first one).
  const pinSet = mainPinSet === true || (storedPin !== undefined && storedPin !== null) ? true : mainPinSet === null || storedPin === undefined ? null : false;
  const now = clock();
  const rows = securityRows({
    pinSet,
    backups: backupSettings ? { encryption: backupSettings.encryption, automatic: backupSettings.schedule.enabled } : null,
    lastBackupAt,
    chain: checked ?? chainAtBackup,
    security,
    now,
  });

  return <SecurityView rows={rows} now={now} checkingChain={checking} chainCheckFailed={checkFailed} onCheckChain={() => void checkChain()} />;
}

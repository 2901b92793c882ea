// The backup screen (container): reads the backup folder and settings from the main process, runs
// backups and restores, and puts owner-only actions behind the owner PIN.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupListing, BackupPreview, BackupSource } from '../../../shared/backup/api';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { useTableCounts } from '../../db/backupHooks';
import { CURRENT_SCHEMA_VERSION } from '../../db/backupSchemas';
import { useOwnerPin } from '../../db/hooks';
import { useStorageState } from '../../guards/storageState';
import { useDesktop } from '../../platform/context';
import { useOwnerGate } from '../../session/ownerGate';
import { ConfirmDialog } from '../../ui/Dialog';
import { BackupPasswordDialog } from './BackupPasswordDialog';
import { BackupSettingsForm } from './BackupSettingsForm';
import { backUp, configureBackups, loadBackupSettings, setBackupPassword, setUpBackupEncryption, showRecoverySheet } from './backups';
import { useBackupState } from './backupState';
import { failureText } from './backupText';
import { BackupView, type BackupViewProps } from './BackupView';
import { reloadAfterRestore } from './reload';
import { RecoverySheet } from './RecoverySheet';
import { RestoreDialog } from './RestoreDialog';
import type { RestoreOutcome } from './restoreBackup';
import { saveRestoreNotice } from './restoreNotice';
import { useClock } from '../../platform/clock';

/** The backup folder's list, read again whenever a backup, restore or setting changed it. */
function useBackupListing(api: DesktopApi): { listing: BackupListing | null; error: string | null } {
  const version = useBackupState((s) => s.listingVersion);
  const [state, setState] = useState<{ listing: BackupListing | null; error: string | null }>({ listing: null, error: null });
  useEffect(() => {
    let current = true;
    void api.backup.list().then((listed) => {
      if (current) setState(listed.ok ? { listing: listed.value, error: null } : { listing: null, error: listed.reason });
    });
    return () => {
      current = false;
    };
  }, [api, version]);
  return state;
}

export function BackupScreen() {
  const clock = useClock();
  const { t } = useTranslation();
  const { api, info } = useDesktop();
  const ownerPin = useOwnerPin();
  const { listing, error } = useBackupListing(api);
  const settings = useBackupState((s) => s.settings);
  const running = useBackupState((s) => s.running);
  const restoring = useBackupState((s) => s.restoring);
  const nextAutomaticAt = useBackupState((s) => s.nextAutomaticAt);
  const storagePersisted = useStorageState((s) => s.storagePersisted);
  const restoreTest = useBackupState((s) => s.restoreTest);
  const testingRestore = useBackupState((s) => s.testingRestore);
  const gate = useOwnerGate();
  const [manualResult, setManualResult] = useState<BackupViewProps['manualResult']>(null);
  const [notice, setNotice] = useState<BackupViewProps['notice']>(null);
  const [editing, setEditing] = useState(false);
  const [restore, setRestore] = useState<{ source: BackupSource | null } | null>(null);
  const todayCounts = useTableCounts(restore !== null);
  /** 'change': a new password only; 'set-up': a password and a new recovery sheet. */
  const [passwordDialog, setPasswordDialog] = useState<'change' | 'set-up' | null>(null);
  const [confirmTurnOff, setConfirmTurnOff] = useState(false);
  /** The recovery key just made: shown once on its sheet, then forgotten. */
  const [recoverySheet, setRecoverySheet] = useState<{ key: string; id: string; createdAt: string; held: boolean } | null>(null);

  useEffect(() => {
    void loadBackupSettings(api);
  }, [api]);

  // "Undo" on the restore notice: restore the safety backup it names.
  const pendingRestore = useBackupState((s) => s.pendingRestore);
  const { run: runAsOwner } = gate;
  useEffect(() => {
    if (!pendingRestore) return;
    useBackupState.setState({ pendingRestore: null });
    runAsOwner('backup.restore', () => setRestore({ source: { fileName: pendingRestore } }));
  }, [pendingRestore, runAsOwner]);

  const backUpNow = async () => {
    setManualResult(null);
    setNotice(null);
    const made = await backUp(api, 'manual');
    setManualResult(made.ok ? { ok: true, entry: made.value.backup, removed: made.value.removed.length } : { ok: false, reason: made.reason });
  };

  const showFolder = async () => {
    setNotice(null);
    const shown = await api.backup.showFolder();
    if (!shown.ok) setNotice({ kind: 'error', text: failureText(t, shown.reason) });
  };

  const restoreFile = async () => {
    setNotice(null);
    const chosen = await api.backup.chooseFile();
    if (chosen.ok) {
      if (chosen.value) setRestore({ source: { handle: chosen.value.handle } });
    } else if (chosen.reason === 'unavailable') {
      // Browser mode has no OS file picker: the dialog offers the browser's, and sends the picked file to main.
      setRestore({ source: null });
    } else {
      setNotice({ kind: 'error', text: failureText(t, chosen.reason) });
    }
  };

  const onRestored = (outcome: RestoreOutcome, preview: BackupPreview) => {
    saveRestoreNotice({
      restoredAt: clock().toISOString(),
      backup: { createdAt: preview.createdAt, fileName: preview.fileName, trigger: preview.trigger, counts: outcome.staged.counts },
      upgradedFrom: outcome.staged.migratedFrom < CURRENT_SCHEMA_VERSION ? outcome.staged.migratedFrom : null,
      safety: outcome.safety,
      erasedAgain: outcome.staged.erasedAgain,
    });
    reloadAfterRestore();
  };

  const configure = async (request: Parameters<typeof configureBackups>[1]) => {
    const view = await configureBackups(api, request);
    return view.ok ? null : failureText(t, view.reason);
  };

  const settingsForm =
    editing && settings ? (
      <BackupSettingsForm
        view={settings}
        canChooseFolder={info?.shell === 'desktop'}
        onChooseFolder={async () => {
          const chosen = await api.backup.chooseFolder();
          if (!chosen.ok) return failureText(t, chosen.reason);
          if (!chosen.value) return undefined;
          return configure({ folder: chosen.value.folder });
        }}
        onTypedFolder={(folder) => configure({ folder })}
        onDefaultFolder={() => configure({ folder: null })}
        onSave={async (change) => {
          const failure = await configure(change);
          if (!failure) {
            setEditing(false);
            setNotice({ kind: 'ok', text: t('backup.settings.saved') });
          }
          return failure;
        }}
        onClose={() => setEditing(false)}
      />
    ) : null;

  return (
    <>
      <BackupView
        now={clock()}
        listing={listing}
        listingError={error}
        settings={settings}
        running={running}
        busy={running !== null || restoring}
        manualResult={manualResult}
        notice={notice}
        nextAutomaticAt={nextAutomaticAt}
        storagePersisted={storagePersisted}
        restoreTest={restoreTest}
        testingRestore={testingRestore}
        ownerPinSetAt={ownerPin?.setAt ?? null}
        settingsForm={settingsForm}
        onBackUpNow={() => void backUpNow()}
        onShowFolder={() => void showFolder()}
        onRestore={(entry: BackupEntry) => gate.run('backup.restore', () => setRestore({ source: { fileName: entry.fileName } }))}
        onRestoreFile={() => gate.run('backup.restore', () => void restoreFile())}
        onEditSettings={() => gate.run('backup.settings', () => setEditing(true))}
        onSetPassword={() => gate.run('backup.password', () => setPasswordDialog('change'))}
        onSetUpEncryption={() => gate.run('backup.password', () => setPasswordDialog('set-up'))}
        onTurnOffEncryption={() => gate.run('backup.password', () => setConfirmTurnOff(true))}
        onPrintRecoverySheet={() =>
          gate.run('backup.password', async () => {
            const shown = await showRecoverySheet(api);
            const key = shown.ok ? shown.value.settings.encryption.recoveryKey : null;
            if (!shown.ok || key === null) {
              setNotice({ kind: 'error', text: failureText(t, shown.ok ? 'unavailable' : shown.reason) });
              return;
            }
            setRecoverySheet({ key: shown.value.recoveryKey, id: key.id, createdAt: key.createdAt, held: true });
          })
        }
        onChangePin={() =>
          ownerPin ? gate.changePin() : gate.run('pin.change', () => setNotice({ kind: 'ok', text: t('pin.setDone') }), t('pin.purposes.firstPin'))
        }
      />
      {restore && ownerPin !== undefined && (
        <RestoreDialog
          api={api}
          source={restore.source}
          mode="replace"
          todayCounts={todayCounts ?? {}}
          carry={{ ownerPin }}
          onRestored={onRestored}
          onClose={() => setRestore(null)}
        />
      )}
      {passwordDialog && settings && (
        <BackupPasswordDialog
          mode={passwordDialog === 'set-up' ? 'set-up' : 'change'}
          keepsRecoveryKey={settings.encryption.state === 'automatic'}
          onCancel={() => setPasswordDialog(null)}
          onSave={async (password) => {
            if (passwordDialog === 'change') {
              const view = await setBackupPassword(api, password);
              if (!view.ok) return failureText(t, view.reason);
              setPasswordDialog(null);
              setNotice({ kind: 'ok', text: t('backup.password.saved') });
              return null;
            }
            const setUp = await setUpBackupEncryption(api, password);
            if (!setUp.ok) return failureText(t, setUp.reason);
            const made = setUp.value.settings.encryption.recoveryKey;
            setPasswordDialog(null);
            if (made) setRecoverySheet({ key: setUp.value.recoveryKey, id: made.id, createdAt: made.createdAt, held: false });
            setNotice({ kind: 'ok', text: t('backup.protection.setUpDone') });
            return null;
          }}
        />
      )}
      {recoverySheet && (
        <RecoverySheet
          recoveryKey={recoverySheet.key}
          keyId={recoverySheet.id}
          createdAt={recoverySheet.createdAt}
          heldOnThisPc={recoverySheet.held}
          onDone={() => setRecoverySheet(null)}
        />
      )}
      {confirmTurnOff && (
        <ConfirmDialog
          title={t('backup.protection.turnOffTitle')}
          message={t('backup.protection.turnOffMessage')}
          confirmLabel={t('backup.protection.turnOffConfirm')}
          danger
          onCancel={() => setConfirmTurnOff(false)}
          onConfirm={() => {
            setConfirmTurnOff(false);
            void setBackupPassword(api, null).then((view) =>
              setNotice(view.ok ? { kind: 'ok', text: t('backup.protection.turnedOff') } : { kind: 'error', text: failureText(t, view.reason) }),
            );
          }}
        />
      )}
    </>
  );
}

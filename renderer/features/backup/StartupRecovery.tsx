// Start-up when the store cannot be shown as it was: its database would not open (a damaged profile, a
// full disk, data from a newer version), or it opened empty where a store was before (the browser reset
// its storage, or this is a new PC with the old backups). The app offers the latest good backup instead
// of starting empty; the unreadable database is kept aside, never deleted.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry, BackupPreview, BackupSource } from '../../../shared/backup/api';
import { ownerPinRecordSchema } from '../../../shared/domain/ownerPin';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { readDatabasePointer, restoredDatabaseName, writeDatabasePointer } from '../../db/activeDatabase';
import { CURRENT_SCHEMA_VERSION } from '../../db/backupSchemas';
import type { StagedDatabase } from '../../db/backupStaging';
import { currentLocale, formatDateTime } from '../../i18n';
import { ConfirmDialog } from '../../ui/Dialog';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { countsSummary, failureText, triggerLabel } from './backupText';
import { OwnerPinDialog } from '../../session/OwnerPinDialog';
import { reloadAfterRestore } from './reload';
import { RestoreDialog } from './RestoreDialog';
import type { RestoreMode, RestoreOutcome } from './restoreBackup';
import { saveRestoreNotice } from './restoreNotice';
import './backup.css';
import { useClock } from '../../platform/clock';

/**
 * 'unreadable': the database failed to open; 'full': it failed for lack of disk space; 'newer': a newer
 * version of the app wrote it; 'lost': it opened empty although a store was open here before; 'found': it
 * opened empty (a new PC?) and the backup folder holds backups.
 */
export type StartupProblem = 'unreadable' | 'full' | 'newer' | 'lost' | 'found';

interface Props {
  api: DesktopApi;
  problem: StartupProblem;
  /** What the database said, for the details. */
  detail: string | null;
  /** Only when the store opened (empty): go on to the app without restoring. */
  onContinue?: () => void;
}

export function StartupRecovery({ api, problem, detail, onContinue }: Props) {
  const clock = useClock();
  const { t } = useTranslation();
  const [entries, setEntries] = useState<BackupEntry[] | null>(null);
  const [listingError, setListingError] = useState<string | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [restore, setRestore] = useState<{ source: BackupSource | null } | null>(null);
  const [pinAsk, setPinAsk] = useState<{ mode: 'enter' | 'set'; purpose: string; answer: (ok: boolean) => void } | null>(null);
  const [confirmFresh, setConfirmFresh] = useState(false);
  const [freshFailed, setFreshFailed] = useState(false);
  const opened = problem === 'lost' || problem === 'found';
  const mode: RestoreMode = opened ? 'empty' : 'recover';

  useEffect(() => {
    document.title = t('app.windowTitle');
    void api.backup.list().then((listed) => {
      if (!listed.ok) {
        setListingError(listed.reason);
        setEntries([]);
        return;
      }
      setFolder(listed.value.folder);
      // Only what this version can restore: a newer version's backups are refused anyway.
      setEntries(listed.value.entries.filter((e): e is BackupEntry => e.status === 'ok' && e.schemaVersion <= CURRENT_SCHEMA_VERSION));
    });
  }, [api, t]);

  const latest = entries?.[0] ?? null;

  // The owner PIN guards the switch: main's, or, when main holds none yet, the restored store's own
  // (main takes it first), since today's store that would hold a copy does not open.
  const beforeSwap = async (staged: StagedDatabase) => {
    let state = await api.session.state();
    if (!state.ok) return false;
    if (!state.value.pinSet) {
      const record = ownerPinRecordSchema.safeParse(staged.stagedOwnerPin);
      if (!record.success) return true;
      state = await api.session.adoptPin(record.data);
      if (!state.ok) return false;
    }
    if (state.value.role === 'owner') return true;
    return new Promise<boolean>((resolve) => setPinAsk({ mode: 'enter', purpose: t('pin.purposes.restoreRecovered'), answer: resolve }));
  };

  const onRestored = (outcome: RestoreOutcome, preview: BackupPreview) => {
    saveRestoreNotice({
      restoredAt: clock().toISOString(),
      backup: { createdAt: preview.createdAt, fileName: preview.fileName, trigger: preview.trigger, counts: outcome.staged.counts },
      upgradedFrom: outcome.staged.migratedFrom < CURRENT_SCHEMA_VERSION ? outcome.staged.migratedFrom : null,
      safety: null,
      erasedAgain: outcome.staged.erasedAgain,
    });
    reloadAfterRestore();
  };

  const startFresh = async () => {
    try {
      const pointer = await readDatabasePointer();
      await writeDatabasePointer({ active: restoredDatabaseName(crypto.randomUUID()), previous: null, keep: [...new Set([...pointer.keep, pointer.active])], movedAt: clock().toISOString() });
      reloadAfterRestore();
    } catch {
      setFreshFailed(true);
    }
  };

  // Main reads a chosen file for the owner only: the PIN first (set here when this PC has none yet).
  const ownerFirst = async (): Promise<boolean> => {
    const state = await api.session.state();
    if (!state.ok) return false;
    if (state.value.role === 'owner') return true;
    const mode = state.value.pinSet ? 'enter' : 'set';
    return new Promise<boolean>((resolve) => setPinAsk({ mode, purpose: t('pin.purposes.restore'), answer: resolve }));
  };

  const chooseFile = async () => {
    if (!(await ownerFirst())) return;
    const chosen = await api.backup.chooseFile();
    if (chosen.ok && chosen.value) setRestore({ source: { handle: chosen.value.handle } });
    else if (!chosen.ok && chosen.reason === 'unavailable') setRestore({ source: null });
  };

  return (
    <div className="startup-recovery" data-testid="startup-recovery" data-problem={problem}>
      <div className="startup-card">
        <div className="startup-top">
          <span className="brand-mark" aria-hidden="true">
            熟
          </span>
          <div className="startup-language">
            <LanguageSelect />
          </div>
        </div>
        <h1>{t(`recovery.titles.${problem}`)}</h1>
        <p>{t(`recovery.bodies.${problem}`)}</p>
        {!opened && <p className="hint">{t('recovery.keptAside')}</p>}

        {entries === null ? (
          <div className="loading" aria-busy="true" />
        ) : latest ? (
          <section className="startup-latest" data-testid="latest-backup">
            <h2>{t('recovery.latest')}</h2>
            <p className="startup-latest-time">{formatDateTime(latest.createdAt)}</p>
            <p className="hint">
              {triggerLabel(t, latest.trigger)} · {countsSummary(t, latest.counts, currentLocale())}
              {latest.verifiedAt && ` · ${t('backup.verified')}`}
            </p>
            <div className="row-gap startup-actions">
              <button type="button" className="button button-primary" onClick={() => setRestore({ source: { fileName: latest.fileName } })} data-testid="restore-latest">
                {t('recovery.restoreLatest')}
              </button>
              <button type="button" className="button" onClick={() => void chooseFile()} data-testid="recovery-file">
                {t('backup.restoreFile')}
              </button>
            </div>
            {entries.length > 1 && (
              <details className="startup-older">
                <summary>{t('recovery.older', { count: entries.length - 1 })}</summary>
                <ul className="plain-list">
                  {entries.slice(1).map((entry) => (
                    <li key={entry.fileName} className="startup-older-row">
                      <span>
                        {formatDateTime(entry.createdAt)} <span className="hint">· {countsSummary(t, entry.counts, currentLocale())}</span>
                      </span>
                      <button type="button" className="button button-small" onClick={() => setRestore({ source: { fileName: entry.fileName } })}>
                        {t('backup.restore')}
                      </button>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        ) : (
          <section className="startup-latest" data-testid="no-backups-found">
            <p>{listingError ? failureText(t, listingError) : t('recovery.noBackups', { folder: folder ?? '—' })}</p>
            <div className="row-gap startup-actions">
              <button type="button" className="button" onClick={() => void chooseFile()} data-testid="recovery-file">
                {t('backup.restoreFile')}
              </button>
            </div>
          </section>
        )}

        <div className="startup-footer">
          {opened ? (
            <button type="button" className="button" onClick={onContinue} data-testid="recovery-continue">
              {t('recovery.continueEmpty')}
            </button>
          ) : (
            <>
              <button type="button" className="button" onClick={() => window.location.reload()} data-testid="recovery-retry">
                {t('recovery.retry')}
              </button>
              <button type="button" className="link-button" onClick={() => setConfirmFresh(true)} data-testid="recovery-fresh">
                {t('recovery.startFresh')}
              </button>
            </>
          )}
        </div>
        {freshFailed && (
          <p className="form-error" role="alert">
            {t('recovery.freshFailed')}
          </p>
        )}
        {detail && (
          <details className="startup-detail">
            <summary>{t('errorScreen.details')}</summary>
            <pre>{detail}</pre>
          </details>
        )}
      </div>

      {restore && (
        <RestoreDialog
          api={api}
          source={restore.source}
          mode={mode}
          todayCounts={null}
          carry={null}
          beforeSwap={beforeSwap}
          onRestored={onRestored}
          onClose={() => setRestore(null)}
        />
      )}
      {pinAsk && (
        <OwnerPinDialog
          mode={pinAsk.mode}
          purpose={pinAsk.purpose}
          onDone={() => {
            pinAsk.answer(true);
            setPinAsk(null);
          }}
          onCancel={() => {
            pinAsk.answer(false);
            setPinAsk(null);
          }}
        />
      )}
      {confirmFresh && (
        <ConfirmDialog
          title={t('recovery.freshTitle')}
          message={t('recovery.freshMessage')}
          confirmLabel={t('recovery.freshConfirm')}
          danger
          onCancel={() => setConfirmFresh(false)}
          onConfirm={() => {
            setConfirmFresh(false);
            void startFresh();
          }}
        />
      )}
    </div>
  );
}

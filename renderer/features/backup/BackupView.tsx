// The backup screen (view): "Back up now" with its progress, where backups go and when the next one is,
// the list of backups (restore any of them, or a file), the owner's settings, PIN and backup password.
import { formatDistance, parseISO } from 'date-fns';
import { enUS, zhCN, zhTW } from 'date-fns/locale';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { OwnerLockMark } from '../../session/OwnerOnly';
import type { BackupEntry, BackupListEntry, BackupListing, BackupSettingsView } from '../../../shared/backup/api';
import { encryptionConcern } from '../../../shared/backup/protection';
import { assertNever } from '../../../shared/result';
import { currentLocale, formatDateTime } from '../../i18n';
import type { BackupUiState } from './backupState';
import { formatBytes } from '../../ui/bytes';
import { countsSummary, failureText, triggerLabel } from './backupText';
import './backup.css';

const DATE_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS } as const;
/** Below this much free space where backups go, the screen warns: a few more backups, then the disk is full. */
const LOW_SPACE_BYTES = 200 * 1024 * 1024;

export interface BackupViewProps {
  /** The time the view is drawn at ("2 minutes ago", "in 3 minutes"). */
  now: Date;
  listing: BackupListing | null;
  listingError: string | null;
  settings: BackupSettingsView | null;
  running: BackupUiState['running'];
  busy: boolean;
  /** The outcome of the owner's own "Back up now". */
  manualResult: { ok: true; entry: BackupEntry; removed: number } | { ok: false; reason: string } | null;
  /** A short word about the last owner action (a password removed, a folder that would not open). */
  notice: { kind: 'ok' | 'error'; text: string } | null;
  nextAutomaticAt: string | null;
  storagePersisted: boolean | null;
  restoreTest: BackupUiState['restoreTest'];
  testingRestore: boolean;
  ownerPinSetAt: string | null;
  /** The settings form, while the owner edits; null otherwise. */
  settingsForm: ReactNode;
  onBackUpNow: () => void;
  onShowFolder: () => void;
  onRestore: (entry: BackupEntry) => void;
  onRestoreFile: () => void;
  onEditSettings: () => void;
  /** Change the password (the recovery key stays). */
  onSetPassword: () => void;
  /** A password and a new recovery sheet: the first set-up, again after turning encryption off, or a lost sheet. */
  onSetUpEncryption: () => void;
  onTurnOffEncryption: () => void;
  /** Automatic encryption: show the sheet of the recovery key this PC holds. */
  onPrintRecoverySheet: () => void;
  onChangePin: () => void;
}

function relative(iso: string, now: Date): string {
  return formatDistance(parseISO(iso), now, { addSuffix: true, locale: DATE_LOCALES[currentLocale()] });
}

export function BackupView(props: BackupViewProps) {
  const { t } = useTranslation();
  const { listing, settings, running, busy } = props;
  const locale = currentLocale();
  const newest = listing?.entries.find((entry): entry is BackupEntry => entry.status === 'ok') ?? null;
  const lowSpace = listing?.freeBytes != null && listing.freeBytes < Math.max(LOW_SPACE_BYTES, (newest?.sizeBytes ?? 0) * 5);
  const percent = running ? Math.round(running.fraction * 100) : 0;
  const concern = settings ? encryptionConcern(settings.encryption) : 'none';

  return (
    <section aria-labelledby="backups-heading" className="backups">
      <div className="screen-header">
        <div className="screen-header-stacked">
          <h1 id="backups-heading">{t('backup.title')}</h1>
          <p className="muted">{t('backup.intro')}</p>
        </div>
        <div className="row-gap">
          <button type="button" className="button" onClick={props.onShowFolder} data-testid="show-folder">
            {t('backup.openFolder')}
          </button>
          <button type="button" className="button button-primary" onClick={props.onBackUpNow} disabled={busy} data-testid="back-up-now">
            {t('backup.backUpNow')}
          </button>
        </div>
      </div>

      {concern === 'print-sheet' && (
        <div className="banner banner-warning backup-unprotected" role="status" data-testid="backup-sheet-missing">
          <p>{t('backup.protection.printSheetBanner')}</p>
          <button type="button" className="button button-small button-primary" onClick={props.onPrintRecoverySheet} data-testid="print-recovery-sheet-banner">
            {t('backup.protection.printSheet')}
            <OwnerLockMark action="backup.password" />
          </button>
        </div>
      )}
      {settings && (concern === 'off' || concern === 'not-set-up') && (
        <div className="banner banner-warning backup-unprotected" role="status" data-testid="backup-unprotected">
          <p>
            {settings.encryption.state === 'off' ? t('backup.protection.offBanner', { date: formatDateTime(settings.encryption.offAt ?? '') }) : t('backup.protection.notSetUpBanner')}
          </p>
          <button type="button" className="button button-small button-primary" onClick={props.onSetUpEncryption} disabled={!settings.passwordStorageAvailable} data-testid="set-up-encryption">
            {settings.encryption.state === 'off' ? t('backup.protection.turnOn') : t('backup.protection.setUp')}
            <OwnerLockMark action="backup.password" />
          </button>
        </div>
      )}

      {running && (
        <div className="card backup-progress" role="status" aria-live="polite" data-testid="backup-progress">
          <div className="backup-progress-label">
            <span>{t(`backup.progress.${running.trigger}`)}</span>
            <span className="muted">{t(`backup.phases.${running.phase}`)}</span>
          </div>
          <progress max={100} value={percent} aria-label={t('backup.backUpNow')} />
          <span className="backup-progress-percent">{percent}%</span>
        </div>
      )}
      {!running && props.manualResult?.ok === true && (
        <p className="banner banner-ok" role="status" data-testid="backup-done">
          {t('backup.done', { time: formatDateTime(props.manualResult.entry.createdAt), size: formatBytes(props.manualResult.entry.sizeBytes, locale) })}
          {props.manualResult.removed > 0 && ` ${t('backup.doneRemoved', { count: props.manualResult.removed })}`}
        </p>
      )}
      {!running && props.manualResult?.ok === false && (
        <p className="banner banner-error" role="alert" data-testid="backup-failed">
          {t('backup.failedNow', { reason: failureText(t, props.manualResult.reason) })}
        </p>
      )}

      {props.notice && (
        <p className={props.notice.kind === 'ok' ? 'banner banner-ok' : 'banner banner-error'} role={props.notice.kind === 'ok' ? 'status' : 'alert'} data-testid="backup-notice">
          {props.notice.text}
        </p>
      )}

      <section className="card backup-summary" data-testid="backup-summary">
        <dl className="field-grid backup-facts">
          <div className="field-view">
            <dt>{t('backup.lastBackup')}</dt>
            <dd data-testid="last-backup">{newest ? `${formatDateTime(newest.createdAt)} · ${relative(newest.createdAt, props.now)}` : t('backup.none')}</dd>
          </div>
          <div className="field-view">
            <dt>{t('backup.nextAutomatic')}</dt>
            <dd data-testid="next-backup">
              {settings && !settings.schedule.enabled ? t('backup.automaticOff') : props.nextAutomaticAt ? nextText(t, props.nextAutomaticAt, props.now) : '—'}
            </dd>
          </div>
          <div className="field-view">
            <dt>{t('backup.folder')}</dt>
            <dd className="mono break" data-testid="backup-folder">
              {listing?.folder ?? settings?.effectiveFolder ?? '—'}
            </dd>
          </div>
          <div className="field-view">
            <dt>{t('backup.freeSpace')}</dt>
            <dd>
              {listing?.freeBytes == null ? t('backup.unknown') : formatBytes(listing.freeBytes, locale)}
              {lowSpace && <span className="pill pill-warning backup-pill">{t('backup.lowSpace')}</span>}
            </dd>
          </div>
          <div className="field-view">
            <dt>{t('backup.restoreTest.label')}</dt>
            <dd data-testid="restore-test">
              {props.testingRestore ? (
                t('backup.restoreTest.running')
              ) : !props.restoreTest ? (
                t('backup.restoreTest.none')
              ) : props.restoreTest.outcome === 'passed' ? (
                <>
                  <span className="pill pill-ok backup-pill-first">✓ {t('backup.restoreTest.passed')}</span>
                  {t('backup.restoreTest.passedDetail', { time: formatDateTime(props.restoreTest.at), backup: formatDateTime(props.restoreTest.backupCreatedAt), count: props.restoreTest.rows ?? 0 })}
                </>
              ) : (
                <>
                  <span className="pill pill-danger backup-pill-first">{t('backup.restoreTest.failed')}</span>
                  {t('backup.restoreTest.failedDetail', { time: formatDateTime(props.restoreTest.at), reason: failureText(t, props.restoreTest.reason ?? '') })}
                </>
              )}
            </dd>
          </div>
          <div className="field-view">
            <dt>{t('backup.encryption')}</dt>
            <dd data-testid="encryption-state">{settings ? encryptionText(t, settings) : ''}</dd>
          </div>
        </dl>
        {props.storagePersisted === false && <p className="hint backup-storage-note">{t('backup.notPersisted')}</p>}
      </section>

      <section className="card" aria-labelledby="backup-list-heading">
        <div className="card-title-row">
          <h2 id="backup-list-heading">{t('backup.listTitle')}</h2>
          <button type="button" className="button button-small" onClick={props.onRestoreFile} disabled={busy} data-testid="restore-file">
            {t('backup.restoreFile')}
            <OwnerLockMark action="backup.restore" />
          </button>
        </div>
        {props.listingError ? (
          <p className="banner banner-error" role="alert" data-testid="listing-error">
            {failureText(t, props.listingError)}
          </p>
        ) : listing === null ? (
          <div className="loading" aria-busy="true" />
        ) : listing.entries.length === 0 ? (
          <p className="muted empty-backups" data-testid="no-backups">
            {t('backup.empty')}
          </p>
        ) : (
          <BackupTable entries={listing.entries} busy={busy} onRestore={props.onRestore} />
        )}
      </section>

      <section className="card" aria-labelledby="backup-settings-heading" data-testid="backup-settings-card">
        <div className="card-title-row">
          <h2 id="backup-settings-heading">{t('backup.settings.title')}</h2>
          {!props.settingsForm && (
            <button type="button" className="button button-small" onClick={props.onEditSettings} disabled={!settings} data-testid="edit-backup-settings">
              {t('backup.settings.edit')}
              <OwnerLockMark action="backup.settings" />
            </button>
          )}
        </div>
        {props.settingsForm ?? (settings ? <SettingsSummary settings={settings} /> : <div className="loading" aria-busy="true" />)}
      </section>

      <section className="card" aria-labelledby="backup-owner-heading" data-testid="owner-card">
        <h2 id="backup-owner-heading">{t('backup.owner.title')}</h2>
        <div className="owner-rows">
          <div className="owner-row">
            <div>
              <strong>{t('backup.owner.pin')}</strong>
              <p className="hint" data-testid="pin-state">
                {props.ownerPinSetAt ? t('backup.owner.pinSet', { date: formatDateTime(props.ownerPinSetAt) }) : t('backup.owner.pinNotSet')}
              </p>
            </div>
            <button type="button" className="button button-small" onClick={props.onChangePin} data-testid="change-pin">
              {props.ownerPinSetAt ? t('backup.owner.changePin') : t('backup.owner.setPin')}
              <OwnerLockMark action="pin.change" />
            </button>
          </div>
          <div className="owner-row">
            <div>
              <strong>{t('backup.owner.password')}</strong>
              <p className="hint" data-testid="password-state">
                {settings ? protectionText(t, settings) : ''}
                {settings && !settings.passwordStorageAvailable && ` ${t('backup.owner.passwordUnavailable')}`}
              </p>
            </div>
            <div className="row-gap">
              {settings?.encryption.state === 'automatic' ? (
                <>
                  <EncryptionButton danger onClick={props.onTurnOffEncryption} testId="turn-off-encryption" label={t('backup.protection.turnOff')} />
                  <EncryptionButton onClick={props.onPrintRecoverySheet} testId="print-recovery-sheet" label={t('backup.protection.printSheet')} />
                  <EncryptionButton onClick={props.onSetUpEncryption} disabled={!settings.passwordStorageAvailable} testId="set-password" label={t('backup.protection.addPassword')} />
                </>
              ) : settings?.encryption.state === 'on' ? (
                <>
                  <EncryptionButton danger onClick={props.onTurnOffEncryption} testId="turn-off-encryption" label={t('backup.protection.turnOff')} />
                  <EncryptionButton onClick={props.onSetUpEncryption} disabled={!settings.passwordStorageAvailable} testId="new-recovery-sheet" label={t('backup.protection.newSheet')} />
                  <EncryptionButton onClick={props.onSetPassword} disabled={!settings.passwordStorageAvailable} testId="set-password" label={t('backup.owner.changePassword')} />
                </>
              ) : (
                <EncryptionButton
                  onClick={props.onSetUpEncryption}
                  disabled={!settings?.passwordStorageAvailable}
                  testId="set-password"
                  label={settings?.encryption.state === 'off' ? t('backup.protection.turnOn') : t('backup.protection.setUp')}
                />
              )}
            </div>
          </div>
        </div>
      </section>
    </section>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** An owner action on backup encryption: the lock shows while the clerk is at the keyboard. */
function EncryptionButton({ label, onClick, testId, danger = false, disabled = false }: { label: string; onClick: () => void; testId: string; danger?: boolean; disabled?: boolean }) {
  return (
    <button type="button" className={danger ? 'button button-small button-danger-quiet' : 'button button-small'} onClick={onClick} disabled={disabled} data-testid={testId}>
      {label}
      <OwnerLockMark action="backup.password" />
    </button>
  );
}

/** The state line: on (with which recovery key), automatic (and whether its sheet was printed), off since a date, or not set up. */
function encryptionText(t: Translate, settings: BackupSettingsView): string {
  const { state, recoveryKey, offAt, sheetShownAt } = settings.encryption;
  switch (state) {
    case 'automatic': {
      const key = t('backup.protection.automatic', { id: recoveryKey?.id ?? '', date: formatDateTime(recoveryKey?.createdAt ?? '') });
      const sheet = sheetShownAt === null ? t('backup.protection.sheetNotShown') : t('backup.protection.sheetShown', { date: formatDateTime(sheetShownAt) });
      return `${key} ${sheet}`;
    }
    case 'on':
      return recoveryKey ? t('backup.protection.on', { date: formatDateTime(recoveryKey.createdAt), id: recoveryKey.id }) : t('backup.protection.onNoRecovery');
    case 'off':
      return t('backup.protection.off', { date: formatDateTime(offAt ?? '') });
    case 'not-set-up':
      return t('backup.protection.notSetUp');
    default:
      return assertNever(state);
  }
}

function protectionText(t: Translate, settings: BackupSettingsView): string {
  const { state, recoveryKey } = settings.encryption;
  if (state !== 'on') return encryptionText(t, settings);
  return recoveryKey ? t('backup.protection.ownerOn') : t('backup.protection.ownerOnNoRecovery');
}

function nextText(t: (key: string, options?: Record<string, unknown>) => string, iso: string, now: Date): string {
  return parseISO(iso).getTime() <= now.getTime() ? t('backup.nextSoon') : t('backup.nextAt', { time: formatDateTime(iso), relative: relative(iso, now) });
}

function BackupTable({ entries, busy, onRestore }: { entries: BackupListEntry[]; busy: boolean; onRestore: (entry: BackupEntry) => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <table className="simple-table backup-table" data-testid="backup-table">
      <thead>
        <tr>
          <th scope="col">{t('backup.columns.time')}</th>
          <th scope="col">{t('backup.columns.contents')}</th>
          <th scope="col" className="num">
            {t('backup.columns.size')}
          </th>
          <th scope="col">{t('backup.columns.state')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('backup.columns.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) =>
          entry.status === 'ok' ? (
            <tr key={entry.fileName} data-testid="backup-row" data-file={entry.fileName} data-trigger={entry.trigger}>
              <td>
                <div className="backup-time">{formatDateTime(entry.createdAt)}</div>
                <div className="hint">
                  {triggerLabel(t, entry.trigger)}
                  {!entry.own && ` · ${t('backup.copiedIn')}`}
                </div>
              </td>
              <td className="backup-contents">{countsSummary(t, entry.counts, locale)}</td>
              <td className="num">{formatBytes(entry.sizeBytes, locale)}</td>
              <td>
                <span className="backup-pills">
                  {entry.verifiedAt ? (
                    <span className="pill pill-ok" title={t('backup.verifiedAt', { time: formatDateTime(entry.verifiedAt) })} data-testid="verified">
                      ✓ {t('backup.verified')}
                    </span>
                  ) : (
                    <span className="pill pill-quiet">{t('backup.notVerified')}</span>
                  )}
                  {entry.encrypted && <span className="pill pill-info">{t('backup.encrypted')}</span>}
                </span>
              </td>
              <td className="actions-cell">
                <button type="button" className="button button-small" onClick={() => onRestore(entry)} disabled={busy} data-testid="restore-backup">
                  {t('backup.restore')}
                  <OwnerLockMark action="backup.restore" />
                </button>
              </td>
            </tr>
          ) : (
            <tr key={entry.fileName} className="backup-unreadable" data-testid="backup-row-unreadable">
              <td>
                <div className="break">{entry.fileName}</div>
                <div className="hint">{formatDateTime(entry.modifiedAt)}</div>
              </td>
              <td colSpan={2}>{failureText(t, entry.reason)}</td>
              <td>
                <span className="pill pill-danger">{t('backup.unreadable')}</span>
              </td>
              <td />
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}

function SettingsSummary({ settings }: { settings: BackupSettingsView }) {
  const { t } = useTranslation();
  const { schedule, retention } = settings;
  return (
    <dl className="field-grid backup-facts" data-testid="settings-summary">
      <div className="field-view">
        <dt>{t('backup.settings.folder')}</dt>
        <dd className="mono break">{settings.effectiveFolder}</dd>
      </div>
      <div className="field-view">
        <dt>{t('backup.settings.schedule')}</dt>
        <dd>
          {schedule.enabled
            ? [
                t('backup.settings.scheduleSummary', { quiet: schedule.quietMinutes, interval: schedule.minIntervalMinutes }),
                schedule.dailyEvenWithoutChanges ? t('backup.settings.dailySummary') : null,
                schedule.atQuit ? t('backup.settings.atQuitSummary') : null,
              ]
                .filter(Boolean)
                .join(t('backup.settings.separator'))
            : t('backup.automaticOff')}
        </dd>
      </div>
      <div className="field-view">
        <dt>{t('backup.settings.retention')}</dt>
        <dd>{t('backup.settings.retentionSummary', { hours: retention.recentHours, max: retention.recentMax, days: retention.dailyDays, months: retention.monthlyMonths })}</dd>
      </div>
    </dl>
  );
}

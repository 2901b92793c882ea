// The restore, from the owner's side: which file (picked in the browser in browser mode, its bytes sent to main),
// its password (or, forgotten, the recovery key) when it is encrypted, a preview of what it holds beside today's data, then the restore with its
// steps. The main process has checked the whole file before the preview shows; nothing changes before "Restore".
import { formatDistance, parseISO } from 'date-fns';
import { enUS, zhCN, zhTW } from 'date-fns/locale';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupPreview, BackupSource } from '../../../shared/backup/api';
import { sendBackupFile } from '../../../shared/backup/client';
import { MAX_RECOVERY_KEY_TEXT, parseRecoveryKey, RECOVERY_KEY_SHAPE } from '../../../shared/backup/recoveryKey';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { CURRENT_SCHEMA_VERSION } from '../../db/backupSchemas';
import type { OwnerPinCarry, StagedDatabase } from '../../db/backupStaging';
import { currentLocale, formatDateTime } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/FormField';
import { useBackupState } from './backupState';
import { formatBytes } from '../../ui/bytes';
import { failureText, orderedTables, tableLabel, triggerLabel } from './backupText';
import { backupWorker } from './backupWorkerClient';
import { RESTORE_STEPS, restoreBackup, type RestoreFailureResult, type RestoreMode, type RestoreOutcome, type RestoreProgress } from './restoreBackup';
import { formatCount } from '../../i18n/numbers';
import { useClock } from '../../platform/clock';

const DATE_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS } as const;

/** What opens an encrypted backup: its password, or (the password forgotten) the recovery key from the sheet. */
type Secrets = { password?: string; recoveryKey?: string };
const RECOVERY_REFUSALS = ['backup-wrong-recovery-key', 'backup-no-recovery-key', 'backup-recovery-key-invalid'];

type Step =
  | { kind: 'file'; error: string | null }
  | { kind: 'sending'; fraction: number }
  | { kind: 'checking'; source: BackupSource }
  /** keyOnly: encrypted for the recovery key alone (automatically, on another PC): no password can open it. */
  | { kind: 'password'; source: BackupSource; error: string | null; recovery: boolean; keyOnly: boolean }
  | { kind: 'preview'; source: BackupSource; secrets: Secrets; preview: BackupPreview }
  | { kind: 'running'; progress: RestoreProgress }
  | { kind: 'failed'; failure: RestoreFailureResult; refused: boolean };

export interface RestoreDialogProps {
  api: DesktopApi;
  /** A backup to restore, or null to let the owner pick a file in the browser (browser mode has no OS picker). */
  source: BackupSource | null;
  mode: RestoreMode;
  /** Today's rows per table; null when today's data cannot be read (start-up recovery). */
  todayCounts: Record<string, number> | null;
  carry: OwnerPinCarry;
  beforeSwap?: (staged: StagedDatabase) => Promise<boolean>;
  onRestored: (outcome: RestoreOutcome, preview: BackupPreview) => void;
  onClose: () => void;
}

export function RestoreDialog({ api, source, mode, todayCounts, carry, beforeSwap, onRestored, onClose }: RestoreDialogProps) {
  const clock = useClock();
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>(source ? { kind: 'checking', source } : { kind: 'file', error: null });
  const started = useRef(false);
  /** The file picked in the browser, named again when it is refused (the picker itself starts empty again). */
  const pickedName = useRef<string | null>(null);
  const refusedText = (reason: string) =>
    pickedName.current ? t('restore.fileRefused', { name: pickedName.current, reason: failureText(t, reason) }) : failureText(t, reason);

  /** Sources found to open with the recovery key alone: a wrong key typed for one keeps the password out of the way. */
  const keyOnlySources = useRef(new Set<string>());
  const inspect = async (target: BackupSource, secrets: Secrets = {}) => {
    setStep({ kind: 'checking', source: target });
    const checked = await api.backup.inspect({ source: target, appSchemaVersion: CURRENT_SCHEMA_VERSION, ...secrets });
    if (checked.ok) {
      setStep({ kind: 'preview', source: target, secrets, preview: checked.value });
      return;
    }
    if (checked.reason === 'backup-recovery-key-required') keyOnlySources.current.add(JSON.stringify(target));
    const keyOnly = keyOnlySources.current.has(JSON.stringify(target));
    if (checked.reason === 'backup-password-required') setStep({ kind: 'password', source: target, error: null, recovery: false, keyOnly });
    else if (checked.reason === 'backup-recovery-key-required') setStep({ kind: 'password', source: target, error: null, recovery: true, keyOnly });
    else if (checked.reason === 'backup-wrong-password') setStep({ kind: 'password', source: target, error: failureText(t, checked.reason), recovery: false, keyOnly });
    else if (RECOVERY_REFUSALS.includes(checked.reason)) setStep({ kind: 'password', source: target, error: failureText(t, checked.reason), recovery: true, keyOnly });
    else if (!source) setStep({ kind: 'file', error: refusedText(checked.reason) });
    else setStep({ kind: 'failed', failure: { reason: checked.reason }, refused: true });
  };

  /** The picked file's bytes go to main, which keeps a copy; that copy is then checked like any backup. */
  const sendPicked = async (file: File) => {
    pickedName.current = file.name;
    setStep({ kind: 'sending', fraction: 0 });
    const sent = await sendBackupFile(
      api.backup,
      { name: file.name, size: file.size, read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()) },
      (bytes) => setStep({ kind: 'sending', fraction: file.size > 0 ? bytes / file.size : 1 }),
    );
    if (sent.ok) await inspect({ handle: sent.value.handle });
    else setStep({ kind: 'file', error: refusedText(sent.reason) });
  };

  useEffect(() => {
    if (source && !started.current) {
      started.current = true;
      void inspect(source);
    }
    // The source is fixed for the dialog's life; inspect runs once for it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const run = async (preview: BackupPreview, target: BackupSource, secrets: Secrets) => {
    setStep({ kind: 'running', progress: { step: mode === 'replace' ? 'safety' : 'reading', fraction: 0 } });
    useBackupState.setState({ restoring: true });
    try {
      const result = await restoreBackup(
        { api: api.backup, erasures: api.erasures, worker: backupWorker(), newId: () => crypto.randomUUID(), now: clock },
        { source: target, ...secrets, preview, mode, carry, beforeSwap },
        (progress) => setStep({ kind: 'running', progress }),
      );
      if (result.ok) onRestored(result.value, preview);
      else setStep({ kind: 'failed', failure: result.reason, refused: false });
    } finally {
      useBackupState.setState((s) => ({ restoring: false, listingVersion: s.listingVersion + 1 }));
    }
  };

  const running = step.kind === 'running';
  const close = () => {
    if (!running) onClose();
  };

  return (
    <Dialog title={t('restore.title')} onClose={close} wide={step.kind === 'preview'} testId="restore-dialog" footer={footer()}>
      {step.kind === 'file' && <FileStep error={step.error} onPick={(file) => void sendPicked(file)} />}
      {step.kind === 'sending' && (
        <div className="restore-checking" aria-busy="true" data-testid="restore-sending">
          <p>{t('restore.sending')}</p>
          <progress max={100} value={Math.round(step.fraction * 100)} aria-label={t('restore.sending')} />
        </div>
      )}
      {step.kind === 'checking' && (
        <p className="restore-checking" aria-busy="true" data-testid="restore-checking">
          {t('restore.checking')}
        </p>
      )}
      {step.kind === 'password' && (
        <PasswordStep
          key={step.recovery ? 'recovery' : 'password'}
          error={step.error}
          recovery={step.recovery}
          keyOnly={step.keyOnly}
          onRecovery={(recovery) => setStep({ ...step, error: null, recovery })}
          onSubmit={(secrets) => void inspect(step.source, secrets)}
        />
      )}
      {step.kind === 'preview' && <PreviewStep preview={step.preview} todayCounts={todayCounts} mode={mode} />}
      {step.kind === 'running' && <RunningStep progress={step.progress} mode={mode} />}
      {step.kind === 'failed' && (
        <div className="banner banner-error" role="alert" data-testid="restore-failed">
          <p className="restore-failed-title">{step.refused ? t('restore.refused') : t('restore.failed')}</p>
          <p>{failureText(t, step.failure.reason)}</p>
          {step.failure.cause && <p>{failureText(t, step.failure.cause)}</p>}
          <p>{t(`restore.unchanged.${mode}`)}</p>
          {step.failure.detail && (
            <details>
              <summary>{t('errorScreen.details')}</summary>
              <pre className="restore-detail">{step.failure.detail}</pre>
            </details>
          )}
        </div>
      )}
    </Dialog>
  );

  function footer() {
    const current = step;
    if (current.kind === 'running') return <span className="hint dialog-footer-hint">{t('restore.doNotClose')}</span>;
    if (current.kind === 'preview') {
      return (
        <>
          <button type="button" className="button" onClick={close} data-autofocus>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={mode === 'replace' ? 'button button-danger' : 'button button-primary'}
            onClick={() => void run(current.preview, current.source, current.secrets)}
            data-testid="restore-confirm"
          >
            {mode === 'replace' ? t('restore.confirm') : t('restore.confirmRecover')}
          </button>
        </>
      );
    }
    if (current.kind === 'file' || current.kind === 'password') {
      return (
        <>
          <button type="button" className="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={current.kind === 'file' ? 'restore-file-form' : 'restore-password-form'} className="button button-primary" data-testid="restore-next">
            {t('restore.next')}
          </button>
        </>
      );
    }
    return (
      <button type="button" className="button" onClick={close} disabled={current.kind === 'checking' || current.kind === 'sending'} data-testid="restore-close">
        {t('common.close')}
      </button>
    );
  }
}

/** A step shown again with the reason its input was refused: the input, marked and described, has the focus. */
function useRefusedFocus(error: string | null) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (error) input.current?.focus();
  }, [error]);
  return input;
}

function FileStep({ error, onPick }: { error: string | null; onPick: (file: File) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const message = missing && !file ? t('restore.fileMissing') : error;
  const input = useRefusedFocus(message);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) onPick(file);
    else setMissing(true);
  };
  // The browser's own "Choose File / No file chosen" speaks the browser's language: the app's words are shown instead.
  return (
    <form id="restore-file-form" onSubmit={submit} noValidate>
      <p>{t('restore.fileIntro')}</p>
      <Field label={t('restore.fileLabel')} htmlFor="restore-file" error={message ?? undefined} hint={t('restore.fileHint')}>
        <div className="file-pick">
          <input
            id="restore-file"
            ref={input}
            type="file"
            accept=".rgbackup"
            className="file-pick-input"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-autofocus
            data-testid="restore-file-input"
          />
          <label htmlFor="restore-file" className="button button-small" aria-hidden="true">
            {t('restore.chooseFile')}
          </label>
          <span className={file ? 'file-pick-name' : 'file-pick-name muted'} data-testid="restore-file-name">
            {file ? file.name : t('restore.noFile')}
          </span>
        </div>
      </Field>
    </form>
  );
}

function PasswordStep({
  error,
  recovery,
  keyOnly,
  onRecovery,
  onSubmit,
}: {
  error: string | null;
  recovery: boolean;
  keyOnly: boolean;
  onRecovery: (recovery: boolean) => void;
  onSubmit: (secrets: Secrets) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [typed, setTyped] = useState<string | null>(null);
  const shown = typed ?? error;
  const input = useRefusedFocus(shown);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text) return;
    if (!recovery) return onSubmit({ password: text });
    // A mistyped recovery key is caught here, before main tries it on the backup.
    const parsed = parseRecoveryKey(text);
    if (!parsed.ok) return setTyped(failureText(t, parsed.reason));
    setTyped(null);
    onSubmit({ recoveryKey: text });
  };
  return (
    <form id="restore-password-form" onSubmit={submit} noValidate>
      {recovery ? (
        <>
          <p>{keyOnly ? t('restore.recoveryOnlyIntro') : t('restore.recoveryIntro')}</p>
          <Field label={t('restore.recoveryKey')} htmlFor="restore-recovery-key" error={shown ?? undefined} hint={t('restore.recoveryHint')}>
            <input
              id="restore-recovery-key"
              ref={input}
              className="recovery-key-input"
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              maxLength={MAX_RECOVERY_KEY_TEXT}
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={RECOVERY_KEY_SHAPE}
              data-autofocus
              data-testid="restore-recovery-key"
            />
          </Field>
          {!keyOnly && (
            <button type="button" className="link-button" onClick={() => onRecovery(false)} data-testid="use-password">
              {t('restore.usePassword')}
            </button>
          )}
        </>
      ) : (
        <>
          <p>{t('restore.passwordIntro')}</p>
          <Field label={t('restore.password')} htmlFor="restore-password" error={shown ?? undefined}>
            <input id="restore-password" ref={input} type="password" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} data-autofocus data-testid="restore-password" />
          </Field>
          <button type="button" className="link-button" onClick={() => onRecovery(true)} data-testid="use-recovery-key">
            {t('restore.forgotPassword')}
          </button>
        </>
      )}
    </form>
  );
}

function PreviewStep({ preview, todayCounts, mode }: { preview: BackupPreview; todayCounts: Record<string, number> | null; mode: RestoreMode }) {
  const clock = useClock();
  const { t } = useTranslation();
  const locale = currentLocale();
  const tables = orderedTables([...Object.keys(preview.counts), ...Object.keys(todayCounts ?? {})]);
  const n = (value: number | undefined) => (value === undefined ? '—' : formatCount(value, locale));
  return (
    <div className="restore-preview" data-testid="restore-preview">
      <dl className="field-grid restore-facts">
        <div className="field-view">
          <dt>{t('restore.madeAt')}</dt>
          <dd data-testid="restore-made-at">
            {formatDateTime(preview.createdAt)} <span className="muted">({formatDistance(parseISO(preview.createdAt), clock(), { addSuffix: true, locale: DATE_LOCALES[locale] })})</span>
          </dd>
        </div>
        <div className="field-view">
          <dt>{t('restore.kind')}</dt>
          <dd>{triggerLabel(t, preview.trigger)}</dd>
        </div>
        <div className="field-view">
          <dt>{t('restore.file')}</dt>
          <dd className="break">
            {preview.fileName} <span className="muted">· {formatBytes(preview.sizeBytes, locale)}</span>
          </dd>
        </div>
        <div className="field-view">
          <dt>{t('restore.madeBy')}</dt>
          <dd>
            {t('restore.appVersion', { version: preview.appVersion })}
            {preview.encrypted && <span className="pill pill-info restore-pill">{t('backup.encrypted')}</span>}
          </dd>
        </div>
      </dl>
      {preview.schemaVersion < CURRENT_SCHEMA_VERSION && (
        <p className="banner banner-info" data-testid="restore-upgrade-note">
          {t('restore.upgradeNote')}
        </p>
      )}
      <table className="simple-table restore-counts">
        <thead>
          <tr>
            <th scope="col">{t('restore.table')}</th>
            <th scope="col" className="num">
              {t('restore.inBackup')}
            </th>
            {todayCounts && (
              <th scope="col" className="num">
                {t('restore.today')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {tables.map((table) => (
            <tr key={table} data-testid={`restore-count-${table}`}>
              <th scope="row">{tableLabel(t, table)}</th>
              <td className="num">{n(preview.counts[table])}</td>
              {todayCounts && <td className="num muted">{n(todayCounts[table])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="banner banner-warning restore-warning">{t(`restore.warnings.${mode}`)}</p>
    </div>
  );
}

function RunningStep({ progress, mode }: { progress: RestoreProgress; mode: RestoreMode }) {
  const { t } = useTranslation();
  const steps = RESTORE_STEPS.filter((s) => mode === 'replace' || s !== 'safety');
  const at = steps.indexOf(progress.step);
  const percent = Math.round(progress.fraction * 100);
  return (
    <div className="restore-running" role="status" aria-live="polite" data-testid="restore-running">
      <ol className="restore-steps">
        {steps.map((s, index) => (
          <li key={s} className={index < at ? 'done' : index === at ? 'current' : 'waiting'}>
            <span className="restore-step-mark" aria-hidden="true">
              {index < at ? '✓' : index + 1}
            </span>
            <span>{t(`restore.steps.${s}`)}</span>
            {index === at && <span className="visually-hidden">{t('restore.stepNow')}</span>}
          </li>
        ))}
      </ol>
      <progress max={100} value={percent} aria-label={t(`restore.steps.${progress.step}`)} />
    </div>
  );
}

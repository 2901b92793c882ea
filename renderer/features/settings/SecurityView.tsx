// The settings' "Security and privacy" section (view): where each protection of the customers' data stands,
// what it guards against, and where to change it. The container is SecuritySection.tsx.
import { formatDistance, parseISO } from 'date-fns';
import { enUS, zhCN, zhTW } from 'date-fns/locale';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../shared/result';
import { currentLocale, formatDateTime } from '../../i18n';
import { routeHref } from '../../ui/routes';
import type { ProtectionLevel, SecurityRow } from './securityState';
import './security.css';

const DATE_LOCALES = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS } as const;

export interface SecurityViewProps {
  rows: SecurityRow[];
  /** The time the view is drawn at ("3 hours ago"). */
  now: Date;
  checkingChain: boolean;
  /** The last "check now" could not run. */
  chainCheckFailed: boolean;
  onCheckChain: () => void;
}

export function SecurityView({ rows, now, checkingChain, chainCheckFailed, onCheckChain }: SecurityViewProps) {
  const { t } = useTranslation();
  return (
    <section className="card security" aria-labelledby="security-heading" data-testid="security-section">
      <h2 id="security-heading">{t('settings.security.title')}</h2>
      <p className="muted">{t('settings.security.intro')}</p>
      <ul className="security-rows">
        {rows.map((row) => (
          <li key={row.id} className="security-row" data-testid={`security-${row.id}`} data-level={row.level}>
            <div className="security-row-head">
              <h3>{t(`settings.security.${row.id}.title`)}</h3>
              <span className={`pill ${PILL_CLASS[row.level]}`} data-testid="security-state">
                {stateText(row, t)}
              </span>
            </div>
            <RowDetail row={row} now={now} checkingChain={checkingChain} chainCheckFailed={chainCheckFailed} onCheckChain={onCheckChain} />
          </li>
        ))}
      </ul>
    </section>
  );
}

const PILL_CLASS: Record<ProtectionLevel, string> = { on: 'pill-ok', warning: 'pill-warning', info: 'pill-info', unknown: 'pill-quiet' };

type T = ReturnType<typeof useTranslation>['t'];

function stateText(row: SecurityRow, t: T): string {
  switch (row.id) {
    case 'automaticBackups':
      // On, but with no backup or an old one: the pill says what is wrong, not "on" in a warning's colour.
      return t(`settings.security.automaticBackups.state.${row.state === 'on' && (row.last === 'none' || row.last === 'stale') ? row.last : row.state}`);
    case 'pin':
    case 'backupEncryption':
    case 'auditChain':
    case 'electron':
      return t(`settings.security.${row.id}.state.${row.state}`);
    case 'diskEncryption':
      return t('settings.security.diskEncryption.state');
    default:
      return assertNever(row);
  }
}

function RowDetail({ row, now, checkingChain, chainCheckFailed, onCheckChain }: { row: SecurityRow; now: Date } & Omit<SecurityViewProps, 'rows' | 'now'>) {
  const { t } = useTranslation();
  switch (row.id) {
    case 'pin':
    case 'backupEncryption':
      return (
        <>
          <p>{t(`settings.security.${row.id}.detail.${row.state}`, row.id === 'backupEncryption' && row.offAt !== null ? { date: formatDateTime(row.offAt) } : undefined)}</p>
          {row.state !== 'unknown' && (
            <p className="security-actions">
              <a href={routeHref({ name: 'backups' })}>{t(`settings.security.${row.id}.where`)}</a>
            </p>
          )}
        </>
      );
    case 'automaticBackups':
      return (
        <>
          <p>{t(`settings.security.automaticBackups.detail.${row.state}`)}</p>
          <p data-testid="security-last-backup">
            {row.lastAt !== null && row.last !== 'unknown'
              ? t(`settings.security.automaticBackups.last.${row.last === 'stale' ? 'stale' : 'fresh'}`, {
                  relative: formatDistance(parseISO(row.lastAt), now, { addSuffix: true, locale: DATE_LOCALES[currentLocale()] }),
                })
              : t(`settings.security.automaticBackups.last.${row.last === 'none' ? 'none' : 'unknown'}`)}
          </p>
          <p className="security-actions">
            <a href={routeHref({ name: 'backups' })}>{t('settings.security.automaticBackups.where')}</a>
          </p>
        </>
      );
    case 'auditChain':
      return (
        <>
          <p data-testid="security-chain-detail">
            {row.chain === null
              ? t('settings.security.auditChain.detail.not-checked')
              : row.chain.status === 'intact'
                ? t('audit.chain.intact', { count: row.chain.count })
                : `${t(`audit.chain.problem.${row.chain.problem}`, { seq: row.chain.seq })} ${t('audit.chain.brokenAdvice')}`}
          </p>
          {chainCheckFailed && (
            <p className="banner banner-error" role="alert">
              {t('audit.chain.failed')}
            </p>
          )}
          <p className="security-actions">
            <button type="button" className="button button-small" onClick={onCheckChain} disabled={checkingChain} aria-busy={checkingChain} data-testid="security-check-chain">
              {checkingChain ? t('audit.chain.checking') : t('audit.chain.check')}
            </button>
          </p>
        </>
      );
    case 'diskEncryption':
      return (
        <>
          <p>{t('settings.security.diskEncryption.detail')}</p>
          <p className="hint">{t('settings.security.diskEncryption.how')}</p>
        </>
      );
    case 'electron':
      return <ElectronDetail row={row} />;
    default:
      return assertNever(row);
  }
}

const WALLS = ['contextIsolation', 'sandbox', 'contentSecurityPolicy', 'fuses', 'debugSwitchesRefused'] as const;

function ElectronDetail({ row }: { row: Extract<SecurityRow, { id: 'electron' }> }) {
  const { t } = useTranslation();
  if (row.facts === null) return <p>{t(`settings.security.electron.detail.${row.state}`)}</p>;
  const facts = row.facts;
  return (
    <>
      <p>{t(`settings.security.electron.detail.${row.state}`, { version: facts.version || '—' })}</p>
      <ul className="security-walls">
        {WALLS.map((wall) => (
          <li key={wall} data-testid={`security-wall-${wall}`} data-on={facts[wall]}>
            <span aria-hidden="true" className={facts[wall] ? 'security-yes' : 'security-no'}>
              {facts[wall] ? '✓' : '✗'}
            </span>{' '}
            {t(`settings.security.electron.walls.${wall}`)}
            <span className="visually-hidden">{`: ${facts[wall] ? t('settings.security.electron.wallOn') : t('settings.security.electron.wallOff')}`}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

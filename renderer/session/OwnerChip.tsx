// The top bar's sign that the owner is unlocked, with a button that locks at once.
import { useTranslation } from 'react-i18next';
import { LockIcon } from '../ui/icons';
import { useOwnerGate, useRole } from './ownerGate';

export function OwnerChip() {
  const { t } = useTranslation();
  const role = useRole();
  const gate = useOwnerGate();
  if (role !== 'owner') return null;
  return (
    <div className="owner-chip" role="status" title={t('roles.ownerOnHint')} data-testid="owner-chip">
      <span className="owner-chip-label">{t('roles.ownerOn')}</span>
      <button type="button" className="button button-small" onClick={() => gate.lock()} data-testid="owner-lock-now">
        <LockIcon />
        {t('roles.lockNow')}
      </button>
    </div>
  );
}

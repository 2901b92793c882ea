// What an owner-only control looks like to the clerk: a lock beside it, saying the owner PIN will be asked.
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../shared/domain/permissions';
import { LockIcon } from '../ui/icons';
import { useOwnerGate, usePermission } from './ownerGate';

/** A lock and its words for screen readers, shown while the clerk is at the keyboard; nothing for the owner. */
export function OwnerLockMark({ action }: { action: Action }) {
  const { t } = useTranslation();
  const { locked } = usePermission(action);
  if (!locked) return null;
  return (
    <span className="owner-lock" data-testid="owner-lock" title={t('roles.ownerOnlyHint')}>
      <LockIcon />
      <span className="visually-hidden">{t('roles.ownerOnly')}</span>
    </span>
  );
}

interface OwnerButtonProps {
  action: Action;
  onClick: () => void;
  children: ReactNode;
  className?: string;
  disabled?: boolean;
  testId?: string;
  /** The dialog's "to …" words when the action's own are too general. */
  purpose?: string;
  type?: 'button' | 'submit';
}

/** A button for an action the matrix may give only to the owner: a lock while locked, the PIN asked on click. */
export function OwnerButton({ action, onClick, children, className = 'button', disabled, testId, purpose, type = 'button' }: OwnerButtonProps) {
  const gate = useOwnerGate();
  const { locked } = usePermission(action);
  return (
    <OwnerLockedButton
      locked={locked}
      type={type}
      className={className}
      disabled={disabled}
      testId={testId}
      onClick={(event) => {
        event.preventDefault();
        gate.run(action, onClick, purpose);
      }}
    >
      {children}
    </OwnerLockedButton>
  );
}

interface OwnerLockedButtonProps {
  locked: boolean;
  children: ReactNode;
  className?: string;
  type?: 'button' | 'submit';
  disabled?: boolean;
  testId?: string;
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
}

/**
 * How an owner-only button looks, given whether it is locked: the lock, its hint and the words for screen readers.
 * Props only: a view's submit button, whose form's container asks the PIN; OwnerButton adds the gate.
 */
export function OwnerLockedButton({ locked, children, className = 'button', type = 'button', disabled, testId, onClick }: OwnerLockedButtonProps) {
  const { t } = useTranslation();
  return (
    <button
      type={type}
      className={locked ? `${className} owner-locked` : className}
      disabled={disabled}
      onClick={onClick}
      title={locked ? t('roles.ownerOnlyHint') : undefined}
      data-owner-locked={locked ? 'true' : undefined}
      data-testid={testId}
    >
      {locked && <LockIcon />}
      {children}
      {locked && <span className="visually-hidden">{` (${t('roles.ownerOnly')})`}</span>}
    </button>
  );
}

/** In place of a screen only the owner may see, while the clerk is at the keyboard: what it is, and the way in. */
export function OwnerOnlyPanel({ action, headingId, title, text }: { action: Action; headingId: string; title: string; text: string }) {
  const { t } = useTranslation();
  const gate = useOwnerGate();
  return (
    <section className="card owner-only-panel" aria-labelledby={headingId} data-testid="owner-only-panel">
      <h1 id={headingId}>{title}</h1>
      <p>{text}</p>
      <button type="button" className="button button-primary" onClick={() => gate.run(action, () => undefined)} data-testid="owner-unlock">
        <LockIcon />
        {t('roles.unlock')}
      </button>
    </section>
  );
}

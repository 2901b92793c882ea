// A "more actions" button with a small menu: arrows move, Enter picks, Esc or Tab closes, focus returns to the button.
import { useEffect, useId, useRef, useState } from 'react';
import { MoreIcon } from '../../ui/icons';

export interface MenuItem {
  key: string;
  label: string;
  onSelect: () => void;
  danger?: boolean;
  testId?: string;
}

export function ActionMenu({ label, items, testId }: { label: string; items: MenuItem[]; testId?: string }) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node) && !trigger.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);

  if (items.length === 0) return null;

  const closeToTrigger = () => {
    setOpen(false);
    trigger.current?.focus();
  };

  return (
    <div className="menu-anchor">
      <button
        ref={trigger}
        type="button"
        className="icon-button menu-trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={label}
        title={label}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
        data-testid={testId}
      >
        <MoreIcon />
      </button>
      {open && (
        <ul
          className="menu"
          role="menu"
          id={id}
          ref={menu}
          aria-label={label}
          onKeyDown={(e) => {
            const entries = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
            const at = entries.indexOf(document.activeElement as HTMLElement);
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const next = e.key === 'ArrowDown' ? (at + 1) % entries.length : (at - 1 + entries.length) % entries.length;
              entries[next]?.focus();
            } else if (e.key === 'Home' || e.key === 'End') {
              e.preventDefault();
              entries[e.key === 'Home' ? 0 : entries.length - 1]?.focus();
            } else if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              closeToTrigger();
            } else if (e.key === 'Tab') {
              setOpen(false);
            }
          }}
        >
          {items.map((item) => (
            <li key={item.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={item.danger ? 'menu-item menu-item-danger' : 'menu-item'}
                onClick={() => {
                  // Focus goes back to the button first, so a dialog opened now returns the focus there.
                  closeToTrigger();
                  item.onSelect();
                }}
                data-testid={item.testId}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// A date (or date and time) typed as "2026-11-23 14:30", with a calendar button for the mouse.
// Native date inputs draw their own format in the browser's language, not the app's (English digits
// order in a Chinese screen); typed ISO text reads the same in every language and is quick to type.
import { useRef, type FocusEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Controller, type Control, type FieldPathByValue, type FieldValues } from 'react-hook-form';

export type DateTimeKind = 'datetime' | 'date';

interface Props {
  id: string;
  kind: DateTimeKind;
  value: string;
  onChange: (value: string) => void;
  onBlur?: FocusEventHandler<HTMLInputElement>;
  inputRef?: (el: HTMLInputElement | null) => void;
  name?: string;
  invalid?: boolean;
  placeholder?: string;
  disabled?: boolean;
  /** For a field without a visible label of its own (a row of a table-like form). */
  ariaLabel?: string;
  testId?: string;
}

/** The form's text for a value as a datetime-local input or the domain gives it: a space instead of the T. */
export function displayDateTime(value: string): string {
  return value.replace('T', ' ');
}

export function DateTimeField({ id, kind, value, onChange, onBlur, inputRef, name, invalid, placeholder, disabled, ariaLabel, testId }: Props) {
  const { t } = useTranslation();
  const proxy = useRef<HTMLInputElement>(null);

  const openPicker = () => {
    const el = proxy.current;
    if (!el) return;
    const typed = value.trim().replace(' ', 'T');
    el.value = kind === 'date' ? (/^\d{4}-\d{2}-\d{2}$/.test(typed) ? typed : '') : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(typed) ? typed.slice(0, 16) : '';
    try {
      el.showPicker();
    } catch {
      el.focus();
    }
  };

  return (
    <div className="datetime-field">
      <input
        id={id}
        name={name}
        ref={inputRef}
        type="text"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        className={kind === 'date' ? 'input-date' : 'input-datetime'}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        disabled={disabled}
        aria-label={ariaLabel}
        aria-invalid={invalid || undefined}
        data-testid={testId}
      />
      <button type="button" className="icon-button picker-button" tabIndex={-1} onClick={openPicker} disabled={disabled} aria-label={t('purchase.pickDate')} title={t('purchase.pickDate')}>
        <svg className="icon" width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" aria-hidden="true">
          <rect x="3.5" y="5" width="17" height="15" rx="2" />
          <path d="M3.5 10h17M8 3v4M16 3v4" />
        </svg>
      </button>
      <input
        ref={proxy}
        type={kind === 'date' ? 'date' : 'datetime-local'}
        className="picker-proxy"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => e.target.value && onChange(displayDateTime(e.target.value))}
      />
    </div>
  );
}

interface ControlledProps<T extends FieldValues> extends Omit<Props, 'value' | 'onChange' | 'onBlur' | 'inputRef' | 'name'> {
  control: Control<T>;
  name: FieldPathByValue<T, string>;
  /** Called after the form's value has taken the change (the dialogs revalidate here). */
  onEdited?: () => void;
}

/** A DateTimeField bound to a react-hook-form field. */
export function ControlledDateTimeField<T extends FieldValues>({ control, name, onEdited, ...rest }: ControlledProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field: f }) => (
        <DateTimeField
          {...rest}
          name={f.name}
          inputRef={f.ref}
          value={f.value as string}
          onChange={(v) => {
            f.onChange(v);
            onEdited?.();
          }}
          onBlur={f.onBlur}
        />
      )}
    />
  );
}

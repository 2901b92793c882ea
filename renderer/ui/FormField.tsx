// A labelled form field with its error (and, while there is no error, an optional hint), as every form lays them out.
import type { ReactNode } from 'react';

interface Props {
  label: string;
  htmlFor?: string;
  error?: string;
  hint?: string;
  wide?: boolean;
  children: ReactNode;
}

export function Field({ label, htmlFor, error, hint, wide, children }: Props) {
  return (
    <div className={['form-field', error && 'has-error', wide && 'form-field-wide'].filter(Boolean).join(' ')}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && !error && <span className="hint">{hint}</span>}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

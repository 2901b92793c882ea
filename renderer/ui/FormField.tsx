// A labelled form field with its error (and, while there is no error, an optional hint), as every form lays
// them out; the error is tied to its control for screen readers, and a failed submit focuses the first one.
import { useCallback, useEffect, useLayoutEffect, useState, type ReactNode, type RefObject } from 'react';

interface Props {
  label: string;
  htmlFor?: string;
  error?: string;
  hint?: string;
  wide?: boolean;
  children: ReactNode;
}

export function Field({ label, htmlFor, error, hint, wide, children }: Props) {
  const hintId = htmlFor && hint && !error ? `${htmlFor}-hint` : undefined;
  useDescribedBy(htmlFor, hintId);
  return (
    <div className={['form-field', error && 'has-error', wide && 'form-field-wide'].filter(Boolean).join(' ')}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && !error && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && <FieldError controlId={htmlFor}>{error}</FieldError>}
    </div>
  );
}

/**
 * The error under a control (or under several, such as a row of a table): announced when it appears, and
 * while it shows each control (found by its id, whatever component draws it) is aria-invalid and
 * described by it, so focus on the field reads the error.
 */
export function FieldError(props: { controlId?: string | string[]; id?: string; className?: string; testId?: string; children: ReactNode }) {
  const { controlId, className, testId, children } = props;
  const controls = (Array.isArray(controlId) ? controlId : controlId ? [controlId] : []).join(' ');
  const id = props.id ?? (controls ? `${controls.split(' ')[0]}-error` : undefined);
  useLayoutEffect(() => {
    const marked = controls ? controls.split(' ').map((c) => document.getElementById(c)).filter((el): el is HTMLElement => el !== null) : [];
    for (const control of marked) control.setAttribute('aria-invalid', 'true');
    return () => {
      for (const control of marked) control.removeAttribute('aria-invalid');
    };
  }, [controls]);
  useDescribedBy(controls, id);
  return (
    <span className={className ? `form-error ${className}` : 'form-error'} role="alert" id={id} data-testid={testId}>
      {children}
    </span>
  );
}

/** Adds `describedById` to each control's aria-describedby (and takes just it out again), keeping what else is there. */
function useDescribedBy(controls: string | undefined, describedById: string | undefined) {
  useLayoutEffect(() => {
    if (!controls || !describedById) return;
    const marked = controls.split(' ').map((c) => document.getElementById(c)).filter((el): el is HTMLElement => el !== null);
    const ids = (el: HTMLElement) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((d) => d && d !== describedById);
    for (const control of marked) control.setAttribute('aria-describedby', [...ids(control), describedById].join(' '));
    return () => {
      for (const control of marked) {
        const rest = ids(control);
        if (rest.length) control.setAttribute('aria-describedby', rest.join(' '));
        else control.removeAttribute('aria-describedby');
      }
    };
  }, [controls, describedById]);
}

/**
 * Call after a submit the form refused: once the errors are drawn, focus goes to the first field marked
 * invalid inside `root`, in the order the clerk reads them.
 */
export function useFocusFirstInvalid(root: RefObject<HTMLElement | null>): () => void {
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request === 0) return;
    const first = root.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // A group of radio buttons is marked as a whole; its chosen (or first) button takes the focus.
    const target = first?.matches('input, select, textarea, button') ? first : first?.querySelector<HTMLElement>('input:checked, input, select, textarea');
    target?.focus();
  }, [request, root]);
  return useCallback(() => setRequest((n) => n + 1), []);
}

// Enter saves a dialog's form from any field; Shift+Enter still breaks a line in a text area.
import type { KeyboardEvent } from 'react';

const NOT_SUBMITTING = new Set(['button', 'submit', 'reset', 'checkbox', 'file', 'color', 'range']);

export function submitOnEnter(e: KeyboardEvent<HTMLFormElement>, submit: () => void): void {
  // A handled key (a suggestion picked) or an IME still composing pinyin: Enter is not ours.
  if (e.defaultPrevented || e.nativeEvent.isComposing || e.keyCode === 229) return;
  const mod = e.ctrlKey || e.metaKey;
  if (mod && (e.key === 'Enter' || e.key.toLowerCase() === 's')) {
    e.preventDefault();
    submit();
    return;
  }
  if (e.key !== 'Enter' || e.altKey || mod) return;
  const target = e.target as HTMLElement;
  if (target instanceof HTMLTextAreaElement) {
    if (e.shiftKey) return;
  } else if (!(target instanceof HTMLInputElement) || NOT_SUBMITTING.has(target.type)) {
    return;
  }
  e.preventDefault();
  submit();
}

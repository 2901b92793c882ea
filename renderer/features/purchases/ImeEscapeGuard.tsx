// Esc while a Chinese input method is composing cancels the pinyin, not the dialog. Rendered just
// before a <Dialog>, its listener is registered first and so runs before the Dialog's own Esc handler.
import { useEffect } from 'react';

export function ImeEscapeGuard() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && (event.isComposing || event.keyCode === 229)) event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return null;
}

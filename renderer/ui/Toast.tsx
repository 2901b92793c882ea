// A short confirmation after a save ("Purchase recorded · ¥356.00"), read out by screen readers, gone after a few seconds.
import { useEffect } from 'react';

export interface ToastMessage {
  /** Changes with every message, so the same text twice shows twice. */
  id: number;
  text: string;
}

export function Toast({ message, onDone }: { message: ToastMessage | null; onDone: () => void }) {
  useEffect(() => {
    if (!message) return;
    const timer = window.setTimeout(onDone, 4000);
    return () => window.clearTimeout(timer);
  }, [message, onDone]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {message && (
        <div className="toast" key={message.id} data-testid="toast">
          {message.text}
        </div>
      )}
    </div>
  );
}

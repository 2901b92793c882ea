// Small line icons for the timeline and the contact dialog (drawn here: no icon font, no emoji font needed).
import type { ReactNode } from 'react';
import type { InteractionChannel } from '../../shared/domain/interaction';
import { assertNever } from '../../shared/result';

function Svg({ children, size = 16 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export function PurchaseIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M5 8h14l-1.2 11.1a2 2 0 0 1-2 1.9H8.2a2 2 0 0 1-2-1.9L5 8Z" />
      <path d="M9 8V6.5a3 3 0 0 1 6 0V8" />
    </Svg>
  );
}

export function ReturnIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="M9 14 4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </Svg>
  );
}

/** Loyalty points: a star. */
export function PointsIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="m12 3.5 2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9L12 3.5Z" />
    </Svg>
  );
}

export function CheckIcon({ size }: { size?: number }) {
  return (
    <Svg size={size}>
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </Svg>
  );
}

export function MoreIcon() {
  return (
    <svg className="icon" width={16} height={16} viewBox="0 0 24 24" fill="currentColor" aria-hidden="true" focusable="false">
      <circle cx="5" cy="12" r="1.8" />
      <circle cx="12" cy="12" r="1.8" />
      <circle cx="19" cy="12" r="1.8" />
    </svg>
  );
}

export function ChannelIcon({ channel, size }: { channel: InteractionChannel; size?: number }) {
  switch (channel) {
    case 'phone':
      return (
        <Svg size={size}>
          <path d="M6.6 3.5h2.6l1.4 4-2 1.4a11 11 0 0 0 6.5 6.5l1.4-2 4 1.4v2.6a2 2 0 0 1-2.2 2A16.5 16.5 0 0 1 4.6 5.7a2 2 0 0 1 2-2.2Z" />
        </Svg>
      );
    case 'sms':
      return (
        <Svg size={size}>
          <path d="M4 5h16v11H9l-5 4V5Z" />
          <path d="M8 10h.01M12 10h.01M16 10h.01" />
        </Svg>
      );
    case 'wechat':
      return (
        <Svg size={size}>
          <path d="M9.5 4C5.4 4 2.5 6.6 2.5 9.6c0 1.7.9 3.2 2.4 4.2L4.3 16l2.6-1.3c.8.2 1.7.4 2.6.4" />
          <path d="M15 9c3.6 0 6.5 2.3 6.5 5.2 0 1.5-.8 2.8-2 3.8l.5 2-2.3-1.1c-.8.3-1.8.4-2.7.4-3.6 0-6.5-2.3-6.5-5.1S11.4 9 15 9Z" />
        </Svg>
      );
    case 'email':
      return (
        <Svg size={size}>
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <path d="m4 7 8 6 8-6" />
        </Svg>
      );
    case 'visit':
      return (
        <Svg size={size}>
          <path d="M4 10V20h16V10" />
          <path d="M3 10 5 4h14l2 6a3 3 0 0 1-6 0 3 3 0 0 1-6 0 3 3 0 0 1-6 0Z" />
          <path d="M10 20v-5h4v5" />
        </Svg>
      );
    case 'other':
      return (
        <Svg size={size}>
          <circle cx="12" cy="12" r="8" />
          <path d="M12 8v4l2.5 2" />
        </Svg>
      );
    default:
      return assertNever(channel, 'channel');
  }
}

export function LockIcon({ size = 14 }: { size?: number }) {
  return (
    <Svg size={size}>
      <rect x="5" y="10.5" width="14" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
    </Svg>
  );
}

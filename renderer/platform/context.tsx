// The bridge to the main process and what it told us at start-up, for any component that needs them.
import { createContext, useContext } from 'react';
import type { AppInfo, DesktopApi } from '../../shared/ipc/contract';

export interface Desktop {
  api: DesktopApi;
  info: AppInfo | null;
}

export const DesktopContext = createContext<Desktop | null>(null);

export function useDesktop(): Desktop {
  const desktop = useContext(DesktopContext);
  if (!desktop) throw new Error('useDesktop outside DesktopContext');
  return desktop;
}

// What backups need while the app runs: the automatic schedule for the open store, and a look at the
// disk now and then (a full disk is reported before a write fails, where the browser can tell).
import { useEffect } from 'react';
import { useDesktop } from '../../platform/context';
import { startAutomaticBackups } from './backups';
import { checkStorage } from '../../guards/storage';

const STORAGE_CHECK_MS = 5 * 60_000;

export function useBackups(storeStarted: boolean): void {
  const { api } = useDesktop();
  useEffect(() => {
    if (!storeStarted) return;
    return startAutomaticBackups(api);
  }, [api, storeStarted]);
  useEffect(() => {
    void checkStorage();
    const timer = window.setInterval(() => void checkStorage(), STORAGE_CHECK_MS);
    return () => window.clearInterval(timer);
  }, []);
}

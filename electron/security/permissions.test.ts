import { describe, expect, it } from 'vitest';
import { isPermissionGranted } from './permissions';

describe('isPermissionGranted', () => {
  it('lets the app write text to the clipboard', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', 'regulars://app/index.html')).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'regulars://app')).toBe(true);
  });

  it.each([
    'clipboard-read', 'deprecated-sync-clipboard-read', 'media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'openExternal',
    'fullscreen', 'pointerLock', 'keyboardLock', 'display-capture', 'hid', 'serial', 'usb', 'fileSystem', 'window-management',
    'storage-access', 'top-level-storage-access', 'idle-detection', 'unknown', '', '__proto__',
  ])('denies %s to the app', (permission) => {
    expect(isPermissionGranted(permission, 'regulars://app/index.html')).toBe(false);
  });

  it.each(['https://evil.com/', 'regulars://app.evil.com/', 'file:///index.html', '', undefined, null])('denies everything to %j', (url) => {
    expect(isPermissionGranted('clipboard-sanitized-write', url)).toBe(false);
  });
});

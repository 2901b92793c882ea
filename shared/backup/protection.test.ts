import { describe, expect, it } from 'vitest';
import type { BackupEncryptionView } from './api';
import { encryptionConcern } from './protection';

const KEY = { id: '0123456789abcdef', createdAt: '2026-12-04T08:00:00.000Z' };
const view = (over: Partial<BackupEncryptionView>): BackupEncryptionView => ({ state: 'automatic', recoveryKey: KEY, offAt: null, sheetShownAt: null, ...over });

describe('encryptionConcern', () => {
  it('asks for the sheet while only this PC can open automatic backups', () => {
    expect(encryptionConcern(view({}))).toBe('print-sheet');
    expect(encryptionConcern(view({ sheetShownAt: '2026-12-04T09:00:00.000Z' }))).toBe('none');
  });
  it('is content with a password, and names off and not set up', () => {
    expect(encryptionConcern(view({ state: 'on' }))).toBe('none');
    expect(encryptionConcern(view({ state: 'on', recoveryKey: null }))).toBe('none');
    expect(encryptionConcern(view({ state: 'off', recoveryKey: null, offAt: '2026-12-01T00:00:00.000Z' }))).toBe('off');
    expect(encryptionConcern(view({ state: 'not-set-up', recoveryKey: null }))).toBe('not-set-up');
  });
  it('fails loudly on a state it does not know', () => {
    expect(() => encryptionConcern(view({ state: 'maybe' as never }))).toThrow(/maybe/);
  });
});

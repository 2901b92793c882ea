// What, if anything, the owner should do about backup encryption: one rule for the banners, the backup screen and
// the security section, so they never disagree.
import { assertNever } from '../result';
import type { BackupEncryptionView } from './api';

/**
 * 'none': encrypted and the owner holds a way in (a password, or the printed sheet); 'print-sheet': encrypted
 * automatically, but only this PC can open the backups until the sheet is printed; 'off': turned off on purpose;
 * 'not-set-up': nothing encrypts (this PC cannot keep a key).
 */
export type EncryptionConcern = 'none' | 'print-sheet' | 'off' | 'not-set-up';

export function encryptionConcern(encryption: BackupEncryptionView): EncryptionConcern {
  switch (encryption.state) {
    case 'on':
      return 'none';
    case 'automatic':
      return encryption.sheetShownAt === null ? 'print-sheet' : 'none';
    case 'off':
      return 'off';
    case 'not-set-up':
      return 'not-set-up';
    default:
      return assertNever(encryption.state, 'encryption state');
  }
}

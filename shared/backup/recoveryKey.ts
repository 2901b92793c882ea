// The backup recovery key as a person reads, prints and types it: 16 random bytes in Crockford base32
// (no I, L, O, U: nothing to confuse with 1 or 0), a check of two characters, in seven groups of four.
import { err, ok, type Result } from '../result';

export const RECOVERY_SECRET_BYTES = 16;
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 128 bits need 26 characters of 5 bits; the last two carry the check. */
const DATA_CHARS = 26;
const CHECK_CHARS = 2;
export const RECOVERY_KEY_CHARS = DATA_CHARS + CHECK_CHARS;
export const RECOVERY_KEY_GROUP = 4;
/** What the owner can type at most (with spaces and dashes between the groups). */
export const MAX_RECOVERY_KEY_TEXT = 80;

const encode = (bits: bigint, chars: number) => {
  let text = '';
  for (let index = chars - 1; index >= 0; index--) text += ALPHABET[Number((bits >> BigInt(index * 5)) & 31n)];
  return text;
};

const toBigInt = (bytes: Uint8Array) => bytes.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);

/**
 * Σ (position + 1) · value mod 1021 over the 26 data characters. 1021 is a prime above 26 · 31, so any one
 * character typed wrong, and any two neighbours swapped, changes the check: a mistyped key is always told
 * from another backup's key, and never tried against a backup.
 */
function checkOf(data: string): string {
  let sum = 0;
  for (let index = 0; index < data.length; index++) sum = (sum + (index + 1) * ALPHABET.indexOf(data[index]!)) % 1021;
  return encode(BigInt(sum), CHECK_CHARS);
}

function grouped(text: string): string {
  return text.match(new RegExp(`.{1,${RECOVERY_KEY_GROUP}}`, 'g'))!.join('-');
}

/** "7Q3M-XD9K-…": what the sheet prints. */
export function formatRecoveryKey(secret: Uint8Array): string {
  if (secret.length !== RECOVERY_SECRET_BYTES) throw new Error('a recovery key is 16 bytes');
  const data = encode(toBigInt(secret), DATA_CHARS);
  return grouped(data + checkOf(data));
}

/** "XXXX-XXXX-…": the shape of a recovery key, for the field it is typed into. */
export const RECOVERY_KEY_SHAPE = grouped('X'.repeat(RECOVERY_KEY_CHARS));

export type RecoveryKeyProblem = 'recovery-key-incomplete' | 'recovery-key-mistyped';

/**
 * Reads what the owner typed: case, spaces and dashes do not matter, and O, I, L and U are read as the
 * characters they are mistaken for (Crockford). A wrong length or a check that fails is refused here,
 * before any backup is tried.
 */
export function parseRecoveryKey(text: string): Result<Uint8Array, RecoveryKeyProblem> {
  if (text.length > MAX_RECOVERY_KEY_TEXT) return err('recovery-key-incomplete');
  const cleaned = text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/U/g, 'V');
  if (cleaned.length !== RECOVERY_KEY_CHARS) return err('recovery-key-incomplete');
  let bits = 0n;
  for (const char of cleaned.slice(0, DATA_CHARS)) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return err('recovery-key-mistyped');
    bits = (bits << 5n) | BigInt(value);
  }
  // 26 characters hold 130 bits: the two above the 128 are always zero (the first character is 0 to 7).
  if (bits >> 128n !== 0n) return err('recovery-key-mistyped');
  const secret = new Uint8Array(RECOVERY_SECRET_BYTES);
  for (let index = RECOVERY_SECRET_BYTES - 1; index >= 0; index--) {
    secret[index] = Number(bits & 0xffn);
    bits >>= 8n;
  }
  return checkOf(cleaned.slice(0, DATA_CHARS)) === cleaned.slice(DATA_CHARS) ? ok(secret) : err('recovery-key-mistyped');
}

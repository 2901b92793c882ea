// Backup keys (format 2, docs/BACKUP_FORMAT.md): a random data key per backup, wrapped for the password
// (scrypt) and for the recovery key (X25519 + HKDF, so main wraps for it knowing only its public half).
// Node's own crypto (OpenSSL) does the X25519: no JavaScript curve library is needed or installed.
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, hkdfSync, scrypt, type KeyObject } from 'node:crypto';
import {
  GCM_TAG_BYTES,
  KEY_BYTES,
  SCRYPT_MAXMEM,
  SCRYPT_N,
  SCRYPT_P,
  SCRYPT_R,
  X25519_KEY_BYTES,
  type BackupRefusal,
  type PasswordWrap,
  type RecoveryWrap,
} from '../../../shared/backup/format';
import { parseRecoveryKey } from '../../../shared/backup/recoveryKey';
import { err, ok, type Result } from '../../../shared/result';
import type { BackupRandom } from './os';

const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');
const WRAP_AAD = { password: Buffer.from('regulars-backup-key/password'), recovery: Buffer.from('regulars-backup-key/recovery') };

/** The recovery key as main keeps it: its public half only. */
export interface RecoveryPublicKey {
  /** Raw X25519, 32 bytes, base64. */
  publicKey: string;
  keyId: string;
}

/** scrypt(NFC(password)) → the key that wraps a data key (32 bytes). */
export function passwordKek(password: string, salt: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P, maxmem: SCRYPT_MAXMEM }, (error, key) => (error ? reject(error) : resolve(Buffer.from(key))));
  });
}

function seal(kek: Buffer, iv: Buffer, dataKey: Buffer, aad: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', kek, iv, { authTagLength: GCM_TAG_BYTES }).setAAD(aad);
  return Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
}

/** The data key, or null when the tag does not match (a wrong password or key). */
function open(kek: Buffer, iv: Buffer, wrapped: Buffer, aad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, iv, { authTagLength: GCM_TAG_BYTES }).setAAD(aad);
    decipher.setAuthTag(wrapped.subarray(KEY_BYTES));
    return Buffer.concat([decipher.update(wrapped.subarray(0, KEY_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The password wrap for a session: scrypt once (about a second), then the key wraps this backup's data key. */
export async function wrapForPassword(password: string, dataKey: Buffer, random: BackupRandom): Promise<PasswordWrap> {
  const salt = random.bytes(16);
  const iv = random.bytes(12);
  const kek = await passwordKek(password, salt);
  return { kdf: 'scrypt', N: SCRYPT_N, r: SCRYPT_R, p: SCRYPT_P, salt: salt.toString('base64'), iv: iv.toString('base64'), wrapped: seal(kek, iv, dataKey, WRAP_AAD.password).toString('base64') };
}

export async function unwrapWithPassword(wrap: PasswordWrap, password: string): Promise<Buffer | null> {
  const kek = await passwordKek(password, Buffer.from(wrap.salt, 'base64'));
  return open(kek, Buffer.from(wrap.iv, 'base64'), Buffer.from(wrap.wrapped, 'base64'), WRAP_AAD.password);
}

const rawPublic = (key: KeyObject) => key.export({ type: 'spki', format: 'der' }).subarray(-X25519_KEY_BYTES);
const publicFromRaw = (raw: Buffer) => createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });
export const recoveryKeyIdOf = (publicRaw: Buffer) => createHash('sha256').update(publicRaw).digest('hex').slice(0, 16);

const x25519PrivateKey = (seed: Buffer) => createPrivateKey({ key: Buffer.concat([PKCS8_X25519, seed]), format: 'der', type: 'pkcs8' });

/** The recovery key's X25519 private key, derived from the 16 secret bytes printed on the sheet. */
function recoveryPrivateKey(secret: Uint8Array): KeyObject {
  return x25519PrivateKey(Buffer.from(hkdfSync('sha256', secret, 'regulars-recovery-key/1', 'x25519 private key', X25519_KEY_BYTES)));
}

export function recoveryPublicKeyOf(secret: Uint8Array): RecoveryPublicKey {
  const publicRaw = rawPublic(createPublicKey(recoveryPrivateKey(secret)));
  return { publicKey: publicRaw.toString('base64'), keyId: recoveryKeyIdOf(publicRaw) };
}

function recoveryKek(shared: Buffer, ephemeralRaw: Buffer, recipientRaw: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, recipientRaw]), 'regulars-backup-key/recovery', KEY_BYTES));
}

/** Wraps the data key for the recovery key's public half: a throwaway key pair per backup, its secret half forgotten at once. */
export function wrapForRecovery(recipient: RecoveryPublicKey, dataKey: Buffer, random: BackupRandom): RecoveryWrap {
  const recipientRaw = Buffer.from(recipient.publicKey, 'base64');
  // From the service's randomness (crypto-random in the app), so a fixture written with fixed bytes is the same file every time.
  const ephemeral = x25519PrivateKey(random.bytes(X25519_KEY_BYTES));
  const ephemeralRaw = rawPublic(createPublicKey(ephemeral));
  const shared = diffieHellman({ privateKey: ephemeral, publicKey: publicFromRaw(recipientRaw) });
  const iv = random.bytes(12);
  return {
    kem: 'x25519-hkdf-sha256',
    keyId: recipient.keyId,
    ephemeral: ephemeralRaw.toString('base64'),
    iv: iv.toString('base64'),
    wrapped: seal(recoveryKek(shared, ephemeralRaw, recipientRaw), iv, dataKey, WRAP_AAD.recovery).toString('base64'),
  };
}

/** The data key from the recovery key's text; a mistyped key, another key and no recovery wrap are told apart. */
export function unwrapWithRecoveryKey(wrap: RecoveryWrap | null, recoveryKeyText: string): Result<Buffer, BackupRefusal> {
  const secret = parseRecoveryKey(recoveryKeyText);
  if (!secret.ok) return err('backup-recovery-key-invalid');
  if (wrap === null) return err('backup-no-recovery-key');
  const privateKey = recoveryPrivateKey(secret.value);
  const recipientRaw = rawPublic(createPublicKey(privateKey));
  if (recoveryKeyIdOf(recipientRaw) !== wrap.keyId) return err('backup-wrong-recovery-key');
  const ephemeralRaw = Buffer.from(wrap.ephemeral, 'base64');
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey: publicFromRaw(ephemeralRaw) });
  } catch {
    // A forged ephemeral key (a low-order point) makes X25519 refuse: the wrap cannot be opened.
    return err('backup-damaged');
  }
  const key = open(recoveryKek(shared, ephemeralRaw, recipientRaw), Buffer.from(wrap.iv, 'base64'), Buffer.from(wrap.wrapped, 'base64'), WRAP_AAD.recovery);
  return key ? ok(key) : err('backup-damaged');
}

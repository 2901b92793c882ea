// Tests only (imported for its effect): node:crypto's scrypt remembers what it derived, by its inputs.
// A test derives a backup's password key when the service writes the backup and again at every read and
// check of it (about a second each at the format's N on a busy two-core machine). scrypt is a pure function,
// so a remembered key is exactly the key scrypt gives: a wrong password, another salt, other parameters or
// a password not normalised the same way still run the real scrypt, and fail as they should.
import crypto, { type BinaryLike, type ScryptOptions } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';

type Done = (error: Error | null, key: Buffer) => void;

const realScrypt = crypto.scrypt;
const derived = new Map<string, Buffer>();

const bytesOf = (value: BinaryLike) => (typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value.buffer, value.byteOffset, value.byteLength)).toString('hex');

function rememberedScrypt(password: BinaryLike, salt: BinaryLike, keylen: number, optionsOrDone: ScryptOptions | Done, maybeDone?: Done): void {
  const options = typeof optionsOrDone === 'function' ? {} : optionsOrDone;
  const done = typeof optionsOrDone === 'function' ? optionsOrDone : maybeDone!;
  const key = JSON.stringify([bytesOf(password), bytesOf(salt), keylen, Object.entries(options).sort(([a], [b]) => a.localeCompare(b))]);
  const known = derived.get(key);
  if (known) {
    const copy = Buffer.from(known);
    process.nextTick(() => done(null, copy));
    return;
  }
  // Bad parameters throw here or fail in the callback, as without this module; only a derived key is kept.
  realScrypt(password, salt, keylen, options, (error, result) => {
    if (!error) derived.set(key, Buffer.from(result));
    done(error, result);
  });
}

crypto.scrypt = rememberedScrypt as typeof crypto.scrypt;
// `import { scrypt } from 'node:crypto'` reads the ES module's binding: bring it in line with the object's.
syncBuiltinESMExports();

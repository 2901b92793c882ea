// Every kind of bad file is refused, with its own reason, before anything is handed to the renderer.
// Each backup's password key derived once, however often the test reads the backup (scrypt is pure).
import '../../../test/support/scryptMemo';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupService } from './index';
import { createTestService, listFolder, readWhole, samplePayload, sha256, writeWhole } from '../../../test/support/backupService';

const PASSWORD = 'correct horse 電池';
let service: BackupService;
let dataFolder: string;
let folder: string;
let plain: Buffer;
let encrypted: Buffer;
let plainPayload: Buffer;
let counter = 0;
const acceptedCases: string[] = [];

beforeAll(async () => {
  const context = await createTestService();
  ({ service, dataFolder, backupFolder: folder } = context);
  plainPayload = samplePayload(3000, 21);
  // The owner turned encryption off for the plain file (encrypted by default otherwise).
  await service.setPassword(null);
  const a = await writeWhole(service, plainPayload);
  await service.setPassword(PASSWORD);
  const b = await writeWhole(service, samplePayload(3000, 22));
  await service.setPassword(null);
  if (!a.ok || !b.ok) throw new Error('could not write the good backups');
  plain = await readFile(path.join(folder, a.value.backup.fileName));
  encrypted = await readFile(path.join(folder, b.value.backup.fileName));
});
afterAll(() => rm(dataFolder, { recursive: true, force: true }));

/** A header as a forger edits it: the known fields typed, anything else allowed. */
interface EditableHeader {
  [field: string]: unknown;
  counts: Record<string, number>;
  payload: { bytes: number; sha256: string };
  body: { compression: string; bytes: number; sha256: string };
  encryption: { password: { N: number } } | null;
}

interface Parts {
  header: EditableHeader;
  headerBytes: Buffer;
  body: Buffer;
  tag: Buffer;
}

function split(file: Buffer): Parts {
  const length = file.readUInt32BE(8);
  const headerBytes = file.subarray(12, 12 + length);
  const header = JSON.parse(headerBytes.toString('utf8')) as EditableHeader;
  const bodyStart = 12 + length + 32;
  const bodyEnd = bodyStart + (header.body.bytes as number);
  return { header, headerBytes, body: file.subarray(bodyStart, bodyEnd), tag: file.subarray(bodyEnd) };
}

/** A file as a knowledgeable forger would write it: the header digest recomputed to match. */
function build(headerBytes: Buffer, body: Buffer, tag: Buffer = Buffer.alloc(0)): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(headerBytes.length);
  const head = Buffer.concat([plain.subarray(0, 8), length, headerBytes]);
  return Buffer.concat([head, createHash('sha256').update(head).digest(), body, tag]);
}
const rebuild = (file: Buffer, edit: (header: EditableHeader) => void, body?: Buffer) => {
  const parts = split(file);
  edit(parts.header);
  return build(Buffer.from(JSON.stringify(parts.header)), body ?? parts.body, parts.tag);
};

const flip = (file: Buffer, at: number, mask = 0x01) => {
  const copy = Buffer.from(file);
  copy[at] = (copy[at] as number) ^ mask;
  return copy;
};

/** Puts the bytes in the backup folder and asks for them in every way a restore can. */
async function refusal(bytes: Buffer | string, options: { password?: string; appSchemaVersion?: number } = {}) {
  const fileName = `case ${++counter}.rgbackup`;
  await writeFile(path.join(folder, fileName), bytes);
  const request = { source: { fileName }, appSchemaVersion: options.appSchemaVersion ?? 3, password: options.password };
  const inspected = await service.inspect(request);
  const opened = await readWhole(service, request);
  expect(opened.ok).toBe(inspected.ok);
  if (!opened.ok && !inspected.ok) expect(opened.reason).toBe(inspected.reason);
  if (inspected.ok) acceptedCases.push(fileName);
  return inspected.ok ? 'accepted' : inspected.reason;
}

describe('the good files', () => {
  it('are accepted, so every refusal below is about the damage', async () => {
    expect(await refusal(plain)).toBe('accepted');
    expect(await refusal(encrypted, { password: PASSWORD })).toBe('accepted');
    expect(await refusal(rebuild(plain, () => undefined))).toBe('accepted');
  });
});

describe('a flipped byte', () => {
  it('is refused wherever it falls in an unencrypted file', async () => {
    const { headerBytes, body } = split(plain);
    const bodyStart = 12 + headerBytes.length + 32;
    const reasons = new Map<number, string>();
    for (let at = 0; at < plain.length; at++) reasons.set(at, await refusal(flip(plain, at)));
    for (const [at, reason] of reasons) {
      if (at < 8) expect(reason, `byte ${at}`).toBe('not-a-backup');
      else if (at < 12) expect(['backup-damaged', 'backup-truncated'], `byte ${at}`).toContain(reason);
      else expect(reason, `byte ${at}`).toBe('backup-damaged');
    }
    expect(reasons.size).toBe(bodyStart + body.length);
  });

  it('is refused in the header, the body and the GCM tag of an encrypted file', async () => {
    const { headerBytes, body } = split(encrypted);
    const bodyStart = 12 + headerBytes.length + 32;
    for (const at of [20, bodyStart - 1, bodyStart, bodyStart + Math.floor(body.length / 2), bodyStart + body.length - 1, encrypted.length - 16, encrypted.length - 1]) {
      expect(await refusal(flip(encrypted, at, 0x80), { password: PASSWORD }), `byte ${at}`).toBe('backup-damaged');
    }
  });
});

describe('a truncated file', () => {
  it.each([0, 1, 7, 8, 11, 12, 40, -100, -17, -1])('is refused when cut to %i bytes', async (cut) => {
    const length = cut < 0 ? encrypted.length + cut : cut;
    const reason = await refusal(encrypted.subarray(0, length), { password: PASSWORD });
    expect(reason).toBe('backup-truncated');
  });

  it('is refused when bytes were added at the end', async () => {
    expect(await refusal(Buffer.concat([plain, Buffer.from('\n')]))).toBe('backup-damaged');
  });
});

describe('an edited header', () => {
  it('is refused when edited by hand (the header digest no longer matches)', async () => {
    const { headerBytes } = split(plain);
    const edited = Buffer.from(plain);
    const text = headerBytes.toString('utf8').replace('"customers":240', '"customers":241');
    expect(text).not.toBe(headerBytes.toString('utf8'));
    Buffer.from(text).copy(edited, 12);
    expect(await refusal(edited)).toBe('backup-damaged');
    expect(await refusal(rebuild(encrypted, () => undefined).fill(0x20, 20, 21), { password: PASSWORD })).toBe('backup-damaged');
  });

  it('is refused in an encrypted file even with the digest recomputed: the header is GCM additional data', async () => {
    const edited = rebuild(encrypted, (header) => {
      header.counts.customers = 9999;
    });
    expect(await refusal(edited, { password: PASSWORD })).toBe('backup-damaged');
    const later = rebuild(encrypted, (header) => {
      header.createdAt = '2030-01-01T00:00:00.000Z';
    });
    expect(await refusal(later, { password: PASSWORD })).toBe('backup-damaged');
  });

  it('is refused when the claimed payload hash, length or body length is changed', async () => {
    expect(await refusal(rebuild(plain, (h) => void (h.payload.sha256 = sha256(Buffer.from('other')))))).toBe('backup-damaged');
    expect(await refusal(rebuild(plain, (h) => void (h.payload.bytes -= 1)))).toBe('backup-damaged');
    expect(await refusal(rebuild(plain, (h) => void (h.body.bytes -= 1)))).toBe('backup-damaged');
    expect(await refusal(rebuild(plain, (h) => void (h.body.bytes += 1)))).toBe('backup-truncated');
    expect(await refusal(rebuild(plain, (h) => void (h.body.sha256 = sha256(Buffer.from('other')))))).toBe('backup-damaged');
  });

  it('is refused as invalid when it is not a header this version understands', async () => {
    expect(await refusal(rebuild(plain, (h) => void (h.extra = 1)))).toBe('backup-header-invalid');
    expect(await refusal(rebuild(plain, (h) => void (h.format = 'someone-elses-backup')))).toBe('backup-header-invalid');
    expect(await refusal(rebuild(plain, (h) => void (h.schemaVersion = 0)))).toBe('backup-header-invalid');
    expect(await refusal(rebuild(plain, (h) => void (h.counts = { customers: -1 })))).toBe('backup-header-invalid');
    expect(await refusal(rebuild(plain, (h) => void (h.createdAt = '2026-02-30T00:00:00.000Z')))).toBe('backup-header-invalid');
    expect(await refusal(rebuild(plain, (h) => void (h.body.compression = 'zstd')))).toBe('backup-header-invalid');
    expect(await refusal(rebuild(encrypted, (h) => void (h.encryption!.password.N = 1024)), { password: PASSWORD })).toBe('backup-header-invalid');
    const { body } = split(plain);
    expect(await refusal(build(Buffer.from('[1,2,3]'), body))).toBe('backup-header-invalid');
    expect(await refusal(build(Buffer.from('{"format":"regulars-backup"'), body))).toBe('backup-header-invalid');
    expect(await refusal(build(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), body))).toBe('backup-header-invalid');
  });
});

describe('passwords', () => {
  it('asks for the password of an encrypted file, and refuses a wrong one', async () => {
    expect(await refusal(encrypted)).toBe('backup-password-required');
    expect(await refusal(encrypted, { password: 'correct horse 电池' })).toBe('backup-wrong-password');
    expect(await refusal(encrypted, { password: ' correct horse 電池' })).toBe('backup-wrong-password');
  });

  it('ignores a password given for an unencrypted file', async () => {
    expect(await refusal(plain, { password: 'anything' })).toBe('accepted');
  });
});

describe('foreign files', () => {
  it.each([
    ['a JSON export', JSON.stringify({ formatName: 'dexie', data: { tables: [{ name: 'customers', rows: [] }] } })],
    ['an empty JSON object', '{}'],
    ['a spreadsheet (zip)', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
    ['an image', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
    ['a gzip file', gzipSync(Buffer.from('hello'))],
    ['text', 'Regulars backup\r\n'],
  ])('refuses %s as not a backup', async (_name, bytes) => {
    expect(await refusal(bytes)).toBe('not-a-backup');
  });

  it('refuses an empty file as truncated (an interrupted copy)', async () => {
    expect(await refusal(Buffer.alloc(0))).toBe('backup-truncated');
  });
});

describe('newer files', () => {
  it('refuses a backup from a newer database schema', async () => {
    const newer = await writeWhole(service, samplePayload(500), { schemaVersion: 9 });
    if (!newer.ok) throw new Error(newer.reason);
    expect(await refusal(await readFile(path.join(folder, newer.value.backup.fileName)), { appSchemaVersion: 3 })).toBe('backup-newer-schema');
  });

  it('refuses a newer format version as newer, whatever else its header holds', async () => {
    const newer = rebuild(plain, (header) => {
      header.formatVersion = 4;
      header.somethingNew = { chunks: [1, 2] };
      Reflect.deleteProperty(header, 'body');
    });
    expect(await refusal(newer)).toBe('backup-newer-format');
  });

  it('lists refused files with their reasons, and writes no verification record for them', async () => {
    const listing = await service.list();
    if (!listing.ok) throw new Error(listing.reason);
    const reasons = new Set(listing.value.entries.flatMap((entry) => (entry.status === 'unreadable' ? [entry.reason] : [])));
    expect(reasons).toEqual(
      new Set(['not-a-backup', 'backup-truncated', 'backup-damaged', 'backup-header-invalid', 'backup-newer-format']),
    );
    const records = (await listFolder(folder)).filter((name) => name.startsWith('case ') && name.endsWith('.verified'));
    expect(acceptedCases).toHaveLength(4); // the three good files, and the one with a password it did not need
    expect(records.sort()).toEqual(acceptedCases.map((name) => `${name}.verified`).sort());
  });
});

describe('what the reader guards against beyond the checks above', () => {
  it('stops inflating a body that grows past the length its header claims (a gzip bomb)', async () => {
    const bomb = Buffer.alloc(4_000_000);
    const body = gzipSync(bomb);
    const forged = rebuild(plain, (h) => {
      h.payload.bytes = 1000;
      h.payload.sha256 = sha256(bomb.subarray(0, 1000));
      h.body.bytes = body.length;
      h.body.sha256 = sha256(body);
    }, body);
    expect(await refusal(forged)).toBe('backup-damaged');
  });

  it('reads an uncompressed body, which the format allows', async () => {
    const payload = Buffer.from('{"customers":[]}');
    const file = rebuild(plain, (h) => {
      h.body = { compression: 'none', bytes: payload.length, sha256: sha256(payload) };
      h.payload.bytes = payload.length;
      h.payload.sha256 = sha256(payload);
    }, payload);
    expect(await refusal(file)).toBe('accepted');
    const fileName = `case ${counter}.rgbackup`;
    const read = await readWhole(service, { source: { fileName }, appSchemaVersion: 3 });
    expect(read.ok && read.value.payload.equals(payload)).toBe(true);
  });

  it('reads the plain payload back unchanged (the cases above all started from it)', async () => {
    const read = await readWhole(service, { source: { fileName: 'case 1.rgbackup' }, appSchemaVersion: 3 });
    expect(read.ok && read.value.payload.equals(plainPayload)).toBe(true);
  });
});

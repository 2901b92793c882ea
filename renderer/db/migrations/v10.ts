// Database version 10: the audit log becomes a hash chain (numbered entries, who wrote them, the customers they touched).
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Transaction } from 'dexie';
import { SCHEMA_V9 } from './v9';

/**
 * Version 10 tables, written out in full: this file is what shipped, whatever later versions do.
 * auditLog gains `&seq` (the chain's order, one number per entry) and `*customerIds` (the viewer's
 * customer filter reads an index, not the whole log).
 */
export const SCHEMA_V10 = {
  ...SCHEMA_V9,
  auditLog: 'id, &seq, at, kind, *customerIds',
} as const;

/** An entry as versions 2-9 wrote it. */
interface V9AuditEntry {
  id: string;
  at: string;
  kind: string;
  summary: string;
  details: unknown;
}

// This migration's own copy of the chain's hashing (the live one may change; what v10 wrote may not).
const GENESIS_V10 = '0'.repeat(64);

function canonicalV10(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalV10).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalV10(record[k])}`).join(',')}}`;
  }
  return 'null';
}

/** Names a merge wrote into its summary and the records it kept in details.before: personal data, moved out of the chain. */
function v10Entry(old: V9AuditEntry, seq: number, prevHash: string): Record<string, unknown> {
  const details = (old.details ?? null) as Record<string, unknown> | null;
  const isMerge = old.kind === 'customers.merge' && details !== null && typeof details === 'object';
  const customerIds = isMerge
    ? [details.survivorId, ...(Array.isArray(details.mergedIds) ? details.mergedIds : [])].filter((id): id is string => typeof id === 'string')
    : [];
  const refs = old.kind.startsWith('import.') && details && typeof details.batchId === 'string' ? [details.batchId] : [];
  let legacy: { summary: string; details: unknown } = { summary: old.summary ?? '', details: old.details ?? null };
  let snapshot: unknown;
  if (isMerge) {
    const { before, ...rest } = details;
    legacy = { summary: '', details: rest };
    snapshot = { before };
  }
  // JSON round trip: what IndexedDB stores is what is hashed (no undefined, no class instances).
  const entry = JSON.parse(JSON.stringify({ id: old.id, seq, at: old.at, actor: null, kind: old.kind, customerIds, refs, facts: {}, legacy, prevHash })) as Record<string, unknown>;
  const hash = bytesToHex(sha256(utf8ToBytes(canonicalV10(entry))));
  return snapshot === undefined ? { ...entry, hash } : { ...entry, snapshot, hash };
}

/** Chains the entries written before version 10, oldest first (then by id), as the chain's first entries. */
export async function upgradeToV10(tx: Transaction): Promise<void> {
  const table = tx.table('auditLog');
  const old = (await table.toArray()) as V9AuditEntry[];
  old.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let prevHash = GENESIS_V10;
  const rows: Record<string, unknown>[] = [];
  old.forEach((entry, i) => {
    const row = v10Entry(entry, i + 1, prevHash);
    prevHash = row.hash as string;
    rows.push(row);
  });
  if (rows.length) await table.bulkPut(rows);
}

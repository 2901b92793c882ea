// The PIN repository: the only code that reads and writes the pins table, one salted-hash record per role.
import { ownerPinRecordSchema, PIN_ROLES, type OwnerPinRecord, type PinRole } from '../../shared/domain/ownerPin';
import type { RegularsDatabase } from './database';
import { recordAudit, type AuditDeps } from './audit';
import { writeTransaction } from './derivation/scopes';
import { systemClock } from '../platform/systemClock';

const APP_DEPS: AuditDeps = { now: systemClock, newId: () => crypto.randomUUID() };

/** A role's PIN record (version 6); `role` is the key. */
export interface PinRow {
  role: PinRole;
  record: OwnerPinRecord;
}

function requireRole(role: PinRole): void {
  if (!(PIN_ROLES as readonly string[]).includes(role)) throw new Error(`pins: no role ${String(role)}`);
}

/** `deps`: the clock and ids of the audit entry each write records (the app's unless given). */
export function createPinRepository(db: RegularsDatabase, deps: AuditDeps = APP_DEPS) {
  return {
    /**
     * The role's record, or null when none is set. A stored record that is not a whole PIN record counts
     * as none, explicitly: the owner sets a new PIN. The PIN keeps the clerk from owner actions in the app;
     * whoever can damage the record has the disk, which the PIN never guarded.
     */
    async read(role: PinRole): Promise<OwnerPinRecord | null> {
      requireRole(role);
      const parsed = ownerPinRecordSchema.safeParse((await db.pins.get(role))?.record);
      return parsed.success ? parsed.data : null;
    },
    /** Sets the role's record (null removes it); throws, storing nothing, for a record that does not fit. */
    async write(role: PinRole, record: OwnerPinRecord | null): Promise<void> {
      requireRole(role);
      const checked = record === null ? null : ownerPinRecordSchema.parse(record);
      await writeTransaction(db, ['pin'], [], async () => {
        if (checked === null) await db.pins.delete(role);
        else await db.pins.put({ role, record: checked });
        await recordAudit(db, deps, { kind: 'pin.change', facts: { role, change: checked === null ? 'removed' : 'set' } });
      });
    },
  };
}

export type PinRepository = ReturnType<typeof createPinRepository>;

// The PIN repository: the only code that reads and writes the pins table, one salted-hash record per role.
import { ownerPinRecordSchema, PIN_ROLES, type OwnerPinRecord, type PinRole } from '../../shared/domain/ownerPin';
import type { RegularsDatabase } from './database';

/** A role's PIN record (version 6); `role` is the key. */
export interface PinRow {
  role: PinRole;
  record: OwnerPinRecord;
}

function requireRole(role: PinRole): void {
  if (!(PIN_ROLES as readonly string[]).includes(role)) throw new Error(`pins: no role ${String(role)}`);
}

export function createPinRepository(db: RegularsDatabase) {
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
      if (record === null) await db.pins.delete(role);
      else await db.pins.put({ role, record: ownerPinRecordSchema.parse(record) });
    },
  };
}

export type PinRepository = ReturnType<typeof createPinRepository>;

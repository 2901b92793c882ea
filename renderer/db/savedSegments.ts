// Saved segments (issue 18): the owner keeps a segment's conditions under a name, loads them into the segment builder
// again, replaces them, renames or deletes one. Each write checks the name against the others inside its transaction,
// with its audit entry; a campaign keeps its own copy of the conditions it started with, so none of this touches one.
import {
  readSavedSegment,
  savedSegmentError,
  segmentName,
  segmentNameError,
  type SavedSegment,
  type SavedSegmentError,
} from '../../shared/domain/campaigns/savedSegment';
import type { SegmentCondition } from '../../shared/domain/campaigns/segment';
import { recordAudit, type AuditDeps } from './audit';
import type { RegularsDatabase } from './database';
import { writeTransaction } from './derivation';

export class SavedSegmentRefusedError extends Error {
  constructor(readonly reason: SavedSegmentError) {
    super(`saved segment refused: ${reason}`);
  }
}

export class SavedSegmentNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`saved segment: no segment ${id}`);
  }
}

/** The saved segments as read: those that read as one, and the ids of rows that do not (a damaged restore's). */
export interface SavedSegmentsRead {
  segments: SavedSegment[];
  unreadable: string[];
}

/** Each condition copied, so that what is stored shares nothing with the builder's state or a campaign's draft. */
const copied = (conditions: readonly SegmentCondition[]): SegmentCondition[] => structuredClone([...conditions]);

export function createSavedSegmentRepository(db: RegularsDatabase, deps: AuditDeps & { newId: () => string }) {
  /** The segments as stored, by name (the index's order; the picker sorts them for its language). */
  async function readAll(): Promise<SavedSegmentsRead> {
    const rows: unknown[] = await db.savedSegments.orderBy('name').toArray();
    const read: SavedSegmentsRead = { segments: [], unreadable: [] };
    for (const row of rows) {
      const segment = readSavedSegment(row);
      if (segment) read.segments.push(segment);
      else read.unreadable.push(String((row as { id?: unknown } | null)?.id));
    }
    return read;
  }

  async function requireSegment(id: string): Promise<SavedSegment> {
    const segment = readSavedSegment(await db.savedSegments.get(id));
    if (!segment) throw new SavedSegmentNotFoundError(id);
    return segment;
  }

  return {
    list: readAll,

    /** One saved segment; null when there is none by that id, or its row does not read as one. */
    async get(id: string): Promise<SavedSegment | null> {
      return readSavedSegment(await db.savedSegments.get(id));
    },

    /** Saves the conditions under a new name. Refused (nothing written) with the reason: see savedSegmentError. */
    async save(name: string, conditions: readonly SegmentCondition[]): Promise<SavedSegment> {
      return writeTransaction(db, ['segment'], [], async () => {
        const error = savedSegmentError(name, conditions, (await readAll()).segments);
        if (error) throw new SavedSegmentRefusedError(error);
        const now = deps.now().toISOString();
        const segment: SavedSegment = { id: deps.newId(), name: segmentName(name), conditions: copied(conditions), createdAt: now, updatedAt: now };
        await db.savedSegments.add(segment);
        await recordAudit(db, deps, { kind: 'segment.save', refs: [segment.id], facts: { conditions: segment.conditions.length } });
        return segment;
      });
    },

    /** Replaces a saved segment's conditions with these (the campaigns started from the old ones keep theirs). */
    async update(id: string, conditions: readonly SegmentCondition[]): Promise<SavedSegment> {
      return writeTransaction(db, ['segment'], [], async () => {
        const segment = await requireSegment(id);
        const error = savedSegmentError(segment.name, conditions, [], id);
        if (error) throw new SavedSegmentRefusedError(error);
        const next: SavedSegment = { ...segment, conditions: copied(conditions), updatedAt: deps.now().toISOString() };
        await db.savedSegments.put(next);
        await recordAudit(db, deps, { kind: 'segment.update', refs: [id], facts: { conditions: next.conditions.length } });
        return next;
      });
    },

    async rename(id: string, name: string): Promise<SavedSegment> {
      return writeTransaction(db, ['segment'], [], async () => {
        const segment = await requireSegment(id);
        const error = segmentNameError(name, (await readAll()).segments, id);
        if (error) throw new SavedSegmentRefusedError(error);
        const next: SavedSegment = { ...segment, name: segmentName(name), updatedAt: deps.now().toISOString() };
        await db.savedSegments.put(next);
        await recordAudit(db, deps, { kind: 'segment.rename', refs: [id] });
        return next;
      });
    },

    /** Deletes a saved segment, one that does not read as one too; deleting one already gone does nothing. */
    async remove(id: string): Promise<void> {
      await writeTransaction(db, ['segment'], [], async () => {
        if ((await db.savedSegments.where(':id').equals(id).count()) === 0) return;
        await db.savedSegments.delete(id);
        await recordAudit(db, deps, { kind: 'segment.delete', refs: [id] });
      });
    },
  };
}

export type SavedSegmentRepository = ReturnType<typeof createSavedSegmentRepository>;

// Saved segments: a segment's conditions kept under a name the owner gives, to build a campaign from again; the
// name's rules and the stored row's schema (a row read back, from the store or a restored backup, is checked).
import { z } from 'zod';
import { CHURN_LEVELS } from '../churn';
import { CONSENT_CHANNELS } from '../consent';
import { SOURCES } from '../customer';
import { LIFECYCLE_STAGES } from '../lifecycle';
import { RFM_SEGMENTS } from '../rfm';
import { conditionProblem, type SegmentCondition } from './segment';

/** The longest name, in characters: a picker's line, not a paragraph. */
export const SEGMENT_NAME_MAX = 40;

/** A saved segment as stored (table `savedSegments`, version 19 on). */
export interface SavedSegment {
  id: string;
  name: string;
  /** The conditions as the segment builder held them when saved; a campaign started from them keeps its own copy. */
  conditions: SegmentCondition[];
  createdAt: string;
  updatedAt: string;
}

export type SegmentNameError = 'name-missing' | 'name-too-long' | 'name-taken';
export type SavedSegmentError = SegmentNameError | 'segment-invalid';

/** The name as kept: without the spaces around it. */
export const segmentName = (typed: string): string => typed.trim();

/**
 * What makes two names the same name: case, full- and half-width forms (ＶＩＰ, VIP) and the spaces around them
 * aside, as the owner would read them.
 */
export const segmentNameKey = (name: string): string => segmentName(name).normalize('NFKC').toLowerCase();

/** Characters as a person counts them (a character outside the BMP is one). */
const characters = (text: string): number => [...text].length;

/**
 * What is wrong with a name for a segment among `others` (the store's saved segments; the one being renamed, `ownId`,
 * is not its own rival); null when it will do.
 */
export function segmentNameError(typed: string, others: readonly Pick<SavedSegment, 'id' | 'name'>[], ownId: string | null = null): SegmentNameError | null {
  const name = segmentName(typed);
  if (name === '') return 'name-missing';
  if (characters(name) > SEGMENT_NAME_MAX) return 'name-too-long';
  const key = segmentNameKey(name);
  if (others.some((o) => o.id !== ownId && segmentNameKey(o.name) === key)) return 'name-taken';
  return null;
}

/** What is wrong with saving these conditions under this name: the name's problem first, then an unfinished condition. */
export function savedSegmentError(typed: string, conditions: readonly SegmentCondition[], others: readonly Pick<SavedSegment, 'id' | 'name'>[], ownId: string | null = null): SavedSegmentError | null {
  return segmentNameError(typed, others, ownId) ?? (conditions.some((c) => conditionProblem(c) !== null) ? 'segment-invalid' : null);
}

/** The saved segments in the order a picker shows them: by name as the reader's language sorts (pinyin for Chinese). */
export function sortSavedSegments<T extends Pick<SavedSegment, 'name'>>(segments: readonly T[], locale: string): T[] {
  const collator = new Intl.Collator(locale);
  return [...segments].sort((a, b) => collator.compare(a.name, b.name));
}

// ---------- the stored row ----------

const count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const signed = z.int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const text = z.string().min(1).max(200);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(500);

/** One condition as the builder holds it (SegmentCondition); its problems (an empty choice) are the builder's to name. */
export const segmentConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tier'), tierIds: list(text) }).strict(),
  z.object({ kind: z.literal('stage'), stages: list(z.enum(LIFECYCLE_STAGES)) }).strict(),
  z.object({ kind: z.literal('churn'), levels: list(z.enum(CHURN_LEVELS)) }).strict(),
  z.object({ kind: z.literal('rfm'), segments: list(z.enum(RFM_SEGMENTS)) }).strict(),
  z.object({ kind: z.literal('tags'), tags: list(text), match: z.enum(['any', 'all']) }).strict(),
  z.object({ kind: z.literal('last-visit'), minDays: count.nullable(), maxDays: count.nullable(), includeNever: z.boolean() }).strict(),
  z.object({ kind: z.literal('total-spent'), minFen: signed.nullable(), maxFen: signed.nullable() }).strict(),
  z.object({ kind: z.literal('birthday-month'), months: list(z.int().min(1).max(12)) }).strict(),
  z.object({ kind: z.literal('points'), min: signed.nullable(), max: signed.nullable() }).strict(),
  z.object({ kind: z.literal('source'), sources: list(z.enum(SOURCES)) }).strict(),
  z.object({ kind: z.literal('consent'), channel: z.enum(CONSENT_CHANNELS) }).strict(),
]);

const isoTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

/** A stored saved segment: each condition of its kind, one condition of a kind at most (as the builder keeps them). */
export const savedSegmentSchema = z
  .object({
    id: z.string().min(1).max(100),
    name: z.string().refine((name) => name === segmentName(name) && name !== '' && characters(name) <= SEGMENT_NAME_MAX, 'not a segment name'),
    conditions: z
      .array(segmentConditionSchema)
      .max(20)
      .refine((conditions) => new Set(conditions.map((c) => c.kind)).size === conditions.length, 'a kind of condition twice'),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .strict() satisfies z.ZodType<SavedSegment>;

/** A stored row read back: the saved segment, or null when it is not one (a restored backup's row damaged or foreign). */
export function readSavedSegment(row: unknown): SavedSegment | null {
  const parsed = savedSegmentSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

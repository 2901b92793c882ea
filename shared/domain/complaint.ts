// Complaints: the state machine, the due time from the severity on the store's open days, a new complaint's checks,
// and the figures (rate, time to resolve, share in time). Pure; the clock and the store's time zone are passed in.
import { addMilliseconds, differenceInMilliseconds } from 'date-fns';
import { assertNever, err, ok, type Result } from '../result';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  type Complaint,
  type ComplaintCategory,
  type ComplaintCompensation,
  type ComplaintSeverity,
  type ComplaintState,
} from './complaintRecords';
import type { ComplaintSettings } from './complaintSettings';
import { isInFuture, parseEnteredDateTime } from './dateTimeInput';

export const COMPLAINT_LIMITS = { said: 2000, receivedBy: 60, by: 60, note: 1000, resolution: 2000, points: 1_000_000, refundFen: 100_000_000 } as const;

const length = (s: string) => [...s].length;
const clean = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();

function oneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

// ---- the state machine -------------------------------------------------------------------------

/**
 * Where a complaint may go from each state. A complaint settled on the spot goes from received straight to
 * resolved; closing needs the follow-up; a resolved, followed-up or closed one can be reopened, and a reopened
 * one is investigated or resolved again.
 */
export function legalMoves(state: ComplaintState): readonly ComplaintState[] {
  switch (state) {
    case 'received':
      return ['investigating', 'resolved'];
    case 'investigating':
      return ['resolved'];
    case 'resolved':
      return ['followed-up', 'reopened'];
    case 'followed-up':
      return ['closed', 'reopened'];
    case 'closed':
      return ['reopened'];
    case 'reopened':
      return ['investigating', 'resolved'];
    default:
      return assertNever(state, 'complaint state');
  }
}

/** Still waiting for its resolution: what the due time and "overdue" are about. */
export function awaitsResolution(state: ComplaintState): boolean {
  switch (state) {
    case 'received':
    case 'investigating':
    case 'reopened':
      return true;
    case 'resolved':
    case 'followed-up':
    case 'closed':
      return false;
    default:
      return assertNever(state, 'complaint state');
  }
}

/** Past its due time without a resolution. */
export function isOverdue(c: Pick<Complaint, 'state' | 'dueAt'>, now: Date): boolean {
  return awaitsResolution(c.state) && Date.parse(c.dueAt) < now.getTime();
}

/** May the customer's satisfaction with the handling be recorded (once resolved, until reopened)? */
export function asksSatisfaction(state: ComplaintState): boolean {
  return state === 'resolved' || state === 'followed-up' || state === 'closed';
}

export const COMPLAINT_REFUSALS = [
  'illegal-move',
  'by-required',
  'by-too-long',
  'note-too-long',
  'resolution-required',
  'resolution-too-long',
  'compensation-invalid',
  'not-resolved',
] as const;
export type ComplaintRefusalCode = (typeof COMPLAINT_REFUSALS)[number];

/** Why a change was refused; `from` and `to` let the screen say "a received complaint cannot be closed". */
export interface ComplaintRefusal {
  code: ComplaintRefusalCode;
  from: ComplaintState;
  to: ComplaintState | null;
}

/** What the store gives when resolving; added to what was given before (a reopened complaint resolved again). */
export interface CompensationGiven {
  points: number;
  rewardId: string | null;
  refundFen: number;
  /** The points entry the repository wrote for `points`. */
  pointsEntryId: string | null;
}

export const NO_COMPENSATION: Readonly<ComplaintCompensation> = Object.freeze({ points: 0, rewardId: null, refundFen: 0, pointsEntryId: null });

export interface ComplaintMove {
  to: ComplaintState;
  /** Who made the change (the clerk's name as typed). */
  by: string;
  note: string;
  /** Required when resolving. */
  resolution?: string;
  compensation?: CompensationGiven;
}

/** What a move needs besides the complaint: now, and the owner's rules and the store's zone for a reopened one's new due time. */
export interface ComplaintContext {
  now: Date;
  settings: ComplaintSettings;
  timeZone: string;
}

function isCount(n: number, max: number): boolean {
  return Number.isSafeInteger(n) && n >= 0 && n <= max;
}

/** Checks a compensation: whole points and fen, none negative; points given name the entry that gave them. */
export function compensationValid(c: CompensationGiven): boolean {
  return isCount(c.points, COMPLAINT_LIMITS.points) && isCount(c.refundFen, COMPLAINT_LIMITS.refundFen) && (c.points > 0) === (c.pointsEntryId !== null);
}

/**
 * The complaint after a change of state, with the step (who, when, the note) appended; or why it is refused.
 * Resolving needs the resolution and records it with the compensation; closing takes it off the open list;
 * reopening clears the resolution's time and the satisfaction answer and gives it a new due time from now.
 */
export function moveComplaint(c: Complaint, move: ComplaintMove, ctx: ComplaintContext): Result<Complaint, ComplaintRefusal> {
  const refuse = (code: ComplaintRefusalCode) => err<ComplaintRefusal>({ code, from: c.state, to: move.to });
  if (!legalMoves(c.state).includes(move.to)) return refuse('illegal-move');
  const by = clean(move.by);
  if (by === '') return refuse('by-required');
  if (length(by) > COMPLAINT_LIMITS.by) return refuse('by-too-long');
  const note = move.note.trim();
  if (length(note) > COMPLAINT_LIMITS.note) return refuse('note-too-long');
  const at = ctx.now.toISOString();
  const step = { from: c.state, to: move.to, at, by, note };
  const base: Complaint = { ...c, state: move.to, steps: [...c.steps, step], updatedAt: at };
  switch (move.to) {
    case 'received':
      // No state leads back to received; legalMoves refused it above.
      return refuse('illegal-move');
    case 'investigating':
    case 'followed-up':
      return ok(base);
    case 'resolved': {
      const resolution = (move.resolution ?? '').trim();
      if (resolution === '') return refuse('resolution-required');
      if (length(resolution) > COMPLAINT_LIMITS.resolution) return refuse('resolution-too-long');
      const given = move.compensation ?? NO_COMPENSATION;
      if (!compensationValid(given)) return refuse('compensation-invalid');
      const before = c.compensation;
      const compensation: ComplaintCompensation = {
        points: before.points + given.points,
        rewardId: given.rewardId ?? before.rewardId,
        refundFen: before.refundFen + given.refundFen,
        pointsEntryId: given.pointsEntryId ?? before.pointsEntryId,
      };
      return ok({ ...base, resolution, compensation, resolvedAt: at, handlingSatisfied: null });
    }
    case 'closed': {
      const closed: Complaint = { ...base, closedAt: at };
      delete closed.openDue;
      return ok(closed);
    }
    case 'reopened': {
      const dueAt = complaintDueAt(ctx.now, c.severity, ctx.settings, ctx.timeZone).toISOString();
      return ok({ ...base, resolvedAt: null, closedAt: null, handlingSatisfied: null, dueAt, openDue: dueAt });
    }
    default:
      return assertNever(move.to, 'complaint state');
  }
}

/** The customer's answer to "are you satisfied with how it was handled?", once it is resolved. */
export function recordHandlingSatisfaction(c: Complaint, satisfied: boolean, now: Date): Result<Complaint, ComplaintRefusal> {
  if (!asksSatisfaction(c.state)) return err({ code: 'not-resolved', from: c.state, to: null });
  return ok({ ...c, handlingSatisfied: satisfied, updatedAt: now.toISOString() });
}

// ---- the due time --------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The wall clock of `timeZone` at `at`, as milliseconds of a UTC clock showing the same time. date-fns reads
 * days in the process's zone only (its zoned helpers are another package), so the zone goes through Intl here.
 */
function wallMs(at: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((part) => [part.type, Number(part.value)]));
  const ms = ((at % 1000) + 1000) % 1000;
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!, ms);
}

/**
 * The instant the wall clock of `timeZone` shows `wall`. A time the clocks skip (spring forward) is read with the
 * offset before the change, so it lands as far after the gap; a time shown twice (fall back) is the first.
 */
function instantOfWall(wall: number, timeZone: string): number {
  const before = wall - (wallMs(wall - DAY_MS, timeZone) - (wall - DAY_MS));
  const after = wall - (wallMs(wall + DAY_MS, timeZone) - (wall + DAY_MS));
  const fits = [before, after].filter((t) => wallMs(t, timeZone) === wall);
  return fits.length > 0 ? Math.min(...fits) : before;
}

/**
 * When a complaint of `severity` received at `receivedAt` is due: the severity's hours counted on the store's
 * wall clock over its open days only. A complaint received on a closed day starts counting when the store opens
 * (midnight of the next open day). Hours are wall-clock hours, so 24 h from 15:00 is 15:00 the next open day, across
 * a daylight-saving change too (a 23- or 25-hour day counts as a day).
 */
export function complaintDueAt(receivedAt: Date, severity: ComplaintSeverity, settings: ComplaintSettings, timeZone: string): Date {
  const closed = new Set(settings.closedWeekdays);
  // A store closed every day is refused by the settings' schema; counting straight through is the safe answer.
  const isClosed = (w: number) => closed.size < 7 && closed.has(new Date(w).getUTCDay());
  const nextMidnight = (w: number) => Math.floor(w / DAY_MS) * DAY_MS + DAY_MS;
  const received = receivedAt.getTime();
  let cursor = wallMs(received, timeZone);
  let remaining = settings.hours[severity] * 3_600_000;
  while (isClosed(cursor)) cursor = nextMidnight(cursor);
  for (;;) {
    const end = nextMidnight(cursor);
    if (remaining <= end - cursor) {
      cursor += remaining;
      break;
    }
    remaining -= end - cursor;
    cursor = end;
    while (isClosed(cursor)) cursor = nextMidnight(cursor);
  }
  return addMilliseconds(receivedAt, instantOfWall(cursor, timeZone) - received);
}

// ---- a new complaint -----------------------------------------------------------------------------

/** What the clerk types for a new complaint. */
export interface ComplaintDraft {
  category: string;
  severity: string;
  said: string;
  receivedBy: string;
  /** Local "yyyy-MM-ddTHH:mm" from a datetime-local input, or an ISO string. */
  receivedAt: string;
}

export const COMPLAINT_DRAFT_ERRORS = [
  'category-required',
  'severity-required',
  'said-required',
  'said-too-long',
  'received-by-required',
  'received-by-too-long',
  'received-at-required',
  'received-at-invalid',
  'received-at-in-future',
] as const;
export type ComplaintDraftError = (typeof COMPLAINT_DRAFT_ERRORS)[number];

/** Field ('category', 'severity', 'said', 'receivedBy', 'receivedAt') → code. */
export type ComplaintDraftErrors = Partial<Record<keyof ComplaintDraft, ComplaintDraftError>>;

export interface ComplaintFields {
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  said: string;
  receivedBy: string;
  /** ISO 8601 UTC. */
  receivedAt: string;
}

export function validateComplaintDraft(draft: ComplaintDraft, ctx: { now: Date }): Result<ComplaintFields, ComplaintDraftErrors> {
  const errors: ComplaintDraftErrors = {};
  if (!oneOf(draft.category, COMPLAINT_CATEGORIES)) errors.category = 'category-required';
  if (!oneOf(draft.severity, COMPLAINT_SEVERITIES)) errors.severity = 'severity-required';
  const said = draft.said.trim();
  if (said === '') errors.said = 'said-required';
  else if (length(said) > COMPLAINT_LIMITS.said) errors.said = 'said-too-long';
  const receivedBy = clean(draft.receivedBy);
  if (receivedBy === '') errors.receivedBy = 'received-by-required';
  else if (length(receivedBy) > COMPLAINT_LIMITS.receivedBy) errors.receivedBy = 'received-by-too-long';
  const at = parseEnteredDateTime(draft.receivedAt);
  if (draft.receivedAt.trim() === '') errors.receivedAt = 'received-at-required';
  else if (!at) errors.receivedAt = 'received-at-invalid';
  else if (isInFuture(at, ctx.now)) errors.receivedAt = 'received-at-in-future';
  if (Object.keys(errors).length > 0 || !at || !oneOf(draft.category, COMPLAINT_CATEGORIES) || !oneOf(draft.severity, COMPLAINT_SEVERITIES)) return err(errors);
  return ok({ category: draft.category, severity: draft.severity, said, receivedBy, receivedAt: at.toISOString() });
}

/** A new complaint, received: its first step, its due time from the severity, on the open list. */
export function newComplaint(
  fields: ComplaintFields,
  meta: { id: string; customerId: string; purchaseId: string | null; surveyAnswerId: string | null } & ComplaintContext,
): Complaint {
  const now = meta.now.toISOString();
  const dueAt = complaintDueAt(new Date(fields.receivedAt), fields.severity, meta.settings, meta.timeZone).toISOString();
  return {
    id: meta.id,
    customerId: meta.customerId,
    purchaseId: meta.purchaseId,
    surveyAnswerId: meta.surveyAnswerId,
    ...fields,
    dueAt,
    state: 'received',
    steps: [{ from: null, to: 'received', at: fields.receivedAt, by: fields.receivedBy, note: '' }],
    resolution: '',
    compensation: { ...NO_COMPENSATION },
    handlingSatisfied: null,
    resolvedAt: null,
    closedAt: null,
    openDue: dueAt,
    createdAt: now,
    updatedAt: now,
  };
}

// ---- figures -------------------------------------------------------------------------------------

export interface ComplaintFigures {
  /** Complaints received in the period. */
  received: number;
  /** Customers served in the period (see the repository for how they are counted). */
  customersServed: number;
  /** Complaints per 100 customers served; null when none were served. */
  ratePer100: number | null;
  /** Of the complaints received, those resolved (and not reopened since). */
  resolved: number;
  /** The median time from received to resolved, in hours; null when none are resolved. */
  medianHoursToResolve: number | null;
  /** Complaints whose outcome against the due time is known: resolved ones, and unresolved ones already past due. */
  decided: number;
  /** Resolved by the due time. */
  resolvedInTime: number;
  /** resolvedInTime / decided; null when none are decided. */
  inTimeShare: number | null;
}

/** The figures of the complaints received in a period, with the number of customers served in it, as of `now`. */
export function complaintFigures(complaints: readonly Pick<Complaint, 'receivedAt' | 'dueAt' | 'resolvedAt'>[], customersServed: number, now: Date): ComplaintFigures {
  const durations: number[] = [];
  let decided = 0;
  let inTime = 0;
  for (const c of complaints) {
    if (c.resolvedAt !== null) {
      durations.push(differenceInMilliseconds(new Date(c.resolvedAt), new Date(c.receivedAt)));
      decided += 1;
      if (c.resolvedAt <= c.dueAt) inTime += 1;
    } else if (Date.parse(c.dueAt) < now.getTime()) {
      decided += 1;
    }
  }
  durations.sort((a, b) => a - b);
  const mid = durations.length >> 1;
  const medianMs = durations.length === 0 ? null : durations.length % 2 === 1 ? durations[mid]! : (durations[mid - 1]! + durations[mid]!) / 2;
  return {
    received: complaints.length,
    customersServed,
    ratePer100: customersServed > 0 ? (complaints.length * 100) / customersServed : null,
    resolved: durations.length,
    medianHoursToResolve: medianMs === null ? null : medianMs / 3_600_000,
    decided,
    resolvedInTime: inTime,
    inTimeShare: decided > 0 ? inTime / decided : null,
  };
}

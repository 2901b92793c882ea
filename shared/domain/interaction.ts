// The contact log: one record per call, message or visit, with an optional follow-up date.
import { format } from 'date-fns';
import { err, ok, type Result } from '../result';
import { isInFuture, isPlainDate, isStoredIso, nowForInput, parseEnteredDateTime, toDateTimeInput } from './dateTimeInput';

export const INTERACTION_CHANNELS = ['phone', 'sms', 'wechat', 'email', 'visit', 'other'] as const;
export type InteractionChannel = (typeof INTERACTION_CHANNELS)[number];

export const INTERACTION_DIRECTIONS = ['in', 'out'] as const;
export type InteractionDirection = (typeof INTERACTION_DIRECTIONS)[number];

/** What the clerk edits. */
export interface InteractionFields {
  /** ISO 8601 UTC. */
  at: string;
  channel: InteractionChannel;
  /** 'in': the customer got in touch; 'out': the store did. */
  direction: InteractionDirection;
  summary: string;
  outcome: string;
  /** yyyy-MM-dd, a calendar day in the store's time zone, or null. */
  followUpDate: string | null;
}

export interface Interaction extends InteractionFields {
  id: string;
  customerId: string;
  followUpDone: boolean;
  /** = followUpDate while the follow-up is open, absent otherwise: the index of open follow-ups (withFollowUpIndex). */
  followUpOpen?: string;
  /** The import batch that created it, for undo; null when typed in. */
  importId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InteractionDraft {
  /** Local "yyyy-MM-ddTHH:mm" from a datetime-local input, or an ISO string. */
  at: string;
  channel: string;
  direction: string;
  summary: string;
  outcome: string;
  /** "yyyy-MM-dd" or blank for none. */
  followUpDate: string;
}

export const INTERACTION_ERROR_CODES = [
  'date-required',
  'date-invalid',
  'date-in-future',
  'channel-invalid',
  'direction-invalid',
  'summary-required',
  'summary-too-long',
  'outcome-too-long',
  'follow-up-invalid',
  'follow-up-before-contact',
] as const;
export type InteractionErrorCode = (typeof INTERACTION_ERROR_CODES)[number];

/** Field path ('at', 'channel', 'direction', 'summary', 'outcome', 'followUpDate') → code. */
export type InteractionFieldErrors = Record<string, InteractionErrorCode>;

export const INTERACTION_LIMITS = { summary: 500, outcome: 1000 } as const;

const length = (s: string) => [...s].length;

function oneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

export function validateInteractionDraft(draft: InteractionDraft, ctx: { now: Date }): Result<InteractionFields, InteractionFieldErrors> {
  const errors: InteractionFieldErrors = {};

  const at = parseEnteredDateTime(draft.at);
  if (draft.at.trim() === '') errors.at = 'date-required';
  else if (!at) errors.at = 'date-invalid';
  else if (isInFuture(at, ctx.now)) errors.at = 'date-in-future';

  if (!oneOf(draft.channel, INTERACTION_CHANNELS)) errors.channel = 'channel-invalid';
  if (!oneOf(draft.direction, INTERACTION_DIRECTIONS)) errors.direction = 'direction-invalid';

  const summary = draft.summary.trim();
  if (summary === '') errors.summary = 'summary-required';
  else if (length(summary) > INTERACTION_LIMITS.summary) errors.summary = 'summary-too-long';
  const outcome = draft.outcome.trim();
  if (length(outcome) > INTERACTION_LIMITS.outcome) errors.outcome = 'outcome-too-long';

  const followText = draft.followUpDate.normalize('NFKC').trim();
  let followUpDate: string | null = null;
  if (followText !== '') {
    if (!isPlainDate(followText)) errors.followUpDate = 'follow-up-invalid';
    // A follow-up may be today or any later day, also for a contact logged after the fact.
    else if (at && followText < format(at, 'yyyy-MM-dd')) errors.followUpDate = 'follow-up-before-contact';
    else followUpDate = followText;
  }

  if (Object.keys(errors).length > 0 || !at || !oneOf(draft.channel, INTERACTION_CHANNELS) || !oneOf(draft.direction, INTERACTION_DIRECTIONS)) {
    return err(errors);
  }
  return ok({ at: at.toISOString(), channel: draft.channel, direction: draft.direction, summary, outcome, followUpDate });
}

/** Guards the repository against fields no validator produced (imports, bugs). */
export function assertInteractionFields(f: InteractionFields): void {
  if (!isStoredIso(f.at)) throw new TypeError(`at must be an ISO UTC time, got ${f.at}`);
  if (!oneOf(f.channel, INTERACTION_CHANNELS)) throw new TypeError(`unknown channel ${f.channel}`);
  if (!oneOf(f.direction, INTERACTION_DIRECTIONS)) throw new TypeError(`unknown direction ${f.direction}`);
  if (f.followUpDate !== null && !isPlainDate(f.followUpDate)) throw new TypeError(`followUpDate must be yyyy-MM-dd, got ${f.followUpDate}`);
}

export function interactionFieldsOf(i: InteractionFields): InteractionFields {
  return { at: i.at, channel: i.channel, direction: i.direction, summary: i.summary, outcome: i.outcome, followUpDate: i.followUpDate };
}

/**
 * The record as stored: `followUpOpen` carries the follow-up's day while it is open and is absent otherwise, so
 * the index of open follow-ups holds those alone. Every write of a contact goes through it.
 */
export function withFollowUpIndex<T extends Pick<Interaction, 'followUpDate' | 'followUpDone'> & { followUpOpen?: string }>(record: T): T & { followUpOpen?: string } {
  const { followUpOpen: _previous, ...rest } = record;
  return (record.followUpDate !== null && !record.followUpDone ? { ...rest, followUpOpen: record.followUpDate } : rest) as T & { followUpOpen?: string };
}

export function newInteractionRecord(
  fields: InteractionFields,
  meta: { id: string; customerId: string; now: Date; importId?: string | null; followUpDone?: boolean },
): Interaction {
  const at = meta.now.toISOString();
  return withFollowUpIndex({
    ...interactionFieldsOf(fields),
    id: meta.id,
    customerId: meta.customerId,
    followUpDone: meta.followUpDone ?? false,
    importId: meta.importId ?? null,
    createdAt: at,
    updatedAt: at,
  });
}

/** A changed follow-up date is a new promise to call back, so it is open again. */
export function editedInteractionRecord(existing: Interaction, fields: InteractionFields, now: Date): Interaction {
  const followUpDone = fields.followUpDate === existing.followUpDate ? existing.followUpDone : false;
  return withFollowUpIndex({ ...existing, ...interactionFieldsOf(fields), followUpDone, updatedAt: now.toISOString() });
}

/** The follow-up marked done (kept) or open again. */
export function followUpMarked(existing: Interaction, done: boolean, now: Date): Interaction {
  return withFollowUpIndex({ ...existing, followUpDone: done, updatedAt: now.toISOString() });
}

/** An open follow-up due on or before `today` (yyyy-MM-dd). */
export function isFollowUpDue(i: Pick<Interaction, 'followUpDate' | 'followUpDone'>, today: string): boolean {
  return i.followUpDate !== null && !i.followUpDone && i.followUpDate <= today;
}

export function emptyInteractionDraft(now: Date): InteractionDraft {
  return { at: nowForInput(now), channel: 'phone', direction: 'out', summary: '', outcome: '', followUpDate: '' };
}

export function interactionDraftOf(i: Interaction): InteractionDraft {
  return {
    at: toDateTimeInput(i.at),
    channel: i.channel,
    direction: i.direction,
    summary: i.summary,
    outcome: i.outcome,
    followUpDate: i.followUpDate ?? '',
  };
}


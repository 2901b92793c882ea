// When the next automatic backup is due: soon after changes stop, not too often, at least once a day.
import { addHours, addMinutes, max } from 'date-fns';
import { z } from 'zod';

export const scheduleSettingsSchema = z
  .object({
    enabled: z.boolean(),
    /** A backup this many minutes after the last change, so a burst of edits makes one backup, not many. */
    quietMinutes: z.int().min(0).max(24 * 60),
    /** Never two automatic backups closer than this. */
    minIntervalMinutes: z.int().min(1).max(24 * 60),
    /** One backup a day even when nothing changed: the owner sees a fresh, verified backup every day. */
    dailyEvenWithoutChanges: z.boolean(),
    /** A backup at quit when something changed since the last one. */
    atQuit: z.boolean(),
  })
  .strict();
export type ScheduleSettings = z.infer<typeof scheduleSettingsSchema>;

export const DEFAULT_SCHEDULE_SETTINGS: Readonly<ScheduleSettings> = Object.freeze({
  enabled: true,
  quietMinutes: 3,
  minIntervalMinutes: 15,
  dailyEvenWithoutChanges: true,
  atQuit: true,
});

const DAILY_HOURS = 24;

export interface ScheduleInput {
  now: Date;
  /** The last backup that was written and verified; null when there is none yet. */
  lastBackupAt: Date | null;
  /** The last change to the store's data; null when nothing was ever changed. */
  lastChangeAt: Date | null;
  /** The last automatic backup that failed; a failure waits `minIntervalMinutes` before it is tried again. */
  lastFailureAt?: Date | null;
}

export const SCHEDULE_REASONS = ['disabled', 'changes', 'daily', 'first', 'nothing-to-do'] as const;
export type ScheduleReason = (typeof SCHEDULE_REASONS)[number];

export interface ScheduleDecision {
  due: boolean;
  /** When the next backup is due (in the past or now when `due`); null when none will be. */
  at: Date | null;
  why: ScheduleReason;
}

export type ScheduleTimes = Required<Omit<ScheduleInput, 'now'>>;

/**
 * The schedule's remembered times, put right after the clock was put back. A time after `now` was read from
 * the clock before it was put back, and cannot be ordered against times read since; left as it is, it
 * either holds the next backup back until the clock catches up (a year, if the clock went back a year) or,
 * read as "no backup yet", makes one backup after another. So each such time becomes a time at or before
 * `now`, on the safe side: a change that may not be in a backup still counts as one to back up, and a last
 * backup or failure counts from when the clock was found put back. The caller keeps the result: settled
 * once, the times stay put while the clock runs on, and the next backup comes when the rules say, counted
 * from there. Times at or before `now` are kept as they are.
 */
export function settleOnClock(times: ScheduleTimes, now: Date): ScheduleTimes {
  const { lastBackupAt, lastChangeAt, lastFailureAt } = times;
  const ahead = (time: Date | null) => time !== null && time > now;
  const backupAhead = ahead(lastBackupAt);
  const changeAhead = ahead(lastChangeAt);
  if (!backupAhead && !changeAhead && !ahead(lastFailureAt)) return times;
  const before = (time: Date) => new Date(time.getTime() - 1);
  let backup = lastBackupAt;
  let change = lastChangeAt;
  if (lastBackupAt !== null && lastChangeAt !== null && backupAhead && changeAhead) {
    // Both from the same clock: their order is known; moved back together, the later one to now.
    const by = Math.max(lastBackupAt.getTime(), lastChangeAt.getTime()) - now.getTime();
    backup = new Date(lastBackupAt.getTime() - by);
    change = new Date(lastChangeAt.getTime() - by);
  } else if (backupAhead) {
    // A change read since may be after it: it counts as not backed up yet.
    backup = before(lastChangeAt ?? now);
  } else if (changeAhead) {
    change = now;
    if (lastBackupAt !== null && lastBackupAt >= now) backup = before(now);
  }
  return { lastBackupAt: backup, lastChangeAt: change, lastFailureAt: ahead(lastFailureAt) ? now : lastFailureAt };
}

/**
 * The next automatic backup. A time after `now` means the clock was put back, and such a time cannot be
 * ordered against others: a last backup or failure in the future counts as none, a change in the future as
 * one whose quiet time is over. So a wrong clock costs at most one extra backup, never a missing one, provided
 * the caller keeps what happens next (the backup it makes, with the time the clock gives it); a caller that
 * asks again and again keeps its times settled (settleOnClock), or a change in the future stays one forever.
 */
export function nextBackup(input: ScheduleInput, settings: ScheduleSettings): ScheduleDecision {
  if (!settings.enabled) return { due: false, at: null, why: 'disabled' };
  const { now } = input;
  const ifPast = (time: Date | null | undefined) => (time && time <= now ? time : null);
  const lastBackupAt = ifPast(input.lastBackupAt);
  const lastFailureAt = ifPast(input.lastFailureAt);
  const changeInFuture = input.lastChangeAt != null && input.lastChangeAt > now;
  const lastChangeAt = changeInFuture ? now : (input.lastChangeAt ?? null);

  const candidates: Array<{ at: Date; why: ScheduleReason }> = [];
  const changed = lastChangeAt !== null && (changeInFuture || lastBackupAt === null || lastChangeAt > lastBackupAt);
  if (changed) {
    const afterQuiet = changeInFuture ? now : addMinutes(lastChangeAt, settings.quietMinutes);
    candidates.push({ at: lastBackupAt ? max([afterQuiet, addMinutes(lastBackupAt, settings.minIntervalMinutes)]) : afterQuiet, why: 'changes' });
  }
  if (settings.dailyEvenWithoutChanges) {
    if (lastBackupAt) candidates.push({ at: addHours(lastBackupAt, DAILY_HOURS), why: 'daily' });
    else if (!changed) candidates.push({ at: now, why: 'first' });
  }
  if (candidates.length === 0) return { due: false, at: null, why: 'nothing-to-do' };

  let next = candidates.reduce((earliest, candidate) => (candidate.at < earliest.at ? candidate : earliest));
  const failedSinceBackup = lastFailureAt !== null && (lastBackupAt === null || lastFailureAt > lastBackupAt);
  if (failedSinceBackup) next = { ...next, at: max([next.at, addMinutes(lastFailureAt, settings.minIntervalMinutes)]) };
  return { due: next.at <= now, at: next.at, why: next.why };
}

/** Whether quitting should make a backup first: only when something changed since the last one. */
export function backupAtQuit(input: Omit<ScheduleInput, 'now' | 'lastFailureAt'>, settings: ScheduleSettings): boolean {
  if (!settings.enabled || !settings.atQuit || input.lastChangeAt === null) return false;
  return input.lastBackupAt === null || input.lastChangeAt > input.lastBackupAt;
}

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

/**
 * The next automatic backup. A time after `now` means the clock was put back, and such a time cannot be
 * ordered against others: a last backup or failure in the future counts as none, a change in the future as
 * one whose quiet time is over. So a wrong clock costs at most one extra backup, never a missing one.
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

// Which backups to keep: everything recent, one a day, one a month; never the newest or the last good one.
import { differenceInCalendarDays, differenceInCalendarMonths, format, subHours } from 'date-fns';
import { z } from 'zod';

export const retentionSettingsSchema = z
  .object({
    /** Every backup younger than this many hours is kept (up to `recentMax` of them). 0 turns the rule off. */
    recentHours: z.int().min(0).max(24 * 31),
    recentMax: z.int().min(0).max(1000),
    /** One backup for each of the last `dailyDays` calendar days, today included. */
    dailyDays: z.int().min(0).max(3660),
    /** One backup for each of the last `monthlyMonths` calendar months, this month included. */
    monthlyMonths: z.int().min(0).max(1200),
  })
  .strict();
export type RetentionSettings = z.infer<typeof retentionSettingsSchema>;

export const DEFAULT_RETENTION_SETTINGS: Readonly<RetentionSettings> = Object.freeze({
  recentHours: 24,
  recentMax: 10,
  dailyDays: 30,
  monthlyMonths: 12,
});

export interface RetentionEntry {
  id: string;
  createdAt: Date;
  /** Read back and checked after it was written (or later). An unverified backup is a weaker restore point. */
  verified: boolean;
}

export const KEEP_REASONS = ['recent', 'daily', 'monthly', 'newest', 'newest-verified', 'future'] as const;
export type KeepReason = (typeof KEEP_REASONS)[number];

export interface RetentionPlan {
  /** Newest first, each with every rule that keeps it. */
  keep: Array<{ id: string; reasons: KeepReason[] }>;
  /** Newest first. */
  remove: string[];
}

/**
 * Days and months are the PC's local calendar (date-fns), so "one a day" means one per day the owner lives
 * through: a day of 23 or 25 hours at a DST change is still one day. Within a day or month the newest
 * verified backup is kept, else the newest. The newest backup and the newest verified one are always kept,
 * whatever the settings, so retention can never leave the store without its last good restore point.
 * A backup dated after `now` (a clock that was wrong, or changed since) is kept: its age cannot be judged.
 */
export function planRetention(entries: readonly RetentionEntry[], now: Date, settings: RetentionSettings): RetentionPlan {
  const sorted = [...entries].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const reasons = new Map<string, KeepReason[]>(sorted.map((entry) => [entry.id, []]));
  const keep = (entry: RetentionEntry | undefined, reason: KeepReason) => {
    if (entry) reasons.get(entry.id)?.push(reason);
  };

  const past = sorted.filter((entry) => {
    if (entry.createdAt.getTime() > now.getTime()) {
      keep(entry, 'future');
      return false;
    }
    return true;
  });

  if (settings.recentHours > 0) {
    const since = subHours(now, settings.recentHours).getTime();
    past.filter((entry) => entry.createdAt.getTime() >= since).slice(0, settings.recentMax).forEach((entry) => keep(entry, 'recent'));
  }

  const keepOnePer = (inWindow: (entry: RetentionEntry) => boolean, bucketOf: (entry: RetentionEntry) => string, reason: KeepReason) => {
    const chosen = new Map<string, RetentionEntry>();
    for (const entry of past) {
      if (!inWindow(entry)) continue;
      const bucket = bucketOf(entry);
      const current = chosen.get(bucket);
      // `past` is newest first: the first entry of a bucket is its newest, replaced only by the first verified one.
      if (!current || (!current.verified && entry.verified)) chosen.set(bucket, entry);
    }
    chosen.forEach((entry) => keep(entry, reason));
  };
  keepOnePer((entry) => differenceInCalendarDays(now, entry.createdAt) < settings.dailyDays, (entry) => format(entry.createdAt, 'yyyy-MM-dd'), 'daily');
  keepOnePer((entry) => differenceInCalendarMonths(now, entry.createdAt) < settings.monthlyMonths, (entry) => format(entry.createdAt, 'yyyy-MM'), 'monthly');

  keep(past[0], 'newest');
  keep(past.find((entry) => entry.verified), 'newest-verified');

  const plan: RetentionPlan = { keep: [], remove: [] };
  for (const entry of sorted) {
    const why = reasons.get(entry.id) ?? [];
    if (why.length > 0) plan.keep.push({ id: entry.id, reasons: why });
    else plan.remove.push(entry.id);
  }
  return plan;
}

// Which backups to keep: everything recent, one a day, one a month; never the newest three, the last good one
// or a recent safety backup, whatever the clock says.
import { differenceInCalendarDays, format, subHours } from 'date-fns';
import { z } from 'zod';

export const retentionSettingsSchema = z
  .object({
    /** Every backup younger than this many hours is kept (up to `recentMax` of them). 0 turns the rule off. */
    recentHours: z.int().min(0).max(24 * 31),
    recentMax: z.int().min(0).max(1000),
    /** One backup for each of the `dailyDays` latest calendar days on which a backup was made. */
    dailyDays: z.int().min(0).max(3660),
    /** One backup for each of the `monthlyMonths` latest calendar months in which a backup was made. */
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
  /** Made just before a restore replaced the store: the way back from a restore that was a mistake. */
  safety: boolean;
}

/** The newest backups kept whatever the settings and the clock. */
export const ALWAYS_KEEP_NEWEST = 3;
/** A safety backup is kept this many days, counted by the clock and by the days on which backups were made. */
export const SAFETY_KEEP_DAYS = 30;

export const KEEP_REASONS = ['recent', 'daily', 'monthly', 'newest', 'newest-verified', 'safety', 'future'] as const;
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
 * verified backup is kept, else the newest.
 *
 * The clock can be wrong (a flat CMOS battery, a hand-set date), and a backup's date is the clock's at the
 * time it was made, so no age can be trusted on its own. Hence:
 * - "one a day for 30 days" is one for each of the 30 latest days on which a backup was made, not the last
 *   30 calendar days before `now`: a clock put a year ahead, or a store closed for the Spring Festival, does
 *   not make the whole history look too old (at most one day and one month of it give way to the wrong date);
 * - the newest ALWAYS_KEEP_NEWEST backups and the newest verified one are kept whatever the settings;
 * - a safety backup is kept while it is younger than SAFETY_KEEP_DAYS by the clock, or while fewer than that
 *   many days with backups came after it (a clock put ahead cannot age it);
 * - a backup dated after `now` (the clock was put back) is kept: its age cannot be judged.
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

  const dayOf = (entry: RetentionEntry) => format(entry.createdAt, 'yyyy-MM-dd');
  const monthOf = (entry: RetentionEntry) => format(entry.createdAt, 'yyyy-MM');
  /** The `count` latest buckets that hold a backup, newest first (`past` is newest first, so buckets come in order). */
  const latestBuckets = (bucketOf: (entry: RetentionEntry) => string, count: number) => new Set([...new Set(past.map(bucketOf))].slice(0, count));

  const keepOnePer = (bucketOf: (entry: RetentionEntry) => string, count: number, reason: KeepReason) => {
    const window = latestBuckets(bucketOf, count);
    const chosen = new Map<string, RetentionEntry>();
    for (const entry of past) {
      const bucket = bucketOf(entry);
      if (!window.has(bucket)) continue;
      const current = chosen.get(bucket);
      // `past` is newest first: the first entry of a bucket is its newest, replaced only by the first verified one.
      if (!current || (!current.verified && entry.verified)) chosen.set(bucket, entry);
    }
    chosen.forEach((entry) => keep(entry, reason));
  };
  keepOnePer(dayOf, settings.dailyDays, 'daily');
  keepOnePer(monthOf, settings.monthlyMonths, 'monthly');

  past.slice(0, ALWAYS_KEEP_NEWEST).forEach((entry) => keep(entry, 'newest'));
  keep(past.find((entry) => entry.verified), 'newest-verified');

  const safetyDays = latestBuckets(dayOf, SAFETY_KEEP_DAYS);
  for (const entry of past) {
    if (entry.safety && (differenceInCalendarDays(now, entry.createdAt) < SAFETY_KEEP_DAYS || safetyDays.has(dayOf(entry)))) keep(entry, 'safety');
  }

  const plan: RetentionPlan = { keep: [], remove: [] };
  for (const entry of sorted) {
    const why = reasons.get(entry.id) ?? [];
    if (why.length > 0) plan.keep.push({ id: entry.id, reasons: why });
    else plan.remove.push(entry.id);
  }
  return plan;
}

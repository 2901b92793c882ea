// The automatic schedule on a fixed clock: a backup once changes have been quiet long enough, never two
// too close, one a day anyway, a retry only after the interval, and none while another backup runs.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE_SETTINGS, type ScheduleSettings } from '../../../shared/domain/backupSchedule';
import { AutomaticBackups, BUSY_RETRY_MS, RECHECK_MS, type ScheduleMemory } from './automaticBackups';

const MINUTE = 60_000;
/** Lets a backup the timer started run to its end (it awaits only promises that are already settled). */
const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

function harness(options: { schedule?: ScheduleSettings | null; lastBackupAt?: Date | null; memory?: Partial<ScheduleMemory>; failing?: boolean } = {}) {
  // Timers run on elapsed time, as setTimeout does; the wall clock is elapsed time plus an offset a test can jump.
  let now = new Date('2026-11-23T10:00:00.000Z').getTime();
  let offset = 0;
  const wall = () => new Date(now + offset);
  const timers: Array<{ at: number; run: () => void; id: number }> = [];
  let nextId = 1;
  const runs: Date[] = [];
  /** When each backup ran, in elapsed time (the real spacing, whatever the clock said). */
  const elapsedRuns: number[] = [];
  /** The folder: its newest backup by date is what loadLastBackupAt reads, as the app's listing does. */
  const folder: Date[] = options.lastBackupAt ? [options.lastBackupAt] : [];
  let failing = options.failing ?? false;
  let busy = false;
  let stored: ScheduleMemory = { lastChangeAt: null, lastFailureAt: null, ...options.memory };
  const planned: Array<Date | null> = [];
  const automatic = new AutomaticBackups({
    now: wall,
    loadSchedule: async () => (options.schedule === undefined ? { ...DEFAULT_SCHEDULE_SETTINGS } : options.schedule),
    loadLastBackupAt: async () => (folder.length === 0 ? null : new Date(Math.max(...folder.map((d) => d.getTime())))),
    runBackup: async () => {
      runs.push(wall());
      elapsedRuns.push(now);
      if (failing) return null;
      folder.push(wall());
      return wall();
    },
    busy: () => busy,
    memory: { load: () => stored, save: (m) => (stored = m) },
    setTimer: (run, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, run, id });
      return id;
    },
    clearTimer: (id) => {
      const index = timers.findIndex((t) => t.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    onPlan: (at) => planned.push(at),
  });
  /** Moves the clock on, firing timers in order, and lets the backups they start finish. */
  const advance = async (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const due = timers[0];
      if (!due || due.at > until) break;
      timers.shift();
      now = due.at;
      due.run();
      await flush();
    }
    now = until;
  };
  return {
    automatic,
    runs,
    planned,
    advance,
    settle: flush,
    memory: () => stored,
    setFailing: (value: boolean) => (failing = value),
    setBusy: (value: boolean) => (busy = value),
    now: wall,
    timers,
    elapsedRuns,
    folder,
    /** The PC's clock is changed by `ms` (negative: put back); elapsed time and the timers do not notice. */
    jump: (ms: number) => {
      offset += ms;
    },
  };
}

describe('AutomaticBackups', () => {
  it('backs up quietMinutes after the last change, once, however many changes came before', async () => {
    const h = harness({ lastBackupAt: new Date('2026-11-23T09:00:00.000Z') });
    await h.automatic.start();
    for (let i = 0; i < 5; i++) {
      h.automatic.noteChange();
      await h.advance(30_000);
    }
    expect(h.runs).toHaveLength(0);
    await h.advance(3 * MINUTE);
    expect(h.runs).toHaveLength(1);
    // The last change was at 10:02:00; the backup 3 minutes later.
    expect(h.runs[0]!.toISOString()).toBe('2026-11-23T10:05:00.000Z');
    await h.advance(60 * MINUTE);
    expect(h.runs).toHaveLength(1);
  });

  it('never runs two closer than the minimum interval', async () => {
    const h = harness({ lastBackupAt: new Date('2026-11-23T09:55:00.000Z') });
    await h.automatic.start();
    h.automatic.noteChange();
    await h.advance(3 * MINUTE);
    expect(h.runs).toHaveLength(0);
    await h.advance(7 * MINUTE);
    expect(h.runs.map((d) => d.toISOString())).toEqual(['2026-11-23T10:10:00.000Z']);
  });

  it('makes one a day without changes, and a first one when there is none', async () => {
    const h = harness({ lastBackupAt: null });
    await h.automatic.start();
    await h.settle();
    expect(h.runs).toHaveLength(1);
    await h.advance(23 * 60 * MINUTE);
    expect(h.runs).toHaveLength(1);
    await h.advance(61 * MINUTE);
    expect(h.runs).toHaveLength(2);
  });

  it('remembers a change from before a restart: the backup follows soon after the next start', async () => {
    const h = harness({ lastBackupAt: new Date('2026-11-23T08:00:00.000Z'), memory: { lastChangeAt: new Date('2026-11-23T09:59:00.000Z') } });
    await h.automatic.start();
    await h.advance(2 * MINUTE);
    expect(h.runs.map((d) => d.toISOString())).toEqual(['2026-11-23T10:02:00.000Z']);
  });

  it('after a failure, tries again only after the minimum interval, and keeps the failure across restarts', async () => {
    const h = harness({ lastBackupAt: new Date('2026-11-23T08:00:00.000Z'), failing: true });
    await h.automatic.start();
    h.automatic.noteChange();
    await h.advance(3 * MINUTE);
    expect(h.runs).toHaveLength(1);
    expect(h.memory().lastFailureAt?.toISOString()).toBe('2026-11-23T10:03:00.000Z');
    await h.advance(14 * MINUTE);
    expect(h.runs).toHaveLength(1);
    h.setFailing(false);
    await h.advance(1 * MINUTE);
    expect(h.runs).toHaveLength(2);
    expect(h.memory().lastFailureAt).toBeNull();
  });

  it('waits while another backup or a restore runs', async () => {
    const h = harness({ lastBackupAt: new Date('2026-11-23T08:00:00.000Z') });
    await h.automatic.start();
    h.setBusy(true);
    h.automatic.noteChange();
    await h.advance(3 * MINUTE + BUSY_RETRY_MS);
    expect(h.runs).toHaveLength(0);
    h.setBusy(false);
    await h.advance(BUSY_RETRY_MS);
    expect(h.runs).toHaveLength(1);
  });

  it('counts a backup made by hand as the last one', async () => {
    const h = harness({ lastBackupAt: new Date('2026-11-23T08:00:00.000Z') });
    await h.automatic.start();
    h.automatic.noteChange();
    await h.advance(1 * MINUTE);
    h.automatic.noteBackup(h.now());
    await h.advance(60 * MINUTE);
    expect(h.runs).toHaveLength(0);
  });

  it('does nothing when turned off or when the settings cannot be read, but looks again', async () => {
    for (const schedule of [{ ...DEFAULT_SCHEDULE_SETTINGS, enabled: false }, null]) {
      const h = harness({ schedule, lastBackupAt: null });
      await h.automatic.start();
      h.automatic.noteChange();
      await h.advance(48 * 60 * MINUTE);
      expect(h.runs).toHaveLength(0);
      expect(h.timers.length).toBe(1);
      expect(h.timers[0]!.at - h.now().getTime()).toBeLessThanOrEqual(RECHECK_MS);
    }
  });

  it('says when the next one is due, and stops when told', async () => {
    const h = harness({ lastBackupAt: new Date('2026-11-23T09:00:00.000Z') });
    await h.automatic.start();
    h.automatic.noteChange();
    expect(h.planned.at(-1)?.toISOString()).toBe('2026-11-23T10:03:00.000Z');
    h.automatic.stop();
    await h.advance(10 * MINUTE);
    expect(h.runs).toHaveLength(0);
    expect(h.timers).toHaveLength(0);
  });

  it('asks for a backup at quit only when something changed since the last one, and the owner wants one', async () => {
    const h = harness({ lastBackupAt: new Date('2026-11-23T09:00:00.000Z') });
    await h.automatic.start();
    expect(h.automatic.needsBackupAtQuit()).toBe(false);
    h.automatic.noteChange();
    expect(h.automatic.needsBackupAtQuit()).toBe(true);
    h.automatic.noteQuitBackup(h.now());
    expect(h.automatic.needsBackupAtQuit()).toBe(false);
    // After the backup at quit nothing more runs: the window is closing.
    await h.advance(60 * MINUTE);
    expect(h.runs).toHaveLength(0);

    const off = harness({ schedule: { ...DEFAULT_SCHEDULE_SETTINGS, atQuit: false }, lastBackupAt: new Date('2026-11-23T09:00:00.000Z') });
    await off.automatic.start();
    off.automatic.noteChange();
    expect(off.automatic.needsBackupAtQuit()).toBe(false);

    const unread = harness({ schedule: null, lastBackupAt: null });
    await unread.automatic.start();
    unread.automatic.noteChange();
    expect(unread.automatic.needsBackupAtQuit()).toBe(false);
  });

  it('after the folder changed to an empty one, makes a first backup there soon (reload reads the folder)', async () => {
    const h = harness({ lastBackupAt: new Date('2026-11-23T09:50:00.000Z') });
    await h.automatic.start();
    await h.advance(5 * MINUTE);
    expect(h.runs).toHaveLength(0);
    h.folder.splice(0);
    await h.automatic.reload();
    await h.settle();
    expect(h.runs).toHaveLength(1);
  });

  describe('a clock changed while the app runs', () => {
    const HOUR = 60 * MINUTE;
    const DAY = 24 * HOUR;
    const jumps: Array<[string, number]> = [
      ['put back an hour', -HOUR],
      ['put back a day', -DAY],
      ['put back a year', -365 * DAY],
      ['put forward an hour', HOUR],
      ['put forward a day', DAY],
      ['put forward a year', 365 * DAY],
    ];
    /** Gaps between backups in elapsed time: what the clerk lives through, whatever the clock says. */
    const gaps = (elapsed: number[]) => elapsed.slice(1).map((t, i) => t - elapsed[i]!);

    for (const [label, ms] of jumps) {
      it(`${label}: no backups back to back while the clerk keeps working, and the changes are still backed up`, async () => {
        const h = harness({ lastBackupAt: new Date('2026-11-23T09:58:00.000Z') });
        await h.automatic.start();
        h.automatic.noteChange();
        await h.advance(30 * MINUTE);
        expect(h.runs).toHaveLength(1);
        h.jump(ms);
        // Ten minutes right after the change of clock, a change a minute.
        for (let i = 0; i < 10; i++) {
          h.automatic.noteChange();
          await h.advance(MINUTE);
        }
        expect(h.runs.length).toBeLessThanOrEqual(2);
        // Three hours of work, a change every five minutes: backed up on the usual rhythm, never faster.
        for (let i = 0; i < 36; i++) {
          h.automatic.noteChange();
          await h.advance(5 * MINUTE);
        }
        expect(h.runs.length).toBeGreaterThanOrEqual(1 + 3 * 3);
        expect(h.runs.length).toBeLessThanOrEqual(2 + 4 * 3 + 1);
        // Only the one the wrong clock may cost comes sooner than the minimum interval.
        expect(gaps(h.elapsedRuns).filter((gap) => gap < 15 * MINUTE).length).toBeLessThanOrEqual(1);
        // The last change is backed up once the clerk stops.
        h.automatic.noteChange();
        const before = h.runs.length;
        await h.advance(20 * MINUTE);
        expect(h.runs.length).toBe(before + 1);
      });

      it(`${label}: with no changes, the daily backup still comes, once, within a day and a few minutes`, async () => {
        const h = harness({ lastBackupAt: new Date('2026-11-23T09:00:00.000Z') });
        await h.automatic.start();
        await h.advance(2 * HOUR);
        expect(h.runs).toHaveLength(0);
        h.jump(ms);
        await h.advance(10 * MINUTE);
        expect(h.runs.length).toBeLessThanOrEqual(1);
        await h.advance(DAY + 10 * MINUTE);
        expect(h.runs.length).toBeGreaterThanOrEqual(1);
        expect(h.runs.length).toBeLessThanOrEqual(2);
        await h.advance(DAY);
        expect(h.runs.length).toBeGreaterThanOrEqual(2);
        expect(h.runs.length).toBeLessThanOrEqual(3);
      });
    }

    it('put back a year: 10 minutes make at most one backup (they made 85), across a restart too', async () => {
      const h = harness({ lastBackupAt: new Date('2026-11-23T09:30:00.000Z') });
      await h.automatic.start();
      h.jump(-365 * DAY);
      h.automatic.noteChange();
      await h.advance(10 * MINUTE);
      expect(h.runs.length).toBeLessThanOrEqual(1);
      await h.advance(10 * MINUTE);
      expect(h.runs).toHaveLength(1);
      // The next start reads the folder (its newest is dated a year ahead) and the times kept in memory.
      h.automatic.stop();
      const memory = h.memory();
      const restarted = harness({ lastBackupAt: new Date('2026-11-23T09:30:00.000Z'), memory });
      restarted.jump(-365 * DAY + 11 * MINUTE);
      await restarted.automatic.start();
      restarted.automatic.noteChange();
      await restarted.advance(10 * MINUTE);
      expect(restarted.runs.length).toBeLessThanOrEqual(1);
      restarted.automatic.noteChange();
      await restarted.advance(30 * MINUTE);
      expect(restarted.runs.length).toBeGreaterThanOrEqual(1);
      expect(restarted.runs.length).toBeLessThanOrEqual(2);
    });

    it('a change remembered from before the clock was put back is backed up after the next start, once', async () => {
      const h = harness({ lastBackupAt: new Date('2026-11-23T09:00:00.000Z'), memory: { lastChangeAt: new Date('2026-11-23T09:50:00.000Z') } });
      h.jump(-DAY);
      await h.automatic.start();
      await h.advance(5 * MINUTE);
      expect(h.runs).toHaveLength(1);
      await h.advance(2 * HOUR);
      expect(h.runs).toHaveLength(1);
    });

    it('a failure dated ahead of the clock does not hold retries back until the clock catches up', async () => {
      const h = harness({ lastBackupAt: new Date('2026-11-23T08:00:00.000Z'), memory: { lastFailureAt: new Date('2026-11-23T09:59:00.000Z') } });
      h.jump(-365 * DAY);
      await h.automatic.start();
      h.automatic.noteChange();
      await h.advance(20 * MINUTE);
      expect(h.runs).toHaveLength(1);
      expect(h.memory().lastFailureAt).toBeNull();
    });

    it('put back, then set right again: neither change spins backups nor stops them', async () => {
      const h = harness({ lastBackupAt: new Date('2026-11-23T09:58:00.000Z') });
      await h.automatic.start();
      h.jump(-30 * DAY);
      for (let i = 0; i < 12; i++) {
        h.automatic.noteChange();
        await h.advance(5 * MINUTE);
      }
      h.jump(30 * DAY);
      for (let i = 0; i < 12; i++) {
        h.automatic.noteChange();
        await h.advance(5 * MINUTE);
      }
      expect(h.runs.length).toBeGreaterThanOrEqual(5);
      expect(gaps(h.elapsedRuns).filter((gap) => gap < 15 * MINUTE).length).toBeLessThanOrEqual(2);
      await h.advance(MINUTE);
      h.automatic.noteChange();
      const before = h.runs.length;
      await h.advance(20 * MINUTE);
      expect(h.runs.length).toBe(before + 1);
    });
  });
});

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
  let now = new Date('2026-11-23T10:00:00.000Z').getTime();
  const timers: Array<{ at: number; run: () => void; id: number }> = [];
  let nextId = 1;
  const runs: Date[] = [];
  let failing = options.failing ?? false;
  let busy = false;
  let stored: ScheduleMemory = { lastChangeAt: null, lastFailureAt: null, ...options.memory };
  const planned: Array<Date | null> = [];
  const automatic = new AutomaticBackups({
    now: () => new Date(now),
    loadSchedule: async () => (options.schedule === undefined ? { ...DEFAULT_SCHEDULE_SETTINGS } : options.schedule),
    loadLastBackupAt: async () => options.lastBackupAt ?? null,
    runBackup: async () => {
      runs.push(new Date(now));
      return failing ? null : new Date(now);
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
    now: () => new Date(now),
    timers,
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
});

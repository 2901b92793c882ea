// Automatic backups, driven from the page: the pure schedule (shared/domain/backupSchedule.ts) decides when
// one is due from the last change, the last backup and the last failure; this keeps those times, sets the
// timer and runs the backup. Changes come from Dexie (any context); the last backup from the folder.
import { backupAtQuit, nextBackup, settleOnClock, type ScheduleSettings } from '../../../shared/domain/backupSchedule';

export interface ScheduleMemory {
  lastChangeAt: Date | null;
  lastFailureAt: Date | null;
}

export interface AutomaticBackupDeps {
  now(): Date;
  /** The schedule settings (main keeps them); null when they cannot be read: nothing runs. */
  loadSchedule(): Promise<ScheduleSettings | null>;
  /** The newest backup in the folder, of any kind; null when there is none (or the folder cannot be read). */
  loadLastBackupAt(): Promise<Date | null>;
  /** Runs one automatic backup; its time when written and verified, null when it failed. */
  runBackup(): Promise<Date | null>;
  /** A backup or restore is under way: the automatic one waits. */
  busy(): boolean;
  /** Times kept across restarts: a change made just before quitting is backed up soon after the next start. */
  memory: { load(): ScheduleMemory; save(memory: ScheduleMemory): void };
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** When the next one is due (for the backup screen), or null. */
  onPlan?(at: Date | null): void;
}

/** Looked at again at least this often, so a PC waking from sleep or a changed clock is noticed. */
export const RECHECK_MS = 60_000;
/** How long a due backup waits while another backup or a restore runs. */
export const BUSY_RETRY_MS = 20_000;

export class AutomaticBackups {
  private schedule: ScheduleSettings | null = null;
  private lastBackupAt: Date | null = null;
  private memory: ScheduleMemory;
  private timer: unknown = null;
  private running = false;
  private stopped = true;

  constructor(private readonly deps: AutomaticBackupDeps) {
    this.memory = deps.memory.load();
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.reload();
  }

  stop(): void {
    this.stopped = true;
    this.clear();
  }

  /** Reads the settings and the folder again (after the owner changed them, or a backup was made elsewhere). */
  async reload(): Promise<void> {
    const [schedule, newestInFolder] = await Promise.all([this.deps.loadSchedule(), this.deps.loadLastBackupAt()]);
    this.schedule = schedule;
    // The folder says which backup is the last (a new, empty folder: none yet, so one is made there soon).
    // Only a date ahead of the clock is not taken over one this schedule already settled: it would undo the settling.
    const aheadOfClock = newestInFolder !== null && newestInFolder > this.deps.now();
    if (!aheadOfClock || this.lastBackupAt === null) this.lastBackupAt = newestInFolder;
    this.plan();
  }

  /** The store's data changed. */
  noteChange(): void {
    this.memory = { ...this.memory, lastChangeAt: this.deps.now() };
    this.deps.memory.save(this.memory);
    this.plan();
  }

  /** A backup was made (by hand, or a safety backup): it counts as the last one, whatever date the clock gave it. */
  noteBackup(at: Date): void {
    this.lastBackupAt = at;
    this.memory = { ...this.memory, lastFailureAt: null };
    this.deps.memory.save(this.memory);
    this.plan();
  }

  /** Whether closing now should make a backup first: the settings allow it and something changed since the last one. */
  needsBackupAtQuit(): boolean {
    if (this.stopped || !this.schedule) return false;
    this.settle(this.deps.now());
    return backupAtQuit({ lastBackupAt: this.lastBackupAt, lastChangeAt: this.memory.lastChangeAt }, this.schedule);
  }

  /** The backup at quit was written: the next start need not make one for the same changes. */
  noteQuitBackup(at: Date): void {
    this.noteBackup(at);
    this.stop();
  }

  private clear(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  private later(ms: number): void {
    this.clear();
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      this.plan();
    }, Math.max(0, ms));
  }

  /** Times the clock has since been put back behind are moved back once, and kept so (see settleOnClock). */
  private settle(now: Date): void {
    const times = { lastBackupAt: this.lastBackupAt, lastChangeAt: this.memory.lastChangeAt, lastFailureAt: this.memory.lastFailureAt };
    const settled = settleOnClock(times, now);
    if (settled === times) return;
    this.lastBackupAt = settled.lastBackupAt;
    this.memory = { lastChangeAt: settled.lastChangeAt, lastFailureAt: settled.lastFailureAt };
    this.deps.memory.save(this.memory);
  }

  private plan(): void {
    if (this.stopped || this.running) return;
    if (!this.schedule) {
      this.deps.onPlan?.(null);
      this.later(RECHECK_MS);
      return;
    }
    const now = this.deps.now();
    this.settle(now);
    const decision = nextBackup({ now, lastBackupAt: this.lastBackupAt, lastChangeAt: this.memory.lastChangeAt, lastFailureAt: this.memory.lastFailureAt }, this.schedule);
    this.deps.onPlan?.(decision.at);
    if (!decision.due) {
      this.later(decision.at ? Math.min(RECHECK_MS, decision.at.getTime() - now.getTime()) : RECHECK_MS);
      return;
    }
    if (this.deps.busy()) {
      this.later(BUSY_RETRY_MS);
      return;
    }
    void this.run();
  }

  private async run(): Promise<void> {
    this.clear();
    this.running = true;
    try {
      const at = await this.deps.runBackup();
      if (at) {
        // The one just written is the last, whatever its date: keeping a later date from before the clock
        // was put back made the schedule think no backup had been made, and start the next one at once.
        this.lastBackupAt = at;
        this.memory = { ...this.memory, lastFailureAt: null };
      } else {
        this.memory = { ...this.memory, lastFailureAt: this.deps.now() };
      }
    } catch {
      this.memory = { ...this.memory, lastFailureAt: this.deps.now() };
    } finally {
      this.running = false;
    }
    this.deps.memory.save(this.memory);
    this.plan();
  }
}

const MEMORY_KEY = 'regulars.backupSchedule';

/** The schedule's times in localStorage: they belong to this PC, like the backup settings main keeps. */
export const localScheduleMemory = {
  load(): ScheduleMemory {
    try {
      const raw = JSON.parse(localStorage.getItem(MEMORY_KEY) ?? 'null') as { lastChangeAt?: unknown; lastFailureAt?: unknown } | null;
      const date = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value) : null);
      return { lastChangeAt: date(raw?.lastChangeAt), lastFailureAt: date(raw?.lastFailureAt) };
    } catch {
      return { lastChangeAt: null, lastFailureAt: null };
    }
  },
  save(memory: ScheduleMemory): void {
    localStorage.setItem(MEMORY_KEY, JSON.stringify({ lastChangeAt: memory.lastChangeAt?.toISOString() ?? null, lastFailureAt: memory.lastFailureAt?.toISOString() ?? null }));
  },
};

// The page's side of the backup worker: one worker for the app, requests as promises, pieces and
// progress as callbacks. Tests pass their own BackupWorkerApi (e.g. the same code run in-process).
import type { DatabaseComparison } from '../../db/backupCompare';
import type { OwnerPinCarry, StagedDatabase, StagingExpectation } from '../../db/backupStaging';
import { activeDatabaseName } from '../../db/database';
import { systemClock } from '../../platform/systemClock';
import { pageTime } from '../../workers/workerClock';
import type { BackupWorkerFailure, BackupWorkerRequest, BackupWorkerResponse } from '../../workers/backupProtocol';
import { assertNever } from '../../../shared/result';

export interface ExportCallbacks {
  onStart(info: { schemaVersion: number; counts: Record<string, number> }): void;
  onPiece(bytes: Uint8Array): void;
  onProgress(done: number, total: number): void;
}

export interface ExportDone {
  schemaVersion: number;
  counts: Record<string, number>;
  bytes: number;
}

export interface BackupWorkerApi {
  exportDatabase(callbacks: ExportCallbacks): Promise<ExportDone>;
  stagingBegin(name: string, expected: StagingExpectation): Promise<void>;
  stagingPush(name: string, bytes: Uint8Array): Promise<void>;
  stagingFinish(name: string, carry: OwnerPinCarry): Promise<StagedDatabase>;
  stagingDiscard(name: string): Promise<void>;
  dropStaged(name: string): Promise<void>;
  compareWith(name: string): Promise<DatabaseComparison>;
}

export class BackupWorkerError extends Error {
  constructor(
    readonly reason: BackupWorkerFailure,
    message: string,
  ) {
    super(message);
    this.name = 'BackupWorkerError';
  }
}

type Answer = Exclude<BackupWorkerResponse, { type: 'piece' | 'progress' | 'exportStart' | 'failed' }>;
type WithoutId<T> = T extends unknown ? Omit<T, 'id' | 'now'> : never;

interface Pending {
  resolve: (answer: Answer) => void;
  reject: (error: Error) => void;
  callbacks?: ExportCallbacks;
}

class BackupWorkerClient implements BackupWorkerApi {
  // Named after the database, which the worker opens too (see workerDatabaseName).
  private readonly worker = new Worker(new URL('../../workers/backup.worker.ts', import.meta.url), { type: 'module', name: activeDatabaseName() });
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor() {
    this.worker.onmessage = (event: MessageEvent<BackupWorkerResponse>) => {
      const message = event.data;
      const p = this.pending.get(message.id);
      if (!p) return;
      switch (message.type) {
        case 'exportStart':
          p.callbacks?.onStart({ schemaVersion: message.schemaVersion, counts: message.counts });
          return;
        case 'piece':
          p.callbacks?.onPiece(message.bytes);
          return;
        case 'progress':
          p.callbacks?.onProgress(message.done, message.total);
          return;
        case 'failed':
          this.pending.delete(message.id);
          p.reject(new BackupWorkerError(message.reason, message.message));
          return;
        case 'exported':
        case 'ok':
        case 'staged':
        case 'compared':
          this.pending.delete(message.id);
          p.resolve(message);
          return;
        default:
          assertNever(message, 'backup worker message');
      }
    };
    this.worker.onerror = (event) => {
      for (const p of this.pending.values()) p.reject(new BackupWorkerError('export-failed', event.message || 'worker error'));
      this.pending.clear();
    };
  }

  private request(body: WithoutId<BackupWorkerRequest>, callbacks?: ExportCallbacks, transfer: Transferable[] = []): Promise<Answer> {
    const id = this.next++;
    return new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, callbacks });
      this.worker.postMessage({ ...body, id, ...pageTime(systemClock) }, transfer);
    });
  }

  private async expect<T extends Answer['type']>(type: T, answer: Promise<Answer>): Promise<Extract<Answer, { type: T }>> {
    const a = await answer;
    if (a.type !== type) throw new BackupWorkerError('restore-write-failed', `unexpected ${a.type}`);
    return a as Extract<Answer, { type: T }>;
  }

  async exportDatabase(callbacks: ExportCallbacks): Promise<ExportDone> {
    const { schemaVersion, counts, bytes } = await this.expect('exported', this.request({ type: 'export' }, callbacks));
    return { schemaVersion, counts, bytes };
  }

  async stagingBegin(name: string, expected: StagingExpectation): Promise<void> {
    await this.expect('ok', this.request({ type: 'stagingBegin', name, expected }));
  }

  async stagingPush(name: string, bytes: Uint8Array): Promise<void> {
    // The page read these from the main process and has no further use for them.
    await this.expect('ok', this.request({ type: 'stagingPush', name, bytes }, undefined, [bytes.buffer]));
  }

  async stagingFinish(name: string, carry: OwnerPinCarry): Promise<StagedDatabase> {
    return (await this.expect('staged', this.request({ type: 'stagingFinish', name, carry }))).staged;
  }

  async stagingDiscard(name: string): Promise<void> {
    await this.expect('ok', this.request({ type: 'stagingDiscard', name }));
  }

  async compareWith(name: string): Promise<DatabaseComparison> {
    return (await this.expect('compared', this.request({ type: 'compareWith', name }))).comparison;
  }

  async dropStaged(name: string): Promise<void> {
    await this.expect('ok', this.request({ type: 'dropStaged', name }));
  }
}

let client: BackupWorkerApi | null = null;

/** The app's backup worker, started on first use. */
export function backupWorker(): BackupWorkerApi {
  client ??= new BackupWorkerClient();
  return client;
}

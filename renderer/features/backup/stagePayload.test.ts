// Handing a backup's pieces to the staging worker: the next piece is read while the last is written,
// yet pushes stay one at a time and in order, and a failure never leaves a push running behind it.
import { describe, expect, it } from 'vitest';
import { BackupReadError } from '../../../shared/backup/client';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { err, ok } from '../../../shared/result';
import { BackupWorkerError } from './backupWorkerClient';
import { stagePayload } from './stagePayload';

/** A promise settled from outside, to hold a push or a read where a test wants it. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Main's side: `count` pieces of one byte each (their number), or a refusal at piece `failAt`. */
function fakeApi(log: string[], count: number, failAt?: number): DesktopApi['backup'] {
  let offset = 0;
  return {
    read: async () => {
      const index = offset;
      log.push(`read ${index}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (index === failAt) return err('backup-damaged');
      offset += 1;
      return ok({ offset: index, data: new Uint8Array([index]), done: offset === count });
    },
    close: async () => {
      log.push('close');
      return ok(null);
    },
  } as unknown as DesktopApi['backup'];
}

describe('stagePayload', () => {
  it('reads the next piece while the worker writes the last, one push at a time, in order', async () => {
    const log: string[] = [];
    let running = 0;
    const gates = [gate(), gate(), gate()];
    const worker = {
      stagingPush: async (_name: string, bytes: Uint8Array) => {
        running += 1;
        expect(running).toBe(1);
        log.push(`push ${bytes[0]}`);
        await gates[bytes[0]!]!.opened;
        log.push(`pushed ${bytes[0]}`);
        running -= 1;
      },
    };
    const staging = stagePayload(fakeApi(log, 3), worker, 'restore-x', 'read-1');
    // Piece 1 is read while piece 0 is still being written.
    await expect.poll(() => log).toContain('read 1');
    expect(log).not.toContain('pushed 0');
    gates.forEach((g) => g.open());
    await staging;
    expect(log.filter((line) => line.startsWith('push'))).toEqual(['push 0', 'pushed 0', 'push 1', 'pushed 1', 'push 2', 'pushed 2']);
  });

  it("throws the worker's failure, and hands over no further piece", async () => {
    const log: string[] = [];
    const worker = {
      stagingPush: async (_name: string, bytes: Uint8Array) => {
        log.push(`push ${bytes[0]}`);
        if (bytes[0] === 1) throw new BackupWorkerError('restore-payload-invalid', 'a key used twice');
      },
    };
    await expect(stagePayload(fakeApi(log, 5), worker, 'restore-x', 'read-1')).rejects.toMatchObject({ reason: 'restore-payload-invalid' });
    expect(log.filter((line) => line.startsWith('push'))).toEqual(['push 0', 'push 1']);
    // Leaving the read early closes it in main.
    expect(log).toContain('close');
  });

  it("throws main's refusal only after the push under way has finished", async () => {
    const log: string[] = [];
    const hold = gate();
    const worker = {
      stagingPush: async (_name: string, bytes: Uint8Array) => {
        log.push(`push ${bytes[0]}`);
        if (bytes[0] === 1) await hold.opened;
        log.push(`pushed ${bytes[0]}`);
      },
    };
    const staging = stagePayload(fakeApi(log, 5, 2), worker, 'restore-x', 'read-1');
    let settled = false;
    void staging.catch(() => undefined).finally(() => (settled = true));
    await expect.poll(() => log).toContain('read 2');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    hold.open();
    await expect(staging).rejects.toBeInstanceOf(BackupReadError);
    expect(log.at(-1)).toBe('pushed 1');
  });
});

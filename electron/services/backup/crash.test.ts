// A process killed with SIGKILL at random moments while writing 20 encrypted backups, with retention on,
// leaves no corrupt backup, loses none it reported as written (but those retention removed), and leaves only
// temp files that start-up removes. Power loss, which SIGKILL cannot show, is powerLoss.test.ts's.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { OWN_BACKUP_NAME } from '../../../shared/backup/format';
import { CRASH_PASSWORD, createTestService, listFolder, readWhole, sha256, tempFolder, testProtector } from '../../../test/support/backupService';

// Each backup costs a scrypt (about a second): fewer than before encryption.
const TARGET = 20;
const writerSource = fileURLToPath(new URL('../../../test/support/backupCrashWriter.ts', import.meta.url));
const folders: string[] = [];
let writer = '';
// The writer bundled once, so a round starts node on one file instead of tsx compiling the service's modules
// again (most of a second per round on a busy machine, and the test runs dozens of rounds).
beforeAll(async () => {
  const folder = await tempFolder('regulars-crash-writer-');
  folders.push(folder);
  writer = path.join(folder, 'backupCrashWriter.mjs');
  await build({ entryPoints: [writerSource], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: writer, logLevel: 'warning' });
});
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

interface Round {
  committed: Array<{ committed: string; sha256: string; removed: string[] }>;
  recoveryKey: string | null;
  killed: boolean;
  stderr: string;
  /** The longest from a backup's begun (its key derived, its spool open) to its commit reported, when one was. */
  writeMs: number | null;
}

/**
 * Runs the writer until it is killed `killAfterMs` after it began its `killIn`-th backup, or until it finishes.
 * Begun is after the backup's scrypt, which changes nothing on disk: timed from the writer's start instead, most
 * kills on a loaded machine (where scrypt takes seconds) landed there, and a hundred rounds could all miss a write.
 */
function runWriter(dataFolder: string, killIn: number, killAfterMs: number, count: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataFolder, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    const round: Round = { committed: [], recoveryKey: null, killed: false, stderr: '', writeMs: null };
    let begunAt = 0;
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      buffered += text;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const message = JSON.parse(line) as { begun?: number; committed?: string; sha256?: string; removed?: string[]; recoveryKey?: string };
        if (message.recoveryKey) round.recoveryKey = message.recoveryKey;
        if (message.begun !== undefined) {
          begunAt = Date.now();
          if (message.begun === killIn) {
            setTimeout(() => {
              round.killed = child.kill('SIGKILL');
            }, killAfterMs);
          }
        }
        if (message.committed && message.sha256) {
          round.writeMs = Math.max(round.writeMs ?? 0, Date.now() - begunAt);
          round.committed.push({ committed: message.committed, sha256: message.sha256, removed: message.removed ?? [] });
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (round.stderr += text));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve({ ...round, killed: signal === 'SIGKILL' });
      else reject(new Error(`the writer failed (${code}): ${round.stderr}`));
    });
  });
}

it('survives SIGKILL at random moments during 20 encrypted backups with retention on', { timeout: 240_000 }, async () => {
  const dataFolder = await tempFolder('regulars-crash-');
  folders.push(dataFolder);
  const backupFolder = path.join(dataFolder, 'backups');
  const reported = new Map<string, string>();
  const removed = new Set<string>();
  const firstBytes = new Map<string, Buffer>();
  let recoveryKey: string | null = null;
  let retentionRemovals = 0;
  let kills = 0;
  let killsThatLeftTempFiles = 0;
  let finished = false;
  // Kills land within this long after a backup began: as long as a write and commit take here (retention's removals
  // included), measured as rounds go, and a little more, so some land in the next backup's scrypt, between writes.
  let killWindowMs = 50;

  // The kill is aimed at the first, second or third backup of a round, so a round commits about one on average.
  // Rounds go on until 20 are written, the writer has finished, and a kill has caught a write in progress.
  for (let round = 0; round < 100 && !(finished && killsThatLeftTempFiles > 0); round++) {
    const made = new Set([...firstBytes.keys(), ...reported.keys()]).size;
    const killIn = 1 + Math.floor(Math.random() * 3);
    const result = await runWriter(dataFolder, killIn, Math.floor(Math.random() * killWindowMs), Math.max(1, TARGET - made));
    if (result.writeMs !== null) killWindowMs = Math.max(killWindowMs, Math.ceil(result.writeMs * 1.2));
    recoveryKey ??= result.recoveryKey;
    for (const { committed, sha256: payloadSha, removed: gone } of result.committed) {
      reported.set(committed, payloadSha);
      for (const name of gone) removed.add(name);
      retentionRemovals += gone.length;
    }
    if (result.killed) kills++;
    else finished = true;

    const names = await listFolder(backupFolder);
    const finals = names.filter((name) => OWN_BACKUP_NAME.test(name));
    if (names.some((name) => name.startsWith('.regulars-tmp-'))) killsThatLeftTempFiles++;
    // The same PC as the writer (its sealing): a checker that could not unseal the key would make a new one.
    const { service } = await createTestService({ dataFolder, protector: testProtector });
    for (const name of finals) {
      const bytes = await readFile(path.join(backupFolder, name));
      const seen = firstBytes.get(name);
      if (seen) {
        // An earlier backup is never changed (retention may only remove it).
        expect(bytes.equals(seen), `${name} changed in round ${round}`).toBe(true);
        continue;
      }
      // A new file with a final name is whole, encrypted and verified, whether or not the writer lived to report it.
      expect(bytes.includes(Buffer.from('"seed"'))).toBe(false);
      const read = await readWhole(service, { source: { fileName: name }, appSchemaVersion: 3, password: CRASH_PASSWORD });
      expect(read.ok, `${name} after round ${round}`).toBe(true);
      if (read.ok && reported.has(name)) expect(sha256(read.value.payload)).toBe(reported.get(name));
      firstBytes.set(name, bytes);
    }
    // The newest backup opens with the recovery key too.
    const newest = [...finals].sort().at(-1);
    if (newest && recoveryKey) expect((await readWhole(service, { source: { fileName: newest }, appSchemaVersion: 3, recoveryKey })).ok, `${newest} by the recovery key`).toBe(true);
    // A reported backup is gone only if retention removed it: reported so, or (killed before it could say) not
    // one of the newest 3, which retention never removes. The newest 3 of every backup written, reported or not:
    // a backup committed just before a kill counts for retention though the writer never said so (names sort by time).
    const newestThree = new Set([...new Set([...reported.keys(), ...firstBytes.keys()])].sort().slice(-3));
    for (const name of reported.keys()) {
      if (!removed.has(name) && newestThree.has(name)) expect(finals, `${name} was reported written`).toContain(name);
    }

    // Start-up removes what the killed writer left behind, and nothing else.
    await service.startUp();
    const after = await listFolder(backupFolder);
    expect(after.filter((name) => name.startsWith('.regulars-tmp-'))).toEqual([]);
    expect(after.filter((name) => OWN_BACKUP_NAME.test(name))).toEqual(finals);
  }

  expect(finished).toBe(true);
  expect(new Set([...firstBytes.keys(), ...reported.keys()]).size).toBeGreaterThanOrEqual(TARGET);
  expect(recoveryKey).not.toBeNull();
  expect(retentionRemovals).toBeGreaterThanOrEqual(3);
  expect(kills).toBeGreaterThanOrEqual(5);
  expect(killsThatLeftTempFiles).toBeGreaterThanOrEqual(1);
});

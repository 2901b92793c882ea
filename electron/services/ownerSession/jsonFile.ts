// A small JSON document in main's data folder, replaced atomically (written beside, synced, renamed), so a
// crash leaves the old document or the new one, never half of one.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

export interface JsonFile {
  /** null when there is no file; undefined when there is one that is not JSON (or far too large to be ours). */
  read(): Promise<unknown>;
  write(value: unknown): Promise<void>;
}

const MAX_BYTES = 64 * 1024;

/** `maxBytes`: the largest document that is still ours (64 KiB unless a caller keeps more, like the pop-up schedule). */
export function createJsonFile(file: string, maxBytes = MAX_BYTES): JsonFile {
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      if (text.length > maxBytes) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    async write(value) {
      await mkdir(path.dirname(file), { recursive: true });
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomUUID()}.tmp`);
      const handle = await open(temp, 'w', 0o600);
      try {
        await handle.writeFile(JSON.stringify(value), 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },
  };
}

// The slice of the operating system the backup service uses, handed in so tests can make it fail.
import { randomBytes, randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';

export interface BackupFileHandle {
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  stat(): Promise<{ size: number }>;
  close(): Promise<void>;
}

export interface BackupFileStat {
  size: number;
  mtimeMs: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

/** A subset of node:fs/promises; the real module satisfies it as is. */
export interface BackupFs {
  /** 'r' to read (a folder too, for fsync); 'wx' to create a file that must not exist yet, 'wx+' to also read it back. */
  open(path: string, flags: 'r' | 'wx' | 'wx+'): Promise<BackupFileHandle>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<BackupFileStat>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  statfs?(path: string): Promise<{ bavail: number | bigint; bsize: number | bigint }>;
  /** Where a path really leads, links and junctions followed: a link to a system folder is one. */
  realpath?(path: string): Promise<string>;
}

export interface BackupRandom {
  bytes(count: number): Buffer;
  uuid(): string;
}

export const nodeBackupFs: BackupFs = {
  open: (path, flags) => fsp.open(path, flags),
  readdir: (path) => fsp.readdir(path),
  stat: (path) => fsp.stat(path),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
  mkdir: (path, options) => fsp.mkdir(path, options),
  statfs: (path) => fsp.statfs(path),
  realpath: (path) => fsp.realpath(path),
};

export const nodeBackupRandom: BackupRandom = {
  bytes: (count) => randomBytes(count),
  uuid: () => randomUUID(),
};

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// A disk in memory that loses power the way a real one may: what was written but not fsynced is gone.
// File contents become durable only when the file is fsynced; names (create, rename, unlink) only when their
// folder is fsynced. After `cut`, every operation fails (the process is as good as dead); `powerOn` gives the
// disk as it comes back: each folder with its last fsynced names, each file with its last fsynced bytes.
// Folders made by mkdir count as durable at once (the service makes them once; the test makes them first).
import path from 'node:path';
import type { BackupFileHandle, BackupFileStat, BackupFs } from '../../electron/services/backup/os';
import type { ReceiveFs } from '../../electron/services/backup/receivedFiles';

interface Inode {
  data: Buffer;
  durable: Buffer;
  mtimeMs: number;
}
interface Folder {
  entries: Map<string, Node>;
  durable: Map<string, Node>;
}
type Node = { kind: 'file'; inode: Inode } | { kind: 'folder'; folder: Folder };

const fail = (code: string, file: string) => Object.assign(new Error(`${code}: ${file}`), { code });

export interface PowerLossDisk {
  fs: BackupFs;
  /** For the service's browser-mode receiver, which these tests do not use. */
  receiveFs: ReceiveFs;
  /** The power goes after `operations` more operations (the one that reaches it fails). */
  cutAfter(operations: number): void;
  /** Whether the power went. */
  readonly dead: boolean;
  /** The disk as it comes back: only what was fsynced. Operations work again. */
  powerOn(): void;
  /** Operations so far, for choosing where to cut. */
  readonly operations: number;
  readFile(file: string): Buffer;
}

export function createPowerLossDisk(): PowerLossDisk {
  const root: Folder = { entries: new Map(), durable: new Map() };
  let clock = 1_700_000_000_000;
  let operations = 0;
  let cutAt = Number.POSITIVE_INFINITY;
  let dead = false;

  const step = (file: string) => {
    if (dead) throw fail('EIO', file);
    operations++;
    if (operations >= cutAt) {
      dead = true;
      throw fail('EIO', file);
    }
  };

  const parts = (file: string) => path.resolve(file).split(path.sep).filter(Boolean);
  function folderAt(segments: string[], file: string): Folder {
    let folder = root;
    for (const segment of segments) {
      const node = folder.entries.get(segment);
      if (!node) throw fail('ENOENT', file);
      if (node.kind !== 'folder') throw fail('ENOTDIR', file);
      folder = node.folder;
    }
    return folder;
  }
  function lookup(file: string): { parent: Folder; name: string; node: Node | undefined } {
    const segments = parts(file);
    if (segments.length === 0) return { parent: root, name: '', node: { kind: 'folder', folder: root } };
    const parent = folderAt(segments.slice(0, -1), file);
    const name = segments.at(-1)!;
    return { parent, name, node: parent.entries.get(name) };
  }

  function fileHandle(inode: Inode, file: string): BackupFileHandle {
    return {
      read: async (buffer, offset, length, position) => {
        step(file);
        const bytes = inode.data.subarray(position, position + length);
        buffer.set(bytes, offset);
        return { bytesRead: bytes.length };
      },
      write: async (buffer, offset, length, position) => {
        step(file);
        const end = position + length;
        if (end > inode.data.length) inode.data = Buffer.concat([inode.data, Buffer.alloc(end - inode.data.length)]);
        inode.data.set(buffer.subarray(offset, offset + length), position);
        inode.mtimeMs = ++clock;
        return { bytesWritten: length };
      },
      sync: async () => {
        step(file);
        inode.durable = Buffer.from(inode.data);
      },
      stat: async () => ({ size: inode.data.length }),
      close: async () => undefined,
    };
  }

  function folderHandle(folder: Folder, file: string): BackupFileHandle {
    return {
      read: async () => {
        throw fail('EISDIR', file);
      },
      write: async () => {
        throw fail('EISDIR', file);
      },
      sync: async () => {
        step(file);
        folder.durable = new Map(folder.entries);
      },
      stat: async () => ({ size: 0 }),
      close: async () => undefined,
    };
  }

  const statOf = (node: Node): BackupFileStat =>
    node.kind === 'file'
      ? { size: node.inode.data.length, mtimeMs: node.inode.mtimeMs, isFile: () => true, isDirectory: () => false }
      : { size: 0, mtimeMs: clock, isFile: () => false, isDirectory: () => true };

  function mkdirs(file: string): void {
    let folder = root;
    for (const segment of parts(file)) {
      let node = folder.entries.get(segment);
      if (!node) {
        node = { kind: 'folder', folder: { entries: new Map(), durable: new Map() } };
        folder.entries.set(segment, node);
        folder.durable.set(segment, node);
      }
      if (node.kind !== 'folder') throw fail('ENOTDIR', file);
      folder = node.folder;
    }
  }

  const fs: BackupFs = {
    open: async (file, flags) => {
      step(file);
      const { parent, name, node } = lookup(file);
      if (flags === 'r') {
        if (!node) throw fail('ENOENT', file);
        return node.kind === 'file' ? fileHandle(node.inode, file) : folderHandle(node.folder, file);
      }
      if (node) throw fail('EEXIST', file);
      const inode: Inode = { data: Buffer.alloc(0), durable: Buffer.alloc(0), mtimeMs: ++clock };
      parent.entries.set(name, { kind: 'file', inode });
      return fileHandle(inode, file);
    },
    readdir: async (file) => {
      step(file);
      const { node } = lookup(file);
      if (!node) throw fail('ENOENT', file);
      if (node.kind !== 'folder') throw fail('ENOTDIR', file);
      return [...node.folder.entries.keys()].sort();
    },
    stat: async (file) => {
      step(file);
      const { node } = lookup(file);
      if (!node) throw fail('ENOENT', file);
      return statOf(node);
    },
    rename: async (from, to) => {
      step(from);
      const source = lookup(from);
      if (!source.node) throw fail('ENOENT', from);
      const target = lookup(to);
      source.parent.entries.delete(source.name);
      target.parent.entries.set(target.name, source.node);
    },
    unlink: async (file) => {
      step(file);
      const { parent, name, node } = lookup(file);
      if (!node) throw fail('ENOENT', file);
      if (node.kind !== 'file') throw fail('EISDIR', file);
      parent.entries.delete(name);
    },
    mkdir: async (file) => {
      step(file);
      mkdirs(file);
      return undefined;
    },
    realpath: async (file) => path.resolve(file),
  };

  const receiveFs: ReceiveFs = {
    mkdir: async () => undefined,
    open: async (file) => {
      throw fail('EROFS', file);
    },
    rm: async () => undefined,
  };

  /** Every folder back to its fsynced names, every file reachable from them back to its fsynced bytes. */
  function powerOn(): void {
    const seen = new Set<Folder>();
    const restore = (folder: Folder) => {
      if (seen.has(folder)) return;
      seen.add(folder);
      folder.entries = new Map(folder.durable);
      for (const node of folder.entries.values()) {
        if (node.kind === 'folder') restore(node.folder);
        else node.inode.data = Buffer.from(node.inode.durable);
      }
    };
    restore(root);
    dead = false;
    cutAt = Number.POSITIVE_INFINITY;
  }

  return {
    fs,
    receiveFs,
    cutAfter: (count) => {
      cutAt = operations + count;
    },
    get dead() {
      return dead;
    },
    powerOn,
    get operations() {
      return operations;
    },
    readFile: (file) => {
      const { node } = lookup(file);
      if (!node || node.kind !== 'file') throw fail('ENOENT', file);
      return Buffer.from(node.inode.data);
    },
  };
}

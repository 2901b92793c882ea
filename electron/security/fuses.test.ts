// Electron's fuses as electron-builder.yml bakes them into the packaged binary: each set, and set the safe way.
import { FuseV1Options } from '@electron/fuses';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// electron-builder's own YAML reader (no types shipped): the file is read as the packager reads it.
const { load } = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };
const CONFIG = path.join(import.meta.dirname, '..', '..', 'electron-builder.yml');

/** The safe setting of every fuse, and why (docs/SECURITY.md). */
const SAFE: Record<string, boolean> = {
  runAsNode: false, // ELECTRON_RUN_AS_NODE would turn the app into a plain Node that runs any script
  enableCookieEncryption: true, // cookies encrypted on disk with the OS's key
  enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS could preload code (--require) or open the inspector
  enableNodeCliInspectArguments: false, // --inspect and SIGUSR1 would open main to a debugger
  enableEmbeddedAsarIntegrityValidation: true, // app.asar checked against the hash signed into the binary
  onlyLoadAppFromAsar: true, // no app/ folder or default_app.asar beside it to load instead
  loadBrowserProcessSpecificV8Snapshot: false, // no snapshot of ours is shipped; a replaced one would run first
  grantFileProtocolExtraPrivileges: false, // the app is served from regulars://, never file://
};

/** The fuses the installed @electron/fuses knows, by the name electron-builder.yml gives them. */
const KNOWN_FUSES = Object.keys(FuseV1Options)
  .filter((key) => Number.isNaN(Number(key)))
  .map((key) => key[0]!.toLowerCase() + key.slice(1));

function fusesIn(yamlText: string): Record<string, unknown> {
  const config = load(yamlText) as { electronFuses?: Record<string, unknown> } | null;
  return config?.electronFuses ?? {};
}

/** Every way the fuses depart from the safe settings: missing, unknown, not a boolean, or the unsafe value. */
function unsafeFuses(fuses: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [name, safe] of Object.entries(SAFE)) {
    if (!(name in fuses)) problems.push(`${name}: not set (Electron's default would apply)`);
    else if (fuses[name] !== safe) problems.push(`${name}: ${JSON.stringify(fuses[name])}, should be ${safe}`);
  }
  for (const name of Object.keys(fuses)) {
    if (!(name in SAFE)) problems.push(`${name}: a fuse this test does not know; decide its safe setting`);
  }
  return problems;
}

const text = readFileSync(CONFIG, 'utf8');

describe("electron-builder.yml's fuses", () => {
  it('sets every fuse the safe way', () => {
    expect(unsafeFuses(fusesIn(text))).toEqual([]);
  });

  it('decides every fuse Electron has (a new one fails here until it is given a safe setting)', () => {
    expect(KNOWN_FUSES.length).toBeGreaterThanOrEqual(8);
    expect(Object.keys(SAFE).sort()).toEqual([...KNOWN_FUSES].sort());
  });

  it.each(Object.entries(SAFE))('fails when %s is flipped', (name, safe) => {
    const flipped = text.replace(new RegExp(`^(\\s+${name}:) ${safe}$`, 'm'), `$1 ${!safe}`);
    expect(flipped).not.toBe(text);
    expect(unsafeFuses(fusesIn(flipped))).toEqual([`${name}: ${!safe}, should be ${safe}`]);
  });

  it.each(Object.keys(SAFE))('fails when %s is left out', (name) => {
    const without = text.replace(new RegExp(`^\\s+${name}: \\w+\\n`, 'm'), '');
    expect(without).not.toBe(text);
    expect(unsafeFuses(fusesIn(without))).toEqual([`${name}: not set (Electron's default would apply)`]);
  });

  it('fails on a quoted value, which electron-builder would not read as a boolean', () => {
    const quoted = text.replace(/^(\s+runAsNode:) false$/m, '$1 "false"');
    expect(unsafeFuses(fusesIn(quoted))).toEqual(['runAsNode: "false", should be false']);
  });

  it('fails when the fuses are gone altogether', () => {
    expect(unsafeFuses(fusesIn(text.replace(/^electronFuses:$/m, 'notFuses:')))).toEqual(Object.keys(SAFE).map((name) => `${name}: not set (Electron's default would apply)`));
  });
});

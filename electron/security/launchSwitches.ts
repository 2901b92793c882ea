// Launch switches a packaged build refuses to start with: each attaches a debugger to the app or weakens the walls
// around the page. With either, whoever starts the app by hand could read every customer or call the owner's
// channels without the PIN. Development builds (not packaged) accept them all.

/** The exit code of a refused start (sysexits' EX_CONFIG: the command line is wrong, not the app). */
export const REFUSED_LAUNCH_EXIT_CODE = 78;

/** Refused by name (what Chromium's parse is asked about too). */
export const REFUSED_SWITCH_NAMES: readonly string[] = [
  // Node's inspector in main (the inspect fuse covers Node's own parsing; this refuses Electron's copies too).
  'inspect', 'inspect-brk', 'inspect-brk-node', 'inspect-port', 'inspect-wait', 'inspect-publish-uid',
  'debug', 'debug-brk', 'debug-port',
  // Chromium's DevTools protocol: no fuse turns it off.
  'remote-debugging-port', 'remote-debugging-pipe', 'remote-debugging-address', 'remote-debugging-io-pipes', 'remote-allow-origins',
  // V8 flags: the inspector, natives syntax, weaker mitigations; nothing a store needs.
  'js-flags',
  // A debugger, or another program, started in front of a child process.
  'wait-for-debugger', 'wait-for-debugger-children', 'renderer-cmd-prefix', 'utility-cmd-prefix', 'gpu-launcher',
  // The page's walls (docs/SECURITY.md): sandbox, same-origin policy, site isolation, mixed content, file access.
  'no-sandbox', 'disable-web-security', 'disable-site-isolation-trials', 'allow-running-insecure-content', 'allow-file-access-from-files',
];

/** Families refused whole, so a member this list does not know yet (`--inspect-something`) is refused too. */
const REFUSED_FAMILIES: readonly string[] = ['inspect-', 'remote-debugging-', 'wait-for-debugger-'];

export interface LaunchSwitchInput {
  /** The arguments after the executable (process.argv.slice(1)) and Node's (process.execArgv). */
  argv: readonly string[];
  isPackaged: boolean;
  /** process.platform: Windows also takes `/switch`. */
  platform: string;
  /** Chromium's view (app.commandLine.hasSwitch), in case it reads a form this parse does not. */
  hasSwitch?: (name: string) => boolean;
}

/** The refused switches present (names only, never their values), sorted; empty when the app may start. */
export function refusedLaunchSwitches(input: LaunchSwitchInput): string[] {
  if (!input.isPackaged) return [];
  const found = new Set<string>();
  for (const arg of input.argv) {
    const name = switchName(arg, input.platform);
    if (name !== null && isRefused(name)) found.add(name);
  }
  for (const name of REFUSED_SWITCH_NAMES) {
    if (input.hasSwitch?.(name)) found.add(name);
  }
  return [...found].sort();
}

/**
 * The switch an argument names, as the readers of the command line would take it: Chromium takes `--`, `-` (and `/`
 * on Windows) and ignores case on Windows; Node takes `_` for `-`. We take all of these everywhere (a false refusal
 * costs a restart without the switch; a missed one costs the store's data), and read on past a `--`.
 */
function switchName(arg: string, platform: string): string | null {
  const token = arg.trimStart();
  const prefix = token.startsWith('--') ? 2 : token.startsWith('-') || (platform === 'win32' && token.startsWith('/')) ? 1 : 0;
  if (prefix === 0) return null;
  const name = token.slice(prefix).split('=', 1)[0]!.trim().toLowerCase().replaceAll('_', '-');
  return name === '' ? null : name;
}

function isRefused(name: string): boolean {
  return REFUSED_SWITCH_NAMES.includes(name) || REFUSED_FAMILIES.some((family) => name.startsWith(family));
}

import { describe, expect, it } from 'vitest';
import { REFUSED_SWITCH_NAMES, refusedLaunchSwitches } from './launchSwitches';

const packaged = (argv: string[], platform = 'win32', hasSwitch?: (name: string) => boolean) =>
  refusedLaunchSwitches({ argv, isPackaged: true, platform, hasSwitch });

describe('launch switches a packaged build refuses', () => {
  it.each<[string, string[], string]>([
    ['the inspector', ['--inspect'], 'inspect'],
    ['the inspector on a port', ['--inspect=9229'], 'inspect'],
    ['the inspector on a host and port', ['--inspect=0.0.0.0:9229'], 'inspect'],
    ['the inspector, break at start', ['--inspect-brk'], 'inspect-brk'],
    ['the inspector, break at start, Electron spelling', ['--inspect-brk-node=9229'], 'inspect-brk-node'],
    ['the inspector port, split form', ['--inspect-port', '9229'], 'inspect-port'],
    ['the inspector, waiting', ['--inspect-wait'], 'inspect-wait'],
    ['the inspector with underscores (Node reads _ as -)', ['--inspect_brk'], 'inspect-brk'],
    ['the inspector in capitals', ['--INSPECT'], 'inspect'],
    ['the inspector in mixed case', ['--Inspect-Brk=9229'], 'inspect-brk'],
    ['the legacy debug port', ['--debug-port=5858'], 'debug-port'],
    ['the legacy debugger', ['--debug'], 'debug'],
    ['remote debugging on a port', ['--remote-debugging-port=9222'], 'remote-debugging-port'],
    ['remote debugging on port 0 (any free port)', ['--remote-debugging-port=0'], 'remote-debugging-port'],
    ['remote debugging, split form', ['--remote-debugging-port', '9222'], 'remote-debugging-port'],
    ['remote debugging in capitals (Chromium ignores case on Windows)', ['--REMOTE-DEBUGGING-PORT=9222'], 'remote-debugging-port'],
    ['remote debugging in mixed case', ['--Remote-Debugging-Port=9222'], 'remote-debugging-port'],
    ['remote debugging with one dash', ['-remote-debugging-port=9222'], 'remote-debugging-port'],
    ['remote debugging with a slash (Windows)', ['/remote-debugging-port=9222'], 'remote-debugging-port'],
    ['remote debugging over a pipe', ['--remote-debugging-pipe'], 'remote-debugging-pipe'],
    ['remote debugging on every address', ['--remote-debugging-address=0.0.0.0'], 'remote-debugging-address'],
    ['remote debugging origins', ['--remote-allow-origins=*'], 'remote-allow-origins'],
    ['a remote debugging switch not known yet', ['--remote-debugging-something=1'], 'remote-debugging-something'],
    ['an inspector switch not known yet', ['--inspect-everything'], 'inspect-everything'],
    ['V8 flags with the inspector', ['--js-flags=--inspect'], 'js-flags'],
    ['V8 flags with natives syntax', ['--js-flags="--allow-natives-syntax"'], 'js-flags'],
    ['V8 flags, split form', ['--js-flags', '--expose-gc'], 'js-flags'],
    ['a child waiting for a debugger', ['--wait-for-debugger-children=renderer'], 'wait-for-debugger-children'],
    ['a debugger in front of the renderer', ['--renderer-cmd-prefix=gdb --args'], 'renderer-cmd-prefix'],
    ['a program in front of the GPU process', ['--gpu-launcher=x'], 'gpu-launcher'],
    ['no sandbox', ['--no-sandbox'], 'no-sandbox'],
    ['no same-origin policy', ['--disable-web-security'], 'disable-web-security'],
    ['no site isolation', ['--disable-site-isolation-trials'], 'disable-site-isolation-trials'],
    ['leading spaces', ['  --inspect'], 'inspect'],
    ['after the end of switches (read on all the same)', ['--', '--remote-debugging-port=9222'], 'remote-debugging-port'],
    ['among ordinary arguments', ['--lang=zh-CN', '--remote-debugging-port=9222', '--force-device-scale-factor=1.5'], 'remote-debugging-port'],
  ])('refuses %s', (_what, argv, name) => {
    expect(packaged(argv)).toEqual([name]);
    // The same on a Mac, except a slash there starts a path, not a switch.
    if (!argv[0]!.startsWith('/')) expect(packaged(argv, 'darwin')).toEqual([name]);
  });

  it('names every refused switch once, sorted, and never a value', () => {
    expect(packaged(['--remote-debugging-port=9222', '--inspect=9229', '--inspect', '--js-flags=--secret'])).toEqual(['inspect', 'js-flags', 'remote-debugging-port']);
  });

  it('takes a slash for a path on macOS and Linux', () => {
    expect(packaged(['/remote-debugging-port=9222'], 'darwin')).toEqual([]);
    expect(packaged(['/Users/inspect/--x'], 'linux')).toEqual([]);
  });

  it.each<[string, string[]]>([
    ['nothing', []],
    ['logging (shows what the app logs, which carries no customer data)', ['--enable-logging', '--enable-logging=file', '--v=1']],
    ['a language and a scale', ['--lang=zh-TW', '--force-device-scale-factor=2']],
    ["the Windows installer's first run", ['--squirrel-firstrun']],
    ["macOS's process serial number", ['-psn_0_12345']],
    ['names that only begin like a refused one', ['--inspector', '--debugging', '--remote-debugging', '--no-sandboxes', '--js-flag']],
    ['a path with a refused word in it', ['C:\\Users\\inspect\\Regulars.exe', 'remote-debugging-port=1']],
    ['a lone dash or double dash', ['-', '--', '--=x']],
  ])('lets %s through', (_what, argv) => {
    expect(packaged(argv)).toEqual([]);
  });

  it("asks Chromium's own parse too, for every refused name", () => {
    const asked: string[] = [];
    const found = packaged([], 'win32', (name) => {
      asked.push(name);
      return name === 'remote-debugging-pipe' || name === 'js-flags';
    });
    expect(asked).toEqual(REFUSED_SWITCH_NAMES);
    expect(found).toEqual(['js-flags', 'remote-debugging-pipe']);
  });

  it('refuses nothing in development (not packaged), however hostile', () => {
    const hostile = ['--inspect-brk=9229', '--remote-debugging-port=9222', '--js-flags=--inspect', '--no-sandbox'];
    expect(refusedLaunchSwitches({ argv: hostile, isPackaged: false, platform: 'win32', hasSwitch: () => true })).toEqual([]);
  });
});

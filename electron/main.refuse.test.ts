// Wiring test for main.ts's first step: a packaged build started with a debugger's switch exits before anything else.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REFUSED_LAUNCH_EXIT_CODE } from './security/launchSwitches';

const fake = vi.hoisted(() => {
  const state = { isPackaged: true, switches: [] as string[], calls: [] as string[] };
  const record = (name: string) => (...args: unknown[]) => {
    state.calls.push(`${name}(${args.map((arg) => JSON.stringify(arg)).join(',')})`);
    return name === 'app.requestSingleInstanceLock' ? true : undefined;
  };
  const app = {
    get isPackaged() {
      return state.isPackaged;
    },
    commandLine: { hasSwitch: (name: string) => state.switches.includes(name) },
    exit: record('app.exit'),
    quit: record('app.quit'),
    enableSandbox: record('app.enableSandbox'),
    setAppUserModelId: record('app.setAppUserModelId'),
    requestSingleInstanceLock: record('app.requestSingleInstanceLock'),
    on: record('app.on'),
    whenReady: () => {
      state.calls.push('app.whenReady()');
      return new Promise(() => undefined);
    },
    getAppPath: () => '/app',
  };
  const protocol = { registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'), handle: record('protocol.handle') };
  const electron = { app, protocol, BrowserWindow: class {}, Notification: class {}, Menu: {}, dialog: {}, ipcMain: {}, nativeTheme: {}, safeStorage: {}, session: {}, shell: {} };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

async function launch(options: { isPackaged: boolean; argv?: string[]; switches?: string[] }) {
  fake.state.isPackaged = options.isPackaged;
  fake.state.switches = options.switches ?? [];
  fake.state.calls = [];
  const argv = process.argv;
  process.argv = [argv[0]!, ...(options.argv ?? [])];
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    vi.resetModules();
    await import('./main');
    return { calls: fake.state.calls, errors: errors.mock.calls.map((call) => String(call[0])) };
  } finally {
    process.argv = argv;
    errors.mockRestore();
  }
}

afterEach(() => vi.resetModules());

describe('main refuses debugging switches in a packaged build', () => {
  it.each([['--remote-debugging-port=9222'], ['--inspect-brk'], ['--REMOTE-DEBUGGING-PORT', '9222'], ['--js-flags=--inspect']])(
    'exits with its code before anything else, with no window: %s',
    async (...argv) => {
      const { calls, errors } = await launch({ isPackaged: true, argv });
      expect(calls).toEqual([`app.exit(${REFUSED_LAUNCH_EXIT_CODE})`]);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^\[main\] refused to start: a packaged build does not accept --/);
      expect(errors[0]).not.toMatch(/9222|=/);
    },
  );

  it("exits on a switch only Chromium's own parse saw", async () => {
    const { calls } = await launch({ isPackaged: true, switches: ['remote-debugging-pipe'] });
    expect(calls).toEqual([`app.exit(${REFUSED_LAUNCH_EXIT_CODE})`]);
  });

  it('starts as usual without one', async () => {
    const { calls } = await launch({ isPackaged: true, argv: ['--lang=zh-CN'] });
    expect(calls).not.toContain(`app.exit(${REFUSED_LAUNCH_EXIT_CODE})`);
    expect(calls[0]).toMatch(/^protocol\.registerSchemesAsPrivileged/);
    expect(calls).toContain('app.requestSingleInstanceLock()');
  });

  it("starts with the login item's --hidden, which weakens nothing", async () => {
    const { calls } = await launch({ isPackaged: true, argv: ['--hidden'] });
    expect(calls).not.toContain(`app.exit(${REFUSED_LAUNCH_EXIT_CODE})`);
    expect(calls).toContain('app.requestSingleInstanceLock()');
  });

  it('starts in development (not packaged) with the same switches', async () => {
    const { calls } = await launch({ isPackaged: false, argv: ['--remote-debugging-port=9222', '--inspect-brk'], switches: ['remote-debugging-port'] });
    expect(calls).not.toContain(`app.exit(${REFUSED_LAUNCH_EXIT_CODE})`);
    expect(calls).toContain('app.requestSingleInstanceLock()');
  });
});

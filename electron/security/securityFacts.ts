// What the settings' security section is told about Electron's walls, read from what main really uses (the
// window's options, the policy the protocol sends), so the screen cannot say "on" for a wall someone took down.
import type { BrowserWindowConstructorOptions } from 'electron';
import type { AppSecurity } from '../../shared/ipc/contract';

export interface SecurityFactsInput {
  /** process.versions.electron */
  electronVersion: string;
  isPackaged: boolean;
  /** The main window's options (createMainWindowOptions). */
  windowOptions: BrowserWindowConstructorOptions;
  /** Whether app.enableSandbox() was called: every renderer sandboxed, whatever its window says. */
  sandboxEverywhere: boolean;
  /** The Content-Security-Policy the app protocol sends. */
  contentSecurityPolicy: string;
}

export function electronSecurityFacts(input: SecurityFactsInput): AppSecurity {
  const web = input.windowOptions.webPreferences ?? {};
  return {
    electron: {
      version: input.electronVersion,
      packaged: input.isPackaged,
      contextIsolation: web.contextIsolation === true && web.nodeIntegration !== true,
      sandbox: input.sandboxEverywhere && web.sandbox === true,
      contentSecurityPolicy: isStrictPolicy(input.contentSecurityPolicy),
      // Not read back from the binary (no runtime API does): electron-builder writes the fuses when it packages
      // (electronFuses, held by fuses.test.ts), so the row says "set when the app was built". The switch refusal
      // is main's own first step (launchSwitches), active exactly when packaged.
      fuses: input.isPackaged,
      debugSwitchesRefused: input.isPackaged,
    },
  };
}

/** Scripts from the app only: no inline script, no eval, no other host, and a default that allows no more. */
export function isStrictPolicy(policy: string): boolean {
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources.map((source) => source.toLowerCase())] as const),
  );
  const onlySelf = (name: string) => {
    const sources = directives.get(name);
    return sources !== undefined && sources.length > 0 && sources.every((source) => source === "'self'" || source === "'none'");
  };
  return onlySelf('default-src') && onlySelf('script-src') && (directives.get('object-src') ?? []).join(' ') === "'none'";
}

// The page's first script, kept tiny so it runs at once: it starts reading the database pointer (the
// session's first IndexedDB open, slow while the browser's storage starts), then loads start-up
// (main.tsx), whose chunks index.html already preloads.
import { readPointerAtStartup } from './db/activeDatabase';

// Start-up's steps are marked on the page's timeline (names `regulars:*`): the bench reads them after a cold start.
performance.mark('regulars:entry');
// main.tsx takes the answer, a failure included (the recovery screen); this only keeps it from being unhandled meanwhile.
readPointerAtStartup().catch(() => undefined);

// Start-up's modules are evaluated in a few tasks, not one long one: each stage evaluates a part of what
// main.tsx imports (a module is evaluated once; main.tsx finds it done), and the page is free between
// stages. The schemas of the backup files and of the IPC contract are the largest part (zod builds each).
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const STAGES = [() => import('../shared/backup/api'), () => import('./platform/desktopApi'), () => import('./db/database'), () => import('./i18n')];

async function start(): Promise<void> {
  for (const stage of STAGES) {
    // A stage that fails is imported again by main.tsx, which reports it as start-up does.
    await stage().catch(() => undefined);
    await nextTask();
  }
  performance.mark('regulars:modules');
  await import('./main');
}

void start();

// The page's first script, kept tiny so it runs at once: it starts reading the database pointer (the
// session's first IndexedDB open, slow while the browser's storage starts), then loads start-up
// (main.tsx), whose chunks index.html already preloads.
import { readPointerAtStartup } from './db/activeDatabase';

// main.tsx takes the answer, a failure included (the recovery screen); this only keeps it from being unhandled meanwhile.
readPointerAtStartup().catch(() => undefined);
void import('./main');

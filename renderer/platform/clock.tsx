// The app's clock for screens: useClock() gives the root's clock (the context's default: the system's,
// systemClock.ts); modules take it from their caller. e2e tests fix it with Playwright's page.clock.
import { createContext, useContext } from 'react';
import type { Clock } from '../../shared/clock';
import { systemClock } from './systemClock';

export const ClockContext = createContext<Clock>(systemClock);

export function useClock(): Clock {
  return useContext(ClockContext);
}

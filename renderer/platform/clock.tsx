// The app's clock: the one place the renderer reads the system time. Screens take it from useClock(),
// modules from the caller; e2e tests fix it with Playwright's page.clock, unit tests pass their own.
import { createContext, useContext } from 'react';
import type { Clock } from '../../shared/clock';

export const systemClock: Clock = () => new Date();

export const ClockContext = createContext<Clock>(systemClock);

export function useClock(): Clock {
  return useContext(ClockContext);
}

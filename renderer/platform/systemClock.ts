// The system clock: the one place the renderer (page and workers' databases) reads the time. No React here,
// so the database code and workers can use it; screens take it through useClock() (clock.tsx).
import type { Clock } from '../../shared/clock';

export const systemClock: Clock = () => new Date();

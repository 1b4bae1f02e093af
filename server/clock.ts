// All dates are stored as UTC ISO strings and shown in Europe/Amsterdam (STYLE §10). The calendar
// arithmetic itself is pure and shared with the client: ./shared/amsterdam.ts.
export { TIME_ZONE, addDays, addMonths, amsterdamDate, amsterdamTime, amsterdamToUtc, amsterdamWallClock } from './shared/amsterdam';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

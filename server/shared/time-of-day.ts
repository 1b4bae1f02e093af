/**
 * A wall-clock time of day as the forms and the database speak it: HH:MM, 00:00–23:59 (an
 * overleg's start, a controle's start). The one definition of the format (issue 12); pure, for
 * server validation and client forms alike.
 */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isTimeOfDay(value: string): boolean {
  return TIME_OF_DAY.test(value);
}

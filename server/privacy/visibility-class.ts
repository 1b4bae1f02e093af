/**
 * Readers who see exactly the same personal data (issue 12): the live view builds one snapshot per
 * class and shares it among its subscribers. The class is the reader without its user id — role,
 * team, partner and partner kind, and whatever a later rule adds to `Reader` — because
 * `canSeeItem` and `readSubjects` decide on those only. A rule of the gate that looks at the user
 * itself must make this key per user, or two people would share what only one may see.
 */
import type { Reader } from './visibility';

export function visibilityClass(reader: Reader): string {
  const { userId: _userId, ...rest } = reader;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
}

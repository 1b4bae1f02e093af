/**
 * Readers who see exactly the same personal data (issue 12): the live view builds one snapshot per
 * class and shares it among its subscribers. The class is the reader without its user id — role,
 * team, partner and partner kind, and whatever a later rule adds to `Actor` — because
 * `canSeeItem` and `readSubjects` decide on those only. A rule of the gate that looks at the user
 * itself must make this key per user, or two people would share what only one may see.
 */
import type { Actor } from '../auth/actor';

export function visibilityClass(reader: Actor): string {
  // The account itself (who, name, address, language, second factor) is no part of the class.
  const { id: _id, name: _name, email: _email, locale: _locale, twoFactor: _twoFactor, ...rest } = reader;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1)));
}

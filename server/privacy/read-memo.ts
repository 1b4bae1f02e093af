/**
 * What `readSubjects` loads of one team that is the same for every reader (issue 12): the sharing
 * matrix, whether the team winds down, the betrokkenen of a casus with their items, and each
 * item's decrypted value and opaque id. The live view builds one snapshot per visibility class
 * after every change; without a memo each class loaded and decrypted the same items again.
 *
 * A memo holds no decision: who sees which betrokkene and item is decided per reader by the gate
 * (`involvedCaseIds`, `canSeeItem`) exactly as without it. It is made for one team and one change
 * (../domain/live.ts keeps it with that change's shared builds, ../domain/live-shared.ts) and
 * passed explicitly, so it can neither outlive the change nor serve another team.
 */
import type { subjects } from '../../db/schema';
import type { SharingMatrix } from './visibility';

type SubjectRow = typeof subjects.$inferSelect;

export type ReadMemo = {
  readonly teamId: number;
  matrix?: SharingMatrix;
  windDown?: boolean;
  /** Betrokkenen per casus, ordered by id. */
  readonly subjectsByCase: Map<number, SubjectRow[]>;
  /** Item rows per betrokkene (general before police, each by id), as `loadItemRows` returns them. */
  readonly itemsBySubject: Map<number, unknown[]>;
  /** Built items per table, row id and masking: the police table's ids overlap the general one's (P4). */
  readonly items: Map<string, unknown>;
  /** Opaque ids of betrokkenen (./public-ids.ts). */
  readonly subjectIds: Map<number, string>;
};

export function createReadMemo(teamId: number): ReadMemo {
  return { teamId, subjectsByCase: new Map(), itemsBySubject: new Map(), items: new Map(), subjectIds: new Map() };
}

/** The memo for a read in `teamId`; a memo made for another team is a programming error. */
export function memoOfTeam(memo: ReadMemo | undefined, teamId: number): ReadMemo | undefined {
  if (memo && memo.teamId !== teamId) throw new Error('A read memo of one team was used for another.');
  return memo;
}

/** `load(key)` once per memo (every time without one). */
export function remembered<K, V>(map: Map<K, unknown> | undefined, key: K, load: () => V): V {
  if (!map) return load();
  if (map.has(key)) return map.get(key) as V;
  const value = load();
  map.set(key, value);
  return value;
}

/**
 * The rows of `ids` grouped by `group`, loading only the ids the memo does not hold yet (in one
 * call of `load`); every id gets an entry, empty when nothing belongs to it.
 */
export function rememberedGroups<R>(
  map: Map<number, unknown[]> | undefined,
  ids: readonly number[],
  load: (ids: number[]) => R[],
  group: (row: R) => number,
): Map<number, R[]> {
  const missing = map ? [...new Set(ids)].filter((id) => !map.has(id)) : [...new Set(ids)];
  const loaded = new Map<number, R[]>(missing.map((id) => [id, []]));
  if (missing.length > 0) for (const row of load(missing)) loaded.get(group(row))?.push(row);
  if (!map) return loaded;
  for (const [id, rows] of loaded) map.set(id, rows);
  return new Map(ids.map((id) => [id, map.get(id) as R[]]));
}

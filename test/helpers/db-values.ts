// Real values from a seeded database for the mutation fuzz: ids per table and per team, integers
// and short texts per column. They turn a schema-valid input into one the domain code goes on
// with (an existing case of the caller's team) instead of stopping at NOT_FOUND.
import type { OpenDb } from '../../db/client';
import type { Hints } from './zod-arbitrary';

type Values = {
  ids: Map<string, number[]>;
  teamsOf: (table: string) => Map<number, number>;
  numbers: Map<string, number[]>;
  texts: Map<string, string[]>;
  strings: string[];
};

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const distinct = <T>(values: Iterable<T>) => [...new Set(values)];

/**
 * Every id, integer and short text in the seeded database, by table and column, and for each
 * row the team it belongs to (its own team_id, or through its foreign keys: an agenda item
 * through its overleg).
 */
export function harvestValues(db: OpenDb, extraStrings: readonly string[] = []) {
  const sqlite = db.$client;
  const names = (
    sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'")
      .all() as { name: string }[]
  ).map((t) => t.name);
  const rows = new Map(names.map((n) => [n, sqlite.prepare(`SELECT * FROM "${n}"`).all() as Record<string, unknown>[]]));
  const ids = new Map(
    names.map((n) => [
      n,
      rows
        .get(n)!
        .map((r) => r.id)
        .filter((v): v is number => typeof v === 'number'),
    ]),
  );
  const teamOfRow = new Map<string, Map<number, number>>();
  const resolving = new Set<string>();
  const teamsOf = (table: string): Map<number, number> => {
    if (teamOfRow.has(table)) return teamOfRow.get(table)!;
    const result = new Map<number, number>();
    if (resolving.has(table)) return result;
    resolving.add(table);
    const fks = sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string }[];
    for (const row of rows.get(table)!) {
      if (typeof row.id !== 'number') continue;
      if (table === 'teams') result.set(row.id, row.id);
      else if (typeof row.team_id === 'number') result.set(row.id, row.team_id);
      else {
        for (const fk of fks) {
          const team = teamsOf(fk.table).get(row[fk.from] as number);
          if (team !== undefined) {
            result.set(row.id, team);
            break;
          }
        }
      }
    }
    resolving.delete(table);
    teamOfRow.set(table, result);
    return result;
  };
  const numbers = new Map<string, Set<number>>();
  const texts = new Map<string, Set<string>>();
  const strings = new Set<string>();
  // Ciphertexts and hashes differ per run (random keys and salts): leaving them out keeps a
  // reported FUZZ_SEED replayable, and they are no input anyone sends.
  const random = /(_enc|hash)$/;
  for (const row of [...rows.values()].flat()) {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value === 'number' && Number.isInteger(value)) {
        if (!numbers.has(column)) numbers.set(column, new Set());
        numbers.get(column)!.add(value);
      } else if (typeof value === 'string' && value.length <= 200 && !random.test(column)) {
        if (!texts.has(column)) texts.set(column, new Set());
        if (texts.get(column)!.size < 200) texts.get(column)!.add(value);
        if (strings.size < 1000) strings.add(value);
      }
    }
  }
  const values: Values = {
    ids,
    teamsOf,
    numbers: new Map([...numbers].map(([k, v]) => [k, [...v]])),
    texts: new Map([...texts].map(([k, v]) => [k, [...v]])),
    strings: [...strings, ...extraStrings],
  };
  return { hintsFor: (path: string, teamId: number | null) => hintsFor(values, path, teamId) };
}

export type RealValues = ReturnType<typeof harvestValues>;

/**
 * Real values for a field, the caller's team's first: `caseId` draws case ids, `agendaItemId`
 * agenda item ids, a bare `id` the ids of the router's own table, `version` existing versions.
 */
function hintsFor(realValues: Values, path: string, teamId: number | null): Hints {
  const tables = [...realValues.ids.keys()];
  const tablesFor = (words: string): string[] => {
    const last = words.split('_').pop()!;
    for (const candidates of [
      [`${words}s`, words],
      [`${last}s`, last],
      tables.filter((t) => t.endsWith(`_${last}s`)),
      tables.filter((t) => t.startsWith(`${words}_`)),
    ]) {
      const found = candidates.filter((t) => realValues.ids.has(t));
      if (found.length > 0) return found;
    }
    return tables;
  };
  return {
    strings: realValues.strings,
    stringsFor: (key) => realValues.texts.get(snake(key)) ?? [],
    numbersFor(key) {
      const column = realValues.numbers.get(snake(key)) ?? [];
      const idKey = /^(id|ids)$/.test(key) ? snake(path.split('.')[0]!).replace(/s$/, '') : /^(.+?)Ids?$/.exec(key)?.[1];
      if (idKey === undefined) return [column];
      const found = tablesFor(snake(idKey));
      const own = found.flatMap((t) => [...realValues.teamsOf(t)].filter(([, team]) => team === teamId).map(([id]) => id));
      return [own, distinct([...found.flatMap((t) => realValues.ids.get(t)!), ...column])];
    },
  };
}

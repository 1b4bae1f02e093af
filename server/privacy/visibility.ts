/**
 * THE visibility module (SPEC §4 P2, art. 20.3–20.7). Every read path that returns personal data
 * — screens, exports, minutes, reports, live updates — decides through `canSeeItem` here, via
 * `readSubjects` in ./personal-data.ts. Nothing else in the code base decides who sees an item.
 *
 * Rules:
 *  - Items of another team are never visible (callers only load the reader's own team).
 *  - The coordinator sees every item of the team (chairs the overleg; art. 20.5 names the
 *    coordinator beside the gemeenten for police data).
 *  - A member sees the items their own partner provided, and the items the sharing matrix allows
 *    for their partner's kind: `all` → every partner; `gemeenten` → gemeente partners only.
 *  - The matrix is team configuration, but it only ever narrows the covenant's hard limits
 *    (`COVENANT_LIMITS`, art. 20.3–20.7): every read clamps the matrix to them, so a row beyond
 *    them — however it got into the database — widens nothing.
 *  - admin, privacy and viewer see no personal data items on these read paths (the viewer reads
 *    aggregated reports only; admin configures; the FG reviews via the audit log).
 *  - A hidden item is absent. A betrokkene with no visible item is absent too, so neither counts
 *    nor ids reveal that hidden data exist.
 */
import { eq, sql } from 'drizzle-orm';
import { sharingRules, type Audience, type ItemCategory, type PartnerKind } from '../../db/schema';
import type { Db } from '../../db/client';
import { windDownAllows } from './wind-down';
import { restrictionAllows } from './restriction';
import { ANNEX_KINDS, partnerStandingAdmits } from './partner-standing';
import { loadActor, type Actor } from '../auth/actor';
import { preparedPerDb } from '../prepared';

export { ANNEX_KINDS };

export type SharingMatrix = ReadonlyMap<string, Audience>;

export type CovenantLimit = { provides: readonly ItemCategory[]; widest: Audience; article: string };

/**
 * The hard limits of the covenant (PIT art. 20.3–20.7, SPEC §4 P2): which categories each partner
 * kind may provide at all, and the widest audience its items may reach. Police data goes to the
 * gemeenten only "met uitsluiting van de andere convenantpartners" (art. 20.3); the other kinds
 * provide only the categories their article lists; a partner the covenant does not name
 * (`overig`) provides nothing. The team's sharing matrix can narrow these, never widen them.
 */
export const COVENANT_LIMITS: Readonly<Record<PartnerKind, CovenantLimit>> = {
  politie: { provides: ['naw', 'geboortedatum', 'bsn', 'telefoon', 'kenteken', 'naleving'], widest: 'gemeenten', article: '20.3' },
  gemeente: { provides: ['naw', 'geboortedatum', 'bsn', 'telefoon', 'kenteken', 'naleving'], widest: 'all', article: '20.4' },
  sociale_dienst: { provides: ['naw', 'geboortedatum', 'naleving'], widest: 'all', article: '20.5' },
  veiligheidsregio: { provides: ['naw', 'naleving'], widest: 'all', article: '20.6' },
  belastingen: { provides: ['naw', 'naleving'], widest: 'all', article: '20.7' },
  overig: { provides: [], widest: 'gemeenten', article: '20.3–20.7' },
};

/**
 * The audiences the covenant allows for one cell of the matrix, widest first (none = absent).
 * `annexed`: the cell was set by an FG-approved annex; kinds the covenant does not name
 * (`ANNEX_KINDS`) get categories only so, at most their `widest` audience (art. 12.2, 13).
 */
export function allowedAudiences(kind: PartnerKind, category: ItemCategory, annexed = false): Audience[] {
  const limit = COVENANT_LIMITS[kind];
  if (!limit.provides.includes(category) && !(annexed && ANNEX_KINDS.includes(kind))) return [];
  return limit.widest === 'all' ? ['all', 'gemeenten'] : ['gemeenten'];
}

const matrixKey = (kind: PartnerKind, category: ItemCategory) => `${kind}:${category}`;

/** A configured audience clamped to the covenant's limits: narrowed to the widest allowed, or none. */
export function clampToCovenant(
  kind: PartnerKind,
  category: ItemCategory,
  configured: Audience | undefined,
  annexed = false,
): Audience | undefined {
  if (configured === undefined) return undefined;
  const allowed = allowedAudiences(kind, category, annexed);
  return allowed.includes(configured) ? configured : allowed[0];
}

/** The audience of one cell as it takes effect (undefined = this kind may not provide it). */
function effectiveAudience(matrix: SharingMatrix, kind: PartnerKind, category: ItemCategory): Audience | undefined {
  // loadSharingMatrix keeps an ANNEX_KINDS cell only when an approved annex set it.
  return clampToCovenant(kind, category, matrix.get(matrixKey(kind, category)), true);
}

// Read by every view with betrokkenen: prepared once per connection (issue 12).
const sharingRulesQuery = preparedPerDb((db) =>
  db
    .select()
    .from(sharingRules)
    .where(eq(sharingRules.teamId, sql.placeholder('teamId')))
    .prepare(),
);

export function loadSharingMatrix(db: Db, teamId: number): SharingMatrix {
  const rows = sharingRulesQuery(db)
    .all({ teamId })
    .filter((r) => r.annexRef !== null || !ANNEX_KINDS.includes(r.sourceKind));
  return new Map(rows.map((r) => [matrixKey(r.sourceKind, r.category), r.audience]));
}

/** P2: a partner can record only the categories its kind may provide. */
export function mayProvide(matrix: SharingMatrix, sourceKind: PartnerKind, category: ItemCategory): boolean {
  return effectiveAudience(matrix, sourceKind, category) !== undefined;
}

export type ItemOrigin = {
  category: ItemCategory;
  sourcePartnerId: number;
  sourceKind: PartnerKind;
  createdAt: string;
  restrictedAt?: string | null;
};

export function canSeeItem(reader: Actor, matrix: SharingMatrix, item: ItemOrigin): boolean {
  if (!windDownAllows(reader, item)) return false;
  if (!restrictionAllows(reader, item)) return false;
  if (reader.role === 'coordinator') return true;
  if (reader.role !== 'member' || reader.partnerId === null || reader.partnerKind === null) return false;
  if (!partnerStandingAdmits(reader, matrix, item)) return false;
  if (item.sourcePartnerId === reader.partnerId) return true;
  const audience = effectiveAudience(matrix, item.sourceKind, item.category);
  if (audience === 'all') return true;
  if (audience === 'gemeenten') return reader.partnerKind === 'gemeente';
  return false;
}

/**
 * Findings of an integrale controle (type, measure, note) per source partner. Police findings,
 * like police data (art. 20.5), reach the gemeenten and the coordinator only; a partner always
 * sees its own; other partners' findings are shared within the team.
 */
export function canSeeFinding(reader: Actor, source: { partnerId: number; kind: PartnerKind }): boolean {
  if (reader.role === 'coordinator' || reader.partnerId === source.partnerId) return true;
  if (source.kind !== 'politie') return true;
  return reader.role === 'member' && reader.partnerKind === 'gemeente';
}

/**
 * A member of `partner` in the reader's team: e.g. the coordinator printing that partner's
 * briefing. Built by `loadActor`, so that partner's joining date (art. 12) and suspension
 * (BIT art. 6.6) apply exactly as they do to its own members.
 */
export function readerAsPartner(db: Db, reader: Actor, partnerId: number): Actor {
  return loadActor(db, { ...reader, role: 'member', partnerId });
}

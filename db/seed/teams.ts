import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { agendaTemplates, covenants, defaultAgendaTemplate, partners, sharingProposals, sharingRules, teams, themes } from '../schema';
import { defaultSharingMatrix, defaultThemes, type CovenantDef, type TeamDef } from './covenants';

/** Creates a team from its covenant definition; returns its id and partner ids by slug. */
export function createTeamFromCovenant(db: Db, def: TeamDef, now: Date): { teamId: number; partnerIds: Record<string, number> } {
  return db.transaction((tx) => {
    const team = tx
      .insert(teams)
      .values({ slug: def.slug, code: def.code, name: def.name, region: def.region, createdAt: now.toISOString() })
      .returning({ id: teams.id })
      .get();
    tx.insert(covenants)
      .values({ teamId: team.id, ...def.covenant })
      .run();
    const partnerIds: Record<string, number> = {};
    for (const p of def.partners) {
      const row = tx
        .insert(partners)
        .values({ teamId: team.id, name: p.name, shortName: p.shortName, kind: p.kind, joinedOn: def.covenant.startsOn })
        .returning({ id: partners.id })
        .get();
      partnerIds[p.slug] = row.id;
    }
    if (def.informingPartner)
      tx.update(teams).set({ informingPartnerId: partnerIds[def.informingPartner]! }).where(eq(teams.id, team.id)).run();
    const matrix = defaultSharingMatrix();
    tx.insert(sharingRules)
      .values(matrix.map((r) => ({ teamId: team.id, ...r })))
      .run();
    // The matrix's history starts with where the seeded table comes from (art. 13; BIT: own configuration).
    tx.insert(sharingProposals)
      .values({
        teamId: team.id,
        addendumRef: def.matrixBasis,
        status: 'approved',
        proposedAt: now.toISOString(),
        decidedAt: now.toISOString(),
        changes: JSON.stringify(matrix.map((r) => ({ ...r, from: null }))),
      })
      .run();
    tx.insert(themes)
      .values(defaultThemes.map((name, position) => ({ teamId: team.id, name, position })))
      .run();
    tx.insert(agendaTemplates)
      .values({ teamId: team.id, sections: JSON.stringify(defaultAgendaTemplate), updatedAt: now.toISOString() })
      .run();
    return { teamId: team.id, partnerIds };
  });
}

export function findTeamBySlug(db: Db, slug: string) {
  return db.select({ id: teams.id }).from(teams).where(eq(teams.slug, slug)).get();
}

/** An approved covenant record for a team (seed only: the demo's fictitious successor, tests). */
export function registerCovenant(db: Db, teamId: number, def: CovenantDef) {
  return db
    .insert(covenants)
    .values({ teamId, ...def })
    .returning({ id: covenants.id })
    .get();
}

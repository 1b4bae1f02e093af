// Demo data for `npm start` on an empty database (SPEC §6). Everything here is fictitious except
// the partner organisations, which come from the covenants. Never runs in production.
import { count, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { teams, users, type Role } from '../schema';
import { demoSuccessors, teamDefs } from './covenants';
import { createTeamFromCovenant, registerCovenant } from './teams';

export const DEMO_PASSWORD = 'demo-wachtwoord';

export type DemoAccount = { email: string; role: Role; team: string; partner: string | null };

type HashFn = (password: string) => Promise<string>;

// Fictitious names for the demo accounts, one per partner slug.
const memberNames: Record<string, string> = {
  helmond: 'Sanne de Wit',
  asten: 'Joost Verhoeven',
  deurne: 'Lotte van Dijk',
  'gemert-bakel': 'Bram Hendriks',
  laarbeek: 'Eva Smits',
  someren: 'Thijs Janssen',
  politie: 'Mark Bosman',
  vrbzo: 'Ilse Kuijpers',
  senzer: 'Noor van den Berg',
  bsob: 'Ruud Peters',
  blaricum: 'Femke Mulder',
  'gooise-meren': 'Daan Visser',
  hilversum: 'Anouk Bakker',
  huizen: 'Lars de Groot',
  laren: 'Mirjam Vos',
  wijdemeren: 'Koen Meijer',
};

export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(teams).get()?.n ?? 0) === 0;
}

export type DemoIds = {
  teams: Record<'pit' | 'bit', { teamId: number; partnerIds: Record<string, number>; userIds: Record<string, number> }>;
};

/** Seeds both teams with their partners and the demo accounts; returns the ids for further seeding. */
export async function seedDemoTeams(db: Db, hash: HashFn, now: Date): Promise<{ accounts: DemoAccount[]; ids: DemoIds }> {
  const accounts: DemoAccount[] = [];
  const ids = { teams: {} } as DemoIds;
  const passwordHash = await hash(DEMO_PASSWORD);
  for (const def of teamDefs) {
    const { teamId, partnerIds } = createTeamFromCovenant(db, def, now);
    // PIT's real covenant ended 2026-01-01: the demo adds a fictitious, labelled successor.
    const successor = demoSuccessors[def.slug];
    if (successor) registerCovenant(db, teamId, successor);
    // The demo stays one click: no second factor required; its accounts see a banner instead.
    db.update(teams).set({ twoFactorRequired: false }).where(eq(teams.id, teamId)).run();
    const userIds: Record<string, number> = {};
    const domain = `${def.slug}.demo`;
    const firstGemeente = def.partners.find((p) => p.kind === 'gemeente')!.slug;
    type Staff = { local: string; name: string; role: Role; partner: string | null };
    const staff: Staff[] = [
      {
        local: 'coordinator',
        name: def.slug === 'pit' ? 'Marieke Verbeek' : 'Jeroen van Leeuwen',
        role: 'coordinator',
        partner: firstGemeente,
      },
      { local: 'admin', name: 'Functioneel beheer', role: 'admin', partner: null },
      { local: 'fg', name: 'Functionaris gegevensbescherming', role: 'privacy', partner: null },
      {
        local: def.slug === 'pit' ? 'bestuur' : 'dvc',
        name: def.slug === 'pit' ? 'Stuurgroep PIT' : 'DVC Gooi en Vechtstreek',
        role: 'viewer',
        partner: firstGemeente,
      },
      ...def.partners.map((p): Staff => ({ local: p.slug, name: memberNames[p.slug] ?? p.shortName, role: 'member', partner: p.slug })),
    ];
    for (const s of staff) {
      const email = `${s.local}@${domain}`;
      const row = db
        .insert(users)
        .values({
          teamId,
          partnerId: s.partner ? partnerIds[s.partner]! : null,
          email,
          name: s.name,
          role: s.role,
          passwordHash,
          createdAt: now.toISOString(),
        })
        .returning({ id: users.id })
        .get();
      userIds[s.local] = row.id;
      accounts.push({
        email,
        role: s.role,
        team: def.name,
        partner: s.partner ? def.partners.find((p) => p.slug === s.partner)!.shortName : null,
      });
    }
    ids.teams[def.slug] = { teamId, partnerIds, userIds };
  }
  return { accounts, ids };
}

import type { SessionUser } from '../../server/auth/sessions';
import { callerFor, type TestTeam } from './factories';
import type { TestDeps } from './deps';

let houseNumber = 0;

/** A casus in the first gemeente of the team (or the given one), created by `by`. */
export async function makeCase(deps: TestDeps, team: TestTeam, by: SessionUser, overrides: Record<string, unknown> = {}) {
  houseNumber += 1;
  const gemeente = team.slug === 'pit' ? 'helmond' : 'hilversum';
  return callerFor(deps, by).cases.create({
    gemeentePartnerId: team.partnerIds[gemeente]!,
    street: 'Kerkstraat',
    houseNumber,
    postcode: team.slug === 'pit' ? '5701 AB' : '1211 AA',
    city: team.slug === 'pit' ? 'Helmond' : 'Hilversum',
    theme: 'Woonoverlast',
    ...overrides,
  });
}

/** A valid example value for every category (all fictitious). */
export const exampleValues = {
  naw: 'J. de Vries, Voorbeeldlaan 3, Helmond',
  geboortedatum: '1980-05-17',
  bsn: '111222333',
  telefoon: '06 12345678',
  kenteken: 'AB-123-C',
  naleving: 'Vermoedelijk bewoning van bedrijfspand',
} as const;

// Production: creates the team from its covenant (if needed) and its first admin account.
//   npm run create-admin -- --team pit --email beheer@example.nl --name "Functioneel beheer"
// The password is read from the ADMIN_PASSWORD environment variable or asked for on the terminal.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { openDb } from '../../db/client';
import { users } from '../../db/schema';
import { teamDefs } from '../../db/seed/covenants';
import { createTeamFromCovenant, findTeamBySlug } from '../../db/seed/teams';
import { loadConfig } from '../config';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { passwordProblem } from '../auth/password-policy';
import { translate } from '../i18n/messages';
import { appendAudit, bindAuditKey } from '../audit';
import { loadDataKeys } from '../privacy/crypto';

const { values } = parseArgs({ options: { team: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } } });
const def = teamDefs.find((t) => t.slug === values.team);
if (!def || !values.email || !values.name) {
  console.error(`Gebruik: npm run create-admin -- --team ${teamDefs.map((t) => t.slug).join('|')} --email ADRES --name NAAM`);
  process.exit(2);
}
let password = process.env.ADMIN_PASSWORD ?? '';
if (!password) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  password = await rl.question(`Wachtwoord (minstens ${MIN_PASSWORD_LENGTH} tekens): `);
  rl.close();
}
// The same policy as in the app (issue 8, item 11): no common, guessable or personal password.
const problem = passwordProblem(password, { name: values.name, email: values.email });
if (problem) {
  console.error(translate(problem.key, 'nl', 'params' in problem ? problem.params : {}));
  process.exit(2);
}
const config = loadConfig();
const db = openDb(join(config.dataDir, 'overleg.db'));
const now = new Date();
bindAuditKey(db, loadDataKeys(config.dataDir, process.env.APP_DATA_KEY), now);
const email = values.email.trim().toLowerCase();
if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
  console.error('Er bestaat al een account met dit e-mailadres.');
  process.exit(1);
}
const teamId = findTeamBySlug(db, def.slug)?.id ?? createTeamFromCovenant(db, def, now).teamId;
const passwordHash = await hashPassword(password);
const user = db
  .insert(users)
  .values({ teamId, email, name: values.name, role: 'admin', passwordHash, createdAt: now.toISOString() })
  .returning({ id: users.id })
  .get();
appendAudit(db, now, {
  teamId,
  actorId: null,
  action: 'user.created',
  entity: 'user',
  entityId: user.id,
  detail: { role: 'admin', via: 'create-admin' },
});
console.log(`Beheerder ${email} aangemaakt voor ${def.name}.`);
db.$client.close();

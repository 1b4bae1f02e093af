// Issue 8, item 11: common, guessable and personal passwords are refused wherever a password is
// set, with a clear message at the field, in Dutch and English.
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { describeError } from '../../server/trpc';
import { passwordProblem } from '../../server/auth/password-policy';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit');
  const user = await makeUser(deps, pit, 'coordinator', 'helmond', 'Jan Jansen');
  const admin = await makeUser(deps, pit, 'admin');
  return { deps, pit, user, admin };
}

async function refusal(call: () => Promise<unknown>) {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) throw new Error('expected the call to be refused');
  return { nl: describeError(error as never, 'nl'), en: describeError(error as never, 'en') };
}

describe('auth.changePassword refuses weak passwords at the field', () => {
  it('aaaaaaaaaaaa: a repeat, with zxcvbn feedback in Dutch and English', async () => {
    const { deps, user } = await setup();
    const { nl, en } = await refusal(() =>
      callerFor(deps, user).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'aaaaaaaaaaaa' }),
    );
    const message =
      'Kies een sterker wachtwoord: Herhalende letters zoals "aaa" zijn makkelijk te raden. Voeg meer woorden toe die minder vaak voorkomen.';
    expect(nl).toEqual({ key: 'auth.passwordWeak', message, fieldErrors: { newPassword: message } });
    expect(en.message).toBe(
      'Choose a stronger password: Repeated characters like "aaa" are easy to guess. Add more words that are less common.',
    );
  });

  it('123456789012: a common password', async () => {
    const { deps, user } = await setup();
    const { nl } = await refusal(() =>
      callerFor(deps, user).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: '123456789012' }),
    );
    expect(nl.fieldErrors).toEqual({
      newPassword: 'Kies een sterker wachtwoord: Dit wachtwoord wordt veel gebruikt. Voeg meer woorden toe die minder vaak voorkomen.',
    });
  });

  it('a password with the name or the e-mail address in it', async () => {
    const { deps, user } = await setup();
    for (const newPassword of ['Jansen-Peelland-2026!', 'zomer-JAN-boot-fiets-7', `${user.email.split('@')[0]}-extra-lang`]) {
      const { nl } = await refusal(() => callerFor(deps, user).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword }));
      expect(nl).toEqual({
        key: 'auth.passwordHasPersonalInfo',
        message: 'Kies een sterker wachtwoord: het mag uw naam of e-mailadres niet bevatten.',
        fieldErrors: { newPassword: 'Kies een sterker wachtwoord: het mag uw naam of e-mailadres niet bevatten.' },
      });
    }
  });

  it('a wrong current password is shown at its own field and changes nothing', async () => {
    const { deps, user } = await setup();
    const { nl } = await refusal(() =>
      callerFor(deps, user).auth.changePassword({ currentPassword: 'niet-het-huidige', newPassword: 'paard-batterij-nietje-correct' }),
    );
    expect(nl.fieldErrors).toEqual({ currentPassword: 'Het huidige wachtwoord klopt niet.' });
    await expect(
      callerFor(deps, user).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'paard-batterij-nietje-correct' }),
    ).resolves.toEqual({ ok: true });
  });
});

describe('activating an account applies the same policy', () => {
  it('refuses a common password, or one with the name in it, at the password field', async () => {
    const { deps, pit, admin } = await setup();
    const created = await callerFor(deps, admin).users.create({
      name: 'Nieuwe Collega',
      email: 'nieuw@pit.test',
      role: 'member',
      partnerId: pit.partnerIds.helmond,
    });
    const token = created.activationLink!.split('#')[1]!;
    const { nl } = await refusal(() => callerFor(deps, null).auth.activate({ token, password: 'wachtwoord1234' }));
    expect(nl.key).toBe('auth.passwordWeak');
    expect(Object.keys(nl.fieldErrors ?? {})).toEqual(['password']);
    const { nl: personal } = await refusal(() => callerFor(deps, null).auth.activate({ token, password: 'collega-paard-batterij' }));
    expect(personal.key).toBe('auth.passwordHasPersonalInfo');
    // Refused twice, the link still works for a good password.
    await expect(callerFor(deps, null).auth.activate({ token, password: 'paard-batterij-nietje-correct' })).resolves.toEqual({ ok: true });
  });
});

describe('passwordProblem', () => {
  it('accepts long unguessable passphrases and refuses short ones', () => {
    const person = { name: 'Jan Jansen', email: 'jan.jansen@pit.test' };
    expect(passwordProblem('paard-batterij-nietje-correct', person)).toBeNull();
    expect(passwordProblem(TEST_PASSWORD, person)).toBeNull();
    expect(passwordProblem('kort', person)).toEqual({ key: 'auth.passwordTooWeak' });
    expect(passwordProblem('welkom01welkom01', person)?.key).toBe('auth.passwordWeak');
  });
});

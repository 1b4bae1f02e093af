// One realistic PIT overleg with everything the verslag assembles: attendance, notes and
// decisions, a werkafspraak and tasks for a pand with betrokkenen from the police and a gemeente,
// and actions carried over from the previous overleg. All fictitious.
import { createTestDeps } from './deps';
import { callerFor, makeTeam, makeUser } from './factories';
import { makeCase } from './cases';
import { closeMeeting, insertMeeting } from './meetings';
import type { Config } from '../../server/config';

export const POLICE_NAW = 'P. Politiebekend, Steeg 1, Helmond';
export const POLICE_KENTEKEN = '12-ABC-3';
export const GEMEENTE_NALEVING = 'Onrechtmatige bewoning gemeld';

export async function minutesScenario(config: Partial<Config> = {}) {
  const deps = createTestDeps({ now: '2026-11-10T09:00:00Z', config });
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond', 'Marieke Verbeek');
  const gemeente = await makeUser(deps, pit, 'member', 'asten', 'Joost Verhoeven');
  const politie = await makeUser(deps, pit, 'member', 'politie', 'Mark Bosman');
  const senzer = await makeUser(deps, pit, 'member', 'senzer', 'Noor van den Berg');
  const viewer = await makeUser(deps, pit, 'viewer', 'helmond');
  const coord = callerFor(deps, coordinator);

  const pand = await makeCase(deps, pit, coordinator);
  const policeSubject = await callerFor(deps, politie).subjects.add({
    caseId: pand.id,
    kind: 'person',
    items: [
      { category: 'naw', value: POLICE_NAW },
      { category: 'kenteken', value: POLICE_KENTEKEN },
    ],
  });
  const gemeenteSubject = await callerFor(deps, gemeente).subjects.add({
    caseId: pand.id,
    kind: 'person',
    items: [{ category: 'naleving', value: GEMEENTE_NALEVING }],
  });

  // The previous overleg, two weeks earlier, with one action still open and one done since.
  const previous = insertMeeting(deps, pit, { startsAt: '2026-11-10T08:30:00.000Z', status: 'bezig', chair: coordinator });
  const stillOpen = await coord.tasks.create({
    title: 'Eigenaar aanschrijven',
    assigneePartnerId: pit.partnerIds.helmond!,
    dueDate: '2026-11-20',
    meetingId: previous.id,
    caseId: pand.id,
    confirmPast: true,
  });
  const doneBefore = await coord.tasks.create({
    title: 'Inschrijvingen controleren',
    assigneePartnerId: pit.partnerIds.senzer!,
    dueDate: '2026-11-20',
    meetingId: previous.id,
    confirmPast: true,
  });
  closeMeeting(deps, coordinator, previous.id);
  deps.clock.set('2026-11-12T10:00:00Z');
  await callerFor(deps, senzer).tasks.complete({ id: doneBefore.id, resultNote: 'Gecontroleerd, geen bijzonderheden' });

  // This overleg.
  deps.clock.set('2026-11-24T08:30:00Z');
  const meeting = insertMeeting(deps, pit, {
    startsAt: '2026-11-24T08:30:00.000Z',
    title: 'Overleg PIT Peelland',
    chair: coordinator,
    items: [
      { section: 'opening', title: 'Opening en mededelingen', notes: 'Welkom aan de nieuwe deelnemer van Senzer.' },
      { section: 'verslag', title: 'Verslag en actielijst vorig overleg', decisions: 'Verslag vastgesteld.' },
      {
        section: 'lopende_casussen',
        title: 'Bespreking pand',
        caseId: pand.id,
        presenterPartnerId: pit.partnerIds.asten!,
        notes: 'Signalen van overbewoning.',
        decisions: 'Integrale controle in december.',
      },
      { section: 'rondvraag', title: 'Rondvraag' },
      { section: 'rondvraag', title: 'Afgewezen voorstel', state: 'afgewezen', notes: 'mag niet in het verslag' },
    ],
    attendance: [
      { partnerId: pit.partnerIds.helmond!, status: 'aanwezig', attendees: [coordinator] },
      { partnerId: pit.partnerIds.asten!, status: 'aanwezig', attendees: [gemeente] },
      { partnerId: pit.partnerIds.politie!, status: 'aanwezig', attendees: [politie] },
      { partnerId: pit.partnerIds.senzer!, status: 'afgemeld' },
    ],
  });
  deps.clock.set('2026-11-24T09:15:00Z');
  const agreement = await coord.agreements.create({
    caseId: pand.id,
    text: 'Gemeente Asten bereidt een last onder dwangsom voor',
    responsiblePartnerId: pit.partnerIds.asten!,
    meetingId: meeting.id,
    subjectIds: [policeSubject.id, gemeenteSubject.id],
  });
  const policeTask = await coord.tasks.create({
    title: 'Controle uitvoeren met handhaving',
    assigneePartnerId: pit.partnerIds.politie!,
    dueDate: '2026-12-08',
    meetingId: meeting.id,
    caseId: pand.id,
  });
  const senzerTask = await coord.tasks.create({
    title: 'Uitkering toetsen',
    assigneePartnerId: pit.partnerIds.senzer!,
    dueDate: '2026-12-08',
    meetingId: meeting.id,
    caseId: pand.id,
  });
  deps.clock.set('2026-11-24T10:30:00Z');
  const { minutesId } = closeMeeting(deps, coordinator, meeting.id);
  deps.clock.set('2026-11-25T09:00:00Z');

  return {
    deps,
    pit,
    coordinator,
    gemeente,
    politie,
    senzer,
    viewer,
    pand,
    meeting,
    previous,
    minutesId,
    agreement,
    policeTask,
    senzerTask,
    stillOpen,
    doneBefore,
  };
}

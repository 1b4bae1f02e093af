import { createMemo, createResource, createSignal, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole, me } from '../../lib/session';
import { kindLabel, roleLabel } from '../../lib/labels';
import { formatDateTime, formatDay, t, today } from '../../i18n';
import { DataTable } from '../../components/DataTable';
import { Alert, Button, CheckboxField, SelectField, TextField } from '../../components/Form';
import SharingMatrix from './SharingMatrix';
import AgendaTemplate from '../meetings/AgendaTemplate';
import SecurityEvents from './SecurityEvents';
import PartnerCovenant from './PartnerCovenant';

export default function Team() {
  const [team, { refetch: refetchTeam }] = createResource(() => api.team.get.query());
  const [partners, { refetch: refetchPartners }] = createResource(() => api.partners.list.query());
  const canReadMembers = () => hasRole('coordinator', 'member', 'admin', 'privacy');
  const [members, { refetch: refetchMembers }] = createResource(canReadMembers, () => api.team.members.query());
  const manager = () => hasRole('coordinator', 'admin');
  const partnerName = createMemo(() => new Map((partners() ?? []).map((p) => [p.id, p.name])));
  const activePartners = () => (partners() ?? []).filter((p) => p.active);

  const [reissued, setReissued] = createSignal<Issued | null>(null);
  const reissue = createAction(async (userId: number, name: string) => {
    setReissued({ name, ...(await api.users.reissueActivation.mutate({ userId })) });
    await refetchMembers();
  });
  const resetTwoFactor = createAction(async (userId: number) => {
    await api.users.resetTwoFactor.mutate({ userId });
    await refetchMembers();
  });
  const toggle = createAction(async (userId: number, disabled: boolean) => {
    await api.users.setDisabled.mutate({ userId, disabled });
    await refetchMembers();
  });

  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {team()?.name ?? t('team.title')}
      </h1>
      <Show when={team()}>
        {(tm) => (
          <div class="card">
            <h2 class="utrecht-heading-2">{t('team.covenant')}</h2>
            <p class="utrecht-paragraph">{tm().covenant.title}</p>
            <dl class="facts">
              <dt>{t('team.covenantPeriod')}</dt>
              <dd>
                {tm().covenant.endsOn
                  ? `${formatDay(tm().covenant.startsOn, 'long')} – ${formatDay(tm().covenant.endsOn, 'long')}`
                  : t('team.covenantOpenEnded', { start: formatDay(tm().covenant.startsOn, 'long') })}
              </dd>
              <dt>{t('team.reporting')}</dt>
              <dd>
                {t(`team.cadence.${tm().covenant.reportingCadence}` as 'team.cadence.yearly')} — {tm().covenant.reportRecipient}
              </dd>
              <dt>{t('team.covenantStatus')}</dt>
              <dd>{tm().covenant.active ? t('team.covenantActive') : t('team.covenantInactive')}</dd>
            </dl>
            <p class="utrecht-paragraph">
              <A class="utrecht-link" href="/team/convenant">
                {t('covenant.link')}
              </A>
            </p>
          </div>
        )}
      </Show>

      <DataTable
        caption={t('team.partners')}
        resource={partners}
        empty={t('app.none')}
        rowTestId="partner-row"
        columns={[
          { header: t('team.partnerName'), rowHeader: true, cell: (p) => p.name },
          { header: t('team.partnerKind'), cell: (p) => kindLabel(p.kind) },
          { header: t('team.joinedOn'), cell: (p) => formatDay(p.joinedOn) },
          { header: t('team.leftOn'), cell: (p) => formatDay(p.leftOn) },
          {
            header: t('team.partnerStatus'),
            cell: (p) => (
              <>
                {p.leftOn && p.leftOn <= today()
                  ? t('team.partnerLeft')
                  : p.leftOn
                    ? t('team.partnerLeaving', { date: formatDay(p.leftOn) })
                    : t('team.partnerActive')}
              </>
            ),
          },
        ]}
      />

      <Show when={canReadMembers()}>
        <Show when={toggle.error() ?? reissue.error() ?? resetTwoFactor.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
        <Show when={reissued()}>{(r) => <IssuedLink issued={r()} />}</Show>
        <DataTable
          caption={t('team.members')}
          resource={members}
          empty={t('app.none')}
          columns={[
            { header: t('team.memberName'), rowHeader: true, cell: (m) => m.name },
            { header: t('team.memberPartner'), cell: (m) => (m.partnerId ? partnerName().get(m.partnerId) : '') },
            { header: t('team.memberRole'), cell: (m) => roleLabel(m.role) },
            {
              header: t('team.memberEmail'),
              cell: (m) => (
                <>
                  <a class="utrecht-link" href={`mailto:${m.email}`}>
                    {m.email}
                  </a>
                </>
              ),
            },
            {
              header: t('team.memberStatus'),
              cell: (m) => (
                <>
                  {m.disabled ? t('team.memberDisabled') : t('team.memberEnabled')}
                  <Show when={m.activationPendingUntil}>
                    {(until) => (
                      <>
                        {' · '}
                        {until() > new Date().toISOString()
                          ? t('team.activationPending', { until: formatDateTime(until()) })
                          : t('team.activationExpired')}
                        <Show when={manager() && (hasRole('admin') || m.role === 'member' || m.role === 'viewer')}>
                          {' '}
                          <Button
                            variant="subtle"
                            busy={reissue.busy()}
                            aria-label={`${t('team.reissue')}: ${m.name}`}
                            onClick={() => void reissue.run(m.id, m.name)}
                          >
                            {t('team.reissue')}
                          </Button>
                        </Show>
                      </>
                    )}
                  </Show>
                  <Show when={m.twoFactor}>
                    {' · '}
                    {t('team.twoFactorOn')}
                    <Show when={hasRole('admin') && m.id !== me()?.id}>
                      {' '}
                      <Button
                        variant="subtle"
                        busy={resetTwoFactor.busy()}
                        aria-label={`${t('team.resetTwoFactor')}: ${m.name}`}
                        onClick={() => {
                          if (confirm(t('team.resetTwoFactorConfirm', { name: m.name }))) void resetTwoFactor.run(m.id);
                        }}
                      >
                        {t('team.resetTwoFactor')}
                      </Button>
                    </Show>
                  </Show>
                  <Show when={manager() && m.id !== me()?.id && (hasRole('admin') || m.role === 'member' || m.role === 'viewer')}>
                    {' '}
                    <Button
                      variant="subtle"
                      busy={toggle.busy()}
                      aria-label={`${m.disabled ? t('team.enable') : t('team.disable')}: ${m.name}`}
                      onClick={() => {
                        if (m.disabled || confirm(t('team.disableConfirm', { name: m.name }))) void toggle.run(m.id, !m.disabled);
                      }}
                    >
                      {m.disabled ? t('team.enable') : t('team.disable')}
                    </Button>
                  </Show>
                </>
              ),
            },
          ]}
        />
      </Show>

      <Show when={hasRole('admin') && team()}>
        {(tm) => <TwoFactorSetting required={tm().twoFactorRequired} onChanged={() => void refetchTeam()} />}
      </Show>

      <Show when={hasRole('admin')}>
        <SecurityEvents />
      </Show>

      <Show when={hasRole('coordinator', 'admin', 'privacy')}>
        <SharingMatrix />
        <PartnerCovenant partners={partners() ?? []} onChanged={() => void refetchPartners()} />
      </Show>

      <Show when={manager()}>
        <AgendaTemplate />
        <div class="grid-2">
          <AddMember partners={activePartners()} onAdded={() => void refetchMembers()} />
          <LeavePartner
            partners={activePartners().filter((p) => !p.leftOn)}
            months={team()?.covenant.leaveNoticeMonths ?? 0}
            onLeft={() => void refetchPartners()}
          />
        </div>
      </Show>
    </section>
  );
}

function AddMember(props: { partners: { id: number; name: string }[]; onAdded: () => void }) {
  const roles = () => (hasRole('admin') ? ['member', 'viewer', 'coordinator', 'privacy', 'admin'] : ['member', 'viewer']);
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [role, setRole] = createSignal('member');
  const [partnerId, setPartnerId] = createSignal('');
  const [added, setAdded] = createSignal<Issued | null>(null);
  // No password: the new member chooses one with a one-time activation link (issue 8 item 12).
  const add = createAction(async () => {
    const result = await api.users.create.mutate({
      name: name(),
      email: email(),
      role: role() as 'member',
      partnerId: partnerId() ? Number(partnerId()) : null,
    });
    setAdded({ name: name(), ...result });
    setName('');
    setEmail('');
    props.onAdded();
  });
  return (
    <form
      class="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        setAdded(null);
        void add.run();
      }}
    >
      <h2 class="utrecht-heading-2">{t('team.addMember')}</h2>
      <p class="utrecht-paragraph">{t('team.activationHint')}</p>
      <Show when={add.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={added()}>{(a) => <IssuedLink issued={a()} />}</Show>
      <TextField
        label={t('team.memberName')}
        value={name()}
        onInput={(e) => setName(e.currentTarget.value)}
        error={add.field('name')}
        autocomplete="off"
      />
      <TextField
        label={t('team.memberEmail')}
        type="email"
        value={email()}
        onInput={(e) => setEmail(e.currentTarget.value)}
        error={add.field('email')}
        autocomplete="off"
      />
      <SelectField
        label={t('team.memberRole')}
        value={role()}
        onChange={(e) => setRole(e.currentTarget.value)}
        options={roles().map((r) => ({ value: r, label: roleLabel(r) }))}
      />
      <SelectField
        label={t('team.memberPartner')}
        value={partnerId()}
        placeholder={t('team.choosePartner')}
        onChange={(e) => setPartnerId(e.currentTarget.value)}
        options={props.partners.map((p) => ({ value: p.id, label: p.name }))}
        error={add.field('partnerId')}
        optional={role() === 'privacy' || role() === 'admin'}
      />
      <Button type="submit" variant="primary" busy={add.busy()}>
        {t('team.addMember')}
      </Button>
    </form>
  );
}

type Issued = { name: string; mailed: boolean; activationLink: string | null; expiresAt: string };

/** The outcome of creating an account or re-issuing its link: mailed, or the link to hand over. */
function IssuedLink(props: { issued: Issued }) {
  return (
    <Show when={props.issued.activationLink} fallback={<Alert kind="ok">{t('team.activationMailed', { name: props.issued.name })}</Alert>}>
      {(link) => (
        <div class="stack" data-testid="activation-link">
          <Alert kind="ok">{t('team.memberAdded', { name: props.issued.name })}</Alert>
          <TextField
            label={t('team.activationLink', { name: props.issued.name })}
            description={t('team.activationLinkHint', { until: formatDateTime(props.issued.expiresAt) })}
            value={link()}
            readonly
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </Show>
  );
}

/** BIO 23.1a: the admin's team setting "2FA verplicht". */
function TwoFactorSetting(props: { required: boolean; onChanged: () => void }) {
  const save = createAction(async (required: boolean) => {
    await api.team.setTwoFactorRequired.mutate({ required });
    props.onChanged();
  });
  return (
    <div class="card stack">
      <h2 class="utrecht-heading-2">{t('team.security')}</h2>
      <Show when={save.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <CheckboxField
        label={t('team.twoFactorRequired')}
        description={t('team.twoFactorRequiredHint')}
        checked={props.required}
        onChange={(checked) => void save.run(checked)}
      />
    </div>
  );
}

function LeavePartner(props: { partners: { id: number; name: string; version: number }[]; months: number; onLeft: () => void }) {
  const [partnerId, setPartnerId] = createSignal('');
  const [noticeOn, setNoticeOn] = createSignal(today());
  const [leftOn, setLeftOn] = createSignal('');
  const [left, setLeft] = createSignal<string | null>(null);
  const leave = createAction(async () => {
    const partner = props.partners.find((p) => p.id === Number(partnerId()));
    await api.partners.leave.mutate({
      partnerId: Number(partnerId()),
      noticeGivenOn: noticeOn(),
      leftOn: leftOn(),
      version: partner?.version ?? 1,
    });
    setLeft(partner?.name ?? '');
    props.onLeft();
  });
  return (
    <form
      class="card stack"
      onSubmit={(e) => {
        e.preventDefault();
        setLeft(null);
        void leave.run();
      }}
    >
      <h2 class="utrecht-heading-2">{t('team.leavePartner')}</h2>
      <p class="utrecht-paragraph">{t('leaving.hint', { months: props.months })}</p>
      <Show when={leave.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={left()}>{(n) => <Alert kind="ok">{t('team.partnerLeaveRegistered', { name: n() })}</Alert>}</Show>
      <SelectField
        label={t('team.partnerName')}
        value={partnerId()}
        placeholder={t('team.choosePartner')}
        onChange={(e) => setPartnerId(e.currentTarget.value)}
        options={props.partners.map((p) => ({ value: p.id, label: p.name }))}
        error={leave.field('partnerId')}
      />
      <TextField
        label={t('team.noticeOn')}
        type="date"
        value={noticeOn()}
        onInput={(e) => setNoticeOn(e.currentTarget.value)}
        error={leave.field('noticeGivenOn')}
      />
      <TextField
        label={t('team.leftOn')}
        type="date"
        min={noticeOn()}
        value={leftOn()}
        onInput={(e) => setLeftOn(e.currentTarget.value)}
        error={leave.field('leftOn')}
      />
      <Button type="submit" busy={leave.busy()}>
        {t('team.leavePartner')}
      </Button>
    </form>
  );
}

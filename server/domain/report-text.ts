/**
 * The generated text of the progress report (Dutch; team-level totals only, never a per-gemeente
 * small number): written from the suppressed report, so a hidden figure reads as the tables show it.
 */
import { measureLabel } from '../../db/catalogues';
import type { ProgressReport } from './report-types';

const longDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const formatDateNl = (date: string) => longDate.format(new Date(`${date}T00:00:00Z`));

export function narrative(r: ProgressReport): string[] {
  // Suppressed key figures read as the tables show them: never the number behind the mark.
  const k = r.suppression.threshold;
  const h = Object.fromEntries(r.headline.map((x) => [x.key, x]));
  const hidden = (key: string, side: 'current' | 'previous' = 'current') => h[key]?.mask?.[side];
  const text = (key: string, side: 'current' | 'previous') =>
    hidden(key, side) === 'small' ? `minder dan ${k}` : hidden(key, side) ? 'een niet gepubliceerd aantal' : String(h[key]?.[side] ?? 0);
  const v = (key: string) => h[key]?.current ?? 0;
  const cmp = (key: string) => {
    const cur = h[key]?.current ?? null;
    const prev = h[key]?.previous ?? null;
    if (hidden(key, 'previous')) return hidden(key) ? '' : ` (vorige periode: ${text(key, 'previous')})`;
    if (cur === null && !hidden(key)) return '';
    if (prev === null) return '';
    if (cur === prev) return ' (evenveel als in de vorige periode)';
    return ` (vorige periode: ${prev})`;
  };
  const plural = (n: number | null, one: string, many: string) => `${n ?? 0} ${n === 1 ? one : many}`;
  const count = (key: string, one: string, many: string) => (hidden(key) ? `${text(key, 'current')} ${many}` : plural(v(key), one, many));
  const lines: string[] = [];
  lines.push(
    `Deze voortgangsrapportage van ${r.team.name} beslaat de periode van ${formatDateNl(r.period.from)} tot en met ${formatDateNl(r.period.to)} ` +
      `en vergelijkt die met de periode van ${formatDateNl(r.previousPeriod.from)} tot en met ${formatDateNl(r.previousPeriod.to)}. ` +
      `Zij bevat uitsluitend geaggregeerde cijfers en geen persoonsgegevens (art. 20.13 van het convenant).`,
  );
  lines.push(
    `In deze periode zijn ${count('casesOpened', 'casus', 'casussen')} geopend${cmp('casesOpened')}, ` +
      `${count('casesActivated', 'casus', 'casussen')} actief gemaakt${cmp('casesActivated')} en ${count('casesClosed', 'casus', 'casussen')} afgerond${cmp('casesClosed')}. ` +
      `${!hidden('avoRequests') && v('avoRequests') === 0 ? 'Er kwamen geen AVO-verzoeken binnen.' : `${count('avoRequests', 'casus kwam', 'casussen kwamen')} voort uit een AVO-verzoek${cmp('avoRequests')}.`}`,
  );
  const pct = h.tasksOnTimePct?.current;
  const med = h.medianDaysToDone?.current;
  lines.push(
    `Er ${v('meetingsHeld') === 1 ? 'is 1 overleg' : `zijn ${v('meetingsHeld')} overleggen`} gehouden${cmp('meetingsHeld')}` +
      `${h.attendancePct?.current != null ? `, met een gemiddelde opkomst van ${h.attendancePct.current}%` : ''}. ` +
      `Er zijn ${plural(v('agreements'), 'werkafspraak', 'werkafspraken')} gemaakt en ${plural(v('tasksCreated'), 'taak', 'taken')} uitgezet; ` +
      `${plural(v('tasksDone'), 'taak kwam', 'taken kwamen')} gereed${pct != null ? `, waarvan ${pct}% op tijd` : ''}` +
      `${med != null ? ` (mediane doorlooptijd ${String(med).replace('.', ',')} ${med === 1 ? 'dag' : 'dagen'})` : ''}. ` +
      `Aan het eind van de periode ${v('tasksOverdue') === 1 ? 'stond 1 taak' : `stonden ${v('tasksOverdue')} taken`} over de termijn.`,
  );
  const measureTotals = new Map<string, number>();
  for (const [key, value] of Object.entries(r.tables.find((t) => t.id === 'controls_by_partner')?.totals?.current ?? {})) {
    if (key.startsWith('measure:') && value) measureTotals.set(key, value); // a hidden total is null: left out
  }
  const top = [...measureTotals.entries()]
    .filter(([key]) => key !== 'measure:geen')
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  lines.push(
    v('controlsHeld') === 0
      ? `Er zijn in deze periode geen integrale controles uitgevoerd${cmp('controlsHeld')}.`
      : `Er ${v('controlsHeld') === 1 ? 'is 1 integrale controle' : `zijn ${v('controlsHeld')} integrale controles`} uitgevoerd${cmp('controlsHeld')}, ` +
          `met ${count('findings', 'bevinding', 'bevindingen')}.` +
          (top.length
            ? ` De meest opgelegde maatregelen: ${top.map(([key, n]) => `${measureLabel(key.slice(8)).nl.toLowerCase()} (${n})`).join(', ')}.`
            : ''),
  );
  if (r.team.cadence === 'half_yearly' || v('escalationsRaised') > 0 || v('escalationsResolved') > 0) {
    lines.push(
      `${v('escalationsRaised') === 0 ? 'Er zijn geen knelpunten' : `Er ${v('escalationsRaised') === 1 ? 'is 1 knelpunt' : `zijn ${v('escalationsRaised')} knelpunten`}`} ` +
        `geëscaleerd naar het ${r.team.recipient.startsWith('Districtelijk') ? 'DVC' : 'bestuur'}${cmp('escalationsRaised')}; ` +
        `${plural(v('escalationsResolved'), 'escalatie is', 'escalaties zijn')} in de periode afgehandeld.`,
    );
  }
  if (r.suppression.threshold > 1) {
    lines.push(
      `Om herleidbaarheid te voorkomen worden aantallen casussen en bevindingen van 1 tot en met ${r.suppression.threshold - 1} ` +
        `weergegeven als "< ${r.suppression.threshold}"; waar nodig is een ander aantal of totaal verborgen ("x") zodat een klein aantal niet uit totalen valt terug te rekenen.`,
    );
  }
  return lines;
}

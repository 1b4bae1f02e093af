// A small accessible bar chart in plain SVG: this period (dark) against the previous (light).
// The SVG is an image with a title and description; the same numbers are always in a table.
import { createUniqueId, For } from 'solid-js';
import { t } from '../i18n';

export type Bar = { label: string; current: number; previous: number };

/**
 * A label in lines of at most `max` characters, broken between words: a long label such as
 * "Taken over de termijn (einde periode)" ran off the left edge of the chart (issue 9 item 15).
 */
export function labelLines(label: string, max = 26): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + ' ' + word).length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 2 ? [lines[0]!, lines.slice(1).join(' ')] : lines;
}

export function BarChart(props: { title: string; bars: Bar[] }) {
  const id = createUniqueId();
  const rowHeight = 34;
  const labelWidth = 214; // room for two lines of 26 characters at 13 px
  const width = 640;
  const chartWidth = width - labelWidth - 50;
  const max = () => Math.max(1, ...props.bars.flatMap((b) => [b.current, b.previous]));
  const height = () => props.bars.length * rowHeight + 8;
  return (
    <figure class="chart">
      <svg
        viewBox={`0 0 ${width} ${height()}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t`}
        aria-describedby={`${id}-d`}
        style={{ 'max-width': `${width}px` }}
      >
        <title id={`${id}-t`}>{t('reports.chartTitle', { title: props.title })}</title>
        <desc id={`${id}-d`}>{t('reports.chartDesc')}</desc>
        <For each={props.bars}>
          {(bar, i) => {
            const y = () => i() * rowHeight + 4;
            const w = (v: number) => Math.max(v > 0 ? 2 : 0, (v / max()) * chartWidth);
            return (
              <g>
                <text
                  x={labelWidth - 8}
                  y={y() + 18 - (labelLines(bar.label).length - 1) * 7}
                  text-anchor="end"
                  font-size="13"
                  fill="#1a1a1a"
                >
                  <For each={labelLines(bar.label)}>
                    {(line, k) => (
                      <tspan x={labelWidth - 8} dy={k() === 0 ? 0 : 14}>
                        {line}
                      </tspan>
                    )}
                  </For>
                </text>
                <rect x={labelWidth} y={y() + 2} width={w(bar.current)} height="13" fill="#154273" />
                <text x={labelWidth + w(bar.current) + 4} y={y() + 13} font-size="11" fill="#1a1a1a">
                  {bar.current}
                </text>
                <rect x={labelWidth} y={y() + 16} width={w(bar.previous)} height="9" fill="#8fa8c8" />
                <text x={labelWidth + w(bar.previous) + 4} y={y() + 25} font-size="10" fill="#4a4a4a">
                  {bar.previous}
                </text>
              </g>
            );
          }}
        </For>
      </svg>
      <figcaption class="muted">
        <span class="legend legend--current" aria-hidden="true" /> {t('reports.current')} ·{' '}
        <span class="legend legend--previous" aria-hidden="true" /> {t('reports.previous')}
      </figcaption>
    </figure>
  );
}

import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { REPORT_FONT } from './fonts';

/**
 * Report charts drawn by ECharts as SVG in main, without a DOM (server-side rendering) and
 * without animation, so the printed chart is the final one. The SVG is then made fit for a
 * document under a strict Content-Security-Policy: no inline `style` attributes and no
 * `<style>` element (ECharts' only rules there are hover effects, meaningless on paper).
 */
echarts.use([BarChart, GridComponent, SVGRenderer]);

const INK = '#1f2328';
const MUTED = '#5b6570';
const LINE = '#d8dde3';
const BAR = '#b3261e';

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

function render(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...size });
  try {
    chart.setOption({
      animation: false,
      textStyle: { fontFamily: REPORT_FONT, color: INK },
      ...option,
    });
    return svgForPrint(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

const PRESENTATION = new Set([
  'font-size',
  'font-family',
  'font-weight',
  'font-style',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'opacity',
]);

function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * Moves each `style="…"` declaration that SVG also accepts as a presentation attribute into
 * that attribute, drops the rest, and removes `<style>` elements.
 */
export function svgForPrint(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ style="([^"]*)"/g, (_m, decls: string) =>
      decls
        .split(';')
        .map((d) => {
          const i = d.indexOf(':');
          if (i < 0) return '';
          const prop = d.slice(0, i).trim();
          const value = d
            .slice(i + 1)
            .trim()
            .replace(/&quot;/g, '"');
          return PRESENTATION.has(prop) && value !== '' ? ` ${prop}="${attr(value)}"` : '';
        })
        .join(''),
    );
}

/** Ties by continent: a horizontal bar per continent with ties, the most at the top. */
export function continentChart(
  rows: readonly { readonly label: string; readonly value: number }[],
  size: ChartSize = { width: 640, height: Math.max(120, 40 + rows.length * 30) },
): string {
  const ordered = [...rows].reverse();
  return render(
    {
      grid: { left: 110, right: 48, top: 8, bottom: 24 },
      xAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: MUTED, fontSize: 10 },
        splitLine: { lineStyle: { color: LINE } },
      },
      yAxis: {
        type: 'category',
        data: ordered.map((r) => r.label),
        axisLabel: { color: INK, fontSize: 11 },
        axisLine: { lineStyle: { color: LINE } },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: ordered.map((r) => r.value),
          barMaxWidth: 18,
          itemStyle: { color: BAR },
          label: { show: true, position: 'right', color: INK, fontSize: 11 },
          silent: true,
        },
      ],
    },
    size,
  );
}

/** Ties established per year: a bar per year from the first to the report's year. */
export function perYearChart(
  perYear: Readonly<Record<string, number>>,
  lastYear: number,
  size: ChartSize = { width: 640, height: 220 },
): string {
  const years = Object.keys(perYear).map(Number);
  const first = years.length > 0 ? Math.min(...years) : lastYear;
  const labels: string[] = [];
  const values: number[] = [];
  for (let y = first; y <= lastYear; y++) {
    labels.push(String(y));
    values.push(perYear[String(y)] ?? 0);
  }
  return render(
    {
      grid: { left: 36, right: 12, top: 16, bottom: 28 },
      xAxis: {
        type: 'category',
        data: labels,
        axisLabel: { color: MUTED, fontSize: 9, hideOverlap: true },
        axisLine: { lineStyle: { color: LINE } },
        axisTick: { alignWithLabel: true },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { color: MUTED, fontSize: 10 },
        splitLine: { lineStyle: { color: LINE } },
      },
      series: [
        {
          type: 'bar',
          data: values,
          barMaxWidth: 14,
          itemStyle: { color: BAR },
          label: {
            show: labels.length <= 30,
            position: 'top',
            color: INK,
            fontSize: 9,
            formatter: (p: { value: unknown }) => (p.value ? String(p.value) : ''),
          },
          silent: true,
        },
      ],
    },
    size,
  );
}

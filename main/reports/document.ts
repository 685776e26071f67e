import type { Lang } from '../../shared/i18n';
import { fontFaceCss, REPORT_FONT } from './fonts';

/**
 * The printable document every report shares: an A4 page from CSS (`@page`, honoured by
 * printToPDF and Playwright with preferCSSPageSize), a running header and a numbered footer in
 * the page margins, tables whose rows never split across pages, and the bundled font inlined.
 * The document runs no script and loads nothing: its own policy says so, and the app's preview
 * frame enforces the app's stricter one on top (one `<style>` element, which the preview gives
 * the page's nonce; no inline style attributes anywhere, charts included).
 */

/**
 * Loads every font face the document declares (it declares only those its text needs) and
 * waits for them: printing does not wait for web fonts, and text whose font is still loading
 * prints blank. Evaluated by the printing host, never by the document, which runs no script.
 */
export const FONTS_LOADED =
  'Promise.all(Array.from(document.fonts, (f) => f.load())).then(() => document.fonts.ready).then(() => document.fonts.size)';

export function esc(text: string | number | null | undefined): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A CSS string literal for `content:`, safe whatever the text holds: it sits inside the
 * document's `<style>` element, where `</style>` would end the style sheet whatever CSS
 * thinks of it, so `<` and `>` are written as CSS escapes (as are `&`, quotes and backslashes,
 * and control characters, which would end or bend the string).
 */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"'<>&\p{Cc}]/gu, (c) =>
    c === '\\' || c === '"' || c === "'"
      ? `\\${c}`
      : /[\n\r\t]/.test(c)
        ? ' '
        : `\\${(c.codePointAt(0) as number).toString(16)} `,
  )}"`;
}

/** `Page {{page}} of {{pages}}` as a `content:` value with the page counters. */
export function pageCounterContent(template: string): string {
  return template
    .split(/(\{\{page\}\}|\{\{pages\}\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{{page}}'
        ? 'counter(page)'
        : part === '{{pages}}'
          ? 'counter(pages)'
          : cssString(part),
    )
    .join(' ');
}

export interface Column<R> {
  readonly head: string;
  /** The cell's HTML: escape what comes from the registry. */
  readonly cell: (row: R) => string;
  readonly num?: boolean;
}

export function table<R>(
  columns: readonly Column<R>[],
  rows: readonly R[],
  options: {
    readonly foot?: readonly string[];
    readonly empty?: string;
    readonly cls?: string;
  } = {},
): string {
  if (rows.length === 0 && options.empty !== undefined)
    return `<p class="empty">${esc(options.empty)}</p>`;
  const cls = (c: Column<R>) => (c.num ? ' class="num"' : '');
  const head = columns.map((c) => `<th${cls(c)}>${esc(c.head)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${columns.map((c) => `<td${cls(c)}>${c.cell(r)}</td>`).join('')}</tr>`)
    .join('\n');
  const foot = options.foot
    ? `<tfoot><tr>${options.foot.map((f, i) => `<td${columns[i]?.num ? ' class="num"' : ''}>${f}</td>`).join('')}</tr></tfoot>`
    : '';
  return `<table${options.cls ? ` class="${options.cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody>${foot}</table>`;
}

export function section(title: string, body: string, cls = ''): string {
  return `<section${cls ? ` class="${cls}"` : ''}><h2>${esc(title)}</h2>\n${body}\n</section>`;
}

export interface Shell {
  readonly lang: Lang;
  /** The document's title (the browser tab, the PDF's metadata). */
  readonly title: string;
  readonly headerLeft: string;
  readonly headerRight: string;
  readonly footerLeft: string;
  /** `Page {{page}} of {{pages}}` in the report's language. */
  readonly pageTemplate: string;
  readonly body: string;
}

const CSS = `
:root {
  font-family: '${REPORT_FONT}', sans-serif;
  font-size: 9.5pt;
  line-height: 1.6;
  color: #1f2328;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
body { margin: 0; }
.doc-head { border-bottom: 1.5pt solid #b3261e; padding-bottom: 3mm; margin-bottom: 5mm; }
.office { color: #b3261e; font-size: 10.5pt; font-weight: 700; letter-spacing: 0.02em; }
h1 { font-size: 17pt; line-height: 1.3; margin: 1mm 0 1.5mm; font-weight: 700; }
.meta { color: #5b6570; font-size: 9pt; margin: 0; }
h2 {
  font-size: 11.5pt; margin: 6mm 0 2.5mm; padding-left: 2.5mm; border-left: 2.5pt solid #b3261e;
  break-after: avoid; page-break-after: avoid;
}
h3 { font-size: 10pt; margin: 4mm 0 2mm; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2mm; }
.narrative p { text-align: justify; }
.narrative.zh p { text-indent: 2em; }
.note, .empty { color: #5b6570; font-size: 8.5pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 2mm; font-size: 8.8pt; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
/* A total row never starts a page alone: it takes the last row with it. */
tfoot tr { break-before: avoid; page-break-before: avoid; }
th, td { padding: 1.1mm 2mm; text-align: left; vertical-align: top; border-bottom: 0.5pt solid #d8dde3; }
/* A long name without a break (a compound, a reference number) wraps rather than widening the table off the page. */
td { overflow-wrap: anywhere; }
th { background: #f1f3f5; font-weight: 700; border-bottom: 0.8pt solid #8c959f; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot td { font-weight: 700; border-top: 0.8pt solid #8c959f; border-bottom: none; }
.keys { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 0 0 4mm; break-inside: avoid; }
.key { border: 0.5pt solid #d8dde3; border-top: 2pt solid #b3261e; padding: 1.5mm 2.5mm; }
.key b { display: block; font-size: 15pt; line-height: 1.25; }
.key span { color: #5b6570; font-size: 8.5pt; }
.chart { break-inside: avoid; page-break-inside: avoid; margin: 0 0 3mm; }
.chart svg { display: block; max-width: 100%; height: auto; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; }
.pair > section { break-inside: avoid; }
.record { display: grid; grid-template-columns: 38mm 1fr; gap: 0.6mm 4mm; margin: 0 0 2mm; }
.record dt { color: #5b6570; }
.record dd { margin: 0; }
.mark { color: #9a6700; font-size: 8pt; }
.signature { margin-top: 10mm; display: grid; grid-template-columns: 1fr 1fr; gap: 12mm; break-inside: avoid; page-break-inside: avoid; break-before: avoid; page-break-before: avoid; }
.keep { break-inside: avoid; page-break-inside: avoid; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; break-inside: avoid; }
.sign-field { display: flex; align-items: flex-end; gap: 3mm; margin-bottom: 5mm; }
.sign-field .line { flex: 1; border-bottom: 0.6pt solid #1f2328; height: 7mm; }
.signature .who { text-align: right; padding-top: 4mm; }
.signature .who b { display: block; font-size: 10.5pt; margin-bottom: 1mm; }
@media screen {
  html { background: #e9ebef; }
  body { width: 210mm; min-height: 297mm; margin: 12px auto; box-sizing: border-box; padding: 20mm 16mm 18mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18); }
}
`;

export function documentHtml(shell: Shell): string {
  const margin = (box: string, content: string, align: string) =>
    `@${box} { content: ${content}; font-family: '${REPORT_FONT}', sans-serif; font-size: 7.5pt; color: #5b6570; vertical-align: ${align}; }`;
  const page = `
@page {
  size: A4;
  margin: 20mm 16mm 18mm 16mm;
  ${margin('top-left', cssString(shell.headerLeft), 'bottom')}
  ${margin('top-right', cssString(shell.headerRight), 'bottom')}
  ${margin('bottom-left', cssString(shell.footerLeft), 'top')}
  ${margin('bottom-right', pageCounterContent(shell.pageTemplate), 'top')}
}
@page :first {
  @top-left { content: none; }
  @top-right { content: none; }
}`;
  // The font faces are chosen by the characters the document (margins included) shows.
  const text = `${shell.title}${shell.headerLeft}${shell.headerRight}${shell.footerLeft}${shell.pageTemplate}0123456789${shell.body}`;
  const policy =
    "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";
  return `<!doctype html>
<html lang="${shell.lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<title>${esc(shell.title)}</title>
<style>
${fontFaceCss(text)}
${page}
${CSS}
</style>
</head>
<body>
${shell.body}
</body>
</html>
`;
}

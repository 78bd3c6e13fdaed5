/**
 * The report's stylesheet. Colours are CSS variables: light by default, dark under
 * `prefers-color-scheme: dark`, and forced by `data-theme="light|dark|high-contrast"` on
 * <html> or by the `vscode-light|dark|high-contrast` classes a VS Code webview puts on
 * <body>. Page colours fall back from the webview's `--vscode-*` variables.
 * Status fills are fixed per theme, chosen for at least 4.5:1 against their text.
 */

type Palette = Record<string, string>;

const LIGHT: Palette = {
  bg: 'var(--vscode-editor-background, #ffffff)',
  fg: 'var(--vscode-editor-foreground, #1f2328)',
  muted: 'var(--vscode-descriptionForeground, #59636e)',
  surface: 'var(--vscode-editorWidget-background, #f6f8fa)',
  border: 'var(--vscode-panel-border, #d1d9e0)',
  link: 'var(--vscode-textLink-foreground, #0969da)',
  focus: 'var(--vscode-focusBorder, #0969da)',
  'input-bg': 'var(--vscode-input-background, #ffffff)',
  'input-fg': 'var(--vscode-input-foreground, #1f2328)',
  'input-border': 'var(--vscode-input-border, #818b98)',
  track: '#e6eaef',
  stripe: 'rgba(31, 35, 40, 0.035)',
  lead: 'var(--vscode-charts-blue, #0969da)',
  support: 'var(--vscode-charts-purple, #8250df)',
  ok: 'var(--vscode-charts-green, #1a7f37)',
  bad: 'var(--vscode-charts-red, #cf222e)',
  error: 'var(--vscode-errorForeground, #cf222e)',
  warning: '#9a6700',
  info: '#0969da',
  'on-status': '#ffffff',
  's-overdue': '#cf222e',
  's-past': '#6e7781',
  's-this-quarter': '#9a6700',
  's-upcoming': '#0969da',
  's-ongoing': '#1a7f37',
  quarter: 'rgba(191, 135, 0, 0.12)',
  'quarter-fg': '#7d4e00',
};

const DARK: Palette = {
  bg: 'var(--vscode-editor-background, #0d1117)',
  fg: 'var(--vscode-editor-foreground, #e6edf3)',
  muted: 'var(--vscode-descriptionForeground, #9198a1)',
  surface: 'var(--vscode-editorWidget-background, #151b23)',
  border: 'var(--vscode-panel-border, #3d444d)',
  link: 'var(--vscode-textLink-foreground, #4493f8)',
  focus: 'var(--vscode-focusBorder, #4493f8)',
  'input-bg': 'var(--vscode-input-background, #0d1117)',
  'input-fg': 'var(--vscode-input-foreground, #e6edf3)',
  'input-border': 'var(--vscode-input-border, #656c76)',
  track: '#262c36',
  stripe: 'rgba(230, 237, 243, 0.04)',
  lead: 'var(--vscode-charts-blue, #4493f8)',
  support: 'var(--vscode-charts-purple, #ab7df8)',
  ok: 'var(--vscode-charts-green, #3fb950)',
  bad: 'var(--vscode-charts-red, #f85149)',
  error: 'var(--vscode-errorForeground, #f85149)',
  warning: '#d29922',
  info: '#4493f8',
  'on-status': '#0d1117',
  's-overdue': '#ff7b72',
  's-past': '#9198a1',
  's-this-quarter': '#e3b341',
  's-upcoming': '#58a6ff',
  's-ongoing': '#56d364',
  quarter: 'rgba(227, 179, 65, 0.14)',
  'quarter-fg': '#e3b341',
};

const HIGH_CONTRAST: Palette = {
  bg: 'var(--vscode-editor-background, #000000)',
  fg: 'var(--vscode-editor-foreground, #ffffff)',
  muted: '#ffffff',
  surface: '#000000',
  border: 'var(--vscode-contrastBorder, #6fc3df)',
  link: 'var(--vscode-textLink-foreground, #21a6ff)',
  focus: 'var(--vscode-focusBorder, #f38518)',
  'input-bg': '#000000',
  'input-fg': '#ffffff',
  'input-border': '#6fc3df',
  track: '#3a3a3a',
  stripe: 'transparent',
  lead: '#21a6ff',
  support: '#d2a8ff',
  ok: '#3fb950',
  bad: '#ff6b6b',
  error: '#ff6b6b',
  warning: '#ffd33d',
  info: '#21a6ff',
  'on-status': '#000000',
  's-overdue': '#ff6b6b',
  's-past': '#c9d1d9',
  's-this-quarter': '#ffd33d',
  's-upcoming': '#21a6ff',
  's-ongoing': '#56d364',
  quarter: 'rgba(255, 211, 61, 0.18)',
  'quarter-fg': '#ffd33d',
};

function declarations(palette: Palette): string {
  return Object.entries(palette)
    .map(([name, value]) => `--fn-${name}: ${value};`)
    .join(' ');
}

const FONT_HANS = `"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei"`;
const FONT_HANT = `"PingFang TC", "Microsoft JhengHei", "Noto Sans CJK TC", "Noto Sans TC", "Source Han Sans TC"`;
const FONT_LATIN = `system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial`;

export const STYLE = `
:root { color-scheme: light; ${declarations(LIGHT)} }
@media (prefers-color-scheme: dark) { :root:not([data-theme]) { color-scheme: dark; ${declarations(DARK)} } }
:root[data-theme="light"], body.vscode-light, body.vscode-high-contrast-light { color-scheme: light; ${declarations(LIGHT)} }
:root[data-theme="dark"], body.vscode-dark { color-scheme: dark; ${declarations(DARK)} }
:root[data-theme="high-contrast"], body.vscode-high-contrast:not(.vscode-high-contrast-light) { color-scheme: dark; ${declarations(HIGH_CONTRAST)} }
* { box-sizing: border-box; }
html { font-family: var(--vscode-font-family, ${FONT_LATIN}, ${FONT_HANS}, sans-serif); }
html:lang(zh-Hant) { font-family: var(--vscode-font-family, ${FONT_LATIN}, ${FONT_HANT}, sans-serif); }
body { margin: 0; background: var(--fn-bg); color: var(--fn-fg); font-size: 14px; line-height: 1.55; -webkit-text-size-adjust: 100%; }
a { color: var(--fn-link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible { outline: 2px solid var(--fn-focus); outline-offset: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 12px; top: 12px; background: var(--fn-bg); padding: 6px 10px; z-index: 1; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.page { max-width: 1240px; margin: 0 auto; padding: 28px 28px 40px; }
header.page-header { border-bottom: 1px solid var(--fn-border); padding-bottom: 16px; margin-bottom: 20px; }
.eyebrow { margin: 0; color: var(--fn-muted); font-size: 13px; letter-spacing: 0.04em; }
h1 { margin: 2px 0 10px; font-size: 26px; line-height: 1.3; font-weight: 650; }
h2 { margin: 0 0 4px; font-size: 18px; font-weight: 650; }
h3 { margin: 0 0 6px; font-size: 15px; font-weight: 650; }
.meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; color: var(--fn-muted); font-size: 13px; }
.meta div { display: flex; gap: 6px; }
.meta dt::after { content: ":"; }
:lang(zh) .meta dt::after { content: "："; }
.meta dd { margin: 0; color: var(--fn-fg); }
nav.toc { margin-top: 12px; font-size: 13px; }
nav.toc ul { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0; list-style: none; }
section { margin: 0 0 30px; }
.intro { margin: 0 0 12px; color: var(--fn-muted); font-size: 13px; }
.kpis ul { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 0; padding: 0; list-style: none; }
.kpi { background: var(--fn-surface); border: 1px solid var(--fn-border); border-radius: 10px; padding: 12px 14px; display: flex; flex-direction: column; gap: 2px; min-height: 96px; }
.kpi.with-ring { flex-direction: row; align-items: center; gap: 12px; }
.kpi.with-ring > div { display: flex; flex-direction: column; gap: 2px; }
.kpi .label { color: var(--fn-muted); font-size: 13px; }
.kpi .value { font-size: 28px; font-weight: 650; line-height: 1.15; font-variant-numeric: tabular-nums; }
.kpi .detail { color: var(--fn-muted); font-size: 12px; }
.kpi.bad .value { color: var(--fn-error); }
.kpi.good .value { color: var(--fn-ok); }
.ring-track { fill: none; stroke: var(--fn-track); stroke-width: 9; }
.ring-fill { fill: none; stroke: var(--fn-ok); stroke-width: 9; stroke-linecap: round; }
.ring text { fill: var(--fn-fg); font-size: 14px; font-weight: 650; }
.grid { display: grid; grid-template-columns: minmax(0, 7fr) minmax(0, 5fr); gap: 28px; align-items: stretch; margin-bottom: 30px; }
.grid > section { margin: 0; }
/* English names are long: the two cards stack so tables keep their columns. */
:lang(en) .grid { grid-template-columns: minmax(0, 1fr); }
@media (max-width: 980px) { .grid { grid-template-columns: minmax(0, 1fr); } }
.card { background: var(--fn-bg); border: 1px solid var(--fn-border); border-radius: 10px; padding: 16px 18px; }
.scroll { overflow-x: auto; }
.scroll.tall { max-height: 560px; overflow-y: auto; }
.scroll.tall thead th { position: sticky; top: 0; background: var(--fn-bg); z-index: 1; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption { text-align: left; color: var(--fn-muted); font-size: 12px; padding-bottom: 6px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--fn-border); }
thead th { color: var(--fn-muted); font-weight: 600; font-size: 12px; white-space: nowrap; border-bottom-width: 2px; vertical-align: bottom; }
tbody th { font-weight: 600; }
tfoot th, tfoot td { font-weight: 650; border-bottom: none; border-top: 2px solid var(--fn-border); }
#nets-table th, #nets-table td, #owners-table th, #owners-table td { vertical-align: middle; }
#nets-table tbody th, #nets-table tfoot th, table.net-statuses tbody th, :lang(zh) #owners-table tbody th { white-space: nowrap; }
#owners-table tbody th { min-width: 8em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.bar-cell { min-width: 90px; vertical-align: middle; }
td.bar-cell.narrow { min-width: 48px; }
.bar-cell .count { display: block; font-variant-numeric: tabular-nums; font-size: 12px; }
.bar-cell .count.zero { color: var(--fn-muted); }
svg.bar { display: block; margin-top: 3px; }
svg.bar .track { fill: var(--fn-track); }
.fill-complete { fill: var(--fn-ok); }
.fill-missing { fill: var(--fn-bad); }
.fill-status { fill: var(--fn-status); stroke: var(--fn-bg); stroke-width: 1.5px; }
.fill-status.status-undated { fill: var(--fn-muted); fill-opacity: 0.35; }
h3.sub { margin: 22px 0 6px; }
table.net-statuses th, table.net-statuses td { vertical-align: middle; border-bottom: none; padding: 4px 8px; }
table.net-statuses thead th { border-bottom: 1px solid var(--fn-border); }
table.net-statuses tbody th { width: 1%; }
.fill-lead { fill: var(--fn-lead); }
.fill-support { fill: var(--fn-support); }
.owner-name .tag { margin-left: 4px; }
.tag { display: inline-block; border: 1px solid currentColor; border-radius: 999px; padding: 0 7px; font-size: 11px; line-height: 18px; white-space: nowrap; }
.tag.vague { color: var(--fn-warning); }
.tag.missing { color: var(--fn-error); margin: 0 4px 2px 0; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 10px 0 0; padding: 0; list-style: none; font-size: 12px; color: var(--fn-muted); }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.legend .count { color: var(--fn-fg); font-weight: 600; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; }
.swatch.lead { background: var(--fn-lead); }
.swatch.support { background: var(--fn-support); }
.swatch.status-undated { background: transparent; border: 1.5px dashed var(--fn-muted); }
.swatch.docdate { width: 0; height: 14px; border-radius: 0; border-left: 2px dashed var(--fn-fg); }
.swatch.quarter { background: var(--fn-quarter); border: 1px solid var(--fn-quarter-fg); }
.status-overdue { --fn-status: var(--fn-s-overdue); }
.status-past { --fn-status: var(--fn-s-past); }
.status-this-quarter { --fn-status: var(--fn-s-this-quarter); }
.status-upcoming { --fn-status: var(--fn-s-upcoming); }
.status-ongoing { --fn-status: var(--fn-s-ongoing); }
.swatch[class*="status-"] { background: var(--fn-status); }
.swatch.status-undated { background: transparent; }
.net-statuses + .legend .swatch.status-undated { background: var(--fn-muted); opacity: 0.35; border: none; }
.badge { display: inline-block; border-radius: 999px; padding: 0 8px; font-size: 12px; line-height: 20px; white-space: nowrap; background: var(--fn-status); color: var(--fn-on-status); font-weight: 600; }
.badge.status-undated { background: transparent; color: var(--fn-fg); border: 1.5px dashed var(--fn-muted); line-height: 17px; }
.timeline-wrap { overflow-x: auto; padding-bottom: 4px; }
svg.timeline { display: block; max-width: 100%; height: auto; font-size: 13px; }
svg.timeline text { fill: var(--fn-fg); }
.tl-stripe { fill: var(--fn-stripe); }
.tl-net { font-weight: 600; }
svg.timeline .tl-tick, svg.timeline .tl-year { fill: var(--fn-muted); font-size: 12px; }
svg.timeline .tl-year { font-weight: 600; }
.tl-year-rule { stroke: var(--fn-border); stroke-width: 1; }
.tl-quarter { fill: var(--fn-quarter); stroke: var(--fn-quarter-fg); stroke-width: 1; stroke-dasharray: 3 3; }
svg.timeline .tl-quarter-label { fill: var(--fn-quarter-fg); font-size: 12px; font-weight: 650; }
.tl-docdate { stroke: var(--fn-fg); stroke-width: 1.5; stroke-dasharray: 4 3; }
svg.timeline .tl-docdate-label { fill: var(--fn-muted); font-size: 12px; }
.tl-cell rect { fill: var(--fn-status); }
svg.timeline .tl-cell text { fill: var(--fn-on-status); font-weight: 650; font-size: 13px; }
.tl-cell.status-undated rect { fill: transparent; stroke: var(--fn-muted); stroke-width: 1.5; stroke-dasharray: 3 2; }
svg.timeline .tl-cell.status-undated text { fill: var(--fn-fg); }
.due-lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; margin-top: 16px; }
.due-lists ul { margin: 0; padding: 0; list-style: none; }
.due-lists li { padding: 6px 0; border-bottom: 1px solid var(--fn-border); display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 2px 12px; font-size: 13px; }
.due-lists li:last-child { border-bottom: none; }
.due-lists .what { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.due-lists .who { color: var(--fn-muted); font-size: 12px; grid-column: 1; }
.due-lists .who .missing-owner { color: var(--fn-error); }
.due-lists .when { grid-row: 1 / span 2; grid-column: 2; text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; font-size: 12px; }
.due-lists .empty, .empty { color: var(--fn-muted); }
.rule-chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 12px; padding: 0; list-style: none; font-size: 12px; }
.rule-chips li { border: 1px solid var(--fn-border); border-radius: 999px; padding: 1px 10px; }
.rule-chips .count { font-weight: 650; margin-left: 4px; font-variant-numeric: tabular-nums; }
.severity { font-weight: 600; white-space: nowrap; }
.severity::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; background: currentColor; vertical-align: 1px; }
.severity.error { color: var(--fn-error); }
.severity.warning { color: var(--fn-warning); }
.severity.info { color: var(--fn-info); }
code { font-family: var(--vscode-editor-font-family, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace); font-size: 12px; }
td.loc { white-space: nowrap; font-size: 12px; }
td.text { min-width: 260px; max-width: 420px; }
td.units { min-width: 90px; }
td.small { font-size: 12px; color: var(--fn-muted); }
td.net, td.deadline { font-size: 12px; }
:lang(zh) td.net, td.deadline { white-space: nowrap; }
td.net { min-width: 7em; }
td.deadline .due { display: block; color: var(--fn-muted); font-variant-numeric: tabular-nums; }
td.tags { white-space: nowrap; }
.filters { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px; margin: 0 0 10px; font-size: 13px; }
.filters[hidden] { display: none; }
.filters input[type="search"], .filters select { font: inherit; color: var(--fn-input-fg); background: var(--fn-input-bg); border: 1px solid var(--fn-input-border); border-radius: 6px; padding: 4px 8px; }
.filters input[type="search"] { min-width: 220px; }
.filters label { display: inline-flex; align-items: center; gap: 6px; }
.filters output { color: var(--fn-muted); margin-left: auto; font-size: 12px; }
th button.sort { all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 4px; }
th button.sort::after { content: "↕"; opacity: 0.45; font-size: 11px; }
th[aria-sort="ascending"] button.sort::after { content: "↑"; opacity: 1; }
th[aria-sort="descending"] button.sort::after { content: "↓"; opacity: 1; }
tr[hidden] { display: none; }
footer { color: var(--fn-muted); font-size: 12px; border-top: 1px solid var(--fn-border); padding-top: 12px; }
@media print { .filters, nav.toc, .skip { display: none !important; } .page { max-width: none; padding: 0; } .timeline-wrap, .scroll.tall { overflow: visible; max-height: none; } }
`;

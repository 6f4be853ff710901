namespace ModelCert.Evidence.Report;

/// <summary>
/// The report's one stylesheet, inline (the Content-Security-Policy allows inline styles only). System fonts, no
/// images; outcome colours always come with a symbol and a word, so the page reads in grey print and for colour-blind
/// readers; @media print keeps charts and table rows whole and prints the colours.
/// </summary>
internal static class ReportStyles
{
    public const string Css = """
:root { --ink: #1d2433; --muted: #5b6475; --line: #d9dee7; --soft: #f4f6f9; --accent: #2457a6;
  --pass: #1e7b45; --pass-bg: #e3f4ea; --fail: #b42318; --fail-bg: #fde8e6; --review: #8a5a00; --review-bg: #fff3d6;
  --warn: #8a5a00; --warn-bg: #fff3d6; --error: #4b5563; --error-bg: #eceef2; --skipped: #6b7280; --skipped-bg: #f3f4f6; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #fff; color: var(--ink); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 28px; margin: 2px 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 36px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 22px 0 8px; }
code { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; color: var(--accent); font-weight: 600; }
.meta, .sub, .note, .lead { color: var(--muted); }
.sub { font-size: 12px; }
.note { font-size: 12.5px; }
.top { border-bottom: 1px solid var(--line); padding-bottom: 14px; }
.verdict { display: grid; grid-template-columns: auto 1fr; gap: 2px 24px; align-items: center; margin: 20px 0 8px; padding: 18px 22px; border-radius: 8px; border: 2px solid; }
.verdict-label { grid-column: 1; margin: 0; font-size: 12px; text-transform: uppercase; letter-spacing: 0.08em; font-weight: 600; }
.verdict-value { grid-column: 1; grid-row: 2; margin: 0; font-size: 30px; font-weight: 700; }
.verdict-why { grid-column: 2; grid-row: 1; margin: 0; font-size: 15px; }
.counts { grid-column: 2; grid-row: 2; list-style: none; display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 0; padding: 0; color: var(--muted); }
.count { font-weight: 700; color: var(--ink); font-size: 16px; }
.verdict-certified { border-color: var(--pass); background: var(--pass-bg); } .verdict-certified .verdict-value, .verdict-certified .verdict-label { color: var(--pass); }
.verdict-conditional, .verdict-needs-review { border-color: var(--review); background: var(--review-bg); } .verdict-conditional .verdict-value, .verdict-needs-review .verdict-value, .verdict-conditional .verdict-label, .verdict-needs-review .verdict-label { color: var(--review); }
.verdict-rejected { border-color: var(--fail); background: var(--fail-bg); } .verdict-rejected .verdict-value, .verdict-rejected .verdict-label { color: var(--fail); }
.verdict-error, .verdict-other { border-color: var(--error); background: var(--error-bg); }
.badge { display: inline-block; min-width: 64px; padding: 1px 8px; border-radius: 10px; border: 1px solid; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; white-space: nowrap; text-align: center; }
.badge-pass { color: var(--pass); background: var(--pass-bg); border-color: var(--pass); }
.badge-fail { color: var(--fail); background: var(--fail-bg); border-color: var(--fail); }
.badge-review { color: var(--review); background: var(--review-bg); border-color: var(--review); }
.badge-warn { color: var(--warn); background: var(--warn-bg); border-color: var(--warn); }
.badge-error { color: var(--error); background: var(--error-bg); border-color: var(--error); }
.badge-skipped { color: var(--skipped); background: var(--skipped-bg); border-color: var(--skipped); font-weight: 600; }
.chip { display: inline-block; padding: 0 7px; border-radius: 9px; background: var(--soft); border: 1px solid var(--line); font-size: 12px; font-weight: 600; }
table.data { width: 100%; border-collapse: collapse; margin: 8px 0 12px; font-size: 13px; }
table.data caption { text-align: left; font-weight: 600; color: var(--muted); padding: 4px 0; caption-side: top; }
table.data th, table.data td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
table.data thead th { background: var(--soft); font-size: 12px; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); border-bottom: 2px solid var(--line); }
table.data .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.kv th { width: 200px; font-weight: 600; color: var(--muted); }
table.metrics { width: auto; min-width: 400px; margin-right: 40px; }
table.groups { font-size: 12.5px; }
table.groups td:first-child { white-space: nowrap; }
table.groups th, table.groups td { padding: 6px 6px; }
td.value { font-weight: 700; }
td.hash { font: 12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; word-break: break-all; }
td.message { max-width: 320px; font-size: 12.5px; }
.requirements .req-id { font-weight: 700; }
.requirements tr.row-fail td:first-child { box-shadow: inset 4px 0 0 var(--fail); }
.requirements tr.row-review td:first-child, .requirements tr.row-warn td:first-child { box-shadow: inset 4px 0 0 var(--review); }
.requirements tr.row-pass td:first-child { box-shadow: inset 4px 0 0 var(--pass); }
ul.clauses { margin: 0; padding-left: 16px; font-size: 12px; color: var(--muted); max-width: 260px; }
.finding, .check { border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; padding: 4px 16px 10px; margin: 12px 0; background: #fff; }
.finding h3, .check h3 { margin: 10px 0 6px; }
.finding-fail { border-left-color: var(--fail); } .finding-review, .finding-warn { border-left-color: var(--review); } .finding-error { border-left-color: var(--error); }
.finding-message { margin: 4px 0; }
.finding-action { margin: 6px 0; background: var(--soft); padding: 8px 12px; border-radius: 4px; }
table.remediation { width: auto; min-width: 320px; }
.figures { display: flex; flex-wrap: wrap; gap: 18px 36px; align-items: flex-start; }
.figures.small { gap: 8px 20px; }
.figure { margin: 8px 0; break-inside: avoid; page-break-inside: avoid; }
.figure figcaption { font-size: 12px; color: var(--muted); max-width: 380px; }
.attribute { margin-bottom: 18px; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
svg.chart.glyph { display: block; margin: 4px 0 0 auto; }
svg.chart .miss { fill: var(--fail-bg); }
svg.chart .limit { stroke: var(--fail); stroke-width: 2; }
svg.chart .interval { stroke: var(--ink); stroke-width: 3; stroke-linecap: round; }
svg.chart .grid { stroke: #e8ebf0; stroke-width: 1; }
svg.chart .axis { stroke: #8a93a3; stroke-width: 1; }
svg.chart .tick { fill: var(--muted); font-size: 11px; }
svg.chart .axis-label { fill: var(--ink); font-size: 12px; font-weight: 600; }
svg.chart .panel-title { fill: var(--ink); font-size: 12.5px; font-weight: 700; }
svg.chart .chart-label { fill: var(--ink); font-size: 13px; font-weight: 700; }
svg.chart .group-label { fill: var(--ink); font-size: 12px; }
svg.chart .group-label.small { fill: var(--review); font-style: italic; }
svg.chart .band-row { fill: #f7f8fa; }
svg.chart .whisker { stroke: #2f3b52; stroke-width: 1.5; }
svg.chart .dot { fill: var(--accent); stroke: #fff; stroke-width: 1.2; }
svg.chart .dot.small { fill: #fff; stroke: var(--review); stroke-width: 2; }
svg.chart .overall { stroke: #8a93a3; stroke-width: 1.5; stroke-dasharray: 2 3; }
svg.chart .reference { stroke: var(--fail); stroke-width: 1.5; stroke-dasharray: 6 4; }
svg.chart .reference-label { fill: var(--fail); font-size: 11px; font-weight: 600; }
svg.chart .diagonal { stroke: #9aa3b2; stroke-width: 1; stroke-dasharray: 4 4; }
svg.chart .curve { fill: none; stroke: var(--accent); stroke-width: 2; stroke-linejoin: round; }
svg.chart .area { fill: var(--accent); fill-opacity: 0.07; stroke: none; }
svg.chart .band { fill: var(--accent); fill-opacity: 0.16; stroke: none; }
svg.chart .operating { fill: var(--fail); stroke: #fff; stroke-width: 1.5; }
svg.chart .note { fill: var(--muted); font-size: 11px; }
svg.chart .bar { fill: #9db4d8; }
svg.chart .bar-label { fill: var(--muted); font-size: 10px; }
svg.chart .cell.correct { fill: var(--accent); }
svg.chart .cell.error { fill: #d9792b; }
svg.chart .cell { stroke: #fff; stroke-width: 2; }
svg.chart .cell-count { fill: var(--ink); font-size: 16px; font-weight: 700; }
svg.chart .cell-name { fill: var(--ink); font-size: 11px; }
svg.chart .cell-count.strong, svg.chart .cell-name.strong { fill: #fff; }
.figures.small svg.chart .cell-count { font-size: 13px; }
.figures.small svg.chart .cell-name { font-size: 9.5px; }
.subhead { margin: 10px 0 0; font-weight: 600; font-size: 13px; color: var(--muted); }
dl.details { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 12.5px; margin: 8px 0; }
dl.details dt { color: var(--muted); font-weight: 600; }
dl.details dd { margin: 0; word-break: break-word; }
.empty { color: var(--muted); font-style: italic; }
@media print {
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; margin-top: 22px; }
  h3 { break-after: avoid; page-break-after: avoid; }
  tr, .finding, .check, .verdict, figure { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  #lineage { break-before: page; page-break-before: always; }
  @page { margin: 14mm 12mm; }
}
""";
}

import { FONT_STACK } from '../svg/renderChainMap.js';

/**
 * The handbook's stylesheet: system CJK fonts; a screen layout that reflows down to a 390 px phone (grids collapse,
 * wide tables scroll inside their own `.table-wrap`, the chain map keeps its natural size and scrolls inside its
 * figure); and print rules: A4 landscape with page numbers in the bottom margin (`@page` margin boxes, Chromium 131+),
 * a page break only before each industry chapter, the visit plan and the appendix (the table of contents and the
 * overview share a page after the cover), chain maps capped to fit below the chapter heading, cards, stops, figures and
 * table rows kept whole, table headers repeated on every page. With JavaScript on, the interactive 招商图谱 (`.imap`)
 * takes the static chain map's place on screen; print shows the static SVG.
 */
export const HANDBOOK_CSS = `
:root { --font: ${FONT_STACK}; --ink: #1f2933; --muted: #616e7c; --line: #d9e0e7; --bg: #f7f9fb; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: var(--font); color: var(--ink); background: #fff; font-size: 14px; line-height: 1.6; }
main { max-width: 1280px; margin: 0 auto; padding: 0 28px 48px; }
h1, h2, h3, h4 { line-height: 1.3; margin: 0; }
h2 { font-size: 24px; color: var(--accent); border-bottom: 3px solid var(--accent); padding-bottom: 6px; margin-bottom: 14px; }
h2 .num { display: inline-block; min-width: 1.6em; }
h2 small { font-size: 14px; color: var(--muted); font-weight: normal; margin-left: 10px; }
h3 { font-size: 17px; margin: 26px 0 10px; padding-left: 10px; border-left: 4px solid var(--accent); }
a { color: var(--accent); }
.cover { background: linear-gradient(135deg, #1f4e79, #2a6cb8); color: #fff; padding: 64px 28px 48px; }
.cover .inner { max-width: 1280px; margin: 0 auto; }
.cover .kicker { letter-spacing: 0.3em; opacity: 0.85; font-size: 15px; }
.cover h1 { font-size: 40px; margin: 12px 0 8px; }
.cover .subtitle { font-size: 18px; opacity: 0.92; margin: 0 0 28px; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; font-size: 15px; }
.cover dt { opacity: 0.8; }
.cover dd { margin: 0; }
.cover .hint { margin-top: 24px; font-size: 13px; opacity: 0.8; }
nav.toc { margin: 28px 0; padding: 18px 24px; background: var(--bg); border: 1px solid var(--line); border-radius: 10px; }
nav.toc h2 { border: 0; margin: 0 0 8px; padding: 0; font-size: 20px; }
nav.toc ul { columns: 2; column-gap: 40px; margin: 0; padding: 0; list-style: none; }
nav.toc .num { display: inline-block; min-width: 2em; color: var(--muted); }
nav.toc li { padding: 2px 0; break-inside: avoid; }
section.chapter { margin-top: 44px; }
.desc { color: var(--muted); margin: 0 0 12px; }
.kpis { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 14px; }
.kpi { background: var(--bg); border: 1px solid var(--line); border-radius: 10px; padding: 10px 16px; min-width: 130px; }
.kpi .v { font-size: 22px; font-weight: bold; color: var(--accent); }
.kpi .k { font-size: 12px; color: var(--muted); }
.chip { display: inline-block; border-radius: 999px; padding: 0 9px; font-size: 12px; line-height: 20px; border: 1px solid; margin: 1px 3px 1px 0; white-space: nowrap; }
.chip.k-build { background: #e6d9f5; border-color: #7546b0; color: #4a2a75; }
.chip.k-extend { background: #d3e4f7; border-color: #2a6cb8; color: #1a4677; }
.chip.k-strengthen { background: #fce6bb; border-color: #c17d00; color: #6e4700; }
.chip.k-fill { background: #f9d0cc; border-color: #c0392b; color: #7b241c; }
.chip.k-none { background: #d4ecd9; border-color: #2e8049; color: #1d5530; }
.chip.list { background: #fff; border-color: #9aa5b1; color: #3e4c59; }
.table-wrap { max-width: 100%; overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 6px 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 0; font-size: 13px; }
thead { display: table-header-group; }
table.narrow { width: auto; min-width: 420px; }
th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--bg); font-weight: bold; white-space: nowrap; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td ul { margin: 0; padding-left: 1.1em; }
.bar { display: inline-block; width: 80px; height: 8px; background: #e4e9ee; border-radius: 4px; vertical-align: middle; margin-right: 6px; overflow: hidden; }
.bar > span { display: block; height: 100%; background: var(--accent); }
figure { margin: 10px 0 16px; }
figure.map { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 8px; overflow-x: auto; }
figure.map svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 6px; }
.legend-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(300px, 100%), 1fr)); gap: 6px 18px; padding: 0; list-style: none; margin: 6px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(520px, 100%), 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; background: #fff; break-inside: avoid; }
.card header { display: flex; align-items: baseline; gap: 10px; }
.card .rank { flex: none; width: 28px; height: 28px; border-radius: 50%; background: var(--accent); color: #fff; text-align: center; line-height: 28px; font-weight: bold; }
.card h4 { font-size: 16px; flex: 1; }
.card .score { font-size: 20px; font-weight: bold; color: var(--accent); font-variant-numeric: tabular-nums; }
.card .meta { color: var(--muted); font-size: 13px; margin: 4px 0; }
.card p { margin: 4px 0; }
.card .label { color: var(--muted); font-size: 12px; margin-right: 6px; }
.card ul.reasons { margin: 4px 0; padding-left: 1.2em; font-size: 13px; }
.scorebar { display: flex; height: 14px; border-radius: 7px; overflow: hidden; background: #eef1f4; margin: 8px 0 4px; }
.scorebar span { display: block; height: 100%; }
.scorelegend { font-size: 11.5px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 2px 12px; }
.scorelegend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(440px, 100%), 1fr)); gap: 14px; }
.charts figure { border: 1px solid var(--line); border-radius: 10px; padding: 8px; margin: 0; }
.charts svg { display: block; max-width: 100%; height: auto; }
.charts svg text { font-family: var(--font) !important; }
.stops { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(560px, 100%), 1fr)); gap: 14px; }
.stop { border: 1px solid var(--line); border-radius: 10px; padding: 10px 14px; break-inside: avoid; }
.stop h4 { font-size: 16px; }
.stop h4 small { font-weight: normal; color: var(--muted); font-size: 12.5px; margin-left: 8px; }
.empty { color: var(--muted); font-style: italic; }
code { overflow-wrap: anywhere; }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 10px; }
.imap { display: none; }
.js-imap .imap { display: block; margin-bottom: 6px; }
.js-imap figure.map[data-industry] > svg.chain-map { display: none; }
.js-imap figure.map[data-industry] { overflow: visible; max-height: none; }
.imap-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; font-size: 13px; }
.imap-field { display: inline-flex; align-items: center; gap: 6px; max-width: 100%; }
.imap-field select { max-width: min(260px, 60vw); font: inherit; padding: 2px 4px; }
.imap-kinds { border: 0; margin: 0; padding: 0; display: inline-flex; flex-wrap: wrap; align-items: center; gap: 2px; min-width: 0; }
.imap-kinds legend { float: left; margin-right: 6px; padding: 0; }
.imap-kinds label { cursor: pointer; }
.imap-kinds input { margin: 0 2px 0 0; vertical-align: -1px; }
.imap-zoom button { font: inherit; min-width: 30px; height: 28px; margin-right: 4px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
.imap-status { font-size: 12px; color: var(--muted); margin: 4px 0; }
.imap-body { display: grid; grid-template-columns: minmax(0, 1fr) 300px; gap: 10px; align-items: start; }
.imap-chart { width: 100%; min-height: 320px; border: 1px solid var(--line); border-radius: 8px; touch-action: none; }
.imap-panel { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; font-size: 13px; background: var(--bg); max-height: 70vh; overflow-y: auto; overflow-wrap: anywhere; }
.imap-panel-head { display: flex; align-items: baseline; gap: 6px; }
.imap-panel-head h4 { flex: 1; font-size: 16px; }
.imap-close { border: 0; background: none; font-size: 18px; cursor: pointer; }
.imap-panel h5 { font-size: 13px; margin: 8px 0 2px; }
.imap-panel p, .imap-panel ul, .imap-panel ol { margin: 2px 0; }
.imap-panel ul, .imap-panel ol { padding-left: 1.3em; }
@media (max-width: 900px) { .imap-body { grid-template-columns: minmax(0, 1fr); } .imap-panel { max-height: none; } }
@media (max-width: 600px) {
  body { font-size: 14px; }
  main { padding: 0 12px 32px; }
  .cover { padding: 36px 16px 28px; }
  .cover h1 { font-size: 28px; }
  .cover .subtitle { font-size: 16px; }
  nav.toc { padding: 14px 16px; }
  nav.toc ul { columns: 1; }
  h2 { font-size: 20px; }
  h2 small { display: block; margin-left: 0; }
  .kpi { min-width: 0; flex: 1 1 40%; padding: 8px 12px; }
  table.narrow { min-width: 0; }
  td, th { padding: 5px 6px; }
  td { min-width: 4em; }
  .stop h4 small { display: block; margin-left: 0; }
  figure.map { overflow: auto; max-height: 80vh; touch-action: pan-x pan-y pinch-zoom; }
  figure.map svg { max-width: none; margin: 0; }
}
@page { size: A4 landscape; margin: 12mm 12mm 14mm; @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #616e7c; } }
@page :first { @bottom-right { content: none; } }
@media print {
  .pdf-print nav.toc a { display: flex; align-items: baseline; }
  .pdf-print .toc-dest { display: inline-block; width: 0; height: 0; vertical-align: baseline; }
  .pdf-print nav.toc .toc-pg { margin-left: auto; padding-left: 8px; visibility: hidden; font-variant-numeric: tabular-nums; }
  .js-imap .imap { display: none; }
  .js-imap figure.map[data-industry] > svg.chain-map { display: block; }
  body { font-size: 11px; line-height: 1.5; }
  main { max-width: none; padding: 0; }
  .cover { padding: 60px 24px; min-height: 175mm; break-after: page; }
  .cover .hint { display: none; }
  nav.toc { margin: 0 0 16px; border: 0; background: none; padding: 0; }
  nav.toc ul { columns: 3; }
  section.chapter { margin-top: 0; }
  section.chapter[data-industry], #visit-plan, #appendix { break-before: page; }
  #overview { margin-top: 12px; }
  h2 { font-size: 19px; margin-bottom: 8px; }
  h3 { margin: 14px 0 6px; }
  .kpis { gap: 8px; margin: 4px 0 8px; }
  .kpi { padding: 4px 10px; min-width: 100px; }
  .kpi .v { font-size: 17px; }
  .table-wrap { overflow: visible; }
  figure.map { overflow: visible; border: 0; padding: 0; margin: 6px 0 8px; }
  figure.map svg { width: 100%; height: auto; max-height: 112mm; }
  .charts svg { max-height: 50mm; width: auto; margin: 0 auto; }
  .card, .stop, figure, tr, .kpi, li { break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3, h4 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .cards { grid-template-columns: 1fr 1fr; gap: 10px; }
  .charts, .stops { grid-template-columns: 1fr 1fr; gap: 10px; }
  footer { margin-top: 16px; }
}

/* Issue 18 (book): key target pages, firm names on maps, tables that wrap names in English. */
.keycards-head { break-after: avoid; }
.keycard { border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; margin: 14px 0; }
.keycard header { display: flex; align-items: baseline; gap: 10px; }
.keycard .rank { flex: none; width: 30px; height: 30px; border-radius: 50%; background: var(--accent); color: #fff; text-align: center; line-height: 30px; font-weight: bold; }
.keycard h4 { font-size: 19px; flex: 1; }
.keycard .score { font-size: 20px; font-weight: bold; color: var(--accent); }
.keycard h5 { font-size: 14px; margin: 0 0 4px; color: var(--accent); }
.keycard .label { color: var(--muted); font-size: 12px; margin-right: 6px; }
.keycard .keygrid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(420px, 100%), 1fr)); gap: 10px 22px; }
.keycard ul { margin: 2px 0; padding-left: 1.2em; }
.keycard .src, .src { color: var(--muted); font-size: 11.5px; overflow-wrap: anywhere; }
.keycard .date { color: var(--muted); font-size: 12px; }
.keycard ul.warnings li { color: #7b241c; }
ul.card-stubs { list-style: none; padding: 0; margin: 4px 0 12px; }
ul.card-stubs li { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 10px; padding: 5px 0; border-bottom: 1px solid var(--line); }
ul.card-stubs .rank { flex: none; width: 24px; height: 24px; border-radius: 50%; background: var(--accent); color: #fff; text-align: center; line-height: 24px; font-weight: bold; font-size: 12px; }
ul.card-stubs .score { font-weight: bold; color: var(--accent); font-variant-numeric: tabular-nums; }
ul.card-stubs .meta { color: var(--muted); font-size: 12px; }
ul.cell-firms { list-style: none; padding: 0; max-width: 16em; }
ul.cell-firms li { overflow-wrap: anywhere; }
@media (min-width: 601px) { ul.cell-reasons { min-width: 18em; } }
figure.route { border: 1px solid var(--line); border-radius: 10px; padding: 8px; overflow-x: auto; }
figure.route svg { display: block; max-width: 100%; height: auto; }
@media print { .keycard { break-before: page; break-inside: avoid; border: 0; padding: 0; margin: 0; } .keycard .src { font-size: 9.5px; } figure.route svg { max-height: 132mm; width: auto; } }
/* Print density (issue 18: one page per key target, no near-empty pages): a key target page in 10 px type with the
   county column unbroken, and the chapter's target cards small enough that two rows share a page. */
@media print {
  .keycards { break-before: page; }
  .keycards-head { margin-top: 0; }
  .keycards-head + .keycard { break-before: auto; }
  .keycard { font-size: 10px; line-height: 1.35; }
  .keycard .src { font-size: 8.5px; }
  .keycard p, .keycard ul { margin: 1px 0; }
  .keycard h4 { font-size: 16px; }
  /* The six sections flow down two balanced columns instead of a grid whose rows take the taller of two sections. */
  .keycard .keygrid { display: block; columns: 2; column-gap: 18px; }
  .keycard .keygrid > section { margin-bottom: 6px; }
  .keycard h5 { break-after: avoid; }
  /* The 待核实 checklist: short rows, two columns a page. */
  .verify-list { columns: 2; column-gap: 24px; }
  .verify-list table.narrow { width: 100%; min-width: 0; }
  .verify-list td, .verify-list th { padding: 1px 6px; }
  .verify-list .chip { line-height: 15px; }
  ul.card-stubs { margin: 2px 0 8px; }
  ul.card-stubs li { padding: 2px 0; font-size: 10.5px; }
  ul.card-stubs .meta { font-size: 10px; }
  .keycard th, .keycard td { padding: 2px 6px; }
  .keycard td:nth-child(2) { white-space: nowrap; }
  /* A fact's source runs on after its date instead of taking a line of its own. */
  .keycard ul.facts br { display: none; }
  .keycard ul.facts .src::before { content: ' — '; }
  .card { font-size: 10px; line-height: 1.4; padding: 8px 10px; }
  .card ul.reasons { font-size: 10px; margin: 2px 0; }
  .card .meta { font-size: 10px; margin: 2px 0; }
  .card h4 { font-size: 13px; }
  .card .scorebar { margin: 4px 0 2px; }
}
`;

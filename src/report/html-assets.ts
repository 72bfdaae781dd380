// The HTML report's inline stylesheet and script. Both are constants, allowed by hash in the page's CSP.

export const CSS = `
:root {
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --bg: #ffffff; --accent: #0b5cad;
  --fail: #c62828; --error: #b25e00; --pass: #2e7d32; --excepted: #6a3fb5; --manual: #1565c0; --na: #8c959f;
  --critical: #7a0b0b; --high: #d1242f; --medium: #e46a00; --low: #2f6fd6; --info: #6e7781;
  font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Hiragino Sans", "Hiragino Kaku Gothic ProN",
    "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic UI", Meiryo, system-ui, sans-serif;
  color: var(--fg); background: var(--soft); font-size: 14px; line-height: 1.55;
}
* { box-sizing: border-box; }
body { margin: 0; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
header.top { background: #0d1b2a; color: #fff; padding: 20px 32px 18px; }
header.top .brand { font-weight: 700; letter-spacing: .08em; font-size: 13px; opacity: .75; text-transform: uppercase; }
header.top h1 { margin: 2px 0 10px; font-size: 24px; font-weight: 650; }
header.top dl { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0; font-size: 13px; }
header.top dt { opacity: .65; } header.top dd { margin: 0; }
header.top dl div { display: flex; gap: 8px; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 32px 48px; }
h2 { font-size: 18px; margin: 32px 0 12px; }
.card h2, .card h3 { margin: 0 0 12px; font-size: 15px; }
.grid { display: grid; grid-template-columns: 260px 1fr 1fr; gap: 16px; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; margin-top: 16px; }
@media (max-width: 980px) { .grid, .grid2 { grid-template-columns: 1fr; } }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px; }
.score { text-align: center; }
.score .gauge { width: 150px; height: 150px; }
.score .value { font-size: 30px; font-weight: 700; fill: var(--fg); }
.score .unit { font-size: 11px; fill: var(--muted); }
.score p { margin: 6px 0 0; color: var(--muted); font-size: 12px; text-align: left; }
.track { fill: #e7ebef; }
.c-PASS { fill: var(--pass); } .c-FAIL { fill: var(--fail); } .c-ERROR { fill: var(--error); }
.c-EXCEPTED { fill: var(--excepted); } .c-MANUAL { fill: var(--manual); } .c-NA { fill: var(--na); }
.c-critical { fill: var(--critical); } .c-high { fill: var(--high); } .c-medium { fill: var(--medium); }
.c-low { fill: var(--low); } .c-info { fill: var(--info); }
.s-good { stroke: var(--pass); } .s-warn { stroke: var(--medium); } .s-bad { stroke: var(--fail); } .s-none { stroke: var(--na); }
.gauge circle { fill: none; stroke-width: 12; }
.gauge .track-ring { stroke: #e7ebef; }
svg.bar { width: 100%; height: 14px; display: block; border-radius: 3px; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; margin-top: 10px; font-size: 13px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.legend i, .dot { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
.legend b { font-variant-numeric: tabular-nums; }
.rows { display: grid; grid-template-columns: minmax(120px, max-content) 1fr 64px; gap: 8px 12px; align-items: center; }
.rows .label { font-size: 13px; }
.rows .num { text-align: right; font-variant-numeric: tabular-nums; font-size: 13px; color: var(--muted); }
.rows .num strong { color: var(--fg); }
.bg-PASS { background: var(--pass); } .bg-FAIL { background: var(--fail); } .bg-ERROR { background: var(--error); }
.bg-EXCEPTED { background: var(--excepted); } .bg-MANUAL { background: var(--manual); } .bg-NA { background: var(--na); }
.bg-critical { background: var(--critical); } .bg-high { background: var(--high); } .bg-medium { background: var(--medium); }
.bg-low { background: var(--low); } .bg-info { background: var(--info); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 7px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: 12px; color: var(--muted); font-weight: 600; background: var(--soft); }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
td.barcell { width: 34%; vertical-align: middle; }
.scroll { overflow-x: auto; }
.badge { display: inline-block; border-radius: 4px; padding: 1px 7px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.pill { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.t-FAIL { color: var(--fail); } .t-ERROR { color: var(--error); } .t-PASS { color: var(--pass); }
.t-EXCEPTED { color: var(--excepted); } .t-MANUAL { color: var(--manual); }
.alert { border-left: 4px solid var(--error); margin-top: 16px; }
table.ft { table-layout: fixed; }
table.ft th:nth-child(1) { width: 96px; } table.ft th:nth-child(3) { width: 170px; } table.ft th:nth-child(2) { width: 38%; }
table.pt th:nth-child(1) { width: 80px; }
.facts { display: grid; grid-template-columns: 1fr auto; gap: 4px 12px; margin: 18px 0 0; font-size: 13px; border-top: 1px solid var(--line); padding-top: 12px; }
.facts dt { color: var(--muted); } .facts dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.rows .head { font-size: 11px; color: var(--muted); }
.alert h2 { color: var(--error); }
.nw { white-space: nowrap; }
.alert h3.sub { margin-top: 16px; }
.alert ul { margin: 0; padding-left: 18px; }
.filters { display: none; flex-wrap: wrap; gap: 10px 18px; align-items: center; margin: 0 0 14px; padding: 10px 14px; }
.js .filters { display: flex; }
.filters input[type=search] { flex: 1 1 260px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
.filters label { display: inline-flex; gap: 4px; align-items: center; font-size: 13px; white-space: nowrap; }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; gap: 10px; flex-wrap: wrap; align-items: center; }
.filters legend { float: left; font-size: 12px; color: var(--muted); margin-right: 4px; }
details.group { background: var(--bg); border: 1px solid var(--line); border-left-width: 5px; border-radius: 8px; margin-bottom: 12px; }
details.group.sev-critical { border-left-color: var(--critical); } details.group.sev-high { border-left-color: var(--high); }
details.group.sev-medium { border-left-color: var(--medium); } details.group.sev-low { border-left-color: var(--low); }
details.group.sev-info { border-left-color: var(--info); }
details.group > summary { cursor: pointer; padding: 12px 16px; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; list-style: none; }
details.group > summary::-webkit-details-marker { display: none; }
details.group > summary::before { content: "\\25B8"; color: var(--muted); width: 10px; }
details.group[open] > summary::before { content: "\\25BE"; }
details.group > summary .title { font-weight: 600; font-size: 15px; flex: 1 1 320px; }
details.group > summary code { color: var(--muted); }
.group-body { padding: 0 16px 14px; }
.group-body .desc { margin: 0 0 10px; color: var(--muted); }
.remed { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 10px 0 14px; }
.remed h4 { margin: 0 0 4px; font-size: 13px; }
.remed h5 { margin: 10px 0 4px; font-size: 12px; color: var(--muted); }
.remed p { margin: 0; }
pre { background: #0f1720; color: #e6edf3; padding: 10px 12px; border-radius: 6px; overflow-x: auto; margin: 4px 0 0; white-space: pre-wrap; word-break: break-word; }
.ev pre { background: #f3f5f7; color: var(--fg); border: 1px solid var(--line); max-height: 360px; overflow: auto; }
.rname { font-weight: 600; word-break: break-all; }
.uid, .src { color: var(--muted); font-size: 12px; word-break: break-all; }
.tags { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.tag { background: #eef1f4; border: 1px solid var(--line); border-radius: 4px; padding: 0 6px; font-size: 11.5px; word-break: break-all; }
.path { font-size: 12px; color: var(--muted); margin-top: 4px; }
details.ev summary { cursor: pointer; color: var(--accent); font-size: 12.5px; margin-top: 4px; }
.exc { font-size: 12.5px; }
.nomatch { display: none; color: var(--muted); padding: 12px 0; }
.nomatch.show { display: block; }
details.passed > summary { cursor: pointer; font-weight: 600; padding: 12px 16px; }
details.passed { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; }
details.passed .scroll { padding: 0 16px 14px; }
a { color: var(--accent); }
footer { color: var(--muted); font-size: 12px; margin-top: 36px; border-top: 1px solid var(--line); padding-top: 12px; }
[hidden] { display: none !important; }
@media print {
  body, :root { background: #fff; }
  header.top { background: #fff; color: var(--fg); border-bottom: 2px solid var(--fg); }
  .filters { display: none !important; }
  .card, details.group { break-inside: avoid; }
  pre { background: #f3f5f7; color: var(--fg); }
}
`;

/** Filtering by text, status and severity; opens every section before printing. Uses no innerHTML. */
export const SCRIPT = `
(function () {
  var d = document;
  d.documentElement.classList.add('js');
  var q = d.getElementById('q');
  var boxes = Array.prototype.slice.call(d.querySelectorAll('.filters input[type=checkbox]'));
  var rows = Array.prototype.slice.call(d.querySelectorAll('tr.f'));
  var groups = Array.prototype.slice.call(d.querySelectorAll('[data-group]'));
  var nomatch = d.getElementById('nomatch');
  function apply() {
    var text = (q && q.value ? q.value : '').toLowerCase().trim();
    var on = {};
    boxes.forEach(function (b) { on[b.name + ':' + b.value] = b.checked; });
    var shown = 0;
    rows.forEach(function (r) {
      var ok = on['status:' + r.getAttribute('data-status')] !== false &&
        on['severity:' + r.getAttribute('data-severity')] !== false &&
        (text === '' || r.textContent.toLowerCase().indexOf(text) !== -1 ||
          (r.getAttribute('data-rule') || '').toLowerCase().indexOf(text) !== -1);
      r.hidden = !ok;
      if (ok) shown++;
    });
    groups.forEach(function (g) {
      g.hidden = g.querySelector('tr.f:not([hidden])') === null;
    });
    if (nomatch) nomatch.className = shown === 0 && rows.length > 0 ? 'nomatch show' : 'nomatch';
  }
  if (q) q.addEventListener('input', apply);
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(d.querySelectorAll('details'), function (x) { x.open = true; });
  });
})();
`;

/** The dashboard's only stylesheet, served as /dashboard/assets/dashboard.css (no inline styles: the CSP forbids them). */
export const DASHBOARD_CSS = `
:root {
  --bg: #f6f7f9; --panel: #fff; --ink: #1c2330; --muted: #5b6576; --line: #dde1e7;
  --accent: #1f5fbf; --accent-ink: #fff; --deny: #b42318; --deny-bg: #fde8e6; --ask: #8a5a00;
  --ask-bg: #fff3d6; --allow: #1e6b3a; --allow-bg: #e3f4e8; --warn-bg: #fff7e0; --focus: #f59e0b;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--panel); padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: .5rem; }
header.site { background: #111827; color: #e5e7eb; display: flex; align-items: center; gap: 1.5rem; padding: 0 1.25rem; min-height: 3.25rem; flex-wrap: wrap; }
header.site .brand { font-weight: 700; letter-spacing: .02em; color: #fff; text-decoration: none; font-size: 1.05rem; }
header.site nav ul { list-style: none; display: flex; gap: .25rem; margin: 0; padding: 0; flex-wrap: wrap; }
header.site nav a { color: #d1d5db; text-decoration: none; padding: .9rem .7rem; display: block; border-bottom: 3px solid transparent; }
header.site nav a:hover { color: #fff; }
header.site nav a[aria-current="page"] { color: #fff; border-bottom-color: #60a5fa; }
header.site .who { margin-left: auto; display: flex; gap: .75rem; align-items: center; font-size: .9rem; color: #9ca3af; }
header.site .who button { background: transparent; color: #e5e7eb; border: 1px solid #4b5563; }
main { flex: 1; padding: 1.25rem 1.5rem 3rem; max-width: 1400px; width: 100%; margin: 0 auto; }
h1 { font-size: 1.5rem; margin: .25rem 0 1rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .6rem; }
footer.site { color: var(--muted); font-size: .8rem; padding: .75rem 1.5rem; border-top: 1px solid var(--line); }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.1rem; margin-bottom: 1rem; }
.grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); }
.cards { display: grid; gap: .75rem; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); margin-bottom: 1rem; }
.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; }
a.card { display: block; color: inherit; text-decoration: none; }
a.card:hover { border-color: var(--accent); }
.card .value { font-size: 1.6rem; font-weight: 700; }
.card .label { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; width: 100%; background: var(--panel); font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .4rem 0; color: var(--muted); }
th, td { text-align: left; padding: .45rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f5; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:hover { background: #f8fafc; }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
.table-wrap table { border: 0; }
.text { font-family: var(--mono); font-size: .85rem; white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; unicode-bidi: plaintext; }
.clip { max-width: 42ch; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; display: block; unicode-bidi: plaintext; }
pre { background: #0f172a; color: #e2e8f0; padding: .75rem 1rem; border-radius: 6px; overflow: auto; max-height: 32rem; font: .82rem/1.5 var(--mono); white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .78rem; font-weight: 600; border: 1px solid transparent; white-space: nowrap; }
.effect-deny, .sev-high, .sev-critical { background: var(--deny-bg); color: var(--deny); border-color: #f5c2bd; }
.effect-ask, .sev-medium { background: var(--ask-bg); color: var(--ask); border-color: #f1d9a0; }
.effect-allow, .sev-low { background: var(--allow-bg); color: var(--allow); border-color: #b9e2c5; }
.state-open { background: #e0ebff; color: #1e40af; }
.state-acknowledged { background: #ecebff; color: #4338ca; }
.state-ignored { background: #eceff3; color: #4b5563; }
.muted { color: var(--muted); }
.reopened { color: #9a3412; font-size: .85rem; }
.warn { background: var(--warn-bg); }
tr.silent td:first-child { border-left: 4px solid var(--deny); }
.drift { color: var(--deny); font-weight: 600; }
form.filters { display: flex; flex-wrap: wrap; gap: .6rem .9rem; align-items: flex-end; }
form.filters .field { display: flex; flex-direction: column; gap: .15rem; }
label { font-size: .82rem; font-weight: 600; color: var(--muted); }
input, select, textarea, button { font: inherit; }
input[type=text], input[type=search], input[type=password], input[type=datetime-local], input[type=number], select, textarea {
  border: 1px solid #b8c0cc; border-radius: 6px; padding: .35rem .5rem; background: #fff; color: var(--ink); min-width: 9rem;
}
textarea { width: 100%; font-family: var(--mono); font-size: .85rem; }
button, .button { background: var(--accent); color: var(--accent-ink); border: 1px solid var(--accent); border-radius: 6px; padding: .38rem .8rem; cursor: pointer; text-decoration: none; display: inline-block; font-size: .9rem; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--deny); border-color: var(--deny); }
.actions { display: flex; gap: .4rem; flex-wrap: wrap; align-items: center; }
.actions form { display: inline; margin: 0; }
.pager { display: flex; gap: 1rem; margin: .75rem 0; align-items: center; }
.notice { padding: .6rem .9rem; border-radius: 6px; border: 1px solid #b9e2c5; background: var(--allow-bg); margin-bottom: 1rem; }
.error { padding: .6rem .9rem; border-radius: 6px; border: 1px solid #f5c2bd; background: var(--deny-bg); color: var(--deny); margin-bottom: 1rem; }
.secret { font-family: var(--mono); background: #111827; color: #fde68a; padding: .5rem .75rem; border-radius: 6px; display: block; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ol.timeline { list-style: none; margin: 0; padding: 0; border-left: 3px solid var(--line); }
ol.timeline > li { position: relative; margin: 0 0 .8rem 0; padding: .6rem .9rem; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; margin-left: 1rem; }
ol.timeline > li::before { content: ""; position: absolute; left: -1.45rem; top: .9rem; width: .7rem; height: .7rem; border-radius: 50%; background: var(--muted); }
ol.timeline > li.effect-deny, ol.timeline > li.effect-ask, ol.timeline > li.effect-allow { background: var(--panel); color: var(--ink); }
ol.timeline > li.effect-deny { border-color: #f5c2bd; }
ol.timeline > li.effect-deny::before { background: var(--deny); }
ol.timeline > li.effect-ask::before { background: var(--ask); }
ol.timeline > li.effect-allow::before { background: var(--allow); }
.step-head { display: flex; gap: .6rem; align-items: baseline; flex-wrap: wrap; }
.step-head time { color: var(--muted); font-size: .82rem; }
.diff { font: .82rem/1.5 var(--mono); background: #fff; border: 1px solid var(--line); border-radius: 6px; overflow: auto; }
.diff div { white-space: pre; padding: 0 .6rem; }
.diff .add { background: #e6ffec; }
.diff .del { background: #ffebe9; }
.line-error { background: var(--deny-bg); }
.chart { min-height: 220px; }
.chart-table[hidden] { display: none; }
.bar { display: inline-block; height: .6rem; background: var(--accent); border-radius: 2px; vertical-align: middle; }
.login { max-width: 26rem; margin: 4rem auto; }
.login input { width: 100%; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0,0,0,0); border: 0; }
`;

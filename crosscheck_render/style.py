"""The HTML report's stylesheet, inlined into the page: system fonts only (nothing to fetch), one column on a
phone, two on a laptop, and a print layout without backgrounds that waste ink or cards split across pages."""

STYLESHEET = """
:root { --ink:#1d232b; --muted:#5b6470; --line:#dde1e6; --paper:#ffffff; --wash:#f5f6f8;
        --major:#b3261e; --minor:#b7791f; --info:#5b6470; --ok:#2e7d32; }
* { box-sizing: border-box; }
body { margin:0; background:var(--wash); color:var(--ink);
       font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.page { background:#1d2733; color:#fff; padding:18px 28px; }
header.page h1 { margin:0; font-size:1.45rem; font-weight:600; }
header.page .window { font-weight:400; opacity:.85; margin-left:.4em; }
header.page .meta { margin:.3em 0 0; font-size:.85rem; opacity:.75; }
header.page code { color:#fff; background:rgba(255,255,255,.12); }
main { max-width:1180px; margin:0 auto; padding:20px 24px 48px; }
section { background:var(--paper); border:1px solid var(--line); border-radius:8px; padding:16px 20px;
          margin:0 0 18px; }
section#stories { background:none; border:none; padding:0; }
section.story { border-left:4px solid var(--line); }
h2 { font-size:1.15rem; margin:0 0 .6em; }
h2.stories-head { font-size:1.25rem; margin:8px 0 12px; }
h3 { font-size:.98rem; margin:1em 0 .5em; color:var(--muted); text-transform:uppercase; letter-spacing:.04em; }
code { font:12px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background:var(--wash);
       padding:1px 4px; border-radius:3px; overflow-wrap:anywhere; }
table { border-collapse:collapse; width:100%; font-size:.9rem; }
th, td { padding:6px 8px; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
thead th { font-weight:600; color:var(--muted); border-bottom:2px solid var(--line); }
.num { text-align:right; font-variant-numeric:tabular-nums; }
/* A wide table or chart scrolls inside its box, never the page; the shadow at an edge says there is more that
   way (the "local" layers cover it once scrolled to that edge), and on a phone a line says so in words. */
.scroll { overflow-x:auto; -webkit-overflow-scrolling:touch;
          background:
            linear-gradient(to right, var(--paper) 30%, rgba(255,255,255,0)) left / 28px 100% no-repeat local,
            linear-gradient(to left, var(--paper) 30%, rgba(255,255,255,0)) right / 28px 100% no-repeat local,
            radial-gradient(farthest-side at 0 50%, rgba(0,0,0,.22), rgba(0,0,0,0)) left / 12px 100% no-repeat scroll,
            radial-gradient(farthest-side at 100% 50%, rgba(0,0,0,.22), rgba(0,0,0,0)) right / 12px 100% no-repeat scroll;
        }
.scroll-hint { display:none; color:var(--muted); font-size:.8rem; margin:.2em 0 .4em; }
#timeline-table .article { min-width:14em; }
#timeline-table .day { white-space:nowrap; }
a.article-link { color:inherit; text-decoration:underline; text-decoration-color:var(--line);
                 text-underline-offset:2px; }
#read-first ol { margin:0; padding-left:1.4em; }
#read-first li { margin:.3em 0; }
#read-first a { color:var(--ink); }
.hint, .none { color:var(--muted); font-size:.88rem; }
.tiles { display:grid; grid-template-columns:repeat(auto-fit, minmax(150px, 1fr)); gap:10px; margin-bottom:14px; }
.tile { background:var(--wash); border-radius:6px; padding:10px 12px; }
.tile .n { display:block; font-size:1.6rem; font-weight:600; line-height:1.1; }
/* A label is one word and stays one: the tiles are wide enough for the longest ("uncorroborated"). */
.tile .l { color:var(--muted); font-size:.72rem; text-transform:uppercase; letter-spacing:.03em;
           overflow-wrap:normal; word-break:normal; hyphens:none; white-space:nowrap; }
.tile-discrepancies .n, .tile-major .n { color:var(--major); }
.tile-agreements .n { color:var(--ok); }
.chart-box { max-width:760px; }
svg.chart { max-width:100%; height:auto; display:block; }
svg .axis { font-size:13px; fill:var(--muted); }
svg .value { font-size:13px; fill:var(--ink); font-weight:600; }
svg .lane { stroke:var(--line); stroke-width:1; }
#agreement-matrix td { text-align:center; min-width:64px; }
#agreement-matrix td .share { display:block; font-weight:600; }
#agreement-matrix td .ratio { display:block; font-size:.75rem; color:var(--muted); }
#agreement-matrix td.self { color:var(--line); }
#agreement-matrix td.empty { color:var(--muted); background:var(--wash); }
#agreement-matrix thead th { font-size:.8rem; text-align:center; }
.rate { white-space:nowrap; }
.rate-bar { display:inline-block; height:10px; background:var(--major); opacity:.7; border-radius:2px;
            margin-right:6px; vertical-align:middle; }
.story-articles { margin:0 0 .6em; padding-left:1.1em; color:var(--muted); font-size:.9rem; }
.story-articles .source, .evidence .source, li .source { font-weight:600; color:var(--ink); }
.finding.discrepancy { border:1px solid var(--line); border-radius:6px; padding:10px 12px; margin:10px 0;
                       break-inside:avoid; }
.finding.severity-major { border-left:4px solid var(--major); }
.finding.severity-minor { border-left:4px solid var(--minor); }
.finding header { margin-bottom:8px; }
.finding .explanation { margin-left:.3em; }
.finding .confidence { color:var(--muted); font-size:.8rem; margin-left:.4em; white-space:nowrap; }
.badge { display:inline-block; font-size:.72rem; font-weight:700; text-transform:uppercase; letter-spacing:.05em;
         padding:1px 7px; border-radius:10px; color:#fff; background:var(--info); }
.badge.major { background:var(--major); }
.badge.minor { background:var(--minor); }
.evidence-grid { display:grid; grid-template-columns:repeat(auto-fit, minmax(260px, 1fr)); gap:10px; }
.evidence { background:var(--wash); border-radius:5px; padding:8px 10px; font-size:.9rem; }
.evidence blockquote { margin:.3em 0; }
.evidence mark { background:#fff0b3; padding:0 1px; }
.evidence .value, .evidence .cue { color:var(--muted); font-size:.8rem; }
.quote-diff { margin-top:10px; padding:8px 10px; border:1px dashed var(--line); border-radius:5px; }
.quote-diff .diff-head { font-size:.78rem; color:var(--muted); margin-bottom:4px; }
.quote-diff p { margin:0; font-family:Georgia, "Times New Roman", serif; font-size:1rem; line-height:1.7; }
del.material { background:#fbe0de; color:#8c1d18; }
ins.material { background:#dcf2dd; color:#1b5e20; text-decoration:none; border-bottom:2px solid #2e7d32; }
del.harmless, ins.harmless { color:var(--muted); background:none; }
ins.harmless { text-decoration:underline dotted; }
.diff-tag { font:600 .68rem/1 system-ui, sans-serif; text-transform:uppercase; letter-spacing:.04em;
            padding:2px 5px; border-radius:3px; margin-left:3px; vertical-align:middle; }
.diff-tag.material { background:#fde7c7; color:#7a4a00; }
.diff-tag.harmless { background:#e8ebef; color:var(--muted); }
details { margin:.6em 0; }
details summary { cursor:pointer; color:var(--muted); font-weight:600; }
details ul { font-size:.88rem; padding-left:1.2em; }
#changes li.new { color:var(--major); }
@media (max-width: 760px) {
  body { font-size:14px; }
  main { padding:12px 10px 32px; }
  header.page { padding:14px 12px; }
  section { padding:12px; }
  .evidence-grid { grid-template-columns:1fr; }
  .scroll-hint { display:block; }
  /* Shrunk to a phone's width a chart's 13px labels would be 6px; it keeps nine tenths of its size and
     scrolls instead, so they stay about 12px. */
  svg.chart { max-width:none; min-width:calc(var(--natural-width) * .9); }
}
@media print {
  body { background:#fff; font-size:11pt; }
  header.page { background:none; color:#000; padding:0 0 8pt; border-bottom:1pt solid #000; }
  header.page code { color:#000; }
  main { max-width:none; padding:0; }
  section { border:none; padding:0; margin:0 0 12pt; }
  section.story { break-before:auto; border-left:none; }
  details { display:block; }
  details > summary { list-style:none; }
  .finding.discrepancy, tr, svg { break-inside:avoid; }
  .scroll { overflow:visible; }
}
"""

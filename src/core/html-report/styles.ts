/** The report's stylesheet, inlined in the page (no network: no fonts, no external sheets). */
export const REPORT_CSS = `
:root{color-scheme:light;--fg:#1d2327;--muted:#5f6b73;--line:#dfe3e6;--bg:#f6f7f8}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff}
header{padding:20px 28px 12px;border-bottom:1px solid var(--line);background:var(--bg)}
header h1{margin:0 0 4px;font-size:20px}
header p{margin:2px 0;color:var(--muted)}
nav{padding:8px 28px;border-bottom:1px solid var(--line);font-size:13px}
nav a{margin-right:16px;color:#1f5fbf;text-decoration:none}
main{padding:8px 28px 40px;max-width:1400px}
h2{font-size:17px;margin:28px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:18px 0 6px}
h3 small,.muted{color:var(--muted);font-weight:normal}
.counts span{display:inline-block;margin-right:14px}
.sev{display:inline-block;min-width:58px;padding:0 6px;border-radius:3px;font-size:12px;text-align:center;color:#fff}
.sev.error{background:#9b1c1c}.sev.warning{background:#a15c00}.sev.info{background:#2f5f8a}
.sev.zero{opacity:.35}
table{border-collapse:collapse}
table.plain td,table.plain th{padding:2px 12px 2px 0;text-align:right}
table.plain th:first-child{text-align:left}
table.bars{width:100%;max-width:900px}
table.bars th{text-align:left;font-weight:normal;padding:3px 12px 3px 0;white-space:nowrap;vertical-align:top;width:1%}
table.bars td{width:100%;padding:3px 0}
.bar-line{display:flex;align-items:center;height:14px;margin:1px 0}
.bar{display:inline-block;height:11px;border-radius:2px}
.n{margin-left:6px;font-size:12px;color:var(--muted)}
.legend .key{margin-right:14px;font-size:13px}
.chip{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
table.findings{width:100%;font-size:13px}
table.findings td{padding:4px 10px 4px 0;border-bottom:1px solid var(--line);vertical-align:top}
table.findings code{font-size:12px}
.hint{color:var(--muted)}
.grid{display:flex;flex-wrap:wrap;gap:12px}
.card{margin:0;width:220px}
.card .thumb{margin:0 auto}
.card:target{outline:3px solid #1f5fbf;outline-offset:3px}
.thumb{position:relative;background:#ccc no-repeat;background-size:100% 100%}
.thumb svg{position:absolute;inset:0;width:100%;height:100%;overflow:visible}
.thumb rect{fill:none}
.thumb polygon{fill-opacity:.22}
.thumb rect,.thumb polygon{stroke-width:3px;vector-effect:non-scaling-stroke}
.thumb.missing{background:repeating-linear-gradient(45deg,#e4e6e8 0 8px,#f2f3f4 8px 16px)}
.thumb.missing span{position:absolute;left:6px;top:6px;right:6px;font-size:12px;color:var(--muted)}
figcaption{font-size:12px;padding-top:4px;overflow-wrap:anywhere}
figcaption .path{display:block}
figcaption .meta{display:block;color:var(--muted)}
.notes{margin:4px 0 0;padding-left:16px}
.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;border:3px solid;vertical-align:-1px}
.empty{color:var(--muted)}
footer{padding:12px 28px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}
`;

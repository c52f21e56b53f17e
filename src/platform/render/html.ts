/**
 * HTML for documents people print or read in the browser: escaping, an `html` tagged template that escapes every
 * interpolation unless wrapped in `raw()`, a table helper and a minimal printable A4 page in a Times-metric serif.
 *
 *   page({ title: "Kvittering", lang: "da", body: html`<h1>${title}</h1>${table(cols, rows)}` })
 */

/** Escapes the five HTML-significant characters (& < > " '). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** Markup that is already safe and must not be escaped again. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks trusted markup (never user input) as safe. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}

/** Tagged template: the literal parts are markup, every `${value}` is escaped (arrays are joined, SafeHtml kept). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((v, i) => (out += render(v) + (strings[i + 1] ?? "")));
  return new SafeHtml(out);
}

export interface HtmlColumn {
  header: string;
  align?: "left" | "right" | "center";
}

/** A table; cells are escaped unless SafeHtml. */
export function table(columns: readonly HtmlColumn[], rows: ReadonlyArray<readonly HtmlValue[]>, className = "grid"): SafeHtml {
  const style = (c: HtmlColumn | undefined) => (c?.align && c.align !== "left" ? raw(` style="text-align:${c.align}"`) : "");
  return html`<table class="${className}"><thead><tr>${columns.map((c) => html`<th${style(c)}>${c.header}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((cell, i) => html`<td${style(columns[i])}>${cell}</td>`)}</tr>`,
  )}</tbody></table>`;
}

/** A definition list of label/value pairs. */
export function keyValues(rows: ReadonlyArray<readonly [string, HtmlValue]>): SafeHtml {
  return html`<dl class="kv">${rows.map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

const PRINT_CSS = `
@page { size: A4; margin: 20mm 20mm 22mm 20mm; }
* { box-sizing: border-box; }
body { font-family: Tinos, "Liberation Serif", "Times New Roman", Times, serif; font-size: 10.5pt; line-height: 1.35;
  color: #000; margin: 0 auto; max-width: 170mm; padding: 12mm 0; }
h1 { font-size: 18pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 6mm 0 2mm; break-after: avoid; }
p.sub { color: #444; margin: 0 0 6mm; font-size: 11.5pt; }
table.grid { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 0 0 4mm; }
table.grid th { background: #e6e6e6; text-align: left; border-bottom: 0.8pt solid #000; padding: 1mm 1.2mm; }
table.grid td { border-bottom: 0.3pt solid #999; padding: 1mm 1.2mm; vertical-align: top; }
table.grid tbody tr:nth-child(even) td { background: #f5f5f5; }
table.grid thead { display: table-header-group; } table.grid tr { break-inside: avoid; }
dl.kv { display: grid; grid-template-columns: 35% 1fr; gap: 1mm 3mm; margin: 0 0 4mm; }
dl.kv dt { font-weight: bold; } dl.kv dd { margin: 0; }
.mono { font-family: "Liberation Mono", "Courier New", monospace; font-size: 9pt; word-break: break-all; }
footer { margin-top: 8mm; color: #444; font-size: 8.5pt; }
@media print { body { padding: 0; max-width: none; } }
`;

export interface PageOptions {
  title: string;
  lang: string;
  body: SafeHtml;
  /** Extra CSS appended to the print stylesheet. */
  css?: string;
}

/** A complete, self-contained HTML document (no external resources) laid out for A4 printing. */
export function page(o: PageOptions): string {
  return `<!doctype html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<style>${PRINT_CSS}${o.css ?? ""}</style>
</head>
<body>
${o.body.value}
</body>
</html>
`;
}

import { describe, expect, it } from "vitest";
import { escapeHtml, html, keyValues, page, raw, table } from "./html.ts";

describe("html renderer", () => {
  it("escapes interpolations and keeps trusted markup", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const name = "<script>alert(1)</script>";
    const out = html`<p>${name}${raw("<b>ok</b>")}${[1, "<", null]}</p>`.value;
    expect(out).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;<b>ok</b>1&lt;</p>");
  });

  it("builds a printable page with a table", () => {
    const doc = page({
      title: "Kvittering <1>",
      lang: "da",
      body: html`<h1>Ærø</h1>${keyValues([["Nummer", 7]])}${table([{ header: "Felt" }, { header: "Antal", align: "right" }], [["Nye & ændrede", 12]])}`,
    });
    expect(doc).toMatch(/^<!doctype html>/);
    expect(doc).toContain('<html lang="da">');
    expect(doc).toContain("<title>Kvittering &lt;1&gt;</title>");
    expect(doc).toContain("@page { size: A4");
    expect(doc).toContain("<td>Nye &amp; ændrede</td>");
    expect(doc).toContain('<td style="text-align:right">12</td>');
    expect(doc).toContain("<dt>Nummer</dt><dd>7</dd>");
  });
});

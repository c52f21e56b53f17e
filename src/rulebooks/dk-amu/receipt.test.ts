import { describe, expect, it } from "vitest";
import { cite, finding } from "../../kernel/law.ts";
import { pdfPages, pdfText } from "../../platform/render/testing.ts";
import { diffReports, type ReportRow } from "./report.ts";
import { RECEIPT_LIST_LIMIT, receiptModel, renderReceiptHtml, renderReceiptPdf, type ReceiptDetail } from "./receipt.ts";
import type { ReportDetail } from "./service.ts";
import { csvWriter, sha256Hex, type ReportMeta } from "./writers.ts";

const pid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const CPRS = ["0101901234", "3112855678", "1506004321"];

const row = (n: number, over: Partial<ReportRow> = {}): ReportRow => ({
  participationId: pid(n),
  recordType: "deltagelse",
  seq: 1,
  GodkendtSkole: "123456",
  outsourcedTo: null,
  cpr: CPRS[n % CPRS.length]!,
  fagkode: "47592",
  startDate: "2024-08-12",
  endDate: "2024-08-16",
  examDate: "2024-08-16",
  quarter: "2024Q3",
  resultGroup: 1,
  ResultatProevebelagt: 1,
  ResultatIkkeProevebelagt: null,
  ejRelevant: false,
  euEfteruddannelse: false,
  ...over,
});

// Previous report: rows 1–4 (row 4 ended in 2023Q3, before the new window; row 3 is later deleted in the window).
const previous: ReportRow[] = [
  row(1),
  row(2, { ResultatProevebelagt: 1 }),
  row(3, { endDate: "2024-02-02", examDate: "2024-02-02", quarter: "2024Q1" }),
  row(4, { endDate: "2023-09-01", examDate: "2023-09-01", quarter: "2023Q3" }),
];
// This report: row 1 unchanged, row 2 corrected to "ikke bestået" with a new CPR, rows 5 and the retake of 1 new.
const rows: ReportRow[] = [
  row(1),
  row(1, { recordType: "omproeve", seq: 2, examDate: "2024-09-20", ResultatProevebelagt: 1 }),
  row(2, { ResultatProevebelagt: 4, cpr: "2002021111" }),
  row(5, { fagkode: "40080", resultGroup: 2, ResultatProevebelagt: null, ResultatIkkeProevebelagt: 3, endDate: "2024-01-10", examDate: "2024-01-10", quarter: "2024Q1", startDate: "2024-01-08" }),
];
const window = { from: "2023-10-01", to: "2024-09-30", quarters: ["2023Q4", "2024Q1", "2024Q2", "2024Q3"] };
const diff = diffReports(previous, rows, window);

const excl = (rule: string, ref: string, en: string, da: string) => finding(rule, "info", cite("000", ref), { en, da });

function detail(over: Partial<ReceiptDetail> = {}): ReceiptDetail {
  const counts = { new: 0, changed: 0, unchanged: 0, removed: 0 };
  for (const d of diff) counts[d.change]++;
  const base: ReportDetail = {
    id: "9e1f7a52-1111-4000-8000-000000000007",
    number: 7,
    quarter: "2024Q3",
    createdAt: "2024-10-15T09:30:00.000Z",
    createdBy: "tap@aeroe.dk",
    counts,
    rowCount: rows.length,
    window,
    rows,
    diff: diff.map((d) => ({ id: d.key, change: d.change, ...(d.fields ? { fields: d.fields } : {}), ...(d.leftWindow ? { leftWindow: true as const } : {}) })),
    excluded: [
      { id: pid(10), reason: excl("amu.report.never-held", "6.1", "Never held: not reported.", "Ikke afholdt: ikke-afholdte prøver eller kurser indberettes ikke.") },
      { id: pid(11), reason: excl("amu.report.not-ended", "6.2", "The exam is postponed.", "Prøven er udskudt, så kurset er ikke afsluttet: indberettes efter afslutning.") },
      { id: pid(12), reason: excl("amu.report.not-ended", "6.1", "Not ended.", "Ikke afsluttet: indberettes efter afslutning af kursusdeltagelsen.") },
    ],
  };
  return { ...base, provider: { code: "123456", name: "Ærø Erhvervsskole" }, ...over };
}

const meta: ReportMeta = {
  providerCode: "123456",
  providerName: "Ærø Erhvervsskole",
  quarter: "2024Q3",
  number: 7,
  createdAt: "2024-10-15T09:30:00.000Z",
  window,
};

/** Every CPR in the fixture, as 10 digits and as DDMMYY-SSSS. */
const allCprs = [...new Set([...previous, ...rows].map((r) => r.cpr))];
const expectNoCpr = (text: string) => {
  const flat = text.replace(/\s+/g, "");
  for (const c of allCprs) {
    expect(flat).not.toContain(c);
    expect(flat).not.toContain(`${c.slice(0, 6)}-${c.slice(6)}`);
  }
};

describe("AMU receipt", () => {
  it("the fixture has every kind of change", () => {
    expect(detail().counts).toEqual({ new: 2, changed: 1, unchanged: 1, removed: 2 });
    expect(diff.find((d) => d.change === "removed" && d.leftWindow)?.key).toBe(`${pid(4)}|deltagelse|1`);
  });

  it("prints number, quarter, window, provider, counts and the SHA-256 of the exact CSV file (PDF, Danish)", async () => {
    const text = pdfText(await renderReceiptPdf(detail()));
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Kvittering for AMU-indberetning");
    expect(flat).toContain("Indberetning nr. 7 · 3. kvartal 2024");
    expect(flat).toMatch(/Udbyder \(GodkendtSkole\) 123456 Ærø Erhvervsskole/);
    expect(flat).toContain("2023Q4–2024Q3 (1. oktober 2023 – 30. september 2024)");
    expect(flat).toContain("15. oktober 2024 kl. 11.30"); // 09:30 UTC is 11:30 in Copenhagen (summer time)
    expect(flat).toContain("tap@aeroe.dk");
    expect(flat).toMatch(/Rækker i filen 4/);
    expect(flat).toMatch(/Nye 2 Ændrede 1 Uændrede 1 Fjernede 2 heraf uden for perioden \(før første kvartal\) 1/);
    // rows per quarter: 2024Q1 one participation; 2024Q3 two participations and one retake
    expect(flat).toMatch(/2024Q1 1 0 1/);
    expect(flat).toMatch(/2024Q3 2 1 3/);
    expect(flat).toMatch(/I alt 3 1 4/);
    // the digest is that of the CSV file the writer produces for these rows
    const sha = sha256Hex(Buffer.from(csvWriter.write(rows, meta), "utf8"));
    expect(flat).toContain(sha);
    expect(flat).toContain("amu-indberetning-123456-2024Q3-nr7.csv");
    // changed row: the fields that changed with their new values, CPR masked
    expect(flat).toContain(pid(2));
    expect(flat).toMatch(/CPR: 200202-xxxx; ResultatProevebelagt: 4/);
    // removed within the window (row 3), not the one that left the window (row 4)
    expect(flat).toMatch(/Fjernede rækker inden for perioden \(1\)/);
    expect(flat).toContain(pid(3));
    // excluded, by reason with the section
    expect(flat).toMatch(/Ikke medtaget \(3\)/);
    expect(flat).toMatch(/Ikke afholdt seed 000 · 6\.1 1/);
    expect(flat).toMatch(/Ikke afsluttet seed 000 · 6\.2 2/);
    expect(flat).toContain(pid(12));
    expect(flat).toContain("Side 1 af");
    expectNoCpr(text);
  });

  it("prints in English on request", async () => {
    const text = pdfText(await renderReceiptPdf(detail(), "en")).replace(/\s+/g, " ");
    expect(text).toContain("Receipt for AMU report");
    expect(text).toContain("Report no. 7 · Q3 2024");
    expect(text).toMatch(/New 2 Changed 1 Unchanged 1 Removed 2/);
    expect(text).toContain("15 October 2024, 11:30 (Copenhagen time)");
    expect(text).toMatch(/Not ended seed 000 · 6\.2 2/);
    expect(text).toContain("Page 1 of");
    expectNoCpr(text);
  });

  it("refuses to compute a digest from masked rows, and uses a given one", async () => {
    const masked = detail({ rows: rows.map((r) => ({ ...r, cpr: `${r.cpr.slice(0, 6)}-xxxx` })) });
    expect(() => receiptModel(masked)).toThrow(/masked CPR/);
    const given = "a".repeat(64);
    const text = pdfText(await renderReceiptPdf({ ...masked, fileSha256: given }));
    expect(text).toContain(given);
  });

  it("says so when it is the first report and nothing was left out", async () => {
    const first = detail({
      counts: { new: 4, changed: 0, unchanged: 0, removed: 0 },
      diff: rows.map((r) => ({ id: `${r.participationId}|${r.recordType}|${r.seq}`, change: "new" as const })),
      excluded: [],
    });
    const text = pdfText(await renderReceiptPdf(first)).replace(/\s+/g, " ");
    expect(text).toContain("Første indberetning: alle rækker er nye.");
    expect(text).toContain("Ingen kursusdeltagelser er udeladt.");
  });

  it("lists long exclusions up to the limit on several pages, header repeated", async () => {
    const many = Array.from({ length: RECEIPT_LIST_LIMIT + 25 }, (_, i) => ({
      id: pid(1000 + i),
      reason: excl("amu.report.ended-before-window", "6.1", `Ended 2023-0${(i % 9) + 1}-01, before …`, `Afsluttet 2023-0${(i % 9) + 1}-01, før de fire kvartaler.`),
    }));
    const pages = pdfPages(await renderReceiptPdf(detail({ excluded: many })));
    expect(pages.length).toBeGreaterThan(3);
    const all = pages.join("\n").replace(/\s+/g, " ");
    expect(all).toMatch(new RegExp(`Afsluttet før perioden seed 000 · 6\\.1 ${RECEIPT_LIST_LIMIT + 25}`));
    expect(all).toContain("… og 25 flere");
    expect(all).toContain(pid(1000 + RECEIPT_LIST_LIMIT - 1));
    expect(all).not.toContain(pid(1000 + RECEIPT_LIST_LIMIT));
    const last = pages[pages.length - 1]!;
    expect(last).toMatch(/Deltagelse\s+Begrundelse/);
    expect(last).toContain(`Side ${pages.length} af ${pages.length}`);
  });

  it("renders the same content as printable HTML, escaped and masked", () => {
    const out = renderReceiptHtml(detail({ createdBy: "<script>x</script>" }));
    expect(out).toContain('<html lang="da">');
    expect(out).toContain("Kvittering for AMU-indberetning");
    expect(out).toContain(sha256Hex(csvWriter.write(rows, meta)));
    expect(out).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(out).not.toContain("<script>");
    expect(out).toContain("CPR: 200202-xxxx; ResultatProevebelagt: 4");
    expectNoCpr(out);
    expect(renderReceiptHtml(detail(), "en")).toContain("Receipt for AMU report");
  });
});

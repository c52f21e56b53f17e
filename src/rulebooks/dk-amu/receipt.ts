/**
 * The receipt for a stored AMU report submission (seed 000 §2: the quarterly AMU-indberetning), as PDF and as HTML,
 * in Danish (default) or English.
 *
 * It states what was reported: number, quarter and its window of four quarters (§2, §6.1), who made it and when, the
 * provider, the counts against the previous report (new / changed / unchanged / removed), the changed rows with the
 * fields that changed, the removed rows, the participations left out and why — and the SHA-256 of the exact CSV file
 * (writers.ts), so the receipt proves which bytes were sent. CPR numbers are masked everywhere on it (DDMMYY-xxxx).
 *
 * Callers pass the report as stored (rows with the CPR numbers in full) so the digest can be computed here; a caller
 * that only holds the masked rows (a read-only role's view) passes `fileSha256` computed from the stored rows
 * (`reportFileSha256`). Without either, rendering refuses rather than print a digest of a file that was never sent.
 */
import { formatCitation, text as pick, type Finding } from "../../kernel/law.ts";
import { maskCpr } from "../../kernel/ids/cpr.ts";
import { html, keyValues as htmlKeyValues, page, table as htmlTable, type SafeHtml } from "../../platform/render/html.ts";
import { createPdf } from "../../platform/render/pdf.ts";
import type { ReportRow } from "./report.ts";
import type { ReportDetail } from "./service.ts";
import { CSV_LAYOUT, csvWriter, reportFileSha256, type ReportMeta } from "./writers.ts";

export type ReceiptLang = "da" | "en";

/** A stored report plus what the receipt needs besides it. */
export type ReceiptDetail = ReportDetail & {
  /** The approved provider (GodkendtSkole). Default: the institution number on the rows, name unknown. */
  provider?: { code: string; name: string };
  /** SHA-256 (hex) of the exported CSV file; computed from `rows` when absent (rows must then carry full CPRs). */
  fileSha256?: string;
};

/** At most this many changed / removed / excluded rows are listed one by one; the counts always cover all. */
export const RECEIPT_LIST_LIMIT = 500;

const FULL_CPR = /^\d{10}$/;

const T = {
  da: {
    title: "Kvittering for AMU-indberetning",
    subtitle: (n: number, q: string) => `Indberetning nr. ${n} · ${quarterName(q, "da")}`,
    provider: "Udbyder (GodkendtSkole)",
    number: "Indberetning nr.",
    quarter: "Kvartal",
    window: "Periode (seneste fire kvartaler)",
    created: "Oprettet",
    createdBy: "Oprettet af",
    rows: "Rækker i filen",
    file: "Fil",
    digest: "SHA-256 af filen",
    digestNote:
      "Kvitteringen dokumenterer den indberettede fil: filens SHA-256 skal være den ovenfor (kontrollér fx med sha256sum). " +
      "Feltlayoutet er bevis' eget (bevis-amu-1), da STIL's officielle layout ikke er kendt.",
    changes: "Ændringer i forhold til forrige indberetning",
    first: "Første indberetning: alle rækker er nye.",
    kind: "Ændring",
    count: "Antal",
    new: "Nye",
    changed: "Ændrede",
    unchanged: "Uændrede",
    removed: "Fjernede",
    removedLeft: "heraf uden for perioden (før første kvartal)",
    perQuarter: "Rækker pr. kvartal",
    participations: "Kursusdeltagelser",
    retakes: "Omprøver",
    total: "I alt",
    changedRows: "Ændrede rækker",
    removedRows: "Fjernede rækker inden for perioden",
    participation: "Deltagelse",
    record: "Post",
    cpr: "CPR",
    fagkode: "Fagkode",
    fields: "Ændrede felter (ny værdi)",
    excluded: "Ikke medtaget",
    excludedNone: "Ingen kursusdeltagelser er udeladt.",
    reason: "Begrundelse",
    cite: "Hjemmel",
    excludedList: "Udeladte kursusdeltagelser",
    more: (n: number) => `… og ${n} flere (se indberetningen i bevis).`,
    none: "Ingen.",
    footer: (n: number, code: string) => `bevis · AMU-indberetning nr. ${n} · ${code}`,
    recordType: { deltagelse: "Deltagelse", omproeve: "Omprøve" } as Record<ReportRow["recordType"], string>,
    unknownProvider: "(navn ukendt)",
  },
  en: {
    title: "Receipt for AMU report",
    subtitle: (n: number, q: string) => `Report no. ${n} · ${quarterName(q, "en")}`,
    provider: "Provider (GodkendtSkole)",
    number: "Report no.",
    quarter: "Quarter",
    window: "Period (latest four quarters)",
    created: "Created",
    createdBy: "Created by",
    rows: "Rows in the file",
    file: "File",
    digest: "SHA-256 of the file",
    digestNote:
      "This receipt documents the file that was reported: its SHA-256 must be the one above (check with sha256sum, for example). " +
      "The field layout is bevis' own (bevis-amu-1), as STIL's official layout is not known.",
    changes: "Changes since the previous report",
    first: "First report: every row is new.",
    kind: "Change",
    count: "Count",
    new: "New",
    changed: "Changed",
    unchanged: "Unchanged",
    removed: "Removed",
    removedLeft: "of which outside the period (before its first quarter)",
    perQuarter: "Rows per quarter",
    participations: "Participations",
    retakes: "Retakes",
    total: "Total",
    changedRows: "Changed rows",
    removedRows: "Rows removed within the period",
    participation: "Participation",
    record: "Record",
    cpr: "CPR",
    fagkode: "Fagkode",
    fields: "Changed fields (new value)",
    excluded: "Not included",
    excludedNone: "No participation was left out.",
    reason: "Reason",
    cite: "Source",
    excludedList: "Participations left out",
    more: (n: number) => `… and ${n} more (see the report in bevis).`,
    none: "None.",
    footer: (n: number, code: string) => `bevis · AMU report no. ${n} · ${code}`,
    recordType: { deltagelse: "Participation", omproeve: "Retake" } as Record<ReportRow["recordType"], string>,
    unknownProvider: "(name unknown)",
  },
};

/** Short labels for the known exclusion rules of report.ts (the findings' own messages name dates per row). */
const EXCLUSION_LABEL: Record<string, { da: string; en: string }> = {
  "amu.report.other-provider": { da: "Afholdt af en anden godkendt udbyder", en: "Held by another approved provider" },
  "amu.report.never-held": { da: "Ikke afholdt", en: "Never held" },
  "amu.report.not-ended": { da: "Ikke afsluttet", en: "Not ended" },
  "amu.report.ended-before-window": { da: "Afsluttet før perioden", en: "Ended before the period" },
  "amu.report.ended-after-window": { da: "Afsluttet efter kvartalet", en: "Ended after the quarter" },
};

const MONTHS = {
  da: ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "2024Q3" → "3. kvartal 2024" / "Q3 2024". */
export function quarterName(label: string, lang: ReceiptLang): string {
  const m = /^(\d{4})Q([1-4])$/.exec(label);
  if (!m) return label;
  return lang === "da" ? `${m[2]}. kvartal ${m[1]}` : `Q${m[2]} ${m[1]}`;
}

/** "2023-10-01" → "1. oktober 2023" / "1 October 2023". */
export function longDate(iso: string, lang: ReceiptLang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = MONTHS[lang][Number(m[2]) - 1] ?? m[2];
  return lang === "da" ? `${Number(m[3])}. ${month} ${m[1]}` : `${Number(m[3])} ${month} ${m[1]}`;
}

/** A timestamp in Danish time: "15. oktober 2024 kl. 11.30" / "15 October 2024, 11:30 (Copenhagen time)". */
export function timestamp(iso: string, lang: ReceiptLang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Copenhagen",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(d)
      .map((p) => [p.type, p.value]),
  );
  const date = longDate(`${parts.year}-${parts.month}-${parts.day}`, lang);
  return lang === "da" ? `${date} kl. ${parts.hour}.${parts.minute}` : `${date}, ${parts.hour}:${parts.minute} (Copenhagen time)`;
}

const fieldName = new Map<string, string>(CSV_LAYOUT.map((c) => [c.field, c.name]));

function valueText(field: string, v: unknown): string {
  if (v === null || v === undefined) return "–";
  if (field === "cpr") return maskCpr(String(v));
  if (typeof v === "boolean") return v ? "J" : "N";
  return String(v);
}

const recordLabel = (t: (typeof T)[ReceiptLang], type: string, seq: number) =>
  `${t.recordType[type as ReportRow["recordType"]] ?? type}${type === "omproeve" ? ` ${seq}` : ""}`;

/** "pid|type|seq" → its parts. */
function splitKey(key: string): { participationId: string; recordType: string; seq: number } {
  const [participationId = key, recordType = "", seq = "1"] = key.split("|");
  return { participationId, recordType, seq: Number(seq) };
}

/** Everything the receipt shows, resolved to one language; the PDF and the HTML are two renderings of it. */
export interface ReceiptModel {
  lang: ReceiptLang;
  title: string;
  subtitle: string;
  facts: [string, string][];
  fileName: string;
  sha256: string;
  digestNote: string;
  counts: { heading: string; first: boolean; rows: [string, number][] };
  perQuarter: { heading: string; columns: string[]; rows: (string | number)[][] };
  changed: { heading: string; columns: string[]; rows: string[][]; more: string | null };
  removed: { heading: string; columns: string[]; rows: string[][]; more: string | null };
  excluded: {
    heading: string;
    none: string | null;
    summaryColumns: string[];
    summary: (string | number)[][];
    listHeading: string;
    listColumns: string[];
    list: string[][];
    more: string | null;
  };
  footer: string;
  noneText: string;
}

export function receiptModel(detail: ReceiptDetail, lang: ReceiptLang = "da"): ReceiptModel {
  const t = T[lang];
  const providerCode = detail.provider?.code ?? detail.rows[0]?.GodkendtSkole ?? "–";
  const providerName = detail.provider?.name ?? t.unknownProvider;
  const meta: ReportMeta = {
    providerCode,
    providerName,
    quarter: detail.quarter,
    number: detail.number,
    createdAt: detail.createdAt,
    window: detail.window,
  };
  let sha256 = detail.fileSha256;
  if (sha256 === undefined) {
    if (detail.rows.some((r) => !FULL_CPR.test(r.cpr)))
      throw new Error("receipt: the rows carry masked CPR numbers; pass the stored rows or fileSha256 (reportFileSha256 of the stored rows)");
    sha256 = reportFileSha256(detail.rows, meta);
  }
  const q = detail.window.quarters;
  const windowText = `${q[0] ?? ""}–${q[q.length - 1] ?? ""} (${longDate(detail.window.from, lang)} – ${longDate(detail.window.to, lang)})`;

  const facts: [string, string][] = [
    [t.provider, `${providerCode} ${providerName}`],
    [t.number, String(detail.number)],
    [t.quarter, `${detail.quarter} (${quarterName(detail.quarter, lang)})`],
    [t.window, windowText],
    [t.created, timestamp(detail.createdAt, lang)],
    [t.createdBy, detail.createdBy],
    [t.rows, String(detail.rowCount ?? detail.rows.length)],
    [t.file, `${csvWriter.fileName(meta)} (CSV, bevis-amu-1)`],
  ];

  const leftWindow = detail.diff.filter((d) => d.change === "removed" && d.leftWindow).length;
  const counts: [string, number][] = [
    [t.new, detail.counts.new],
    [t.changed, detail.counts.changed],
    [t.unchanged, detail.counts.unchanged],
    [t.removed, detail.counts.removed],
  ];
  if (leftWindow > 0) counts.push([`  ${t.removedLeft}`, leftWindow]);
  const first = detail.counts.changed + detail.counts.unchanged + detail.counts.removed === 0;

  // Rows per quarter of the window.
  const perQ = new Map<string, { d: number; o: number }>(q.map((x) => [x, { d: 0, o: 0 }]));
  for (const r of detail.rows) {
    let e = perQ.get(r.quarter);
    if (!e) perQ.set(r.quarter, (e = { d: 0, o: 0 }));
    if (r.recordType === "omproeve") e.o++;
    else e.d++;
  }
  const perQuarterRows: (string | number)[][] = [...perQ].map(([label, e]) => [label, e.d, e.o, e.d + e.o]);
  const totals = perQuarterRows.reduce<[number, number, number]>((s, r) => [s[0] + Number(r[1]), s[1] + Number(r[2]), s[2] + Number(r[3])], [0, 0, 0]);
  perQuarterRows.push([t.total, ...totals]);

  // Changed rows, with the new value of each changed field.
  const byKey = new Map<string, ReportRow>();
  for (const r of detail.rows) byKey.set(`${r.participationId}|${r.recordType}|${r.seq}`, r);
  const changedDiff = detail.diff.filter((d) => d.change === "changed");
  const changedRows = changedDiff.slice(0, RECEIPT_LIST_LIMIT).map((d) => {
    const k = splitKey(d.id);
    const row = byKey.get(d.id);
    const fields = (d.fields ?? [])
      .map((f) => `${fieldName.get(f) ?? f}: ${row ? valueText(f, row[f as keyof ReportRow]) : "?"}`)
      .join("; ");
    return [k.participationId, recordLabel(t, k.recordType, k.seq), row ? maskCpr(row.cpr) : "–", row?.fagkode ?? "–", row?.quarter ?? "–", fields];
  });

  const removedDiff = detail.diff.filter((d) => d.change === "removed" && !d.leftWindow);
  const removedRows = removedDiff.slice(0, RECEIPT_LIST_LIMIT).map((d) => {
    const k = splitKey(d.id);
    return [k.participationId, recordLabel(t, k.recordType, k.seq)];
  });

  // Excluded participations, by rule.
  const byRule = new Map<string, { label: string; cite: string; n: number }>();
  for (const e of detail.excluded) {
    const rule = e.reason.rule;
    let g = byRule.get(rule);
    if (!g) byRule.set(rule, (g = { label: EXCLUSION_LABEL[rule]?.[lang] ?? pick(e.reason.message, lang), cite: formatCitation(e.reason.cite), n: 0 }));
    g.n++;
  }
  const excludedList = detail.excluded.slice(0, RECEIPT_LIST_LIMIT).map((e) => [e.id, reasonText(e.reason, lang)]);
  const more = (n: number) => (n > RECEIPT_LIST_LIMIT ? t.more(n - RECEIPT_LIST_LIMIT) : null);

  return {
    lang,
    title: t.title,
    subtitle: t.subtitle(detail.number, detail.quarter),
    facts,
    fileName: csvWriter.fileName(meta),
    sha256,
    digestNote: t.digestNote,
    counts: { heading: t.changes, first, rows: counts },
    perQuarter: { heading: t.perQuarter, columns: [t.quarter, t.participations, t.retakes, t.total], rows: perQuarterRows },
    changed: {
      heading: `${t.changedRows} (${changedDiff.length})`,
      columns: [t.participation, t.record, t.cpr, t.fagkode, t.quarter, t.fields],
      rows: changedRows,
      more: more(changedDiff.length),
    },
    removed: { heading: `${t.removedRows} (${removedDiff.length})`, columns: [t.participation, t.record], rows: removedRows, more: more(removedDiff.length) },
    excluded: {
      heading: `${t.excluded} (${detail.excluded.length})`,
      none: detail.excluded.length === 0 ? t.excludedNone : null,
      summaryColumns: [t.reason, t.cite, t.count],
      summary: [...byRule.values()].map((g) => [g.label, g.cite, g.n]),
      listHeading: t.excludedList,
      listColumns: [t.participation, t.reason],
      list: excludedList,
      more: more(detail.excluded.length),
    },
    footer: t.footer(detail.number, providerCode),
    noneText: t.none,
  };
}

/** The finding's message in the language, with the citation; never a CPR (findings never carry one). */
function reasonText(f: Finding, lang: ReceiptLang): string {
  return `${pick(f.message, lang)} (${formatCitation(f.cite)})`;
}

/** The receipt as an A4 PDF (Tinos; "Side x af y"). */
export async function renderReceiptPdf(detail: ReceiptDetail, lang: ReceiptLang = "da"): Promise<Buffer> {
  const m = receiptModel(detail, lang);
  const pdf = createPdf({
    title: `${m.title} – ${m.subtitle}`,
    subject: m.fileName,
    author: "bevis",
    lang,
    footer: m.footer,
    createdAt: new Date(detail.createdAt),
  });
  pdf.title(m.title, m.subtitle);
  pdf.keyValues(m.facts);
  pdf.text(T[lang].digest, { bold: true, after: 0.1 });
  pdf.text(m.sha256, { after: 0.2 });
  pdf.text(m.digestNote, { size: pdf.fontSize * 0.85, color: "#333333" });

  pdf.heading(m.counts.heading);
  if (m.counts.first) pdf.text(T[lang].first, { italic: true });
  pdf.table([{ header: T[lang].kind, width: 3 }, { header: T[lang].count, width: 1, align: "right" }], m.counts.rows);

  pdf.heading(m.perQuarter.heading);
  pdf.table(
    m.perQuarter.columns.map((h, i) => ({ header: h, width: i === 0 ? 2 : 1, align: i === 0 ? ("left" as const) : ("right" as const) })),
    m.perQuarter.rows,
  );

  pdf.heading(m.changed.heading);
  if (m.changed.rows.length === 0) pdf.text(m.noneText);
  else
    pdf.table(
      m.changed.columns.map((h, i) => ({ header: h, width: [4.4, 1.4, 1.6, 1, 1.1, 3.5][i] ?? 1 })),
      m.changed.rows,
      { size: pdf.fontSize * 0.8 },
    );
  if (m.changed.more) pdf.text(m.changed.more, { italic: true });

  pdf.heading(m.removed.heading);
  if (m.removed.rows.length === 0) pdf.text(m.noneText);
  else pdf.table(m.removed.columns.map((h, i) => ({ header: h, width: i === 0 ? 3 : 1 })), m.removed.rows, { size: pdf.fontSize * 0.8 });
  if (m.removed.more) pdf.text(m.removed.more, { italic: true });

  pdf.heading(m.excluded.heading);
  if (m.excluded.none) pdf.text(m.excluded.none);
  else {
    pdf.table(
      [
        { header: m.excluded.summaryColumns[0] ?? "", width: 4 },
        { header: m.excluded.summaryColumns[1] ?? "", width: 2 },
        { header: m.excluded.summaryColumns[2] ?? "", width: 1, align: "right" },
      ],
      m.excluded.summary,
    );
    pdf.heading(m.excluded.listHeading);
    pdf.table(m.excluded.listColumns.map((h, i) => ({ header: h, width: i === 0 ? 2.2 : 4 })), m.excluded.list, { size: pdf.fontSize * 0.8 });
    if (m.excluded.more) pdf.text(m.excluded.more, { italic: true });
  }
  return pdf.toBuffer();
}

/** The receipt as a self-contained, printable HTML page. */
export function renderReceiptHtml(detail: ReceiptDetail, lang: ReceiptLang = "da"): string {
  const m = receiptModel(detail, lang);
  const t = T[lang];
  const tbl = (columns: string[], rows: ReadonlyArray<ReadonlyArray<string | number>>, right: (i: number) => boolean = () => false): SafeHtml =>
    rows.length === 0 ? html`<p>${m.noneText}</p>` : htmlTable(columns.map((h, i) => ({ header: h, align: right(i) ? "right" : "left" })), rows);
  const more = (s: string | null) => (s ? html`<p><em>${s}</em></p>` : "");
  const body = html`
<h1>${m.title}</h1>
<p class="sub">${m.subtitle}</p>
${htmlKeyValues(m.facts)}
${htmlKeyValues([[t.digest, html`<span class="mono" id="sha256">${m.sha256}</span>`]])}
<p><small>${m.digestNote}</small></p>
<h2>${m.counts.heading}</h2>
${m.counts.first ? html`<p><em>${t.first}</em></p>` : ""}
${tbl([t.kind, t.count], m.counts.rows, (i) => i === 1)}
<h2>${m.perQuarter.heading}</h2>
${tbl(m.perQuarter.columns, m.perQuarter.rows, (i) => i > 0)}
<h2>${m.changed.heading}</h2>
${tbl(m.changed.columns, m.changed.rows)}${more(m.changed.more)}
<h2>${m.removed.heading}</h2>
${tbl(m.removed.columns, m.removed.rows)}${more(m.removed.more)}
<h2>${m.excluded.heading}</h2>
${
  m.excluded.none
    ? html`<p>${m.excluded.none}</p>`
    : html`${tbl(m.excluded.summaryColumns, m.excluded.summary, (i) => i === 2)}<h2>${m.excluded.listHeading}</h2>${tbl(m.excluded.listColumns, m.excluded.list)}${more(m.excluded.more)}`
}
<footer>${m.footer}</footer>`;
  return page({ title: `${m.title} – ${m.subtitle}`, lang, body });
}

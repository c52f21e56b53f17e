/**
 * AUB documents (seed 004): the contribution statement per employer and quarter (§ 3, with the paragraphs behind each
 * krone), the school-week report (§ 9), the year-end settlement (§ 8) and the management and auditor statement of
 * school weeks ("Ledelses- og Revisorerklæring", § 11). PDF through platform/render/pdf.ts, XLSX through
 * platform/render/xlsx.ts. Danish (default) or English. CPR numbers are masked in every document.
 */
import { maskCpr } from "../../kernel/ids/cpr.ts";
import { formatCitation, text, type Finding } from "../../kernel/law.ts";
import { createPdf } from "../../platform/render/pdf.ts";
import { addTableSheet, createWorkbook, workbookToBuffer } from "../../platform/render/xlsx.ts";
import type { SchoolWeekLine, YearEndSettlement } from "./model.ts";
import { formatDkk, formatKroner } from "./money.ts";
import type { ContributionStatement, RefundOverview } from "./service.ts";

type Lang = "da" | "en";
const kr = (o: number, lang: Lang) => (lang === "da" ? formatKroner(o) : formatDkk(o));
const t = (lang: Lang, da: string, en: string) => (lang === "da" ? da : en);
const findingRow = (f: Finding, lang: Lang): [string, string, string] => [formatCitation(f.cite), f.severity, text(f.message, lang)];

/** Contribution statement (bidragsopgørelse) of an employer for a quarter: the calculation and its paragraphs. */
export async function statementPdf(s: ContributionStatement, lang: Lang): Promise<Buffer> {
  const pdf = createPdf({ title: t(lang, `AUB-bidragsopgørelse ${s.quarter}`, `AUB contribution statement ${s.quarter}`), lang, footer: `CVR ${s.employer.cvr} · ${s.quarter}` });
  pdf.title(t(lang, "Bidragsopgørelse – Arbejdsgivernes Uddannelsesbidrag", "Contribution statement – Arbejdsgivernes Uddannelsesbidrag"), t(lang, "Bekendtgørelse om Arbejdsgivernes Uddannelsesbidrag, §§ 1–4", "Executive order on AUB, §§ 1–4"));
  pdf.keyValues([
    [t(lang, "Arbejdsgiver", "Employer"), s.employer.name],
    ["CVR", s.employer.cvr],
    [t(lang, "Kvartal", "Quarter"), s.quarter],
    [t(lang, "Bidragspligt (§§ 1–2)", "Liability (§§ 1–2)"), s.liability.liable ? t(lang, "ja", "yes") : t(lang, "nej – undtaget", "no – exempt")],
    [t(lang, "Bidrag i alt (§ 3)", "Contribution total (§ 3)"), kr(s.totalOere, lang)],
    [t(lang, "Opkrævet", "Charged"), kr(s.chargedOere, lang)],
    [t(lang, "Heraf genberegninger (§ 3, stk. 2)", "Of which recalculations (§ 3, stk. 2)"), kr(s.correctionsOere, lang)],
  ]);
  for (const u of s.units) {
    pdf.heading(`${t(lang, "Enhed", "Unit")} SE ${u.unit.se}${u.unit.name ? ` – ${u.unit.name}` : ""} (§ 3, stk. 3)`);
    const c = u.contribution;
    if (c)
      pdf.keyValues([
        [t(lang, "Indberettet ATP (version)", "Reported ATP (version)"), `${kr(c.reportedOere, lang)} (${c.version})`],
        [t(lang, "Fritagne elever (§ 4)", "Exempt trainees (§ 4)"), kr(c.exemptTraineeOere, lang)],
        [t(lang, "Grundlag (§ 3, stk. 2)", "Basis (§ 3, stk. 2)"), kr(c.basisOere, lang)],
        [t(lang, "Fuldt kvartals ATP-bidrag", "Full quarter's ATP amount"), kr(c.fullQuarterAtpOere, lang)],
        [t(lang, "Fulde kvartaler (§ 3, stk. 1)", "Full quarters (§ 3, stk. 1)"), c.fullQuarters],
        [t(lang, "Rest, ikke opkrævet", "Remainder, not charged"), kr(c.remainderOere, lang)],
        [t(lang, "Kvartalssats", "Quarterly rate"), kr(c.ratePerQuarterOere, lang)],
        [t(lang, "Bidrag", "Contribution"), `${c.fullQuarters} × ${kr(c.ratePerQuarterOere, lang)} = ${kr(c.contributionOere, lang)}`],
      ]);
    if (u.charges.length > 0) {
      pdf.text(t(lang, "Opkrævninger og genberegninger (§ 3, stk. 2):", "Charges and recalculations (§ 3, stk. 2):"), { bold: true });
      pdf.table(
        [
          { header: "#", width: 1 },
          { header: t(lang, "Årsag", "Cause"), width: 3 },
          { header: "ATP v.", width: 1.2 },
          { header: t(lang, "Bidrag", "Contribution"), width: 2.5, align: "right" },
          { header: t(lang, "Tidligere", "Previous"), width: 2.5, align: "right" },
          { header: "Difference", width: 2.5, align: "right" },
        ],
        u.charges.map((ch) => [ch.seq, ch.cause, ch.reportVersion, kr(ch.contributionOere, lang), kr(ch.previousOere, lang), kr(ch.differenceOere, lang)]),
      );
    }
    if (u.findings.length > 0) {
      pdf.text(t(lang, "Begrundelse:", "Reasons:"), { bold: true });
      pdf.table(
        [
          { header: "§", width: 2 },
          { header: t(lang, "Art", "Kind"), width: 1.2 },
          { header: t(lang, "Tekst", "Text"), width: 9 },
        ],
        u.findings.map((f) => findingRow(f, lang)),
        { size: 8 },
      );
    }
  }
  if (s.liability.findings.length > 0) {
    pdf.heading(t(lang, "Bidragspligt (§§ 1–2)", "Liability (§§ 1–2)"));
    for (const f of s.liability.findings) pdf.text(`${formatCitation(f.cite)}: ${text(f.message, lang)}`);
  }
  return pdf.toBuffer();
}

const lineRows = (lines: readonly SchoolWeekLine[]) =>
  lines.map((l) => ({ school: l.institutionId, cpr: l.cpr ? maskCpr(l.cpr) : "", education: l.education ?? "", speciality: l.speciality ?? "", part: l.part ?? "", weeks: l.weeks, from: l.from, to: l.to }));

/** The school-week report of a year (§ 9): lines (CPR masked), totals per quarter and institution. */
export async function schoolWeeksPdf(o: RefundOverview, lines: readonly SchoolWeekLine[], lang: Lang): Promise<Buffer> {
  const pdf = createPdf({ title: t(lang, `Skoleuger ${o.year}`, `School weeks ${o.year}`), lang });
  pdf.title(t(lang, `Indberettede tilskudsberettigede skoleuger ${o.year}`, `Reported eligible school weeks ${o.year}`), t(lang, "Bekendtgørelse om AUB §§ 7 og 9", "Executive order on AUB §§ 7 and 9"));
  pdf.keyValues([
    [t(lang, "Ugesats (§ 7, stk. 2)", "Weekly rate (§ 7, stk. 2)"), o.weeklyRate ? `${kr(o.weeklyRate.monthlyOere, lang)} × 12 / 52 = ${kr(o.weeklyRate.weeklyOere, lang)}` : "-"],
    [t(lang, "Skoleuger i alt", "School weeks in total"), o.totalWeeks],
    [t(lang, "Refusion i alt", "Refund in total"), kr(o.totalOere, lang)],
  ]);
  if (o.weeklyRate?.findings.some((f) => f.severity === "warning")) pdf.text(t(lang, "SU-satsen stammer fra en sekundær kilde og skal bekræftes.", "The SU rate comes from a secondary source and must be confirmed."), { bold: true });
  pdf.heading(t(lang, "Pr. kvartal", "Per quarter"));
  pdf.table(
    [
      { header: t(lang, "Kvartal", "Quarter"), width: 2 },
      { header: t(lang, "Uger", "Weeks"), width: 1.5, align: "right" },
      { header: t(lang, "Beløb", "Amount"), width: 3, align: "right" },
    ],
    o.quarters.map((q) => [q.quarter, q.weeks, kr(q.amountOere, lang)]),
  );
  pdf.heading(t(lang, "Linjer (§ 9, stk. 2)", "Lines (§ 9, stk. 2)"));
  pdf.table(
    [
      { header: t(lang, "Institution", "Institution"), width: 3 },
      { header: "CPR", width: 2 },
      { header: t(lang, "Uddannelse", "Education"), width: 3 },
      { header: t(lang, "Speciale", "Speciality"), width: 3 },
      { header: t(lang, "Uger", "Weeks"), width: 1, align: "right" },
      { header: t(lang, "Periode", "Period"), width: 3.5 },
    ],
    lineRows(lines).map((l) => [l.school, l.cpr, l.education, l.speciality, l.weeks, `${l.from}–${l.to}`]),
    { size: 8 },
  );
  return pdf.toBuffer();
}

export async function schoolWeeksXlsx(o: RefundOverview, lines: readonly SchoolWeekLine[], lang: Lang): Promise<Buffer> {
  const wb = createWorkbook({ title: t(lang, `Skoleuger ${o.year}`, `School weeks ${o.year}`) });
  addTableSheet(
    wb,
    t(lang, "Linjer", "Lines"),
    [
      { header: t(lang, "Institution", "Institution"), key: "school" },
      { header: "CPR", key: "cpr" },
      { header: t(lang, "Uddannelse", "Education"), key: "education" },
      { header: t(lang, "Speciale", "Speciality"), key: "speciality" },
      { header: t(lang, "Forløb", "Part"), key: "part" },
      { header: t(lang, "Uger", "Weeks"), key: "weeks", type: "integer" },
      { header: t(lang, "Fra", "From"), key: "from", type: "date" },
      { header: t(lang, "Til", "To"), key: "to", type: "date" },
    ],
    lineRows(lines),
  );
  addTableSheet(
    wb,
    t(lang, "Kvartaler", "Quarters"),
    [
      { header: t(lang, "Kvartal", "Quarter"), key: "quarter" },
      { header: t(lang, "Uger", "Weeks"), key: "weeks", type: "integer" },
      { header: t(lang, "Beløb (kr.)", "Amount (DKK)"), key: "amount", type: "number", numFmt: "#,##0.00" },
      { header: t(lang, "Forskud (kr.)", "Prepaid (DKK)"), key: "prepaid", type: "number", numFmt: "#,##0.00" },
    ],
    o.quarters.map((q) => ({ quarter: q.quarter, weeks: q.weeks, amount: q.amountOere / 100, prepaid: q.prepaidOere / 100 })),
  );
  return workbookToBuffer(wb);
}

/** Year-end settlement (slutregulering, § 8). */
export async function settlementPdf(year: number, s: { settlement: YearEndSettlement | null; findings: Finding[] }, o: RefundOverview, lang: Lang): Promise<Buffer> {
  const pdf = createPdf({ title: t(lang, `Slutregulering ${year}`, `Year-end settlement ${year}`), lang });
  pdf.title(t(lang, `Slutregulering af statens tilskud ${year}`, `Year-end settlement of the state's grant ${year}`), t(lang, "Bekendtgørelse om AUB § 8", "Executive order on AUB § 8"));
  const x = s.settlement;
  if (x)
    pdf.keyValues([
      [t(lang, "Tilskudsberettigede skoleuger", "Eligible school weeks"), x.eligibleWeeks],
      [t(lang, "Ugesats (§ 7, stk. 2)", "Weekly rate (§ 7, stk. 2)"), kr(x.weeklyRateOere, lang)],
      [t(lang, "Lønrefusion", "Wage refund"), kr(x.refundOere, lang)],
      [t(lang, "Administrationsomkostninger", "Administration costs"), kr(x.administrationOere, lang)],
      [t(lang, "Tilskud i alt", "Grant in total"), kr(x.grantOere, lang)],
      [t(lang, "Udbetalt forskudsvis", "Prepaid"), kr(x.prepaidOere, lang)],
      [t(lang, "Slutregulering", "Balance"), `${kr(x.balanceOere, lang)}${x.balanceOere < 0 ? t(lang, " (tilbagebetales)", " (to be paid back)") : ""}`],
    ]);
  else pdf.text(t(lang, "Slutreguleringen kan ikke opgøres (se begrundelser).", "The settlement cannot be made (see reasons)."), { bold: true });
  pdf.heading(t(lang, "Forskud pr. kvartal", "Prepayments per quarter"));
  pdf.table(
    [
      { header: t(lang, "Kvartal", "Quarter"), width: 2 },
      { header: t(lang, "Forskud", "Prepaid"), width: 3, align: "right" },
      { header: t(lang, "Uger", "Weeks"), width: 1.5, align: "right" },
      { header: t(lang, "Refusion", "Refund"), width: 3, align: "right" },
    ],
    o.quarters.map((q) => [q.quarter, kr(q.prepaidOere, lang), q.weeks, kr(q.amountOere, lang)]),
  );
  pdf.heading(t(lang, "Begrundelse", "Reasons"));
  pdf.table(
    [
      { header: "§", width: 2 },
      { header: t(lang, "Art", "Kind"), width: 1.2 },
      { header: t(lang, "Tekst", "Text"), width: 9 },
    ],
    s.findings.map((f) => findingRow(f, lang)),
    { size: 8 },
  );
  return pdf.toBuffer();
}

export async function settlementXlsx(year: number, s: { settlement: YearEndSettlement | null; findings: Finding[] }, o: RefundOverview, lang: Lang): Promise<Buffer> {
  const wb = createWorkbook({ title: t(lang, `Slutregulering ${year}`, `Year-end settlement ${year}`) });
  const x = s.settlement;
  const rows: { item: string; value: number | string }[] = x
    ? [
        { item: t(lang, "Skoleuger", "School weeks"), value: x.eligibleWeeks },
        { item: t(lang, "Ugesats (kr.)", "Weekly rate (DKK)"), value: x.weeklyRateOere / 100 },
        { item: t(lang, "Lønrefusion (kr.)", "Wage refund (DKK)"), value: x.refundOere / 100 },
        { item: t(lang, "Administration (kr.)", "Administration (DKK)"), value: x.administrationOere / 100 },
        { item: t(lang, "Tilskud (kr.)", "Grant (DKK)"), value: x.grantOere / 100 },
        { item: t(lang, "Forskud (kr.)", "Prepaid (DKK)"), value: x.prepaidOere / 100 },
        { item: t(lang, "Slutregulering (kr.)", "Balance (DKK)"), value: x.balanceOere / 100 },
      ]
    : [{ item: t(lang, "Kan ikke opgøres", "Cannot be made"), value: "" }];
  addTableSheet(wb, t(lang, "Slutregulering", "Settlement"), [{ header: t(lang, "Post", "Item"), key: "item" }, { header: t(lang, "Værdi", "Value"), key: "value" }], rows);
  addTableSheet(
    wb,
    t(lang, "Kvartaler", "Quarters"),
    [
      { header: t(lang, "Kvartal", "Quarter"), key: "quarter" },
      { header: t(lang, "Forskud (kr.)", "Prepaid (DKK)"), key: "prepaid", type: "number", numFmt: "#,##0.00" },
      { header: t(lang, "Uger", "Weeks"), key: "weeks", type: "integer" },
      { header: t(lang, "Refusion (kr.)", "Refund (DKK)"), key: "amount", type: "number", numFmt: "#,##0.00" },
    ],
    o.quarters.map((q) => ({ quarter: q.quarter, prepaid: q.prepaidOere / 100, weeks: q.weeks, amount: q.amountOere / 100 })),
  );
  addTableSheet(wb, t(lang, "Begrundelse", "Reasons"), [{ header: "§", key: "ref" }, { header: t(lang, "Art", "Kind"), key: "severity" }, { header: t(lang, "Tekst", "Text"), key: "text" }], s.findings.map((f) => ({ ref: formatCitation(f.cite), severity: f.severity, text: text(f.message, lang) })));
  return workbookToBuffer(wb);
}

/**
 * "Ledelses- og Revisorerklæring" (§ 11): the number of eligible school weeks of the supplementary study-preparatory
 * teaching reported by one institution for a year, with places for the management's and the auditor's signatures.
 * The official form is on uvm.dk; this is bevis's rendering of its content (not the form itself).
 */
export async function attestationPdf(school: string, year: number, lines: readonly SchoolWeekLine[], lang: Lang): Promise<Buffer> {
  const weeks = lines.filter((l) => l.supplementaryStudyPreparatory).reduce((s, l) => s + l.weeks, 0);
  const pdf = createPdf({ title: t(lang, `Ledelses- og Revisorerklæring ${year}`, `Management and auditor statement ${year}`), lang });
  pdf.title(t(lang, "Ledelses- og Revisorerklæring", "Management and auditor statement"), t(lang, "Bekendtgørelse om AUB § 11 – tilskudsberettigede skoleuger", "Executive order on AUB § 11 – eligible school weeks"));
  pdf.keyValues([
    [t(lang, "Institution", "Institution"), school],
    [t(lang, "Regnskabsår", "Financial year"), year],
    [t(lang, "Tilskudsberettigede skoleuger (§ 9)", "Eligible school weeks (§ 9)"), weeks],
    [t(lang, "Antal linjer", "Number of lines"), lines.length],
  ]);
  pdf.text(
    t(
      lang,
      `Ledelsen erklærer, at institutionen i ${year} har indberettet ${weeks} tilskudsberettigede skoleuger vedrørende den valgfri supplerende studieforberedende undervisning til Arbejdsgivernes Uddannelsesbidrag, jf. § 9.`,
      `The management declares that in ${year} the institution reported ${weeks} eligible school weeks of the optional supplementary study-preparatory teaching to Arbejdsgivernes Uddannelsesbidrag (§ 9).`,
    ),
  );
  pdf.text(t(lang, "Ledelsens underskrift: ______________________________   Dato: __________", "Management's signature: ______________________________   Date: __________"));
  pdf.space(1);
  pdf.text(
    t(lang, `Revisor attesterer antallet af tilskudsberettigende skoleuger (${weeks}), jf. § 11.`, `The auditor attests the number of eligible school weeks (${weeks}) (§ 11).`),
  );
  pdf.text(t(lang, "Revisors underskrift: ______________________________   Dato: __________", "Auditor's signature: ______________________________   Date: __________"));
  pdf.heading(t(lang, "Specifikation", "Specification"));
  pdf.table(
    [
      { header: "CPR", width: 2 },
      { header: t(lang, "Uddannelse", "Education"), width: 3 },
      { header: t(lang, "Speciale", "Speciality"), width: 3 },
      { header: t(lang, "Uger", "Weeks"), width: 1, align: "right" },
      { header: t(lang, "Periode", "Period"), width: 3.5 },
    ],
    lineRows(lines).map((l) => [l.cpr, l.education, l.speciality, l.weeks, `${l.from}–${l.to}`]),
    { size: 8 },
  );
  return pdf.toBuffer();
}

/**
 * Seed 003 §13 Overgangsordninger, where the data allows: Reform 94 (R94) programme-area codes (§13.2), R94 subjects
 * on a Kunnskapsløftet document with FAM13 and the grade 0 → 1 rule (§13.3), UPF codes for R94 subjects not continued
 * and for groups of subjects (§13.3, §13.4), R94 tverrfaglige eksamener, conduct (§13.3), the deadline for documents
 * from R94 (§13.7), and subjects from before R94 with FAM16 + VMM23 (§13.8); §13.3's "at least one subject taken in
 * Kunnskapsløftet". The equivalence tables themselves (Udir's lists) are not in the seed and are input here.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { compareHalfYears, formatHalfYear, type HalfYear } from "../../kernel/time/half-year.ts";
import { vmFinding } from "./cite.ts";
import { R94_CODES } from "./codes/programme-area.ts";
import { entry, use, type Entry } from "./entry.ts";
import type { ConductGrade, Grade, Level, SubjectResult } from "./model.ts";

const f = (rule: string, severity: Finding["severity"], ref: string, nb: string, en: string, subject?: string, value?: Finding["value"]) =>
  vmFinding(`transitional.${rule}`, severity, ref, nb, en, subject, value);

/** §13.2 "fullført og bestått før 01.08.2010". */
export const R94_AREA_PASSED_BEFORE: IsoDate = "2010-08-01";

/** §13.2 the texts of the two R94 programme-area codes. */
export const R94_AREA_TEXT: Readonly<Record<string, string>> = {
  "R94GK1----": "Reform 94 – grunnkurs for vg1",
  "R94VKI----": "Reform 94 – VKI for vg2",
};

/**
 * §13.2 "når eleven/privatisten har et grunnkurs og/eller VKI fra Reform 94 som er fullført og bestått før 01.08.2010,
 * og som er godkjent tilsvarende et vg1 og/eller vg2 i Kunnskapsløftet, kan dere bruke programområdekodene: «R94GK1----»
 * … «R94VKI----» … Rubrikken for utdanningsprogram fyller dere ikke ut. … Det er ikke mulig å forbedre karakterene på
 * vg1 og vg2 etter 01.08.2010 når programområdet henviser til Reform 94 … På dokumentasjon i Kunnskapsløftet må dere
 * alltid føre vg3 med ordinær programområdekode fra Kunnskapsløftet".
 */
export function checkR94ProgrammeArea(a: { code: string; level: Level; passedOn: IsoDate; improvedAfter2010?: boolean }): Decision<{ text: string } | null> {
  const because: Finding[] = [];
  const lvl = R94_CODES[a.code];
  if (lvl === undefined) {
    if (a.code.startsWith("R94"))
      because.push(f("r94-area-unknown", "error", "13.2", `${a.code} er ikke en R94-programområdekode (R94GK1---- eller R94VKI----).`, `${a.code} is not an R94 programme-area code.`, "programmeArea", a.code));
    return decision(null, because);
  }
  if (a.level !== lvl)
    because.push(f("r94-area-level", "error", "13.2", `${a.code} gjelder ${lvl}, ikke ${a.level}; vg3 føres alltid med ordinær kode fra Kunnskapsløftet.`, `${a.code} is for ${lvl}, not ${a.level}; vg3 always takes an ordinary Kunnskapsløftet code.`, "programmeArea", a.code));
  if (a.passedOn >= R94_AREA_PASSED_BEFORE)
    because.push(f("r94-area-date", "error", "13.2", `${a.code} kan bare brukes for grunnkurs/VKI fullført og bestått før 01.08.2010 (${a.passedOn}).`, `${a.code} only for GK/VKI passed before 01.08.2010 (${a.passedOn}).`, "programmeArea", a.passedOn));
  if (a.improvedAfter2010 === true)
    because.push(f("r94-area-improved", "error", "13.2", `Karakterer på vg1/vg2 forbedret etter 01.08.2010 kan ikke føres med ${a.code}; bruk ordinære programområdekoder i Kunnskapsløftet.`, `Grades improved after 01.08.2010 cannot stand under ${a.code}; use ordinary Kunnskapsløftet codes.`, "programmeArea", a.code));
  const text = R94_AREA_TEXT[a.code] ?? a.code;
  return decision({ text }, because);
}

/** §13.3 "Karakteren 0 fra R94 fører dere som karakteren 1 i Kunnskapsløftet." */
export function r94Grade(g: number): Grade | undefined {
  if (!Number.isInteger(g) || g < 0 || g > 6) return undefined;
  return (g === 0 ? 1 : g) as Grade;
}

export interface R94SubjectInput {
  /** The Kunnskapsløftet fagkode (or a UPF9xxx code for a subject not continued). */
  klFagkode: string;
  /** The R94 fagkode named in FAM13. */
  r94Fagkode: string;
  /** R94 grades 0–6. */
  standpunkt?: number;
  eksamen?: number;
  /** The year the subject was assessed in R94 (the År column). */
  assessed: HalfYear;
  /** One R94 subject equals several KL subjects: this is one of the others ("Fritatt" + FAM13). */
  secondary?: boolean;
  /** The R94 exam form differs from Kunnskapsløftet's: dotted exam form, the exam grade kept. */
  differentExamForm?: boolean;
  /** The R94 assessment scheme differs (e.g. no grade in the cell Kunnskapsløftet has): "Fritatt" if passed. */
  differentScheme?: { cell: "standpunkt" | "eksamen"; passed: boolean };
  /** A UPF code for an R94 subject (§13.3, §13.4): no omfang when it stands beside an ordinary KL code. */
  upfWithoutOmfang?: boolean;
}

/**
 * §13.3 "Dere fører med fagkode og fagbetegnelse i Kunnskapsløftet og med karakter fra R94. Dere fører FAM13 «Fag R94
 * <FAGKODE>» … I rubrikken år skal dere alltid føre året faget ble vurdert i R94. Karakteren 0 fra R94 fører dere som
 * karakteren 1 … Dere fører standpunkt i standpunktrubrikken og eksamen i eksamensrubrikken." One R94 subject = several KL
 * subjects: "For de øvrige fagene i Kunnskapsløftet fører dere «Fritatt» i rubrikken for standpunktkarakter og FAM13 med
 * samme fagkode fra R94." Different exam form: "fyller dere ut eksamensform med stiplet linje … men fører likevel
 * eksamenskarakter fra R94". Different scheme: "fører dere fritatt i den aktuelle karakterrubrikken forutsatt at
 * vurderingen i R94 betydde at faget var bestått. Fag som ikke var bestått i R94, kan dere i slike tilfeller ikke føre".
 * Several R94 subjects = one KL subject, or a subject not continued: "UPF … uten omfang … karakter fra R94 og FAM13".
 */
export function r94SubjectEntry(s: R94SubjectInput): Decision<Entry> {
  const because: Finding[] = [];
  const fam = [use("FAM13", "13.3", { fagkode: s.r94Fagkode })];
  if (s.secondary === true) {
    because.push(f("r94-secondary", "info", "13.3", `${s.klFagkode}: ett R94-fag (${s.r94Fagkode}) tilsvarer flere fag — «Fritatt» og FAM13.`, `${s.klFagkode}: one R94 subject equals several — "Fritatt" and FAM13.`, s.klFagkode));
    return decision(entry(s.klFagkode, { standpunkt: "F", year: s.assessed, fam }), because);
  }
  const e = entry(s.klFagkode, { year: s.assessed, fam });
  for (const [cell, raw] of [
    ["standpunkt", s.standpunkt],
    ["eksamen", s.eksamen],
  ] as const) {
    if (raw === undefined) continue;
    const g = r94Grade(raw);
    if (g === undefined) {
      because.push(f("r94-grade", "error", "13.3", `${s.klFagkode}: R94-karakteren ${raw} er ikke en karakter 0–6.`, `${s.klFagkode}: R94 grade ${raw} is not 0–6.`, s.klFagkode, raw));
      continue;
    }
    if (raw === 0) because.push(f("r94-zero", "info", "13.3", `${s.klFagkode}: karakteren 0 fra R94 føres som 1.`, `${s.klFagkode}: R94 grade 0 is entered as 1.`, s.klFagkode, 0));
    e[cell] = g;
  }
  if (s.differentExamForm === true) e.examForm = null;
  if (s.differentScheme !== undefined) {
    if (!s.differentScheme.passed)
      because.push(f("r94-scheme-not-passed", "error", "13.3", `${s.klFagkode}: faget var ikke bestått i R94 og kan ikke føres i Kunnskapsløftet når vurderingsordningen er ulik.`, `${s.klFagkode}: not passed in R94 and cannot be entered when the schemes differ.`, s.klFagkode));
    else e[s.differentScheme.cell] = "F";
  }
  if (s.upfWithoutOmfang === true) e.omfang = null;
  because.push(f("r94", "info", "13.3", `${s.klFagkode}: fag fra R94 (${s.r94Fagkode}) — karakter fra R94, FAM13, år ${formatHalfYear(s.assessed)}.`, `${s.klFagkode}: R94 subject (${s.r94Fagkode}) — R94 grade, FAM13, year ${formatHalfYear(s.assessed)}.`, s.klFagkode));
  return decision(e, because);
}

/**
 * §13.4 "Gruppe av studieretningsfag i R94 som tilsvarer en gruppe av programfag": "Dere fører fagene med ordinære
 * koder og omfang i Kunnskapsløftet, «Fritatt» i rubrikken for standpunktkarakter og FAM01 «Fritatt fra opplæring».
 * Fagene fra R94 fører dere som uspesifiserte programfag (UPF) … uten omfang … karakter fra R94 og FAM13 … Dere kan bare
 * gi slik godkjenning når fagene fra R94 er bestått og har tilsvarende omfang".
 */
export function r94GroupEntries(g: {
  klFagkoder: readonly string[];
  klOmfang: number;
  r94: readonly { upfCode: string; r94Fagkode: string; grade: number; assessed: HalfYear; omfang: number }[];
}): Decision<Entry[]> {
  const because: Finding[] = [];
  const r94Omfang = g.r94.reduce((a, r) => a + r.omfang, 0);
  const failed = g.r94.filter((r) => (r94Grade(r.grade) ?? 1) < 2);
  if (failed.length > 0)
    because.push(f("r94-group-not-passed", "error", "13.4", `R94-fagene ${failed.map((r) => r.r94Fagkode).join(", ")} er ikke bestått; gruppen kan ikke godkjennes.`, `R94 subjects ${failed.map((r) => r.r94Fagkode).join(", ")} are not passed.`, "r94"));
  if (r94Omfang < g.klOmfang)
    because.push(f("r94-group-omfang", "error", "13.4", `R94-fagene har ${r94Omfang} timer, mindre enn de ${g.klOmfang} timene som godkjennes.`, `The R94 subjects have ${r94Omfang} hours, fewer than the ${g.klOmfang} approved.`, "omfang", r94Omfang));
  const last = g.r94.map((r) => r.assessed).sort(compareHalfYears).at(-1);
  const out: Entry[] = [
    ...g.klFagkoder.map((k) => entry(k, { standpunkt: "F", ...(last !== undefined ? { year: last } : {}), fam: [use("FAM01", "13.4")] })),
    ...g.r94.map((r) => entry(r.upfCode, { standpunkt: r94Grade(r.grade) ?? 1, omfang: null, year: r.assessed, fam: [use("FAM13", "13.4", { fagkode: r.r94Fagkode })] })),
  ];
  return decision(out, because);
}

/** §13.4 "Tverrfaglige eksamener fra R94 fører dere med kode for uspesifisert tverrfaglig eksamen (UPF9400, UPF9500, UPF9501 og UPF9502) og med karakter i rubrikken for eksamenskarakter. Dere fører stiplet linje i rubrikken for eksamensform." */
export const R94_TVERRFAGLIG_CODES = ["UPF9400", "UPF9500", "UPF9501", "UPF9502"] as const;

export function r94TverrfagligEntry(code: string, grade: number, assessed: HalfYear): Decision<Entry> {
  const because: Finding[] = [];
  if (!(R94_TVERRFAGLIG_CODES as readonly string[]).includes(code))
    because.push(f("r94-tverrfaglig-code", "error", "13.4", `${code} er ikke en kode for uspesifisert tverrfaglig eksamen (${R94_TVERRFAGLIG_CODES.join(", ")}).`, `${code} is not an unspecified interdisciplinary exam code.`, code, code));
  return decision(entry(code, { eksamen: r94Grade(grade) ?? 1, examForm: null, year: assessed }), because);
}

/** §13.3 "Orden og adferd (oppførsel) ble i R94 ført med en felles karakter. … fører dere den felles karakter fra R94 som standpunktkarakter både for orden og adferd." */
export function r94Conduct(oppforsel: ConductGrade): { orden: ConductGrade; adferd: ConductGrade } {
  return { orden: oppforsel, adferd: oppforsel };
}

/**
 * §13.8 "Dere fører da fagets fagkode i Kunnskapsløftet og FAM16 «Bestått fag «<åååå>». Dere kan føre faget med
 * karakterer fra tidligere ordning når faget inngår i konverteringstabell utarbeidet av Samordna opptak. For øvrig fører
 * dere «Godkjent» i rubrikken for standpunktkarakter. I rubrikken for år fører dere året faget var bestått i ordningen
 * før R94." "For all dokumentasjon i Kunnskapsløftet som har FAM16, skal dere føre VMM23 «Jf. vedlegg». Som vedlegg skal
 * dere legge ved den opprinnelige dokumentasjonen". The År column needs V/H: bevis writes V<year> (the spring of the
 * year passed) unless the half-year is known.
 */
export function preR94Entry(p: { klFagkode: string; passedYear: number; passedHalf?: "V" | "H"; convertedGrade?: Grade }): Decision<Entry> {
  const year: HalfYear = { year: p.passedYear, half: p.passedHalf ?? "V" };
  const because: Finding[] = [];
  if (p.passedYear >= 1994)
    because.push(f("pre-r94-year", "warning", "13.8", `${p.klFagkode}: ${p.passedYear} er ikke før Reform 94; bruk FAM13 for fag fra R94.`, `${p.klFagkode}: ${p.passedYear} is not before Reform 94; use FAM13 for R94 subjects.`, p.klFagkode, p.passedYear));
  if (p.passedHalf === undefined)
    because.push(f("pre-r94-half", "info", "13.8", `${p.klFagkode}: halvåret er ikke kjent; bevis fører V${p.passedYear}.`, `${p.klFagkode}: half-year unknown; bevis enters V${p.passedYear}.`, p.klFagkode));
  return decision(
    entry(p.klFagkode, {
      standpunkt: p.convertedGrade ?? "GK",
      year,
      fam: [use("FAM16", "13.8", { aaaa: String(p.passedYear) })],
      vmm: [use("VMM23", "13.8")],
      vedlegg: [{ fagkode: p.klFagkode, code: "FAM16", text: "Den opprinnelige dokumentasjonen som ga grunnlag for godkjenningen", because: "13.8" }],
    }),
    because,
  );
}

/**
 * §13.3 "For å få dokumentasjon i Kunnskapsløftet, må minst ett fag på dokumentasjonen være tatt i Kunnskapsløftet."
 * A line counts as from another scheme when it carries FAM13 (R94) or FAM16 (before R94).
 */
export function checkAtLeastOneKlSubject(subjects: readonly SubjectResult[]): Finding[] {
  if (subjects.length === 0) return [];
  const other = (s: SubjectResult) => (s.merknader ?? []).some((m) => m.code === "FAM13" || m.code === "FAM16");
  if (subjects.some((s) => !other(s))) return [];
  return [f("no-kl-subject", "error", "13.3", "Minst ett fag på dokumentasjonen må være tatt i Kunnskapsløftet; alle fagene er fra R94 eller tidligere ordninger.", "At least one subject must be taken in Kunnskapsløftet; all are from R94 or earlier schemes.", "subjects")];
}

/**
 * §13.7 "Våren 2010 var siste anledning til å utstede vitnemål og kompetansebevis fra R94. Unntatt fra dette var
 * dokumentasjon fra R94 for sentralt gitt eksamen for lærlinger på VKI-nivå (7000-serien) og for lærlinger og
 * praksiskandidater i avviksfag på VKII-nivå (6000-serien) der siste anledning … var våren 2011. … Skoler og
 * fylkeskommuner kan selv utstede vitnemål eller kompetansebevis etter R94 uten slik dispensasjon for kandidater som har
 * bestått faget eller fagene senest våren 2010." Duplicates of R94 documents may always be issued.
 */
export function r94DocumentAllowed(p: { lastPassed: HalfYear; series?: "7000" | "6000"; duplicate?: boolean }): Decision<boolean> {
  if (p.duplicate === true) return decision(true, [f("r94-duplicate", "info", "13.7", "Duplikat av eksisterende dokumentasjon fra R94 kan utstedes.", "A duplicate of an existing R94 document may be issued.", "r94")]);
  const limit: HalfYear = { year: p.series !== undefined ? 2011 : 2010, half: "V" };
  const ok = compareHalfYears(p.lastPassed, limit) <= 0;
  return decision(ok, [
    f(
      ok ? "r94-document-ok" : "r94-document-too-late",
      ok ? "info" : "error",
      "13.7",
      ok ? `Fagene er bestått senest ${formatHalfYear(limit)}: dokumentasjon etter R94 kan utstedes uten dispensasjon.` : `Fag bestått ${formatHalfYear(p.lastPassed)} kan ikke dokumenteres etter R94 (siste anledning ${formatHalfYear(limit)}); før dem på dokumentasjon i Kunnskapsløftet.`,
      ok ? `Passed by ${formatHalfYear(limit)}: an R94 document may be issued.` : `Passed ${formatHalfYear(p.lastPassed)}: too late for an R94 document (last ${formatHalfYear(limit)}).`,
      "r94",
      formatHalfYear(p.lastPassed),
    ),
  ]);
}

/** §13.5 the valgfrie programfag that AA6010 Bedriftsøkonomi I from R94 may be entered as. */
export const BEDRIFTSOKONOMI_REPLACEMENTS = ["SAM3029", "SAM3033"] as const;

/**
 * §13.5 Bedriftsøkonomi I: "• Geografi fører dere med omfang og fagkode i Kunnskapsløftet. Dere fører «Fritatt» i
 * rubrikk for standpunktkarakter og FAM30 «Bestått VKI ØA R94». • Historie fører dere med fagkode og akkumulert omfang
 * etter vg3. … • Faget AA6010 Bedriftsøkonomi I fra R94 fører dere som følgende valgfrie programfag: Entreprenørskap og
 * bedriftsutvikling 2 (SAM 3029) eller økonomistyring (SAM3033)." "Godskrivingen av hele historiefaget gjelder bare
 * elever som fullfører nyere historie på vg3 i Kunnskapsløftet."
 */
export function bedriftsokonomiEntries(b: {
  geografiFagkode: string;
  replacement: string;
  grade: number;
  assessed: HalfYear;
  /** Nyere historie completed on vg3 in Kunnskapsløftet (needed for the whole history subject to be credited). */
  nyereHistorieVg3InKL: boolean;
}): Decision<Entry[]> {
  const because: Finding[] = [];
  if (!(BEDRIFTSOKONOMI_REPLACEMENTS as readonly string[]).includes(b.replacement))
    because.push(f("bedriftsokonomi-code", "error", "13.5", `AA6010 Bedriftsøkonomi I føres som SAM3029 eller SAM3033, ikke ${b.replacement}.`, `AA6010 is entered as SAM3029 or SAM3033, not ${b.replacement}.`, b.replacement, b.replacement));
  if (!b.nyereHistorieVg3InKL)
    because.push(f("bedriftsokonomi-historie", "error", "13.5", "Godskrivingen av hele historiefaget gjelder bare elever som fullfører nyere historie på vg3 i Kunnskapsløftet.", "The whole history subject is credited only when nyere historie is completed on vg3 in Kunnskapsløftet.", "historie"));
  return decision(
    [
      entry(b.geografiFagkode, { standpunkt: "F", year: b.assessed, fam: [use("FAM30", "13.5")] }),
      entry(b.replacement, { standpunkt: r94Grade(b.grade) ?? 1, year: b.assessed, fam: [use("FAM13", "13.5", { fagkode: "AA6010" })] }),
    ],
    because,
  );
}

/**
 * Seed 003 §4.6 "Kombinasjon i Kunnskapsløftet av matematikk etter ny og gammel ordning" over the code table
 * `codes/maths-ordning.ts`:
 *
 * - `mathsCodeValid`: a code of either scheme stands only for a half-year its scheme covers ("fra 2006 t.o.m. vår 2009
 *   vg1 / 2010 vg2"; "Til og med våren 2012 var det mulig for privatister å forbedre eller ta førstegangseksamen på vg2
 *   etter gammel ordning");
 * - old vg1 with new vg2: "Elevene beholder standpunktkarakteren fra vg1"; "I slike tilfeller skal halvårsvurderingen
 *   fra vg1 omgjøres til standpunktkarakter og føres på vitnemålet med fagkoden for vg1 gammel ordning";
 * - privatists after spring 2012: "må privatister som ikke har tatt vg1 i faget som elev, ta privatisteksamen både på vg1
 *   og vg2 etter ny ordning for å få godskrevet omfang for vg1 og vg2";
 * - old vg2 as privatist by spring 2012: "få godskrevet både vg1 og vg2" (information).
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { compareHalfYears, formatHalfYear, type HalfYear } from "../../kernel/time/half-year.ts";
import { vmFinding } from "./cite.ts";
import { mathsOrdningRow, type MathsOrdningRow } from "./codes/maths-ordning.ts";
import { SUBJECT_FAMILIES } from "./combination.ts";
import type { Status, SubjectResult } from "./model.ts";

const V2012: HalfYear = { year: 2012, half: "V" };

/** The validity of one §4.6 code for a status in a half-year. */
export function mathsCodeValid(row: MathsOrdningRow, status: Status, year: HalfYear): "valid" | "not-yet" | "ended" {
  if (compareHalfYears(year, row.validFrom) < 0) return "not-yet";
  const last = status === "privatist" ? row.lastPrivatist : row.lastElev;
  if (last !== undefined && compareHalfYears(year, last) > 0) return "ended";
  return "valid";
}

const isVg1Maths = (fagkode: string) => (SUBJECT_FAMILIES[fagkode.trim()] ?? []).some((f) => f === "mat-1T" || f === "mat-1P");

/**
 * Checks the §4.6 codes on one document and returns the lines with an old-scheme vg1 halvårsvurdering turned into the
 * standpunkt grade when a new-scheme vg2 is on the document.
 */
export function checkMathsOrdning(lines: readonly SubjectResult[]): Decision<SubjectResult[]> {
  const because: Finding[] = [];
  const rows = lines.map((l) => mathsOrdningRow(l.fagkode));
  if (rows.every((r) => r === undefined)) return decision([...lines]);

  // Validity of each code for the line's status and half-year.
  lines.forEach((l, i) => {
    const row = rows[i];
    if (row === undefined) return;
    const v = mathsCodeValid(row, l.status, l.year);
    if (v === "valid") return;
    const last = l.status === "privatist" ? row.lastPrivatist : row.lastElev;
    because.push(
      vmFinding(
        v === "ended" ? "maths.ordning-ended" : "maths.ordning-not-yet",
        "error",
        row.cite,
        v === "ended"
          ? `${l.fagkode} (matematikk ${row.level.toLowerCase()} etter ${row.ordning} ordning) kan ikke føres for ${formatHalfYear(l.year)}: ordningen gjaldt for ${l.status === "privatist" ? "privatister" : "elever"} til og med ${last !== undefined ? formatHalfYear(last) : "?"}.`
          : `${l.fagkode} (matematikk ${row.level.toLowerCase()} etter ${row.ordning} ordning) kan ikke føres for ${formatHalfYear(l.year)}: ordningen gjelder fra ${formatHalfYear(row.validFrom)}.`,
        v === "ended"
          ? `${l.fagkode} (${row.ordning} scheme ${row.level}) cannot stand for ${formatHalfYear(l.year)}: the scheme ran for ${l.status === "privatist" ? "privatists" : "pupils"} until ${last !== undefined ? formatHalfYear(last) : "?"}.`
          : `${l.fagkode} (${row.ordning} scheme ${row.level}) cannot stand for ${formatHalfYear(l.year)}: the scheme starts ${formatHalfYear(row.validFrom)}.`,
        l.fagkode,
        formatHalfYear(l.year),
      ),
    );
  });

  const newVg2 = lines.filter((_, i) => rows[i]?.ordning === "ny" && rows[i]?.level === "VG2");
  let out = [...lines];

  // Old vg1 with new vg2: the vg1 grade is the standpunkt, from the halvårsvurdering when that is all there is.
  if (newVg2.length > 0)
    out = out.map((l) => {
      const row = mathsOrdningRow(l.fagkode);
      // "Elever som har tatt matematikk vg1 etter gammel ordning": a privatist's old vg1 exam stands as it is.
      if (row?.ordning !== "gammel" || row.level !== "VG1" || l.status === "privatist") return l;
      if (l.standpunkt !== undefined && l.standpunkt !== null) {
        because.push(
          vmFinding("maths.old-vg1-kept", "info", row.cite, `${l.fagkode}: eleven beholder standpunktkarakteren fra vg1 etter gammel ordning sammen med vg2 etter ny ordning.`, `${l.fagkode}: the vg1 standpunkt under the old scheme stands with vg2 under the new scheme.`, l.fagkode),
        );
        return l;
      }
      if (l.halvar !== undefined && l.halvar !== null) {
        because.push(
          vmFinding(
            "maths.halvar-to-standpunkt",
            "info",
            row.cite,
            `${l.fagkode}: halvårsvurderingen fra vg1 (gammel ordning) omgjøres til standpunktkarakter og føres med fagkoden for vg1 gammel ordning.`,
            `${l.fagkode}: the vg1 halvårsvurdering (old scheme) becomes the standpunkt grade, entered with the old vg1 fagkode.`,
            l.fagkode,
          ),
        );
        const { halvar, ...rest } = l;
        return { ...rest, standpunkt: halvar };
      }
      because.push(
        vmFinding(
          "maths.old-vg1-no-grade",
          "error",
          row.cite,
          `${l.fagkode}: matematikk vg1 etter gammel ordning skal føres med standpunktkarakter (omgjort fra halvårsvurderingen), men linjen har ingen.`,
          `${l.fagkode}: old-scheme vg1 mathematics needs its standpunkt (from the halvårsvurdering); the line has none.`,
          l.fagkode,
        ),
      );
      return l;
    });

  // Privatists after spring 2012: new vg2 needs vg1 as elev, or a new-scheme vg1 privatist exam, for vg1's omfang.
  for (const l of newVg2) {
    if (l.status !== "privatist" || compareHalfYears(l.year, V2012) <= 0) continue;
    const vg1AsElev = lines.some((x) => isVg1Maths(x.fagkode) && x.status === "elev");
    const newVg1Privatist = lines.some((x) => isVg1Maths(x.fagkode) && x.status === "privatist" && mathsOrdningRow(x.fagkode)?.ordning !== "gammel");
    if (!vg1AsElev && !newVg1Privatist)
      because.push(
        vmFinding(
          "maths.privatist-vg1-missing",
          "warning",
          "4.6",
          `${l.fagkode}: etter våren 2012 må privatister som ikke har tatt vg1 i faget som elev, ta privatisteksamen både på vg1 og vg2 etter ny ordning for å få godskrevet omfang for vg1 og vg2.`,
          `${l.fagkode}: after spring 2012 a privatist without vg1 as elev must pass privatist exams on both vg1 and vg2 of the new scheme to be credited vg1's omfang.`,
          l.fagkode,
        ),
      );
  }

  // Old vg2 as privatist by spring 2012 credited the whole subject.
  lines.forEach((l, i) => {
    const row = rows[i];
    if (row?.wholeSubject === true && l.status === "privatist" && compareHalfYears(l.year, V2012) <= 0)
      because.push(
        vmFinding("maths.old-vg2-whole", "info", row.cite, `${l.fagkode}: privatisteksamen på vg2 etter gammel ordning (til og med våren 2012) gir godskriving av både vg1 og vg2.`, `${l.fagkode}: an old-scheme vg2 privatist exam (until spring 2012) credits vg1 and vg2.`, l.fagkode),
      );
  });

  return decision(out, because);
}

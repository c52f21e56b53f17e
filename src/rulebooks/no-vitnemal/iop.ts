/**
 * Seed 003 §11 Individuell opplæringsplan (IOP, individual education plan): no exemption from assessment (§11.2), IV +
 * FAM05 for a deviating subject (§11.3), the IOP1000–IOP5000 year codes with IV and no FAM, the three vitnemålsmerknader
 * VMM27, VMM26, VMM23 with a vedlegg, and the vg1-only programme area when the plan builds on no vg2/vg3 goals.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import type { HalfYear } from "../../kernel/time/half-year.ts";
import { vmFinding } from "./cite.ts";
import { entry, use, type Entry } from "./entry.ts";
import type { Exemption, Iop, ProgrammeAreaEntry, Vurdering } from "./model.ts";

const f = (rule: string, severity: Finding["severity"], ref: string, nb: string, en: string, subject?: string, value?: Finding["value"]) =>
  vmFinding(`iop.${rule}`, severity, ref, nb, en, subject, value);

/** §11.3 "Fagkodene som dere skal benytte": IOP1000 … IOP5000 with their names. */
export const IOP_YEAR_CODES: readonly { fagkode: string; name: string; courseYear: number }[] = [1, 2, 3, 4, 5].map((n) => ({
  fagkode: `IOP${n}000`,
  name: `Indiv. opplæringsplan ${n}. år`,
  courseYear: n,
}));

/**
 * §11.2 "Dere kan ikke gi elever med individuell opplæringsplan i et fag fritak fra vurdering med karakter."
 */
export function checkIopExemptions(iop: Iop, exemptions: readonly Exemption[]): Finding[] {
  return exemptions
    .filter((x) => (x.kind === "vurdering" || x.kind === "fremmedsprak") && iop.deviatingSubjects.includes(x.fagkode))
    .map((x) => f("no-exemption", "error", "11.2", `${x.fagkode}: elever med individuell opplæringsplan i faget kan ikke få fritak fra vurdering med karakter.`, `${x.fagkode}: a pupil with an IEP in the subject cannot be exempted from assessment with grade.`, x.fagkode, x.kind));
}

/**
 * A subject of a pupil with an IOP.
 * §11.2 "Når eleven får karakter i faget, skal dere ikke føre på vitnemålet eller kompetansebeviset at eleven har hatt
 * individuell opplæringsplan." §11.3 "Dersom opplæringen avviker fra læreplanen i ett fag slik at læreren ikke har
 * grunnlag for å gi vurdering med karakter, skal dere føre «Ikke vurderingsgrunnlag» (IV) i rubrikken for
 * standpunktkarakter. I tillegg fører dere FAM05 «Individuell opplæringsplan». I rubrikken år fører dere det året
 * opplæringen var avsluttet. Eleven vil i slike tilfeller ikke oppfylle vilkårene for å få utstedt vitnemål".
 */
export function iopSubjectEntry(fagkode: string, grade: Vurdering | undefined, ended: HalfYear): Decision<Entry> {
  if (grade !== undefined && grade !== "IV")
    return decision(entry(fagkode), [f("graded", "info", "11.2", `${fagkode}: eleven har karakter i faget — at eleven har hatt IOP, føres ikke.`, `${fagkode}: the pupil has a grade — the IEP is not shown.`, fagkode)]);
  return decision(entry(fagkode, { standpunkt: "IV", year: ended, fam: [use("FAM05", "11.3")], onlyOn: "kompetansebevis" }), [
    f("iv-fam05", "info", "11.3", `${fagkode}: opplæringen avviker fra læreplanen — IV og FAM05 «Individuell opplæringsplan»; kompetansebevis.`, `${fagkode}: teaching deviates from the curriculum — IV and FAM05; kompetansebevis.`, fagkode),
  ]);
}

/**
 * §11.3 "kan dere føre opplæringen med egne fagkoder samlet for hvert år i opplæringen. … Omfanget setter dere lokalt.
 * … IOP1000 … IOP5000 … Dere skal alltid føre «Ikke vurderingsgrunnlag» (IV) i standpunktkarakterrubrikken når dere
 * benytter disse fagkodene, men dere skal ikke føre noe i merknadsrubrikken (ikke FAM05). I rubrikken år fører dere året
 * opplæringen ble avsluttet for koden."
 */
export function iopYearEntries(years: readonly { courseYear: number; ended: HalfYear; omfang: number }[]): Decision<Entry[]> {
  const because: Finding[] = [];
  const out: Entry[] = [];
  for (const y of years) {
    const code = IOP_YEAR_CODES.find((c) => c.courseYear === y.courseYear);
    if (code === undefined) {
      because.push(f("year-code", "error", "11.3", `Det finnes ingen IOP-fagkode for ${y.courseYear}. år (IOP1000–IOP5000).`, `There is no IOP code for year ${y.courseYear} (IOP1000–IOP5000).`, "courseYear", y.courseYear));
      continue;
    }
    out.push(entry(code.fagkode, { standpunkt: "IV", omfang: y.omfang, year: y.ended, onlyOn: "kompetansebevis" }));
  }
  if (out.length > 0)
    because.push(f("year-codes", "info", "11.3", `Opplæringen føres samlet per år med ${out.map((e) => e.fagkode).join(", ")}: IV, lokalt omfang, ingen fagmerknad.`, `Teaching recorded per year with ${out.map((e) => e.fagkode).join(", ")}: IV, local hours, no remark.`, "iop"));
  return decision(out, because);
}

/**
 * §11.3 "På kompetansebeviset skal dere føre tre vitnemålsmerknader: VMM27 … VMM26 … VMM23 … På vedlegget til
 * kompetansebeviset skal dere føre hvilken opplæring eleven har fått, og hvilke av de individuelle målene i
 * opplæringsplanen som er nådd." Applies when the plan gives no basis for a grade in at least one subject (IV), or the
 * year codes are used.
 */
export function iopDocumentEntry(iop: Iop): Decision<Entry | null> {
  if (iop.deviatingSubjects.length === 0 && iop.yearCodes !== true) return decision(null);
  const because: Finding[] = [];
  if (!iop.specialEducationDecision)
    because.push(f("no-decision", "warning", "11.1", "Individuell opplæringsplan uten registrert enkeltvedtak om spesialundervisning; VMM26 forutsetter vedtaket.", "IEP without a recorded special-education decision; VMM26 presumes it.", "iop"));
  return decision(
    entry("", {
      vmm: [use("VMM27", "11.3"), use("VMM26", "11.3"), use("VMM23", "11.3")],
      vedlegg: [{ code: "VMM23", text: "Hvilken opplæring eleven har fått, og hvilke av de individuelle målene i opplæringsplanen som er nådd", because: "11.3" }],
      onlyOn: "kompetansebevis",
    }),
    because,
  );
}

/**
 * §11.3 "Dersom den individuelle opplæringsplanen for alle årene i opplæringen ikke bygger på mål fra vg2 eller vg3,
 * fører dere bare utdanningsprogrammet/programområdet eleven er tatt inn til på vg1." (§11.1: the document shows the
 * programme area the pupil was admitted to.)
 */
export function iopProgrammeAreas(iop: Iop, areas: readonly ProgrammeAreaEntry[]): Decision<ProgrammeAreaEntry[]> {
  if (iop.yearCodes !== true || iop.buildsOnVg2OrVg3 !== false) return decision([...areas]);
  const vg1 = areas.filter((a) => a.level === "VG1");
  return decision(vg1, [f("vg1-only", "info", "11.3", "Opplæringsplanen bygger ikke på mål fra vg2 eller vg3: bare programområdet på vg1 føres.", "The plan builds on no vg2/vg3 goals: only the vg1 programme area is entered.", "programmeAreas", vg1.map((a) => a.code).join(","))]);
}

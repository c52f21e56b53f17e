/**
 * Seed 003 §10 Minoritetsspråklige: the adapted three-year course (§10.1, NOR3001–3003 / ENG3001–3003 with «Deltatt»
 * and FAM19/FAM26, at most 280 hours) and pupils with special language training (§10.2: the ordinary norsk code with IV
 * and FAM41 on a kompetansebevis; which læreplan allows a grade; innføringstilbud exempts only from halvårsvurdering).
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import type { HalfYear } from "../../kernel/time/half-year.ts";
import { vmFinding } from "./cite.ts";
import { entry, use, type Entry } from "./entry.ts";
import type { Level } from "./model.ts";

const f = (rule: string, severity: Finding["severity"], ref: string, nb: string, en: string, subject?: string, value?: Finding["value"]) =>
  vmFinding(`minority.${rule}`, severity, ref, nb, en, subject, value);

/** §10.1: the codes of the adapted course and their FAM. */
export const ADAPTED_COURSE_FAM: Readonly<Record<string, "FAM19" | "FAM26">> = {
  NOR3001: "FAM19",
  NOR3002: "FAM19",
  NOR3003: "FAM19",
  ENG3001: "FAM26",
  ENG3002: "FAM26",
  ENG3003: "FAM26",
};

/** §10.1 "Disse elevene kan få inntil 280 årstimer til styrket opplæring i norsk og engelsk." */
export const ADAPTED_COURSE_MAX_HOURS = 280;

/**
 * §10.1 "Slik opplæring fører dere under fellesfag som NOR3001 Norsk vg1, … ENG3003 Engelsk vg3. Dere fører «Deltatt» i
 * karakterrubrikken for standpunktkarakter, og FAM19 «Utv. omf. i norsk» eller FAM26 «Utv. omf. i eng». Dere fastsetter
 * omfanget lokalt og fører dette for hvert årstrinn som årstimer i 60-minutters enheter."
 */
export function adaptedCourseEntry(fagkode: string, omfang: number, year: HalfYear): Decision<Entry> {
  const code = ADAPTED_COURSE_FAM[fagkode];
  if (code === undefined)
    return decision(entry(fagkode), [
      f("adapted-code", "error", "10.1", `${fagkode} er ikke en fagkode for styrket opplæring i tilrettelagt løp (NOR3001–NOR3003, ENG3001–ENG3003).`, `${fagkode} is not a code of the adapted course (NOR3001–3003, ENG3001–3003).`, fagkode, fagkode),
    ]);
  const because: Finding[] = [];
  if (!Number.isInteger(omfang) || omfang <= 0)
    because.push(f("adapted-omfang", "error", "10.1", `${fagkode}: omfanget fastsettes lokalt som hele årstimer (60 min) og må være større enn 0.`, `${fagkode}: hours are set locally as whole 60-minute hours > 0.`, fagkode, omfang));
  because.push(f("adapted", "info", "10.1", `${fagkode}: tilrettelagt treårig løp — «Deltatt» og ${code}, ${omfang} timer.`, `${fagkode}: adapted course — "Deltatt" and ${code}, ${omfang} hours.`, fagkode));
  return decision(entry(fagkode, { standpunkt: "D", omfang, year, fam: [use(code, "10.1")] }), because);
}

/** §10.1: the adapted course's hours together at most 280. */
export function checkAdaptedCourseHours(lines: readonly { fagkode: string; omfang: number | null }[]): Finding[] {
  const sum = lines.filter((l) => ADAPTED_COURSE_FAM[l.fagkode] !== undefined).reduce((a, l) => a + (l.omfang ?? 0), 0);
  if (sum <= ADAPTED_COURSE_MAX_HOURS) return [];
  return [f("adapted-hours", "error", "10.1", `Styrket opplæring i norsk og engelsk har ${sum} årstimer; det kan være inntil ${ADAPTED_COURSE_MAX_HOURS}.`, `The adapted course has ${sum} hours; at most ${ADAPTED_COURSE_MAX_HOURS}.`, "omfang", sum)];
}

/**
 * §10.2 "Dersom eleven ikke har gått over til ordinær læreplan i norsk ved avsluttet opplæring, skal dere likevel føre
 * koden for det ordinære norskfaget. Eleven kan da ikke få vitnemål, men får kompetansebevis. I rubrikken for
 * standpunktkarakterer fører dere «Ikke vurderingsgrunnlag» (IV) og FAM41 … I rubrikken år fører dere det året
 * opplæringen var avsluttet." FAM41 (table): "Kan både være en eller to koder. Ved to fagkoder skiller dere disse med «/»."
 */
export function specialLanguageEntry(norskFagkode: string, languageCodes: readonly string[], ended: HalfYear): Decision<Entry> {
  const because: Finding[] = [];
  if (languageCodes.length < 1 || languageCodes.length > 2)
    because.push(f("fam41-codes", "error", "10.2", `FAM41 skal ha én eller to fagkoder (grunnleggende norsk og/eller morsmål), ikke ${languageCodes.length}.`, `FAM41 takes one or two codes, not ${languageCodes.length}.`, norskFagkode, languageCodes.length));
  const fagkoder = languageCodes.join("/");
  because.push(f("fam41", "info", "10.2", `${norskFagkode}: eleven har ikke gått over til ordinær læreplan i norsk — IV og FAM41 «Språkoppl. ${fagkoder}»; kompetansebevis, ikke vitnemål.`, `${norskFagkode}: not transferred to the ordinary norsk curriculum — IV and FAM41; kompetansebevis, not a diploma.`, norskFagkode, fagkoder));
  return decision(entry(norskFagkode, { standpunkt: "IV", year: ended, fam: [use("FAM41", "10.2", { fagkoder })], onlyOn: "kompetansebevis" }), because);
}

export type NorskLaereplan = "ordinaer" | "kortBotid" | "grunnleggende";

/**
 * §10.2 "Dere skal ikke gi vurdering med karakter til de elevene som følger læreplan i grunnleggende norsk for språklige
 * minoriteter. … Elever som får opplæring etter læreplan i norsk for språklige minoriteter med kort botid, kan få
 * sluttvurdering etter denne læreplanen på vg2 yrkesfaglige utdanningsprogram og vg3 studieforberedende
 * utdanningsprogram, samt vg3 og vg4 påbygging til generell studiekompetanse."
 */
export function norskGradeAllowed(p: { laereplan: NorskLaereplan; level: Level; track: "yrkesfag" | "studieforberedende" | "pabygging"; final: boolean }): Decision<boolean> {
  if (p.laereplan === "grunnleggende")
    return decision(false, [f("grunnleggende-no-grade", "info", "10.2", "Læreplan i grunnleggende norsk for språklige minoriteter gir ikke vurdering med karakter.", "The basic Norwegian curriculum gives no grade.", "laereplan", p.laereplan)]);
  if (p.laereplan === "ordinaer" || !p.final) return decision(true);
  const ok = (p.track === "yrkesfag" && p.level === "VG2") || (p.track === "studieforberedende" && p.level === "VG3") || (p.track === "pabygging" && (p.level === "VG3" || p.level === "VG4"));
  return decision(ok, [
    f(
      ok ? "kort-botid-final" : "kort-botid-not-final-level",
      ok ? "info" : "error",
      "10.2",
      ok ? `Sluttvurdering etter læreplan for kort botid på ${p.level} (${p.track}).` : `Sluttvurdering etter læreplan for kort botid gis bare på vg2 yrkesfag, vg3 studieforberedende og vg3/vg4 påbygging, ikke ${p.level} (${p.track}).`,
      ok ? `Final assessment under the short-residence curriculum on ${p.level}.` : `The short-residence curriculum's final assessment is only on vg2 vocational, vg3 general or vg3/vg4 påbygging, not ${p.level} (${p.track}).`,
      "level",
      p.level,
    ),
  ]);
}

/**
 * §10.2 Innføringstilbud: "kan det fritas fra vurdering med karakter i hele perioden som han eller hun er i
 * innføringstilbudet. Eleven kan bare fritas fra halvårsvurdering med karakter, ikke fra standpunktvurdering."
 */
export function introductoryExemption(of: "halvar" | "standpunkt"): Decision<boolean> {
  const ok = of === "halvar";
  return decision(ok, [
    f(
      ok ? "innforing-halvar" : "innforing-standpunkt",
      ok ? "info" : "error",
      "10.2",
      ok ? "Innføringstilbud: fritak fra halvårsvurdering med karakter." : "Innføringstilbud gir ikke fritak fra standpunktvurdering, bare fra halvårsvurdering.",
      ok ? "Introductory programme: exempt from half-year grades." : "The introductory programme exempts only from half-year grades, not from standpunkt.",
      "innforing",
      of,
    ),
  ]);
}

/**
 * Programme areas and subjects — number and combinations, seed 003 §4 (and the programme-area lines of §2.3):
 * - §2.3/§4.1 at most four programme-area lines; on a vitnemål only the three (or four) areas of one defined course;
 *   GSGSK0VG-- only on a kompetansebevis (§2.3, §7.7);
 * - §4.2 VMM32 for subjects beyond the minimum from another programme area (not YFF subjects, §9.4); one fagkode is
 *   never taken as elev and privatist at once;
 * - §4.5 subjects that cannot stand on the same document (mathematics T/P, S/R, the vitnemål rule for studieforberedende
 *   vs. yrkesfag mathematics, naturfag 140 vs 84+56, geofag x, TOF x, norsk variants, kroppsøving on ID/MD);
 * - §4.5 fellesfag only at the highest level unless the vurderingsordning sets a grade on the lower one
 *   (`checkHighestLevel`, chains in `codes/fellesfag-levels.ts`);
 * - §4.7 SAS4000 with «Deltatt».
 *
 * The §4.5 pairs are data (`FORBIDDEN_COMBINATIONS`), keyed by subject families; `SUBJECT_FAMILIES` maps the fagkoder
 * bevis knows (reference/no-codes.md) to their family. Families whose fagkoder are not in the reference yet are listed
 * with an empty code list: the rule is there, it fires once the catalogue knows the codes.
 */
import { decision, type Citation, type Decision, type Finding } from "../../kernel/law.ts";
import { seed003, vmFinding } from "./cite.ts";
import { subjectDef } from "./codes/catalogue.ts";
import { FELLESFAG_CHAINS, type FellesfagChain } from "./codes/fellesfag-levels.ts";
import { parseProgrammeAreaCode, GRUNNSKOLE_CODE, type ParsedProgrammeArea } from "./codes/programme-area.ts";
import type { CourseFacts, IssuedDocumentKind, MerknadUse, ProgrammeAreaEntry, SubjectResult } from "./model.ts";

// ---------------------------------------------------------------------------------------------------------------
// §2.3 / §4.1 programme areas
// ---------------------------------------------------------------------------------------------------------------

/** §2.3 "Dere kan føre inntil fire linjer med utdanningsprogram/programområder"; §4.1 "inntil fire programområder". */
export const MAX_PROGRAMME_AREAS = 4;

export interface ProgrammeAreaInput {
  document: IssuedDocumentKind;
  programmeAreas: readonly ProgrammeAreaEntry[];
  course?: CourseFacts;
  /** The issuer is Den Tyske Skole Oslo, a Steiner or a Montessori school (§2.3). */
  variantSchool?: boolean;
}

/**
 * §4.1 "Av praktiske og tekniske grunner har vi satt en grense på inntil fire programområder per vitnemål/
 * kompetansebevis. På et kompetansebevis er det ingen begrensning på hvilke kombinasjoner … På et vitnemål kan dere bare
 * føre de tre (eller fire) programområdene som inngår i et definert opplæringsløp i samsvar med tilbudsstrukturen".
 */
export function checkProgrammeAreas(input: ProgrammeAreaInput): Decision<ParsedProgrammeArea[]> {
  const because: Finding[] = [];
  const parsed: ParsedProgrammeArea[] = [];
  input.programmeAreas.forEach((e, i) => {
    const d = parseProgrammeAreaCode(e.code, { field: `programmeAreas.${i}.code`, ...(input.variantSchool === true ? { variantSchool: true } : {}) });
    because.push(...d.because);
    if (d.value !== null) {
      parsed.push(d.value);
      if (d.value.level !== e.level && d.value.kind !== "r94" && !(d.value.kind === "grunnskole"))
        because.push(
          vmFinding(
            "programme-area.level-mismatch",
            "error",
            "2.3",
            `${e.code} er en ${d.value.level.toLowerCase()}-kode, men er ført som ${e.level.toLowerCase()}.`,
            `${e.code} is a ${d.value.level} code but is recorded as ${e.level}.`,
            `programmeAreas.${i}.level`,
            e.level,
          ),
        );
    }
  });
  const n = input.programmeAreas.length;
  if (n > MAX_PROGRAMME_AREAS)
    because.push(
      vmFinding(
        "programme-area.more-than-four",
        "error",
        "4.1",
        `Dokumentet har ${n} programområder; grensen er inntil fire programområder per vitnemål/kompetansebevis.`,
        `The document has ${n} programme areas; the limit is four per document.`,
        "programmeAreas",
        n,
      ),
    );
  if (input.document === "vitnemal") {
    input.programmeAreas.forEach((e, i) => {
      if (e.code.trim() === GRUNNSKOLE_CODE)
        because.push(
          vmFinding(
            "programme-area.grunnskole-on-vitnemal",
            "error",
            "4.1",
            `${GRUNNSKOLE_CODE} (fag tatt på ungdomstrinnet) føres på kompetansebeviset, ikke som programområde på vitnemålet; fagene føres med FAM34.`,
            `${GRUNNSKOLE_CODE} (lower-secondary pupils) belongs on a kompetansebevis, not as a programme area on a vitnemål; the subjects carry FAM34.`,
            `programmeAreas.${i}.code`,
            e.code,
          ),
        );
      else if (e.inLop === false)
        because.push(
          vmFinding(
            "programme-area.outside-lop",
            "error",
            "4.1",
            `${e.code} inngår ikke i opplæringsløpet; på vitnemål føres bare programområdene i et definert opplæringsløp. Fag fra andre programområder føres som fag med VMM32 (punkt 4.2).`,
            `${e.code} is not part of the course; a vitnemål lists only the areas of one defined course. Subjects from other areas go on as subjects with VMM32 (§4.2).`,
            `programmeAreas.${i}.code`,
            e.code,
          ),
        );
    });
    const allowed = input.course?.fourAreaLop === true ? 4 : 3;
    if (n > allowed && n <= MAX_PROGRAMME_AREAS)
      because.push(
        vmFinding(
          "programme-area.vitnemal-count",
          "error",
          "4.1",
          `Vitnemålet har ${n} programområder; et opplæringsløp har tre programområder (fire bare for løp som vg4 påbygging, avioniker-, flymotormekaniker-, flystrukturmekaniker- og flysystemmekanikerfaget).`,
          `The vitnemål has ${n} programme areas; a course has three (four only for vg4 påbygging and the aviation trades).`,
          "programmeAreas",
          n,
        ),
      );
    const byLevel = new Map<string, number>();
    for (const e of input.programmeAreas) byLevel.set(e.level, (byLevel.get(e.level) ?? 0) + 1);
    for (const [level, count] of byLevel)
      if (count > 1)
        because.push(
          vmFinding(
            "programme-area.same-level",
            "error",
            "4.1",
            `Vitnemålet har ${count} programområder på ${level.toLowerCase()}; et opplæringsløp har ett programområde per årstrinn (det andre føres med FAM42/VMM32, punkt 9.4).`,
            `The vitnemål has ${count} programme areas on ${level}; a course has one per level (the other one via FAM42/VMM32, §9.4).`,
            "programmeAreas",
            level,
          ),
        );
  }
  return decision(parsed, because);
}

// ---------------------------------------------------------------------------------------------------------------
// §4.2 VMM32 and elev/privatist in the same fagkode
// ---------------------------------------------------------------------------------------------------------------

/**
 * §4.2 "Dersom fagene utover minstekravet tilhører et annet programområde, må dere føre VMM32 … I yrkesfagene gjelder
 * ikke dette fag som kan inngå i yrkesfaglig fordypning". Returns one VMM32 per other programme area.
 * `names` gives programme-area names for the text "<programområdekode og programområdenavn>".
 */
export function requiredVmm32(
  subjects: readonly SubjectResult[],
  programmeAreas: readonly ProgrammeAreaEntry[],
  names: Readonly<Record<string, string>> = {},
): Decision<MerknadUse[]> {
  const onDocument = new Set(programmeAreas.map((p) => p.code.trim()));
  const others = new Set<string>();
  for (const s of subjects)
    if (s.beyondMinimum === true && s.programmeArea !== undefined && !onDocument.has(s.programmeArea) && s.fagtype !== "YF") others.add(s.programmeArea);
  const uses = [...others].sort().map((code) => {
    const name = names[code] ?? programmeAreas.find((p) => p.code === code)?.name;
    return { code: "VMM32", params: { programomrade: name !== undefined ? `${code} ${name}` : code }, because: "4.2" };
  });
  return decision(
    uses,
    uses.map((u) =>
      vmFinding(
        "combination.vmm32",
        "info",
        "4.2",
        `Fag utover minstekravet fra ${u.params.programomrade}: VMM32 føres.`,
        `Subjects beyond the minimum from ${u.params.programomrade}: VMM32 is entered.`,
        "vitnemalsmerknader",
        "VMM32",
      ),
    ),
  );
}

/** §4.2 "Vær oppmerksom på at det ikke er mulig å være elev og privatist i fag med samme fagkode samtidig." */
export function checkElevAndPrivatist(subjects: readonly SubjectResult[]): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const s of subjects) {
    const key = `${s.fagkode}|${s.year.half}${s.year.year}`;
    if (seen.has(key)) continue;
    const same = subjects.filter((t) => t.fagkode === s.fagkode && t.year.year === s.year.year && t.year.half === s.year.half);
    if (same.some((t) => t.status === "elev") && same.some((t) => t.status === "privatist")) {
      seen.add(key);
      out.push(
        vmFinding(
          "combination.elev-and-privatist",
          "error",
          "4.2",
          `${s.fagkode}: det er ikke mulig å være elev og privatist i fag med samme fagkode samtidig (${s.year.half}${s.year.year}).`,
          `${s.fagkode}: one cannot be elev and privatist in the same fagkode at the same time (${s.year.half}${s.year.year}).`,
          s.fagkode,
        ),
      );
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// §4.5 subjects that cannot stand on the same document
// ---------------------------------------------------------------------------------------------------------------

export type SubjectFamily =
  | "mat-1T"
  | "mat-1P"
  | "mat-2T"
  | "mat-2P"
  | "mat-1T-Y"
  | "mat-1P-Y"
  | "mat-2T-Y"
  | "mat-2P-Y"
  | "mat-R"
  | "mat-S"
  | "naturfag-140"
  | "naturfag-84-56"
  | "geofag-x"
  | "geofag-1"
  | "tof-x"
  | "tof-1"
  | "norsk-ordinaer"
  | "norsk-dove"
  | "norsk-samisk-forstesprak"
  | "norsk-andresprak-samisk-finsk"
  | "kroppsoving-fellesfag";

/**
 * The fagkoder bevis knows, by family (reference/no-codes.md; LK20 and the LK06 codes the seed names in §4.6).
 * Oral/practical assessment codes belong to the same family as their teaching code.
 */
export const SUBJECT_FAMILIES: Readonly<Record<string, readonly SubjectFamily[]>> = {
  MAT1019: ["mat-1P"], MAT1020: ["mat-1P"], MAT1011: ["mat-1P"], MAT1002: ["mat-1P"],
  MAT1021: ["mat-1T"], MAT1022: ["mat-1T"], MAT1013: ["mat-1T"], MAT1007: ["mat-1T"],
  MAT1023: ["mat-2P"], MAT1024: ["mat-2P"], MAT1015: ["mat-2P"],
  MAT1113: ["mat-1P-Y"], MAT1114: ["mat-1P-Y"],
  MAT1133: ["mat-1T-Y"], MAT1134: ["mat-1T-Y"],
  MAT1151: ["mat-2P-Y"], MAT1152: ["mat-2P-Y"],
  REA3056: ["mat-R"], REA3057: ["mat-R"], REA3058: ["mat-R"], REA3059: ["mat-R"], REA3022: ["mat-R"], REA3024: ["mat-R"],
  REA3060: ["mat-S"], REA3061: ["mat-S"], REA3062: ["mat-S"], REA3063: ["mat-S"], REA3026: ["mat-S"], REA3028: ["mat-S"],
  NAT1007: ["naturfag-140"],
  NAT1009: ["naturfag-84-56"], NAT1018: ["naturfag-84-56"],
  KRO1017: ["kroppsoving-fellesfag"], KRO1018: ["kroppsoving-fellesfag"], KRO1019: ["kroppsoving-fellesfag"], KRO1005: ["kroppsoving-fellesfag"],
};

export interface ForbiddenCombination {
  id: string;
  a: readonly SubjectFamily[];
  b: readonly SubjectFamily[];
  /** "dokumentasjon" = any document; "vitnemal" = §4.5's one rule that names the vitnemål only. */
  scope: "dokumentasjon" | "vitnemal";
  nb: string;
  en: string;
  cite: Citation;
}

/** §4.5 "Fag som ikke kan føres på samme vitnemål", as data. */
export const FORBIDDEN_COMBINATIONS: readonly ForbiddenCombination[] = [
  { id: "mat-1T-1P", a: ["mat-1T"], b: ["mat-1P"], scope: "dokumentasjon", nb: "teoretisk og praktisk matematikk på samme nivå (1T og 1P)", en: "theoretical and practical mathematics on the same level (1T and 1P)", cite: seed003("4.5") },
  { id: "mat-2T-2P", a: ["mat-2T"], b: ["mat-2P"], scope: "dokumentasjon", nb: "teoretisk og praktisk matematikk på samme nivå (2T og 2P)", en: "2T and 2P together", cite: seed003("4.5") },
  { id: "mat-1TY-1PY", a: ["mat-1T-Y"], b: ["mat-1P-Y"], scope: "dokumentasjon", nb: "1T-Y og 1P-Y sammen", en: "1T-Y and 1P-Y together", cite: seed003("4.5") },
  { id: "mat-2TY-2PY", a: ["mat-2T-Y"], b: ["mat-2P-Y"], scope: "dokumentasjon", nb: "2T-Y og 2P-Y sammen", en: "2T-Y and 2P-Y together", cite: seed003("4.5") },
  {
    id: "mat-sf-y",
    a: ["mat-1T", "mat-1P"],
    b: ["mat-1T-Y", "mat-1P-Y", "mat-2P-Y", "mat-2T-Y"],
    scope: "vitnemal",
    nb: "fellesfaget matematikk fra studieforberedende (1T/1P) og matematikk fra yrkesfag vg1 og/eller vg3 påbygging (1T-Y/1P-Y, 2P-Y/2T-Y) på samme vitnemål",
    en: "studieforberedende mathematics (1T/1P) with vocational/påbygging mathematics (1T-Y/1P-Y, 2P-Y/2T-Y) on one vitnemål",
    cite: seed003("4.5"),
  },
  { id: "mat-S-R", a: ["mat-S"], b: ["mat-R"], scope: "dokumentasjon", nb: "programfagene matematikk S og matematikk R (uavhengig av nivå)", en: "mathematics S and R (any level)", cite: seed003("4.5") },
  { id: "geofag-x", a: ["geofag-x"], b: ["geofag-1"], scope: "dokumentasjon", nb: "geofag x og geofag 1", en: "geofag x and geofag 1", cite: seed003("4.5") },
  { id: "tof-x", a: ["tof-x"], b: ["tof-1"], scope: "dokumentasjon", nb: "teknologi og forskningslære x og teknologi og forskningslære 1", en: "TOF x and TOF 1", cite: seed003("4.5") },
  { id: "naturfag", a: ["naturfag-140"], b: ["naturfag-84-56"], scope: "dokumentasjon", nb: "naturfag 140 timer (vg1 studieforberedende) og naturfag 84+56 timer (yrkesfag vg1 + vg3 påbygging)", en: "naturfag 140 h with naturfag 84+56 h", cite: seed003("4.5") },
  {
    id: "norsk-varianter",
    a: ["norsk-ordinaer"],
    b: ["norsk-dove", "norsk-samisk-forstesprak", "norsk-andresprak-samisk-finsk"],
    scope: "dokumentasjon",
    nb: "to varianter av norskfaget (ordinær norsk og norsk for døve og sterkt tunghørte / for samisk som førstespråk / for samisk eller finsk som andrespråk)",
    en: "two variants of Norwegian",
    cite: seed003("4.5"),
  },
  { id: "norsk-samisk", a: ["norsk-samisk-forstesprak"], b: ["norsk-andresprak-samisk-finsk"], scope: "dokumentasjon", nb: "norsk for samisk som førstespråk og norsk for finsk/samisk som andrespråk", en: "Norwegian for Sami first language with Norwegian for Finnish/Sami second language", cite: seed003("4.5") },
];

/** §4.5 "Kroppsøving som fellesfag kan dere ikke føre på dokumentasjon for utdanningsprogram for idrettsfag og musikk, dans og drama." */
export const NO_KROPPSOVING_PROGRAMMES: readonly string[] = ["ID", "MD"];

/**
 * §4.5 "Dere skal bare føre fellesfag på høyeste nivå dersom ikke annet framgår av fastsatt vurderingsordning for
 * faget." For each fellesfag chain (`FELLESFAG_CHAINS`) with lines on more than one level: a line of a lower level is an
 * error unless the vurderingsordning gives that level a grade of its own (`standpunktAt`: one of the level's codes has
 * standpunkt in the catalogue). E.g. norsk vg1 (NOR1260, no standpunkt) cannot stand beside norsk vg3 (NOR1267); 1P
 * (standpunkt) stands beside 2P.
 */
export function checkHighestLevel(
  subjects: readonly SubjectResult[],
  chains: readonly FellesfagChain[] = FELLESFAG_CHAINS,
  standpunktAt: (fagkode: string) => boolean = (k) => subjectDef(k)?.standpunkt === true,
): Finding[] {
  const out: Finding[] = [];
  for (const chain of chains) {
    const stepOf = (fagkode: string) => chain.steps.findIndex((codes) => codes.includes(fagkode.trim()));
    const present = subjects.map((s) => ({ s, step: stepOf(s.fagkode) })).filter((x) => x.step >= 0);
    if (present.length === 0) continue;
    const top = Math.max(...present.map((x) => x.step));
    const highest = [...new Set(present.filter((x) => x.step === top).map((x) => x.s.fagkode))];
    for (const { s, step } of present) {
      if (step === top || (chain.steps[step] ?? []).some(standpunktAt)) continue;
      out.push(
        vmFinding(
          "combination.highest-level",
          "error",
          "4.5",
          `${s.fagkode} (${chain.name}) føres ikke: fellesfag føres bare på høyeste nivå (${highest.join(", ")}) når vurderingsordningen ikke gir karakter på dette nivået.`,
          `${s.fagkode} (${chain.name}) is left off: a fellesfag stands only at its highest level (${highest.join(", ")}) when the vurderingsordning sets no grade at this level.`,
          s.fagkode,
          chain.id,
        ),
      );
    }
  }
  return out;
}

export interface CombinationInput {
  document: IssuedDocumentKind;
  subjects: readonly SubjectResult[];
  programmeAreas: readonly ProgrammeAreaEntry[];
  families?: Readonly<Record<string, readonly SubjectFamily[]>>;
}

/** Checks §4.2 (elev/privatist), §4.5 and §4.7 for the subjects of one document. */
export function checkCombinations(input: CombinationInput): Decision<boolean> {
  const families = input.families ?? SUBJECT_FAMILIES;
  const because: Finding[] = [...checkElevAndPrivatist(input.subjects), ...checkHighestLevel(input.subjects)];
  const famOf = (fagkode: string) => families[fagkode] ?? [];
  const codesIn = (fs: readonly SubjectFamily[]) => input.subjects.filter((s) => famOf(s.fagkode).some((f) => fs.includes(f))).map((s) => s.fagkode);
  for (const rule of FORBIDDEN_COMBINATIONS) {
    if (rule.scope === "vitnemal" && input.document !== "vitnemal") continue;
    const a = codesIn(rule.a);
    const b = codesIn(rule.b);
    if (a.length > 0 && b.length > 0)
      because.push(
        vmFinding(
          `combination.${rule.id}`,
          "error",
          rule.cite,
          `${[...new Set(a)].join(", ")} og ${[...new Set(b)].join(", ")} kan ikke føres på samme ${rule.scope === "vitnemal" ? "vitnemål" : "dokumentasjon"}: ${rule.nb}.`,
          `${[...new Set(a)].join(", ")} and ${[...new Set(b)].join(", ")} cannot stand on the same ${rule.scope === "vitnemal" ? "vitnemål" : "document"}: ${rule.en}.`,
          "subjects",
          rule.id,
        ),
      );
  }
  const programmes = new Set(input.programmeAreas.map((p) => p.code.trim().slice(0, 2)));
  const noKro = NO_KROPPSOVING_PROGRAMMES.filter((p) => programmes.has(p));
  const kro = codesIn(["kroppsoving-fellesfag"]);
  if (noKro.length > 0 && kro.length > 0)
    because.push(
      vmFinding(
        "combination.kroppsoving-id-md",
        "error",
        "4.5",
        `Kroppsøving som fellesfag (${kro.join(", ")}) kan ikke føres på dokumentasjon for utdanningsprogram for idrettsfag og musikk, dans og drama.`,
        `Kroppsøving as fellesfag (${kro.join(", ")}) cannot stand on a document for idrettsfag or musikk, dans og drama.`,
        "subjects",
        kro.join(","),
      ),
    );
  // §4.5 "Dere kan ikke føre programfag i et bestemt fremmedspråk (f.eks. Tysk nivå I) på samme eller lavere nivå enn
  // fellesfaget i samme språk (f.eks. programfag Tysk nivå I kan ikke føres sammen med fellesfaget: Tysk II)."
  for (const p of input.subjects) {
    const lang = p.language;
    if (lang === undefined || p.fagtype === "FF") continue;
    const ff = input.subjects.find((f) => f.fagtype === "FF" && f.language !== undefined && f.language.name === lang.name && f.language.level >= lang.level);
    if (ff !== undefined)
      because.push(
        vmFinding(
          "combination.language-level",
          "error",
          "4.5",
          `${p.fagkode} (programfag ${lang.name} nivå ${lang.level}) kan ikke føres sammen med fellesfaget ${ff.fagkode} i samme språk på samme eller høyere nivå (nivå ${ff.language?.level ?? "?"}).`,
          `${p.fagkode} (programfag ${lang.name} level ${lang.level}) cannot stand with the fellesfag ${ff.fagkode} in the same language at the same or a higher level.`,
          p.fagkode,
        ),
      );
  }
  for (const s of input.subjects)
    if (s.fagkode === "SAS4000" && s.standpunkt !== "D")
      because.push(
        vmFinding(
          "combination.sas4000-deltatt",
          "error",
          "4.7",
          "SAS4000 (styrket opplæring i samisk som andrespråk): dere skal føre «Deltatt» i rubrikken for standpunktkarakter.",
          "SAS4000: «Deltatt» goes in the standpunkt cell.",
          "SAS4000",
        ),
      );
  return decision(!because.some((f) => f.severity === "error"), because);
}

/**
 * The subject and programme-area catalogue bevis ships (a copy of Udir's læreplandatabase/Grep for demo data and tests,
 * `catalogue-data.ts`), with the seed's own codes added, and the checks that refuse what is not in it:
 *
 * §2.6 "Dere kan bare føre godkjente fagkoder og fagnavn i Utdanningsdirektoratets læreplandatabase på vitnemål/
 * kompetansebevis fra Kunnskapsløftet." §2.3 "Det er kun de sentralt gitte programområdekodene som kan føres".
 *
 * The catalogue is partial (reference/no-codes.md lists ~150 codes). A deployment loads the full Grep lists into the
 * same shape; until then an unknown fagkode is an error, as the seed says, and the finding says the catalogue is bevis's.
 * Codes the seed itself names are added here with their section: UPF9xxx (§7.6, §7.9, §13.3, §13.8), the R94
 * programme areas (§13.2), GSGSK0VG-- (§2.3, §7.7), SAS4000 (§4.7), YFF4190/YFF4290 (§9.4), IOP1000–5000 (§11.3);
 * `seed-codes.ts` adds the other fagkoder the seed prints (§3.3, §4.6, §9.3, §9.7, §13.5) and the exam codes the
 * reference lists without a row, each unverified (a warning asks to check the name against Grep).
 */
import { decision, type Decision, type Finding } from "../../../kernel/law.ts";
import { vmFinding } from "../cite.ts";
import type { ExamForm, ProgrammeAreaDef, SubjectDef, SubjectResult } from "../model.ts";
import { PROGRAMME_AREA_ROWS, SUBJECT_ROWS, type CatalogueRow } from "./catalogue-data.ts";
import { GRUNNSKOLE_CODE, R94_CODES } from "./programme-area.ts";
import { SEED_SUBJECT_ROWS } from "./seed-codes.ts";

/** The generated Grep copy plus the codes the seed and the reference name (`seed-codes.ts`); a generated row wins. */
const SUBJECTS = new Map<string, CatalogueRow<SubjectDef>>([...SEED_SUBJECT_ROWS, ...SUBJECT_ROWS].map((r) => [r.def.fagkode, r]));

/** Every subject row the catalogue knows (generated + `seed-codes.ts`), for tests and listings. */
export function allSubjectRows(): readonly CatalogueRow<SubjectDef>[] {
  return [...SUBJECTS.values()];
}

const SEED_PROGRAMME_AREAS: CatalogueRow<ProgrammeAreaDef>[] = [
  { def: { code: GRUNNSKOLE_CODE, name: "Fag fra videregående på ungdomstrinnet", level: "GS" }, verified: true, sources: ["seed 003 §2.3, §7.7"] },
  { def: { code: "R94GK1----", name: "Reform 94 – grunnkurs for vg1", level: R94_CODES["R94GK1----"] ?? "VG1" }, verified: true, sources: ["seed 003 §13.2"] },
  { def: { code: "R94VKI----", name: "Reform 94 – VKI for vg2", level: R94_CODES["R94VKI----"] ?? "VG2" }, verified: true, sources: ["seed 003 §13.2"] },
];

const PROGRAMME_AREAS = new Map<string, CatalogueRow<ProgrammeAreaDef>>(
  [...PROGRAMME_AREA_ROWS.filter((r) => r.verified), ...SEED_PROGRAMME_AREAS].map((r) => [r.def.code, r]),
);

/** UPF9xxx: "uspesifiserte programfag med godkjente koder i Kunnskapsløftet fastsatt av Utdanningsdirektoratet". */
const UPF = /^UPF9\d{3}$/;

export function subjectDef(fagkode: string): SubjectDef | undefined {
  return SUBJECTS.get(fagkode)?.def;
}

export function programmeAreaDef(code: string): ProgrammeAreaDef | undefined {
  return PROGRAMME_AREAS.get(code)?.def;
}

/** The exam forms the code allows (§6.1 "Kodeverket … viser hvilken eksamensform som kan føres for de ulike fagkodene"). */
export function allowedExamForms(fagkode: string): readonly ExamForm[] | undefined {
  return subjectDef(fagkode)?.examForms;
}

/**
 * §2.6: the fagkode must be in the catalogue (or a UPF9xxx code); the name, when given, should be the catalogue's.
 * Unverified catalogue rows pass with a warning.
 */
export function checkFagkode(line: Pick<SubjectResult, "fagkode" | "name">, field = "fagkode"): Decision<SubjectDef | null> {
  const code = line.fagkode.trim();
  if (UPF.test(code)) return decision<SubjectDef | null>(null);
  const row = SUBJECTS.get(code);
  if (row === undefined)
    return decision<SubjectDef | null>(null, [
      vmFinding(
        "catalogue.unknown-fagkode",
        "error",
        "2.6",
        `Fagkoden ${code} finnes ikke i fagkodelisten bevis har fra Utdanningsdirektoratets læreplandatabase; bare godkjente fagkoder kan føres.`,
        `Fagkode ${code} is not in bevis's copy of Udir's curriculum database; only approved fagkoder may be entered.`,
        field,
        code,
      ),
    ]);
  const because: Finding[] = [];
  if (!row.verified)
    because.push(
      vmFinding(
        "catalogue.unverified",
        "warning",
        "2.6",
        `Fagkoden ${code} er bare sett i en sekundærkilde (${row.sources.join(", ")}); kontroller mot læreplandatabasen.`,
        `Fagkode ${code} is seen only in a secondary source (${row.sources.join(", ")}); check it against Grep.`,
        field,
        code,
      ),
    );
  if (line.name !== undefined && line.name.trim() !== row.def.name)
    because.push(
      vmFinding(
        "catalogue.name-differs",
        "warning",
        "2.6",
        `Fagnavnet «${line.name}» avviker fra læreplandatabasens «${row.def.name}» for ${code}.`,
        `The name "${line.name}" differs from the catalogue's "${row.def.name}" for ${code}.`,
        field,
        code,
      ),
    );
  return decision<SubjectDef | null>(row.def, because);
}

/** §2.3: the programme-area code must be one Udir gave (format via `parseProgrammeAreaCode`; existence here). */
export function checkProgrammeAreaKnown(code: string, field = "programomradekode"): Finding[] {
  if (PROGRAMME_AREAS.has(code.trim())) return [];
  return [
    vmFinding(
      "catalogue.unknown-programme-area",
      "error",
      "2.3",
      `Programområdekoden ${code} finnes ikke i listen bevis har over sentralt gitte programområdekoder.`,
      `Programme-area code ${code} is not in bevis's list of centrally issued codes.`,
      field,
      code,
    ),
  ];
}

const LANGUAGE_LEVEL: Record<string, number> = { I: 1, II: 2, "I+II": 2, III: 3, IV: 4 };

/**
 * The language and level of a foreign-language code from its catalogue name ("Spansk II", "Spansk I+II, muntlig" →
 * spansk, 2). Nivå I+II counts as level II (§7.8: I+II is the route to nivå II without the language from lower
 * secondary). Undefined for other codes.
 */
export function languageOf(fagkode: string): { name: string; level: number } | undefined {
  const def = subjectDef(fagkode);
  if (def === undefined) return undefined;
  const m = /^([A-ZÆØÅ][a-zæøå]+) (I\+II|IV|III|II|I)\b/.exec(def.name);
  const level = m?.[2] !== undefined ? LANGUAGE_LEVEL[m[2]] : undefined;
  if (m?.[1] === undefined || level === undefined) return undefined;
  return { name: m[1].toLowerCase(), level };
}

/**
 * Fagkoder the catalogue adds to the generated Grep copy (`catalogue-data.ts`), each from a source named on its row:
 *
 * - codes seed 003 itself names (KRO1015/KRO1016 §9.3, NOR1045/NOR1049 §3.3 VMM25, AVI3010/AVI3011/FLY3012/FLY3013
 *   §9.7, SAM3029/SAM3033 §13.5, MAT1003/MAT1008/MAT1017 §4.6);
 * - the exam codes `reference/no-codes.json` lists under a subject's `examCodes` without a row of their own
 *   (FSP6150, FSP6153, REA3037, REA3047, SAM3059, SAM3062, SAM3071, SAM3074, SPR3030, SPR3032).
 *
 * None of these is seen with its name in a stored copy of Grep, so every row is `verified: false`: `checkFagkode`
 * accepts the code and warns that the name must be checked against Udir's læreplandatabase (§2.6). The names are the
 * seed's own words where it gives them; otherwise a description, and the row's `note` says so. No code is invented:
 * a code is here only because the named source prints it.
 */
import type { SubjectDef } from "../model.ts";
import { SUBJECT_ROWS, type CatalogueRow } from "./catalogue-data.ts";

export interface SourcedRow extends CatalogueRow<SubjectDef> {
  /** Where the name and the other facts come from, and what is inferred. */
  note: string;
}

const seedRow = (def: SubjectDef, section: string, note: string): SourcedRow => ({ def, verified: false, sources: [`seed 003 §${section}`], note });

/**
 * An exam code reference/no-codes.json names under `subjects[parent].examCodes`; the row copies the parent's facts from
 * the generated catalogue (fagtype, level, faggruppe) so the two count as one fag (§5.1).
 */
function examCodeRow(fagkode: string, parentCode: string, form: "M" | "MP"): SourcedRow {
  const parent = SUBJECT_ROWS.find((r) => r.def.fagkode === parentCode);
  if (parent === undefined) throw new Error(`seed-codes: parent ${parentCode} of ${fagkode} is not in the generated catalogue`);
  const formName = form === "M" ? "muntlig" : "muntlig-praktisk";
  return {
    def: {
      fagkode,
      name: `${parent.def.name}, ${formName}`,
      fagtype: parent.def.fagtype,
      level: parent.def.level,
      examForms: [form],
      standpunkt: false,
      scale: "tall",
      faggruppe: parent.def.faggruppe ?? parentCode,
      ...(parent.def.curriculum !== undefined ? { curriculum: parent.def.curriculum } : {}),
    },
    verified: false,
    sources: [`reference/no-codes.json ${parentCode}.examCodes`, ...parent.sources],
    note:
      `The exam code of ${parentCode} (${parent.def.name}). Name and exam form are inferred: the parent's exam form is ` +
      `Skriftlig and its eksamensordning names ${formName} as the other form (the pattern of FSP6219/FSP6220).`,
  };
}

export const SEED_SUBJECT_ROWS: readonly SourcedRow[] = [
  // §9.3 "dere fører fagkoden KRO1015" / "dere fører da fagkoden KRO1016"
  seedRow(
    { fagkode: "KRO1015", name: "Kroppsøving, 56 timer", fagtype: "FF", omfang: 56, level: "ukjent", examForms: [], standpunkt: true, scale: "tall", curriculum: "LK20" },
    "9.3",
    "«For elever som har gått vg1 musikk, dans og drama eller vg1 idrettsfag, og som går kryssløp, skal dere føre 56-timersfaget som erstatter kroppsøving … dere fører fagkoden KRO1015.» Name descriptive (the seed gives none).",
  ),
  seedRow(
    { fagkode: "KRO1016", name: "Kroppsøving, 112 timer", fagtype: "FF", omfang: 112, level: "ukjent", examForms: [], standpunkt: true, scale: "tall", curriculum: "LK20" },
    "9.3",
    "«… tar påbygg til generell studiekompetanse har eleven bare 112 timer kroppsøving, og dere fører da fagkoden KRO1016.» Name descriptive.",
  ),
  // §3.3 VMM25 "eksamen i norsk som andrespråk NOR1049 (el NOR1045)"
  seedRow(
    { fagkode: "NOR1049", name: "Norsk som andrespråk", fagtype: "FF", level: "ukjent", examForms: ["S"], standpunkt: false, scale: "tall", curriculum: "LK06" },
    "3.3",
    "VMM25: «Skriftlig eksamen i norsk hovedmål erstattes av eksamen i norsk som andrespråk NOR1049 (el NOR1045)»; written exam, usable while the subject is taken by autumn 2018.",
  ),
  seedRow(
    { fagkode: "NOR1045", name: "Norsk som andrespråk", fagtype: "FF", level: "ukjent", examForms: ["S"], standpunkt: false, scale: "tall", curriculum: "LK06" },
    "3.3",
    "VMM25 (see NOR1049).",
  ),
  // §9.7 "AVI3011 og FLY3013 samme kompetanse som Part66-10E … AVI3010 og FLY3012 … Part66-10"
  seedRow(
    { fagkode: "AVI3010", name: "Avionikerfaget, vg3 (Part66-10)", fagtype: "FP", level: "VG3", examForms: [], standpunkt: false, curriculum: "LK20" },
    "9.7",
    "«Når elevene tar avionikerfaget på vg3, skal dere føre AVI3XXX … kodene AVI3010 og FLY3012 viser til samme kompetanse som Part66-10.» Name descriptive.",
  ),
  seedRow(
    { fagkode: "AVI3011", name: "Avionikerfaget, vg3 (Part66-10E)", fagtype: "FP", level: "VG3", examForms: [], standpunkt: false, curriculum: "LK20" },
    "9.7",
    "«… kodene AVI3011 og FLY3013 samme kompetanse som Part66-10E». Name descriptive.",
  ),
  seedRow(
    { fagkode: "FLY3012", name: "Flytekniske fag, vg3 (Part66-10)", fagtype: "FP", level: "VG3", examForms: [], standpunkt: false, curriculum: "LK20" },
    "9.7",
    "«Når elevene tar flytekniske fag på vg3, skal dere føre FLY3XXX.» Name descriptive.",
  ),
  seedRow(
    { fagkode: "FLY3013", name: "Flytekniske fag, vg3 (Part66-10E)", fagtype: "FP", level: "VG3", examForms: [], standpunkt: false, curriculum: "LK20" },
    "9.7",
    "See FLY3012. Name descriptive.",
  ),
  // §13.5 "Entreprenørskap og bedriftsutvikling 2 (SAM 3029) eller økonomistyring (SAM3033)"
  seedRow(
    { fagkode: "SAM3029", name: "Entreprenørskap og bedriftsutvikling 2", fagtype: "VP", level: "ukjent", examForms: [], standpunkt: true, scale: "tall", curriculum: "LK06" },
    "13.5",
    "«Faget AA6010 Bedriftsøkonomi I fra R94 fører dere som følgende valgfrie programfag: Entreprenørskap og bedriftsutvikling 2 (SAM 3029)» — the seed prints the code with a space.",
  ),
  seedRow(
    { fagkode: "SAM3033", name: "Økonomistyring", fagtype: "VP", level: "ukjent", examForms: [], standpunkt: true, scale: "tall", curriculum: "LK06" },
    "13.5",
    "«… eller økonomistyring (SAM3033)».",
  ),
  // §4.6 "Gammel ordning … vg2: Fagkoder MAT1003 eller MAT1008 – omfattet hele faget"; "Ny ordning … vg2: Fagkoder MAT1015 eller MAT1017"
  seedRow(
    { fagkode: "MAT1003", name: "Matematikk vg2, gammel ordning", fagtype: "FF", level: "VG2", examForms: [], standpunkt: true, scale: "tall", curriculum: "LK06" },
    "4.6",
    "Gammel ordning vg2, «omfattet hele faget» (2006 – vår 2010). Name descriptive.",
  ),
  seedRow(
    { fagkode: "MAT1008", name: "Matematikk vg2, gammel ordning", fagtype: "FF", level: "VG2", examForms: [], standpunkt: true, scale: "tall", curriculum: "LK06" },
    "4.6",
    "Gammel ordning vg2 (see MAT1003). Name descriptive.",
  ),
  seedRow(
    { fagkode: "MAT1017", name: "Matematikk vg2, ny ordning", fagtype: "FF", level: "VG2", examForms: [], standpunkt: true, scale: "tall", curriculum: "LK06" },
    "4.6",
    "Ny ordning vg2 (with MAT1015). Name descriptive.",
  ),
  // reference/no-codes.json examCodes without a row of their own
  examCodeRow("FSP6150", "FSP6149", "M"),
  examCodeRow("FSP6153", "FSP6152", "M"),
  examCodeRow("REA3037", "REA3036", "MP"),
  examCodeRow("REA3047", "REA3046", "MP"),
  examCodeRow("SAM3059", "SAM3058", "M"),
  examCodeRow("SAM3062", "SAM3061", "M"),
  examCodeRow("SAM3071", "SAM3070", "MP"),
  examCodeRow("SAM3074", "SAM3073", "M"),
  examCodeRow("SPR3030", "SPR3029", "M"),
  examCodeRow("SPR3032", "SPR3031", "M"),
];

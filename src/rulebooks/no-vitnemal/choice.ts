/**
 * Seed 003 §4.2 "Fag utover minstekravet/erstatte fag" — the rules on which subjects a person may leave off and which
 * privatist exams may improve or replace a subject completed as elev (VMM32 and "elev and privatist in the same
 * fagkode at once" are in combination.ts):
 *
 * - `checkLeftOff`: "kan velge om disse fagene [utover minstekravet] skal føres"; "For elever og lærlinger, må antall
 *   eksamener iht. gjeldende bestemmelser om uttrekk til eksamen, være oppfylt"; "kan eleven ta vekk et fag (som han
 *   eller hun ikke har hatt eksamen i)".
 * - `checkExamCount`: the number of exams of the trekkordning (an input: it is not in the seed).
 * - `checkReplacements`: "Det er mulig å forbedre karakteren i et fag som privatist. Faget som tas som privatist må da
 *   ha samme fagkode som faget tatt som elev. Unntaket er matematikk 1T som kan byttes ut med 1P eller omvendt";
 *   "For å få førstegangsvitnemål, kan ikke en elev innenfor det fastsatte minstekravet … erstatte et fullført fag, med
 *   et annet fag tatt som privatist. Faget anses også som «fullført» i de tilfellene der eleven har fått ikke bestått og
 *   IV".
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { vmFinding } from "./cite.ts";
import { SUBJECT_FAMILIES } from "./combination.ts";
import type { Status, SubjectResult } from "./model.ts";

/** §4.2 "For elever og lærlinger" — the statuses the trekkordning's exam count binds. */
const EXAM_COUNT_STATUSES: readonly Status[] = ["elev", "laerling"];

const hasExam = (l: SubjectResult) => l.eksamen !== undefined && l.eksamen !== null;

/**
 * §4.2: checks the lines the person chose to leave off (`leftOffByChoice`) and returns the lines that stay on the
 * document. Leaving off a subject within the minimum, or a subject an elev or lærling had an exam in, is an error.
 */
export function checkLeftOff(lines: readonly SubjectResult[]): Decision<SubjectResult[]> {
  const because: Finding[] = [];
  const kept: SubjectResult[] = [];
  const left: string[] = [];
  for (const l of lines) {
    if (l.leftOffByChoice !== true) {
      kept.push(l);
      continue;
    }
    const before = because.length;
    if (l.beyondMinimum !== true)
      because.push(
        vmFinding(
          "choice.left-off-within-minimum",
          "error",
          "4.2",
          `${l.fagkode} kan ikke tas vekk: bare fag utover fastsatte minstekrav til timetall og fagsammensetning kan velges bort.`,
          `${l.fagkode} cannot be left off: only subjects beyond the minimum may be left off.`,
          l.fagkode,
          l.fagkode,
        ),
      );
    else if (hasExam(l) && EXAM_COUNT_STATUSES.includes(l.status))
      because.push(
        vmFinding(
          "choice.left-off-with-exam",
          "error",
          "4.2",
          `${l.fagkode} kan ikke tas vekk: eleven kan bare ta vekk et fag som han eller hun ikke har hatt eksamen i (antall eksamener etter trekkordningen må være oppfylt).`,
          `${l.fagkode} cannot be left off: a pupil may only leave off a subject without an exam (the trekkordning's number of exams must be met).`,
          l.fagkode,
          l.fagkode,
        ),
      );
    else left.push(l.fagkode);
    // A refused choice keeps the line on the document: the error blocks issuing until the choice is corrected.
    if (because.length > before) kept.push({ ...l, leftOffByChoice: false });
  }
  if (left.length > 0)
    because.push(
      vmFinding(
        "choice.left-off",
        "info",
        "4.2",
        `Fag utover minstekravet som er valgt bort og ikke føres: ${left.join(", ")}.`,
        `Subjects beyond the minimum left off by choice: ${left.join(", ")}.`,
        "subjects",
      ),
    );
  return decision(kept, because);
}

/**
 * §4.2 "For elever og lærlinger, må antall eksamener iht. gjeldende bestemmelser om uttrekk til eksamen, være oppfylt."
 * Counts the exam grades (any recorded exam result, also IM) on the elev and lærling lines of the document.
 */
export function checkExamCount(lines: readonly SubjectResult[], required: number | undefined): Finding[] {
  if (required === undefined) return [];
  const n = lines.filter((l) => EXAM_COUNT_STATUSES.includes(l.status) && hasExam(l)).length;
  if (n >= required) return [];
  return [
    vmFinding(
      "choice.exam-count",
      "error",
      "4.2",
      `Dokumentet har ${n} eksamener for elev/lærling; trekkordningen krever ${required}.`,
      `The document has ${n} exams as elev/lærling; the trekkordning requires ${required}.`,
      "subjects",
      n,
    ),
  ];
}

const family = (fagkode: string) => SUBJECT_FAMILIES[fagkode.trim()] ?? [];

/** §4.2/§4.5 "matematikk 1T som kan byttes ut med 1P eller omvendt selv om disse ikke har samme fagkode". */
export function is1T1PSwap(a: string, b: string): boolean {
  const fa = family(a);
  const fb = family(b);
  return (fa.includes("mat-1T") && fb.includes("mat-1P")) || (fa.includes("mat-1P") && fb.includes("mat-1T"));
}

export interface Replacements {
  /** Privatist lines (fagkoder) that replace a subject completed as elev within the minimum by another subject. */
  replacedWithinMinimum: string[];
  /** The lines that stay on the document: an elev 1T/1P line swapped for the other by a privatist exam is left off. */
  lines: SubjectResult[];
}

/**
 * §4.2 privatist lines that improve or replace an elev subject (`replaces`). The same fagkode is an improvement; 1T ↔ 1P
 * is the seed's one exception; any other fagkode is not an improvement, and within the minimum it takes away the
 * førstegangsvitnemål (whatever the replaced subject's grade: "anses også som «fullført» … ikke bestått og IV").
 */
export function checkReplacements(lines: readonly SubjectResult[]): Decision<Replacements> {
  const because: Finding[] = [];
  const replacedWithinMinimum: string[] = [];
  const swapped = new Set<string>();
  for (const l of lines) {
    const r = l.replaces?.trim();
    if (r === undefined || r === "") continue;
    if (l.status !== "privatist") {
      because.push(
        vmFinding(
          "choice.replaces-not-privatist",
          "error",
          "4.2",
          `${l.fagkode} er ført som forbedring/erstatning av ${r}, men er ikke tatt som privatist.`,
          `${l.fagkode} is recorded as improving/replacing ${r} but is not taken as privatist.`,
          l.fagkode,
          r,
        ),
      );
      continue;
    }
    if (r === l.fagkode.trim()) {
      because.push(
        vmFinding("choice.improvement", "info", "4.2", `${l.fagkode}: karakteren er forbedret som privatist (samme fagkode).`, `${l.fagkode}: the grade is improved as privatist (same fagkode).`, l.fagkode, r),
      );
      continue;
    }
    if (is1T1PSwap(r, l.fagkode)) {
      swapped.add(r);
      because.push(
        vmFinding(
          "choice.swap-1T-1P",
          "info",
          "4.2",
          `${l.fagkode} erstatter ${r}: matematikk 1T kan byttes ut med 1P eller omvendt selv om fagkoden er en annen (${r} og eksamenskodene til det føres ikke i tillegg, punkt 4.5).`,
          `${l.fagkode} replaces ${r}: 1T may be swapped for 1P or the reverse (${r} is not entered as well, §4.5).`,
          l.fagkode,
          r,
        ),
      );
      continue;
    }
    because.push(
      vmFinding(
        "choice.replaced-other-code",
        "warning",
        "4.2",
        `${l.fagkode} kan ikke forbedre eller erstatte ${r}: faget som tas som privatist må ha samme fagkode som faget tatt som elev (unntatt 1T/1P).${l.beyondMinimum === true ? "" : " Innenfor minstekravet gir dette ikke rett til førstegangsvitnemål."}`,
        `${l.fagkode} cannot improve or replace ${r}: a privatist subject must have the elev subject's fagkode (except 1T/1P).${l.beyondMinimum === true ? "" : " Within the minimum this takes away the førstegangsvitnemål."}`,
        l.fagkode,
        r,
      ),
    );
    if (l.beyondMinimum !== true) replacedWithinMinimum.push(l.fagkode);
  }
  // "En elev som har sluttvurdering i 1T og avlegger privatisteksamen i 1P, anses for å forbedre karakteren i
  // matematikk fellesfag" (§4.5): the replaced elev lines (the code and its exam codes, by faggruppe) leave the document.
  const kept = lines.filter((l) => !(l.status !== "privatist" && (swapped.has(l.fagkode.trim()) || (l.faggruppe !== undefined && swapped.has(l.faggruppe)))));
  return decision({ replacedWithinMinimum, lines: kept }, because);
}

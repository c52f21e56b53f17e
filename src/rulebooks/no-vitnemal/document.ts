/**
 * Which document a person gets — seed 003 §1 (Dokumentasjon i videregående opplæring):
 * - §1.1 vitnemål, §1.3 kompetansebevis, §1.4–§1.8 the exceptions and VMM34/VMM38, §1.9 the status table;
 * - §1.2 førstegangsvitnemål (first-time diploma) with VMM06, the extended-time VMMs and FAM34;
 * - §1.3 «fullført» / «bestått» årstrinn on a kompetansebevis, and VMM33;
 * - §1.10 who issues (school or fylkeskommune).
 *
 * Pure: the facts about the course (which sluttkompetanse it fulfils, whether all subjects are passed) are inputs;
 * `pass.ts` decides the pass state of each subject.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { formatNorwegianDate, vmFinding } from "./cite.ts";
import type {
  CourseFacts,
  DocumentKind,
  ExtendedTimeReason,
  FinalTestKind,
  IssuedDocumentKind,
  Issuer,
  Level,
  MerknadUse,
  Sluttkompetanse,
  Status,
  StatusPeriod,
  SubjectResult,
} from "./model.ts";
import { fagPassed, groupByFag } from "./pass.ts";

// ---------------------------------------------------------------------------------------------------------------
// §1.9 the status table
// ---------------------------------------------------------------------------------------------------------------

/** A cell of §1.9's table: "X" may be issued, "(X)" only on the footnote's condition, "" not. */
export type TableCell = "X" | "(X)" | "";

/**
 * §1.9 "Hvem kan få hvilken type dokumentasjon": rows = documents, columns = statuses. The praksiskandidat column is
 * shared by «Praksis-kandidat og kandidat for fagbrev på jobb». "* Praksiskandidater og kandidater for fagbrev på jobb
 * kan bare få vitnemål dersom kandidaten kan dokumentere at han eller hun har fellesfagene som kreves for yrkesfag".
 */
export const STATUS_TABLE: Readonly<Record<DocumentKind, Readonly<Record<Status, TableCell>>>> = {
  vitnemal: { elev: "X", privatist: "X", laerling: "X", laerekandidat: "", voksen: "X", praksisbrevkandidat: "", praksiskandidat: "(X)", fagbrevPaJobb: "(X)" },
  fagbrev: { elev: "", privatist: "", laerling: "X", laerekandidat: "", voksen: "X", praksisbrevkandidat: "", praksiskandidat: "X", fagbrevPaJobb: "X" },
  kompetansebevis: { elev: "X", privatist: "X", laerling: "X", laerekandidat: "X", voksen: "X", praksisbrevkandidat: "X", praksiskandidat: "X", fagbrevPaJobb: "X" },
  praksisbrev: { elev: "", privatist: "", laerling: "", laerekandidat: "", voksen: "", praksisbrevkandidat: "X", praksiskandidat: "", fagbrevPaJobb: "" },
};

export const STATUS_NB: Record<Status, string> = {
  elev: "elev",
  privatist: "privatist",
  laerling: "lærling",
  laerekandidat: "lærekandidat",
  voksen: "voksen deltaker",
  praksisbrevkandidat: "praksisbrevkandidat",
  praksiskandidat: "praksiskandidat",
  fagbrevPaJobb: "kandidat for fagbrev på jobb",
};

const DOCUMENT_NB: Record<DocumentKind, string> = {
  vitnemal: "vitnemål",
  kompetansebevis: "kompetansebevis",
  fagbrev: "fag-/svennebrev",
  praksisbrev: "praksisbrev",
};

/** The contract statuses: a person who completes under one of them is documented under it. */
const CONTRACT_STATUSES: readonly Status[] = ["laerling", "laerekandidat", "praksisbrevkandidat", "praksiskandidat", "fagbrevPaJobb"];

/**
 * The status the person completes under (the column of §1.9). The seed gives status per subject and year but not a
 * rule for mixed years; bevis's choice (docs/rulebooks/003-vitnemal.md): the latest school year decides; within it a
 * contract status wins over elev, elev over voksen, voksen over privatist (§5.6 and §8.1 treat a lærling who takes a
 * subject in school as still a lærling).
 */
export function documentStatus(statuses: readonly StatusPeriod[]): Decision<Status | null> {
  if (statuses.length === 0)
    return decision<Status | null>(null, [
      vmFinding("document.no-status", "error", "1.9", "Status i videregående opplæring mangler.", "The person's status in upper-secondary education is missing.", "statuses"),
    ]);
  const latest = Math.max(...statuses.map((s) => s.schoolYear.startYear));
  const inYear = statuses.filter((s) => s.schoolYear.startYear === latest).map((s) => s.status);
  const order: Status[] = [...CONTRACT_STATUSES, "elev", "voksen", "privatist"];
  const status = order.find((s) => inYear.includes(s)) ?? null;
  return decision<Status | null>(status);
}

// ---------------------------------------------------------------------------------------------------------------
// §1.1–§1.9 which document
// ---------------------------------------------------------------------------------------------------------------

export interface DocumentInput {
  status: Status;
  course: CourseFacts;
  /** The person's final test (fag-/svenneprøve, praksisbrevprøve, kompetanseprøve), if any, and whether it was passed. */
  finalTest?: { kind: FinalTestKind; passed: boolean };
  /** The document the user asks for; absent = the one the person is entitled to. */
  requested?: IssuedDocumentKind;
}

export interface DocumentChoice {
  /** Every document the person is entitled to now (fag-/svennebrev and praksisbrev are issued by the fylkeskommune). */
  entitled: DocumentKind[];
  /** The document bevis issues (null when the requested one may not be issued). */
  issue: IssuedDocumentKind | null;
  /** On a vitnemål: the sluttkompetanse lines (§2.3: "fører dere de aktuelle på vitnemålet"). */
  sluttkompetanse: Sluttkompetanse[];
  /** Vitnemålsmerknader that follow from the choice (VMM34 §1.7, VMM38 §1.8). */
  merknader: MerknadUse[];
}

/**
 * §1.1 "Vitnemål er dokumentasjon på et fullført og bestått videregående opplæringsløp som gir studie- og/eller
 * yrkeskompetanse." §1.3 "Kompetansebevis er dokumentasjon på gjennomført videregående opplæring som ikke kvalifiserer
 * for vitnemål eller fag-/svennebrev. Unntak er for praksiskandidater og kandidater for fagbrev på jobb som kan få fag-/
 * svennebrev sammen med kompetansebevis" … "Dere kan utstede kompetansebevis etter behov på hvert nivå i opplæringen".
 * §1.7/§1.8: passed fag-/svenneprøve or praksisbrevprøve with a fellesfag not passed → kompetansebevis with VMM34/VMM38.
 * §1.9: the status table. §9.9/§9.10: praksisbrevkandidater and lærekandidater get a kompetansebevis, never a vitnemål.
 */
export function decideDocument(input: DocumentInput): Decision<DocumentChoice> {
  const { status, course } = input;
  const because: Finding[] = [];
  const entitled: DocumentKind[] = [];
  const merknader: MerknadUse[] = [];
  const achieved = course.achieved ?? [];
  const allPassed = course.allPassed === true;
  const cellV = STATUS_TABLE.vitnemal[status];
  const statusNb = STATUS_NB[status];

  // §1.7 / §1.8: the final test passed while fellesfag are not.
  const finalPassed = input.finalTest?.passed === true;
  const finalKind = input.finalTest?.kind;
  const s148 =
    finalPassed &&
    course.finalTestPassedFellesfagFailed === true &&
    !(status === "praksiskandidat" || status === "fagbrevPaJobb") &&
    !(finalKind === "praksisbrevprove" && course.praksisbrevExceptionApproved === true);
  if (s148) {
    const praksisbrev = finalKind === "praksisbrevprove";
    merknader.push({ code: praksisbrev ? "VMM38" : "VMM34", because: praksisbrev ? "1.8" : "1.7" });
    because.push(
      vmFinding(
        praksisbrev ? "document.vmm38" : "document.vmm34",
        "info",
        praksisbrev ? "1.8" : "1.7",
        praksisbrev
          ? "Bestått praksisbrevprøve, men ikke bestått fellesfag: kandidaten får kompetansebevis med VMM38 og må bestå faget innen to år for å få praksisbrev."
          : "Bestått fag- eller svenneprøve, men ikke bestått fellesfag: kandidaten får kompetansebevis med VMM34 og må bestå faget/fagene innen to år for å få fag- eller svennebrev.",
        praksisbrev
          ? "Practice-certificate test passed but a fellesfag not: a kompetansebevis with VMM38; the subject must be passed within two years."
          : "Trade/journeyman test passed but fellesfag not: a kompetansebevis with VMM34; the subject(s) must be passed within two years.",
        "finalTest",
      ),
    );
  }

  // Vitnemål.
  const fellesfagOk = cellV === "(X)" ? course.fellesfagDocumented === true : true;
  const qualifies = achieved.length > 0 && allPassed && !s148;
  if (cellV !== "" && fellesfagOk && qualifies) entitled.push("vitnemal");
  else if (qualifies && cellV === "")
    because.push(
      vmFinding(
        "document.status-no-vitnemal",
        "info",
        status === "laerekandidat" ? "9.10" : status === "praksisbrevkandidat" ? "9.9" : "1.9",
        `En ${statusNb} kan ikke få vitnemål (punkt 1.9).`,
        `A ${status} cannot get a vitnemål (§1.9).`,
        "status",
        status,
      ),
    );
  else if (qualifies && !fellesfagOk)
    because.push(
      vmFinding(
        "document.fellesfag-not-documented",
        "info",
        "1.9",
        `${statusNb[0]?.toUpperCase()}${statusNb.slice(1)} kan bare få vitnemål når fellesfagene som kreves for yrkesfag er dokumentert (forskriften § 3-39).`,
        "A praksiskandidat or fagbrev-på-jobb candidate gets a vitnemål only with the fellesfag for vocational programmes documented (§ 3-39).",
        "course.fellesfagDocumented",
      ),
    );

  // Fag-/svennebrev and praksisbrev (issued by the fylkeskommune; bevis only records the entitlement).
  const tradeTest = finalKind === "fagprove" || finalKind === "svenneprove";
  if (tradeTest && finalPassed && STATUS_TABLE.fagbrev[status] !== "") {
    // §9.8: praksiskandidater and fagbrev på jobb need not have passed the fellesfag.
    if (allPassed || status === "praksiskandidat" || status === "fagbrevPaJobb") entitled.push("fagbrev");
  }
  // §1.6: "Praksisbrevkandidater som har fullført, men ikke bestått i ett fellesfag, kan likevel på visse vilkår få
  // utstedt praksisbrevet."
  const praksisbrevOk = allPassed || course.praksisbrevExceptionApproved === true;
  if (finalKind === "praksisbrevprove" && finalPassed && STATUS_TABLE.praksisbrev[status] !== "" && praksisbrevOk && !s148) {
    entitled.push("praksisbrev");
    if (!allPassed)
      because.push(
        vmFinding(
          "document.praksisbrev-exception",
          "info",
          "1.6",
          "Praksisbrevprøven er bestått og unntaket for ett fellesfag som ikke er bestått er godkjent: praksisbrev kan utstedes.",
          "The praksisbrev test is passed and the exception for one fellesfag not passed is approved: a praksisbrev may be issued.",
          "course.praksisbrevExceptionApproved",
        ),
      );
  }

  // Kompetansebevis: when neither vitnemål nor fag-/svennebrev; praksiskandidater get it beside the fagbrev.
  const hasVitnemal = entitled.includes("vitnemal");
  const hasFagbrev = entitled.includes("fagbrev");
  if (!hasVitnemal && (!hasFagbrev || status === "praksiskandidat" || status === "fagbrevPaJobb")) entitled.push("kompetansebevis");

  if (!qualifies && !s148)
    because.push(
      vmFinding(
        "document.not-qualified",
        "info",
        "1.3",
        achieved.length === 0
          ? "Opplæringen gir ikke (ennå) studie- eller yrkeskompetanse: kompetansebevis."
          : "Ikke alle fag er bestått: kompetansebevis (vitnemål krever fullført og bestått opplæringsløp, punkt 1.1).",
        achieved.length === 0
          ? "The training does not (yet) give studie- or yrkeskompetanse: kompetansebevis."
          : "Not every subject is passed: kompetansebevis (a vitnemål needs a completed and passed course, §1.1).",
        "course",
      ),
    );

  // The document to issue now.
  let issue: IssuedDocumentKind | null = hasVitnemal ? "vitnemal" : "kompetansebevis";
  if (input.requested === "vitnemal" && !hasVitnemal) {
    issue = null;
    because.push(
      vmFinding(
        "document.vitnemal-refused",
        "error",
        cellV === "" ? "1.9" : "1.1",
        `Vitnemål kan ikke utstedes: ${cellV === "" ? `status ${statusNb} gir ikke rett til vitnemål` : !fellesfagOk ? "fellesfagene er ikke dokumentert" : s148 ? "fellesfag er ikke bestått (punkt 1.7/1.8)" : "opplæringsløpet er ikke fullført og bestått med studie- eller yrkeskompetanse"}.`,
        `A vitnemål cannot be issued: ${cellV === "" ? `status ${status} gives no right to one` : !fellesfagOk ? "the fellesfag are not documented" : s148 ? "a fellesfag is not passed (§1.7/§1.8)" : "the course is not completed and passed with studie- or yrkeskompetanse"}.`,
        "requested",
        "vitnemal",
      ),
    );
  } else if (input.requested === "kompetansebevis") {
    issue = "kompetansebevis";
    if (hasVitnemal)
      because.push(
        vmFinding(
          "document.kompetansebevis-on-request",
          "info",
          "1.3",
          "Personen har rett til vitnemål; kompetansebevis utstedes etter behov (punkt 1.3: «etter behov på hvert nivå i opplæringen»).",
          "The person is entitled to a vitnemål; a kompetansebevis is issued on request (§1.3).",
          "requested",
          "kompetansebevis",
        ),
      );
  }

  const choice: DocumentChoice = {
    entitled,
    issue,
    sluttkompetanse: issue === "vitnemal" ? [...achieved] : [],
    merknader: issue === "kompetansebevis" ? merknader : [],
  };
  because.push(
    vmFinding(
      "document.choice",
      "info",
      "1.9",
      `Status ${statusNb}: rett til ${entitled.map((d) => DOCUMENT_NB[d]).join(" og ")}.`,
      `Status ${status}: entitled to ${entitled.join(" and ")}.`,
      "status",
      status,
    ),
  );
  return decision(choice, because);
}

// ---------------------------------------------------------------------------------------------------------------
// §1.2 førstegangsvitnemål
// ---------------------------------------------------------------------------------------------------------------

/** §1.2 / §3.2: the extended-time reason → its VMM ("Det framgår av teksten i merknadene hvilken gruppe de gjelder for"). */
export const EXTENDED_TIME_MERKNAD: Readonly<Record<ExtendedTimeReason, string>> = {
  utveksling: "VMM07",
  omvalg: "VMM08",
  sykdom: "VMM09",
  utvidetOpplaeringstid: "VMM10",
  utsattEksamen: "VMM20",
  saerskiltEksamen: "VMM21",
  nyEksamen: "VMM22",
  idrett: "VMM24",
};

export interface ForstegangsInput {
  status: Status;
  document: IssuedDocumentKind;
  /** The sluttkompetanse the vitnemål documents. */
  sluttkompetanse: readonly Sluttkompetanse[];
  course: CourseFacts;
  subjects: readonly SubjectResult[];
}

export interface ForstegangsResult {
  forstegang: boolean;
  /** VMM06 and the extended-time VMMs (§1.2, §3.2). */
  vmm: MerknadUse[];
  /** FAM34 for subjects passed on ungdomstrinnet (§1.2). */
  fam: { fagkode: string; merknad: MerknadUse }[];
}

/**
 * §1.2 "Den som ved utløpet av normal tid (sammenhengende) har bestått videregående opplæring som gir generell
 * studiekompetanse, kan få førstegangsvitnemål. Førstegangsvitnemål gjelder bare for fastsatte opplæringsløp i
 * tilbudsstrukturen … skal dere føre VMM06 «Førstegangsvitnemål»." Extended time for the listed reasons keeps the right
 * ("skal dere føre en av vitnemålsmerknadene VMM07-10, VMM20-22 eller VMM24 … i tillegg til VMM06"). Not: a ny eksamen
 * after a failed grade (§ 3-31) after normal time; a vitnemål for yrkeskompetanse; vg4 påbygging. §4.2: a subject
 * completed as elev replaced by a privatist subject within the minimum loses the right.
 */
export function decideForstegangsvitnemal(input: ForstegangsInput): Decision<ForstegangsResult> {
  const no = (rule: string, ref: string, nb: string, en: string): Decision<ForstegangsResult> =>
    decision<ForstegangsResult>({ forstegang: false, vmm: [], fam: [] }, [vmFinding(`forstegang.${rule}`, "info", ref, `Ikke førstegangsvitnemål: ${nb}`, `No førstegangsvitnemål: ${en}`, "forstegang")]);
  const { course } = input;
  if (input.document !== "vitnemal") return no("not-vitnemal", "1.2", "dokumentet er ikke et vitnemål.", "the document is not a vitnemål.");
  if (input.status !== "elev") return no("not-elev", "1.2", `personen fullfører som ${STATUS_NB[input.status]}, ikke som elev.`, `the person completes as ${input.status}, not as elev.`);
  if (!input.sluttkompetanse.includes("studiekompetanse"))
    return no("no-studiekompetanse", "1.2", "vitnemålet gir ikke generell studiekompetanse.", "the vitnemål does not give generell studiekompetanse.");
  if (input.sluttkompetanse.includes("yrkeskompetanse") || input.sluttkompetanse.includes("fagopplaering"))
    return no(
      "yrkeskompetanse",
      "1.2",
      "elever som får vitnemål som dokumentasjon på yrkeskompetanse har ikke rett til førstegangsvitnemål.",
      "a vitnemål documenting yrkeskompetanse gives no right to a førstegangsvitnemål.",
    );
  if (course.vg4Pabygging === true)
    return no("vg4", "1.2", "elever som tar vg4 påbygging til generell studiekompetanse har ikke rett til førstegangsvitnemål.", "vg4 påbygging gives no right to a førstegangsvitnemål.");
  if (course.fixedLop !== true)
    return no("not-fixed-lop", "1.2", "førstegangsvitnemål gjelder bare for fastsatte opplæringsløp i tilbudsstrukturen.", "only fixed courses of the offer structure qualify.");
  if (course.retookFailedAfterNormalTime === true)
    return no(
      "ny-eksamen-3-31",
      "1.2",
      "ny eksamen på grunn av ikke bestått eksamenskarakter (§ 3-31) etter utløpet av normal tid.",
      "a new exam after a failed exam grade (§ 3-31) after normal time.",
    );
  if (course.replacedElevSubjectWithPrivatist === true)
    return no(
      "replaced-by-privatist",
      "4.2",
      "et fullført fag innenfor minstekravet er erstattet med et fag tatt som privatist.",
      "a subject completed as elev within the minimum was replaced by a privatist subject.",
    );
  const reasons = [...new Set(course.extendedTimeReasons ?? [])];
  if (course.withinNormalTime !== true && reasons.length === 0)
    return no("normal-time", "1.2", "opplæringen er ikke bestått ved utløpet av normal tid, og ingen grunn for utvidet tid som gir rett er registrert.", "not passed within normal time, and no qualifying reason for extended time is recorded.");

  const because: Finding[] = [];
  const vmm: MerknadUse[] = [{ code: "VMM06", because: "1.2" }];
  const order = Object.keys(EXTENDED_TIME_MERKNAD) as ExtendedTimeReason[];
  for (const r of order.filter((x) => reasons.includes(x))) vmm.push({ code: EXTENDED_TIME_MERKNAD[r], because: "1.2" });
  because.push(
    vmFinding(
      "forstegang.yes",
      "info",
      "1.2",
      `Førstegangsvitnemål: VMM06${vmm.length > 1 ? ` og ${vmm.slice(1).map((m) => m.code).join(", ")} (utvidet tid som gir rett til førstegangsvitnemål)` : ""}.`,
      `First-time diploma: VMM06${vmm.length > 1 ? ` and ${vmm.slice(1).map((m) => m.code).join(", ")} (extended time that keeps the right)` : ""}.`,
      "forstegang",
    ),
  );
  const fam: ForstegangsResult["fam"] = [];
  for (const s of input.subjects)
    if (s.takenInLowerSecondary === true && fagPassed([s]).value === "passed") fam.push({ fagkode: s.fagkode, merknad: { code: "FAM34", because: "1.2" } });
  if (fam.length > 0)
    because.push(
      vmFinding(
        "forstegang.fam34",
        "info",
        "1.2",
        `Fag tatt på ungdomstrinnet (${fam.map((f) => f.fagkode).join(", ")}) føres med FAM34 «Fag tatt u.tr. § 1-15»; retten til førstegangsvitnemål beholdes.`,
        `Subjects taken in lower secondary (${fam.map((f) => f.fagkode).join(", ")}) carry FAM34; the right to a førstegangsvitnemål is kept.`,
        "subjects",
      ),
    );
  return decision<ForstegangsResult>({ forstegang: true, vmm, fam }, because);
}

// ---------------------------------------------------------------------------------------------------------------
// §1.3 fullført / bestått årstrinn on a kompetansebevis
// ---------------------------------------------------------------------------------------------------------------

export interface LevelCompletionInput {
  level: Level;
  /** The subject lines of the level. */
  subjects: readonly SubjectResult[];
  /** The document date (for VMM33's date). */
  on: IsoDate;
  /** VMM33 agreement: fremmedspråk fellesfag as privatist by this date. */
  fremmedsprakPrivatistBy?: IsoDate;
}

export interface LevelCompletion {
  completion: "fullfort" | "bestatt" | null;
  /** VMM33 when the missing fremmedspråk is excused by agreement. */
  merknader: MerknadUse[];
}

const valued = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * §1.3 "Den som har fått vurdering i alle fag som inngår i årstrinnet og avlagt alle eksamener/prøver i samsvar med
 * læreplanen og trekkordninger, kan få dokumentasjon for «fullført» årstrinn på kompetansebeviset. For å få påført at
 * årstrinnet er «bestått», må i tillegg alle fag og eksamener være vurdert til bestått. Også fag med halvårsvurdering må
 * ha karakter som er bestått (2 til 6) eller stiplet linje med FAM12 … Privatister må ha eksamenskarakter i alle fag".
 * VMM33: "Disse kan få fullført eller bestått på vg1 og eventuelt vg2 selv om fremmedspråk mangler … Dersom eleven ikke
 * tar faget innen dato som er angitt … skal dere ikke lenger benytte VMM33".
 */
export function levelCompletion(input: LevelCompletionInput): Decision<LevelCompletion> {
  const because: Finding[] = [];
  const merknader: MerknadUse[] = [];
  const assessed = (s: SubjectResult) =>
    s.status === "privatist"
      ? valued(s.eksamen)
      : valued(s.standpunkt) || valued(s.halvar) || valued(s.eksamen) || (s.merknader ?? []).some((m) => m.code === "FAM12");
  let lines = [...input.subjects];
  const missingLanguage = lines.filter((s) => s.fremmedsprak === true && !assessed(s));
  if (missingLanguage.length > 0 && input.fremmedsprakPrivatistBy !== undefined) {
    const inTime = input.on <= input.fremmedsprakPrivatistBy;
    const levelOk = input.level === "VG1" || input.level === "VG2";
    if (inTime && levelOk) {
      lines = lines.filter((s) => !missingLanguage.includes(s));
      merknader.push({ code: "VMM33", params: { dato: formatNorwegianDate(input.fremmedsprakPrivatistBy) }, because: "1.3" });
      because.push(
        vmFinding(
          "level.vmm33",
          "info",
          "1.3",
          `Fremmedspråk fellesfag tas som privatist etter avtale innen ${formatNorwegianDate(input.fremmedsprakPrivatistBy)}: årstrinnet vurderes uten faget, og VMM33 føres.`,
          `Foreign language as privatist by agreement by ${formatNorwegianDate(input.fremmedsprakPrivatistBy)}: the level is judged without it, with VMM33.`,
          "fremmedsprakPrivatistBy",
        ),
      );
    } else
      because.push(
        vmFinding(
          "level.vmm33-lapsed",
          "info",
          "1.3",
          inTime
            ? "VMM33 gjelder bare vg1 og eventuelt vg2."
            : `Fremmedspråk er ikke tatt innen ${formatNorwegianDate(input.fremmedsprakPrivatistBy)}: VMM33 benyttes ikke lenger, og årstrinnet er ikke fullført.`,
          inTime ? "VMM33 applies only to vg1 and possibly vg2." : `The language was not taken by ${formatNorwegianDate(input.fremmedsprakPrivatistBy)}: VMM33 is no longer used and the level is not completed.`,
          "fremmedsprakPrivatistBy",
        ),
      );
  }
  const unassessed = lines.filter((s) => !assessed(s));
  const notTaken = lines.filter((s) => s.eksamen === "IM" || (s.eksamen === "IV" && s.standpunkt !== "IV"));
  if (lines.length === 0 || unassessed.length > 0 || notTaken.length > 0) {
    because.push(
      vmFinding(
        "level.not-completed",
        "info",
        "1.3",
        `${input.level}: ikke fullført — ${unassessed.length > 0 ? `mangler vurdering i ${unassessed.map((s) => s.fagkode).join(", ")}` : notTaken.length > 0 ? `eksamen ikke avlagt i ${notTaken.map((s) => s.fagkode).join(", ")}` : "ingen fag"}.`,
        `${input.level}: not completed — ${unassessed.length > 0 ? `no assessment in ${unassessed.map((s) => s.fagkode).join(", ")}` : notTaken.length > 0 ? `exam not taken in ${notTaken.map((s) => s.fagkode).join(", ")}` : "no subjects"}.`,
        "level",
        input.level,
      ),
    );
    return decision<LevelCompletion>({ completion: null, merknader: [] }, because);
  }
  const failed: string[] = [];
  for (const [fag, group] of groupByFag(lines)) {
    const fam12 = group.every((s) => !valued(s.standpunkt) && !valued(s.halvar) && !valued(s.eksamen) && (s.merknader ?? []).some((m) => m.code === "FAM12"));
    if (fam12) continue;
    if (fagPassed(group).value !== "passed") failed.push(fag);
  }
  const completion = failed.length === 0 ? "bestatt" : "fullfort";
  because.push(
    vmFinding(
      `level.${completion}`,
      "info",
      "1.3",
      completion === "bestatt" ? `${input.level}: «bestått» — vurdering i alle fag, og alle er bestått.` : `${input.level}: «fullført» — vurdering i alle fag, men ikke bestått i ${failed.join(", ")}.`,
      completion === "bestatt" ? `${input.level}: "bestått" — assessed and passed in every subject.` : `${input.level}: "fullført" — assessed in every subject, not passed in ${failed.join(", ")}.`,
      "level",
      input.level,
    ),
  );
  return decision<LevelCompletion>({ completion, merknader }, because);
}

// ---------------------------------------------------------------------------------------------------------------
// §1.10 who issues
// ---------------------------------------------------------------------------------------------------------------

export interface ResponsibilityInput {
  status: Status;
  document: IssuedDocumentKind;
  /** The person already has a vitnemål (a new one is being issued): who issued it, and whether that school still exists. */
  earlierVitnemal?: { issuerKind: Issuer["kind"]; asElev: boolean; schoolClosed?: boolean };
  /** Privatist: never had a standpunkt grade in upper secondary, or the last one was at a private school (§1.10 p. 8). */
  noStandpunktOrPrivateSchool?: boolean;
}

export interface Responsibility {
  issuer: Issuer["kind"];
  /** Who exactly, in words. */
  who:
    | "completing-school"
    | "original-school"
    | "county-of-original-school"
    | "county"
    | "county-of-last-standpunkt"
    | "county-of-residence";
  /** The numbered point of §1.10. */
  point: number;
}

/**
 * §1.10 "Ansvar for utstedelse av vitnemål og kompetansebevis", points 1–8. A kompetansebevis for an elev is issued by
 * the school (the seed's points speak of vitnemål for elever; bevis applies point 1 to the elev's kompetansebevis too).
 */
export function responsibleIssuer(input: ResponsibilityInput): Decision<Responsibility> {
  const r = (issuer: Issuer["kind"], who: Responsibility["who"], point: number, nb: string, en: string) =>
    decision<Responsibility>({ issuer, who, point }, [vmFinding("issuer.responsible", "info", "1.10", `Punkt 1.10 nr. ${point}: ${nb}`, `§1.10 point ${point}: ${en}`, "issuer")]);
  const { status, earlierVitnemal: earlier } = input;
  if (earlier !== undefined && earlier.asElev && (status === "elev" || status === "privatist")) {
    const point = status === "elev" ? 2 : 3;
    if (earlier.schoolClosed === true || earlier.issuerKind === "fylkeskommune")
      return r("fylkeskommune", "county-of-original-school", point, "skolen som skrev ut det opprinnelige vitnemålet finnes ikke lenger: fylkeskommunen der skolen lå.", "the original school no longer exists: the county where it was.");
    return r("skole", "original-school", point, "skolen som opprinnelig skrev ut vitnemålet skriver ut det nye.", "the school that issued the original issues the new one.");
  }
  switch (status) {
    case "elev":
      return r("skole", "completing-school", 1, "skolen der eleven fullfører og består opplæringen.", "the school where the pupil completes and passes.");
    case "laerling":
      return input.document === "vitnemal" && earlier === undefined
        ? r("fylkeskommune", "county", 4, "fylkeskommunen skriver ut vitnemål til lærlinger som ikke tidligere har oppfylt kravene til vitnemål.", "the county issues vitnemål to apprentices without an earlier one.")
        : r("fylkeskommune", "county", 5, "fylkeskommunen skriver ut vitnemål og kompetansebevis til lærlinger, praksisbrevkandidater og lærekandidater.", "the county issues to apprentices and candidates.");
    case "praksisbrevkandidat":
    case "laerekandidat":
      return r("fylkeskommune", "county", 5, "fylkeskommunen skriver ut vitnemål og kompetansebevis til lærlinger, praksisbrevkandidater og lærekandidater.", "the county issues to apprentices and candidates.");
    case "voksen":
    case "praksiskandidat":
    case "fagbrevPaJobb":
      return r("fylkeskommune", "county", 6, "fylkeskommunen skriver ut til voksne, praksiskandidater og kandidater for fagbrev på jobb.", "the county issues to adults, praksiskandidater and fagbrev-på-jobb candidates.");
    case "privatist":
      return input.noStandpunktOrPrivateSchool === true
        ? r("fylkeskommune", "county-of-residence", 8, "fylkeskommunen der personen bor.", "the county where the person lives.")
        : r("fylkeskommune", "county-of-last-standpunkt", 7, "fylkeskommunen der privatisten sist fikk standpunktkarakter i et fag.", "the county where the privatist last got a standpunkt grade.");
  }
}

/** §1.10: the issuer on the document must be of the responsible kind. */
export function checkIssuer(expected: Responsibility, issuer: Issuer): Finding[] {
  if (expected.issuer === issuer.kind) return [];
  return [
    vmFinding(
      "issuer.wrong-kind",
      "error",
      "1.10",
      `Dokumentet skal utstedes av ${expected.issuer === "skole" ? "skolen" : "fylkeskommunen"} (punkt 1.10 nr. ${expected.point}), ikke av ${issuer.name}.`,
      `The document must be issued by the ${expected.issuer === "skole" ? "school" : "county"} (§1.10 point ${expected.point}), not by ${issuer.name}.`,
      "issuer",
      issuer.kind,
    ),
  ];
}

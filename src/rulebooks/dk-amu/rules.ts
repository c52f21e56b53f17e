/**
 * The pure rules of seed 000, "Vejledning om registrering og indberetning af resultater på AMU" (STIL).
 *
 * No I/O, no clock. Every function returns a Decision or Findings that cite the section of the seed they implement;
 * each rule's doc comment quotes the Danish words it implements.
 */
import { cite, decision, finding, isValidOn, type Citation, type Decision, type Finding, type Severity } from "../../kernel/law.ts";
import { parseCpr } from "../../kernel/ids/cpr.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { categoryOf, FIELD_OF_GROUP, type ResultField } from "./categories.ts";
import {
  IKV_FAGKODER,
  type AmuGoal,
  type ExamAttempt,
  type Fagkode,
  type Participation,
  type ResultGroup,
  type SubCourse,
  type UvmTestPeriod,
} from "./model.ts";

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

const s000 = (ref: string): Citation => cite("000", ref);

function f(
  rule: string,
  severity: Severity,
  ref: string,
  en: string,
  da: string,
  subject?: string,
  value?: Finding["value"],
): Finding {
  const extra: { subject?: string; value?: Finding["value"] } = {};
  if (subject !== undefined) extra.subject = subject;
  if (value !== undefined) extra.value = value;
  return finding(rule, severity, s000(ref), { en, da }, extra);
}

/** Whether a fagkode is one of the two IKV goals, 40080 or 40081 (§4). */
export function isIkvFagkode(fagkode: Fagkode): boolean {
  return (IKV_FAGKODER as readonly string[]).includes(fagkode);
}

/** The UVM-prøve period of a goal that covers the date, if any. */
export function uvmTestOn(goal: AmuGoal, on: IsoDate): UvmTestPeriod | undefined {
  return goal.uvmTestPeriods.find((p) => isValidOn(p, on));
}

const FIELD_LABEL: Record<ResultField, string> = {
  resultatProevebelagt: "ResultatProevebelagt",
  resultatIkkeProevebelagt: "ResultatIkkeProevebelagt",
};

const OTHER_FIELD: Record<ResultField, ResultField> = {
  resultatProevebelagt: "resultatIkkeProevebelagt",
  resultatIkkeProevebelagt: "resultatProevebelagt",
};

/** The result the participation carries in the given field (null = empty). */
function resultIn(p: Pick<Participation, ResultField>, field: ResultField): number | null {
  return p[field] ?? null;
}

const FAGKODE_RE = /^\d{5}$/;

// ---------------------------------------------------------------------------------------------------------------
// §3, §3.1, §4, §6.2, §6.3 — the result group

/**
 * The result group of a participation.
 *
 * §3: "Er der tilknyttet en UVM-prøve på startdatoen for kurset, skal der indberettes i gruppe 1. […] Er der ikke
 * tilknyttet en UVM-prøve på startdatoen for kurset, skal der indberettes i gruppe 2."
 * §3.1: "Hvis en deltagelse i et AMU-kursus sker som valgfrit modul på kvalifikationsuddannelse for chauffører
 * ('EU-efteruddannelse') […] skal der indberettes resultat som gruppe 2." (repeated in the §6.2 FAQ)
 * §4: "De to IKV-mål er ikke UVM-prøvebelagte i sig selv […] Resultaterne af en IKV indberettes derfor i gruppe 2."
 * §6.2: "Hvis kurset benytter en UVM-prøve, så skal kursusdeltagelsen registreres som et prøvebelagt kursus."
 * §6.3: a certificate "reguleret af en branche eller en anden myndighed […] Altså ikke en UVM-prøve" → group 2.
 *
 * Order: IKV (2; 40080/40081 are named by the seed, so no catalogue entry is needed) → unknown fagkode (null, error)
 * → EU-efteruddannelse (2) → UVM-prøve on the start date (1) → 2.
 */
export function resultGroup(p: Participation, goal: AmuGoal | undefined): Decision<ResultGroup | null> {
  if (isIkvFagkode(p.fagkode)) {
    return decision<ResultGroup>(2, [
      f(
        "amu.group.ikv",
        "info",
        "4",
        `${p.fagkode} is an individual competence assessment (IKV); IKV results are reported in group 2 (ResultatIkkeProevebelagt).`,
        `${p.fagkode} er en individuel kompetencevurdering (IKV); resultatet indberettes i gruppe 2 (ResultatIkkeProevebelagt).`,
        "fagkode",
        p.fagkode,
      ),
    ]);
  }
  if (goal === undefined) {
    return decision(null, [
      f(
        "amu.goal.unknown",
        "error",
        "3",
        `AMU goal ${p.fagkode} is not in the catalogue, so bevis cannot tell whether a UVM-prøve (ministry test) is attached.`,
        `AMU-mål ${p.fagkode} findes ikke i kataloget, så bevis kan ikke afgøre, om der er tilknyttet en UVM-prøve.`,
        "fagkode",
        p.fagkode,
      ),
    ]);
  }
  const attached = uvmTestOn(goal, p.startDate);
  if (p.euEfteruddannelse) {
    const because = [
      f(
        "amu.group.eu-efteruddannelse",
        "info",
        "3.1",
        "Taken as an optional module of the drivers' qualification training (EU-efteruddannelse): reported in group 2 (ResultatIkkeProevebelagt).",
        "Taget som valgfrit modul på kvalifikationsuddannelsen for chauffører (EU-efteruddannelse): indberettes i gruppe 2 (ResultatIkkeProevebelagt).",
        "euEfteruddannelse",
        true,
      ),
    ];
    if (attached)
      because.push(
        f(
          "amu.group.eu-efteruddannelse-with-uvm-test",
          "info",
          "6.2",
          "The goal has a UVM-prøve, but as an EU-efteruddannelse module the result still goes in the field for courses without a test.",
          "Målet har en UVM-prøve, men som EU-efteruddannelsesmodul registreres resultatet i feltet for ikke-prøvebelagte kurser.",
          "euEfteruddannelse",
          true,
        ),
      );
    return decision<ResultGroup>(2, because);
  }
  if (attached) {
    const because = [
      f(
        "amu.group.uvm-test-on-start-date",
        "info",
        "3",
        `A UVM-prøve is attached to ${goal.fagkode} on the start date ${p.startDate}: group 1 (ResultatProevebelagt).`,
        `Der er tilknyttet en UVM-prøve til ${goal.fagkode} på startdatoen ${p.startDate}: gruppe 1 (ResultatProevebelagt).`,
        "startDate",
        p.startDate,
      ),
    ];
    if (goal.certificate || p.industryCertificate)
      because.push(
        f(
          "amu.group.certificate-with-uvm-test",
          "info",
          "6.2",
          "A certificate course that uses a UVM-prøve is reported as a course with a test (group 1).",
          "Et certifikatkursus, der benytter en UVM-prøve, registreres som et prøvebelagt kursus (gruppe 1).",
          "fagkode",
          goal.fagkode,
        ),
      );
    return decision<ResultGroup>(1, because);
  }
  const because = [
    f(
      "amu.group.no-uvm-test-on-start-date",
      "info",
      "3",
      `No UVM-prøve is attached to ${goal.fagkode} on the start date ${p.startDate}: group 2 (ResultatIkkeProevebelagt).`,
      `Der er ikke tilknyttet en UVM-prøve til ${goal.fagkode} på startdatoen ${p.startDate}: gruppe 2 (ResultatIkkeProevebelagt).`,
      "startDate",
      p.startDate,
    ),
  ];
  if (goal.uvmTestPeriods.length > 0)
    because.push(
      f(
        "amu.group.start-date-decides",
        "info",
        "3",
        `${goal.fagkode} has a UVM-prøve in other periods (${goal.uvmTestPeriods.map(periodText).join(", ")}); the start date decides the group.`,
        `${goal.fagkode} har en UVM-prøve i andre perioder (${goal.uvmTestPeriods.map(periodText).join(", ")}); startdatoen afgør gruppen.`,
        "startDate",
        p.startDate,
      ),
    );
  if (p.industryCertificate || goal.certificate)
    because.push(
      f(
        "amu.group.industry-certificate",
        "info",
        "6.3",
        "A certificate test run by an industry body or another authority is not a UVM-prøve: group 2.",
        "En certifikatprøve reguleret af en branche eller en anden myndighed er ikke en UVM-prøve: gruppe 2.",
        "industryCertificate",
        p.industryCertificate,
      ),
    );
  return decision<ResultGroup>(2, because);
}

const periodText = (p: UvmTestPeriod) => `${p.validFrom}–${p.validTo ?? ""}`;

// ---------------------------------------------------------------------------------------------------------------
// §3.2 — one forløb

/**
 * Merges the delforløb of opsplittet undervisning into one forløb.
 *
 * §3.2: "Vi indstiller til, at alle kursusdeltagelser indberettes som ét forløb – også selvom kurset har været opdelt
 * i mindre delforløb (opsplittet undervisning)."
 *
 * Start = the earliest sub-course start; end = the latest end, or null while any sub-course has not ended.
 * Value null (with an error) for an empty list; errors for a sub-course that ends before it starts; a warning when
 * sub-courses overlap.
 */
export function mergeSubCourses(subCourses: readonly SubCourse[]): Decision<{ startDate: IsoDate; endDate: IsoDate | null } | null> {
  const first = subCourses[0];
  if (first === undefined)
    return decision(null, [
      f("amu.forloeb.no-sub-courses", "error", "3.2", "There are no sub-courses to merge.", "Der er ingen delforløb at samle.", "subCourses"),
    ]);
  const because: Finding[] = [];
  let start = first.startDate;
  let end: IsoDate | null = first.endDate;
  let open = false;
  subCourses.forEach((sc, i) => {
    if (sc.endDate !== null && sc.endDate < sc.startDate)
      because.push(
        f(
          "amu.forloeb.sub-course-end-before-start",
          "error",
          "3.2",
          `Sub-course ${i + 1} ends (${sc.endDate}) before it starts (${sc.startDate}).`,
          `Delforløb ${i + 1} slutter (${sc.endDate}) før det starter (${sc.startDate}).`,
          `subCourses[${i}].endDate`,
          sc.endDate,
        ),
      );
    if (sc.startDate < start) start = sc.startDate;
    if (sc.endDate === null) open = true;
    else if (end === null || sc.endDate > end) end = sc.endDate;
  });
  const sorted = [...subCourses].sort((a, b) => a.startDate.localeCompare(b.startDate));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1] as SubCourse;
    const cur = sorted[i] as SubCourse;
    if (prev.endDate === null || cur.startDate <= prev.endDate)
      because.push(
        f(
          "amu.forloeb.sub-courses-overlap",
          "warning",
          "3.2",
          `Sub-courses starting ${prev.startDate} and ${cur.startDate} overlap.`,
          `Delforløbene, der starter ${prev.startDate} og ${cur.startDate}, overlapper.`,
          "subCourses",
          cur.startDate,
        ),
      );
  }
  because.push(
    f(
      "amu.forloeb.merged",
      "info",
      "3.2",
      `${subCourses.length} sub-course(s) are reported as one forløb from ${start}${open ? " (not yet ended)" : ` to ${end}`}.`,
      `${subCourses.length} delforløb indberettes som ét forløb fra ${start}${open ? " (endnu ikke afsluttet)" : ` til ${end}`}.`,
      "subCourses",
      subCourses.length,
    ),
  );
  return decision({ startDate: start, endDate: open ? null : end }, because);
}

// ---------------------------------------------------------------------------------------------------------------
// §4 Bemærk 3 — AMU-beviser after an IKV

/**
 * The fagkoder that get an AMU-bevis after an IKV.
 *
 * §4 Bemærk 3: "Når en kursist får udstedt et AMU-bevis på baggrund af en IKV, skal der udstedes og indberettes
 * AMU-beviser til AMU-bevisdatabasen for de fagkoder, der er demonstreret kompetencer for (ikke for selve
 * IKV-aktiviteten)."
 *
 * Only for an ended IKV (40080/40081) with ResultatIkkeProevebelagt 1 "Bevis opnået"; 40080/40081 themselves are
 * dropped (with an error), duplicates are dropped.
 */
export function amuBeviserAfterIkv(p: Participation): Decision<Fagkode[]> {
  if (!isIkvFagkode(p.fagkode))
    return decision<Fagkode[]>(
      [],
      [
        f(
          "amu.ikv.not-ikv",
          "info",
          "4 Bemærk 3",
          `${p.fagkode} is not an IKV goal (40080/40081); no AMU-beviser follow from it as an IKV.`,
          `${p.fagkode} er ikke et IKV-mål (40080/40081); der udstedes ingen AMU-beviser på baggrund af en IKV.`,
          "fagkode",
          p.fagkode,
        ),
      ],
    );
  if (p.status !== "ended" || p.resultatIkkeProevebelagt !== 1)
    return decision<Fagkode[]>(
      [],
      [
        f(
          "amu.ikv.no-bevis",
          "info",
          "4",
          "No AMU-beviser: the IKV has not ended with ResultatIkkeProevebelagt 1 \"Bevis opnået\".",
          "Ingen AMU-beviser: IKV'en er ikke afsluttet med ResultatIkkeProevebelagt 1 \"Bevis opnået\".",
          "resultatIkkeProevebelagt",
          p.resultatIkkeProevebelagt,
        ),
      ],
    );
  const because: Finding[] = [];
  const out: Fagkode[] = [];
  for (const k of p.ikvCompetenceFagkoder) {
    if (isIkvFagkode(k)) {
      because.push(ikvCodeAsCompetence(k));
      continue;
    }
    if (!out.includes(k)) out.push(k);
  }
  because.push(
    f(
      "amu.ikv.beviser",
      "info",
      "4 Bemærk 3",
      `AMU-beviser are issued and reported for the fagkoder with demonstrated competence: ${out.join(", ") || "(none)"}.`,
      `Der udstedes og indberettes AMU-beviser for de fagkoder, der er demonstreret kompetencer for: ${out.join(", ") || "(ingen)"}.`,
      "ikvCompetenceFagkoder",
      out.join(","),
    ),
  );
  return decision(out, because);
}

const ikvCodeAsCompetence = (k: Fagkode) =>
  f(
    "amu.ikv.competence-is-ikv-code",
    "error",
    "4 Bemærk 3",
    `${k} is the IKV activity itself; AMU-beviser are issued for the fagkoder with demonstrated competence, not for the IKV.`,
    `${k} er selve IKV-aktiviteten; der udstedes AMU-beviser for de fagkoder, der er demonstreret kompetencer for, ikke for IKV'en.`,
    "ikvCompetenceFagkoder",
    k,
  );

// ---------------------------------------------------------------------------------------------------------------
// §6.2, §6.3, §4 — the category the guide prescribes

export interface SuggestedCategory {
  field: "resultatProevebelagt" | "resultatIkkeProevebelagt";
  code: number;
}

/**
 * Which parts of a written-and-oral test were taken. "part-missing": one part not taken, the other not recorded
 * (so the test was not completed, but the §6.2 case "kun deltaget i den ene prøve" is not established).
 */
function writtenOral(a: {
  writtenTaken?: boolean;
  oralTaken?: boolean;
}): "one-missing" | "both-missing" | "part-missing" | "both-taken" | "unknown" {
  if (a.writtenTaken === undefined || a.oralTaken === undefined) {
    if (a.writtenTaken === false || a.oralTaken === false) return "part-missing";
    return "unknown";
  }
  if (a.writtenTaken && a.oralTaken) return "both-taken";
  if (!a.writtenTaken && !a.oralTaken) return "both-missing";
  return "one-missing";
}

/**
 * The category the guide prescribes for the participation, when it prescribes one (the FAQ cases); null otherwise.
 *
 * §6.2 written + oral: "skal kursusdeltagelsen registreres med kategori '5) Bevis ikke opnået på grund af afbrud
 * eller udeblivelse' i resultatfeltet for prøvebelagte kurser."
 * §6.2 nødundervisning, exam omitted: "Her anvendes kategori 5 […] da der ikke er en særlig kategori".
 * §6.2 nødundervisning, exam postponed: "skal indberettes uden prøveresultat indtil resultatet foreligger" → null.
 * §6.3: "Der skal registreres 'Bevis opnået' i resultatfeltet for ikke-prøvebelagte kurser".
 * §4: IKV "Bevis opnået" "Når der er opnået AMU-bevis i mindst ét kursus".
 * §6.1: not ended / never held → no result.
 */
export function suggestedCategory(p: Participation, goal: AmuGoal | undefined): Decision<SuggestedCategory | null> {
  const g = resultGroup(p, goal);
  if (g.value === null) return decision(null, g.because);
  const group = g.value;
  if (p.emergencyTeaching === "exam-postponed")
    return decision(null, [
      f(
        "amu.suggest.exam-postponed",
        "info",
        "6.2",
        "The exam is postponed (emergency teaching): the course has not ended, so no result is registered until it is.",
        "Prøven er udskudt (nødundervisning): kurset er ikke afsluttet, så der registreres ikke prøveresultat, før det er.",
        "emergencyTeaching",
        p.emergencyTeaching,
      ),
    ]);
  if (p.status === "never-held")
    return decision(null, [
      f(
        "amu.suggest.never-held",
        "info",
        "6.1",
        "A course or test that was never held is not reported and gets no result.",
        "Ikke-afholdte prøver eller kurser indberettes ikke og får intet resultat.",
        "status",
        p.status,
      ),
    ]);
  if (p.status === "not-ended")
    return decision(null, [
      f(
        "amu.suggest.not-ended",
        "info",
        "6.1",
        "The participation has not ended; the result is registered when it ends.",
        "Kursusdeltagelsen er ikke afsluttet; resultatet registreres, når den afsluttes.",
        "status",
        p.status,
      ),
    ]);
  if (isIkvFagkode(p.fagkode)) {
    if (p.ikvCompetenceFagkoder.some((k) => !isIkvFagkode(k)))
      return decision<SuggestedCategory>({ field: "resultatIkkeProevebelagt", code: 1 }, [
        f(
          "amu.suggest.ikv-bevis",
          "info",
          "4",
          "At least one AMU-bevis follows from the IKV: ResultatIkkeProevebelagt 1 \"Bevis opnået\".",
          "Der er opnået AMU-bevis i mindst ét kursus på baggrund af IKV'en: ResultatIkkeProevebelagt 1 \"Bevis opnået\".",
          "resultatIkkeProevebelagt",
          1,
        ),
      ]);
    return decision(null, [
      f(
        "amu.suggest.ikv-no-bevis",
        "info",
        "4",
        "No AMU-bevis follows from the IKV: use 3 (goal not met; also for a Kompetencebevis or an education plan) or 4 (interrupted).",
        "Der er ikke opnået AMU-bevis på baggrund af IKV'en: brug 3 (manglende målopfyldning; også ved Kompetencebevis eller uddannelsesplan) eller 4 (afbrud).",
        "resultatIkkeProevebelagt",
      ),
    ]);
  }
  if (group === 1 && p.emergencyTeaching === "exam-omitted")
    return decision<SuggestedCategory>({ field: "resultatProevebelagt", code: 5 }, [
      f(
        "amu.suggest.exam-omitted",
        "info",
        "6.2",
        "The exam was omitted under emergency teaching: category 5 \"Bevis ikke opnået på grund af afbrud eller udeblivelse\" (there is no special category).",
        "Prøven blev undladt under nødundervisning: kategori 5 \"Bevis ikke opnået på grund af afbrud eller udeblivelse\" (der er ingen særlig kategori).",
        "resultatProevebelagt",
        5,
      ),
    ]);
  if (group === 1 && goal?.writtenAndOral && writtenOral(p) === "one-missing")
    return decision<SuggestedCategory>({ field: "resultatProevebelagt", code: 5 }, [
      f(
        "amu.suggest.written-oral-one-missing",
        "info",
        "6.2",
        "The test has a written and an oral part and the participant took only one: category 5 \"Bevis ikke opnået på grund af afbrud eller udeblivelse\".",
        "Prøven består af en skriftlig og en mundtlig del, og deltageren har kun deltaget i den ene: kategori 5 \"Bevis ikke opnået på grund af afbrud eller udeblivelse\".",
        "resultatProevebelagt",
        5,
      ),
    ]);
  if (group === 2 && p.industryCertificate && p.industryCertificateObtained === true)
    return decision<SuggestedCategory>({ field: "resultatIkkeProevebelagt", code: 1 }, [
      f(
        "amu.suggest.industry-certificate",
        "info",
        "6.3",
        "The participant obtained an industry or authority certificate (not a UVM-prøve): ResultatIkkeProevebelagt 1 \"Bevis opnået\".",
        "Kursisten har opnået certifikat ved en branche- eller myndighedsprøve (ikke en UVM-prøve): ResultatIkkeProevebelagt 1 \"Bevis opnået\".",
        "resultatIkkeProevebelagt",
        1,
      ),
    ]);
  return decision(null, [
    f(
      "amu.suggest.none",
      "info",
      "3",
      `The guide prescribes no particular category here; choose one in ${FIELD_LABEL[FIELD_OF_GROUP[group]]} (group ${group}).`,
      `Vejledningen foreskriver ikke en bestemt kategori her; vælg en i ${FIELD_LABEL[FIELD_OF_GROUP[group]]} (gruppe ${group}).`,
      FIELD_OF_GROUP[group],
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// checkParticipation — every finding for one participation

interface Ctx {
  p: Participation;
  goal: AmuGoal | undefined;
  group: ResultGroup | null;
  ikv: boolean;
  /** The field of the group (undefined when the group is unknown). */
  field: ResultField | undefined;
  value: number | null;
  hasResult: boolean;
}

type Check = (c: Ctx) => Finding[];

/**
 * Fagkode format and date sanity. §6.1: "Alle prøvedeltagelser, der slutter i de sidste fire kvartaler inden
 * indberetningen foretages, skal indberettes" — the end date places a participation in its quarter, so an ended
 * participation needs one, and it cannot lie before the start. The 5-digit fagkode is bevis' sanity check (§4 names
 * "AMU-mål 40080"). The CPR number is checked by the kernel (`parseCpr`, reference facts.md), never shown unmasked.
 */
const checkDates: Check = ({ p }) => {
  // The report file identifies the participant by CPR; a malformed one would break the row (kernel rule, masked).
  const out: Finding[] = parseCpr(p.cpr).because.filter((x) => x.severity === "error");
  if (!FAGKODE_RE.test(p.fagkode))
    out.push(
      f("amu.fagkode.format", "error", "4", "An AMU fagkode has 5 digits.", "En AMU-fagkode har 5 cifre.", "fagkode", p.fagkode),
    );
  if (p.endDate !== null && p.endDate < p.startDate)
    out.push(
      f(
        "amu.dates.end-before-start",
        "error",
        "6.1",
        `The end date ${p.endDate} is before the start date ${p.startDate}.`,
        `Slutdatoen ${p.endDate} ligger før startdatoen ${p.startDate}.`,
        "endDate",
        p.endDate,
      ),
    );
  if (p.status === "ended" && p.endDate === null)
    out.push(
      f(
        "amu.dates.ended-without-end-date",
        "error",
        "6.1",
        "An ended participation needs an end date: it is reported in the quarter it ends.",
        "En afsluttet kursusdeltagelse skal have en slutdato: den indberettes i det kvartal, den slutter.",
        "endDate",
        null,
      ),
    );
  return out;
};

/**
 * §3.2 — sub-courses form one forløb: "alle kursusdeltagelser indberettes som ét forløb – også selvom kurset har været
 * opdelt i mindre delforløb". The participation's start and end must be those of the merged forløb (the start date
 * decides the group, §3).
 */
const checkSubCourses: Check = ({ p }) => {
  if (p.subCourses.length === 0) return [];
  const merged = mergeSubCourses(p.subCourses);
  const out = merged.because.filter((x) => x.severity !== "info");
  const m = merged.value;
  if (m === null) return out;
  if (m.startDate !== p.startDate)
    out.push(
      f(
        "amu.forloeb.start-differs",
        "error",
        "3.2",
        `The forløb starts with its first sub-course on ${m.startDate}, but the start date says ${p.startDate}.`,
        `Forløbet starter med første delforløb den ${m.startDate}, men startdatoen er ${p.startDate}.`,
        "startDate",
        p.startDate,
      ),
    );
  if (m.endDate !== null && p.endDate !== null && m.endDate !== p.endDate)
    out.push(
      f(
        "amu.forloeb.end-differs",
        "error",
        "3.2",
        `The forløb ends with its last sub-course on ${m.endDate}, but the end date says ${p.endDate}.`,
        `Forløbet slutter med sidste delforløb den ${m.endDate}, men slutdatoen er ${p.endDate}.`,
        "endDate",
        p.endDate,
      ),
    );
  if (m.endDate === null && p.status === "ended")
    out.push(
      f(
        "amu.forloeb.open-sub-course",
        "error",
        "3.2",
        "The participation is marked as ended, but a sub-course has no end date.",
        "Kursusdeltagelsen er markeret som afsluttet, men et delforløb har ingen slutdato.",
        "subCourses",
        null,
      ),
    );
  return out;
};

/**
 * §6.1 — "Ikke-afholdte prøver eller kurser skal ikke indberettes"; "Kursusdeltagelser og tilhørende resultater skal
 * først indberettes til Datavarehuset efter afslutning af kursusdeltagelsen."
 * §6.2 — exam postponed: "svarer det til, at kurset ikke er afsluttet, og der skal hermed ikke registreres et
 * prøveresultat for den kursusaktivitet, før kurset er afsluttet."
 */
const checkStatus: Check = ({ p }) => {
  const out: Finding[] = [];
  if (p.emergencyTeaching === "exam-postponed" && p.status === "ended")
    out.push(
      f(
        "amu.emergency.postponed-not-ended",
        "error",
        "6.2",
        "The exam is postponed (emergency teaching), so the course has not ended: set the status to not ended until the exam is held.",
        "Prøven er udskudt (nødundervisning), så kurset er ikke afsluttet: sæt status til ikke afsluttet, indtil prøven er afholdt.",
        "status",
        p.status,
      ),
    );
  if (p.status === "ended") return out;
  const [ref, en, da] =
    p.status === "never-held"
      ? ([
          "6.1",
          "A course or test that was never held is not reported and must not carry a result (not to be confused with not showing up: use category 5 for that).",
          "Ikke-afholdte prøver eller kurser indberettes ikke og må ikke have et resultat (ikke at forveksle med udeblivelse: brug kategori 5).",
        ] as const)
      : p.emergencyTeaching === "exam-postponed"
        ? ([
            "6.2",
            "The exam is postponed: no result is registered until the course has ended.",
            "Prøven er udskudt: der registreres ikke prøveresultat, før kurset er afsluttet.",
          ] as const)
        : ([
            "6.1",
            "The participation has not ended: results are registered and reported only after it ends.",
            "Kursusdeltagelsen er ikke afsluttet: resultater registreres og indberettes først efter afslutning.",
          ] as const);
  const rule = p.status === "never-held" ? "amu.status.never-held-with-result" : "amu.status.not-ended-with-result";
  for (const field of ["resultatProevebelagt", "resultatIkkeProevebelagt"] as const) {
    const v = resultIn(p, field);
    if (v !== null) out.push(f(rule, "error", ref, en, da, field, v));
  }
  if (p.ejRelevant) out.push(f(rule, "error", ref, en, da, "ejRelevant", true));
  if (p.retakes.length > 0) out.push(f(rule, "error", ref, en, da, "retakes", p.retakes.length));
  return out;
};

/**
 * §3 — "Der skal indberettes resultater for al kursusdeltagelse." "Kursusdeltagelse i gruppe 1 indberettes […] i
 * resultatfeltet 'ResultatProevebelagt'"; "Kursusdeltagelse for gruppe 2 indberettes […] i resultatfeltet
 * 'ResultatIkkeProevebelagt'". Bilag 1–2 list the categories. §6.2: "Der indberettes ét resultat for hver
 * kursusdeltagelse". §4: IKV uses 1, 3 and 4 only.
 */
const checkResultFields: Check = ({ p, group, ikv, field, value, hasResult }) => {
  if (group === null || field === undefined) return [];
  const out: Finding[] = [];
  const other = OTHER_FIELD[field];
  const otherValue = resultIn(p, other);
  if (otherValue !== null)
    out.push(
      f(
        "amu.result.wrong-field",
        "error",
        "3",
        `Group ${group} reports in ${FIELD_LABEL[field]}; ${FIELD_LABEL[other]} must be empty.`,
        `Gruppe ${group} indberettes i ${FIELD_LABEL[field]}; ${FIELD_LABEL[other]} skal være tom.`,
        other,
        otherValue,
      ),
    );
  if (value !== null) {
    const cat = categoryOf(field, value);
    if (cat === undefined)
      out.push(
        f(
          "amu.result.unknown-category",
          "error",
          group === 1 ? "Bilag 1" : "Bilag 2",
          `${value} is not a category of ${FIELD_LABEL[field]}.`,
          `${value} er ikke en kategori i ${FIELD_LABEL[field]}.`,
          field,
          value,
        ),
      );
    else if (ikv && !cat.allowedForIkv)
      out.push(
        f(
          "amu.ikv.category",
          "error",
          "4",
          `An IKV (40080/40081) uses only 1 "Bevis opnået", 3 "manglende målopfyldning" or 4 "afbrud"; not ${value}.`,
          `En IKV (40080/40081) bruger kun 1 "Bevis opnået", 3 "manglende målopfyldning" eller 4 "afbrud"; ikke ${value}.`,
          field,
          value,
        ),
      );
    else if (cat.onlyIfSystemCannotOtherwise)
      out.push(
        f(
          "amu.result.ikv-category-on-course",
          "warning",
          group === 1 ? "Bilag 1" : "Bilag 2",
          `Category ${value} "${cat.da}" is only for systems that cannot report certificates otherwise. bevis can: report the IKV on 40080/40081 and issue the AMU-bevis for this fagkode (§4 Bemærk 3).`,
          `Kategori ${value} "${cat.da}" bruges kun, hvis systemet ikke kan indberette beviser uden den. Det kan bevis: indberet IKV'en på 40080/40081 og udsted AMU-beviset for denne fagkode (§4 Bemærk 3).`,
          field,
          value,
        ),
      );
  }
  if (p.status === "ended" && !hasResult && !p.ejRelevant)
    out.push(
      f(
        "amu.result.missing",
        "error",
        p.forloebId !== null ? "6.2" : "3",
        p.forloebId !== null
          ? `Every course in a forløb gets its own result, also with one combined exam: fill in ${FIELD_LABEL[field]}.`
          : `An ended participation needs a result: fill in ${FIELD_LABEL[field]} (group ${group}).`,
        p.forloebId !== null
          ? `Alle kursusdeltagelser i et forløb skal have et resultat, også ved én samlet prøve: udfyld ${FIELD_LABEL[field]}.`
          : `En afsluttet kursusdeltagelse skal have et resultat: udfyld ${FIELD_LABEL[field]} (gruppe ${group}).`,
        field,
        null,
      ),
    );
  return out;
};

/**
 * §3.2 — "Hvis det ikke er relevant at indberette prøveresultat på kurset, kan kursusdeltagelsen indberettes med
 * værdien 'Ej relevant' i 'Prøveresultat'." §3.2.1 — "Værdien 'Ej relevant' i indberetningen svarer til værdien
 * 'Ingen registrering' i datavarehuset" and using it for delforløb makes that count "misvisende stort".
 *
 * bevis' reading (docs/rulebooks/000-amu.md): "Ej relevant" is allowed only for an ENDED participation in GROUP 2
 * that is not an IKV and not part of a forløb with a combined exam, and never together with a result; it draws a
 * warning there (a category 1–4 is better, §3 "Der skal indberettes resultater for al kursusdeltagelse"). In group 1
 * a UVM-prøve exists, so a prøveresultat is always relevant (§6.2 "også hvis deltageren ikke deltager i prøven":
 * category 5). Before the end it is the §3.2.1 practice itself (a result is simply not registered yet).
 */
const checkEjRelevant: Check = ({ p, group, ikv, hasResult }) => {
  if (!p.ejRelevant || p.status !== "ended" || group === null) return [];
  if (hasResult)
    return [
      f(
        "amu.ej-relevant.with-result",
        "error",
        "3.2",
        "Either a result or \"Ej relevant\" (not relevant), not both.",
        "Enten et resultat eller \"Ej relevant\", ikke begge.",
        "ejRelevant",
        true,
      ),
    ];
  if (group === 1)
    return [
      f(
        "amu.ej-relevant.group-1",
        "error",
        "6.2",
        "A UVM-prøve is attached, so a test result is always relevant: if the participant did not take the test, use category 5 \"afbrud eller udeblivelse\".",
        "Der er tilknyttet en UVM-prøve, så prøveresultatet er altid relevant: har deltageren ikke deltaget i prøven, brug kategori 5 \"afbrud eller udeblivelse\".",
        "ejRelevant",
        true,
      ),
    ];
  if (ikv)
    return [
      f(
        "amu.ej-relevant.ikv",
        "error",
        "4",
        "An IKV always has a result: 1 \"Bevis opnået\", 3 \"manglende målopfyldning\" or 4 \"afbrud\".",
        "En IKV har altid et resultat: 1 \"Bevis opnået\", 3 \"manglende målopfyldning\" eller 4 \"afbrud\".",
        "ejRelevant",
        true,
      ),
    ];
  if (p.forloebId !== null)
    return [
      f(
        "amu.ej-relevant.forloeb",
        "error",
        "6.2",
        "Every course in a forløb with one combined exam is registered with a result, not \"Ej relevant\".",
        "Alle kursusdeltagelser i et forløb med én samlet prøve registreres med et resultat, ikke \"Ej relevant\".",
        "ejRelevant",
        true,
      ),
    ];
  return [
    f(
      "amu.ej-relevant.group-2",
      "warning",
      "3.2.1",
      "\"Ej relevant\" shows as \"Ingen registrering\" (no registration) in the Datavarehus; report a category 1–4 in ResultatIkkeProevebelagt when you can.",
      "\"Ej relevant\" svarer til \"Ingen registrering\" i datavarehuset; indberet hellere en kategori 1–4 i ResultatIkkeProevebelagt.",
      "ejRelevant",
      true,
    ),
  ];
};

/**
 * §6.2 nødundervisning — "Her anvendes kategori 5 'Bevis ikke opnået på baggrund af afbrud eller udeblivelse' for
 * prøvebelagte kurser, da der ikke er en særlig kategori til at dække dette tilfælde."
 */
const checkEmergency: Check = ({ p, group, value }) => {
  if (p.emergencyTeaching !== "exam-omitted" || p.status !== "ended" || group === null) return [];
  if (group === 2)
    return [
      f(
        "amu.emergency.omitted-group-2",
        "warning",
        "6.2",
        "\"Exam omitted under emergency teaching\" concerns courses with a UVM-prøve; this course has none on its start date.",
        "\"Prøve undladt under nødundervisning\" gælder prøvebelagte kurser; dette kursus har ingen UVM-prøve på startdatoen.",
        "emergencyTeaching",
        p.emergencyTeaching,
      ),
    ];
  if (value !== null && value !== 5)
    return [
      f(
        "amu.emergency.omitted-needs-5",
        "error",
        "6.2",
        "The exam was omitted under emergency teaching: use category 5 \"Bevis ikke opnået på grund af afbrud eller udeblivelse\".",
        "Prøven blev undladt under nødundervisning: brug kategori 5 \"Bevis ikke opnået på grund af afbrud eller udeblivelse\".",
        "resultatProevebelagt",
        value,
      ),
    ];
  return [];
};

/**
 * §6.2 — "Såfremt den skriftlige og mundtlige prøve begge indgår i prøven for et konkret kursus, skal
 * kursusdeltagelsen registreres med kategori '5) Bevis ikke opnået på grund af afbrud eller udeblivelse'".
 * Applied to the ordinary exam and to each retake. Both parts missing (or one missing and the other not recorded):
 * the test was not taken (Bilag 1 category 5, or a dispensation 2/6), so 1 "bestået" and 4 "ikke-bestået" are
 * impossible.
 */
function checkWrittenOralAttempt(
  a: { writtenTaken?: boolean; oralTaken?: boolean },
  value: number | null,
  subject: string,
): Finding[] {
  if (value === null) return [];
  const w = writtenOral(a);
  if (w === "one-missing" && value !== 5)
    return [
      f(
        "amu.written-oral.one-missing",
        "error",
        "6.2",
        "The test has a written and an oral part and only one was taken: use category 5 \"Bevis ikke opnået på grund af afbrud eller udeblivelse\".",
        "Prøven har en skriftlig og en mundtlig del, og kun den ene er aflagt: brug kategori 5 \"Bevis ikke opnået på grund af afbrud eller udeblivelse\".",
        subject,
        value,
      ),
    ];
  if ((w === "both-missing" || w === "part-missing") && (value === 1 || value === 4))
    return [
      f(
        "amu.written-oral.none-taken",
        "error",
        "Bilag 1",
        "The test was not taken in full (a part is missing), so it cannot be passed (1) or failed (4): use 5, or 2/6 for a dispensation.",
        "Prøven er ikke aflagt fuldt ud (en del mangler), så den kan ikke være bestået (1) eller ikke-bestået (4): brug 5, eller 2/6 ved dispensation.",
        subject,
        value,
      ),
    ];
  return [];
}

const checkWrittenOral: Check = ({ p, goal, group, value }) => {
  if (!goal?.writtenAndOral || group !== 1 || p.status !== "ended") return [];
  return checkWrittenOralAttempt(p, value, "resultatProevebelagt");
};

/**
 * §6.3 — "Der skal registreres 'Bevis opnået' i resultatfeltet for ikke-prøvebelagte kurser – i det der ikke er tale
 * om en UVM-prøve."
 */
const checkIndustryCertificate: Check = ({ p, group, value }) => {
  if (!p.industryCertificate || group !== 2 || p.industryCertificateObtained !== true || value === null || value === 1) return [];
  return [
    f(
      "amu.industry-certificate.bevis-opnaaet",
      "error",
      "6.3",
      "The participant obtained the industry or authority certificate: register 1 \"Bevis opnået\" in ResultatIkkeProevebelagt.",
      "Kursisten har opnået branche- eller myndighedscertifikatet: registrér 1 \"Bevis opnået\" i ResultatIkkeProevebelagt.",
      "resultatIkkeProevebelagt",
      value,
    ),
  ];
};

/**
 * §4 — IKV "Bevis opnået": "Når der er opnået AMU-bevis i mindst ét kursus, som den individuelle
 * kompetencevurdering er udført i forhold til"; "manglende målopfyldning": "Når der ikke er opnået et AMU-bevis".
 * §4 Bemærk 3 — AMU-beviser "for de fagkoder, der er demonstreret kompetencer for (ikke for selve IKV-aktiviteten)".
 * §4 Bemærk 1–2 — IKV activity is reported only on 40080/40081 ("ikke på de andre fagnumre").
 */
const checkIkv: Check = ({ p, ikv, value }) => {
  const out: Finding[] = [];
  if (!ikv) {
    if (p.ikvCompetenceFagkoder.length > 0)
      out.push(
        f(
          "amu.ikv.competence-on-non-ikv",
          "error",
          "4 Bemærk 1",
          "Demonstrated competences from an IKV belong on the IKV participation (40080/40081), not on another fagkode.",
          "Demonstrerede kompetencer fra en IKV hører til IKV-deltagelsen (40080/40081), ikke til en anden fagkode.",
          "ikvCompetenceFagkoder",
          p.ikvCompetenceFagkoder.join(","),
        ),
      );
    return out;
  }
  const seen = new Set<string>();
  for (const k of p.ikvCompetenceFagkoder) {
    if (isIkvFagkode(k)) out.push(ikvCodeAsCompetence(k));
    else if (!FAGKODE_RE.test(k))
      out.push(
        f("amu.ikv.competence-format", "error", "4 Bemærk 3", `${k} is not a 5-digit fagkode.`, `${k} er ikke en femcifret fagkode.`, "ikvCompetenceFagkoder", k),
      );
    else if (seen.has(k))
      out.push(
        f("amu.ikv.competence-duplicate", "warning", "4 Bemærk 3", `${k} is listed twice.`, `${k} er angivet to gange.`, "ikvCompetenceFagkoder", k),
      );
    seen.add(k);
  }
  const beviser = p.ikvCompetenceFagkoder.filter((k) => !isIkvFagkode(k));
  if (p.status === "ended" && value === 1 && beviser.length === 0)
    out.push(
      f(
        "amu.ikv.bevis-without-fagkoder",
        "error",
        "4",
        "\"Bevis opnået\" means at least one AMU-bevis: list the fagkoder the participant demonstrated competence in.",
        "\"Bevis opnået\" betyder mindst ét AMU-bevis: angiv de fagkoder, deltageren har demonstreret kompetencer i.",
        "ikvCompetenceFagkoder",
        null,
      ),
    );
  if (p.status === "ended" && (value === 3 || value === 4) && beviser.length > 0)
    out.push(
      f(
        "amu.ikv.fagkoder-without-bevis",
        "error",
        "4",
        `AMU-beviser are listed (${beviser.join(", ")}), so the IKV result is 1 "Bevis opnået", not ${value}.`,
        `Der er angivet AMU-beviser (${beviser.join(", ")}), så IKV-resultatet er 1 "Bevis opnået", ikke ${value}.`,
        "resultatIkkeProevebelagt",
        value,
      ),
    );
  return out;
};

/**
 * §5 — "AMU-udbyderne har pligt til at registrere og indberette alle prøveresultater, herunder omprøver";
 * "Omprøverne skal altså indberettes på samme vis som prøverne på de fagkoder, som omprøven udføres i forhold til."
 * §5 Bemærk — "Man må ikke afvente resultatet af en omprøve og lade dette resultat overskrive resultatet af en
 * tidligere prøve på AMU-aktiviteten." §6.2 — "Omprøver indberettes særskilt."
 *
 * Retakes: seq 2, 3, … in order; each dated after the ordinary exam (the end date) and after the previous retake;
 * each with its own result in the group's field; the ordinary result stays and must be there.
 */
const checkRetakes: Check = ({ p, goal, group, ikv, field, hasResult }) => {
  if (p.retakes.length === 0 || p.status !== "ended") return [];
  const out: Finding[] = [];
  if (ikv)
    out.push(
      f(
        "amu.retake.ikv",
        "error",
        "5",
        "An IKV is not a test and has no retakes; a retake is registered on the fagkode it concerns.",
        "En IKV er ikke en prøve og har ingen omprøver; en omprøve registreres på den fagkode, den udføres i forhold til.",
        "retakes",
        p.retakes.length,
      ),
    );
  if (!hasResult)
    out.push(
      f(
        "amu.retake.ordinary-result-missing",
        "error",
        "5 Bemærk",
        "The ordinary exam's result must be registered; do not wait for the retake and let it replace the earlier result.",
        "Resultatet af den ordinære prøve skal registreres; man må ikke afvente omprøven og lade den overskrive det tidligere resultat.",
        field ?? "resultatProevebelagt",
        null,
      ),
    );
  else if (field !== undefined) {
    const ord = categoryOf(field, resultIn(p, field) ?? 0);
    if (ord?.bevisObtained)
      out.push(
        f(
          "amu.retake.after-bevis",
          "warning",
          "5",
          "A retake is registered although the ordinary result already gave a certificate.",
          "Der er registreret en omprøve, selv om det ordinære resultat allerede gav bevis.",
          "retakes",
          p.retakes.length,
        ),
      );
  }
  let prevSeq = 1;
  let prevDate: IsoDate | null = p.endDate;
  p.retakes.forEach((r: ExamAttempt, i) => {
    const at = `retakes[${i}]`;
    if (!(Number.isInteger(r.seq) && r.seq > prevSeq))
      out.push(
        f(
          "amu.retake.seq",
          "error",
          "5",
          `Retake ${i + 1} has number ${r.seq}; retakes are numbered 2, 3, … in order (1 is the ordinary exam).`,
          `Omprøve ${i + 1} har nummer ${r.seq}; omprøver nummereres 2, 3, … i rækkefølge (1 er den ordinære prøve).`,
          `${at}.seq`,
          r.seq,
        ),
      );
    prevSeq = Math.max(prevSeq, Number.isInteger(r.seq) ? r.seq : prevSeq);
    if (prevDate !== null && r.date <= prevDate)
      out.push(
        f(
          "amu.retake.date-order",
          "error",
          "5",
          i === 0
            ? `The retake on ${r.date} must be after the ordinary exam (end date ${prevDate}).`
            : `Retake ${i + 1} on ${r.date} must be after the previous retake on ${prevDate}.`,
          i === 0
            ? `Omprøven den ${r.date} skal ligge efter den ordinære prøve (slutdato ${prevDate}).`
            : `Omprøve ${i + 1} den ${r.date} skal ligge efter den forrige omprøve den ${prevDate}.`,
          `${at}.date`,
          r.date,
        ),
      );
    if (prevDate === null || r.date > prevDate) prevDate = r.date;
    if (group === null || field === undefined) return;
    const other = OTHER_FIELD[field];
    const ov = resultIn(r as Pick<Participation, ResultField>, other);
    if (ov !== null)
      out.push(
        f(
          "amu.retake.wrong-field",
          "error",
          "5",
          `A retake is reported like the exam, in ${FIELD_LABEL[field]}; ${FIELD_LABEL[other]} must be empty.`,
          `En omprøve indberettes som prøven, i ${FIELD_LABEL[field]}; ${FIELD_LABEL[other]} skal være tom.`,
          `${at}.${other}`,
          ov,
        ),
      );
    const v = resultIn(r as Pick<Participation, ResultField>, field);
    if (v === null)
      out.push(
        f(
          "amu.retake.result-missing",
          "error",
          "5",
          `Every retake is reported with its own result in ${FIELD_LABEL[field]}.`,
          `Hver omprøve indberettes med sit eget resultat i ${FIELD_LABEL[field]}.`,
          `${at}.${field}`,
          null,
        ),
      );
    else if (categoryOf(field, v) === undefined)
      out.push(
        f(
          "amu.retake.unknown-category",
          "error",
          group === 1 ? "Bilag 1" : "Bilag 2",
          `${v} is not a category of ${FIELD_LABEL[field]}.`,
          `${v} er ikke en kategori i ${FIELD_LABEL[field]}.`,
          `${at}.${field}`,
          v,
        ),
      );
    if (goal?.writtenAndOral && group === 1) out.push(...checkWrittenOralAttempt(r, v, `${at}.${field}`));
  });
  return out;
};

/** The checks, in the order their findings are listed. */
const CHECKS: readonly Check[] = [
  checkDates,
  checkSubCourses,
  checkStatus,
  checkResultFields,
  checkEjRelevant,
  checkEmergency,
  checkWrittenOral,
  checkIndustryCertificate,
  checkIkv,
  checkRetakes,
];

/**
 * Every finding for one participation (errors, warnings and the informative findings that explain an outcome).
 * The group decision's own "info" findings are not repeated here (see `resultGroup`); its error (unknown fagkode) is.
 *
 * §3: "Der skal indberettes resultater for al kursusdeltagelse." The individual rules are the Check functions
 * above; each cites its section.
 */
export function checkParticipation(p: Participation, goal: AmuGoal | undefined): Finding[] {
  const g = resultGroup(p, goal);
  const group = g.value;
  const field = group === null ? undefined : FIELD_OF_GROUP[group];
  const value = field === undefined ? null : resultIn(p, field);
  const ctx: Ctx = { p, goal, group, ikv: isIkvFagkode(p.fagkode), field, value, hasResult: value !== null };
  return [...g.because.filter((x) => x.severity !== "info"), ...CHECKS.flatMap((check) => check(ctx))];
}

// ---------------------------------------------------------------------------------------------------------------
// §3.2.1 — split courses reported as separate participations (a check over a set of participations)

/**
 * Flags what looks like a split course reported as separate participations.
 *
 * §3.2.1: "der på nogle institutioner er praksis for, at enkelte kurser deles op i mindre delforløb, og at der
 * enkeltvist indberettes prøveresultat for hvert af disse delforløb som var de et fuldt forløb. Mange af disse
 * delforløb indberettes med værdien 'Ej relevant'" — which gives "for mange kursusdeltagelser" and "for mange
 * prøveresultater".
 *
 * bevis' test: the same person (CPR), goal and provider have two or more participations (never-held ones aside), and
 * at least one of them carries "Ej relevant". Every such participation gets a warning; a person who simply takes
 * the same course twice with a result each time is not flagged. The findings never contain the CPR.
 */
export function checkSplitReporting(ps: readonly Participation[]): { id: string; findings: Finding[] }[] {
  const groups = new Map<string, Participation[]>();
  for (const p of ps) {
    if (p.status === "never-held") continue;
    const key = `${p.providerId}\u0000${p.cpr}\u0000${p.fagkode}`;
    const list = groups.get(key);
    if (list) list.push(p);
    else groups.set(key, [p]);
  }
  const out: { id: string; findings: Finding[] }[] = [];
  for (const list of groups.values()) {
    if (list.length < 2 || !list.some((p) => p.ejRelevant)) continue;
    const ej = list.filter((p) => p.ejRelevant).length;
    for (const p of list)
      out.push({
        id: p.id,
        findings: [
          f(
            "amu.forloeb.split-reporting",
            "warning",
            "3.2.1",
            `The participant has ${list.length} participations on ${p.fagkode}, ${ej} of them with "Ej relevant". If they are parts (delforløb) of one course, register them as one forløb with the final result.`,
            `Kursisten har ${list.length} kursusdeltagelser på ${p.fagkode}, heraf ${ej} med "Ej relevant". Er det delforløb af ét kursus, så registrér dem som ét forløb med det endelige prøveresultat.`,
            "subCourses",
            list.length,
          ),
        ],
      });
  }
  return out;
}

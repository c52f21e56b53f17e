/**
 * The reporting window (Hvornår finder indberetningen sted?, 2.4 Indberetning): the closing date, edits until and
 * including 5 September, resubmission after a change, the latest registration counts at the close, and the class level
 * of the reported school year when reporting after the summer holiday.
 *
 * Dates are read in the calendar year in which the reported school year ends (for 2022/2023: 5 September 2023). The
 * decision date is an input; these rules never read the clock.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { isoDate, type IsoDate } from "../../kernel/time/date.ts";
import { formatSchoolYear, schoolYearEnd, type SchoolYear } from "../../kernel/time/school-year.ts";
import { DATES, type ClassLevel } from "./codes.ts";
import { f001 } from "./findings.ts";
import type { Pupil } from "./model.ts";

/** A date of the guide (codes.ts DATES) in the year the reported school year ends. */
export function guideDate(sy: SchoolYear, which: keyof typeof DATES): IsoDate {
  const d = DATES[which];
  return isoDate(sy.startYear + 1, d.month, d.day);
}

/**
 * "Indberetningen af sprogprøver for skoleåret 2022/2023 kan ske frem til og med 5. september 2023." (Hvornår finder
 * indberetningen sted?) The last day on which the report may be made and edited. It is a fixed date: it does not move
 * when 5 September is a Saturday or a Sunday (the guide names a date, not a number of working days).
 */
export const closingDate = (sy: SchoolYear): IsoDate => guideDate(sy, "closes");

/**
 * "Der kan redigeres i indberetningen til og med d. 5. september." (2.4) True on 5 September, false from 6 September.
 */
export function mayEdit(sy: SchoolYear, on: IsoDate): Decision<boolean> {
  const close = closingDate(sy);
  const open = on <= close;
  return decision(open, [
    f001(
      open ? "window.open" : "window.closed",
      open ? "info" : "error",
      "step24",
      open
        ? {
            en: `The report for ${formatSchoolYear(sy)} can be edited and submitted until and including ${close} (date: ${on}).`,
            da: `Indberetningen for ${formatSchoolYear(sy)} kan redigeres og indberettes til og med ${close} (dato: ${on}).`,
          }
        : {
            en: `The report for ${formatSchoolYear(sy)} closed on the evening of ${close}; it can no longer be edited or submitted (date: ${on}).`,
            da: `Indberetningen for ${formatSchoolYear(sy)} lukkede ${close} om aftenen; den kan ikke længere redigeres eller indberettes (dato: ${on}).`,
          },
      { subject: "on", value: on },
    ),
  ]);
}

/**
 * "Har Styrelsen for It og Læring ikke modtaget skolens indberetning senest d. 5. september 2023, vil styrelsen kontakte
 * skolen." (Hvornår finder indberetningen sted?) Value: whether the report is overdue on the given date.
 */
export function overdue(sy: SchoolYear, on: IsoDate, submitted: boolean): Decision<boolean> {
  const late = !submitted && on > closingDate(sy);
  return decision(
    late,
    late
      ? [
          f001(
            "window.not-received",
            "error",
            "when",
            {
              en: `STIL has not received the report for ${formatSchoolYear(sy)} by ${closingDate(sy)}; STIL will contact the school.`,
              da: `Styrelsen for It og Læring har ikke modtaget indberetningen for ${formatSchoolYear(sy)} senest ${closingDate(sy)}; styrelsen vil kontakte skolen.`,
            },
            { subject: "submission", value: null },
          ),
        ]
      : [],
  );
}

/** One registered change (a new value of one field of the report). `seq` orders changes and submissions. */
export interface Registration<T> {
  /** What the value is about, e.g. "pupils.p17.rykkerOp" (never a CPR). */
  key: string;
  seq: number;
  on: IsoDate;
  value: T;
}

/**
 * "Det er de senest registrerede ændringer om eleven, som gælder, når indberetningen lukker d. 5. september om aftenen."
 * (2.4) For each key, the latest registration (highest `seq`) made on or before the closing date. Registrations after
 * the close are left out with a warning each.
 */
export function valuesAtClose<T>(sy: SchoolYear, registrations: readonly Registration<T>[]): Decision<Map<string, T>> {
  const close = closingDate(sy);
  const best = new Map<string, Registration<T>>();
  const because: Finding[] = [];
  for (const r of registrations) {
    if (r.on > close) {
      because.push(
        f001(
          "window.after-close",
          "warning",
          "step24",
          {
            en: `A change registered on ${r.on}, after the report closed on ${close}, does not count.`,
            da: `En ændring registreret ${r.on}, efter at indberetningen lukkede ${close}, gælder ikke.`,
          },
          { subject: r.key, value: r.on },
        ),
      );
      continue;
    }
    const prev = best.get(r.key);
    if (!prev || r.seq > prev.seq) best.set(r.key, r);
  }
  return decision(new Map([...best].map(([k, r]) => [k, r.value] as const)), because);
}

/** A change to steps 1–3, or a click on "Indberet" (step 4). */
export interface WindowEvent {
  seq: number;
  on: IsoDate;
  kind: "change" | "submit";
}

/**
 * "Hvis der ændres på oplysninger i trin 1-3, skal der klikkes på 'Indberet' igen, sådan at de nyeste registreringer
 * indberettes." (2.4) Value: whether the report must be submitted (again): never submitted, or changed after the last
 * submission. Events after the close are ignored (the window is shut).
 */
export function mustResubmit(sy: SchoolYear, events: readonly WindowEvent[]): Decision<boolean> {
  const close = closingDate(sy);
  const inWindow = events.filter((e) => e.on <= close);
  const lastSubmit = Math.max(-Infinity, ...inWindow.filter((e) => e.kind === "submit").map((e) => e.seq));
  const changesAfter = inWindow.filter((e) => e.kind === "change" && e.seq > lastSubmit);
  if (lastSubmit === -Infinity) {
    return decision(true, [
      f001(
        "window.not-submitted",
        "warning",
        "final",
        {
          en: "The report has not been submitted: STIL has received it only when everything is registered, approved and submitted.",
          da: "Indberetningen er ikke indberettet: styrelsen har først modtaget den, når alt er registreret, godkendt og indberettet.",
        },
        { subject: "submission", value: null },
      ),
    ]);
  }
  if (changesAfter.length === 0) return decision(false);
  return decision(true, [
    f001(
      "window.resubmit",
      "warning",
      "step24",
      {
        en: `${changesAfter.length} change(s) after the last submission: click "Indberet" again so that the latest registrations are submitted.`,
        da: `${changesAfter.length} ændring(er) efter seneste indberetning: klik på "Indberet" igen, så de nyeste registreringer indberettes.`,
      },
      { subject: "submission", value: changesAfter.length },
    ),
  ]);
}

/**
 * "Vær særligt opmærksom på, hvis der indberettes efter sommerferien, at eleven registreres på det klassetrin, som eleven
 * tilhører i skoleåret 2022/2023." (Hvornår finder indberetningen sted?; also step 1, "Som nævnt er det vigtigt, at det
 * angivne klassetrin svarer til klassetrinnet i skoleåret 2022/2023.")
 *
 * An error when the pupil's class level is stated for another school year than the reported one.
 */
export function checkClassLevel(pupil: Pupil, reported: SchoolYear, on: IsoDate): Finding[] {
  const out: Finding[] = [];
  if (!Number.isInteger(pupil.classLevel) || pupil.classLevel < 0 || pupil.classLevel > 9) {
    out.push(
      f001(
        "class-level.range",
        "error",
        "what",
        {
          en: `Class level ${String(pupil.classLevel)} is not reported: the report covers børnehaveklassen (0) and 1.–9. klasse.`,
          da: `Klassetrin ${String(pupil.classLevel)} indberettes ikke: indberetningen omfatter børnehaveklassen (0) og 1.-9. klasse.`,
        },
        { subject: "classLevel", value: pupil.classLevel },
      ),
    );
  }
  const of = pupil.classLevelSchoolYear;
  if (of !== undefined && of.startYear !== reported.startYear) {
    const afterSummer = on > schoolYearEnd(reported);
    out.push(
      f001(
        "class-level.school-year",
        "error",
        afterSummer ? "step1" : "when",
        {
          en: `The class level is the one of ${formatSchoolYear(of)}; it must be the one of the reported school year ${formatSchoolYear(reported)}${afterSummer ? " (reporting after the summer holiday)" : ""}.`,
          da: `Klassetrinnet er det fra ${formatSchoolYear(of)}; det skal være klassetrinnet i det indberettede skoleår ${formatSchoolYear(reported)}${afterSummer ? " (indberetning efter sommerferien)" : ""}.`,
        },
        { subject: "classLevel", value: pupil.classLevel },
      ),
    );
  }
  return out;
}

/**
 * The report-wide reminder when reporting after the summer holiday (on a date after 31 July of the reported school
 * year): every class level must be the one of the reported school year, not the current one.
 */
export function afterSummerReminder(reported: SchoolYear, on: IsoDate): Finding[] {
  if (on <= schoolYearEnd(reported)) return [];
  return [
    f001(
      "class-level.after-summer",
      "warning",
      "when",
      {
        en: `Reporting after the summer holiday: register each pupil on the class level of ${formatSchoolYear(reported)}, not of the current school year.`,
        da: `Indberetning efter sommerferien: registrér hver elev på det klassetrin, eleven tilhørte i skoleåret ${formatSchoolYear(reported)}, ikke det nuværende.`,
      },
      { subject: "classLevel", value: formatSchoolYear(reported) },
    ),
  ];
}

/**
 * The class level in the reported school year, from a class level the administrative system gives for a school year
 * (after the summer holiday it gives the new one). One year later: a pupil who rykkede op was one level lower; a pupil
 * who did not was on the same level. "Samtidig er det her muligt at ændre elevens klassetrin i det tilfælde, at der
 * indberettes i skoleåret 2023/2024 for skoleåret 2022/2023." (step 1)
 */
export function classLevelInReportedYear(
  level: ClassLevel,
  levelYear: SchoolYear,
  reported: SchoolYear,
  rykkedeOp: boolean | null,
): Decision<ClassLevel | null> {
  const diff = levelYear.startYear - reported.startYear;
  if (diff === 0) return decision<ClassLevel | null>(level);
  const subject = "classLevel";
  if (diff !== 1) {
    return decision<ClassLevel | null>(null, [
      f001(
        "class-level.derive-year",
        "error",
        "step1",
        {
          en: `A class level of ${formatSchoolYear(levelYear)} cannot be turned into one of ${formatSchoolYear(reported)}; enter the level of ${formatSchoolYear(reported)}.`,
          da: `Et klassetrin fra ${formatSchoolYear(levelYear)} kan ikke omregnes til ${formatSchoolYear(reported)}; angiv klassetrinnet i ${formatSchoolYear(reported)}.`,
        },
        { subject, value: level },
      ),
    ]);
  }
  if (rykkedeOp === null) {
    return decision<ClassLevel | null>(null, [
      f001(
        "class-level.derive-rykker-op",
        "error",
        "step1",
        {
          en: `The pupil is in ${level === 0 ? "børnehaveklassen" : `${level}. klasse`} in ${formatSchoolYear(levelYear)}; without knowing whether the pupil rykkede op, the level of ${formatSchoolYear(reported)} is unknown.`,
          da: `Eleven går i ${level === 0 ? "børnehaveklassen" : `${level}. klasse`} i ${formatSchoolYear(levelYear)}; uden at vide, om eleven rykkede op, kendes klassetrinnet i ${formatSchoolYear(reported)} ikke.`,
        },
        { subject, value: level },
      ),
    ]);
  }
  if (!rykkedeOp) return decision<ClassLevel | null>(level, []);
  if (level === 0) {
    return decision<ClassLevel | null>(null, [
      f001(
        "class-level.derive-impossible",
        "error",
        "step1",
        {
          en: `A pupil in børnehaveklassen in ${formatSchoolYear(levelYear)} cannot have moved up from a lower level.`,
          da: `En elev i børnehaveklassen i ${formatSchoolYear(levelYear)} kan ikke være rykket op fra et lavere klassetrin.`,
        },
        { subject, value: level },
      ),
    ]);
  }
  return decision<ClassLevel | null>((level - 1) as ClassLevel, [
    f001(
      "class-level.derived",
      "info",
      "step1",
      {
        en: `${level}. klasse in ${formatSchoolYear(levelYear)} after moving up: ${level - 1 === 0 ? "børnehaveklassen" : `${level - 1}. klasse`} in ${formatSchoolYear(reported)}.`,
        da: `${level}. klasse i ${formatSchoolYear(levelYear)} efter oprykning: ${level - 1 === 0 ? "børnehaveklassen" : `${level - 1}. klasse`} i ${formatSchoolYear(reported)}.`,
      },
      { subject, value: level - 1 },
    ),
  ]);
}

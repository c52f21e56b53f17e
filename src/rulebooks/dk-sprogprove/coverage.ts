/**
 * Who must report and who must be tested (Hvem skal indberette?), and exemptions (Hvornår kan en elev fritages …).
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { f001 } from "./findings.ts";
import type { ExemptedCount, Pupil, School } from "./model.ts";

/**
 * "Grundskoler (og afdelinger heraf) med over 30 procent elever bosat i boligområder, der inden for de seneste tre år
 * har været på Social-, Bolig- og Ældreministeriets liste over udsatte boligområder, skal senest den 5. september …
 * indberette sprogprøveresultater" (Hvem skal indberette?).
 *
 * "Over 30 procent" is strict: exactly 30 % is not covered. Compared in integers (10 · listed > 3 · total), never in
 * floating point. A coverage decision taken elsewhere (`coveredOverride`) wins and is shown with its reason.
 * Value: true/false, or null when the counts are missing or unusable.
 */
export function schoolCovered(school: School): Decision<boolean | null> {
  if (school.coveredOverride) {
    const { covered, reason } = school.coveredOverride;
    return decision<boolean | null>(covered, [
      f001(
        "school.covered-override",
        "info",
        "who",
        {
          en: `The school is ${covered ? "" : "not "}covered by the duty to report, as decided elsewhere: ${reason}.`,
          da: `Skolen er ${covered ? "" : "ikke "}omfattet af indberetningspligten efter en afgørelse truffet andetsteds: ${reason}.`,
        },
        { subject: "school.coveredOverride", value: covered },
      ),
    ]);
  }
  const basis = school.coverage;
  if (!basis) {
    return decision<boolean | null>(null, [
      f001(
        "school.coverage-unknown",
        "warning",
        "who",
        {
          en: "It is not known whether the school is covered: give the number of pupils and the number living in housing areas on the list of udsatte boligområder within the latest three years.",
          da: "Det vides ikke, om skolen er omfattet: angiv antal elever og antal elever bosat i boligområder, der inden for de seneste tre år har været på listen over udsatte boligområder.",
        },
        { subject: "school.coverage", value: null },
      ),
    ]);
  }
  const { pupilsTotal: total, pupilsInListedAreas: listed } = basis;
  const sound = Number.isInteger(total) && Number.isInteger(listed) && total > 0 && listed >= 0 && listed <= total;
  if (!sound) {
    return decision<boolean | null>(null, [
      f001(
        "school.coverage-counts",
        "error",
        "who",
        {
          en: `The counts ${listed} of ${total} pupils are not usable: whole numbers, at least one pupil, and no more pupils in listed areas than in the school.`,
          da: `Tallene ${listed} af ${total} elever kan ikke bruges: hele tal, mindst én elev og ikke flere elever i listede boligområder end på skolen.`,
        },
        { subject: "school.coverage", value: `${listed}/${total}` },
      ),
    ]);
  }
  const covered = 10 * listed > 3 * total;
  const pct = `${listed}/${total}`;
  const share = { en: `${listed} of ${total}`, da: `${listed} af ${total}` };
  return decision<boolean | null>(covered, [
    f001(
      covered ? "school.covered" : "school.not-covered",
      "info",
      "who",
      covered
        ? {
            en: `The school is covered: ${share.en} pupils live in listed housing areas, over 30 percent.`,
            da: `Skolen er omfattet: ${share.da} elever er bosat i listede boligområder, over 30 procent.`,
          }
        : {
            en: `The school is not covered: ${share.en} pupils live in listed housing areas, not over 30 percent.`,
            da: `Skolen er ikke omfattet: ${share.da} elever er bosat i listede boligområder, ikke over 30 procent.`,
          },
      { subject: "school.coverage", value: pct },
    ),
  ]);
}

/**
 * Whether the rules on mandatory language tests cover the pupil (before any exemption):
 * "På de omfattede skoler skal alle elever i børnehaveklassen gennemføre de obligatoriske sprogprøver. Målgruppen for de
 * obligatoriske sprogprøver i 1.-9. klasse … er de elever i 1.-9 klasse, som modtager 'Dansk som andetsprog –
 * supplerende', og som skal ophøre med at modtage 'Dansk som andetsprog – supplerende'. Eleven skal aflægge sprogprøven i
 * 1.-9. klasse, enten når skolelederen vurderer, at eleven ikke længere har behov for at modtage undervisning i 'Dansk
 * som andetsprog – supplerende', eller senest inden udgangen af det fjerde skoleår, hvor eleven modtager undervisning i
 * 'Dansk som andetsprog – supplerende'." (Hvem skal indberette?)
 *
 * Value: true/false, or null for a 1.–9. pupil whose "Dansk som andetsprog" is not recorded.
 */
export function coveredByRules(pupil: Pupil, schoolIsCovered: boolean | null): Decision<boolean | null> {
  if (schoolIsCovered === false) {
    return decision<boolean | null>(false, [
      f001(
        "pupil.school-not-covered",
        "info",
        "who",
        {
          en: "The school is not covered, so no pupil must take the mandatory language test.",
          da: "Skolen er ikke omfattet, så ingen elev skal aflægge den obligatoriske sprogprøve.",
        },
        { subject: "school.coverage", value: false },
      ),
    ]);
  }
  if (pupil.classLevel === 0) {
    return decision<boolean | null>(true, [
      f001(
        "pupil.bhkl-all",
        "info",
        "who",
        {
          en: "All pupils in børnehaveklassen at a covered school take the mandatory language tests.",
          da: "Alle elever i børnehaveklassen på en omfattet skole skal gennemføre de obligatoriske sprogprøver.",
        },
        { subject: "classLevel", value: 0 },
      ),
    ]);
  }
  const dsa = pupil.dsa;
  if (!dsa) {
    return decision<boolean | null>(null, [
      f001(
        "pupil.dsa-unknown",
        "warning",
        "who",
        {
          en: `Pupil in ${pupil.classLevel}. klasse: it is not recorded whether the pupil receives "Dansk som andetsprog – supplerende", so bevis cannot tell whether the test is due.`,
          da: `Elev i ${pupil.classLevel}. klasse: det er ikke registreret, om eleven modtager "Dansk som andetsprog – supplerende", så bevis kan ikke afgøre, om eleven skal til sprogprøve.`,
        },
        { subject: "dsa", value: null },
      ),
    ]);
  }
  if (!dsa.receiving) {
    return decision<boolean | null>(false, [
      f001(
        "pupil.no-dsa",
        "info",
        "who",
        {
          en: `Pupil in ${pupil.classLevel}. klasse who does not receive "Dansk som andetsprog – supplerende": not in the target group.`,
          da: `Elev i ${pupil.classLevel}. klasse, som ikke modtager "Dansk som andetsprog – supplerende": ikke i målgruppen.`,
        },
        { subject: "dsa.receiving", value: false },
      ),
    ]);
  }
  if (dsa.leaderJudgesNoLongerNeeded) {
    return decision<boolean | null>(true, [
      f001(
        "pupil.dsa-no-longer-needed",
        "info",
        "who",
        {
          en: 'The school leader judges that the pupil no longer needs "Dansk som andetsprog – supplerende": the pupil takes the test.',
          da: 'Skolelederen vurderer, at eleven ikke længere har behov for "Dansk som andetsprog – supplerende": eleven skal aflægge sprogprøven.',
        },
        { subject: "dsa.leaderJudgesNoLongerNeeded", value: true },
      ),
    ]);
  }
  const n = dsa.schoolYearsReceived;
  if (!Number.isInteger(n) || n < 1) {
    return decision<boolean | null>(null, [
      f001(
        "pupil.dsa-years",
        "error",
        "who",
        {
          en: `"${n}" is not a number of school years with "Dansk som andetsprog – supplerende" (a whole number from 1, counting the reported year).`,
          da: `"${n}" er ikke et antal skoleår med "Dansk som andetsprog – supplerende" (et helt tal fra 1, det indberettede år medregnet).`,
        },
        { subject: "dsa.schoolYearsReceived", value: n },
      ),
    ]);
  }
  if (n < 4) {
    return decision<boolean | null>(false, [
      f001(
        "pupil.dsa-not-yet",
        "info",
        "who",
        {
          en: `School year ${n} with "Dansk som andetsprog – supplerende" and the leader has not judged it no longer needed: the test is due at the latest before the end of the fourth.`,
          da: `${n}. skoleår med "Dansk som andetsprog – supplerende", og skolelederen har ikke vurderet, at behovet er ophørt: prøven skal senest aflægges inden udgangen af det fjerde skoleår.`,
        },
        { subject: "dsa.schoolYearsReceived", value: n },
      ),
    ]);
  }
  return decision<boolean | null>(true, [
    f001(
      n === 4 ? "pupil.dsa-fourth-year" : "pupil.dsa-past-fourth-year",
      n === 4 ? "info" : "warning",
      "who",
      n === 4
        ? {
            en: 'Fourth school year with "Dansk som andetsprog – supplerende": the test is due at the latest before the end of this school year.',
            da: 'Fjerde skoleår med "Dansk som andetsprog – supplerende": prøven skal aflægges senest inden udgangen af dette skoleår.',
          }
        : {
            en: `School year ${n} with "Dansk som andetsprog – supplerende": the test was due at the latest before the end of the fourth; it is due now.`,
            da: `${n}. skoleår med "Dansk som andetsprog – supplerende": prøven skulle være aflagt senest inden udgangen af det fjerde skoleår; den skal aflægges nu.`,
          },
      { subject: "dsa.schoolYearsReceived", value: n },
    ),
  ]);
}

/**
 * § 14 in bekendtgørelse om obligatoriske sprogprøver i grundskolen: "skolens leder kan fritage en elev fra sprogprøven,
 * hvis eleven på grund af betydelig funktionsnedsættelse heller ikke på særlige vilkår kan aflægge prøven. Afgørelsen
 * træffes på baggrund af en pædagogisk-psykologisk vurdering … Fritagelsesbestemmelsen må først anvendes, når
 * mulighederne for prøveaflæggelse på særlige vilkår har været til overvejelse." And: "Elever, der ikke er omfattet af
 * reglerne om obligatoriske sprogprøver, og som derfor ikke skal gennemføre sprogprøven, skal ikke indberettes som
 * fritagne." (Hvornår kan en elev fritages …)
 *
 * Value: whether the exemption counts in the school's number of exempted pupils.
 */
export function checkExemption(pupil: Pupil, covered: boolean | null): Decision<boolean> {
  const ex = pupil.exemption;
  if (!ex) return decision(false);
  const out: Finding[] = [];
  const missing: [keyof typeof ex, string, string][] = [
    ["considerableDisability", "a considerable disability (betydelig funktionsnedsættelse)", "betydelig funktionsnedsættelse"],
    ["pppAssessment", "a pedagogical-psychological assessment", "en pædagogisk-psykologisk vurdering"],
    ["specialConditionsConsidered", "that taking the test on special conditions was considered first", "at prøveaflæggelse på særlige vilkår har været overvejet"],
  ];
  for (const [key, en, da] of missing) {
    if (ex[key] !== true) {
      out.push(
        f001(
          "exemption.condition",
          "error",
          "exemption",
          { en: `The exemption under § 14 requires ${en}; it is not recorded.`, da: `Fritagelse efter § 14 kræver ${da}; det er ikke registreret.` },
          { subject: `exemption.${key}`, value: false },
        ),
      );
    }
  }
  if (covered === false) {
    out.push(
      f001(
        "exemption.not-covered",
        "error",
        "exemption",
        {
          en: "The pupil is not covered by the rules on mandatory language tests, so the pupil is not reported as exempted.",
          da: "Eleven er ikke omfattet af reglerne om obligatoriske sprogprøver og skal derfor ikke indberettes som fritaget.",
        },
        { subject: "exemption", value: false },
      ),
    );
  }
  if (pupil.toBeTested === true) {
    out.push(
      f001(
        "exemption.but-tested",
        "error",
        "exemption",
        {
          en: "The pupil is exempted from the test but also marked to take it.",
          da: "Eleven er fritaget fra sprogprøven, men også markeret til at skulle til sprogprøve.",
        },
        { subject: "toBeTested", value: true },
      ),
    );
  }
  if (pupil.attempts.some((a) => a.result === "sprogparat" || a.result === "ikke-sprogparat")) {
    out.push(
      f001(
        "exemption.but-results",
        "error",
        "exemption",
        {
          en: "The pupil is exempted from the test but has attempt results registered.",
          da: "Eleven er fritaget fra sprogprøven, men har registrerede resultater af sprogprøveforsøg.",
        },
        { subject: "attempts", value: pupil.attempts.length },
      ),
    );
  }
  const counts = out.length === 0 && covered === true;
  return decision(counts, out);
}

/**
 * The number of exempted pupils the school's own registrations give (covered pupils with a sound § 14 exemption), across
 * børnehaveklassen and 1.–9. klasse: "Det er det samlede antal elever på tværs af sprogprøven i børnehaveklassen og
 * 1.-9. klasse, som skal indberettes" (2.3). Only a number: "Fritagelser skal ikke indberettes med elevernes
 * CPR-nummer." (Hvad skal indberettes?) Pupils who left the school during the year are not counted.
 */
export function exemptedCountOf(pupils: readonly Pupil[], schoolIsCovered: boolean | null): number {
  // A pupil who left the school during the year is not counted (leaving.ts; docs/rulebooks/001-sprogprove.md).
  return pupils.filter((p) => p.left === undefined).filter((p) => checkExemption(p, coveredByRules(p, schoolIsCovered).value).value).length;
}

/**
 * Step 3: the count is stated (a whole number ≥ 0) and agrees with the exemptions registered in bevis, when any are.
 * (Shape errors — a CPR or a list instead of a number — are caught by `parseExemptedCount`.)
 */
export function checkExemptedCount(count: ExemptedCount, pupils: readonly Pupil[], schoolIsCovered: boolean | null): Finding[] {
  if (count === null) {
    return [
      f001(
        "exempted.missing",
        "error",
        "step23",
        {
          en: "The number of exempted pupils is not stated (state 0 if there are none).",
          da: "Antallet af fritagne elever er ikke angivet (angiv 0, hvis der ingen er).",
        },
        { subject: "exemptedCount", value: null },
      ),
    ];
  }
  if (!Number.isInteger(count) || count < 0) {
    return [
      f001(
        "exempted.not-a-count",
        "error",
        "step23",
        { en: `${count} is not a number of pupils (a whole number, 0 or more).`, da: `${count} er ikke et antal elever (et helt tal, 0 eller flere).` },
        { subject: "exemptedCount", value: count },
      ),
    ];
  }
  const registered = pupils.filter((p) => p.exemption !== undefined);
  if (registered.length === 0) return [];
  const local = exemptedCountOf(pupils, schoolIsCovered);
  if (local === count) return [];
  return [
    f001(
      "exempted.count-differs",
      "warning",
      "step23",
      {
        en: `The stated number of exempted pupils, ${count}, differs from the ${local} covered pupils with a sound § 14 exemption registered in bevis.`,
        da: `Det angivne antal fritagne elever, ${count}, afviger fra de ${local} omfattede elever med en gyldig fritagelse efter § 14 registreret i bevis.`,
      },
      { subject: "exemptedCount", value: count },
    ),
  ];
}

/**
 * Rykker op (moving up a class level), the special permission under folkeskoleloven § 11 a, stk. 5, the once-only
 * postponement of 1. klasse, and the bh.kl. check boxes (sommerskole, special permission).
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { sprogparatAttempt } from "./attempts.ts";
import { stageOf } from "./codes.ts";
import { f001 } from "./findings.ts";
import type { Pupil } from "./model.ts";

/**
 * What the rules allow for a tested bh.kl. pupil after the school year:
 * - "may-move-up": passed (found Sprogparat in one of the attempts), or special permission;
 * - "must-repeat": not passed in the third mandatory or fourth voluntary attempt and no special permission;
 * - "must-move-up": not passed again, but the start of 1. klasse was already postponed once;
 * - "undecided": the third attempt has no result yet (and no pass), so nothing follows yet.
 */
export type Promotion = "may-move-up" | "must-repeat" | "must-move-up" | "undecided";

/**
 * "Som udgangspunkt skal eleven gå børnehaveklassen om, hvis eleven ikke består det tredje obligatoriske eller fjerde
 * frivillige sprogprøveforsøg. … Elevens påbegyndelse af 1. klasse kan kun udsættes én gang – også selvom eleven
 * heller ikke måtte bestå sprogprøven i anden omgang. Skolelederen kan i helt særlige tilfælde beslutte, at en elev, der
 * ikke har bestået det tredje obligatoriske eller fjerde frivillige sprogprøveforsøg, på trods heraf kan påbegynde 1.
 * klasse." (Hvornår kan der gives særlig tilladelse …)
 */
export function bhklPromotion(pupil: Pupil): Decision<Promotion> {
  const passedIn = sprogparatAttempt(pupil.attempts);
  if (passedIn !== null) {
    return decision<Promotion>("may-move-up", [
      f001(
        "promotion.passed",
        "info",
        "permission",
        { en: `Sprogparat in attempt ${passedIn}: the pupil may begin 1. klasse.`, da: `Sprogparat i forsøg ${passedIn}: eleven kan påbegynde 1. klasse.` },
        { subject: "attempts", value: passedIn },
      ),
    ]);
  }
  const third = pupil.attempts.find((a) => a.no === 3);
  if (third?.result == null) {
    return decision<Promotion>("undecided", [
      f001(
        "promotion.undecided",
        "info",
        "permission",
        {
          en: "The third mandatory attempt has no result yet, so it is not yet known whether the pupil goes børnehaveklassen again.",
          da: "Det tredje obligatoriske forsøg har endnu intet resultat, så det vides endnu ikke, om eleven skal gå børnehaveklassen om.",
        },
        { subject: "attempts.3.result", value: null },
      ),
    ]);
  }
  if (pupil.previouslyPostponed === true) {
    return decision<Promotion>("must-move-up", [
      f001(
        "promotion.postponed-once",
        "info",
        "permission",
        {
          en: "Not passed, but the pupil's start in 1. klasse was already postponed once; it can be postponed only once, so the pupil begins 1. klasse.",
          da: "Ikke bestået, men elevens påbegyndelse af 1. klasse er allerede udsat én gang; den kan kun udsættes én gang, så eleven påbegynder 1. klasse.",
        },
        { subject: "previouslyPostponed", value: true },
      ),
    ]);
  }
  if (pupil.specialPermission === true) {
    return decision<Promotion>("may-move-up", [
      f001(
        "promotion.special-permission",
        "info",
        "permission",
        {
          en: "Not passed in the third or fourth attempt, but the school leader gave special permission (folkeskoleloven § 11 a, stk. 5) to begin 1. klasse.",
          da: "Ikke bestået i tredje eller fjerde forsøg, men skolelederen har givet særlig tilladelse (folkeskoleloven § 11 a, stk. 5) til at påbegynde 1. klasse.",
        },
        { subject: "specialPermission", value: true },
      ),
    ]);
  }
  return decision<Promotion>("must-repeat", [
    f001(
      "promotion.repeat",
      "info",
      "permission",
      {
        en: "Not passed in the third mandatory or fourth voluntary attempt and no special permission: as a rule the pupil goes børnehaveklassen again.",
        da: "Ikke bestået i det tredje obligatoriske eller fjerde frivillige forsøg og ingen særlig tilladelse: som udgangspunkt skal eleven gå børnehaveklassen om.",
      },
      { subject: "rykkerOp", value: pupil.rykkerOp },
    ),
  ]);
}

/**
 * The special permission (folkeskoleloven § 11 a, stk. 5) is only for "en elev, der ikke har bestået det tredje
 * obligatoriske eller fjerde frivillige sprogprøveforsøg" (Hvornår kan der gives særlig tilladelse …), and only for a
 * pupil in børnehaveklassen.
 */
export function checkSpecialPermission(pupil: Pupil): Finding[] {
  if (pupil.specialPermission !== true) return [];
  if (pupil.classLevel !== 0) {
    return [
      f001(
        "permission.only-bhkl",
        "error",
        "permission",
        {
          en: `Special permission under folkeskoleloven § 11 a, stk. 5 is for pupils in børnehaveklassen; the pupil is in ${pupil.classLevel}. klasse.`,
          da: `Særlig tilladelse efter folkeskolelovens § 11 a, stk. 5 gælder elever i børnehaveklassen; eleven går i ${pupil.classLevel}. klasse.`,
        },
        { subject: "specialPermission", value: true },
      ),
    ];
  }
  const passedIn = sprogparatAttempt(pupil.attempts);
  if (passedIn !== null) {
    return [
      f001(
        "permission.passed",
        "error",
        "permission",
        {
          en: `Special permission is only for a pupil who did not pass the third mandatory or fourth voluntary attempt; this pupil was found Sprogparat in attempt ${passedIn}.`,
          da: `Særlig tilladelse gives kun til en elev, der ikke har bestået det tredje obligatoriske eller fjerde frivillige forsøg; eleven blev vurderet sprogparat i forsøg ${passedIn}.`,
        },
        { subject: "specialPermission", value: true },
      ),
    ];
  }
  const out: Finding[] = [];
  if (pupil.attempts.find((a) => a.no === 3)?.result == null) {
    out.push(
      f001(
        "permission.before-third",
        "error",
        "permission",
        {
          en: "Special permission is for a pupil who did not pass the third mandatory or fourth voluntary attempt; the third attempt has no result yet.",
          da: "Særlig tilladelse gives til en elev, der ikke har bestået det tredje obligatoriske eller fjerde frivillige forsøg; det tredje forsøg har endnu intet resultat.",
        },
        { subject: "specialPermission", value: true },
      ),
    );
  }
  if (pupil.previouslyPostponed === true) {
    out.push(
      f001(
        "permission.not-needed",
        "info",
        "permission",
        {
          en: "Special permission is not needed: the start of 1. klasse was already postponed once and cannot be postponed again.",
          da: "Særlig tilladelse er ikke nødvendig: påbegyndelsen af 1. klasse er allerede udsat én gang og kan ikke udsættes igen.",
        },
        { subject: "specialPermission", value: true },
      ),
    );
  }
  return out;
}

/**
 * "Rykker op": stated for every reported pupil ("Derudover skal det angives, hvorvidt eleven rykker et klassetrin op",
 * 2.1; "Her angives det, om eleven rykker et klassetrin op", 2.2; the receipt flags a pupil without it, 2.4), and for a
 * bh.kl. pupil consistent with `bhklPromotion`.
 */
export function checkRykkerOp(pupil: Pupil, opts: { complete: boolean }): Finding[] {
  const out: Finding[] = [];
  const bhkl = stageOf(pupil.classLevel) === "bhkl";
  if (pupil.rykkerOp === null) {
    if (opts.complete) {
      out.push(
        f001(
          "rykker-op.missing",
          "error",
          bhkl ? "step21" : "step22",
          {
            en: "It is not stated whether the pupil rykker op (moves up a class level) after the school year.",
            da: "Det er ikke angivet, om eleven rykker et klassetrin op efter skoleårets afslutning.",
          },
          { subject: "rykkerOp", value: null },
        ),
      );
    }
    return out;
  }
  if (!bhkl) return out;
  const p = bhklPromotion(pupil).value;
  if (p === "must-repeat" && pupil.rykkerOp) {
    out.push(
      f001(
        "rykker-op.must-repeat",
        "error",
        "permission",
        {
          en: "The pupil did not pass the third mandatory or fourth voluntary attempt and has no special permission (folkeskoleloven § 11 a, stk. 5), so the pupil goes børnehaveklassen again and does not rykke op.",
          da: "Eleven har ikke bestået det tredje obligatoriske eller fjerde frivillige forsøg og har ikke særlig tilladelse (folkeskolelovens § 11 a, stk. 5), så eleven skal gå børnehaveklassen om og rykker ikke op.",
        },
        { subject: "rykkerOp", value: true },
      ),
    );
  }
  if (p === "must-move-up" && !pupil.rykkerOp) {
    out.push(
      f001(
        "rykker-op.postponed-once",
        "error",
        "permission",
        {
          en: "The pupil's start in 1. klasse was already postponed once; it can be postponed only once, also if the pupil does not pass the second time.",
          da: "Elevens påbegyndelse af 1. klasse er allerede udsat én gang; den kan kun udsættes én gang – også selvom eleven heller ikke består sprogprøven i anden omgang.",
        },
        { subject: "rykkerOp", value: false },
      ),
    );
  }
  if (p === "may-move-up" && pupil.specialPermission === true && !pupil.rykkerOp) {
    out.push(
      f001(
        "rykker-op.permission-unused",
        "warning",
        "permission",
        {
          en: "The pupil has special permission to begin 1. klasse but does not rykke op: check the two fields.",
          da: "Eleven har særlig tilladelse til at påbegynde 1. klasse, men rykker ikke op: kontrollér de to felter.",
        },
        { subject: "rykkerOp", value: false },
      ),
    );
  }
  return out;
}

/** Sommerskole, special permission and the postponement are bh.kl. fields (2.1); on a 1.–9. pupil they are an error. */
export function checkBhklOnlyFields(pupil: Pupil): Finding[] {
  if (pupil.classLevel === 0) return [];
  const out: Finding[] = [];
  for (const key of ["sommerskole", "previouslyPostponed"] as const) {
    if (pupil[key] === true) {
      out.push(
        f001(
          "bhkl-field.on-1-9",
          "error",
          "what",
          {
            en: `"${key}" is reported only for pupils in børnehaveklassen; the pupil is in ${pupil.classLevel}. klasse.`,
            da: `"${key}" indberettes kun for elever i børnehaveklassen; eleven går i ${pupil.classLevel}. klasse.`,
          },
          { subject: key, value: true },
        ),
      );
    }
  }
  return out;
}

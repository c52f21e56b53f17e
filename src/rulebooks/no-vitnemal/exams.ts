/**
 * Seed 003 §6 Eksamen: what goes in the exam cells of a subject line for every exam case — graded, not met (with or
 * without documented absence), bortvisning, fusk, avlyst, annulled by Udir (with or without dispensation), annulled after
 * complaint, the 22 May 2023 annulment, the korona springs 2020–2022 — and the rows of the fag-/svenneprøve,
 * praksisbrevprøve and kompetanseprøve.
 *
 * Pure: each function takes the exam event (model.ts `ExamEvent`) and returns a Decision whose value is the `Entry`
 * (entry.ts) for the line(s): cells, FAM, VMM and vedlegg, each citing the section that puts it there. A dispensation
 * is entered as VMM17 with its text; dispensations.ts `allocateDispensationVmm` numbers the document's dispensations
 * VMM17, VMM18, VMM19.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { formatHalfYear } from "../../kernel/time/half-year.ts";
import { vmFinding } from "./cite.ts";
import { dispensationText } from "./dispensations.ts";
import { entry, use, type Entry } from "./entry.ts";
import type { ExamEvent, FinalTestKind, SubjectDef } from "./model.ts";

/** §6.1: the FAM that stands "i stedet for eksamensform" on a final test's line. */
export const FINAL_TEST_FAM: Readonly<Record<FinalTestKind, string>> = {
  fagprove: "FAM27",
  svenneprove: "FAM28",
  praksisbrevprove: "FAM53",
  kompetanseprove: "FAM31",
};

/** §6.4 / §6.5: the FAM for a final test not taken without documented absence (and after bortvisning). */
export const FINAL_TEST_NOT_TAKEN_FAM: Readonly<Record<FinalTestKind, string>> = {
  fagprove: "FAM49",
  svenneprove: "FAM49",
  praksisbrevprove: "FAM54",
  kompetanseprove: "FAM50",
};

const TEST_NB: Record<FinalTestKind, string> = {
  fagprove: "fagprøven",
  svenneprove: "svenneprøven",
  praksisbrevprove: "praksisbrevprøven",
  kompetanseprove: "kompetanseprøven",
};

/** The korona springs (§6.9–6.11): the VMM and the statuses the general dispensation covered. */
export const KORONA: Readonly<Record<2020 | 2021 | 2022, { vmm: string; ref: string; statuses: readonly string[] }>> = {
  2020: { vmm: "VMM39", ref: "6.9", statuses: ["elev"] },
  2021: { vmm: "VMM40", ref: "6.10", statuses: ["elev"] },
  2022: { vmm: "VMM41", ref: "6.11", statuses: ["elev", "voksen"] },
};

export interface ExamContext {
  /**
   * §6.6: for an elev, the fagkode that carries the standpunkt when it differs from the exam's fagkode ("Selv om
   * fagkode for eksamen og standpunkt er forskjellig, fører dere FAM04 … for begge fagkodene").
   */
  standpunktFagkode?: string;
  /** §6.6: a privatist's other exam code in a subject with two privatist exams and one standpunkt for elever. */
  otherExamFagkode?: string;
}

/**
 * The line(s) for one exam event. The first entry is the exam's own line; fusk adds the standpunkt line and the
 * privatist's other exam line (§6.6).
 */
export function examEntries(ev: ExamEvent, ctx: ExamContext = {}): Decision<Entry[]> {
  return ev.finalTest !== undefined ? finalTestEntries(ev, ev.finalTest) : ordinaryExamEntries(ev, ctx);
}

function ordinaryExamEntries(ev: ExamEvent, ctx: ExamContext): Decision<Entry[]> {
  const o = ev.outcome;
  const base = { examForm: ev.form, year: ev.halfYear };
  const k = ev.fagkode;
  const because: Finding[] = [];
  const info = (rule: string, ref: string, nb: string, en: string) => because.push(vmFinding(`exam.${rule}`, "info", ref, nb, en, k, k));
  switch (o.kind) {
    case "graded":
      return decision([entry(k, { ...base, eksamen: o.result })]);

    case "notMet": {
      /**
       * §6.3 "For elever som ikke møter til eksamen, samme hva grunnen er, skal dere føre «Ikke møtt» (IM) i rubrikken
       * for eksamenskarakter og aktuell eksamensform. Dere fører FAM29 «Eksamen ikke avlagt» for elever som ikke har
       * dokumentert fravær. For elever som har dokumentert fravær, fører dere FAM39 «Dokumentert fravær». Dere fører på
       * samme måte for elever som blir syke under eksamen og avbryter."
       */
      const code = o.documented ? "FAM39" : "FAM29";
      info(
        o.documented ? "not-met-documented" : "not-met-undocumented",
        "6.3",
        `${k}: ${o.brokeOffIll === true ? "ble syk under eksamen og avbrøt" : "møtte ikke til eksamen"} — «Ikke møtt» (IM), eksamensform ${ev.form ?? "–"} og ${code} «${o.documented ? "Dokumentert fravær" : "Eksamen ikke avlagt"}» (${o.documented ? "dokumentert" : "ikke dokumentert"} fravær).`,
        `${k}: ${o.brokeOffIll === true ? "fell ill during the exam and broke off" : "did not attend the exam"} — "Ikke møtt" (IM), exam form ${ev.form ?? "–"} and ${code} (${o.documented ? "documented" : "undocumented"} absence).`,
      );
      return decision([entry(k, { ...base, eksamen: "IM", fam: [use(code, "6.3")], onlyOn: "kompetansebevis" })], because);
    }

    case "bortvist":
      /**
       * §6.5 "blir eksamen regnet som ikke gjennomført. Dere fører «Ikke vurderingsgrunnlag» (IV) i rubrikken for
       * eksamenskarakter og aktuell eksamensform. I tillegg fører dere FAM29 «Eksamen ikke avlagt»."
       */
      info("bortvist", "6.5", `${k}: bortvist fra eksamen — IV, eksamensform og FAM29 «Eksamen ikke avlagt».`, `${k}: sent away from the exam — IV, exam form and FAM29.`);
      return decision([entry(k, { ...base, eksamen: "IV", fam: [use("FAM29", "6.5")], onlyOn: "kompetansebevis" })], because);

    case "fusk": {
      /**
       * §6.6 "Dere fører «Ikke vurderingsgrunnlag» (IV) i rubrikken for eksamenskarakter og aktuell eksamensform. For
       * elever skal dere slette standpunktkarakteren i faget og dere fører stiplet linje i rubrikken for
       * standpunktkarakter. I tillegg fører dere FAM04 «Eksamen annullert». Selv om fagkode for eksamen og standpunkt er
       * forskjellig, fører dere FAM04 … for begge fagkodene. Privatister vil få annullert eksamen i begge fagkoder …
       * I rubrikken år fører dere halvåret eksamenen ble annullert."
       */
      const out: Entry[] = [];
      const isElev = ev.status === "elev";
      const sameCode = ctx.standpunktFagkode === undefined || ctx.standpunktFagkode === k;
      out.push(entry(k, { ...base, eksamen: "IV", ...(isElev && sameCode ? { standpunkt: null } : {}), fam: [use("FAM04", "6.6")] }));
      if (isElev && !sameCode && ctx.standpunktFagkode !== undefined)
        out.push(entry(ctx.standpunktFagkode, { standpunkt: null, year: ev.halfYear, fam: [use("FAM04", "6.6")] }));
      if (ev.status === "privatist" && ctx.otherExamFagkode !== undefined && ctx.otherExamFagkode !== k)
        out.push(entry(ctx.otherExamFagkode, { eksamen: "IV", year: ev.halfYear, fam: [use("FAM04", "6.6")] }));
      info(
        "fusk",
        "6.6",
        `${k}: fusk eller forsøk på fusk — eksamen annulleres: IV, eksamensform, FAM04 «Eksamen annullert»${isElev ? "; standpunktkarakteren slettes (stiplet linje)" : ""}; år ${formatHalfYear(ev.halfYear)}.`,
        `${k}: cheating or attempted cheating — the exam is annulled: IV, exam form, FAM04${isElev ? "; the standpunkt grade is deleted (dotted line)" : ""}; year ${formatHalfYear(ev.halfYear)}.`,
      );
      return decision(out, because);
    }

    case "avlyst": {
      /**
       * §6.7 "Dersom en elev får avlyst eksamen, fører dere en stiplet linje i rubrikken for eksamenskarakter. Dere fører
       * fastsatt eksamensform i rubrikken for eksamensform og FAM36 «Eksamen avlyst, jf. vedlegg». Årsaken … legger dere
       * med i et vedlegg … Dispensasjonsvedtaket fører dere med VMM17-19. … I de tilfeller der en eksamen ikke er
       * nødvendig for at eleven får vitnemål, skal dere ikke synliggjøre … at eksamenen ble avlyst. Privatister vil ved
       * en avlyst eksamen, ha rett til ny eksamen."
       */
      const needed = o.neededForVitnemal ?? ev.obligatory ?? false;
      if (!needed && o.dispensation === undefined) {
        info(
          "avlyst-not-shown",
          "6.7",
          `${k}: eksamen avlyst, men eksamenen er ikke nødvendig for vitnemålet — avlysningen synliggjøres ikke (ingen eksamenskarakter, eksamensform eller FAM36).`,
          `${k}: exam cancelled but not needed for the diploma — the cancellation is not shown (no exam cell, form or FAM36).`,
        );
        if (ev.status === "privatist") info("avlyst-privatist", "6.7", "Privatisten har rett til ny eksamen.", "The private candidate has a right to a new exam.");
        return decision([entry(k, { eksamen: null, examForm: null })], because);
      }
      const e = entry(k, { ...base, eksamen: null, fam: [use("FAM36", "6.7")] });
      if (o.dispensation !== undefined) {
        const t = dispensationText(o.dispensation);
        because.push(...t.because);
        e.vmm.push(use("VMM17", "6.7", { tekst: t.value }));
        e.vedlegg.push({ fagkode: k, code: "VMM17", text: `Dispensasjonsvedtak fra Utdanningsdirektoratet ${t.value}`, because: "12.1" });
        info(
          "avlyst-dispensation",
          "6.7",
          `${k}: eksamen avlyst (${o.reason}) — stiplet linje, fastsatt eksamensform, FAM36 og dispensasjonsvedtaket som VMM17–19 med vedtaket som vedlegg; går årsaken tydelig fram av vedtaket, trengs ikke eget vedlegg om årsaken.`,
          `${k}: exam cancelled (${o.reason}) — dotted line, the set exam form, FAM36 and the dispensation as VMM17–19 with the decision attached.`,
        );
      } else {
        e.vedlegg.push({ fagkode: k, code: "FAM36", text: `Årsak til at eksamen i ${k} ikke ble avholdt: ${o.reason}`, because: "6.7" });
        because.push(
          vmFinding(
            "exam.avlyst-no-dispensation",
            "warning",
            "6.7",
            `${k}: eksamen avlyst og eksamenen er obligatorisk eller nødvendig for antall eksamener — det kan være nødvendig med dispensasjonsvedtak fra Utdanningsdirektoratet (VMM17–19).`,
            `${k}: exam cancelled and it is obligatory or needed for the number of exams — an Udir dispensation (VMM17–19) may be needed.`,
            k,
            k,
          ),
        );
      }
      if (ev.status === "privatist") info("avlyst-privatist", "6.7", "Privatisten har rett til ny eksamen.", "The private candidate has a right to a new exam.");
      return decision([e], because);
    }

    case "annulledByUdir": {
      /**
       * §6.2 "Når eksamen i et fag er annullert av Utdanningsdirektoratet … skal dere føre «Fritatt» i rubrikken for
       * eksamenskarakter, aktuell eksamensform og FAM04 «Eksamen annullert». Dette gjelder bare dersom
       * Utdanningsdirektoratet har gitt dispensasjonsvedtak … Dere skal i slike tilfeller føre vitnemålsmerknad om
       * dispensasjonsvedtaket (VMM 17-19) og vedtaket skal legges ved vitnemålet. Dersom eksamen er annullert av
       * Utdanningsdirektoratet og vi ikke har gitt dispensasjon, skal dere føre stiplet linje i rubrikken for
       * eksamenskarakter og FAM04 «Eksamen annullert». Dere skal føre eksamensform."
       */
      if (o.dispensation !== undefined) {
        const t = dispensationText(o.dispensation);
        because.push(...t.because);
        info("annulled-udir-dispensation", "6.2", `${k}: eksamen annullert av Utdanningsdirektoratet med dispensasjon — «Fritatt», eksamensform, FAM04 og VMM17–19 med vedtaket som vedlegg.`, `${k}: exam annulled by Udir with a dispensation — "Fritatt", exam form, FAM04 and VMM17–19 with the decision attached.`);
        return decision(
          [
            entry(k, {
              ...base,
              eksamen: "F",
              fam: [use("FAM04", "6.2")],
              vmm: [use("VMM17", "6.2", { tekst: t.value })],
              vedlegg: [{ fagkode: k, code: "VMM17", text: `Dispensasjonsvedtak fra Utdanningsdirektoratet ${t.value}`, because: "6.2" }],
            }),
          ],
          because,
        );
      }
      info("annulled-udir", "6.2", `${k}: eksamen annullert av Utdanningsdirektoratet uten dispensasjon — stiplet linje, eksamensform og FAM04; eleven/privatisten har rett (ikke plikt) til ny eksamen.`, `${k}: exam annulled by Udir without a dispensation — dotted line, exam form and FAM04; a right (not a duty) to a new exam.`);
      return decision([entry(k, { ...base, eksamen: null, fam: [use("FAM04", "6.2")] })], because);
    }

    case "annulledAfterComplaint": {
      /**
       * §6.2 "Når fylkestinget … har annullert karakter til muntlig, muntlig-praktisk eller praktisk eksamen etter klage,
       * skal dere føre «Fritatt» i rubrikken for eksamenskarakter, aktuell eksamensform og FAM04 … VMM17-19 er ikke
       * aktuell i slike tilfeller. … Dersom eleven eller forbedringsprivatisten velger å gå opp til ny eksamen … fører
       * dere eksamenskarakteren istedenfor «Fritatt» og dere fjerner fagmerknaden".
       */
      if (ev.form === "S" || ev.form === null)
        because.push(
          vmFinding(
            "exam.annulled-complaint-form",
            "error",
            "6.2",
            `${k}: bare karakter til muntlig, muntlig-praktisk eller praktisk eksamen kan annulleres etter klage (eksamensform ${ev.form ?? "mangler"}).`,
            `${k}: only the grade of an oral, oral-practical or practical exam can be annulled after a complaint (form ${ev.form ?? "missing"}).`,
            k,
            ev.form,
          ),
        );
      if (o.retaken !== undefined) {
        info("annulled-complaint-retaken", "6.2", `${k}: ny eksamen etter annullering — eksamenskarakteren føres i stedet for «Fritatt», og FAM04 fjernes.`, `${k}: new exam after the annulment — its grade replaces "Fritatt" and FAM04 is removed.`);
        return decision([entry(k, { ...base, eksamen: o.retaken })], because);
      }
      info("annulled-complaint", "6.2", `${k}: karakter annullert etter klage — «Fritatt» (eksamen regnes som avholdt), eksamensform og FAM04; ingen dispensasjon (VMM17–19) trengs.`, `${k}: grade annulled after complaint — "Fritatt" (the exam counts as held), exam form and FAM04; no dispensation needed.`);
      if (ev.status === "privatist")
        info("annulled-complaint-privatist", "6.2", "En privatist uten standpunktkarakter i faget må gå opp til ny eksamen for å bestå faget.", "A private candidate without a standpunkt grade must take a new exam to pass the subject.");
      return decision([entry(k, { ...base, eksamen: "F", fam: [use("FAM04", "6.2")] })], because);
    }

    case "annulled20230522": {
      /**
       * §6.8 "skal dere ikke føre karakter, men «Fritatt» i rubrikken for eksamenskarakter, aktuell eksamensform og FAM04
       * «Eksamen annullert». I slike tilfeller skal dere ikke føre dispensasjonsvedtak med VMM17-19. Dere skal i stedet
       * føre VMM42 … Dere skal ikke legge ved vedlegg."
       */
      if (ev.halfYear.year !== 2023 || ev.halfYear.half !== "V" || (ev.date !== undefined && ev.date !== "2023-05-22"))
        because.push(vmFinding("exam.annulled-20230522-date", "error", "6.8", `${k}: annulleringen etter innloggingsproblemene gjelder bare eksamen 22. mai 2023.`, `${k}: the log-in-failure annulment applies only to the exam of 22 May 2023.`, k, ev.date ?? formatHalfYear(ev.halfYear)));
      if (ev.status !== "elev")
        because.push(vmFinding("exam.annulled-20230522-status", "error", "6.8", `${k}: ordningen gjelder elever i videregående skole.`, `${k}: the scheme is for pupils in upper secondary school.`, k, ev.status));
      info("annulled-20230522", "6.8", `${k}: eksamen 22.05.2023 annullert — «Fritatt», eksamensform, FAM04 og VMM42; ingen VMM17–19 og ikke vedlegg.`, `${k}: exam of 22.05.2023 annulled — "Fritatt", exam form, FAM04 and VMM42; no VMM17–19 and no attachment.`);
      return decision([entry(k, { ...base, eksamen: "F", fam: [use("FAM04", "6.8")], vmm: [use("VMM42", "6.8")] })], because);
    }

    case "korona": {
      /**
       * §6.9–6.11 "fører dere stiplet linje i rubrikken for eksamenskarakter og aktuell eksamensform. Dere skal ikke føre
       * FAM36. Dette gjelder også når det er en obligatorisk eksamen. Dere skal føre VMM39/40/41 … Dere skal ikke legge
       * med vedlegg." 2020: all exams for elever; 2021: all written, practical and oral-practical, and oral on vg1–vg3,
       * for elever; 2022: all exams for elever and voksne deltakere.
       */
      const k0 = KORONA[o.spring];
      if (ev.halfYear.year !== o.spring || ev.halfYear.half !== "V")
        because.push(vmFinding("exam.korona-half-year", "error", k0.ref, `${k}: den generelle dispensasjonen gjelder bare våren ${o.spring}, ikke ${formatHalfYear(ev.halfYear)}.`, `${k}: the general dispensation covers only spring ${o.spring}, not ${formatHalfYear(ev.halfYear)}.`, k, formatHalfYear(ev.halfYear)));
      if (!k0.statuses.includes(ev.status))
        because.push(vmFinding("exam.korona-status", "error", k0.ref, `${k}: den generelle dispensasjonen våren ${o.spring} gjaldt ikke ${ev.status}.`, `${k}: the general dispensation of spring ${o.spring} did not cover status ${ev.status}.`, k, ev.status));
      info("korona", k0.ref, `${k}: eksamen avlyst våren ${o.spring} (korona) — stiplet linje, eksamensform og ${k0.vmm}; ikke FAM36, ikke VMM17–19, ikke vedlegg.`, `${k}: exam cancelled in spring ${o.spring} (corona) — dotted line, exam form and ${k0.vmm}; no FAM36, no VMM17–19, no attachment.`);
      return decision([entry(k, { ...base, eksamen: null, vmm: [use(k0.vmm, k0.ref)] })], because);
    }
  }
}

/**
 * Final tests (fag-/svenneprøve, praksisbrevprøve, kompetanseprøve).
 *
 * §6.1 "Dere skal føre stiplet linje i rubrikken for eksamensform når dere fører vurderingen av fag-/svenneprøve. Dere
 * skal i stedet for eksamensform føre FAM27 «Fagprøve», FAM28 «Svenneprøve», FAM53 «Praksisbrevprøve» eller FAM31
 * «Kompetanseprøve» (FAM53 og FAM31 bare på kompetansebevis)."
 * §6.4 "skal dere føre «Ikke møtt» (IM) i rubrikken for eksamenskarakter og stiplet linje i rubrikken for eksamensform.
 * Dere fører FAM49 … for lærlinger … FAM54 … for praksisbrevkandidater … FAM50 … for lærekandidater som ikke har
 * dokumentert fravær. For … som har dokumentert fravær, fører dere FAM39".
 * §6.5 (bortvisning fra prøven) "blir prøven regnet som ikke gjennomført. Dere fører FAM49 … FAM54 … FAM50".
 * §6.6 "Dersom en lærling/praksisbrevkandidat/lærekandidat blir tatt i fusk … skal prøven annulleres … slette
 * karakteren på prøven. I tillegg fører dere FAM56".
 */
function finalTestEntries(ev: ExamEvent, test: FinalTestKind): Decision<Entry[]> {
  const k = ev.fagkode;
  const o = ev.outcome;
  const base = { examForm: null, year: ev.halfYear };
  const because: Finding[] = [];
  if (ev.form !== null)
    because.push(vmFinding("exam.final-test-form", "warning", "6.1", `${k}: ${TEST_NB[test]} føres med stiplet linje i rubrikken for eksamensform, ikke ${ev.form}.`, `${k}: the ${test} carries a dotted line in the exam-form cell, not ${ev.form}.`, k, ev.form));
  const kbOnly = test === "praksisbrevprove" || test === "kompetanseprove";
  switch (o.kind) {
    case "graded":
      return decision([entry(k, { ...base, eksamen: o.result, fam: [use(FINAL_TEST_FAM[test], test === "praksisbrevprove" ? "9.9" : test === "kompetanseprove" ? "9.10" : "6.1")], ...(kbOnly ? { onlyOn: "kompetansebevis" as const } : {}) })], because);
    case "notMet": {
      const code = o.documented ? "FAM39" : FINAL_TEST_NOT_TAKEN_FAM[test];
      because.push(vmFinding("exam.final-test-not-met", "info", "6.4", `${k}: møtte ikke til ${TEST_NB[test]} — IM, stiplet linje i eksamensform og ${code}.`, `${k}: did not attend the ${test} — IM, dotted exam form and ${code}.`, k, code));
      return decision([entry(k, { ...base, eksamen: "IM", fam: [use(code, "6.4")], onlyOn: "kompetansebevis" })], because);
    }
    case "bortvist": {
      const code = FINAL_TEST_NOT_TAKEN_FAM[test];
      because.push(
        vmFinding(
          "exam.final-test-bortvist",
          "info",
          "6.5",
          `${k}: bortvist fra ${TEST_NB[test]} — prøven regnes som ikke gjennomført: ${code}. Retningslinjene sier ikke hva som står i karakterrubrikken; bevis fører IV som ved bortvisning fra eksamen.`,
          `${k}: sent away from the ${test} — not completed: ${code}. The seed does not say what the grade cell holds; bevis enters IV as for an exam.`,
          k,
          code,
        ),
      );
      return decision([entry(k, { ...base, eksamen: "IV", fam: [use(code, "6.5")], onlyOn: "kompetansebevis" })], because);
    }
    case "fusk":
      because.push(vmFinding("exam.final-test-fusk", "info", "6.6", `${k}: fusk på ${TEST_NB[test]} — prøven annulleres, karakteren slettes (stiplet linje) og FAM56 «Fag-/svenneprøve annullert».`, `${k}: cheating at the ${test} — annulled, the grade deleted (dotted line), FAM56.`, k, "FAM56"));
      return decision([entry(k, { ...base, eksamen: null, fam: [use("FAM56", "6.6")], onlyOn: "kompetansebevis" })], because);
    default:
      because.push(
        vmFinding(
          "exam.final-test-outcome",
          "error",
          "6.1",
          `${k}: utfallet «${o.kind}» er ikke beskrevet for ${TEST_NB[test]} i retningslinjene.`,
          `${k}: the outcome "${o.kind}" is not described for a ${test} in the guidelines.`,
          k,
          o.kind,
        ),
      );
      return decision([entry(k, base)], because);
  }
}

/**
 * §6.1 "Kodeverket for Læreplanverket for Kunnskapsløftet viser hvilken eksamensform som kan føres for de ulike
 * fagkodene. Dere skal ikke føre andre former enn dette. Dersom en elev har særskilt tilrettelagt eksamen med en annen
 * eksamensform, så skal dere på dokumentasjonen føre den eksamensformen som følger av læreplanen for faget."
 */
export function checkExamForm(ev: ExamEvent, def: SubjectDef | undefined): Finding[] {
  if (def === undefined || ev.form === null || ev.finalTest !== undefined) return [];
  if (def.examForms.includes(ev.form)) return [];
  return [
    vmFinding(
      "exam.form-not-allowed",
      "error",
      "6.1",
      `${ev.fagkode}: eksamensform ${ev.form} er ikke en eksamensform for faget i kodeverket (${def.examForms.join(", ") || "ingen"}). Ved særskilt tilrettelagt eksamen føres eksamensformen som følger av læreplanen.`,
      `${ev.fagkode}: exam form ${ev.form} is not one the code list allows (${def.examForms.join(", ") || "none"}); an adapted exam is recorded with the curriculum's form.`,
      ev.fagkode,
      ev.form,
    ),
  ];
}

export interface PrivatistImprovement {
  /** The exams the privatist must take to improve the subject. */
  mustTake: "both" | "eitherIndependently";
  /** Whether all the underlying grades of the subject fall away (§5.8, §6.12 fremmedspråk). */
  underlyingGradesFallAway: boolean;
}

/**
 * §6.12 "for enkelte fag [er] fastsatt at elever skal ha én standpunktkarakter mens faget for privatister har to
 * eksamensformer … Elever som ønsker å forbedre slike fag, må gå opp til begge eksamenene som privatist. … Når det står
 * i læreplanverket at elever skal ha to standpunktkarakterer i et fag … kan privatister forbedre karakteren i hver del
 * uavhengig av hverandre. … Merk at for fremmedspråk regnes eleven som privatist i hele faget … alle de underliggende
 * karakterene (både muntlig og skriftlig) faller bort".
 */
export function privatistImprovement(subject: { standpunktGrades: 1 | 2 | 3; privatistExams: 1 | 2; fremmedsprak?: boolean }): Decision<PrivatistImprovement> {
  const both = subject.standpunktGrades === 1 && subject.privatistExams === 2;
  const fallAway = subject.fremmedsprak === true;
  return decision<PrivatistImprovement>({ mustTake: both ? "both" : "eitherIndependently", underlyingGradesFallAway: fallAway }, [
    vmFinding(
      both ? "exam.privatist-both" : "exam.privatist-independent",
      "info",
      "6.12",
      both
        ? "Faget har én standpunktkarakter for elever og to eksamener for privatister: for å forbedre må privatisten gå opp til begge eksamenene (ikke nødvendigvis samtidig)."
        : `Privatisten kan forbedre hver del uavhengig av hverandre${fallAway ? ", men i fremmedspråk regnes eleven som privatist i hele faget og alle underliggende karakterer faller bort" : ""}.`,
      both
        ? "One standpunkt for pupils, two privatist exams: to improve, the candidate must take both exams (not necessarily together)."
        : `The candidate may improve each part independently${fallAway ? ", but in a foreign language the whole subject is privatist and all underlying grades fall away" : ""}.`,
    ),
  ]);
}

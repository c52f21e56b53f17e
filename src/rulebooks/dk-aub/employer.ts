/**
 * Chapter 1 of seed 004: who owes contributions (bidragspligtig arbejdsgiverkreds), §§ 1–2.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { addQuarters, compareQuarters, formatQuarter, quarterOf, type Quarter } from "../../kernel/time/quarter.ts";
import { aubFinding } from "./cite.ts";
import type { Employer, ReligiousExemptionApplication } from "./model.ts";

/** The quarters a religious community's application covers: `from` up to and including `to` (open: still exempt). */
export interface ExemptQuarters {
  from: Quarter;
  to?: Quarter;
}

const later = (a: string, b: string) => (a >= b ? a : b);

/**
 * § 2, stk. 2: "Undtagelse efter stk. 1, 2. pkt., gives efter ansøgning og har virkning fra det kvartal, hvori
 * Arbejdsgivernes Uddannelsesbidrag modtager ansøgning med dokumentation for, at fritagelse for afgiftspligt er meddelt
 * i medfør af § 2 a i lov om afgift af lønsum m.v. Undtagelsen gælder indtil begyndelsen af det kvartal, hvori
 * Arbejdsgivernes Uddannelsesbidrag modtager meddelelse om, at betingelsen for undtagelse ikke længere er opfyldt."
 *
 * The application counts as received "med dokumentation" on the later of the two receipt dates. The exemption ends at
 * the beginning of the quarter of the lapse notice, so the last exempt quarter is the one before it; a notice in the
 * same quarter as the documented application leaves no exempt quarter. Value null: no exempt quarter.
 */
export function religiousExemptQuarters(app: ReligiousExemptionApplication): Decision<ExemptQuarters | null> {
  if (app.documentationReceivedOn === undefined)
    return decision<ExemptQuarters | null>(null, [
      aubFinding(
        "employer.religious.documentation-missing",
        "warning",
        "§ 2, stk. 2",
        `The application received ${app.receivedOn} has no documentation that exemption from payroll tax has been granted under § 2 a of lov om afgift af lønsum m.v.; the exemption takes effect only from the quarter in which AUB receives it.`,
        `Ansøgningen modtaget ${app.receivedOn} mangler dokumentation for, at fritagelse for afgiftspligt er meddelt i medfør af § 2 a i lov om afgift af lønsum m.v.; undtagelsen har først virkning fra det kvartal, hvori AUB modtager den.`,
        "documentationReceivedOn",
        null,
      ),
    ]);
  const documentedOn = later(app.receivedOn, app.documentationReceivedOn);
  const from = quarterOf(documentedOn);
  const because: Finding[] = [
    aubFinding(
      "employer.religious.effective-from",
      "info",
      "§ 2, stk. 2",
      `AUB received the application with documentation on ${documentedOn}: the exemption takes effect from ${formatQuarter(from)}.`,
      `AUB modtog ansøgningen med dokumentation den ${documentedOn}: undtagelsen har virkning fra ${formatQuarter(from)}.`,
      "documentationReceivedOn",
      documentedOn,
    ),
  ];
  if (app.conditionLapsedNoticeOn === undefined) return decision<ExemptQuarters | null>({ from }, because);
  const to = addQuarters(quarterOf(app.conditionLapsedNoticeOn), -1);
  if (compareQuarters(to, from) < 0) {
    because.push(
      aubFinding(
        "employer.religious.lapsed-before-effect",
        "info",
        "§ 2, stk. 2",
        `AUB learnt on ${app.conditionLapsedNoticeOn} that the condition no longer holds, before the exemption took effect in any quarter.`,
        `AUB fik den ${app.conditionLapsedNoticeOn} meddelelse om, at betingelsen ikke længere er opfyldt, før undtagelsen fik virkning for noget kvartal.`,
        "conditionLapsedNoticeOn",
        app.conditionLapsedNoticeOn,
      ),
    );
    return decision<ExemptQuarters | null>(null, because);
  }
  because.push(
    aubFinding(
      "employer.religious.lapsed",
      "info",
      "§ 2, stk. 2",
      `AUB learnt on ${app.conditionLapsedNoticeOn} that the condition no longer holds: the exemption ends at the beginning of ${formatQuarter(quarterOf(app.conditionLapsedNoticeOn))}; the last exempt quarter is ${formatQuarter(to)}.`,
      `AUB fik den ${app.conditionLapsedNoticeOn} meddelelse om, at betingelsen ikke længere er opfyldt: undtagelsen ophører ved begyndelsen af ${formatQuarter(quarterOf(app.conditionLapsedNoticeOn))}; sidste undtagne kvartal er ${formatQuarter(to)}.`,
      "conditionLapsedNoticeOn",
      app.conditionLapsedNoticeOn,
    ),
  );
  return decision<ExemptQuarters | null>({ from, to }, because);
}

const inSpan = (q: Quarter, s: ExemptQuarters) =>
  compareQuarters(s.from, q) <= 0 && (s.to === undefined || compareQuarters(q, s.to) <= 0);

const CATEGORY_TEXT: Record<"julemaerkefonden" | "diplomatic-representation" | "international-organisation", { en: string; da: string }> = {
  julemaerkefonden: { en: "Julemærkefonden and its julemærkehjem", da: "Julemærkefonden og dens julemærkehjem" },
  "diplomatic-representation": { en: "a diplomatic representation", da: "en diplomatisk repræsentation" },
  "international-organisation": { en: "an international organisation", da: "en international organisation" },
};

/**
 * Whether the employer owes contributions for the quarter (value true) or not.
 *
 * § 1: "Pligt til indbetaling af bidrag … har samtlige arbejdsgivere, der er omfattet af lov om Arbejdsmarkedets
 * Tillægspension, jf. dog § 2."
 * § 2, stk. 1: "Undtaget … er Julemærkefonden og dens julemærkehjem, diplomatiske repræsentationer, konsulære
 * repræsentationer med udsendte medarbejdere samt internationale organisationer. Undtaget er endvidere religiøse
 * samfund, der er fritaget for afgiftspligt i medfør af § 2 a i lov om afgift af lønsum m.v." (stk. 2: on application).
 */
export function contributionLiability(employer: Employer, quarter: Quarter): Decision<boolean> {
  const q = formatQuarter(quarter);
  if (!employer.atpCovered)
    return decision(false, [
      aubFinding(
        "employer.not-atp",
        "info",
        "§ 1",
        `${employer.name} is not covered by the ATP law and owes no AUB contribution.`,
        `${employer.name} er ikke omfattet af lov om Arbejdsmarkedets Tillægspension og skal ikke betale AUB-bidrag.`,
        "atpCovered",
        false,
      ),
    ]);
  const liable = (why: Finding[]): Decision<boolean> =>
    decision(true, [
      ...why,
      aubFinding(
        "employer.liable",
        "info",
        "§ 1",
        `${employer.name} is covered by the ATP law and owes AUB contributions for ${q}.`,
        `${employer.name} er omfattet af lov om Arbejdsmarkedets Tillægspension og skal betale AUB-bidrag for ${q}.`,
        "category",
        employer.category ?? null,
      ),
    ]);
  switch (employer.category) {
    case undefined:
      return liable([]);
    case "julemaerkefonden":
    case "diplomatic-representation":
    case "international-organisation": {
      const t = CATEGORY_TEXT[employer.category];
      return decision(false, [
        aubFinding(
          `employer.exempt.${employer.category}`,
          "info",
          "§ 2, stk. 1",
          `${employer.name} is ${t.en} and is exempt from the AUB law.`,
          `${employer.name} er ${t.da} og er undtaget fra lov om Arbejdsgivernes Uddannelsesbidrag.`,
          "category",
          employer.category,
        ),
      ]);
    }
    case "consular-representation":
      if (employer.hasPostedStaff === true)
        return decision(false, [
          aubFinding(
            "employer.exempt.consular-representation",
            "info",
            "§ 2, stk. 1",
            `${employer.name} is a consular representation with posted staff and is exempt from the AUB law.`,
            `${employer.name} er en konsulær repræsentation med udsendte medarbejdere og er undtaget fra lov om Arbejdsgivernes Uddannelsesbidrag.`,
            "hasPostedStaff",
            true,
          ),
        ]);
      return liable([
        aubFinding(
          "employer.consular-without-posted-staff",
          "warning",
          "§ 2, stk. 1",
          `${employer.name} is a consular representation ${employer.hasPostedStaff === false ? "without" : "not recorded as having"} posted staff: only consular representations with posted staff are exempt.`,
          `${employer.name} er en konsulær repræsentation ${employer.hasPostedStaff === false ? "uden" : "uden registrerede"} udsendte medarbejdere: kun konsulære repræsentationer med udsendte medarbejdere er undtaget.`,
          "hasPostedStaff",
          employer.hasPostedStaff ?? null,
        ),
      ]);
    case "religious-community": {
      const apps = employer.religiousApplications ?? [];
      const notes: Finding[] = [];
      for (const app of apps) {
        const span = religiousExemptQuarters(app);
        if (span.value !== null && inSpan(quarter, span.value))
          return decision(false, [
            ...span.because,
            aubFinding(
              "employer.exempt.religious-community",
              "info",
              "§ 2, stk. 2",
              `${employer.name} is a religious community exempt from payroll tax and is exempt from the AUB law in ${q}.`,
              `${employer.name} er et religiøst samfund fritaget for lønsumsafgift og er undtaget fra lov om Arbejdsgivernes Uddannelsesbidrag i ${q}.`,
              "religiousApplications",
              q,
            ),
          ]);
        notes.push(...span.because);
      }
      return liable([
        ...notes,
        aubFinding(
          "employer.religious.not-exempt-in-quarter",
          "info",
          "§ 2, stk. 2",
          apps.length === 0
            ? `${employer.name} is a religious community but has not applied for exemption; the exemption is given only on application.`
            : `${employer.name} is a religious community, but no documented application covers ${q}.`,
          apps.length === 0
            ? `${employer.name} er et religiøst samfund, men har ikke søgt om undtagelse; undtagelse gives kun efter ansøgning.`
            : `${employer.name} er et religiøst samfund, men ingen dokumenteret ansøgning dækker ${q}.`,
          "religiousApplications",
          apps.length,
        ),
      ]);
    }
  }
}

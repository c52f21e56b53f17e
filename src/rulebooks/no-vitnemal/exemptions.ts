/**
 * Seed 003 §7 Fritak fra opplæring eller vurdering med karakter og godkjenning av fag fra Norge eller utlandet (and the
 * §5.3 realkompetanse and §5.8 higher-level credit lines that use the same cells): what the cells, the år column and the
 * fagmerknad of the line become for an exemption (model.ts `Exemption`) or an approval (`Approval`).
 *
 * Pure; every function returns a Decision<Entry> (entry.ts) with findings citing the section.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { formatHalfYear, type HalfYear } from "../../kernel/time/half-year.ts";
import { vmFinding } from "./cite.ts";
import { entry, use, type Entry } from "./entry.ts";
import type { Approval, Exemption, Level, Status, Vurdering } from "./model.ts";

export interface ExemptionContext {
  /** The person's status in the subject. */
  status: Status;
  /** The norsk læreplan the pupil follows (§7.1, §7.3: LK06 and LK20 differ for sidemål). */
  norskCurriculum?: "LK06" | "LK20";
  /**
   * LK20: whether this is the year the læreplan gives sidemål its own assessment (vg3). Before that the decision is
   * shown on the hovedmål skriftlig line with FAM59/FAM58 (kompetansebevis only).
   */
  sidemalOwnAssessmentYear?: boolean;
  /** LK20 underveis: the hovedmål skriftlig fagkode that carries FAM59/FAM58. */
  hovedmalFagkode?: string;
  /** The pupil's norsk læreplan has no sidemål at all (e.g. samisk som første- eller andrespråk, §7.1). */
  noSidemalInPlan?: boolean;
  /** §7.4 privatist sidemål: the year of the other norsk codes. */
  norskYear?: HalfYear;
  /** §7.4 fellesfag: years of allsidig yrkespraksis (at least five). */
  yearsOfPractice?: number;
  /** §7.2: a legeerklæring documents that the teaching harms the pupil. */
  legeerklaering?: boolean;
  /** §9.5: the year the central exam was taken (år for FAM38/FAM01 lines). */
  examYear?: HalfYear;
}

const f = (rule: string, severity: Finding["severity"], ref: string, nb: string, en: string, subject?: string, value?: Finding["value"]) =>
  vmFinding(`exemption.${rule}`, severity, ref, nb, en, subject, value);

/** The year for a line: the decision's natural end, else the given fallback. */
const yearOf = (x: Exemption, fallback?: HalfYear): HalfYear | undefined => x.naturalEnd ?? fallback;

const withYear = (y: HalfYear | undefined): { year?: HalfYear } => (y === undefined ? {} : { year: y });

/** The line for an exemption decision. */
export function exemptionEntry(x: Exemption, ctx: ExemptionContext): Decision<Entry> {
  const k = x.fagkode;
  const because: Finding[] = [];
  const y = yearOf(x);
  if (y === undefined && x.kind !== "laerekontrakt" && x.kind !== "hoyereNiva")
    because.push(f("no-year", "warning", "2.6", `${k}: året faget naturlig skulle vært avsluttet mangler (rubrikken år).`, `${k}: the year the subject would naturally have ended is missing (År column).`, k));

  switch (x.kind) {
    case "opplaering": {
      if (x.area === "sidemal") {
        /**
         * §7.1 LK06: "fører dere sidemål med fagkode og navn og fører «Fritatt» i rubrikken for standpunktkarakter. I
         * rubrikken år fører dere det året faget naturlig skulle vært avsluttet. I tillegg fører dere FAM01". LK20: "For
         * underveisvurdering i norsk hovedmål skriftlig … Dere skal føre elevens karakter i skriftlig. I tillegg skal dere
         * føre FAM59 … Først når/det året eleven … skal ha egen vurdering i norsk sidemål skriftlig, fører dere sidemål …
         * «Fritatt» … FAM01". "For elever som følger læreplan i norskfaget der det framgår at de ikke skal ha opplæring i
         * sidemål, skal dere ikke føre sidemål".
         */
        if (ctx.noSidemalInPlan === true) {
          because.push(f("no-sidemal", "info", "7.1", `${k}: læreplanen eleven følger har ikke sidemål — sidemål føres ikke.`, `${k}: the pupil's curriculum has no second written Norwegian — not entered.`, k));
          return decision(entry(k, { omit: true }), because);
        }
        if (ctx.norskCurriculum === "LK20" && ctx.sidemalOwnAssessmentYear !== true) {
          const hk = ctx.hovedmalFagkode ?? k;
          because.push(f("sidemal-lk20-underveis", "info", "7.1", `${hk}: LK20, før sidemål har egen vurdering — karakteren i hovedmål skriftlig føres med FAM59 «Vedtak fritak oppl.sidemål» (bare kompetansebevis).`, `${hk}: LK20 before sidemål has its own assessment — the written grade stands with FAM59 (kompetansebevis only).`, hk));
          return decision(entry(hk, { fam: [use("FAM59", "7.1")], onlyOn: "kompetansebevis" }), because);
        }
        because.push(f("sidemal-opplaering", "info", "7.1", `${k}: fritatt fra opplæring i skriftlig sidemål — «Fritatt» i standpunkt og FAM01.`, `${k}: exempt from teaching in second written Norwegian — "Fritatt" and FAM01.`, k));
        return decision(entry(k, { standpunkt: "F", ...withYear(y), fam: [use("FAM01", "7.1")] }), because);
      }
      if (x.area === "kroppsoving") {
        /**
         * §7.2 "Rektor kan etter søknad innvilge fritak fra opplæring i kroppsøvingsfaget når legeerklæring dokumenterer
         * at opplæringen er til skade for eleven, og tilpasset opplæring ikke er mulig. Dere fører FAM01 … I rubrikken
         * for standpunktkarakterer fører dere «Fritatt»."
         */
        if (ctx.legeerklaering === false)
          because.push(f("kroppsoving-no-legeerklaering", "error", "7.2", `${k}: fritak fra opplæring i kroppsøving krever legeerklæring.`, `${k}: exemption from teaching in PE requires a medical certificate.`, k));
        because.push(f("kroppsoving-opplaering", "info", "7.2", `${k}: fritatt fra opplæring i kroppsøving — «Fritatt» og FAM01.`, `${k}: exempt from teaching in PE — "Fritatt" and FAM01.`, k));
        return decision(entry(k, { standpunkt: "F", ...withYear(y), fam: [use("FAM01", "7.2")] }), because);
      }
      because.push(f("opplaering", "info", "9.5", `${k}: fritatt fra opplæring — «Fritatt» og FAM01.`, `${k}: exempt from teaching — "Fritatt" and FAM01.`, k));
      return decision(entry(k, { standpunkt: "F", ...withYear(y ?? ctx.examYear), fam: [use("FAM01", "9.5")] }), because);
    }

    case "vurdering": {
      if (ctx.status === "privatist") {
        /**
         * §7.4 "For privatiser som blir fritatt fra vurdering med karakter i skriftlig sidemål, fører dere «Fritatt» i
         * rubrikken for eksamenskarakter og FAM02 … I rubrikken år fører dere samme år som de andre norskkodene. Dere skal
         * føre stiplet linje i rubrikken for eksamensform."
         */
        if (x.area !== "sidemal")
          because.push(f("privatist-vurdering-area", "error", "7.4", `${k}: privatister kan bare få fritak fra vurdering med karakter i skriftlig sidemål.`, `${k}: private candidates can only be exempted from assessment in second written Norwegian.`, k, x.area ?? null));
        because.push(f("privatist-sidemal", "info", "7.4", `${k}: privatist fritatt fra vurdering i skriftlig sidemål — «Fritatt» i eksamenskarakter, FAM02, stiplet linje i eksamensform.`, `${k}: private candidate exempt from assessment in written sidemål — "Fritatt" in the exam cell, FAM02, dotted exam form.`, k));
        return decision(entry(k, { eksamen: "F", examForm: null, ...withYear(ctx.norskYear ?? y), fam: [use("FAM02", "7.4")] }), because);
      }
      if (x.area === "sidemal" && ctx.norskCurriculum === "LK20" && ctx.sidemalOwnAssessmentYear !== true) {
        const hk = ctx.hovedmalFagkode ?? k;
        because.push(f("sidemal-lk20-vurdering-underveis", "info", "7.3", `${hk}: LK20, før sidemål har egen vurdering — karakteren i hovedmål skriftlig føres med FAM58 «Vedtak fritak vurd.sidemål» (bare kompetansebevis).`, `${hk}: LK20 before sidemål has its own assessment — FAM58 on the written hovedmål line (kompetansebevis only).`, hk));
        return decision(entry(hk, { fam: [use("FAM58", "7.3")], onlyOn: "kompetansebevis" }), because);
      }
      if (x.area !== "sidemal" && x.area !== "kroppsoving")
        because.push(f("vurdering-area", "error", "7.3", `${k}: fritak fra vurdering med karakter gis bare i skriftlig sidemål og kroppsøving (fremmedspråk: se 7.5).`, `${k}: exemption from assessment with grade exists only for written sidemål and PE (foreign language: 7.5).`, k, x.area ?? null));
      /**
       * §7.3 "I slike tilfeller fører dere «Fritatt» i rubrikken for standpunktkarakterer … I tillegg fører dere FAM02
       * «Fritatt fra vurd. med kar.». I rubrikken år fører dere det året faget naturlig skulle vært avsluttet." For
       * kroppsøving "Det gis fritak fra vurdering med karakter i hele faget." §7.4: voksne "på samme måte som elever".
       */
      because.push(f("vurdering", "info", "7.3", `${k}: fritatt fra vurdering med karakter — «Fritatt» i standpunkt og FAM02.`, `${k}: exempt from assessment with grade — "Fritatt" and FAM02.`, k));
      return decision(entry(k, { standpunkt: "F", ...withYear(y), fam: [use("FAM02", ctx.status === "voksen" ? "7.4" : "7.3")] }), because);
    }

    case "fellesfag": {
      /**
       * §7.4 "Privatister og voksne … er fritatt fra kravet om fellesfag for å få vitnemål som gir yrkeskompetanse.
       * Betingelsen er blant annet at de har minst fem års allsidig yrkespraksis … fører dere for privatister «Fritatt» i
       * rubrikken for eksamenskarakter og FAM43 «Fritatt fra fag». For voksne fører dere «Fritatt» i rubrikken for
       * standpunktkarakter og FAM43 … Dere skal ikke fylle ut eksamensform (stiplet linje)."
       */
      if (ctx.status !== "privatist" && ctx.status !== "voksen")
        because.push(f("fellesfag-status", "error", "7.4", `${k}: fritak fra fellesfag gjelder bare privatister og voksne.`, `${k}: exemption from fellesfag applies only to private candidates and adults.`, k, ctx.status));
      if (ctx.yearsOfPractice !== undefined && ctx.yearsOfPractice < 5)
        because.push(f("fellesfag-practice", "error", "7.4", `${k}: fritak fra fellesfag krever minst fem års allsidig yrkespraksis (${ctx.yearsOfPractice} år).`, `${k}: the exemption requires at least five years' broad practice (${ctx.yearsOfPractice}).`, k, ctx.yearsOfPractice));
      const cell = ctx.status === "privatist" ? { eksamen: "F" as const } : { standpunkt: "F" as const };
      because.push(f("fellesfag", "info", "7.4", `${k}: fritatt fra fellesfag (${ctx.status}) — «Fritatt» i ${ctx.status === "privatist" ? "eksamenskarakter" : "standpunktkarakter"}, FAM43, stiplet eksamensform.`, `${k}: exempt from the common subject — "Fritatt", FAM43, dotted exam form.`, k));
      return decision(entry(k, { ...cell, examForm: null, ...withYear(y), fam: [use("FAM43", "7.4")] }), because);
    }

    case "fremmedsprak": {
      /**
       * §7.5 "Kunnskapsdepartementet har i instruks av 28.05.2020 bestemt … dispensasjon … fra kravet om vurdering med
       * karakter i fremmedspråk som fellesfag … Dispensasjonen gjelder ikke engelsk. … På vitnemålet skal dere føre FAM02
       * … I rubrikken for standpunktkarakterer fører dere «Fritatt». … Dersom eleven … allerede har fått eksamenskarakter
       * eller standpunktkarakter, skal skoleeier stryke standpunktkarakter eller eksamenskarakter i faget."
       */
      if (/^ENG/i.test(k))
        because.push(f("fremmedsprak-english", "error", "7.5", `${k}: dispensasjonen fra vurdering med karakter i fremmedspråk gjelder ikke engelsk.`, `${k}: the foreign-language dispensation does not apply to English.`, k));
      if (x.decidedOn < FREMMEDSPRAK_INSTRUKS)
        because.push(f("fremmedsprak-before-instruks", "error", "7.5", `${k}: dispensasjonen bygger på instruks av 28.05.2020 og kan ikke være gitt ${x.decidedOn}.`, `${k}: the dispensation rests on the instruction of 28.05.2020 and cannot predate it (${x.decidedOn}).`, k, x.decidedOn));
      because.push(f("fremmedsprak", "info", "7.5", `${k}: dispensasjon fra vurdering med karakter i fremmedspråk — «Fritatt», FAM02; en eventuell eksamenskarakter strykes.`, `${k}: dispensation from grading in the foreign language — "Fritatt", FAM02; any exam grade is struck.`, k));
      return decision(entry(k, { standpunkt: "F", eksamen: null, ...withYear(y), fam: [use("FAM02", "7.5")] }), because);
    }

    case "laerekontrakt":
      /**
       * §9.5 "fører dere programfagene for vg1, vg2 og for noen vg3 fag i skole med omfang, fagkode og med «Fritatt» i
       * karakterrubrikken for standpunktkarakter … For hvert av disse programfagene fører dere FAM38". The caller checks
       * that the written exam is passed (vocational.ts `programfagInCompanyEntries`).
       */
      return decision(entry(k, { standpunkt: "F", ...withYear(ctx.examYear ?? y), fam: [use("FAM38", "9.5")] }), because);

    case "hoyereNiva":
      /**
       * §5.8 "I rubrikken for eksamenskarakter for fag på lavere nivå fører dere i slike tilfeller «Fritatt». I tillegg
       * fører dere FAM17 «Bestått fag høyere nivå». I rubrikken eksamensform fører dere stiplet linje." The lower level
       * "mister" its standpunkt; år = the year the highest level was taken.
       */
      return decision(entry(k, { standpunkt: null, eksamen: "F", examForm: null, ...withYear(y), fam: [use("FAM17", "5.8")] }), because);
  }
}

/** The date of Kunnskapsdepartementet's instruction behind §7.5. */
export const FREMMEDSPRAK_INSTRUKS: IsoDate = "2020-05-28";

/**
 * §7.4 "Voksne som får opplæring etter opplæringsloven kapittel 4A skal ikke ha kroppsøving. Det betyr at
 * kroppsøvingsfaget ikke skal stå på vitnemålet. På vitnemål for voksne fører dere VMM36".
 */
export function adultKroppsovingEntry(fagkode: string): Entry {
  return entry(fagkode, { omit: true, vmm: [use("VMM36", "7.4")], onlyOn: "vitnemal" });
}

// ---------------------------------------------------------------------------------------------------------------
// Approvals (§5.3, §7.6–7.10)
// ---------------------------------------------------------------------------------------------------------------

export interface ApprovalContext {
  /** The document date: picks FAM52 (from 2017) or the codes it replaced (§3.5). */
  on: IsoDate;
  /** The level of the line (§7.6: not vg3 from abroad). */
  level: Level;
  /** The grade the approved subject carries (§7.7, §7.9, §7.10 keep their grade). */
  grade?: Vurdering;
  /** §7.6: the subject was already passed with a standpunkt grade in Kunnskapsløftet — the grades are kept. */
  passedInKL?: boolean;
  /** §7.7/§7.9: a lower-level line (FAM17 under the FAM34 line) or a further KL subject of one Steiner subject. */
  secondary?: boolean;
  /** §7.10 exclusions: the subject is taken again as privatist. */
  retakenAsPrivatist?: boolean;
  /** Subject name for the §5.3 vedlegg text. */
  name?: string;
}

/**
 * The approval code by date (§3.5 "Erstattet av FAM52 fra 2017"): before 2017 FAM47 «Godkjent etter søknad» (Norway),
 * FAM15 «Bestått fag utland» (single subject abroad), FAM24/FAM25 «Bestått vg1/vg2 utland» (whole year abroad).
 */
export function approvalFamOn(on: IsoDate, a: Pick<Approval, "abroad" | "wholeYear">): string {
  if (on >= "2017-01-01") return "FAM52";
  if (a.abroad === true && a.wholeYear === "VG1") return "FAM24";
  if (a.abroad === true && a.wholeYear === "VG2") return "FAM25";
  if (a.abroad === true) return "FAM15";
  return "FAM47";
}

/** The line for an approval. R94 and pre-R94 approvals are in transitional.ts. */
export function approvalEntry(a: Approval, ctx: ApprovalContext): Decision<Entry> {
  const k = a.fagkode;
  const because: Finding[] = [];
  const info = (rule: string, ref: string, nb: string, en: string) => because.push(f(rule, "info", ref, nb, en, k, k));
  switch (a.kind) {
    case "soknad": {
      /**
       * §7.6 "For både enkeltfag og hele skoleår fører dere FAM52 «Godkjent etter søknad» og «Godkjent» i rubrikken for
       * standpunktkarakter. I rubrikken år fører dere i alle disse tilfellene det året opplæringen ble fullført i
       * utlandet." "Ordningen gjelder som hovedregel ikke for vg3." "Elever som søker godkjenning av fag bestått i
       * Kunnskapsløftet, beholder oppnådd standpunktkarakter og ev. eksamenskarakter".
       */
      if (a.abroad === true && (ctx.level === "VG3" || a.wholeYear === "VG3" || a.wholeYear === "VG4"))
        because.push(f("approval-vg3-abroad", "error", "7.6", `${k}: vg3 må gjennomføres og avsluttes i Norge for norsk vitnemål; opplæring på vg3 i utlandet kan ikke godkjennes.`, `${k}: vg3 must be completed in Norway for a Norwegian diploma; vg3 abroad cannot be approved.`, k, ctx.level));
      if (ctx.passedInKL === true) {
        info("approval-kl-kept", "7.6", `${k}: faget er bestått i Kunnskapsløftet — standpunkt- og eksamenskarakter beholdes.`, `${k}: passed in Kunnskapsløftet — the grades are kept.`);
        return decision(entry(k, { year: a.completed }), because);
      }
      const code = approvalFamOn(ctx.on, a);
      info("approval-soknad", "7.6", `${k}: godkjent etter søknad — «Godkjent» i standpunkt og ${code}; år ${formatHalfYear(a.completed)}.`, `${k}: approved on application — "Godkjent" and ${code}; year ${formatHalfYear(a.completed)}.`);
      return decision(entry(k, { standpunkt: "GK", year: a.completed, fam: [use(code, code === "FAM52" ? "7.6" : "3.5")] }), because);
    }
    case "realkompetanse": {
      /**
       * §5.3 whole subject: "Dere fører «Godkjent» i rubrikken for eksamenskarakter og FAM18 «Realkompetansevurdert».
       * Dere fyller rubrikken for standpunktkarakter og eksamensform med en stiplet linje." Part of a subject (only on
       * kompetansebevis): "Dere fører en stiplet linje i rubrikkene for standpunkt- og eksamenskarakter med FAM03 «Jf.
       * vedlegg». I vedlegget fører dere følgende: «Følgende deler av faget <FAGKODE><FAGNAVN> er godkjent etter
       * realkompetansevurdering:»". "i rubrikken «år» føre det året vurderingen ble foretatt."
       */
      if (a.partial === true) {
        info("realkompetanse-partial", "5.3", `${k}: deler av faget godkjent etter realkompetansevurdering — stiplet linje, FAM03 og vedlegg (bare kompetansebevis).`, `${k}: part of the subject approved by prior-learning assessment — dotted, FAM03 and vedlegg (kompetansebevis only).`);
        return decision(
          entry(k, {
            standpunkt: null,
            eksamen: null,
            year: a.completed,
            fam: [use("FAM03", "5.3")],
            vedlegg: [{ fagkode: k, code: "FAM03", text: `Følgende deler av faget ${k} ${ctx.name ?? ""}`.trimEnd() + " er godkjent etter realkompetansevurdering:", because: "5.3" }],
            onlyOn: "kompetansebevis",
          }),
          because,
        );
      }
      info("realkompetanse", "5.3", `${k}: godkjent etter realkompetansevurdering — «Godkjent» i eksamenskarakter, FAM18, stiplet standpunkt og eksamensform.`, `${k}: approved by prior-learning assessment — "Godkjent" in the exam cell, FAM18, dotted standpunkt and form.`);
      return decision(entry(k, { standpunkt: null, eksamen: "GK", examForm: null, year: a.completed, fam: [use("FAM18", "5.3")] }), because);
    }
    case "ungdomstrinn":
      /**
       * §7.7 "Faget føres da med karakter på vitnemålet/kompetansebeviset FAM34 «Fag tatt u.tr. § 1-15». I rubrikken år
       * fører dere det året faget ble tatt. På kompetansebeviset må det også føres programområdekode GSGSK0VG--. … I
       * slike tilfeller skal dere føre FAM34 … på høyeste nivå, og FAM17 «Bestått fag høyere nivå» på de underliggende
       * nivåene." (§1.2: the pupil keeps the right to a førstegangsvitnemål.)
       */
      if (ctx.secondary === true) {
        info("ungdomstrinn-lower", "7.7", `${k}: underliggende nivå av et fag tatt på ungdomstrinnet — FAM17.`, `${k}: lower level of a subject taken in lower secondary — FAM17.`);
        return decision(entry(k, { year: a.completed, fam: [use("FAM17", "7.7")] }), because);
      }
      info("ungdomstrinn", "7.7", `${k}: tatt på ungdomstrinnet — karakteren føres med FAM34, år ${formatHalfYear(a.completed)}; på kompetansebevis også programområde GSGSK0VG--.`, `${k}: taken in lower secondary — the grade with FAM34; on a kompetansebevis also programme area GSGSK0VG--.`);
      return decision(entry(k, { ...(ctx.grade !== undefined ? { standpunkt: ctx.grade } : {}), year: a.completed, fam: [use("FAM34", "7.7")] }), because);
    case "omvalg": {
      /**
       * §7.10 "Når en elev har fullført og bestått opplæringen i et fag, skal sluttvurderingen følge eleven helt frem til
       * vitnemål, med mindre eleven tar faget på nytt som privatist, har fått karakteren 1 eller IV eller har tatt faget
       * fra videregående mens han eller hun var elev på ungdomstrinnet. Dere skal føre faget med FAM57".
       */
      const excluded = ctx.retakenAsPrivatist === true ? "faget er tatt på nytt som privatist" : ctx.grade === 1 ? "karakteren er 1" : ctx.grade === "IV" ? "faget har IV" : undefined;
      if (excluded !== undefined) {
        because.push(f("omvalg-excluded", "error", "7.10", `${k}: FAM57 «Beholdt etter omvalg» kan ikke føres når ${excluded}.`, `${k}: FAM57 cannot be used when ${excluded === "karakteren er 1" ? "the grade is 1" : excluded === "faget har IV" ? "the subject has IV" : "it is retaken as privatist"}.`, k));
        return decision(entry(k, { year: a.completed }), because);
      }
      info("omvalg", "7.10", `${k}: sluttvurderingen følger eleven etter omvalg — FAM57 «Beholdt etter omvalg».`, `${k}: the final assessment follows the pupil after a change of programme — FAM57.`);
      return decision(entry(k, { year: a.completed, fam: [use("FAM57", "7.10")] }), because);
    }
    case "steiner": {
      /**
       * §7.9 "Når et fag tatt ved en steinerskole er godkjent, skal dere føre faget med ordinær fagkode i Kunnskapsløftet
       * og med fagmerknad FAM48: "Fag RS <fagkode>". … På ett av fagene i Kunnskapsløftet (faget på høyeste nivå) fører
       * dere karakteren … For de øvrige fagene … "Fritatt" i rubrikken for standpunktkarakter og FAM48".
       */
      if (a.originalCode === undefined)
        because.push(f("steiner-code", "error", "7.9", `${k}: FAM48 skal inneholde RS-fagkoden fra steinerskolen.`, `${k}: FAM48 must carry the Steiner school's RS code.`, k));
      const famUse = use("FAM48", "7.9", { fagkode: a.originalCode ?? "" });
      if (ctx.secondary === true) {
        info("steiner-secondary", "7.9", `${k}: ett fag fra steinerskolen tilsvarer flere fag — «Fritatt» og FAM48 på de øvrige.`, `${k}: one Steiner subject equals several — "Fritatt" and FAM48 on the others.`);
        return decision(entry(k, { standpunkt: "F", year: a.completed, fam: [famUse] }), because);
      }
      info("steiner", "7.9", `${k}: fag fra steinerskolen — ordinær fagkode, karakteren fra steinerskolen og FAM48 «Fag RS ${a.originalCode ?? ""}».`, `${k}: Steiner school subject — ordinary code, the Steiner grade and FAM48.`);
      return decision(entry(k, { ...(ctx.grade !== undefined ? { standpunkt: ctx.grade } : {}), year: a.completed, fam: [famUse] }), because);
    }
    case "r94":
    case "forR94":
      because.push(f("approval-transitional", "error", "13", `${k}: godkjenning fra R94 eller ordninger før R94 føres etter overgangsreglene (transitional.ts).`, `${k}: R94 and pre-R94 approvals follow the transitional rules (transitional.ts).`, k));
      return decision(entry(k), because);
  }
}

/**
 * §7.6 "Ved godkjenning av et helt opplæringsår i utlandet, skal de resterende fagene fra utlandet føres samlet på vg1
 * og/eller vg2 som uspesifiserte programfag, kode UPF9xxx. Omfanget setter dere lokalt ut fra differansen mellom totalt
 * årstimetall på vg1 og/eller vg2 og fagene det er ført separat godkjent for."
 */
export function wholeYearUpfOmfang(totalYearHours: number, separatelyApprovedHours: readonly number[]): Decision<number> {
  const rest = totalYearHours - separatelyApprovedHours.reduce((a, b) => a + b, 0);
  if (rest < 0)
    return decision(0, [f("whole-year-negative", "error", "7.6", `Fagene som er godkjent separat (${totalYearHours - rest} timer) overstiger årstimetallet (${totalYearHours}).`, `Separately approved subjects exceed the year's hours.`, "omfang", rest)]);
  return decision(rest, [f("whole-year-upf", "info", "7.6", `Resten av opplæringsåret føres samlet som UPF9xxx med ${rest} timer.`, `The rest of the year goes on UPF9xxx with ${rest} hours.`, "omfang", rest)]);
}

/**
 * §7.8 "Elever som har fullført opplæring i et fremmedspråk i grunnskolen og som begynner med et nytt fremmedspråk i
 * videregående opplæring, skal følge læreplanen for fremmedspråk fellesfag, nivå I. Elever som har fått IV i et
 * fremmedspråk fra grunnskolen, regnes også som at de har fullført … I tillegg til karakter … fører dere FAM46
 * «Fullført <fagkode> u.tr.»" (FAM46 "Gjelder fra og med våren 2013", checked by the merknad table's validity).
 */
export function lowerSecondaryLanguageEntry(fagkode: string, lowerSecondaryLanguageCode: string): Entry {
  return entry(fagkode, { fam: [use("FAM46", "7.8", { fagkode: lowerSecondaryLanguageCode })] });
}

/**
 * §7.8 "Uttelling av timer for privatister": a candidate with a standpunkt grade in the foreign language as elev (or who
 * did not use a særskilt/ny exam after grade 1) keeps the elev's hours ("Hvis vedkommende hadde fellesfaget fremmedspråk
 * i tre år (I +II), er omfanget 365 timer"); "Dette vil ikke gjelde rene privatister og elever som har fått IV. De får
 * kun et omfang på 225 timer".
 */
export function privatistLanguageOmfang(p: { elevStandpunkt?: Vurdering; elevOmfang?: number }): Decision<number> {
  const keeps = p.elevStandpunkt !== undefined && p.elevStandpunkt !== "IV" && p.elevOmfang !== undefined;
  const omfang = keeps ? (p.elevOmfang ?? 225) : 225;
  return decision(omfang, [
    f(
      keeps ? "privatist-language-elev-hours" : "privatist-language-225",
      "info",
      "7.8",
      keeps ? `Privatisten hadde standpunktkarakter som elev og får timetallet fra elevtiden: ${omfang} timer.` : "Ren privatist eller IV som elev: omfanget er 225 timer (nivå II).",
      keeps ? `The candidate had a standpunkt grade as a pupil and keeps those hours: ${omfang}.` : "Pure private candidate or IV as a pupil: 225 hours (level II).",
      "omfang",
      omfang,
    ),
  ]);
}

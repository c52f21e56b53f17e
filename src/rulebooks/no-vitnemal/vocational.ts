/**
 * Seed 003 §9 Yrkesfaglige utdanningsprogram: VMM31's date (§9.1), the § 3-42 exception FAM37 (§9.2, implemented
 * once in pass.ts and wrapped here), kryssløp (§9.3, FAM12, KRO1015/KRO1016, GK + FAM52), yrkesfaglig fordypning
 * (§9.4, FAM03/FAM42/FAM43, YFF4190/YFF4290), programfag taught in the company (§9.5, FAM38, FAM01, VMM14), YSK (§9.6,
 * VMM28), skipselektrikere (§9.7), praksiskandidater and fagbrev på jobb (§9.8, FAM40/FAM55), praksisbrevprøve and
 * kompetanseprøve (§9.9, §9.10, VMM23, VMM26) and læretid not completed (§9.11, VMM29).
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { ymd, type IsoDate } from "../../kernel/time/date.ts";
import type { HalfYear } from "../../kernel/time/half-year.ts";
import { formatNorwegianDate, vmFinding } from "./cite.ts";
import { vurderingPassed } from "./codes/grades.ts";
import { udirDecisionEntries } from "./dispensations.ts";
import { entry, use, type Entry } from "./entry.ts";
import type { ApprenticeshipContract, IssuedDocumentKind, Level, Status, SubjectResult, UdirDecision, Vurdering } from "./model.ts";
import { section342Exception } from "./pass.ts";

const f = (rule: string, severity: Finding["severity"], ref: string, nb: string, en: string, subject?: string, value?: Finding["value"]) =>
  vmFinding(`vocational.${rule}`, severity, ref, nb, en, subject, value);

// ---------------------------------------------------------------------------------------------------------------
// §9.1 VMM31
// ---------------------------------------------------------------------------------------------------------------

/**
 * §9.1 "Fullført og bestått fagopplæring … forutsetter både at læretid er fullført og at fag-/svenneprøve er bestått.
 * Dato for når dette er oppfylt kan være både dato for lærekontraktens utløp eller dato for når fag- og svenneprøve er
 * bestått alt ettersom hva som kommer først og sist. Dette angir dere som egen vitnemålsmerknad, VMM31 «Bestått
 * fagopplæring <dd.mm.åååå>»." The date is the later of the two: the day both conditions hold.
 */
export function vmm31(c: ApprenticeshipContract): Decision<Entry | null> {
  const test = c.finalTest;
  const passed = test?.result !== undefined && vurderingPassed(test.result) && test.passedOn !== undefined;
  if (c.end === undefined || !passed || test?.passedOn === undefined) {
    return decision(null, [
      f(
        "vmm31-not-yet",
        "info",
        "9.1",
        `Fagopplæringen i ${c.fagName} er ikke fullført og bestått (${c.end === undefined ? "læretiden er ikke fullført" : "fag-/svenneprøven er ikke bestått"}): VMM31 føres ikke.`,
        `The apprenticeship in ${c.fagName} is not completed and passed (${c.end === undefined ? "training period not completed" : "final test not passed"}): no VMM31.`,
        "contracts",
      ),
    ]);
  }
  if (c.cancelled !== undefined)
    return decision(null, [f("vmm31-cancelled", "error", "9.1", "Kontrakten er hevet; læretiden er ikke fullført og VMM31 kan ikke føres (se 9.11, VMM29).", "The contract was cancelled; no VMM31 (see 9.11, VMM29).", "contracts", c.cancelled)]);
  const date = c.end > test.passedOn ? c.end : test.passedOn;
  const dato = formatNorwegianDate(date);
  return decision(entry("", { vmm: [use("VMM31", "9.1", { dato })] }), [
    f(
      "vmm31",
      "info",
      "9.1",
      `Læretiden utløp ${formatNorwegianDate(c.end)} og prøven ble bestått ${formatNorwegianDate(test.passedOn)}: VMM31 «Bestått fagopplæring ${dato}» (det siste av de to).`,
      `Training ended ${c.end} and the test was passed ${test.passedOn}: VMM31 with ${dato} (the later of the two).`,
      "contracts",
      dato,
    ),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// §9.2 FAM37
// ---------------------------------------------------------------------------------------------------------------

/**
 * §9.2 "Elever og lærlinger i yrkesfaglige utdanningsprogram som har fullført, men ikke bestått inntil to av
 * fellesfagene, kan likevel på visse vilkår få vitnemål som gir yrkeskompetanse. … FAM37 … bare … i inntil to fellesfag
 * som har karakteren 1 (en). … norsk hovedmål skriftlig og norsk hovedmål muntlig (norskfaget) være ett fag. Dette
 * unntaket gjelder ikke for fag med «Ikke vurderingsgrunnlag» (IV)". The rule is the same as §1.5 and is implemented
 * once, in pass.ts `section342Exception`; this gives its FAM37 lines as entries.
 */
export function fam37Entries(subjects: readonly SubjectResult[], approved: readonly string[], opts: { document: IssuedDocumentKind; vocational: boolean }): Decision<Entry[]> {
  const d = section342Exception(subjects, approved, opts);
  return decision(
    d.value.fam.map((x) => entry(x.fagkode, { fam: [{ ...x.merknad, because: "9.2" }], onlyOn: "vitnemal" })),
    d.because,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// §9.3 kryssløp
// ---------------------------------------------------------------------------------------------------------------

/**
 * §9.3 "Vg1 blir «høyeste nivå» for opplæringen i fremmedspråk fellesfag for elever som … går (godkjente) kryssløp fra
 * vg1 studieforberedende utdanningsprogram til vg2 yrkesfaglige programområder. Dette fører dere på dokumentasjonen med
 * språkets fagkode, omfang for vg1, stiplet linje i rubrikken for standpunkt- og eksamenskarakter og FAM12 «Karakter
 * føres ikke». … Eleven må ha hatt en halvårsvurdering med karakter … Det er ikke et krav om at dette må være en bestått
 * karakter, men elever med «Ikke vurderingsgrunnlag» (IV) kan ikke få ført faget med FAM12. I rubrikken år skal det stå
 * det året opplæringen i faget ble avsluttet." (The same for «Treningslære 1».)
 */
export function crossoverFam12Entry(fagkode: string, halvar: Vurdering | null | undefined, ended: HalfYear, vg1Omfang?: number): Decision<Entry> {
  const ok = typeof halvar === "number";
  if (!ok)
    return decision(entry(fagkode, { year: ended }), [
      f("fam12-no-halvar", "error", "9.3", `${fagkode}: FAM12 ved kryssløp krever halvårsvurdering med karakter (${halvar === "IV" ? "IV kan ikke føres med FAM12" : "mangler"}).`, `${fagkode}: FAM12 after a crossover needs a half-year grade (${halvar === "IV" ? "IV is excluded" : "missing"}).`, fagkode, halvar ?? null),
    ]);
  return decision(entry(fagkode, { standpunkt: null, eksamen: null, year: ended, ...(vg1Omfang !== undefined ? { omfang: vg1Omfang } : {}), fam: [use("FAM12", "9.3")] }), [
    f("fam12", "info", "9.3", `${fagkode}: kryssløp — vg1 er høyeste nivå: omfang for vg1, stiplet linje og FAM12 «Karakter føres ikke».`, `${fagkode}: crossover — vg1 is the highest level: vg1 hours, dotted cells and FAM12.`, fagkode),
  ]);
}

/**
 * §9.3 "For elever som har gått vg1 musikk, dans og drama eller vg1 idrettsfag, og som går kryssløp, skal dere føre
 * 56-timersfaget … KRO1015. Dersom eleven etter kryssløp … tar påbygg til generell studiekompetanse har eleven bare 112
 * timer kroppsøving, og dere fører da fagkoden KRO1016."
 */
export function crossoverKroppsovingCode(pabygg: boolean): { fagkode: "KRO1015" | "KRO1016"; omfang: 56 | 112 } {
  return pabygg ? { fagkode: "KRO1016", omfang: 112 } : { fagkode: "KRO1015", omfang: 56 };
}

/**
 * §9.3 "Elever som går et godkjent kryssløp, kan likevel få norskfaget godkjent som likeverdig … dersom faget har
 * bestått halvårsvurdering fra vg1. … I slike tilfeller fører dere fagkoden for yrkesfagelever med vurderingsuttrykket GK
 * og FAM52 «Godkjent etter søknad»." (Also samisk and tegnspråk, and omvalg to a vocational course.)
 */
export function crossoverNorskEntry(vocationalFagkode: string, vg1Halvar: Vurdering | null | undefined, year: HalfYear): Decision<Entry> {
  const passed = vg1Halvar !== null && vg1Halvar !== undefined && vurderingPassed(vg1Halvar);
  if (!passed)
    return decision(entry(vocationalFagkode), [
      f("norsk-gk-not-passed", "error", "9.3", `${vocationalFagkode}: norskfaget kan bare godkjennes som likeverdig når halvårsvurderingen fra vg1 er bestått.`, `${vocationalFagkode}: norsk can be approved only with a passed vg1 half-year grade.`, vocationalFagkode, vg1Halvar ?? null),
    ]);
  return decision(entry(vocationalFagkode, { standpunkt: "GK", year, fam: [use("FAM52", "9.3")] }), [
    f("norsk-gk", "info", "9.3", `${vocationalFagkode}: norskfaget godkjent etter kryssløp — GK og FAM52.`, `${vocationalFagkode}: norsk approved after crossover — GK and FAM52.`, vocationalFagkode),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// §9.4 yrkesfaglig fordypning
// ---------------------------------------------------------------------------------------------------------------

export interface YffInput {
  fagkode: string;
  document: IssuedDocumentKind;
  status: Status;
  /** The year the fylkeskommune approved the practice (privatister, §9.4; practice candidates, §9.8). */
  praksisApproved?: HalfYear;
  /** The YFF belongs to a second programme area on the same level (omvalg): its code and level. */
  secondProgrammeArea?: { code: string; name?: string; level: Level };
}

/**
 * §9.4 "Dere fører i tillegg på kompetansebevis FAM03 «Jf. vedlegg». Vedlegget skal inneholde den lokale læreplanen i
 * yrkesfaglig fordypning. … Dere skal ikke føre slik fagmerknad og ha slike vedlegg når dere fører vitnemål." "For
 * privatister skal dere føre «Fritatt» i rubrikken for eksamenskarakter og FAM43 «Fritatt fra fag». I rubrikken for
 * eksamensform fører dere stiplet linje, og i rubrikken år fører dere det året praksisen ble godkjent". For a second
 * programme area on the same level: "FAM42 «Gjelder <Programområdekode>» og fagkode YFF4190 dersom dette gjelder vg1,
 * eller fagkode YFF4290 dersom det gjelder vg2. Dere kan ikke benytte FAM03 … På vitnemål skal dere føre VMM32".
 */
export function yffEntry(y: YffInput): Decision<Entry> {
  const because: Finding[] = [];
  if (y.secondProgrammeArea !== undefined) {
    const lvl = y.secondProgrammeArea.level;
    const code = lvl === "VG1" ? "YFF4190" : lvl === "VG2" ? "YFF4290" : undefined;
    if (code === undefined) {
      because.push(f("yff-second-level", "error", "9.4", `YFF for et annet programområde kan bare føres med YFF4190 (vg1) eller YFF4290 (vg2), ikke ${lvl}.`, `YFF of a second programme area exists only as YFF4190 (vg1) or YFF4290 (vg2), not ${lvl}.`, y.fagkode, lvl));
      return decision(entry(y.fagkode), because);
    }
    const e = entry(code, { fam: [use("FAM42", "9.4", { programomradekode: y.secondProgrammeArea.code })] });
    if (y.document === "vitnemal")
      e.vmm.push(use("VMM32", "9.4", { programomrade: `${y.secondProgrammeArea.code}${y.secondProgrammeArea.name !== undefined ? ` ${y.secondProgrammeArea.name}` : ""}` }));
    because.push(
      f("yff-second", "info", "9.4", `YFF for programområde ${y.secondProgrammeArea.code} føres med ${code} og FAM42 «Gjelder ${y.secondProgrammeArea.code}»${y.document === "vitnemal" ? " og VMM32" : ""}; omfanget settes lokalt og teller ikke i kravet til YFF for løpet.`, `YFF of programme area ${y.secondProgrammeArea.code}: ${code} with FAM42${y.document === "vitnemal" ? " and VMM32" : ""}; hours set locally, not counted towards the course's YFF.`, code),
    );
    return decision(e, because);
  }
  if (y.status === "privatist" || y.status === "praksiskandidat" || y.status === "fagbrevPaJobb") {
    if (y.praksisApproved === undefined)
      because.push(f("yff-privatist-year", "warning", "9.4", `${y.fagkode}: året praksisen ble godkjent av fylkeskommunen mangler (rubrikken år).`, `${y.fagkode}: the year the practice was approved is missing.`, y.fagkode));
    because.push(f("yff-privatist", "info", y.status === "privatist" ? "9.4" : "9.8", `${y.fagkode}: fritak fra yrkesfaglig fordypning på grunnlag av praksis — «Fritatt» i eksamenskarakter, FAM43, stiplet eksamensform.`, `${y.fagkode}: exempt from YFF on the basis of practice — "Fritatt" in the exam cell, FAM43, dotted form.`, y.fagkode));
    return decision(entry(y.fagkode, { eksamen: "F", examForm: null, ...(y.praksisApproved !== undefined ? { year: y.praksisApproved } : {}), fam: [use("FAM43", "9.4")] }), because);
  }
  if (y.document === "kompetansebevis")
    return decision(entry(y.fagkode, { fam: [use("FAM03", "9.4")], vedlegg: [{ fagkode: y.fagkode, code: "FAM03", text: "Lokal læreplan i yrkesfaglig fordypning", because: "9.4" }] }), [
      f("yff-kb", "info", "9.4", `${y.fagkode}: yrkesfaglig fordypning på kompetansebevis — FAM03 «Jf. vedlegg» med den lokale læreplanen som vedlegg.`, `${y.fagkode}: YFF on a kompetansebevis — FAM03 with the local curriculum attached.`, y.fagkode),
    ]);
  return decision(entry(y.fagkode), [f("yff-vm", "info", "9.4", `${y.fagkode}: yrkesfaglig fordypning på vitnemål — ingen fagmerknad og intet vedlegg.`, `${y.fagkode}: YFF on a vitnemål — no remark and no attachment.`, y.fagkode)]);
}

// ---------------------------------------------------------------------------------------------------------------
// §9.5 programfag in the company
// ---------------------------------------------------------------------------------------------------------------

export interface CompanyProgramfagInput {
  /** The vg1/vg2 (and some vg3) programfag the contract covers. */
  programfag: readonly string[];
  /** YFF codes of those years. */
  yff?: readonly string[];
  /** The kroppsøving code. */
  kroppsoving?: string;
  /** The centrally set written exam that replaces the programfag. */
  writtenExamPassed: boolean;
  examYear: HalfYear;
  contract: ApprenticeshipContract;
  /** The decision date (for VMM29's year when the test has not been taken). */
  on: IsoDate;
}

/**
 * §9.5 "Bestått eksamen fører dere … Når eksamen er bestått, fører dere programfagene … med «Fritatt» i
 * karakterrubrikken for standpunktkarakter … For hvert av disse programfagene fører dere FAM38". "Lærlinger med denne
 * type lærekontrakt er fritatt fra fagene kroppsøving og yrkesfaglig fordypning … For kroppsøving fører dere «Fritatt» …
 * og FAM01 … Fritak i yrkesfaglig fordypning fører dere på samme måte som programfagene. I rubrikken år fører dere … det
 * året som den sentralt gitte eksamenen ble avlagt." Not passed: "Dere kan bare føre fritak fra programfag når skriftlig
 * eksamen er bestått. Dersom eksamen ikke er bestått, skal dere i stedet føre på kompetansebeviset VMM14 … Dere skal da
 * også føre VMM29".
 */
export function programfagInCompanyEntries(i: CompanyProgramfagInput): Decision<Entry[]> {
  const because: Finding[] = [];
  const out: Entry[] = [];
  const year = i.examYear;
  if (i.kroppsoving !== undefined) out.push(entry(i.kroppsoving, { standpunkt: "F", year, fam: [use("FAM01", "9.5")] }));
  for (const k of i.yff ?? []) out.push(entry(k, { standpunkt: "F", year, fam: [use("FAM38", "9.5")] }));
  if (i.writtenExamPassed) {
    for (const k of i.programfag) out.push(entry(k, { standpunkt: "F", year, fam: [use("FAM38", "9.5")] }));
    because.push(f("company-programfag", "info", "9.5", `Programfagene (${i.programfag.join(", ")}) er gitt i bedrift og den sentralt gitte eksamenen er bestått: «Fritatt» og FAM38; kroppsøving «Fritatt» og FAM01.`, `Programme subjects taught in the company and the central exam passed: "Fritatt" and FAM38; PE "Fritatt" and FAM01.`, "programfag"));
    return decision(out, because);
  }
  const v29 = vmm29(i.contract, i.on);
  because.push(...v29.because);
  out.push(entry("", { vmm: [use("VMM14", "9.5"), ...(v29.value?.vmm ?? [])], onlyOn: "kompetansebevis" }));
  because.push(f("company-programfag-not-passed", "info", "9.5", "Den skriftlige eksamenen er ikke bestått: programfagene føres ikke som fritatt; kompetansebeviset får VMM14 og VMM29.", "The written exam is not passed: no exemption for the programme subjects; the kompetansebevis gets VMM14 and VMM29.", "programfag"));
  return decision(out, because);
}

// ---------------------------------------------------------------------------------------------------------------
// §9.6 YSK, §9.7 skipselektriker
// ---------------------------------------------------------------------------------------------------------------

/**
 * §9.6 "I tillegg fører dere vitnemålsmerknad VMM28 «Den fireårige opplæringen er gjennomført i nært samarbeid mellom
 * skole og bedrift etter modell for «YSK», jf. vedlegg.»" and "Dere må i tillegg søke om dispensasjon … dersom eleven
 * mangler kroppsøving (KRO1005) og føre dette med VMM 17-19."
 */
export function yskEntries(opts: { missingKroppsoving: boolean; dispensation?: UdirDecision }): Decision<Entry[]> {
  const because: Finding[] = [];
  const out: Entry[] = [entry("", { vmm: [use("VMM28", "9.6")], vedlegg: [{ code: "VMM28", text: "Beskrivelse av YSK-løpet (samarbeid skole og bedrift)", because: "9.6" }] })];
  if (opts.missingKroppsoving) {
    if (opts.dispensation === undefined)
      because.push(f("ysk-kroppsoving", "error", "9.6", "YSK-eleven mangler kroppsøving (KRO1005): det må søkes dispensasjon fra Utdanningsdirektoratet og føres VMM17–19.", "The YSK pupil lacks PE (KRO1005): an Udir dispensation (VMM17–19) is required.", "KRO1005"));
    else {
      const d = udirDecisionEntries({ ...opts.dispensation, fagkoder: [] });
      out.push(...d.value);
      because.push(...d.because);
    }
  }
  because.push(f("ysk", "info", "9.6", "YSK-løp: VMM28; vitnemålet angir både yrkeskompetanse og studiekompetanse.", "YSK course: VMM28; the diploma states both competences.", "ysk"));
  return decision(out, because);
}

/** §9.7 "For skipselektrikere fører dere VMM23 «Jf. vedlegg» … Dere lager så et vedlegg som dokumenterer at opplæringen er gjennomført og fagprøven avlagt i henhold til kravene." */
export function shipElectricianEntry(): Entry {
  return entry("", { vmm: [use("VMM23", "9.7")], vedlegg: [{ code: "VMM23", text: "Dokumentasjon av at opplæringen er gjennomført og fagprøven avlagt i henhold til kravene for skipselektriker", because: "9.7" }] });
}

// ---------------------------------------------------------------------------------------------------------------
// §9.8 praksiskandidater and fagbrev på jobb
// ---------------------------------------------------------------------------------------------------------------

/**
 * §9.8 "Praksiskandidater og kandidater for fagbrev på jobb kan få vitnemål med yrkeskompetanse dersom de i tillegg har
 * bestått fellesfagene … fører dere programfagene for vg1, vg2 og noen vg3 i skole med omfang, fagkode og med «Fritatt» i
 * karakterrubrikken for standpunktkarakter. For hvert av disse programfagene fører dere for praksiskandidater FAM40 «Jf.
 * oppl. § 3-5» og for kandidater for fagbrev på jobb FAM55 «Jf. oppl. § 4-1». I rubrikken år fører dere det året den
 * obligatoriske eksamenen er bestått." Without the fellesfag they get fag-/svennebrev with a kompetansebevis.
 */
export function practiceCandidateEntries(i: { status: "praksiskandidat" | "fagbrevPaJobb"; fellesfagPassed: boolean; programfag: readonly string[]; obligatoryExamPassed: HalfYear }): Decision<{ document: IssuedDocumentKind; entries: Entry[] }> {
  const code = i.status === "praksiskandidat" ? "FAM40" : "FAM55";
  if (!i.fellesfagPassed)
    return decision({ document: "kompetansebevis" as IssuedDocumentKind, entries: [] }, [
      f("practice-no-fellesfag", "info", "9.8", "Fellesfagene er ikke bestått: kandidaten får fag-/svennebrev sammen med kompetansebevis, ikke vitnemål; programfagene føres ikke som fritatt.", "Common subjects not passed: trade certificate with a kompetansebevis, no diploma; programme subjects are not entered as exempt.", "status", i.status),
    ]);
  return decision(
    { document: "vitnemal" as IssuedDocumentKind, entries: i.programfag.map((k) => entry(k, { standpunkt: "F", year: i.obligatoryExamPassed, fam: [use(code, "9.8")], onlyOn: "vitnemal" })) },
    [f("practice-vitnemal", "info", "9.8", `Fellesfagene er bestått: vitnemål med yrkeskompetanse; programfagene «Fritatt» med ${code}.`, `Common subjects passed: diploma with vocational competence; programme subjects "Fritatt" with ${code}.`, "status", i.status)],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// §9.9, §9.10 praksisbrevprøve and kompetanseprøve
// ---------------------------------------------------------------------------------------------------------------

/**
 * §9.9 "De som avslutter opplæringen som praksisbrevkandidat, får ikke vitnemål, men kompetansebevis. … FAM53
 * «Praksisbrevprøve». Dere fører VMM23 «Se vedlegg». Vedlegget vil være den lokale praksisbrevlæreplanen".
 * §9.10 "De som avslutter opplæringen som lærekandidat, får ikke vitnemål, men kompetansebevis. … FAM31
 * «Kompetanseprøve». Dere fører VMM23 «Se vedlegg» og i vedlegget fører dere opplæringsmålene som er fastsatt for
 * lærekandidaten." "Dersom en lærekandidat har mottatt spesialundervisning fører dere VMM26".
 * The FAM of the test line itself comes from exams.ts (§6.1); this gives the document merknader and the vedlegg.
 */
export function candidateTestDocumentEntry(kind: "praksisbrevprove" | "kompetanseprove", opts: { specialEducation?: boolean } = {}): Entry {
  const ref = kind === "praksisbrevprove" ? "9.9" : "9.10";
  const e = entry("", {
    vmm: [use("VMM23", ref)],
    vedlegg: [{ code: "VMM23", text: kind === "praksisbrevprove" ? "Lokal praksisbrevlæreplan i faget" : "Opplæringsmålene som er fastsatt for lærekandidaten", because: ref }],
    onlyOn: "kompetansebevis",
  });
  if (kind === "kompetanseprove" && opts.specialEducation === true) e.vmm.push(use("VMM26", "9.10"));
  return e;
}

// ---------------------------------------------------------------------------------------------------------------
// §9.11 VMM29
// ---------------------------------------------------------------------------------------------------------------

const ROLE: Record<ApprenticeshipContract["status"], string> = {
  laerling: "Lærlingen",
  praksisbrevkandidat: "Praksisbrevkandidaten",
  laerekandidat: "Lærekandidaten",
};

/** Whole months from a to b (a day-of-month not yet reached does not count). */
export function wholeMonthsBetween(a: IsoDate, b: IsoDate): number {
  const x = ymd(a);
  const y = ymd(b);
  const m = (y.y - x.y) * 12 + (y.m - x.m) - (y.d < x.d ? 1 : 0);
  return Math.max(0, m);
}

/**
 * §9.11 "Dersom lærekontrakten og opplæringskontrakten blir hevet fører dere på kompetansebeviset VMM29
 * «Lærlingen/praksisbrevkandidaten/lærekandidaten har i <åååå> gjennomført <antall> måneder av en fastsatt kontraktstid
 * på <antall> måneder i <navn faget>». … Dere fører på samme måte når læretiden er utløpt uten at lærlingen går opp til
 * fag-/svenneprøve. Gjennomført antall måneder og antall måneder fastsatt kontraktstid blir i slike tilfeller lik."
 * <åååå> is the year the contract was cancelled or expired; completed months are the contract's own figure, else the
 * whole months from the start to the cancellation.
 */
export function vmm29(c: ApprenticeshipContract, on: IsoDate): Decision<Entry | null> {
  const because: Finding[] = [];
  let months: number;
  let when: IsoDate;
  if (c.cancelled !== undefined) {
    when = c.cancelled;
    months = c.completedMonths ?? wholeMonthsBetween(c.start, c.cancelled);
  } else if (c.end !== undefined && c.end <= on && (c.finalTest?.passedOn === undefined || c.finalTest.result === undefined)) {
    when = c.end;
    months = c.contractMonths;
  } else {
    return decision(null, [f("vmm29-not-applicable", "info", "9.11", "Kontrakten er verken hevet eller utløpt uten prøve: VMM29 føres ikke.", "The contract is neither cancelled nor expired without a test: no VMM29.", "contracts")]);
  }
  if (months > c.contractMonths)
    because.push(f("vmm29-months", "error", "9.11", `Gjennomført ${months} måneder er mer enn kontraktstiden på ${c.contractMonths} måneder.`, `Completed ${months} months exceeds the contract's ${c.contractMonths}.`, "completedMonths", months));
  const params = { rolle: ROLE[c.status], aaaa: when.slice(0, 4), maneder: String(months), kontraktstid: String(c.contractMonths), fag: c.fagName };
  because.push(
    f("vmm29", "info", "9.11", `${params.rolle} har i ${params.aaaa} gjennomført ${months} måneder av en fastsatt kontraktstid på ${c.contractMonths} måneder i ${c.fagName} (VMM29); programområdet ${c.programmeArea} føres.`, `VMM29: ${months} of ${c.contractMonths} months in ${c.fagName} (${params.aaaa}); programme area ${c.programmeArea} is entered.`, "contracts", months),
  );
  return decision(entry("", { vmm: [use("VMM29", "9.11", params)], onlyOn: "kompetansebevis" }), because);
}

/**
 * §9.7 "Når elevene tar flytekniske fag på vg3, skal dere føre FLY3XXX. Når elevene tar avionikerfaget på vg3, skal dere
 * føre AVI3XXX. Selv om noen av våre fagkoder viser til den samme kompetansen i det internasjonale systemet, skal dere
 * likevel føre kode knyttet til programområde."
 */
export function checkAviationCode(fagkode: string, programme: "flytekniske" | "avioniker"): Finding[] {
  const prefix = programme === "avioniker" ? "AVI3" : "FLY3";
  if (fagkode.toUpperCase().startsWith(prefix)) return [];
  return [
    f(
      "aviation-code",
      "error",
      "9.7",
      `${fagkode}: ${programme === "avioniker" ? "avionikerfaget" : "flytekniske fag"} på vg3 føres med ${prefix}XXX-koder knyttet til programområdet, også når en annen kode viser samme kompetanse.`,
      `${fagkode}: ${programme} on vg3 takes the programme area's ${prefix}XXX codes, even where another code shows the same competence.`,
      fagkode,
      fagkode,
    ),
  ];
}

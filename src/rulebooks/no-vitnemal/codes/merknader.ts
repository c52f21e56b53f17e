/**
 * The fagmerknader (FAM, subject remarks) and vitnemålsmerknader (VMM, document remarks) of seed 003 §3 as data.
 *
 * Every row carries: the code, the printed text in bokmål exactly as the table gives it (placeholders written
 * `{name}`), the table's "Bruksområde" (use), on which document(s) it may stand (the "Gjelder for Vitnemål / Komp.bevis"
 * columns, or the table it sits in: §3.2 førstegangsvitnemål, §3.4 kompetansebevis only), its validity (§3.5 and §3.6
 * "utgått" dates, "gjelder fra og med") and the section it comes from. English is bevis's gloss for the explanation
 * screens, never printed (the seed gives no English or nynorsk texts).
 *
 * Where the seed's tables and its running text disagree on a text (e.g. VMM23 «Jf. vedlegg.» in §3.3 but «Se vedlegg»
 * in §3 and §9.9), the table wins; the choices are listed in docs/rulebooks/003-vitnemal.md.
 */
import { type Citation, type Validity } from "../../../kernel/law.ts";
import type { IsoDate } from "../../../kernel/time/date.ts";
import type { IssuedDocumentKind } from "../model.ts";
import { seed003 } from "../cite.ts";

export type MerknadKind = "FAM" | "VMM";

/** Which table of §3 a row comes from. */
export type MerknadTable =
  | "fagmerknad" // §3.1
  | "forstegangsvitnemal" // §3.2: only on a førstegangsvitnemål
  | "andre" // §3.3
  | "kompetansebevis" // §3.4: only on a kompetansebevis
  | "utgatt"; // §3.5 / §3.6: expired

export interface MerknadDef extends Validity {
  code: string;
  kind: MerknadKind;
  table: MerknadTable;
  /** The printed text (bokmål), placeholders as `{name}`. */
  nb: string;
  /** bevis's English gloss (not from the seed; not printed). */
  en: string;
  /** The table's "Bruksområde" (bokmål), when it has one. */
  use?: string;
  /** The documents the row may stand on. */
  documents: readonly IssuedDocumentKind[];
  /** A document the table marks in brackets "(X)": allowed only in the case the running text names (VMM32 §4.2). */
  conditional?: readonly IssuedDocumentKind[];
  /** Placeholders that must be filled. */
  params?: readonly string[];
  /** Codes that replace it after its expiry (§3.5 "Erstattet av FAM52 fra 2017"). */
  replacedBy?: string;
  /** A §3.2 merknad: stands only together with VMM06 «Førstegangsvitnemål» (§1.2). */
  requiresVmm06?: boolean;
  /** The seed's own limit on the subject the merknad is about (not the document date), e.g. FAM14, VMM25. */
  subjectLimit?: { completedBefore?: IsoDate; takenBy?: IsoDate; note: string };
  /** FAM42: "Kan bare føres sammen med fagkoden YFF4190 og YFF4290". */
  onlyWithFagkoder?: readonly string[];
  /** The comment column of §3.5, or the seed's other words on the row. */
  note?: string;
  cite: Citation;
}

const BOTH: readonly IssuedDocumentKind[] = ["vitnemal", "kompetansebevis"];
const VM: readonly IssuedDocumentKind[] = ["vitnemal"];
const KB: readonly IssuedDocumentKind[] = ["kompetansebevis"];

/** The day before Kunnskapsløftet's first school year; rows without a start are valid from the beginning of LK. */
export const LK_START: IsoDate = "2006-08-01";

// -------------------------------------------------------------------------------------------------------------------
// §3.1 Fagmerknader
// -------------------------------------------------------------------------------------------------------------------

const fam = (
  code: string,
  nb: string,
  en: string,
  documents: readonly IssuedDocumentKind[],
  use: string,
  extra: Partial<MerknadDef> = {},
): MerknadDef => ({ code, kind: "FAM", table: "fagmerknad", nb, en, use, documents, cite: seed003("3.1"), ...extra });

export const FAGMERKNADER: readonly MerknadDef[] = [
  fam("FAM01", "Fritatt fra opplæring", "Exempt from teaching", BOTH, "Brukes for de som er fritatt fra opplæring i et fag."),
  fam("FAM02", "Fritatt fra vurd. med kar.", "Exempt from assessment with grade", BOTH, "Brukes for de som er fritatt fra vurdering med karakter i et fag."),
  fam("FAM03", "Jf. vedlegg", "See attachment", BOTH, "Brukes for de som har et vedlegg til vitnemålet knyttet til et spesielt fag. Dere kan ved behov erstatte denne med VMM23."),
  fam("FAM04", "Eksamen annullert", "Exam annulled", BOTH, "Brukes for de som har fått eksamen annullert."),
  fam("FAM05", "Individuell opplæringsplan", "Individual education plan", KB, "Brukes når en elev har en individuell opplæringsplan med avvik fra ordinær læreplan i faget, slik at det ikke er grunnlag for vurdering med karakter (IV i standpunktkarakterrubrikk)."),
  fam("FAM12", "Karakter føres ikke", "Grade not entered", BOTH, "Brukes for elever som har avsluttet et fag i samsvar med tilbudsstrukturen, men læreplanen angir ikke at det kan settes standpunktkarakter."),
  fam("FAM13", "Fag R94 {fagkode}", "Reform 94 subject {fagkode}", BOTH, "Brukes for de som har fått godkjent et fag fra Reform 94 som tilsvarende et fag i Kunnskapsløftet.", { params: ["fagkode"] }),
  fam("FAM14", "Gjelder teoretisk del", "Applies to the theoretical part", BOTH, "Brukes for de som etter vedtak bare har karakter i teoretisk del av kroppsøvingsfaget. Gjelder bare de som har fullført kroppsøving før 01.08.2012.", {
    subjectLimit: { completedBefore: "2012-08-01", note: "Gjelder bare de som har fullført kroppsøving før 01.08.2012." },
  }),
  fam("FAM16", "Bestått fag {aaaa}", "Subject passed {aaaa}", BOTH, "Brukes for de som har fått godkjent et fag fra ordninger før R94 som tilsvarende et fag i Kunnskapsløftet.", { params: ["aaaa"] }),
  fam("FAM17", "Bestått fag høyere nivå", "Passed the subject at a higher level", BOTH, "Brukes for privatister som har fått fritak for dette nivået i faget fordi de har bestått høyere nivå i faget."),
  fam("FAM18", "Realkompetansevurdert", "Prior learning assessed", BOTH, "Brukes for de som er blitt realkompetansevurdert i faget."),
  fam("FAM19", "Utv. omf. i norsk", "Extended hours in Norwegian", BOTH, "Brukes for elever som går i tilrettelagt treårig løp for elever fra språklige minoriteter og som har utvidet omfang i norsk. Fagmerknaden gjelder for fagkodene NOR3001, NOR3002 og NOR3003.", {
    onlyWithFagkoder: ["NOR3001", "NOR3002", "NOR3003"],
  }),
  fam("FAM20", "Læreplan R94", "Reform 94 curriculum", BOTH, "Brukes for elever som har tatt norsk som andrespråk etter læreplan fra R94 (skal ikke brukes for overgangsordning for skriftlig eksamen i norsk som andrespråk)."),
  fam("FAM21", "Ikke vurderingsgrunnlag", "No basis for assessment", KB, "Brukes for elever som ikke får standpunktkarakter og halvårsvurdering på grunn av manglende grunnlag for vurdering i fag."),
  fam("FAM26", "Utv. omf. i engelsk", "Extended hours in English", BOTH, "Brukes for elever som går i tilrettelagt treårig løp for elever fra språklige minoriteter og som har utvidet omfang i engelsk. Fagmerknaden gjelder for fagkodene ENG3001, ENG3002 og ENG3003.", {
    onlyWithFagkoder: ["ENG3001", "ENG3002", "ENG3003"],
    note: "§10.1 writes «Utv. omf. i eng»; the table's text is used.",
  }),
  fam("FAM27", "Fagprøve", "Trade test", BOTH, "Brukes for å angi at fagkoden viser resultatet for fagprøve."),
  fam("FAM28", "Svenneprøve", "Journeyman test", BOTH, "Brukes for å angi at fagkoden viser resultatet for svenneprøve."),
  fam("FAM29", "Eksamen ikke avlagt", "Exam not taken", KB, "Brukes for elever som ikke møter til eksamen og ikke har dokumentert fravær. Brukes også ved bortvisning fra eksamen."),
  fam("FAM30", "Bestått VKI ØA R94", "Passed VKI ØA (Reform 94)", BOTH, "Brukes for faget geografi og historie i utdanningsprogram for studiespesialisering for de som har bedriftsøkonomi 1 fra R94."),
  fam("FAM31", "Kompetanseprøve", "Competence test", KB, "Brukes for lærekandidater for å angi at en fagkode gjelder avsluttende prøve for lærekandidater (i stedet for fag-/svenneprøve). Omfanget av prøven skal dere dokumentere i vedlegg til kompetansebeviset."),
  fam("FAM32", "Forsøk, jf. oppl. § 1-5", "Trial, cf. Education Act § 1-5", BOTH, "Brukes når Utdanningsdirektoratet har innvilget forsøk som har betydning for føringen av dokumentasjonen. Innvilgelsen skal i tillegg være vedlegg til dokumentasjonen."),
  fam("FAM33", "Kar. gitt som halvårsvurd.", "Grade given as half-year assessment", KB, "Brukes på kompetansebevis for fag der læreplanen ikke angir standpunktkarakter på årstrinnet."),
  fam("FAM34", "Fag tatt u.tr. § 1-15", "Subject taken in lower secondary, § 1-15", BOTH, "Brukes når et fag fra videregående er tatt på ungdomstrinnet."),
  fam("FAM35", "Jf. dispensasjon", "See dispensation", BOTH, "Brukes når Utdanningsdirektoratet har gitt en dispensasjon som dere kan knytte til et fag. I tillegg skal dere føre VMM17-19."),
  fam("FAM36", "Eksamen avlyst, jf. vedlegg", "Exam cancelled, see attachment", BOTH, "Brukes når eksamen er avlyst og dere kan knytte dette til et fag. I tillegg skal dere føre VMM17-19. Årsak til avlysningen skal framgå av vedlegget."),
  fam("FAM37", "Unntak § 3-42 forskr. oppl.", "Exception under regulation § 3-42", VM, "Brukes for de som ikke har bestått aktuelle fellesfag, men som har fått vedtak som likevel gir mulighet til å skrive ut vitnemål som gir yrkeskompetanse/bestått fagopplæring."),
  fam("FAM38", "Fritak std.pkt. kar.", "Exempt from standpunkt grade", BOTH, "Brukes for lærlinger som har lærekontrakt som omfatter opplæring i programfag som er fastsatt i fag- og timefordelingen for vg1, vg2 og for noen vg3 fag i skole.", {
    note: "§9.5 writes «Fritak fra stand.pkt. kar.»; the table's text is used.",
  }),
  fam("FAM39", "Dokumentert fravær", "Documented absence", KB, "Brukes for de som har dokumentert fravær ved eksamen, fag- og svenneprøven og praksisbrevprøven."),
  fam("FAM40", "Jf. oppl. § 3-5", "Cf. Education Act § 3-5", VM, "Brukes for praksiskandidater som får fritak fra vurdering i programfag når kandidatene også oppfyller kravene til fellesfag på vitnemålet."),
  fam("FAM41", "Språkoppl. {fagkoder}", "Language training {fagkoder}", KB, "Brukes for elever som ikke har vurderingsgrunnlag i norsk, men følger opplæring i grunnleggende norsk eller morsmål. Fagkoden som dere skal føre inn i merknaden, angir det trinn og nivå elevene var på når kompetansebeviset ble laget. Kan både være en eller to koder. Ved to fagkoder skiller dere disse med «/».", {
    params: ["fagkoder"],
    note: "The table row has no document columns; §10.2 says «Eleven kan da ikke få vitnemål, men får kompetansebevis», so kompetansebevis only. §10.2 writes «Språkopplæring. <…>»; the table's text is used.",
  }),
  fam("FAM42", "Gjelder {programomradekode}", "Applies to {programomradekode}", BOTH, "Brukes for elever som har flere programområder på samme nivå i yrkesfaglige utdanningsprogram og derfor har yrkesfaglig fordypning tilknyttet to forskjellige programområder. Kan bare føres sammen med fagkoden YFF4190 og YFF4290.", {
    params: ["programomradekode"],
    onlyWithFagkoder: ["YFF4190", "YFF4290"],
  }),
  fam("FAM43", "Fritatt fra fag", "Exempt from the subject", BOTH, "Brukes for voksne deltakere og privatister som er fritatt fra fag.", {
    note: "§7.4 writes «Fritatt for fag» for adults; the table's text is used.",
  }),
  fam("FAM46", "Fullført {fagkode} u.tr.", "Completed {fagkode} in lower secondary", BOTH, "Brukes for elever som har hatt fremmedspråk fellesfag, nivå I på ungdomstrinnet og fremmedspråk fellesfag, nivå I i et annet språk i videregående opplæring, jf. forskrift til opplæringsloven § 1-10. Gjelder fra og med våren 2013. Merknaden skal inneholde kode for språk tatt på ungdomstrinnet.", {
    params: ["fagkode"],
    validFrom: "2013-01-01",
    note: "«Gjelder fra og med våren 2013»: valid from 1 January 2013 (the first day of the spring half-year V2013).",
  }),
  fam("FAM48", "Fag RS {fagkode}", "Steiner school subject {fagkode}", BOTH, "Brukes for fag tatt ved steinerskole som er vurdert likeverdig med fag i LK06. Faget føres med ordinær fagkode i Kunnskapsløftet og FAM48.", { params: ["fagkode"] }),
  fam("FAM49", "Fag-/svenneprøven ikke avlagt", "Trade/journeyman test not taken", KB, "Brukes for lærlinger som har ikke- dokumentert fravær på fag-/svenneprøve."),
  fam("FAM50", "Kompetanseprøven ikke avlagt", "Competence test not taken", KB, "Brukes for lærekandidater som har ikke-dokumentert fravær på kompetanseprøven"),
  fam("FAM51", "Overskredet fraværsgrense", "Absence limit exceeded", KB, "Brukes for de elevene som har overskredet fraværsgrensen i faget, jf. forskrift til opplæringsloven § 3-9."),
  fam("FAM52", "Godkjent etter søknad", "Approved on application", BOTH, "Brukes for de som får godkjent enkeltfag/hele opplæringsår i utlandet og i Norge.", {
    validFrom: "2017-01-01",
    note: "§3.5: FAM15, FAM24, FAM25 and FAM47 «Erstattet av FAM52 fra 2017»: valid from 1 January 2017.",
  }),
  fam("FAM53", "Praksisbrevprøve", "Practice certificate test", KB, "Brukes for praksisbrevkandidater for å angi at en fagkode gjelder avsluttende prøve for praksisbrevkandidater (i stedet for fag-/svenneprøve)."),
  fam("FAM54", "Praksisbrevprøven ikke avlagt", "Practice certificate test not taken", KB, "Brukes for praksisbrevkandidater som har ikke dokumentert fravær på praksisbrevprøven"),
  fam("FAM55", "Jf. oppl. § 4-1", "Cf. Education Act § 4-1", VM, "Brukes for kandidater i ordningen fagbrev på jobb som får fritak fra programfagene når kandidatene også oppfyller kravene til fellesfag på vitnemålet."),
  fam("FAM56", "Fag-/svenneprøve annullert", "Trade/journeyman test annulled", KB, "Brukes for de som har fått fag-/svenneprøve annullert"),
  fam("FAM57", "Beholdt etter omvalg", "Kept after change of programme", VM, "Elever som har tatt et fellesfag tilhørende et annet utdanningsprogram, vil få det godkjent som likeverdige hvis de ikke vil ta faget på nytt.", {
    note: "The row has a single X, read as the Vitnemål column (§7.10: the final assessment follows the pupil «helt frem til vitnemål»).",
  }),
  fam("FAM58", "Vedtak fritak vurd.sidemål", "Decision: exempt from assessment in second written Norwegian", KB, "Brukes for de elevene som har fått fritak fra vurdering med karakter i skriftlig sidemål. Skal ikke brukes på vitnemål."),
  fam("FAM59", "Vedtak fritak oppl.sidemål", "Decision: exempt from teaching in second written Norwegian", KB, "Brukes for de elevene som har fritak fra opplæring i skriftlig sidemål. Skal ikke brukes på vitnemål."),
];

// -------------------------------------------------------------------------------------------------------------------
// §3.5 Utgåtte fagmerknader
// -------------------------------------------------------------------------------------------------------------------

const expiredFam = (code: string, nb: string, en: string, validTo: IsoDate, note: string, replacedBy?: string): MerknadDef => ({
  code,
  kind: "FAM",
  table: "utgatt",
  nb,
  en,
  documents: BOTH,
  validTo,
  note,
  ...(replacedBy !== undefined ? { replacedBy } : {}),
  cite: seed003("3.5"),
});

export const UTGATTE_FAGMERKNADER: readonly MerknadDef[] = [
  expiredFam("FAM15", "Bestått fag utland", "Subject passed abroad", "2016-12-31", "Erstattet av FAM52 fra 2017", "FAM52"),
  expiredFam("FAM22", "Betegnelse", "Designation", "2008-12-31", "PFO/YFF føres med FAM03 og har ikke rom for ekstra FAM.", "FAM03"),
  expiredFam("FAM24", "Bestått vg1 utland", "Vg1 passed abroad", "2016-12-31", "Erstattet av FAM52 fra 2017", "FAM52"),
  expiredFam("FAM25", "Bestått vg2 utland", "Vg2 passed abroad", "2016-12-31", "Erstattet av FAM52 fra 2017", "FAM52"),
  expiredFam("FAM47", "Godkjent etter søknad", "Approved on application", "2016-12-31", "Erstattet av FAM52 fra 2017", "FAM52"),
];

// -------------------------------------------------------------------------------------------------------------------
// §3.2 Vitnemålsmerknader som bare kan stå på førstegangsvitnemål
// -------------------------------------------------------------------------------------------------------------------

const first = (code: string, nb: string, en: string, extra: Partial<MerknadDef> = {}): MerknadDef => ({
  code,
  kind: "VMM",
  table: "forstegangsvitnemal",
  nb,
  en,
  documents: VM,
  requiresVmm06: code !== "VMM06",
  cite: seed003("3.2"),
  ...extra,
});

export const FORSTEGANGS_MERKNADER: readonly MerknadDef[] = [
  first("VMM06", "Førstegangsvitnemål", "First-time diploma"),
  first("VMM07", "Utvidet tid som følge av deltakelse i internasjonal utveksling som medfører tap av opplæringstid i løpet av et opplæringsår. Det samme gjelder utvidet tid grunnet gjennomføring av folkehøgskole eller verneplikt eller grunnet utføring av omsorgsarbeid i minst seks måneder av opplæringsåret.", "Extended time because of international exchange, folk high school, military service or care work of at least six months"),
  first("VMM08", "Utvidet tid som følge av omvalg, jf. opplæringsloven § 3-1 fjerde ledd.", "Extended time because of a change of programme (Education Act § 3-1 (4))"),
  first("VMM09", "Utvidet tid som følge av fravær på grunn av langvarig sykdom.", "Extended time because of absence from long-term illness"),
  first("VMM10", "Utvidet tid som følge av rett til ekstra opplæringstid etter reglene i opplæringsloven § 3-1 femte ledd.", "Extended time because of a right to extra teaching time (Education Act § 3-1 (5))"),
  first("VMM20", "Utvidet tid som følge av rett til utsatt eksamen, jf. forskriften § 3-32.", "Extended time because of a right to a postponed exam (§ 3-32)"),
  first("VMM21", "Utvidet tid som følge av rett til særskilt eksamen, jf. forskriften § 3-30.", "Extended time because of a right to a special exam (§ 3-30)"),
  first("VMM22", "Utvidet tid som følge av rett til ny eksamen, jf. forskriften §§ 3-33 og 3-34.", "Extended time because of a right to a new exam (§§ 3-33, 3-34)"),
  first("VMM24", "Opplæringsløp over fire år i kombinasjon med ordinær treårig videregående opplæring og idrettsutøving, jf. forskriften § 3-40 siste ledd.", "Four-year course combining ordinary upper secondary education with sport (§ 3-40)"),
];

// -------------------------------------------------------------------------------------------------------------------
// §3.3 Andre vitnemålsmerknader
// -------------------------------------------------------------------------------------------------------------------

const other = (code: string, nb: string, en: string, documents: readonly IssuedDocumentKind[], extra: Partial<MerknadDef> = {}): MerknadDef => ({
  code,
  kind: "VMM",
  table: "andre",
  nb,
  en,
  documents,
  cite: seed003("3.3"),
  ...extra,
});

const DISP_NOTE =
  "The text is the one Udir's decision gives; it must contain the date and the case number (§12.1), the case number's serial padded to 4 digits («2013/0999», §3.3).";

export const ANDRE_MERKNADER: readonly MerknadDef[] = [
  other("VMM11", "Eksamen avlyst, jf. vedlagte dokumentasjon.", "Exam cancelled, see attached documentation.", BOTH),
  other("VMM15", "Sum omfang, fravær, orden og atferd gjelder opplæring i skole.", "Total hours, absence, order and conduct refer to teaching in school.", BOTH),
  other("VMM16", "Årsak til fravær dokumentert i vedlegg.", "Reason for absence documented in attachment.", BOTH),
  other("VMM17", "{tekst}", "{text of Udir's dispensation}", BOTH, { params: ["tekst"], note: DISP_NOTE }),
  other("VMM18", "{tekst}", "{text of Udir's dispensation}", BOTH, { params: ["tekst"], note: DISP_NOTE }),
  other("VMM19", "{tekst}", "{text of Udir's dispensation}", BOTH, { params: ["tekst"], note: DISP_NOTE }),
  other("VMM23", "Jf. vedlegg.", "See attachment.", BOTH, {
    note: "§3 (one FAM per subject), §9.9 and §9.10 quote it as «Se vedlegg»; the §3.3 table's «Jf. vedlegg.» is printed.",
  }),
  other("VMM25", "Skriftlig eksamen i norsk hovedmål erstattes av eksamen i norsk som andrespråk NOR1049 (el NOR1045) iht. skriv fra Utdanningsdirektoratet.", "Written exam in Norwegian first language replaced by the exam in Norwegian as a second language NOR1049 (or NOR1045)", BOTH, {
    subjectLimit: { takenBy: "2018-12-31", note: "Dere kan bruke merknaden så lenge faget er tatt senest høsten 2018." },
  }),
  other("VMM28", "Den fireårige opplæringen er gjennomført i nært samarbeid mellom skole og bedrift etter modell for «YSK», jf. vedlegg.", "The four-year course was completed in close cooperation between school and company on the YSK model, see attachment.", BOTH),
  other("VMM31", "Bestått fagopplæring {dato}", "Vocational training passed {dato}", BOTH, { params: ["dato"] }),
  other("VMM32", "Det er tatt fag utover fastsatt minstekrav til timetall fra programområde {programomrade}.", "Subjects beyond the minimum hours have been taken from programme area {programomrade}.", VM, {
    params: ["programomrade"],
    conditional: KB,
    note: "Komp.-bevis is marked «(X)»: §4.2 «Dere kan også benytte VMM32 når et kompetansebevis viser et fullført, men ikke bestått løp».",
  }),
  other("VMM36", "Opplæring etter opplæringsloven § 4A-3.", "Teaching under Education Act § 4A-3.", VM),
  other("VMM39", "Eksamen avlyst for elever våren 2020 på grunn av koronavirus", "Exams cancelled for pupils in spring 2020 because of the coronavirus", BOTH),
  other("VMM40", "Eksamen avlyst for elever våren 2021 på grunn av koronavirus", "Exams cancelled for pupils in spring 2021 because of the coronavirus", BOTH),
  other("VMM41", "Eksamen avlyst for elever våren 2022 på grunn av koronavirus", "Exams cancelled for pupils in spring 2022 because of the coronavirus", BOTH),
  other("VMM42", "Dispensasjonsvedtak fra Utdanningsdirektoratet – eksamen 22.05.2023", "Dispensation from Udir – exam of 22.05.2023", BOTH, {
    cite: seed003("6.8"),
    note: "Named only in §6.8, missing from the §3.3 table; documents taken as both (the §6.8 case is any pupil's exam).",
  }),
];

// -------------------------------------------------------------------------------------------------------------------
// §3.4 Vitnemålsmerknader som bare kan stå på kompetansebevis
// -------------------------------------------------------------------------------------------------------------------

const kb = (code: string, nb: string, en: string, extra: Partial<MerknadDef> = {}): MerknadDef => ({
  code,
  kind: "VMM",
  table: "kompetansebevis",
  nb,
  en,
  documents: KB,
  cite: seed003("3.4"),
  ...extra,
});

export const KOMPETANSEBEVIS_MERKNADER: readonly MerknadDef[] = [
  kb("VMM14", "Opplæring i programfag inngår i lærekontrakten/opplæringskontrakten", "Teaching in programme subjects is part of the apprenticeship/training contract"),
  kb("VMM26", "Eleven har enkeltvedtak om spesialundervisning, jf. opplæringsloven § 5-1, og avvik fra Læreplanverket for Kunnskapsløftet i ett eller flere fag.", "The pupil has an individual decision on special education (§ 5-1) and deviations from the curriculum in one or more subjects."),
  kb("VMM27", "Der elevens individuelle opplæringsplan ikke gir grunnlag for standpunktkarakter etter Læreplanverket for Kunnskapsløftet, er dette markert med IV (ikke vurderingsgrunnlag) i standpunktkarakterrubrikken.", "Where the individual education plan gives no basis for a final grade, this is marked IV (no basis for assessment)."),
  kb("VMM29", "{rolle} har i {aaaa} gjennomført {maneder} måneder av en fastsatt kontraktstid på {kontraktstid} måneder i {fag}", "{role} completed {months} months of a contract of {contract} months in {trade} in {year}", {
    params: ["rolle", "aaaa", "maneder", "kontraktstid", "fag"],
    note: "The table writes «Lærlingen/Praksisbrevkandidaten/Lærekandidaten»: {rolle} is the one that applies.",
  }),
  kb("VMM33", "Eleven skal etter avtale med skolen ta fremmedspråk fellesfag som privatist innen {dato}.", "By agreement with the school the pupil will take the foreign language as a private candidate by {dato}.", { params: ["dato"] }),
  kb("VMM34", "Bestått fag- eller svenneprøve, men ikke bestått fellesfag. Kandidaten kvalifiserer ikke til fag- eller svennebrev og vitnemål, jf. forskrift til opplæringsloven § 3-48.", "Trade or journeyman test passed, but a common core subject not passed; no trade certificate or diploma (§ 3-48)."),
  kb("VMM38", "Bestått praksisbrevprøve, men ikke bestått fellesfag. Kandidaten kvalifiserer ikke til praksisbrev, jf. forskrift til opplæringsloven § 3-48.", "Practice certificate test passed, but a common core subject not passed; no practice certificate (§ 3-48)."),
];

// -------------------------------------------------------------------------------------------------------------------
// §3.6 Utgåtte vitnemålsmerknader
// -------------------------------------------------------------------------------------------------------------------

export const UTGATTE_VITNEMALSMERKNADER: readonly MerknadDef[] = [
  {
    code: "VMM12",
    kind: "VMM",
    table: "utgatt",
    nb: "Bestått yrkeskompetanse i henhold til forskrift til opplæringsloven.",
    en: "Vocational competence passed under the regulation to the Education Act.",
    documents: BOTH,
    validTo: "2010-12-31",
    cite: seed003("3.6"),
  },
];

/** Every row of §3 (and VMM42 of §6.8). */
export const MERKNADER: readonly MerknadDef[] = [
  ...FAGMERKNADER,
  ...UTGATTE_FAGMERKNADER,
  ...FORSTEGANGS_MERKNADER,
  ...ANDRE_MERKNADER,
  ...KOMPETANSEBEVIS_MERKNADER,
  ...UTGATTE_VITNEMALSMERKNADER,
];

/** All versions of a code (one today for every code; the table allows several dated versions). */
export function merknadVersions(code: string): MerknadDef[] {
  return MERKNADER.filter((m) => m.code === code);
}

/** The §1.2 extended-time VMMs that come in addition to VMM06: "VMM07-10, VMM20-22 eller VMM24". */
export const EXTENDED_TIME_VMM = ["VMM07", "VMM08", "VMM09", "VMM10", "VMM20", "VMM21", "VMM22", "VMM24"] as const;

/** The dispensation VMMs (§3.3, §12.1): "VMM17-19". */
export const DISPENSATION_VMM = ["VMM17", "VMM18", "VMM19"] as const;

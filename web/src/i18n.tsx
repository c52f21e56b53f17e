/**
 * Every text of the UI, in Danish (the default) and English. Finding messages come from the server in both languages
 * (`message.da` / `message.en`) and are picked by `findingText`.
 */
import { createContext, useContext } from "react";
import type { Finding, Texts } from "./api.ts";

export type UiLang = "da" | "en";

const da = {
  "app.name": "bevis",
  "app.tagline": "Resultater og indberetning",
  "app.skip": "Spring til indhold",
  "app.loading": "Indlæser …",
  "app.error": "Noget gik galt",
  "app.retry": "Prøv igen",
  "app.notFound": "Siden findes ikke.",

  "login.title": "Log ind",
  "login.intro": "Log ind med din bevis-konto for at registrere resultater og indberette til STIL.",
  "login.email": "E-mail",
  "login.password": "Adgangskode",
  "login.submit": "Log ind",
  "login.busy": "Logger ind …",
  "login.failed": "Forkert e-mail eller adgangskode.",

  "header.institution": "Institution",
  "header.language": "Sprog",
  "header.logout": "Log ud",
  "header.user": "Logget ind som",
  "nav.main": "Hovedmenu",
  "nav.modules": "Områder",

  "role.admin": "administrator",
  "role.leder": "leder",
  "role.ledelse": "ledelse",
  "role.tap": "TAP",
  "role.laerer": "lærer",
  "role.readonly": "kun læse",

  "list.title": "Kursusdeltagelser",
  "list.new": "Ny kursusdeltagelse",
  "list.filters": "Filtre",
  "list.q": "Søg (fagkode eller titel)",
  "list.fagkode": "Fagkode",
  "list.quarter": "Kvartal (slutdato)",
  "list.status": "Status",
  "list.findings": "Fund",
  "list.any": "Alle",
  "list.findings.error": "Med fejl",
  "list.findings.warning": "Med advarsler",
  "list.findings.none": "Uden fund",
  "list.clear": "Nulstil filtre",
  "list.empty": "Ingen kursusdeltagelser matcher filtrene.",
  "list.count": "{from}–{to} af {total}",
  "list.prev": "Forrige",
  "list.next": "Næste",
  "list.paging": "Sider",
  "list.col.cpr": "CPR",
  "list.col.goal": "AMU-mål",
  "list.col.period": "Periode",
  "list.col.status": "Status",
  "list.col.group": "Gruppe",
  "list.col.result": "Resultat",
  "list.col.findings": "Fund",
  "list.open": "Åbn kursusdeltagelse {fagkode} for {cpr}",
  "list.ok": "OK",
  "list.errors": "{n} fejl",
  "list.warnings": "{n} advarsler",
  "list.warning1": "1 advarsel",
  "list.summary": "Fund i dette udsnit",

  "status.ended": "Afsluttet",
  "status.not-ended": "Ikke afsluttet",
  "status.never-held": "Aldrig afholdt",
  "emergency.none": "Nej",
  "emergency.exam-omitted": "Prøven undladt (nødundervisning)",
  "emergency.exam-postponed": "Prøven udskudt (nødundervisning)",
  "group.1": "Gruppe 1 · prøvebelagt",
  "group.2": "Gruppe 2 · ikke prøvebelagt",
  "group.none": "Ingen gruppe",
  "group.short.1": "1",
  "group.short.2": "2",
  "ejRelevant": "Ej relevant",

  "form.newTitle": "Ny kursusdeltagelse",
  "form.editTitle": "Kursusdeltagelse {fagkode}",
  "form.back": "Tilbage til listen",
  "form.section.person": "Deltager og kursus",
  "form.section.course": "Forløb",
  "form.section.result": "Resultat",
  "form.section.special": "Særlige forhold",
  "form.cpr": "CPR-nummer",
  "form.cpr.hint": "10 cifre, uden bindestreg",
  "form.fagkode": "AMU-mål (fagkode)",
  "form.fagkode.choose": "Vælg AMU-mål …",
  "form.startDate": "Startdato",
  "form.endDate": "Slutdato",
  "form.status": "Status",
  "form.outsourcedTo": "Udliciteret til",
  "form.outsourcedTo.hint": "Udliciteringspartens institutionsnummer eller navn; tom hvis ikke udliciteret",
  "form.euEfteruddannelse": "Valgfrit modul på kvalifikationsuddannelse for chauffører (EU-efteruddannelse)",
  "form.industryCertificate": "Afsluttet med branche- eller myndighedsprøve (ikke UVM-prøve)",
  "form.emergencyTeaching": "Nødundervisning",
  "form.forloebId": "Samlet forløb (forløbs-id)",
  "form.forloebId.hint": "Flere kurser med én samlet prøve; hvert kursus får stadig sit eget resultat",
  "form.subCourses": "Delforløb (opsplittet undervisning)",
  "form.subCourses.hint": "Indberettes som ét forløb med det endelige resultat",
  "form.subCourses.add": "Tilføj delforløb",
  "form.subCourses.remove": "Fjern delforløb {n}",
  "form.subCourses.none": "Ingen delforløb.",
  "form.subCourse.start": "Delforløb {n}: start",
  "form.subCourse.end": "Delforløb {n}: slut",
  "form.resultatProevebelagt": "ResultatProevebelagt (gruppe 1)",
  "form.resultatIkkeProevebelagt": "ResultatIkkeProevebelagt (gruppe 2)",
  "form.result.none": "— intet resultat —",
  "form.result.notThisGroup": "Kursusdeltagelsen er i gruppe {group}: dette felt skal normalt være tomt.",
  "form.ejRelevant": "Prøveresultat: Ej relevant",
  "form.ikvCompetenceFagkoder": "IKV: fagkoder med demonstrerede kompetencer",
  "form.ikvCompetenceFagkoder.hint": "Kun for 40080/40081; adskil med komma",
  "form.writtenTaken": "Skriftlig prøve aflagt",
  "form.oralTaken": "Mundtlig prøve aflagt",
  "form.industryCertificateObtained": "Certifikat opnået",
  "form.notRecorded": "— ikke registreret —",
  "form.reason": "Begrundelse for rettelsen",
  "form.reason.hint": "Påkrævet. Gemmes i historikken sammen med dit navn og tidspunktet.",
  "form.reason.missing": "Skriv en begrundelse for rettelsen.",
  "form.save": "Gem",
  "form.create": "Opret",
  "form.saving": "Gemmer …",
  "form.saved": "Gemt som version {version}.",
  "form.created": "Kursusdeltagelsen er oprettet.",
  "form.readonly": "Du har kun læseadgang til kursusdeltagelser i denne institution.",
  "form.checking": "Kontrollerer …",
  "form.checkFailed": "Kontrollen kunne ikke køres.",
  "form.conflict.title": "En anden har ændret kursusdeltagelsen",
  "form.conflict.body": "Nogen har gemt en nyere version, mens du redigerede. Dine indtastninger er bevaret. Genindlæs for at se den nye version; dine ændrede felter beholdes.",
  "form.conflict.reload": "Genindlæs",
  "form.conflict.merged": "Version {version} er indlæst. Dine ændringer i {fields} er bevaret — kontrollér og gem igen.",
  "form.conflict.mergedNone": "Version {version} er indlæst.",
  "form.rejected": "Kursusdeltagelsen blev ikke gemt:",
  "form.shortcut": "Ctrl+S gemmer",
  "form.general": "Fund for hele kursusdeltagelsen",
  "form.noFindings": "Ingen fund — kursusdeltagelsen følger vejledningen.",
  "form.findingsSummary": "{errors} fejl, {warnings} advarsler",

  "decision.title": "Resultatgruppe",
  "decision.because": "Begrundelse",
  "decision.none": "Gruppen kan ikke afgøres endnu.",

  "history.title": "Historik",
  "history.version": "Version",
  "history.when": "Tidspunkt",
  "history.who": "Af",
  "history.why": "Begrundelse",
  "history.empty": "Ingen historik endnu.",
  "history.created": "Oprettet",

  "retakes.title": "Omprøver",
  "retakes.intro": "Omprøver registreres særskilt og overskriver aldrig resultatet af en tidligere prøve (afsnit 5).",
  "retakes.empty": "Ingen omprøver registreret.",
  "retakes.seq": "Nr.",
  "retakes.date": "Dato",
  "retakes.result": "Resultat",
  "retakes.written": "Skriftlig aflagt",
  "retakes.oral": "Mundtlig aflagt",
  "retakes.add": "Registrér omprøve",
  "retakes.added": "Omprøven er registreret.",
  "retakes.yes": "Ja",
  "retakes.no": "Nej",
  "retakes.unknown": "—",

  "finding.error": "Fejl",
  "finding.warning": "Advarsel",
  "finding.info": "Info",
  "finding.cite": "Kilde",

  "report.title": "Kvartalsindberetning til STIL",
  "report.quarter": "Kvartal",
  "report.preview": "Forhåndsvisning",
  "report.window": "Uploadvindue hos STIL",
  "report.window.text": "Indberetningen for {quarter} uploades {from}–{to}.",
  "report.window.open": "Åbent nu",
  "report.window.future": "Åbner om {days} dage",
  "report.window.past": "Lukket",
  "report.scope": "Omfang: kursusdeltagelser afsluttet {from}–{to} (kvartalerne {quarters}).",
  "report.rows": "Rækker i indberetningen",
  "report.rowsCount": "{n} rækker",
  "report.excluded": "Ikke med i indberetningen",
  "report.excluded.none": "Ingen kursusdeltagelser er udeladt.",
  "report.blocking": "Fejl der blokerer indberetningen",
  "report.blocking.intro": "Ret disse kursusdeltagelser, før indberetningen kan dannes:",
  "report.build": "Dan indberetning",
  "report.building": "Danner …",
  "report.built": "Indberetning nr. {number} for {quarter} er gemt.",
  "report.diff": "Ændringer siden forrige indberetning",
  "report.diff.new": "Nye",
  "report.diff.changed": "Ændrede",
  "report.diff.unchanged": "Uændrede",
  "report.diff.removed": "Fjernede",
  "report.diff.fields": "Ændrede felter",
  "report.diff.leftWindow": "uden for det rullende vindue",
  "report.diff.showAll": "Vis uændrede",
  "report.downloads": "Filer",
  "report.download.csv": "Hent CSV-fil",
  "report.download.json": "Hent JSON-fil",
  "report.receipt.pdf": "Kvittering (PDF)",
  "report.receipt.html": "Kvittering (HTML)",
  "report.earlier": "Tidligere indberetninger",
  "report.earlier.empty": "Ingen indberetninger endnu.",
  "report.fix": "Ret kursusdeltagelsen",
  "report.col.cpr": "CPR",
  "report.col.fagkode": "Fagkode",
  "report.col.recordType": "Type",
  "report.col.seq": "Nr.",
  "report.col.startDate": "Start",
  "report.col.endDate": "Slut",
  "report.col.examDate": "Prøvedato",
  "report.col.resultGroup": "Gruppe",
  "report.col.ResultatProevebelagt": "ResultatProevebelagt",
  "report.col.ResultatIkkeProevebelagt": "ResultatIkkeProevebelagt",
  "report.col.ejRelevant": "Ej relevant",
  "report.col.euEfteruddannelse": "EU-efteruddannelse",
  "report.col.outsourcedTo": "Udliciteret til",
  "report.col.number": "Nr.",
  "report.col.quarter": "Kvartal",
  "report.col.created": "Dannet",
  "report.col.by": "Af",
  "report.col.rows": "Rækker",
  "report.col.changes": "Nye / ændrede / fjernede",
  "report.submission": "Indberetning nr. {number} · {quarter}",
  "report.submission.meta": "Dannet {when} af {who}",
  "report.back": "Til kvartalsindberetningen",
  "report.forbidden": "Du har ikke adgang til at danne indberetninger.",
  "report.participation": "Kursusdeltagelse",
  "report.reason": "Årsag",
  "report.latestEnded": "seneste afsluttede kvartal",
} as const;

export type TextKey = keyof typeof da;

const en: Record<TextKey, string> = {
  "app.name": "bevis",
  "app.tagline": "Results and reporting",
  "app.skip": "Skip to content",
  "app.loading": "Loading …",
  "app.error": "Something went wrong",
  "app.retry": "Try again",
  "app.notFound": "This page does not exist.",

  "login.title": "Log in",
  "login.intro": "Log in with your bevis account to register results and report to STIL.",
  "login.email": "E-mail",
  "login.password": "Password",
  "login.submit": "Log in",
  "login.busy": "Logging in …",
  "login.failed": "Wrong e-mail or password.",

  "header.institution": "Institution",
  "header.language": "Language",
  "header.logout": "Log out",
  "header.user": "Logged in as",
  "nav.main": "Main menu",
  "nav.modules": "Areas",

  "role.admin": "administrator",
  "role.leder": "manager",
  "role.ledelse": "management",
  "role.tap": "administrative staff",
  "role.laerer": "teacher",
  "role.readonly": "read only",

  "list.title": "Course participations",
  "list.new": "New participation",
  "list.filters": "Filters",
  "list.q": "Search (fagkode or title)",
  "list.fagkode": "Fagkode",
  "list.quarter": "Quarter (end date)",
  "list.status": "Status",
  "list.findings": "Findings",
  "list.any": "All",
  "list.findings.error": "With errors",
  "list.findings.warning": "With warnings",
  "list.findings.none": "Without findings",
  "list.clear": "Clear filters",
  "list.empty": "No participations match the filters.",
  "list.count": "{from}–{to} of {total}",
  "list.prev": "Previous",
  "list.next": "Next",
  "list.paging": "Pages",
  "list.col.cpr": "CPR",
  "list.col.goal": "AMU goal",
  "list.col.period": "Period",
  "list.col.status": "Status",
  "list.col.group": "Group",
  "list.col.result": "Result",
  "list.col.findings": "Findings",
  "list.open": "Open participation {fagkode} for {cpr}",
  "list.ok": "OK",
  "list.errors": "{n} errors",
  "list.warnings": "{n} warnings",
  "list.warning1": "1 warning",
  "list.summary": "Findings on this page",

  "status.ended": "Ended",
  "status.not-ended": "Not ended",
  "status.never-held": "Never held",
  "emergency.none": "No",
  "emergency.exam-omitted": "Exam omitted (emergency teaching)",
  "emergency.exam-postponed": "Exam postponed (emergency teaching)",
  "group.1": "Group 1 · with UVM test",
  "group.2": "Group 2 · without UVM test",
  "group.none": "No group",
  "group.short.1": "1",
  "group.short.2": "2",
  ejRelevant: "Not relevant",

  "form.newTitle": "New participation",
  "form.editTitle": "Participation {fagkode}",
  "form.back": "Back to the list",
  "form.section.person": "Participant and course",
  "form.section.course": "Course period",
  "form.section.result": "Result",
  "form.section.special": "Special circumstances",
  "form.cpr": "CPR number",
  "form.cpr.hint": "10 digits, no dash",
  "form.fagkode": "AMU goal (fagkode)",
  "form.fagkode.choose": "Choose an AMU goal …",
  "form.startDate": "Start date",
  "form.endDate": "End date",
  "form.status": "Status",
  "form.outsourcedTo": "Outsourced to",
  "form.outsourcedTo.hint": "Institution number or name of the outsourcing party; empty when not outsourced",
  "form.euEfteruddannelse": "Optional module of the drivers' qualification training (EU-efteruddannelse)",
  "form.industryCertificate": "Ended with an industry or authority test (not a UVM test)",
  "form.emergencyTeaching": "Emergency teaching",
  "form.forloebId": "Combined course (forløb id)",
  "form.forloebId.hint": "Several courses with one combined exam; each course still gets its own result",
  "form.subCourses": "Sub-courses (split teaching)",
  "form.subCourses.hint": "Reported as one course with the final result",
  "form.subCourses.add": "Add sub-course",
  "form.subCourses.remove": "Remove sub-course {n}",
  "form.subCourses.none": "No sub-courses.",
  "form.subCourse.start": "Sub-course {n}: start",
  "form.subCourse.end": "Sub-course {n}: end",
  "form.resultatProevebelagt": "ResultatProevebelagt (group 1)",
  "form.resultatIkkeProevebelagt": "ResultatIkkeProevebelagt (group 2)",
  "form.result.none": "— no result —",
  "form.result.notThisGroup": "The participation is in group {group}: this field should normally be empty.",
  "form.ejRelevant": "Exam result: not relevant (Ej relevant)",
  "form.ikvCompetenceFagkoder": "IKV: fagkoder with demonstrated competence",
  "form.ikvCompetenceFagkoder.hint": "Only for 40080/40081; separate with commas",
  "form.writtenTaken": "Written exam taken",
  "form.oralTaken": "Oral exam taken",
  "form.industryCertificateObtained": "Certificate obtained",
  "form.notRecorded": "— not recorded —",
  "form.reason": "Reason for the correction",
  "form.reason.hint": "Required. Stored in the history with your name and the time.",
  "form.reason.missing": "Give a reason for the correction.",
  "form.save": "Save",
  "form.create": "Create",
  "form.saving": "Saving …",
  "form.saved": "Saved as version {version}.",
  "form.created": "The participation has been created.",
  "form.readonly": "You have read access only to participations in this institution.",
  "form.checking": "Checking …",
  "form.checkFailed": "The check could not run.",
  "form.conflict.title": "Someone else changed this participation",
  "form.conflict.body": "A newer version was saved while you were editing. Your input is kept. Reload to see the new version; the fields you changed are kept.",
  "form.conflict.reload": "Reload",
  "form.conflict.merged": "Version {version} loaded. Your changes to {fields} are kept — check them and save again.",
  "form.conflict.mergedNone": "Version {version} loaded.",
  "form.rejected": "The participation was not saved:",
  "form.shortcut": "Ctrl+S saves",
  "form.general": "Findings on the whole participation",
  "form.noFindings": "No findings — the participation follows the guide.",
  "form.findingsSummary": "{errors} errors, {warnings} warnings",

  "decision.title": "Result group",
  "decision.because": "Because",
  "decision.none": "The group cannot be decided yet.",

  "history.title": "History",
  "history.version": "Version",
  "history.when": "When",
  "history.who": "By",
  "history.why": "Reason",
  "history.empty": "No history yet.",
  "history.created": "Created",

  "retakes.title": "Retakes",
  "retakes.intro": "Retakes are recorded separately and never overwrite the result of an earlier exam (section 5).",
  "retakes.empty": "No retakes recorded.",
  "retakes.seq": "No.",
  "retakes.date": "Date",
  "retakes.result": "Result",
  "retakes.written": "Written taken",
  "retakes.oral": "Oral taken",
  "retakes.add": "Record retake",
  "retakes.added": "The retake has been recorded.",
  "retakes.yes": "Yes",
  "retakes.no": "No",
  "retakes.unknown": "—",

  "finding.error": "Error",
  "finding.warning": "Warning",
  "finding.info": "Info",
  "finding.cite": "Source",

  "report.title": "Quarterly report to STIL",
  "report.quarter": "Quarter",
  "report.preview": "Preview",
  "report.window": "STIL upload window",
  "report.window.text": "The report for {quarter} is uploaded {from}–{to}.",
  "report.window.open": "Open now",
  "report.window.future": "Opens in {days} days",
  "report.window.past": "Closed",
  "report.scope": "Scope: participations ended {from}–{to} (quarters {quarters}).",
  "report.rows": "Rows in the report",
  "report.rowsCount": "{n} rows",
  "report.excluded": "Not in the report",
  "report.excluded.none": "No participations are left out.",
  "report.blocking": "Errors blocking the report",
  "report.blocking.intro": "Correct these participations before the report can be built:",
  "report.build": "Build report",
  "report.building": "Building …",
  "report.built": "Report no. {number} for {quarter} has been stored.",
  "report.diff": "Changes since the previous report",
  "report.diff.new": "New",
  "report.diff.changed": "Changed",
  "report.diff.unchanged": "Unchanged",
  "report.diff.removed": "Removed",
  "report.diff.fields": "Changed fields",
  "report.diff.leftWindow": "left the rolling window",
  "report.diff.showAll": "Show unchanged",
  "report.downloads": "Files",
  "report.download.csv": "Download CSV file",
  "report.download.json": "Download JSON file",
  "report.receipt.pdf": "Receipt (PDF)",
  "report.receipt.html": "Receipt (HTML)",
  "report.earlier": "Earlier reports",
  "report.earlier.empty": "No reports yet.",
  "report.fix": "Correct the participation",
  "report.col.cpr": "CPR",
  "report.col.fagkode": "Fagkode",
  "report.col.recordType": "Type",
  "report.col.seq": "No.",
  "report.col.startDate": "Start",
  "report.col.endDate": "End",
  "report.col.examDate": "Exam date",
  "report.col.resultGroup": "Group",
  "report.col.ResultatProevebelagt": "ResultatProevebelagt",
  "report.col.ResultatIkkeProevebelagt": "ResultatIkkeProevebelagt",
  "report.col.ejRelevant": "Not relevant",
  "report.col.euEfteruddannelse": "EU-efteruddannelse",
  "report.col.outsourcedTo": "Outsourced to",
  "report.col.number": "No.",
  "report.col.quarter": "Quarter",
  "report.col.created": "Built",
  "report.col.by": "By",
  "report.col.rows": "Rows",
  "report.col.changes": "New / changed / removed",
  "report.submission": "Report no. {number} · {quarter}",
  "report.submission.meta": "Built {when} by {who}",
  "report.back": "To the quarterly report",
  "report.forbidden": "You are not allowed to build reports.",
  "report.participation": "Participation",
  "report.reason": "Reason",
  "report.latestEnded": "latest ended quarter",
};

/** Result categories: the seed's Danish words (Bilag 1 / Bilag 2, §3's numbering) and an English gloss. */
export const CATEGORIES: Record<"resultatProevebelagt" | "resultatIkkeProevebelagt", Record<number, Texts & { da: string }>> = {
  resultatProevebelagt: {
    1: { da: "Bevis opnået ved bestået prøve", en: "Certificate: passed the test" },
    2: { da: "Bevis opnået ved dispensation fra prøvedeltagelse", en: "Certificate: exempted from the test" },
    3: { da: "Bevis opnået ved individuel kompetencevurdering", en: "Certificate: individual competence assessment" },
    4: { da: "Bevis ikke opnået på grund af ikke-bestået prøve", en: "No certificate: failed the test" },
    5: { da: "Bevis ikke opnået på grund af afbrud eller udeblivelse", en: "No certificate: dropped out or absent" },
    6: { da: "Dispensation fra prøvedeltagelse uden bevisopnåelse", en: "Exempted from the test, no certificate" },
  },
  resultatIkkeProevebelagt: {
    1: { da: "Bevis opnået", en: "Certificate obtained" },
    2: { da: "Bevis opnået på baggrund af individuel kompetencevurdering", en: "Certificate: individual competence assessment" },
    3: { da: "Bevis ikke opnået på grund af manglende målopfyldning", en: "No certificate: goal not reached" },
    4: { da: "Bevis ikke opnået på grund af afbrud", en: "No certificate: dropped out" },
  },
};

export const DICTIONARY: Record<UiLang, Record<TextKey, string>> = { da, en };

export type T = (key: TextKey, vars?: Record<string, string | number>) => string;

export function translator(lang: UiLang): T {
  const dict = DICTIONARY[lang];
  return (key, vars) => {
    let s: string = dict[key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}

export interface I18n {
  lang: UiLang;
  t: T;
  setLang: (lang: UiLang) => void;
}

export const I18nContext = createContext<I18n>({ lang: "da", t: translator("da"), setLang: () => {} });
export const useI18n = (): I18n => useContext(I18nContext);

/** A server text in the chosen language, falling back to English. */
export function pick(texts: Texts | string | undefined, lang: UiLang): string {
  if (texts === undefined) return "";
  if (typeof texts === "string") return texts;
  return (lang === "da" ? texts.da : texts.en) ?? texts.en;
}

export const findingText = (f: Finding, lang: UiLang): string => pick(f.message, lang);

/** "seed 000 · 3.1" — the citation as people read it (the kernel's formatCitation, kept in step). */
export function citationText(f: Finding): string {
  return f.cite.seed === "reference" ? `reference · ${f.cite.ref}` : `seed ${f.cite.seed} · ${f.cite.ref}`;
}

export function categoryText(field: "resultatProevebelagt" | "resultatIkkeProevebelagt", code: number | null | undefined, lang: UiLang): string {
  if (code === null || code === undefined) return "";
  const c = CATEGORIES[field][code];
  return c ? `${code}) ${pick(c, lang)}` : String(code);
}

/** Dates as people read them: 15.10.2024 in Danish, 15 Oct 2024 in English. */
export function formatDate(iso: string | null | undefined, lang: UiLang): string {
  if (!iso) return "";
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(lang === "da" ? "da-DK" : "en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

export function formatDateTime(iso: string | null | undefined, lang: UiLang): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short" });
}

/**
 * A module's own dictionary (web/src/modules.tsx): `const t = useTexts(TEXTS)` where `TEXTS = { da: {…}, en: {…} }`
 * with the same keys. Missing keys show the key; `{name}` placeholders are filled from `vars`.
 */
export function useTexts<K extends string>(texts: Record<UiLang, Record<K, string>>): (key: K, vars?: Record<string, string | number>) => string {
  const { lang } = useI18n();
  const dict = texts[lang];
  return (key, vars) => {
    let s: string = dict[key] ?? key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, String(v));
    return s;
  };
}

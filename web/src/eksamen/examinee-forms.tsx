/**
 * The write side of the examinee page (/eksamen/examinees/:id): correcting the examinee (a new version with a reason,
 * optimistic concurrency: a stale version is a 409 shown as such, nothing merged), the version history, merit (§ 35,
 * stk. 2 — shown as the diploma shows it), special exam conditions (§ 19 — never on a diploma, § 35, stk. 3), cheating
 * cases (§ 20 — must/may/no expulsion; an expulsion voids the exam's grades and starts the § 20, stk. 4 retake rule)
 * and a leaver's prøvebevis/deltagerbevis (§ 37). Every decision is the server's (src/rulebooks/dk-eksamen/API.md);
 * the page shows its findings, a refusal's beside the field it concerns.
 */
import { useState, type FormEvent, type ReactNode } from "react";
import type { Session } from "../App.tsx";
import { ApiError, post, put, type Finding } from "../api.ts";
import { useSubmit } from "../forms.ts";
import { Banner, Field, FindingList, ProblemBanner } from "../components.tsx";
import { formatDate, formatDateTime, pick, useI18n, useTexts } from "../i18n.tsx";
import { AppealLink } from "./appeals.tsx";
import { EDUCATION_LABEL, PART_LABEL } from "./texts.ts";
import { API, SCALE, subjectName, today, useLoad, type DiplomaLineView, type DocumentCopy, type DocumentRow, type Exam, type Examinee, type ExamineeDetail, type Level, type Part, type Subject } from "./types.ts";

// ------------------------------------------------------------------------------------------------------ wire types

export type SpecialBasis = "mental" | "physical" | "similar-specific" | "none";
export type MisconductKind = "obtained-help" | "gave-help" | "unauthorised-aids" | "others-work" | "own-earlier-work" | "rules-breach";

/** API.md `SpecialConditionsRow` (§ 19). */
export interface SpecialConditionsRow {
  id: string;
  examineeId: string;
  examId: string;
  basis: SpecialBasis;
  conditions: string;
  decidedOn: string;
  findings: Finding[];
}

/** API.md `CheatingCaseRow` (§ 20). */
export interface CheatingCaseRow {
  id: string;
  examineeId: string;
  examId: string;
  misconduct: { kind: MisconductKind; when: "during" | "after"; confirmed?: boolean; couldAffectAssessment?: boolean };
  on: string;
  decision: "must" | "may" | "no";
  expelled: boolean;
  note: string | null;
  findings: Finding[];
}

/** `GET /examinees/:id` as API.md gives it (types.ts `ExamineeDetail` plus the § 19 and § 20 rows). */
export type ExamineeFull = ExamineeDetail & { specialConditions?: SpecialConditionsRow[]; cheatingCases?: CheatingCaseRow[] };

// ------------------------------------------------------------------------------------------------------------ texts

const da = {
  "edit.title": "Ret eksaminandens oplysninger",
  "edit.intro": "En rettelse gemmes som en ny version med begrundelse; de tidligere versioner bevares.",
  "edit.name": "Navn",
  "edit.education": "Uddannelse",
  "edit.coherent": "Sammenhængende uddannelse (ikke enkeltfag)",
  "edit.programmeStart": "Forløbets start",
  "edit.selfStudy": "Selvstuderende (§ 8)",
  "edit.leftOn": "Forladt uddannelsen den (§ 37)",
  "edit.leftOnHint": "Tom, hvis eksaminanden ikke har forladt uddannelsen.",
  "edit.repeatsYear": "Går klassen om",
  "edit.reason": "Begrundelse for rettelsen",
  "edit.save": "Gem ny version",
  "edit.saved": "Gemt som version {version}.",
  "edit.refused": "Ikke gemt — se fundene ved felterne.",
  "edit.conflictTitle": "En anden har gemt først",
  "edit.conflict": "Eksaminanden er ændret, siden du åbnede siden (du rettede version {sent}). Din rettelse er ikke gemt, og intet er flettet sammen. Hent den nye version og ret igen.",
  "edit.reload": "Hent den nye version",
  "history.title": "Versioner",
  "history.version": "Version",
  "history.when": "Tidspunkt",
  "history.who": "Af",
  "history.reason": "Begrundelse",
  "history.name": "Navn",
  "history.created": "oprettet",

  "merit.title": "Merit (§ 35, stk. 2)",
  "merit.none": "Ingen merit.",
  "merit.subject": "Fag",
  "merit.level": "Niveau",
  "merit.part": "Prøvedel",
  "merit.assessment": "Bedømmelse",
  "merit.source": "Grundlag (hvor prøven er aflagt / kompetencebevis)",
  "merit.date": "Dato",
  "merit.diploma": "På beviset",
  "merit.notOnDiploma": "ikke på beviset (se § 35-fundene under beviset)",
  "merit.noDiploma": "der kan endnu ikke udstedes et bevis (se fundene under beviset)",
  "merit.grade": "Karakter",
  "merit.certificate": "Kompetencebevis",
  "merit.add": "Registrér merit",
  "merit.added": "Merit registreret.",
  "merit.kind.passed": "»Bestået«",
  "merit.kind.approved": "»Godkendt«",
  "merit.kind.grade": "Karakter (7-trinsskala)",
  "merit.kind.competence-certificate": "Merit på grundlag af kompetencebevis",
  "merit.kind.none": "Ingen bedømmelse",
  "merit.chooseSubject": "Vælg fag …",

  "special.title": "Særlige prøvevilkår (§ 19)",
  "special.notOnDiploma": "Særlige prøvevilkår vises aldrig på et bevis (§ 35, stk. 3: »Beviset må ikke indeholde oplysninger om særlige prøvevilkår«).",
  "special.none": "Ingen afgørelser om særlige prøvevilkår.",
  "special.exam": "Prøve",
  "special.basis": "Grundlag",
  "special.necessary": "Nødvendigt for at ligestille eksaminanden med andre i prøvesituationen",
  "special.changesLevel": "Tilbuddet ændrer prøvens niveau",
  "special.conditions": "Vilkår (fx forlænget tid)",
  "special.decidedOn": "Afgjort den",
  "special.add": "Træf afgørelse",
  "special.added": "Afgørelsen om særlige prøvevilkår er gemt.",
  "special.refused": "Særlige prøvevilkår kan ikke tilbydes — se fundene ved felterne.",
  "special.basis.mental": "Psykisk funktionsnedsættelse",
  "special.basis.physical": "Fysisk funktionsnedsættelse",
  "special.basis.similar-specific": "Andre tilsvarende specifikke vanskeligheder",
  "special.basis.none": "Intet af disse",

  "cheating.title": "Eksamenssnyd og bortvisning (§ 20)",
  "cheating.none": "Ingen sager.",
  "cheating.exam": "Prøve",
  "cheating.kind": "Forhold",
  "cheating.when": "Opdaget",
  "cheating.confirmed": "Formodningen er bekræftet (stk. 2)",
  "cheating.couldAffect": "Har fået eller kunne få betydning for bedømmelsen (stk. 2)",
  "cheating.on": "Afgjort den",
  "cheating.expelled": "Eksaminanden bortvises fra prøven",
  "cheating.note": "Note",
  "cheating.add": "Registrér sagen",
  "cheating.added": "Sagen er registreret.",
  "cheating.refused": "Ikke gemt — se fundene.",
  "cheating.decision": "Reglen",
  "cheating.decision.must": "skal bortvises",
  "cheating.decision.may": "kan bortvises",
  "cheating.decision.no": "ingen bortvisning",
  "cheating.wasExpelled": "bortvist",
  "cheating.notExpelled": "ikke bortvist",
  "cheating.voided": "Bortfaldne karakterer (§ 20, stk. 4)",
  "cheating.when.during": "under prøven",
  "cheating.when.after": "efter prøven",
  "cheating.kind.obtained-help": "Skaffede sig uretmæssig hjælp",
  "cheating.kind.gave-help": "Gav en anden eksaminand uretmæssig hjælp",
  "cheating.kind.unauthorised-aids": "Benyttede ikke-tilladte hjælpemidler",
  "cheating.kind.others-work": "Udgav en andens arbejde for sit eget",
  "cheating.kind.own-earlier-work": "Brugte eget tidligere bedømt arbejde uden henvisning",
  "cheating.kind.rules-breach": "Overtrådte eksamensreglerne (§ 6, stk. 3 og 4)",

  "leaver.title": "Bevis ved afbrudt uddannelse (§ 37)",
  "leaver.intro": "Eksaminanden forlod uddannelsen {date}: prøvebevis for de aflagte prøver, deltagerbevis for de afsluttede fag, der ikke er udtrukket til prøve; standpunktskarakterer medtages (stk. 2).",
  "leaver.notLeft": "Beviser efter § 37 gives, når eksaminanden har forladt uddannelsen: angiv datoen under »Ret eksaminandens oplysninger«.",
  "leaver.kind": "Bevis",
  "leaver.copy": "Art",
  "leaver.on": "Udstedes den",
  "leaver.completed": "Afsluttede fag",
  "leaver.completedHint": "De fag, eksaminanden har afsluttet (deltagerbevis for dem, der ikke er udtrukket til prøve).",
  "leaver.noSubjects": "Eksaminanden har ingen fag registreret.",
  "leaver.signatoryName": "Underskriver (navn)",
  "leaver.signatoryTitle": "Underskriverens titel",
  "leaver.signatoryHint": "Tom: dig, »For institutionen«.",
  "leaver.issue": "Udsted",
  "leaver.issued": "{kind} nr. {number} er udstedt — se »Udstedte beviser«.",
  "leaver.refused": "Ikke udstedt — se fundene.",
  "leaver.kind.proevebevis": "Prøvebevis",
  "leaver.kind.deltagerbevis": "Deltagerbevis",
  "leaver.copy.original": "Original",
  "leaver.copy.copy": "Kopi (originalen bortkommet)",
  "leaver.copy.english-certified-copy": "Bekræftet engelsk kopi",
  "leaver.originalLost": "Originalen er bortkommet (§ 36, stk. 1)",
  "leaver.requested": "Eksaminanden har anmodet om det (§ 34, stk. 2)",

  none: "—",
  noLevel: "uden niveau",
  yes: "ja",
  no: "nej",
};
type Key = keyof typeof da;
const en: Record<Key, string> = {
  "edit.title": "Correct the examinee",
  "edit.intro": "A correction is saved as a new version with a reason; earlier versions are kept.",
  "edit.name": "Name",
  "edit.education": "Education",
  "edit.coherent": "Coherent programme (not single subjects)",
  "edit.programmeStart": "Programme start",
  "edit.selfStudy": "Self-study (§ 8)",
  "edit.leftOn": "Left the institution on (§ 37)",
  "edit.leftOnHint": "Empty if the examinee has not left.",
  "edit.repeatsYear": "Repeats the year",
  "edit.reason": "Reason for the correction",
  "edit.save": "Save new version",
  "edit.saved": "Saved as version {version}.",
  "edit.refused": "Not saved — see the findings beside the fields.",
  "edit.conflictTitle": "Someone else saved first",
  "edit.conflict": "The examinee was changed after you opened the page (you edited version {sent}). Your correction was not saved and nothing was merged. Load the new version and correct again.",
  "edit.reload": "Load the new version",
  "history.title": "Versions",
  "history.version": "Version",
  "history.when": "When",
  "history.who": "By",
  "history.reason": "Reason",
  "history.name": "Name",
  "history.created": "created",

  "merit.title": "Credit (merit, § 35, stk. 2)",
  "merit.none": "No credit.",
  "merit.subject": "Subject",
  "merit.level": "Level",
  "merit.part": "Part",
  "merit.assessment": "Assessment",
  "merit.source": "Basis (where the exam was taken / competence certificate)",
  "merit.date": "Date",
  "merit.diploma": "On the diploma",
  "merit.notOnDiploma": "not on the diploma (see the § 35 findings under the diploma)",
  "merit.noDiploma": "no diploma can be made yet (see the findings under the diploma)",
  "merit.grade": "Grade",
  "merit.certificate": "Competence certificate",
  "merit.add": "Record credit",
  "merit.added": "Credit recorded.",
  "merit.kind.passed": "»Bestået« (passed)",
  "merit.kind.approved": "»Godkendt« (approved)",
  "merit.kind.grade": "Grade (7-point scale)",
  "merit.kind.competence-certificate": "Credit on the basis of a competence certificate",
  "merit.kind.none": "No assessment",
  "merit.chooseSubject": "Choose a subject …",

  "special.title": "Special exam conditions (§ 19)",
  "special.notOnDiploma": "Special exam conditions are never shown on a diploma (§ 35, stk. 3: »Beviset må ikke indeholde oplysninger om særlige prøvevilkår«).",
  "special.none": "No decisions on special exam conditions.",
  "special.exam": "Exam",
  "special.basis": "Basis",
  "special.necessary": "Necessary to put the examinee on an equal footing with others in the exam",
  "special.changesLevel": "The offer changes the level of the exam",
  "special.conditions": "Conditions (e.g. extra time)",
  "special.decidedOn": "Decided on",
  "special.add": "Decide",
  "special.added": "The decision on special exam conditions is saved.",
  "special.refused": "Special exam conditions cannot be offered — see the findings beside the fields.",
  "special.basis.mental": "Mental disability",
  "special.basis.physical": "Physical disability",
  "special.basis.similar-specific": "Other similar specific difficulties",
  "special.basis.none": "None of these",

  "cheating.title": "Cheating and expulsion (§ 20)",
  "cheating.none": "No cases.",
  "cheating.exam": "Exam",
  "cheating.kind": "Conduct",
  "cheating.when": "Found",
  "cheating.confirmed": "The suspicion is confirmed (stk. 2)",
  "cheating.couldAffect": "It affected or could affect the assessment (stk. 2)",
  "cheating.on": "Decided on",
  "cheating.expelled": "The examinee is expelled from the exam",
  "cheating.note": "Note",
  "cheating.add": "Record the case",
  "cheating.added": "The case is recorded.",
  "cheating.refused": "Not saved — see the findings.",
  "cheating.decision": "The rule",
  "cheating.decision.must": "must be expelled",
  "cheating.decision.may": "may be expelled",
  "cheating.decision.no": "no expulsion",
  "cheating.wasExpelled": "expelled",
  "cheating.notExpelled": "not expelled",
  "cheating.voided": "Grades that lapsed (§ 20, stk. 4)",
  "cheating.when.during": "during the exam",
  "cheating.when.after": "after the exam",
  "cheating.kind.obtained-help": "Obtained unlawful help",
  "cheating.kind.gave-help": "Gave another examinee unlawful help",
  "cheating.kind.unauthorised-aids": "Used non-permitted aids",
  "cheating.kind.others-work": "Passed off another's work as their own",
  "cheating.kind.own-earlier-work": "Used their own earlier assessed work without reference",
  "cheating.kind.rules-breach": "Broke the exam rules (§ 6, stk. 3 and 4)",

  "leaver.title": "Leaver's certificate (§ 37)",
  "leaver.intro": "The examinee left on {date}: a prøvebevis for the exams taken, a deltagerbevis for the completed subjects not drawn for an exam; year grades are included (stk. 2).",
  "leaver.notLeft": "Certificates under § 37 are given once the examinee has left: enter the date under »Correct the examinee«.",
  "leaver.kind": "Certificate",
  "leaver.copy": "Kind",
  "leaver.on": "Issued on",
  "leaver.completed": "Completed subjects",
  "leaver.completedHint": "The subjects the examinee completed (a deltagerbevis for those not drawn for an exam).",
  "leaver.noSubjects": "The examinee has no subjects recorded.",
  "leaver.signatoryName": "Signatory (name)",
  "leaver.signatoryTitle": "Signatory's title",
  "leaver.signatoryHint": "Empty: you, »For institutionen«.",
  "leaver.issue": "Issue",
  "leaver.issued": "{kind} no. {number} is issued — see »Issued documents«.",
  "leaver.refused": "Not issued — see the findings.",
  "leaver.kind.proevebevis": "Prøvebevis (certificate of exams)",
  "leaver.kind.deltagerbevis": "Deltagerbevis (certificate of participation)",
  "leaver.copy.original": "Original",
  "leaver.copy.copy": "Copy (original lost)",
  "leaver.copy.english-certified-copy": "Certified English copy",
  "leaver.originalLost": "The original is lost (§ 36, stk. 1)",
  "leaver.requested": "The examinee asked for it (§ 34, stk. 2)",

  none: "—",
  noLevel: "no level",
  yes: "yes",
  no: "no",
};
const TEXTS = { da, en };
const useT = () => useTexts(TEXTS);

// ---------------------------------------------------------------------------------------------------------- helpers

const LEVELS: Level[] = ["A", "B", "C"];
const PARTS: Part[] = ["written", "oral", "practical", "combined"];
const MERIT_KINDS = ["passed", "approved", "grade", "competence-certificate", "none"] as const;
const BASES: SpecialBasis[] = ["mental", "physical", "similar-specific", "none"];
const MISCONDUCT: MisconductKind[] = ["obtained-help", "gave-help", "unauthorised-aids", "others-work", "own-earlier-work", "rules-breach"];
const COPIES: DocumentCopy[] = ["original", "copy", "english-certified-copy"];

/** Only a 422 is a refusal beside the fields here: a 409 is "someone else saved first" (the edit form shows it apart). */
const ONLY_422 = { findingStatuses: [422] } as const;

export const examLabel = (x: Exam, lang: "da" | "en") => `${subjectName(x.subject, lang)}${x.level ? ` ${x.level}` : ""}, ${pick(PART_LABEL[x.part], lang)} · ${formatDate(x.date, lang)}`;

/** The exams the examinee is registered for, plus any exam one of their grades is from (for §§ 19–20). */
export function examineeExams(d: ExamineeFull, exams: readonly Exam[]): Exam[] {
  const ids = new Set([...d.registrations.map((r) => r.examId), ...d.grades.map((g) => g.examId).filter((x): x is string => x !== null)]);
  return exams.filter((x) => ids.has(x.id));
}

function Check({ label, checked, onChange, testid, hint }: { label: string; checked: boolean; onChange: (v: boolean) => void; testid: string; hint?: ReactNode }) {
  return (
    <label className="inline-check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} data-testid={testid} /> {label}
      {hint}
    </label>
  );
}

// ------------------------------------------------------------------------------------------- edit + version history

const EDIT_FIELDS = ["name", "education", "coherent", "programmeStart", "selfStudy", "leftOn", "repeatsYear", "reason"] as const;

/**
 * Correct the examinee (API `PUT /examinees/:id` with the version the form was opened on and a required reason). A 409
 * (someone else saved a newer version) is shown as such with a reload button; nothing is merged.
 */
export function EditExamineeForm({ examinee, onSaved, onReload }: { examinee: Examinee; onSaved: () => void; onReload: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const initial = {
    name: examinee.name,
    education: examinee.education as string,
    coherent: examinee.coherent,
    programmeStart: examinee.programmeStart,
    selfStudy: examinee.selfStudy,
    leftOn: examinee.leftOn ?? "",
    repeatsYear: examinee.repeatsYear,
    reason: "",
  };
  const [form, setForm] = useState(initial);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const s = useSubmit(ONLY_422);
  const set = <K extends keyof typeof initial>(k: K, v: (typeof initial)[K]) => setForm({ ...form, [k]: v });
  const save = (e: FormEvent) => {
    e.preventDefault();
    setConflict(false);
    setSaved(null);
    void s.run(async () => {
      try {
        const x = await put<Examinee>(`${API}/examinees/${encodeURIComponent(examinee.id)}`, { ...form, leftOn: form.leftOn === "" ? null : form.leftOn, version: examinee.version });
        setSaved(x.version);
        onSaved();
      } catch (x) {
        if (x instanceof ApiError && x.status === 409) setConflict(true);
        else throw x;
      }
    });
  };
  return (
    <details className="card" data-testid="ek-edit" data-version={examinee.version}>
      <summary>
        <strong>{t("edit.title")}</strong>
      </summary>
      <form onSubmit={save} noValidate data-testid="ek-edit-form">
        <p className="small muted">{t("edit.intro")}</p>
        {conflict && (
          <Banner kind="warning" title={t("edit.conflictTitle")} testid="ek-edit-conflict">
            <p>{t("edit.conflict", { sent: examinee.version })}</p>
            <button type="button" className="secondary" onClick={onReload} data-testid="ek-edit-reload">
              {t("edit.reload")}
            </button>
          </Banner>
        )}
        <ProblemBanner error={s.err} />
        {s.findings.length > 0 && (
          <Banner kind="error" testid="ek-edit-refused">
            {t("edit.refused")}
          </Banner>
        )}
        <FindingList findings={s.rest(EDIT_FIELDS)} />
        <div className="grid">
          <Field name="name" label={t("edit.name")} findings={s.at("name")}>
            {({ id, describedBy, invalid }) => <input id={id} value={form.name} onChange={(e) => set("name", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-edit-name" />}
          </Field>
          <Field name="education" label={t("edit.education")} findings={s.at("education")}>
            {({ id, describedBy, invalid }) => (
              <select id={id} value={form.education} onChange={(e) => set("education", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-edit-education">
                {Object.entries(EDUCATION_LABEL).map(([code, label]) => (
                  <option key={code} value={code}>
                    {pick(label, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="programmeStart" label={t("edit.programmeStart")} findings={s.at("programmeStart")}>
            {({ id, describedBy, invalid }) => <input id={id} type="date" value={form.programmeStart} onChange={(e) => set("programmeStart", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-edit-start" />}
          </Field>
          <Field name="leftOn" label={t("edit.leftOn")} hint={t("edit.leftOnHint")} findings={s.at("leftOn")}>
            {({ id, describedBy, invalid }) => <input id={id} type="date" value={form.leftOn} onChange={(e) => set("leftOn", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-edit-left-on" />}
          </Field>
          <Field name="coherent" label={t("edit.coherent")} findings={s.at("coherent")}>
            {({ id }) => <input id={id} type="checkbox" checked={form.coherent} onChange={(e) => set("coherent", e.target.checked)} data-testid="ek-edit-coherent" />}
          </Field>
          <Field name="selfStudy" label={t("edit.selfStudy")} findings={s.at("selfStudy")}>
            {({ id }) => <input id={id} type="checkbox" checked={form.selfStudy} onChange={(e) => set("selfStudy", e.target.checked)} data-testid="ek-edit-selfstudy" />}
          </Field>
          <Field name="repeatsYear" label={t("edit.repeatsYear")} findings={s.at("repeatsYear")}>
            {({ id }) => <input id={id} type="checkbox" checked={form.repeatsYear} onChange={(e) => set("repeatsYear", e.target.checked)} data-testid="ek-edit-repeats" />}
          </Field>
          <Field name="reason" label={t("edit.reason")} findings={s.at("reason")} wide>
            {({ id, describedBy, invalid }) => <input id={id} value={form.reason} required onChange={(e) => set("reason", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-edit-reason" />}
          </Field>
        </div>
        <button type="submit" className="primary" disabled={s.busy} data-testid="ek-edit-save">
          {t("edit.save")}
        </button>
        {saved !== null && (
          <p role="status" data-testid="ek-edit-saved">
            {t("edit.saved", { version: saved })}
          </p>
        )}
      </form>
    </details>
  );
}

/** The examinee's versions (API `history`): who changed what when, and why. */
export function ExamineeHistory({ history }: { history: ExamineeDetail["history"] }) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <section className="card" aria-labelledby="ek-history-h" data-testid="ek-history">
      <h2 id="ek-history-h">{t("history.title")}</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t("history.version")}</th>
              <th>{t("history.when")}</th>
              <th>{t("history.who")}</th>
              <th>{t("history.name")}</th>
              <th>{t("history.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {[...history]
              .sort((a, b) => b.version - a.version)
              .map((h) => (
                <tr key={h.version} data-testid="ek-history-row" data-version={h.version} data-name={h.name} data-reason={h.reason ?? ""}>
                  <td className="num">{h.version}</td>
                  <td className="nowrap">{formatDateTime(h.recordedAt, lang)}</td>
                  <td>{h.recordedBy}</td>
                  <td>{h.name}</td>
                  <td>{h.reason ?? <span className="muted">{h.version === 1 ? t("history.created") : t("none")}</span>}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// ------------------------------------------------------------------------------------------------------------ merit

type MeritKind = (typeof MERIT_KINDS)[number];

/**
 * Merit (§ 35, stk. 2): "meritoverførte prøver med angivelse af eventuelt opnået bedømmelse som »Bestået«, »Godkendt«
 * eller en karakter … merit givet på grundlag af et kompetencebevis". The list shows each merit as the diploma preview
 * shows it (the server's line), or that it is not on the diploma; the form records one (API `POST /merits`).
 */
export function MeritSection({ session, detail, preview, onChange }: { session: Session; detail: ExamineeFull; preview: { lines: DiplomaLineView[]; issuable: boolean } | undefined; onChange: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const lines = preview?.lines;
  const onDiploma = (m: ExamineeFull["merits"][number]) => lines?.find((l) => l.source === "merit" && l.subject.code === m.subject.code && (l.level ?? null) === (m.level ?? null) && l.part === m.part);
  return (
    <section className="card" aria-labelledby="ek-merit-h" data-testid="ek-merits">
      <h2 id="ek-merit-h">{t("merit.title")}</h2>
      {detail.merits.length === 0 ? (
        <p className="muted">{t("merit.none")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t("merit.subject")}</th>
              <th>{t("merit.part")}</th>
              <th>{t("merit.assessment")}</th>
              <th>{t("merit.source")}</th>
              <th>{t("merit.date")}</th>
              <th>{t("merit.diploma")}</th>
            </tr>
          </thead>
          <tbody>
            {detail.merits.map((m) => {
              const line = onDiploma(m);
              const kind = (MERIT_KINDS as readonly string[]).includes(m.assessment.kind) ? (m.assessment.kind as MeritKind) : null;
              return (
                <tr key={m.id} data-testid="ek-merit-row" data-subject={m.subject.code} data-kind={m.assessment.kind} data-diploma={line?.merit ?? line?.grade ?? ""}>
                  <td>
                    {subjectName(m.subject, lang)}
                    {m.level ? ` ${m.level}` : ""}
                  </td>
                  <td>{pick(PART_LABEL[m.part], lang)}</td>
                  <td>
                    {kind ? t(`merit.kind.${kind}`) : m.assessment.kind}
                    {m.assessment.grade !== undefined && `: ${m.assessment.grade}`}
                    {m.assessment.certificate !== undefined && `: ${m.assessment.certificate}`}
                  </td>
                  <td>{m.source}</td>
                  <td className="nowrap">{formatDate(m.date, lang)}</td>
                  <td data-testid="ek-merit-diploma">
                    {preview === undefined ? "…" : line ? <strong>{line.merit ?? line.grade}</strong> : <span className="muted">{preview.issuable ? t("merit.notOnDiploma") : t("merit.noDiploma")}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {session.canWrite && <MeritForm examineeId={detail.id} onChange={onChange} />}
    </section>
  );
}

const MERIT_FIELDS = ["subjectCode", "level", "part", "assessment", "source", "date"] as const;

function MeritForm({ examineeId, onChange }: { examineeId: string; onChange: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const subjects = useLoad<Subject[]>(`${API}/subjects`);
  const [form, setForm] = useState({ subjectCode: "", level: "" as Level | "", part: "written" as Part, kind: "passed" as MeritKind, grade: "", certificate: "", source: "", date: today() });
  const [done, setDone] = useState(false);
  const s = useSubmit(ONLY_422);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm({ ...form, [k]: v });
  const add = (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const assessment = form.kind === "grade" ? { kind: "grade", grade: form.grade } : form.kind === "competence-certificate" ? { kind: "competence-certificate", certificate: form.certificate } : { kind: form.kind };
    void s.run(async () => {
      await post(`${API}/merits`, { examineeId, subjectCode: form.subjectCode, level: form.level || null, part: form.part, assessment, source: form.source, date: form.date });
      setDone(true);
      onChange();
    });
  };
  return (
    <form onSubmit={add} noValidate data-testid="ek-merit-form">
      <h3>{t("merit.add")}</h3>
      <ProblemBanner error={s.err ?? subjects.error} />
      <FindingList findings={s.rest(MERIT_FIELDS)} testid="ek-merit-findings" />
      <div className="grid">
        <Field name="subjectCode" label={t("merit.subject")} findings={s.at("subjectCode")}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={form.subjectCode} onChange={(e) => set("subjectCode", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-merit-subject">
              <option value="">{t("merit.chooseSubject")}</option>
              {(subjects.data ?? []).map((x) => (
                <option key={x.code} value={x.code}>
                  {subjectName(x, lang)} ({x.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="level" label={t("merit.level")} findings={s.at("level")}>
          {({ id, describedBy }) => (
            <select id={id} value={form.level} onChange={(e) => set("level", e.target.value as Level | "")} aria-describedby={describedBy} data-testid="ek-merit-level">
              <option value="">{t("noLevel")}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {l}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="part" label={t("merit.part")} findings={s.at("part")}>
          {({ id, describedBy }) => (
            <select id={id} value={form.part} onChange={(e) => set("part", e.target.value as Part)} aria-describedby={describedBy} data-testid="ek-merit-part">
              {PARTS.map((p) => (
                <option key={p} value={p}>
                  {pick(PART_LABEL[p], lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="assessment" label={t("merit.assessment")} findings={s.at("assessment").filter((f) => f.subject !== "assessment.grade")}>
          {({ id, describedBy }) => (
            <select id={id} value={form.kind} onChange={(e) => set("kind", e.target.value as MeritKind)} aria-describedby={describedBy} data-testid="ek-merit-kind">
              {MERIT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`merit.kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {form.kind === "grade" && (
          <Field name="assessment.grade" label={t("merit.grade")} findings={s.findings.filter((f) => f.subject === "assessment.grade")}>
            {({ id, describedBy, invalid }) => (
              <>
                <input id={id} value={form.grade} list="ek-merit-scale" onChange={(e) => set("grade", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-merit-grade" />
                <datalist id="ek-merit-scale">
                  {SCALE.map((g) => (
                    <option key={g} value={g} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        )}
        {form.kind === "competence-certificate" && (
          <Field name="assessment.certificate" label={t("merit.certificate")} findings={[]}>
            {({ id, describedBy }) => <input id={id} value={form.certificate} onChange={(e) => set("certificate", e.target.value)} aria-describedby={describedBy} data-testid="ek-merit-certificate" />}
          </Field>
        )}
        <Field name="source" label={t("merit.source")} findings={s.at("source")}>
          {({ id, describedBy }) => <input id={id} value={form.source} onChange={(e) => set("source", e.target.value)} aria-describedby={describedBy} data-testid="ek-merit-source" />}
        </Field>
        <Field name="date" label={t("merit.date")} findings={s.at("date")}>
          {({ id, describedBy, invalid }) => <input id={id} type="date" value={form.date} onChange={(e) => set("date", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-merit-date" />}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={s.busy} data-testid="ek-merit-submit">
        {t("merit.add")}
      </button>
      {done && (
        <p role="status" data-testid="ek-merit-added">
          {t("merit.added")}
        </p>
      )}
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------------- § 19

const SPECIAL_FIELDS = ["examId", "basis", "necessaryForEquality", "changesLevel", "conditions", "decidedOn"] as const;

/**
 * § 19: "Institutionen træffer afgørelse om tilbud af særlige prøvevilkår … når dette er nødvendigt for at ligestille
 * … Det er en forudsætning, at der med tilbuddet ikke sker en ændring af prøvens niveau." The decisions made, with the
 * server's findings; a refusal's findings beside the field; never on a diploma (§ 35, stk. 3).
 */
export function SpecialConditionsSection({ session, detail, exams, onChange }: { session: Session; detail: ExamineeFull; exams: Exam[]; onChange: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const mine = examineeExams(detail, exams);
  const name = (examId: string) => {
    const x = exams.find((e) => e.id === examId);
    return x ? examLabel(x, lang) : examId;
  };
  const [form, setForm] = useState({ examId: "", basis: "physical" as SpecialBasis, necessaryForEquality: true, changesLevel: false, conditions: "", decidedOn: today() });
  const [added, setAdded] = useState<SpecialConditionsRow | null>(null);
  const s = useSubmit(ONLY_422);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm({ ...form, [k]: v });
  const examId = form.examId || mine[0]?.id || "";
  const add = (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    void s.run(async () => {
      const row = await post<SpecialConditionsRow>(`${API}/special-conditions`, { examineeId: detail.id, ...form, examId });
      setAdded(row);
      onChange();
    });
  };
  const rows = detail.specialConditions ?? [];
  return (
    <section className="card" aria-labelledby="ek-special-h" data-testid="ek-special">
      <h2 id="ek-special-h">{t("special.title")}</h2>
      <Banner kind="info" testid="ek-special-not-on-diploma">
        {t("special.notOnDiploma")}
      </Banner>
      {rows.length === 0 ? (
        <p className="muted">{t("special.none")}</p>
      ) : (
        <ul style={{ listStyle: "none", paddingLeft: 0 }}>
          {rows.map((r) => (
            <li key={r.id} data-testid="ek-special-row" data-exam={r.examId} data-basis={r.basis}>
              <strong>{name(r.examId)}</strong> · {t(`special.basis.${r.basis}`)} · {formatDate(r.decidedOn, lang)}
              {r.conditions && <p>{r.conditions}</p>}
              <FindingList findings={r.findings} testid="ek-special-findings" />
              {session.canWrite && (
                <p>
                  <AppealLink examineeId={detail.id} decision="special-conditions" refId={r.id} notifiedOn={r.decidedOn} />
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {session.canWrite && (
        <form onSubmit={add} noValidate data-testid="ek-special-form">
          <h3>{t("special.add")}</h3>
          <ProblemBanner error={s.err} />
          {s.findings.length > 0 && (
            <Banner kind="error" testid="ek-special-refused">
              {t("special.refused")}
            </Banner>
          )}
          <FindingList findings={s.rest(SPECIAL_FIELDS)} />
          <div className="grid">
            <Field name="examId" label={t("special.exam")} findings={s.at("examId")}>
              {({ id, describedBy }) => (
                <select id={id} value={examId} onChange={(e) => set("examId", e.target.value)} aria-describedby={describedBy} data-testid="ek-special-exam">
                  {mine.map((x) => (
                    <option key={x.id} value={x.id}>
                      {examLabel(x, lang)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="basis" label={t("special.basis")} findings={s.at("basis")}>
              {({ id, describedBy, invalid }) => (
                <select id={id} value={form.basis} onChange={(e) => set("basis", e.target.value as SpecialBasis)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-special-basis">
                  {BASES.map((b) => (
                    <option key={b} value={b}>
                      {t(`special.basis.${b}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="necessaryForEquality" label={t("special.necessary")} findings={s.at("necessaryForEquality")}>
              {({ id, describedBy }) => <input id={id} type="checkbox" checked={form.necessaryForEquality} onChange={(e) => set("necessaryForEquality", e.target.checked)} aria-describedby={describedBy} data-testid="ek-special-necessary" />}
            </Field>
            <Field name="changesLevel" label={t("special.changesLevel")} findings={s.at("changesLevel")}>
              {({ id, describedBy }) => <input id={id} type="checkbox" checked={form.changesLevel} onChange={(e) => set("changesLevel", e.target.checked)} aria-describedby={describedBy} data-testid="ek-special-changes-level" />}
            </Field>
            <Field name="conditions" label={t("special.conditions")} findings={s.at("conditions")} wide>
              {({ id, describedBy }) => <textarea id={id} value={form.conditions} onChange={(e) => set("conditions", e.target.value)} aria-describedby={describedBy} rows={2} data-testid="ek-special-conditions" />}
            </Field>
            <Field name="decidedOn" label={t("special.decidedOn")} findings={s.at("decidedOn")}>
              {({ id, describedBy, invalid }) => <input id={id} type="date" value={form.decidedOn} onChange={(e) => set("decidedOn", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-special-decided-on" />}
            </Field>
          </div>
          <button type="submit" className="primary" disabled={s.busy || examId === ""} data-testid="ek-special-submit">
            {t("special.add")}
          </button>
          {added && (
            <p role="status" data-testid="ek-special-added">
              {t("special.added")}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------- § 20

const CHEATING_FIELDS = ["examId", "kind", "when", "confirmed", "couldAffectAssessment", "on", "expelled", "note"] as const;

/**
 * § 20: the case (what was done, found during or after the exam, confirmed, could it affect the assessment), the rule's
 * decision (must/may/no expulsion, stk. 1–3) and the institution's: an expulsion where the rule gives no ground is
 * refused; an expulsion voids the exam's grades and the retake follows stk. 4 — both shown as the server returns them.
 */
export function CheatingSection({ session, detail, exams, onChange }: { session: Session; detail: ExamineeFull; exams: Exam[]; onChange: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const mine = examineeExams(detail, exams);
  const name = (examId: string) => {
    const x = exams.find((e) => e.id === examId);
    return x ? examLabel(x, lang) : examId;
  };
  const [form, setForm] = useState({ examId: "", kind: "unauthorised-aids" as MisconductKind, when: "during" as "during" | "after", confirmed: false, couldAffectAssessment: false, on: today(), expelled: false, note: "" });
  const [added, setAdded] = useState<CheatingCaseRow | null>(null);
  const s = useSubmit(ONLY_422);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm({ ...form, [k]: v });
  const examId = form.examId || mine[0]?.id || "";
  const add = (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    const misconduct = { kind: form.kind, when: form.when, ...(form.when === "after" || form.confirmed ? { confirmed: form.confirmed } : {}), ...(form.when === "after" || form.couldAffectAssessment ? { couldAffectAssessment: form.couldAffectAssessment } : {}) };
    void s.run(async () => {
      const row = await post<CheatingCaseRow>(`${API}/cheating-cases`, { examineeId: detail.id, examId, misconduct, on: form.on, expelled: form.expelled, note: form.note.trim() || null });
      setAdded(row);
      onChange();
    });
  };
  const rows = detail.cheatingCases ?? [];
  return (
    <section className="card" aria-labelledby="ek-cheating-h" data-testid="ek-cheating">
      <h2 id="ek-cheating-h">{t("cheating.title")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("cheating.none")}</p>
      ) : (
        <ul style={{ listStyle: "none", paddingLeft: 0 }}>
          {rows.map((r) => {
            const voided = detail.grades.filter((g) => g.examId === r.examId && g.status === "void");
            return (
              <li key={r.id} data-testid="ek-cheating-row" data-exam={r.examId} data-decision={r.decision} data-expelled={String(r.expelled)}>
                <strong>{name(r.examId)}</strong> · {t(`cheating.kind.${r.misconduct.kind}`)} ({t(`cheating.when.${r.misconduct.when}`)}) · {formatDate(r.on, lang)}
                <p>
                  {t("cheating.decision")}: <span className="pill" data-testid="ek-cheating-decision">{t(`cheating.decision.${r.decision}`)}</span> ·{" "}
                  <strong>{r.expelled ? t("cheating.wasExpelled") : t("cheating.notExpelled")}</strong>
                  {r.note && ` · ${r.note}`}
                </p>
                {r.expelled && voided.length > 0 && (
                  <p data-testid="ek-cheating-voided">
                    {t("cheating.voided")}:{" "}
                    {voided.map((g) => (
                      <span key={g.id} className="pill" data-testid="ek-cheating-voided-grade" data-grade={g.grade} data-status={g.status}>
                        {subjectName(g.subject, lang)}
                        {g.level ? ` ${g.level}` : ""} {pick(PART_LABEL[g.part], lang)}: <s>{g.grade}</s>
                      </span>
                    ))}
                  </p>
                )}
                <FindingList findings={r.findings} testid="ek-cheating-findings" />
                {session.canWrite && r.expelled && (
                  <p>
                    <AppealLink examineeId={detail.id} decision="expulsion" refId={r.id} notifiedOn={r.on} />
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {session.canWrite && (
        <form onSubmit={add} noValidate data-testid="ek-cheating-form">
          <h3>{t("cheating.add")}</h3>
          <ProblemBanner error={s.err} />
          {s.findings.length > 0 && (
            <Banner kind="error" testid="ek-cheating-refused">
              {t("cheating.refused")}
            </Banner>
          )}
          <FindingList findings={s.rest(CHEATING_FIELDS)} />
          <div className="grid">
            <Field name="examId" label={t("cheating.exam")} findings={s.at("examId")}>
              {({ id, describedBy }) => (
                <select id={id} value={examId} onChange={(e) => set("examId", e.target.value)} aria-describedby={describedBy} data-testid="ek-cheating-exam">
                  {mine.map((x) => (
                    <option key={x.id} value={x.id}>
                      {examLabel(x, lang)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="kind" label={t("cheating.kind")} findings={s.at("kind")}>
              {({ id, describedBy }) => (
                <select id={id} value={form.kind} onChange={(e) => set("kind", e.target.value as MisconductKind)} aria-describedby={describedBy} data-testid="ek-cheating-kind">
                  {MISCONDUCT.map((k) => (
                    <option key={k} value={k}>
                      {t(`cheating.kind.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="when" label={t("cheating.when")} findings={s.at("when")}>
              {({ id, describedBy }) => (
                <select id={id} value={form.when} onChange={(e) => set("when", e.target.value as "during" | "after")} aria-describedby={describedBy} data-testid="ek-cheating-when">
                  <option value="during">{t("cheating.when.during")}</option>
                  <option value="after">{t("cheating.when.after")}</option>
                </select>
              )}
            </Field>
            <Field name="on" label={t("cheating.on")} findings={s.at("on")}>
              {({ id, describedBy, invalid }) => <input id={id} type="date" value={form.on} onChange={(e) => set("on", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-cheating-on" />}
            </Field>
            <Field name="confirmed" label={t("cheating.confirmed")} findings={s.at("confirmed")}>
              {({ id, describedBy }) => <input id={id} type="checkbox" checked={form.confirmed} onChange={(e) => set("confirmed", e.target.checked)} aria-describedby={describedBy} data-testid="ek-cheating-confirmed" />}
            </Field>
            <Field name="couldAffectAssessment" label={t("cheating.couldAffect")} findings={s.at("couldAffectAssessment")}>
              {({ id, describedBy }) => <input id={id} type="checkbox" checked={form.couldAffectAssessment} onChange={(e) => set("couldAffectAssessment", e.target.checked)} aria-describedby={describedBy} data-testid="ek-cheating-could-affect" />}
            </Field>
            <Field name="expelled" label={t("cheating.expelled")} findings={s.at("expelled")}>
              {({ id, describedBy, invalid }) => <input id={id} type="checkbox" checked={form.expelled} onChange={(e) => set("expelled", e.target.checked)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-cheating-expelled" />}
            </Field>
            <Field name="note" label={t("cheating.note")} findings={s.at("note")} wide>
              {({ id, describedBy }) => <textarea id={id} value={form.note} onChange={(e) => set("note", e.target.value)} aria-describedby={describedBy} rows={2} data-testid="ek-cheating-note" />}
            </Field>
          </div>
          <button type="submit" className="primary" disabled={s.busy || examId === ""} data-testid="ek-cheating-submit">
            {t("cheating.add")}
          </button>
          {added && (
            <p role="status" data-testid="ek-cheating-added" data-decision={added.decision}>
              {t("cheating.added")}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------- § 37

/** The examinee's subjects (grades, year grades, registrations, merits), each subject/level once. */
export function examineeSubjects(d: ExamineeFull, exams: readonly Exam[]): { subject: Subject; level: Level | null }[] {
  const out = new Map<string, { subject: Subject; level: Level | null }>();
  const add = (subject: Subject, level: Level | null) => out.set(`${subject.code}|${level ?? ""}`, out.get(`${subject.code}|${level ?? ""}`) ?? { subject, level });
  for (const g of [...d.grades, ...d.standpunkt]) add(g.subject, g.level);
  for (const m of d.merits) add(m.subject, m.level);
  for (const r of d.registrations) {
    const x = exams.find((e) => e.id === r.examId);
    if (x) add(x.subject, x.level);
  }
  return [...out.values()].sort((a, b) => (a.subject.code < b.subject.code ? -1 : a.subject.code > b.subject.code ? 1 : (a.level ?? "") < (b.level ?? "") ? -1 : 1));
}

const LEAVER_FIELDS = ["kind", "copy", "on", "completed", "originalLost", "requestedByExaminee", "signatory"] as const;

/**
 * § 37: "… der forlader uddannelsen eller forløbet uden at have fuldført, har ret til at få prøvebevis for de aflagte
 * prøver henholdsvis deltagerbevis for de afsluttede fag, der ikke udtrækkes til prøve." Issued through API
 * `POST /examinees/:id/leaver-documents` (the ledger rules of § 36); the document then stands in the ledger with its PDF.
 */
export function LeaverSection({ session, detail, exams, onChange }: { session: Session; detail: ExamineeFull; exams: Exam[]; onChange: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const subjects = examineeSubjects(detail, exams);
  const key = (x: { subject: Subject; level: Level | null }) => `${x.subject.code}|${x.level ?? ""}`;
  const [form, setForm] = useState({ kind: "proevebevis" as "proevebevis" | "deltagerbevis", copy: "original" as DocumentCopy, on: today(), originalLost: false, requestedByExaminee: false, signatoryName: "", signatoryTitle: "" });
  const [completed, setCompleted] = useState<Set<string>>(new Set());
  const [issued, setIssued] = useState<DocumentRow | null>(null);
  const s = useSubmit(ONLY_422);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm({ ...form, [k]: v });
  if (!detail.leftOn) {
    return session.canWrite ? (
      <section className="card" aria-labelledby="ek-leaver-h" data-testid="ek-leaver" data-left="false">
        <h2 id="ek-leaver-h">{t("leaver.title")}</h2>
        <p className="muted">{t("leaver.notLeft")}</p>
      </section>
    ) : null;
  }
  const issue = (e: FormEvent) => {
    e.preventDefault();
    setIssued(null);
    const picked = subjects.filter((x) => completed.has(key(x))).map((x) => ({ subjectCode: x.subject.code, level: x.level }));
    void s.run(async () => {
      const doc = await post<DocumentRow>(`${API}/examinees/${encodeURIComponent(detail.id)}/leaver-documents`, {
        kind: form.kind,
        copy: form.copy,
        on: form.on,
        completed: picked,
        ...(form.copy === "copy" ? { originalLost: form.originalLost } : {}),
        ...(form.copy === "english-certified-copy" ? { requestedByExaminee: form.requestedByExaminee } : {}),
        ...(form.signatoryName.trim() ? { signatory: { name: form.signatoryName.trim(), title: form.signatoryTitle.trim() } } : {}),
      });
      setIssued(doc);
      onChange();
    });
  };
  return (
    <section className="card" aria-labelledby="ek-leaver-h" data-testid="ek-leaver" data-left="true">
      <h2 id="ek-leaver-h">{t("leaver.title")}</h2>
      <p>{t("leaver.intro", { date: formatDate(detail.leftOn, lang) })}</p>
      {session.canWrite && (
        <form onSubmit={issue} noValidate data-testid="ek-leaver-form">
          <ProblemBanner error={s.err} />
          {s.findings.length > 0 && (
            <Banner kind="error" testid="ek-leaver-refused">
              {t("leaver.refused")}
              <FindingList findings={s.rest(LEAVER_FIELDS)} />
            </Banner>
          )}
          <div className="grid">
            <Field name="kind" label={t("leaver.kind")} findings={s.at("kind")}>
              {({ id, describedBy, invalid }) => (
                <select id={id} value={form.kind} onChange={(e) => set("kind", e.target.value as "proevebevis" | "deltagerbevis")} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-leaver-kind">
                  <option value="proevebevis">{t("leaver.kind.proevebevis")}</option>
                  <option value="deltagerbevis">{t("leaver.kind.deltagerbevis")}</option>
                </select>
              )}
            </Field>
            <Field name="copy" label={t("leaver.copy")} findings={s.at("copy")}>
              {({ id, describedBy, invalid }) => (
                <select id={id} value={form.copy} onChange={(e) => set("copy", e.target.value as DocumentCopy)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-leaver-copy">
                  {COPIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`leaver.copy.${c}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="on" label={t("leaver.on")} findings={s.at("on")}>
              {({ id, describedBy, invalid }) => <input id={id} type="date" value={form.on} onChange={(e) => set("on", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-leaver-on" />}
            </Field>
            {form.copy === "copy" && <Check label={t("leaver.originalLost")} checked={form.originalLost} onChange={(v) => set("originalLost", v)} testid="ek-leaver-lost" />}
            {form.copy === "english-certified-copy" && <Check label={t("leaver.requested")} checked={form.requestedByExaminee} onChange={(v) => set("requestedByExaminee", v)} testid="ek-leaver-requested" />}
            <fieldset className="field field-wide" data-testid="ek-leaver-completed">
              <legend>{t("leaver.completed")}</legend>
              <p className="hint">{t("leaver.completedHint")}</p>
              {subjects.length === 0 && <p className="muted">{t("leaver.noSubjects")}</p>}
              {subjects.map((x) => (
                <Check
                  key={key(x)}
                  label={`${subjectName(x.subject, lang)}${x.level ? ` ${x.level}` : ""}`}
                  checked={completed.has(key(x))}
                  onChange={(v) => {
                    const next = new Set(completed);
                    if (v) next.add(key(x));
                    else next.delete(key(x));
                    setCompleted(next);
                  }}
                  testid={`ek-leaver-subject-${x.subject.code}${x.level ?? ""}`}
                />
              ))}
              <FindingList findings={s.at("completed")} />
            </fieldset>
            <Field name="signatory.name" label={t("leaver.signatoryName")} hint={t("leaver.signatoryHint")} findings={s.at("signatory")}>
              {({ id, describedBy }) => <input id={id} value={form.signatoryName} onChange={(e) => set("signatoryName", e.target.value)} aria-describedby={describedBy} data-testid="ek-leaver-signatory-name" />}
            </Field>
            <Field name="signatory.title" label={t("leaver.signatoryTitle")} findings={[]}>
              {({ id, describedBy }) => <input id={id} value={form.signatoryTitle} onChange={(e) => set("signatoryTitle", e.target.value)} aria-describedby={describedBy} data-testid="ek-leaver-signatory-title" />}
            </Field>
          </div>
          <button type="submit" className="primary" disabled={s.busy} data-testid="ek-leaver-submit">
            {t("leaver.issue")}
          </button>
          {issued && (
            <p role="status" data-testid="ek-leaver-issued" data-id={issued.id} data-kind={issued.kind}>
              {t("leaver.issued", { kind: t(`leaver.kind.${issued.kind === "deltagerbevis" ? "deltagerbevis" : "proevebevis"}`), number: issued.number })}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

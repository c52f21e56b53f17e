/**
 * CSV import of registrations (§§ 7–8, `POST /registrations/import`, write roles) and grades (`POST /grades/import`,
 * grade roles) — API.md. Both are all or nothing: one bad line and nothing is saved; every finding names its line.
 */
import type { Session } from "../App.tsx";
import { Banner } from "../components.tsx";
import { useTexts } from "../i18n.tsx";
import { CsvImportForm } from "../upload.tsx";
import { API, GRADE_ROLES } from "./types.ts";

/** The routes' columns, in API.md's order (http.ts REGISTRATION_COLUMNS / GRADE_COLUMNS). */
export const REGISTRATION_COLUMNS = ["cpr", "subjectCode", "level", "part", "date", "followedTeaching", "formalRequirementsMet", "registeredOn"] as const;
export const GRADE_COLUMNS = ["cpr", "kind", "subjectCode", "level", "part", "grade", "date", "announcedOn"] as const;

const TEXTS = {
  da: {
    title: "Import",
    intro: "Indlæs tilmeldinger og karakterer fra en CSV-fil (fx fra det studieadministrative system). Alt eller intet: er én linje forkert, gemmes intet, og hvert fund nævner linjen og feltet.",
    "reg.title": "Tilmeldinger (§§ 7–8)",
    "reg.intro": "Hver linje finder prøven ud fra fag, niveau, del og dato og afgøres som en enkelt tilmelding: adgang (§ 7) og, for selvstuderende, fristen (§ 8).",
    "grade.title": "Karakterer (7-trinsskalaen)",
    "grade.intro": "Prøvekarakterer og standpunktskarakterer. Karakteren skal stå på 7-trinsskalaen (12, 10, 7, 4, 02, 00, -3).",
    "col.name": "Kolonne",
    "col.meaning": "Indhold",
    "col.cpr": "Eksaminandens CPR-nummer (med eller uden bindestreg); eksaminanden skal være oprettet.",
    "col.subjectCode": "Fagkode, fx MA.",
    "col.level": "Niveau A, B eller C (tom for fag uden niveau).",
    "col.part": "Prøvedel: written, oral, practical eller combined.",
    "col.date": "Prøvens dato (ÅÅÅÅ-MM-DD).",
    "col.followedTeaching": "Har fulgt undervisningen: ja/nej.",
    "col.formalRequirementsMet": "Formelle krav opfyldt: ja/nej eller tom (ikke afgjort).",
    "col.registeredOn": "Tilmeldingsdato (ÅÅÅÅ-MM-DD).",
    "col.kind": "exam (prøvekarakter, standard) eller standpunkt.",
    "col.grade": "Karakteren på 7-trinsskalaen.",
    "col.gradeDate": "Karakterens dato (ÅÅÅÅ-MM-DD).",
    "col.announcedOn": "Dato for meddelelse (ÅÅÅÅ-MM-DD) eller tom.",
    noRole: "Din rolle må ikke indlæse tilmeldinger eller karakterer.",
  },
  en: {
    title: "Import",
    intro: "Import registrations and grades from a CSV file (e.g. from the student administration system). All or nothing: if one line is wrong, nothing is saved, and every finding names its line and field.",
    "reg.title": "Registrations (§§ 7–8)",
    "reg.intro": "Each line finds its exam by subject, level, part and date and is decided as a single registration: access (§ 7) and, for self-study examinees, the deadline (§ 8).",
    "grade.title": "Grades (7-point scale)",
    "grade.intro": "Exam grades and standpunkt (year) grades. The grade must be on the 7-point scale (12, 10, 7, 4, 02, 00, -3).",
    "col.name": "Column",
    "col.meaning": "Content",
    "col.cpr": "The examinee's CPR number (with or without hyphen); the examinee must exist.",
    "col.subjectCode": "Subject code, e.g. MA.",
    "col.level": "Level A, B or C (empty for subjects without a level).",
    "col.part": "Exam part: written, oral, practical or combined.",
    "col.date": "The exam's date (YYYY-MM-DD).",
    "col.followedTeaching": "Followed the teaching: yes/no.",
    "col.formalRequirementsMet": "Formal requirements met: yes/no or empty (not decided).",
    "col.registeredOn": "Registration date (YYYY-MM-DD).",
    "col.kind": "exam (exam grade, the default) or standpunkt.",
    "col.grade": "The grade on the 7-point scale.",
    "col.gradeDate": "The grade's date (YYYY-MM-DD).",
    "col.announcedOn": "Date announced (YYYY-MM-DD) or empty.",
    noRole: "Your role may not import registrations or grades.",
  },
};

type Key = keyof (typeof TEXTS)["da"];

function Columns({ columns, meaning, testid }: { columns: readonly string[]; meaning: Record<string, Key>; testid: string }) {
  const t = useTexts(TEXTS);
  return (
    <div className="table-scroll">
      <table className="table" data-testid={testid}>
        <thead>
          <tr>
            <th>{t("col.name")}</th>
            <th>{t("col.meaning")}</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((c) => (
            <tr key={c}>
              <td>
                <code>{c}</code>
              </td>
              <td>{meaning[c] ? t(meaning[c]) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const REG_MEANING: Record<string, Key> = {
  cpr: "col.cpr",
  subjectCode: "col.subjectCode",
  level: "col.level",
  part: "col.part",
  date: "col.date",
  followedTeaching: "col.followedTeaching",
  formalRequirementsMet: "col.formalRequirementsMet",
  registeredOn: "col.registeredOn",
};
const GRADE_MEANING: Record<string, Key> = {
  cpr: "col.cpr",
  kind: "col.kind",
  subjectCode: "col.subjectCode",
  level: "col.level",
  part: "col.part",
  grade: "col.grade",
  date: "col.gradeDate",
  announcedOn: "col.announcedOn",
};

export function ImportsPage({ session }: { session: Session }) {
  const t = useTexts(TEXTS);
  const mayGrade = session.roles.some((r) => GRADE_ROLES.includes(r));
  return (
    <div className="page" data-testid="ek-imports">
      <div className="page-head">
        <h1>{t("title")}</h1>
      </div>
      <p className="small">{t("intro")}</p>
      {!session.canWrite && !mayGrade && <Banner kind="info">{t("noRole")}</Banner>}
      {session.canWrite && (
        <CsvImportForm
          title={t("reg.title")}
          intro={
            <>
              <p className="small">{t("reg.intro")}</p>
              <Columns columns={REGISTRATION_COLUMNS} meaning={REG_MEANING} testid="ek-import-reg-layout" />
            </>
          }
          path={`${API}/registrations/import`}
          columns={REGISTRATION_COLUMNS}
          filename="tilmeldinger.csv"
          testid="ek-import-reg"
        />
      )}
      {mayGrade && (
        <CsvImportForm
          title={t("grade.title")}
          intro={
            <>
              <p className="small">{t("grade.intro")}</p>
              <Columns columns={GRADE_COLUMNS} meaning={GRADE_MEANING} testid="ek-import-grade-layout" />
            </>
          }
          path={`${API}/grades/import`}
          columns={GRADE_COLUMNS}
          filename="karakterer.csv"
          testid="ek-import-grade"
        />
      )}
    </div>
  );
}

/**
 * Reference data (stamdata) of the exam module (seed 002): the institution's subjects, teachers (the examiners of
 * § 27) and teams (hold), each a list with a create form for the write roles. API: GET/POST /subjects,
 * GET/POST /teachers, GET/POST /teams (src/rulebooks/dk-eksamen/API.md, "Reference data" and "Teams, exams, term
 * plan"). The server decides every refusal (e.g. 409 `eksamen.subject.exists`, 422 `eksamen.input.*`); its findings
 * are shown beside the field they name (`finding.subject`).
 */
import { useState, type FormEvent, type ReactNode } from "react";
import type { Session } from "../App.tsx";
import type { Component } from "../../../src/rulebooks/dk-eksamen/model.ts";
import { post, qs } from "../api.ts";
import { useSubmit } from "../forms.ts";
import { Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { useI18n, useTexts, type UiLang } from "../i18n.tsx";
import { Link } from "../router.tsx";
import { API, subjectName, useLoad, type Examinee, type Level, type Subject, type Teacher, type Term } from "./types.ts";

/** `Team` of API.md. */
export interface Team {
  id: string;
  termId: string | null;
  name: string;
  subjectCode: string;
  level: Level | null;
  teacherIds: string[];
  examineeIds: string[];
}

/** The subject's component (`Subject.component`, model.ts `COMPONENTS`) with its label; the server checks the value. */
export const COMPONENT_LABEL: Record<Component, Record<UiLang, string>> = {
  srp: { da: "Studieretningsprojektet (SRP)", en: "Study-programme project (SRP)" },
  at: { da: "Almen studieforberedelse (AT)", en: "General study preparation (AT)" },
  studieomraade: { da: "Studieområdet", en: "The study area" },
  sso: { da: "Den større skriftlige opgave (SSO)", en: "The major written assignment (SSO)" },
  eksamensprojekt: { da: "Eksamensprojektet", en: "The exam project" },
  nf: { da: "Den naturvidenskabelige faggruppe (NF)", en: "Science subject group (NF)" },
  ks: { da: "Kultur- og samfundsfagsfaggruppen (KS)", en: "Culture and society subject group (KS)" },
  ap: { da: "Almen sprogforståelse (AP)", en: "General language understanding (AP)" },
  nv: { da: "Naturvidenskabeligt grundforløb (NV)", en: "Basic science course (NV)" },
  teknikfag: { da: "Teknikfag", en: "Technology subject" },
  erhvervscase: { da: "Erhvervscase", en: "Business case" },
  international: { da: "Det internationale område", en: "The international area" },
  idraet: { da: "Idræt", en: "Physical education" },
};
const COMPONENTS = Object.keys(COMPONENT_LABEL) as Component[];

const TEXTS = {
  da: {
    "cat.title": "Stamdata",
    "cat.nav": "Stamdata",
    "cat.subjects": "Fag",
    "cat.teachers": "Lærere",
    "cat.teams": "Hold",
    none: "—",
    "subjects.intro": "Institutionens fagliste. Fagkoden binder prøver, karakterer og hold sammen: to karakterer er i samme fag, når koden er den samme.",
    "subjects.none": "Ingen fag endnu.",
    "subjects.code": "Fagkode",
    "subjects.codeHint": "Fx DAN, MAT. Gemmes med store bogstaver.",
    "subjects.nameDa": "Navn (dansk)",
    "subjects.nameEn": "Navn (engelsk)",
    "subjects.component": "Særlig del",
    "subjects.componentNone": "Almindeligt fag",
    "subjects.new": "Opret fag",
    "subjects.create": "Opret fag",
    "subjects.created": "Faget {code} er oprettet.",
    "teachers.intro": "Lærerne er eksaminatorerne på prøverne; censorfordelingen (§ 27) ser på, hvem der har censureret hvem.",
    "teachers.none": "Ingen lærere endnu.",
    "teachers.name": "Navn",
    "teachers.initials": "Initialer",
    "teachers.new": "Opret lærer",
    "teachers.create": "Opret lærer",
    "teachers.created": "{name} er oprettet.",
    "teams.intro": "Holdene pr. termin: fag, niveau, lærere og eksaminander.",
    "teams.term": "Termin",
    "teams.allTerms": "Alle terminer",
    "teams.noTerm": "Uden termin",
    "teams.none": "Ingen hold.",
    "teams.name": "Holdnavn",
    "teams.subject": "Fag",
    "teams.level": "Niveau",
    "teams.teachers": "Lærere",
    "teams.examinees": "Eksaminander",
    "teams.examineeCount": "{n} eksaminander",
    "teams.examineeCount1": "1 eksaminand",
    "teams.new": "Opret hold",
    "teams.create": "Opret hold",
    "teams.created": "Holdet {name} er oprettet.",
    "teams.noTeachers": "Ingen lærere oprettet.",
    "teams.noExaminees": "Ingen eksaminander oprettet.",
  },
  en: {
    "cat.title": "Reference data",
    "cat.nav": "Reference data",
    "cat.subjects": "Subjects",
    "cat.teachers": "Teachers",
    "cat.teams": "Teams",
    none: "—",
    "subjects.intro": "The institution's subject list. The subject code ties exams, grades and teams together: two grades are in the same subject when the codes match.",
    "subjects.none": "No subjects yet.",
    "subjects.code": "Subject code",
    "subjects.codeHint": "E.g. DAN, MAT. Saved in capitals.",
    "subjects.nameDa": "Name (Danish)",
    "subjects.nameEn": "Name (English)",
    "subjects.component": "Special component",
    "subjects.componentNone": "Ordinary subject",
    "subjects.new": "New subject",
    "subjects.create": "Create subject",
    "subjects.created": "The subject {code} is created.",
    "teachers.intro": "The teachers are the examiners of the exams; the censor assignment (§ 27) looks at who censored whom.",
    "teachers.none": "No teachers yet.",
    "teachers.name": "Name",
    "teachers.initials": "Initials",
    "teachers.new": "New teacher",
    "teachers.create": "Create teacher",
    "teachers.created": "{name} is created.",
    "teams.intro": "The teams per term: subject, level, teachers and examinees.",
    "teams.term": "Term",
    "teams.allTerms": "All terms",
    "teams.noTerm": "No term",
    "teams.none": "No teams.",
    "teams.name": "Team name",
    "teams.subject": "Subject",
    "teams.level": "Level",
    "teams.teachers": "Teachers",
    "teams.examinees": "Examinees",
    "teams.examineeCount": "{n} examinees",
    "teams.examineeCount1": "1 examinee",
    "teams.new": "New team",
    "teams.create": "Create team",
    "teams.created": "The team {name} is created.",
    "teams.noTeachers": "No teachers yet.",
    "teams.noExaminees": "No examinees yet.",
  },
};

const useT = () => useTexts(TEXTS);

const TABS = [
  { to: "/eksamen/subjects", key: "cat.subjects", testid: "ek-cat-subjects" },
  { to: "/eksamen/teachers", key: "cat.teachers", testid: "ek-cat-teachers" },
  { to: "/eksamen/teams", key: "cat.teams", testid: "ek-cat-teams" },
] as const;

/** The reference-data pages' common frame: heading, the sub-navigation between the three lists, intro. */
function CataloguePage({ current, intro, children }: { current: (typeof TABS)[number]["to"]; intro: string; children: ReactNode }) {
  const t = useT();
  const tab = TABS.find((x) => x.to === current)!;
  return (
    <div className="page">
      <div className="page-head">
        <h1 data-testid="ek-cat-title">
          {t("cat.title")}: {t(tab.key)}
        </h1>
      </div>
      <nav aria-label={t("cat.title")} className="crumbs" data-testid="ek-cat-nav">
        {TABS.map((x, i) => (
          <span key={x.to}>
            {i > 0 && " · "}
            {x.to === current ? (
              <strong aria-current="page">{t(x.key)}</strong>
            ) : (
              <Link to={x.to} data-testid={x.testid}>
                {t(x.key)}
              </Link>
            )}
          </span>
        ))}
      </nav>
      <p className="small">{intro}</p>
      {children}
    </div>
  );
}

// ------------------------------------------------------------------------------------------------------------ subjects

const SUBJECT_FIELDS = ["code", "name", "component"];

export function SubjectsPage({ session }: { session: Session }) {
  const t = useT();
  const { lang } = useI18n();
  const { data, error, reload } = useLoad<Subject[]>(`${API}/subjects`);
  const empty = { code: "", nameDa: "", nameEn: "", component: "" as Component | "" };
  const [x, setX] = useState(empty);
  const sub = useSubmit();
  const [created, setCreated] = useState<string | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    const body = { code: x.code, name: x.nameEn.trim() ? { da: x.nameDa, en: x.nameEn } : { da: x.nameDa }, ...(x.component ? { component: x.component } : {}) };
    const s = await sub.run(() => post<Subject>(`${API}/subjects`, body));
    if (s) {
      setX(empty);
      setCreated(s.code);
      reload();
    }
  };
  const { at } = sub;
  const other = sub.rest(SUBJECT_FIELDS);
  return (
    <CataloguePage current="/eksamen/subjects" intro={t("subjects.intro")}>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : data.length === 0 ? (
        <p className="card">{t("subjects.none")}</p>
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="ek-subjects">
            <thead>
              <tr>
                <th>{t("subjects.code")}</th>
                <th>{t("subjects.nameDa")}</th>
                <th>{t("subjects.nameEn")}</th>
                <th>{t("subjects.component")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((s) => (
                <tr key={s.code} data-testid="ek-subject-row" data-code={s.code}>
                  <td className="mono">{s.code}</td>
                  <td>{s.name.da}</td>
                  <td>{s.name.en ?? t("none")}</td>
                  <td>{s.component ? (COMPONENT_LABEL[s.component as Component]?.[lang] ?? s.component) : t("none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {session.canWrite && (
        <form className="card" onSubmit={(e) => void create(e)} data-testid="ek-new-subject">
          <h2>{t("subjects.new")}</h2>
          <ProblemBanner error={sub.err} />
          <FindingList findings={other} testid="ek-new-subject-findings" />
          {created && (
            <p role="status" className="small" data-testid="ek-subject-created">
              {t("subjects.created", { code: created })}
            </p>
          )}
          <div className="grid">
            <Field name="code" label={t("subjects.code")} hint={t("subjects.codeHint")} findings={at("code")}>
              {({ id, describedBy, invalid }) => (
                <input id={id} value={x.code} onChange={(e) => setX({ ...x, code: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={40} data-testid="ek-subject-code" />
              )}
            </Field>
            <Field name="name" label={t("subjects.nameDa")} findings={at("name")}>
              {({ id, describedBy, invalid }) => (
                <input id={id} value={x.nameDa} onChange={(e) => setX({ ...x, nameDa: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={200} data-testid="ek-subject-name-da" />
              )}
            </Field>
            <Field name="nameEn" label={t("subjects.nameEn")} findings={[]}>
              {({ id }) => <input id={id} value={x.nameEn} onChange={(e) => setX({ ...x, nameEn: e.target.value })} maxLength={200} data-testid="ek-subject-name-en" />}
            </Field>
            <Field name="component" label={t("subjects.component")} findings={at("component")}>
              {({ id, describedBy }) => (
                <select id={id} value={x.component} onChange={(e) => setX({ ...x, component: e.target.value as Component | "" })} aria-describedby={describedBy} data-testid="ek-subject-component">
                  <option value="">{t("subjects.componentNone")}</option>
                  {COMPONENTS.map((c) => (
                    <option key={c} value={c}>
                      {COMPONENT_LABEL[c][lang]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <button type="submit" className="primary" data-testid="ek-subject-create">
            {t("subjects.create")}
          </button>
        </form>
      )}
    </CataloguePage>
  );
}

// ------------------------------------------------------------------------------------------------------------ teachers

const TEACHER_FIELDS = ["name", "initials"];

export function TeachersPage({ session }: { session: Session }) {
  const t = useT();
  const { data, error, reload } = useLoad<Teacher[]>(`${API}/teachers`);
  const empty = { name: "", initials: "" };
  const [x, setX] = useState(empty);
  const sub = useSubmit();
  const [created, setCreated] = useState<string | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    const r = await sub.run(() => post<Teacher>(`${API}/teachers`, x));
    if (r) {
      setX(empty);
      setCreated(r.name);
      reload();
    }
  };
  const { at } = sub;
  const other = sub.rest(TEACHER_FIELDS);
  return (
    <CataloguePage current="/eksamen/teachers" intro={t("teachers.intro")}>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : data.length === 0 ? (
        <p className="card">{t("teachers.none")}</p>
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="ek-teachers">
            <thead>
              <tr>
                <th>{t("teachers.name")}</th>
                <th>{t("teachers.initials")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((tc) => (
                <tr key={tc.id} data-testid="ek-teacher-row" data-initials={tc.initials} data-name={tc.name}>
                  <td>{tc.name}</td>
                  <td className="mono">{tc.initials}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {session.canWrite && (
        <form className="card" onSubmit={(e) => void create(e)} data-testid="ek-new-teacher">
          <h2>{t("teachers.new")}</h2>
          <ProblemBanner error={sub.err} />
          <FindingList findings={other} testid="ek-new-teacher-findings" />
          {created && (
            <p role="status" className="small" data-testid="ek-teacher-created">
              {t("teachers.created", { name: created })}
            </p>
          )}
          <div className="grid">
            <Field name="name" label={t("teachers.name")} findings={at("name")}>
              {({ id, describedBy, invalid }) => (
                <input id={id} value={x.name} onChange={(e) => setX({ ...x, name: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={200} data-testid="ek-teacher-name" />
              )}
            </Field>
            <Field name="initials" label={t("teachers.initials")} findings={at("initials")}>
              {({ id, describedBy, invalid }) => (
                <input id={id} value={x.initials} onChange={(e) => setX({ ...x, initials: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={10} data-testid="ek-teacher-initials" />
              )}
            </Field>
          </div>
          <button type="submit" className="primary" data-testid="ek-teacher-create">
            {t("teachers.create")}
          </button>
        </form>
      )}
    </CataloguePage>
  );
}

// --------------------------------------------------------------------------------------------------------------- teams

/** The server names an unknown teacher `examinerIds` (service.ts checkTeachers), so both names go beside the teachers. */
const TEAM_FIELDS = ["termId", "name", "subjectCode", "level", "teacherIds", "examinerIds", "examineeIds"];

function Checks<T extends { id: string }>({ items, chosen, onChange, label, testid, describedBy }: { items: T[]; chosen: string[]; onChange: (ids: string[]) => void; label: (x: T) => string; testid: string; describedBy: string | undefined }) {
  return (
    <span aria-describedby={describedBy} data-testid={testid}>
      {items.map((x) => (
        <label key={x.id} className="inline-check" style={{ marginRight: "1rem" }}>
          <input type="checkbox" checked={chosen.includes(x.id)} onChange={(e) => onChange(e.target.checked ? [...chosen, x.id] : chosen.filter((y) => y !== x.id))} data-testid={`${testid}-item`} data-label={label(x)} /> {label(x)}
        </label>
      ))}
    </span>
  );
}

function NewTeamForm({ terms, subjects, teachers, examinees, termId, onDone }: { terms: Term[]; subjects: Subject[]; teachers: Teacher[]; examinees: Examinee[]; termId: string; onDone: (t: Team) => void }) {
  const t = useT();
  const { lang } = useI18n();
  const empty = { termId, name: "", subjectCode: "", level: "" as Level | "", teacherIds: [] as string[], examineeIds: [] as string[] };
  const [x, setX] = useState(empty);
  const sub = useSubmit();
  const [created, setCreated] = useState<string | null>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    const body = { termId: x.termId || null, name: x.name, subjectCode: x.subjectCode, level: x.level || null, teacherIds: x.teacherIds, examineeIds: x.examineeIds };
    const r = await sub.run(() => post<Team>(`${API}/teams`, body));
    if (r) {
      setX({ ...empty, termId: x.termId });
      setCreated(r.name);
      onDone(r);
    }
  };
  const { at } = sub;
  const other = sub.rest(TEAM_FIELDS);
  return (
    <form className="card" onSubmit={(e) => void create(e)} data-testid="ek-new-team">
      <h2>{t("teams.new")}</h2>
      <ProblemBanner error={sub.err} />
      <FindingList findings={other} testid="ek-new-team-findings" />
      {created && (
        <p role="status" className="small" data-testid="ek-team-created">
          {t("teams.created", { name: created })}
        </p>
      )}
      <div className="grid">
        <Field name="termId" label={t("teams.term")} findings={at("termId")}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={x.termId} onChange={(e) => setX({ ...x, termId: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-team-term">
              <option value="">{t("teams.noTerm")}</option>
              {terms.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {tm.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="name" label={t("teams.name")} findings={at("name")}>
          {({ id, describedBy, invalid }) => (
            <input id={id} value={x.name} onChange={(e) => setX({ ...x, name: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required maxLength={200} data-testid="ek-team-name" />
          )}
        </Field>
        <Field name="subjectCode" label={t("teams.subject")} findings={at("subjectCode")}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={x.subjectCode} onChange={(e) => setX({ ...x, subjectCode: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required data-testid="ek-team-subject">
              <option value="">{t("none")}</option>
              {subjects.map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code} – {subjectName(s, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="level" label={t("teams.level")} findings={at("level")}>
          {({ id, describedBy }) => (
            <select id={id} value={x.level} onChange={(e) => setX({ ...x, level: e.target.value as Level | "" })} aria-describedby={describedBy} data-testid="ek-team-level">
              <option value="">{t("none")}</option>
              <option value="A">A</option>
              <option value="B">B</option>
              <option value="C">C</option>
            </select>
          )}
        </Field>
        <Field name="teacherIds" label={t("teams.teachers")} findings={at("teacherIds", "examinerIds")} wide>
          {({ describedBy }) =>
            teachers.length === 0 ? (
              <span className="muted">{t("teams.noTeachers")}</span>
            ) : (
              <Checks items={teachers} chosen={x.teacherIds} onChange={(ids) => setX({ ...x, teacherIds: ids })} label={(tc) => `${tc.name} (${tc.initials})`} testid="ek-team-teachers" describedBy={describedBy} />
            )
          }
        </Field>
        <Field name="examineeIds" label={t("teams.examinees")} findings={at("examineeIds")} wide>
          {({ describedBy }) =>
            examinees.length === 0 ? (
              <span className="muted">{t("teams.noExaminees")}</span>
            ) : (
              <Checks items={examinees} chosen={x.examineeIds} onChange={(ids) => setX({ ...x, examineeIds: ids })} label={(ex) => ex.name} testid="ek-team-examinees" describedBy={describedBy} />
            )
          }
        </Field>
      </div>
      <button type="submit" className="primary" data-testid="ek-team-create">
        {t("teams.create")}
      </button>
    </form>
  );
}

/** The teams, filtered by term (page state, "" = every term); the create form starts with the chosen term. */
export function TeamsPage({ session }: { session: Session }) {
  const t = useT();
  const { lang } = useI18n();
  const [term, setTerm] = useState("");
  const teams = useLoad<Team[]>(`${API}/teams${qs({ termId: term })}`);
  const terms = useLoad<Term[]>(`${API}/terms`);
  const subjects = useLoad<Subject[]>(`${API}/subjects`);
  const teachers = useLoad<Teacher[]>(`${API}/teachers`);
  const examinees = useLoad<Examinee[]>(`${API}/examinees`);
  const termName = new Map((terms.data ?? []).map((x) => [x.id, x.name]));
  const subjectOf = new Map((subjects.data ?? []).map((s) => [s.code, s]));
  const teacherOf = new Map((teachers.data ?? []).map((x) => [x.id, x]));
  const examineeOf = new Map((examinees.data ?? []).map((x) => [x.id, x]));
  const rows = [...(teams.data ?? [])].sort((a, b) => (termName.get(a.termId ?? "") ?? "").localeCompare(termName.get(b.termId ?? "") ?? "") || a.name.localeCompare(b.name));
  const ready = terms.data && subjects.data && teachers.data && examinees.data;
  return (
    <CataloguePage current="/eksamen/teams" intro={t("teams.intro")}>
      <ProblemBanner error={teams.error ?? terms.error ?? subjects.error ?? teachers.error ?? examinees.error} />
      <div className="filters">
        <label>
          {t("teams.term")}{" "}
          <select value={term} onChange={(e) => setTerm(e.target.value)} data-testid="ek-teams-term">
            <option value="">{t("teams.allTerms")}</option>
            {(terms.data ?? []).map((tm) => (
              <option key={tm.id} value={tm.id}>
                {tm.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!teams.data || !ready ? (
        <Spinner />
      ) : rows.length === 0 ? (
        <p className="card" data-testid="ek-teams-none">
          {t("teams.none")}
        </p>
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="ek-teams">
            <thead>
              <tr>
                <th>{t("teams.name")}</th>
                <th>{t("teams.term")}</th>
                <th>{t("teams.subject")}</th>
                <th>{t("teams.level")}</th>
                <th>{t("teams.teachers")}</th>
                <th>{t("teams.examinees")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((tm) => {
                const s = subjectOf.get(tm.subjectCode);
                return (
                  <tr key={tm.id} data-testid="ek-team-row" data-name={tm.name} data-subject={tm.subjectCode} data-level={tm.level ?? ""} data-teachers={tm.teacherIds.length} data-examinees={tm.examineeIds.length}>
                    <td>{tm.name}</td>
                    <td>{tm.termId ? termName.get(tm.termId) ?? tm.termId : <span className="muted">{t("teams.noTerm")}</span>}</td>
                    <td>
                      <span className="mono">{tm.subjectCode}</span>
                      {s ? ` – ${subjectName(s, lang)}` : ""}
                    </td>
                    <td>{tm.level ?? t("none")}</td>
                    <td data-testid="ek-team-teachers-cell">{tm.teacherIds.map((id) => teacherOf.get(id)?.initials ?? id).join(", ") || t("none")}</td>
                    <td data-testid="ek-team-examinees-cell">
                      {tm.examineeIds.length === 0 ? (
                        t("none")
                      ) : (
                        <>
                          <span className="small">{tm.examineeIds.length === 1 ? t("teams.examineeCount1") : t("teams.examineeCount", { n: tm.examineeIds.length })}: </span>
                          {tm.examineeIds.map((id, i) => (
                            <span key={id}>
                              {i > 0 && ", "}
                              <Link to={`/eksamen/examinees/${id}`}>{examineeOf.get(id)?.name ?? id}</Link>
                            </span>
                          ))}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {session.canWrite && (ready ? <NewTeamForm key={term} terms={terms.data!} subjects={subjects.data!} teachers={teachers.data!} examinees={examinees.data!} termId={term} onDone={() => teams.reload()} /> : <Spinner />)}
    </CataloguePage>
  );
}

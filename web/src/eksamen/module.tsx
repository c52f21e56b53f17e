/**
 * Prøver og eksamen (seed 002, eksamensbekendtgørelsen): the term plan with registrations and censor assignment,
 * exams with grade entry, examinees with the diploma preview and documents, complaint cases with their deadline
 * clock, and the censors. API: /api/eksamen (src/rulebooks/dk-eksamen/API.md).
 */
import { useState, type FormEvent } from "react";
import type { Session } from "../App.tsx";
import { ApiError, post, type Finding } from "../api.ts";
import type { WebModule } from "../modules.tsx";
import { match } from "../router.tsx";
import { Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { useTexts } from "../i18n.tsx";
import { ComplaintPage, ComplaintsPage } from "./complaints.tsx";
import { ExamPage } from "./exam.tsx";
import { ExamineePage, ExamineesPage } from "./examinees.tsx";
import { TermPage, TermsPage } from "./terms.tsx";
import { TEXTS } from "./texts.ts";
import { API, useLoad, type Censor, type Level } from "./types.ts";

/** "MA A, EN" → `[{ subject: "MA", level: "A" }, { subject: "EN" }]`. */
function parseCensorSubjects(text: string): { subject: string; level?: Level }[] {
  return text
    .split(",")
    .map((x) => x.trim().split(/\s+/))
    .filter((p) => p[0])
    .map(([subject, level]) => (level && ["A", "B", "C"].includes(level.toUpperCase()) ? { subject: subject!, level: level.toUpperCase() as Level } : { subject: subject! }));
}

/** Create a censor (API `POST /censors`); a refusal's findings are shown with the form. */
function NewCensorForm({ onDone }: { onDone: () => void }) {
  const t = useTexts(TEXTS);
  const [form, setForm] = useState({ name: "", employedAt: "", subjects: "", capacity: "10" });
  const [findings, setFindings] = useState<Finding[]>([]);
  const [err, setErr] = useState<unknown>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    setFindings([]);
    try {
      await post<Censor>(`${API}/censors`, {
        name: form.name,
        employedAt: form.employedAt.split(",").map((x) => x.trim()).filter(Boolean),
        subjects: parseCensorSubjects(form.subjects),
        capacity: Number(form.capacity),
      });
      setForm({ name: "", employedAt: "", subjects: "", capacity: "10" });
      onDone();
    } catch (x) {
      if (x instanceof ApiError && x.findings.length > 0) setFindings(x.findings);
      else setErr(x);
    }
  };
  return (
    <form className="card" onSubmit={(e) => void create(e)} data-testid="ek-new-censor">
      <h2>{t("censor.new")}</h2>
      <ProblemBanner error={err} />
      <FindingList findings={findings} testid="ek-censor-form-findings" />
      <div className="grid">
        <Field name="censorName" label={t("examinees.name")} findings={[]}>
          {({ id }) => <input id={id} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required data-testid="ek-censor-name" />}
        </Field>
        <Field name="employedAt" label={t("censor.employedAt")} hint={t("censor.employedAtHint")} findings={[]}>
          {({ id, describedBy }) => <input id={id} value={form.employedAt} onChange={(e) => setForm({ ...form, employedAt: e.target.value })} aria-describedby={describedBy} data-testid="ek-censor-employed" />}
        </Field>
        <Field name="censorSubjects" label={t("censor.subjects")} hint={t("censor.subjectsHint")} findings={[]}>
          {({ id, describedBy }) => <input id={id} value={form.subjects} onChange={(e) => setForm({ ...form, subjects: e.target.value })} aria-describedby={describedBy} data-testid="ek-censor-subjects" />}
        </Field>
        <Field name="capacity" label={t("censor.capacity")} findings={[]}>
          {({ id }) => <input id={id} type="number" min={0} value={form.capacity} onChange={(e) => setForm({ ...form, capacity: e.target.value })} required data-testid="ek-censor-capacity" />}
        </Field>
      </div>
      <button type="submit" className="primary" data-testid="ek-censor-create">
        {t("censor.create")}
      </button>
    </form>
  );
}

function CensorsPage({ session }: { session: Session }) {
  const t = useTexts(TEXTS);
  const { data, error, reload } = useLoad<Censor[]>(`${API}/censors`);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("censor.list")}</h1>
      </div>
      <p className="small">{t("censor.intro")}</p>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="ek-censors">
            <thead>
              <tr>
                <th>{t("examinees.name")}</th>
                <th>{t("censor.employedAt")}</th>
                <th>{t("censor.subjects")}</th>
                <th>{t("censor.capacity")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((c) => (
                <tr key={c.id} data-testid="ek-censor-row" data-name={c.name}>
                  <td>{c.name}</td>
                  <td>{c.employedAt.join(", ") || t("none")}</td>
                  <td>{c.subjects.map((s) => `${s.subject}${s.level ? ` ${s.level}` : ""}`).join(", ")}</td>
                  <td className="num">{c.capacity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {session.canWrite && <NewCensorForm onDone={reload} />}
    </div>
  );
}

const NAV = {
  terms: { da: "Terminer", en: "Terms" },
  examinees: { da: "Eksaminander", en: "Examinees" },
  complaints: { da: "Klager", en: "Complaints" },
  censors: { da: "Censorer", en: "Censors" },
};

export const eksamenModule: WebModule = {
  id: "eksamen",
  name: { da: "Prøver og eksamen", en: "Exams" },
  home: "/eksamen",
  nav: [
    { to: "/eksamen", label: NAV.terms, testid: "nav-eksamen-terms", active: (p) => p === "/eksamen" || p.startsWith("/eksamen/terms") || p.startsWith("/eksamen/exams") },
    { to: "/eksamen/examinees", label: NAV.examinees, testid: "nav-eksamen-examinees", active: (p) => p.startsWith("/eksamen/examinees") },
    { to: "/eksamen/complaints", label: NAV.complaints, testid: "nav-eksamen-complaints", active: (p) => p.startsWith("/eksamen/complaints") },
    { to: "/eksamen/censors", label: NAV.censors, testid: "nav-eksamen-censors", active: (p) => p.startsWith("/eksamen/censors") },
  ],
  page(path, _query, session) {
    let m: Record<string, string> | null;
    if (path === "/eksamen") return <TermsPage session={session} />;
    if ((m = match("/eksamen/terms/:id", path))) return <TermPage key={m.id} session={session} id={m.id!} />;
    if ((m = match("/eksamen/exams/:id", path))) return <ExamPage key={m.id} session={session} id={m.id!} />;
    if (path === "/eksamen/examinees") return <ExamineesPage session={session} />;
    if ((m = match("/eksamen/examinees/:id", path))) return <ExamineePage key={m.id} session={session} id={m.id!} />;
    if (path === "/eksamen/complaints") return <ComplaintsPage />;
    if ((m = match("/eksamen/complaints/:id", path))) return <ComplaintPage key={m.id} session={session} id={m.id!} />;
    if (path === "/eksamen/censors") return <CensorsPage session={session} />;
    return null;
  },
  afterSwitch(path) {
    if (path.startsWith("/eksamen/examinees/")) return "/eksamen/examinees";
    if (path.startsWith("/eksamen/complaints/")) return "/eksamen/complaints";
    if (path.startsWith("/eksamen/terms/") || path.startsWith("/eksamen/exams/")) return "/eksamen";
    return null;
  },
};

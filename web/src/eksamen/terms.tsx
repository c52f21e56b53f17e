/**
 * The term plan (issue 4, "web pages — term plan … censor assignment with the conflicts explained"): the terms, one
 * term's exams per day with their § 12 form and censor, the registrations with their access findings (§§ 7–10), and
 * the censor assignment (§ 27) with every exam that could not get a censor and why.
 */
import { useState, type FormEvent } from "react";
import type { Session } from "../App.tsx";
import { post, qs } from "../api.ts";
import { useSubmit } from "../forms.ts";
import { Banner, CountBadges, Field, FindingItem, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { formatDate, pick, useI18n, useTexts } from "../i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { PART_LABEL, TEXTS } from "./texts.ts";
import { API, subjectName, useLoad, type AnswerForm, type CensorAssignment, type Exam, type ExamForm, type Level, type Part, type Registration, type Subject, type Teacher, type Term, type TermPlan } from "./types.ts";

const useT = () => useTexts(TEXTS);

export function TermsPage({ session }: { session: Session }) {
  const t = useT();
  const { lang } = useI18n();
  const { data, error } = useLoad<Term[]>(`${API}/terms`);
  const [form, setForm] = useState({ name: "", start: "", end: "", selfStudyDeadline: "" });
  const [err, setErr] = useState<unknown>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    try {
      const term = await post<Term>(`${API}/terms`, { name: form.name, start: form.start, end: form.end, ...(form.selfStudyDeadline ? { selfStudyDeadline: form.selfStudyDeadline } : {}) });
      navigate(`/eksamen/terms/${term.id}`);
    } catch (x) {
      setErr(x);
    }
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("terms.title")}</h1>
      </div>
      <p>{t("terms.intro")}</p>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : data.length === 0 ? (
        <p className="card">{t("terms.none")}</p>
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="ek-terms">
            <thead>
              <tr>
                <th>{t("terms.name")}</th>
                <th>{t("terms.period")}</th>
                <th>{t("terms.selfStudyDeadline")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((term) => (
                <tr key={term.id} data-testid="ek-term-row" data-name={term.name}>
                  <td>
                    <Link to={`/eksamen/terms/${term.id}`} data-testid="ek-term-link">
                      {term.name}
                    </Link>
                  </td>
                  <td>
                    {formatDate(term.start, lang)} – {formatDate(term.end, lang)}
                  </td>
                  <td>{term.selfStudyDeadline ? formatDate(term.selfStudyDeadline, lang) : t("none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {session.canWrite && (
        <form className="card" onSubmit={(e) => void create(e)} data-testid="ek-new-term">
          <h2>{t("terms.new")}</h2>
          <ProblemBanner error={err} />
          <label>
            {t("terms.name")} <input value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} required data-testid="ek-term-name" />
          </label>{" "}
          <label>
            {t("terms.start")} <input type="date" value={form.start} onChange={(e) => setForm({ ...form, start: e.target.value })} required data-testid="ek-term-start" />
          </label>{" "}
          <label>
            {t("terms.end")} <input type="date" value={form.end} onChange={(e) => setForm({ ...form, end: e.target.value })} required data-testid="ek-term-end" />
          </label>{" "}
          <label>
            {t("terms.selfStudyDeadline")}{" "}
            <input type="date" value={form.selfStudyDeadline} onChange={(e) => setForm({ ...form, selfStudyDeadline: e.target.value })} data-testid="ek-term-selfstudy" />
          </label>{" "}
          <button type="submit" className="primary" data-testid="ek-term-create">
            {t("terms.create")}
          </button>
        </form>
      )}
    </div>
  );
}

/** The § 12 form in one line: "mundtlig · lodtrækning · 30 min forberedelse · 30 min eksamination · censor fra ministeriet". */
export function formText(f: ExamForm, lang: "da" | "en"): string {
  const parts: string[] = [f.answer.map((a) => pick(PART_LABEL[a], lang)).join(" + ")];
  if (f.course.draw) parts.push(lang === "da" ? "lodtrækning" : "draw");
  if (f.course.preparationMinutes > 0) parts.push(lang === "da" ? `${f.course.preparationMinutes} min forberedelse` : `${f.course.preparationMinutes} min preparation`);
  if (f.course.examinationMinutes > 0) parts.push(lang === "da" ? `${f.course.examinationMinutes} min eksamination` : `${f.course.examinationMinutes} min examination`);
  else if (f.course.timeMinutes > 0) parts.push(`${f.course.timeMinutes} min`);
  if (f.electronic) parts.push(lang === "da" ? "elektronisk" : "electronic");
  if (f.group) parts.push(lang === "da" ? "gruppe" : "group");
  parts.push(f.setBy === "ministry" ? (lang === "da" ? "opgave stillet af ministeriet" : "task set by the ministry") : lang === "da" ? "opgave stillet af institutionen" : "task set by the institution");
  return parts.join(" · ");
}

export const examLabel = (e: Pick<Exam, "subject" | "level" | "part">, lang: "da" | "en") =>
  `${subjectName(e.subject, lang)}${e.level ? ` ${e.level}` : ""} – ${pick(PART_LABEL[e.part], lang)}`;

export function TermPage({ session, id }: { session: Session; id: string }) {
  const t = useT();
  const { lang } = useI18n();
  const plan = useLoad<TermPlan>(`${API}/terms/${encodeURIComponent(id)}/plan`);
  const regs = useLoad<Registration[]>(`${API}/registrations${qs({ termId: id })}`);
  if (plan.error) return <ProblemBanner error={plan.error} />;
  const p = plan.data;
  if (!p) return <Spinner />;
  const exams = [...p.exams].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.subject.code.localeCompare(b.subject.code)));
  const byId = new Map(p.exams.map((e) => [e.id, e]));
  return (
    <div className="page">
      <p className="crumbs">
        <Link to="/eksamen">← {t("nav.terms")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="ek-term-title">
          {t("plan.title")}: {p.term.name}
        </h1>
        <span>
          {formatDate(p.term.start, lang)} – {formatDate(p.term.end, lang)}
        </span>
      </div>
      <FindingList findings={p.findings} testid="ek-plan-findings" />
      <section className="card" aria-labelledby="ek-days-h">
        <h2 id="ek-days-h">{t("plan.days")}</h2>
        <ul className="diff-list" data-testid="ek-plan-days">
          {p.days.map((d) => (
            <li key={d.date} data-testid="ek-plan-day" data-date={d.date} data-exams={d.exams}>
              <strong>{formatDate(d.date, lang)}</strong>: {d.exams === 1 ? t("plan.perDay1") : t("plan.perDay", { n: d.exams })}
            </li>
          ))}
        </ul>
        {p.unassigned > 0 && p.findings.length === 0 && <Banner kind="warning">{p.unassigned === 1 ? t("plan.unassigned1") : t("plan.unassigned", { n: p.unassigned })}</Banner>}
      </section>
      <section className="card flush" aria-labelledby="ek-exams-h">
        <div className="table-head">
          <h2 id="ek-exams-h">{t("plan.exams")}</h2>
        </div>
        <div className="table-scroll">
          <table className="table" data-testid="ek-exams">
            <thead>
              <tr>
                <th>{t("plan.date")}</th>
                <th>{t("plan.subject")}</th>
                <th>{t("plan.form")}</th>
                <th>{t("plan.censor")}</th>
                <th>{t("plan.registrations")}</th>
              </tr>
            </thead>
            <tbody>
              {exams.map((e) => (
                <tr key={e.id} data-testid="ek-exam-row" data-subject={e.subject.code} data-level={e.level ?? ""} data-part={e.part} data-censor={e.censorId ?? ""}>
                  <td className="nowrap">{formatDate(e.date, lang)}</td>
                  <td>
                    <Link to={`/eksamen/exams/${e.id}`} data-testid="ek-exam-link">
                      {examLabel(e, lang)}
                    </Link>
                  </td>
                  <td className="small">{formText(e.form, lang)}</td>
                  <td>{e.censorName ?? <span className="muted">{t("plan.noCensor")}</span>}</td>
                  <td className="num">{e.registrations}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <CensorAssignmentSection session={session} termId={id} exams={byId} onDone={plan.reload} />
      {session.canWrite && <NewExamForm termId={id} onDone={plan.reload} />}
      {session.canWrite && <Export39Section termId={id} />}
      <section className="card flush" aria-labelledby="ek-regs-h">
        <div className="table-head">
          <h2 id="ek-regs-h">{t("plan.registrationsTitle")}</h2>
        </div>
        <ProblemBanner error={regs.error} />
        {!regs.data ? <Spinner /> : <RegistrationTable regs={regs.data} exams={byId} />}
      </section>
    </div>
  );
}

/** Registrations with their access decision and the findings that explain it (§§ 7–10). */
export function RegistrationTable({ regs, exams }: { regs: Registration[]; exams?: Map<string, Exam> }) {
  const t = useT();
  const { lang } = useI18n();
  if (regs.length === 0) return <p className="empty">{t("plan.noRegistrations")}</p>;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="ek-registrations">
        <thead>
          <tr>
            <th>{t("exam.examinee")}</th>
            {exams && <th>{t("plan.subject")}</th>}
            <th>{t("exam.registeredOn")}</th>
            <th>{t("exam.accepted")}</th>
            <th>{t("exam.deadline")}</th>
          </tr>
        </thead>
        <tbody>
          {regs.map((r) => {
            const exam = exams?.get(r.examId);
            const errors = r.findings.filter((f) => f.severity === "error").length;
            const warnings = r.findings.filter((f) => f.severity === "warning").length;
            return (
              <tr key={r.id} data-testid="ek-registration-row" data-examinee={r.examineeName} data-accepted={String(r.accepted)}>
                <td>
                  <Link to={`/eksamen/examinees/${r.examineeId}`}>{r.examineeName}</Link>
                  {r.selfStudy && <span className="pill"> {lang === "da" ? "selvstuderende" : "self-study"}</span>}
                </td>
                {exams && <td>{exam ? <Link to={`/eksamen/exams/${exam.id}`}>{examLabel(exam, lang)}</Link> : r.examId}</td>}
                <td className="nowrap">{formatDate(r.registeredOn, lang)}</td>
                <td>
                  <strong>{r.accepted ? t("exam.accepted") : t("exam.refused")}</strong> <CountBadges errors={errors} warnings={warnings} />
                  <FindingList findings={r.findings} />
                </td>
                <td className="nowrap">{r.deadline ? formatDate(r.deadline, lang) : t("none")}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function CensorAssignmentSection({ session, termId, exams, onDone }: { session: Session; termId: string; exams: Map<string, Exam>; onDone: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const saved = useLoad<CensorAssignment>(`${API}/terms/${encodeURIComponent(termId)}/censor-assignment`);
  const [result, setResult] = useState<CensorAssignment | null>(null);
  const [reading, setReading] = useState<"repeated-or-mutual" | "mutual-only">("repeated-or-mutual");
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setErr(null);
    try {
      setResult(await post<CensorAssignment>(`${API}/terms/${encodeURIComponent(termId)}/censor-assignment`, { reading }));
      onDone();
    } catch (x) {
      setErr(x);
    } finally {
      setBusy(false);
    }
  };
  const a = result ?? saved.data;
  const name = (examId: string, fallback: { subject: unknown; level: string | null }) => {
    const e = exams.get(examId);
    if (e) return examLabel(e, lang);
    return `${typeof fallback.subject === "string" ? fallback.subject : subjectName(fallback.subject as Exam["subject"], lang)}${fallback.level ? ` ${fallback.level}` : ""}`;
  };
  return (
    <section className="card" aria-labelledby="ek-censor-h" data-testid="ek-censor-assignment">
      <h2 id="ek-censor-h">{t("censor.title")}</h2>
      <p className="small">{t("censor.intro")}</p>
      {session.canWrite && (
        <div className="report-controls">
          <label>
            {t("censor.reading")}{" "}
            <select value={reading} onChange={(e) => setReading(e.target.value as typeof reading)} data-testid="ek-censor-reading">
              <option value="repeated-or-mutual">{t("censor.reading.repeated-or-mutual")}</option>
              <option value="mutual-only">{t("censor.reading.mutual-only")}</option>
            </select>
          </label>{" "}
          <button type="button" className="primary" onClick={() => void run()} disabled={busy} data-testid="ek-censor-run">
            {busy ? t("censor.running") : t("censor.run")}
          </button>
        </div>
      )}
      <ProblemBanner error={err} />
      {!a ? (
        saved.error ? (
          <p className="muted">{t("censor.notRun")}</p>
        ) : (
          <Spinner />
        )
      ) : (
        <div className="two-col">
          <div>
            <h3>
              {t("censor.assigned")} ({a.assigned.length})
            </h3>
            {a.assigned.length === 0 ? (
              <p className="muted">{t("censor.notRun")}</p>
            ) : (
              <ul data-testid="ek-censor-assigned">
                {a.assigned.map((x) => (
                  <li key={x.examId} data-testid="ek-censor-assigned-row" data-exam={x.examId} data-censor={x.censorId}>
                    {formatDate(x.date, lang)} · {name(x.examId, x)} → <strong>{x.censorName}</strong>
                  </li>
                ))}
              </ul>
            )}
            <h3>{t("censor.unassigned")}</h3>
            {a.unassigned.length === 0 ? (
              <p data-testid="ek-censor-unassigned-none">{t("censor.unassigned.none")}</p>
            ) : (
              <ul className="findings" data-testid="ek-censor-unassigned">
                {a.unassigned.map((u) => (
                  <li key={u.examId} data-testid="ek-censor-unassigned-row" data-exam={u.examId} data-reason={u.reason}>
                    <strong>
                      {formatDate(u.date, lang)} · {name(u.examId, u)}: {t(`censor.reason.${u.reason}`)}
                    </strong>
                    <ul className="findings">
                      <FindingItem f={u.finding} />
                    </ul>
                  </li>
                ))}
              </ul>
            )}
            <FindingList findings={a.findings} testid="ek-censor-findings" />
          </div>
          <div>
            <h3>{t("censor.load")}</h3>
            <table className="table" data-testid="ek-censor-load">
              <tbody>
                {a.load.map((l) => (
                  <tr key={l.censorId} data-testid="ek-censor-load-row" data-censor={l.censorId} data-exams={l.exams}>
                    <td>{l.name}</td>
                    <td className="num">{t("censor.loadOf", { n: l.exams, cap: l.capacity })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

/** The § 39 grade report of the term (API `GET /export39`, write roles): plain links, the session cookie authorises them. */
function Export39Section({ termId }: { termId: string }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="ek-export39-h" data-testid="ek-export39">
      <h2 id="ek-export39-h">{t("export39.title")}</h2>
      <p className="small">{t("export39.intro")}</p>
      <p className="downloads">
        <a href={`${API}/export39${qs({ termId, format: "csv" })}`} download data-testid="ek-export39-csv">
          {t("export39.csv")}
        </a>{" "}
        ·{" "}
        <a href={`${API}/export39${qs({ termId, format: "json" })}`} download={`karakterindberetning-39-${termId.slice(0, 8)}.json`} data-testid="ek-export39-json">
          {t("export39.json")}
        </a>
      </p>
    </section>
  );
}

const ANSWERS: AnswerForm[] = ["written", "oral", "practical"];
const EXAM_FIELDS = ["subjectCode", "date", "form.answer", "examinerIds"];

/** Create an exam with its § 12 form (API `POST /exams`); a refusal's findings sit beside their field (date outside the term, no answer form, unknown subject or teacher). */
function NewExamForm({ termId, onDone }: { termId: string; onDone: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const subjects = useLoad<Subject[]>(`${API}/subjects`);
  const teachers = useLoad<Teacher[]>(`${API}/teachers`);
  const empty = { subjectCode: "", level: "" as Level | "", part: "oral" as Part, date: "", examinerIds: [] as string[] };
  const emptyForm: ExamForm = { basis: { forlaeg: "", otherMaterial: false }, course: { timeMinutes: 0, draw: true, preparationMinutes: 30, examinationMinutes: 30 }, answer: ["oral"], electronic: false, multiSubject: false, group: false, setBy: "institution" };
  const [x, setX] = useState(empty);
  const [f, setF] = useState<ExamForm>(emptyForm);
  const sub = useSubmit();
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const r = await sub.run(() => post<Exam>(`${API}/exams`, { termId, subjectCode: x.subjectCode, level: x.level || null, part: x.part, date: x.date, form: f, examinerIds: x.examinerIds }));
    if (r) {
      setX(empty);
      setF(emptyForm);
      onDone();
    }
  };
  const { at, err } = sub;
  const other = sub.rest(EXAM_FIELDS);
  const num = (v: string) => Math.max(0, Math.floor(Number(v) || 0));
  return (
    <form className="card" onSubmit={(e) => void create(e)} data-testid="ek-new-exam">
      <h2>{t("examNew.title")}</h2>
      <ProblemBanner error={err} />
      <FindingList findings={other} testid="ek-new-exam-findings" />
      <div className="grid">
        <Field name="subjectCode" label={t("examNew.subject")} findings={at("subjectCode")}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={x.subjectCode} onChange={(e) => setX({ ...x, subjectCode: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required data-testid="ek-new-exam-subject">
              <option value="">{t("none")}</option>
              {(subjects.data ?? []).map((s) => (
                <option key={s.code} value={s.code}>
                  {s.code} – {subjectName(s, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="level" label={t("examNew.level")} findings={[]}>
          {({ id }) => (
            <select id={id} value={x.level} onChange={(e) => setX({ ...x, level: e.target.value as Level | "" })} data-testid="ek-new-exam-level">
              <option value="">{t("none")}</option>
              <option value="A">A</option>
              <option value="B">B</option>
              <option value="C">C</option>
            </select>
          )}
        </Field>
        <Field name="part" label={t("examNew.part")} findings={[]}>
          {({ id }) => (
            <select id={id} value={x.part} onChange={(e) => setX({ ...x, part: e.target.value as Part })} data-testid="ek-new-exam-part">
              {(["written", "oral", "practical", "combined"] as const).map((p) => (
                <option key={p} value={p}>
                  {pick(PART_LABEL[p], lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="date" label={t("examNew.date")} findings={at("date")}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" value={x.date} onChange={(e) => setX({ ...x, date: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required data-testid="ek-new-exam-date" />
          )}
        </Field>
        <Field name="examinerIds" label={t("examNew.examiners")} findings={at("examinerIds")}>
          {({ id, describedBy, invalid }) => (
            <select
              id={id}
              multiple
              value={x.examinerIds}
              onChange={(e) => setX({ ...x, examinerIds: Array.from(e.target.selectedOptions, (o) => o.value) })}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              data-testid="ek-new-exam-examiners"
            >
              {(teachers.data ?? []).map((tc) => (
                <option key={tc.id} value={tc.id}>
                  {tc.name} ({tc.initials})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="forlaeg" label={t("examNew.forlaeg")} findings={[]}>
          {({ id }) => <input id={id} value={f.basis.forlaeg} onChange={(e) => setF({ ...f, basis: { ...f.basis, forlaeg: e.target.value } })} data-testid="ek-new-exam-forlaeg" />}
        </Field>
        <Field name="form.answer" label={t("examNew.answer")} findings={at("form.answer")}>
          {() => (
            <span data-testid="ek-new-exam-answer">
              {ANSWERS.map((a) => (
                <label key={a}>
                  <input
                    type="checkbox"
                    checked={f.answer.includes(a)}
                    onChange={(e) => setF({ ...f, answer: e.target.checked ? [...f.answer, a] : f.answer.filter((b) => b !== a) })}
                    data-testid={`ek-new-exam-answer-${a}`}
                  />{" "}
                  {pick(PART_LABEL[a], lang)}
                </label>
              ))}
            </span>
          )}
        </Field>
        {(["timeMinutes", "preparationMinutes", "examinationMinutes"] as const).map((k) => (
          <Field key={k} name={k} label={t(`examNew.${k}`)} findings={[]}>
            {({ id }) => <input id={id} type="number" min={0} value={f.course[k]} onChange={(e) => setF({ ...f, course: { ...f.course, [k]: num(e.target.value) } })} data-testid={`ek-new-exam-${k}`} />}
          </Field>
        ))}
        <Field name="setBy" label={t("examNew.setBy")} findings={[]}>
          {({ id }) => (
            <select id={id} value={f.setBy} onChange={(e) => setF({ ...f, setBy: e.target.value as ExamForm["setBy"] })} data-testid="ek-new-exam-setby">
              <option value="institution">{t("examNew.setBy.institution")}</option>
              <option value="ministry">{t("examNew.setBy.ministry")}</option>
            </select>
          )}
        </Field>
        <div className="field">
          <label>
            <input type="checkbox" checked={f.course.draw} onChange={(e) => setF({ ...f, course: { ...f.course, draw: e.target.checked } })} data-testid="ek-new-exam-draw" /> {t("examNew.draw")}
          </label>{" "}
          <label>
            <input type="checkbox" checked={f.basis.otherMaterial} onChange={(e) => setF({ ...f, basis: { ...f.basis, otherMaterial: e.target.checked } })} /> {t("examNew.otherMaterial")}
          </label>{" "}
          <label>
            <input type="checkbox" checked={f.electronic} onChange={(e) => setF({ ...f, electronic: e.target.checked })} /> {t("examNew.electronic")}
          </label>{" "}
          <label>
            <input type="checkbox" checked={f.multiSubject} onChange={(e) => setF({ ...f, multiSubject: e.target.checked })} /> {t("examNew.multiSubject")}
          </label>{" "}
          <label>
            <input type="checkbox" checked={f.group} onChange={(e) => setF({ ...f, group: e.target.checked })} /> {t("examNew.group")}
          </label>
        </div>
      </div>
      <button type="submit" className="primary" data-testid="ek-new-exam-create">
        {t("examNew.create")}
      </button>
    </form>
  );
}

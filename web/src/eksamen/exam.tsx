/**
 * One exam: its § 12 form, the registrations with the access decision and its findings (§ 7; § 8 for self-study
 * examinees, checked live before saving), and grade entry on the 7-trinsskala — a grade not on the scale comes back
 * from the server as a finding with its paragraph, shown beside the field, and nothing is saved.
 */
import { useEffect, useMemo, useState, type FormEvent } from "react";
import type { Session } from "../App.tsx";
import { ApiError, get, post, put, type Finding } from "../api.ts";
import { useSubmit } from "../forms.ts";
import { Banner, Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { formatDate, useI18n, useTexts } from "../i18n.tsx";
import { Link } from "../router.tsx";
import { TEXTS } from "./texts.ts";
import { examLabel, formText, RegistrationTable } from "./terms.tsx";
import { API, GRADE_ROLES, SCALE, today, useLoad, type Exam, type Examinee, type ExamineeDetail, type Grade, type Level, type Registration } from "./types.ts";

const useT = () => useTexts(TEXTS);

type ExamDetail = Exam & { registrations: Registration[] };

export function ExamPage({ session, id }: { session: Session; id: string }) {
  const t = useT();
  const { lang } = useI18n();
  const exam = useLoad<ExamDetail>(`${API}/exams/${encodeURIComponent(id)}`);
  if (exam.error) return <ProblemBanner error={exam.error} />;
  const e = exam.data;
  if (!e) return <Spinner />;
  return (
    <div className="page">
      <p className="crumbs">
        <Link to={`/eksamen/terms/${e.termId}`}>← {t("plan.title")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="ek-exam-title">{examLabel(e, lang)}</h1>
        <span>{formatDate(e.date, lang)}</span>
      </div>
      <section className="card">
        <p>
          <strong>{t("plan.form")}:</strong> {formText(e.form, lang)}
        </p>
        <p>
          <strong>{t("plan.censor")}:</strong> {e.censorName ?? t("plan.noCensor")}
        </p>
      </section>
      <section className="card flush" aria-labelledby="ek-exam-regs-h">
        <div className="table-head">
          <h2 id="ek-exam-regs-h">{t("exam.registrations")}</h2>
        </div>
        <RegistrationTable regs={e.registrations} />
      </section>
      {session.canWrite && <RegisterForm exam={e} onSaved={exam.reload} />}
      <GradeEntry session={session} exam={e} />
    </div>
  );
}

interface RegForm {
  examineeId: string;
  registeredOn: string;
  followedTeaching: boolean;
  formal: "yes" | "no" | "unknown";
  follows: Level[];
}

function RegisterForm({ exam, onSaved }: { exam: ExamDetail; onSaved: () => void }) {
  const t = useT();
  const examinees = useLoad<Examinee[]>(`${API}/examinees`);
  const [form, setForm] = useState<RegForm>({ examineeId: "", registeredOn: today(), followedTeaching: true, formal: "unknown", follows: [] });
  const [check, setCheck] = useState<{ accepted: boolean; deadline: string | null; findings: Finding[] } | null>(null);
  const [checking, setChecking] = useState(false);
  const [err, setErr] = useState<unknown>(null);
  const [refused, setRefused] = useState<Finding[]>([]);
  const body = useMemo(
    () => ({
      examId: exam.id,
      examineeId: form.examineeId,
      registeredOn: form.registeredOn,
      followedTeaching: form.followedTeaching,
      formalRequirementsMet: form.formal === "unknown" ? null : form.formal === "yes",
      ...(form.follows.length > 0 ? { followsOrWillFollow: form.follows } : {}),
    }),
    [exam.id, form],
  );
  // live check (nothing saved), debounced
  useEffect(() => {
    if (!form.examineeId || !form.registeredOn) {
      setCheck(null);
      return;
    }
    const ctl = new AbortController();
    setChecking(true);
    const timer = setTimeout(() => {
      post<{ accepted: boolean; deadline: string | null; findings: Finding[] }>(`${API}/registrations/check`, body, ctl.signal).then(
        (r) => {
          setCheck(r);
          setChecking(false);
        },
        (x: unknown) => {
          if (ctl.signal.aborted) return;
          setCheck(x instanceof ApiError ? { accepted: false, deadline: null, findings: x.findings } : null);
          setChecking(false);
        },
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [body, form.examineeId, form.registeredOn]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    setRefused([]);
    try {
      await post<Registration>(`${API}/registrations`, body);
      setForm({ ...form, examineeId: "" });
      onSaved();
    } catch (x) {
      if (x instanceof ApiError && x.status === 422) setRefused(x.findings);
      else setErr(x);
    }
  };
  const higher = (["A", "B", "C"] as const).filter((l) => exam.level !== null && l < exam.level); // "A" < "B": A is higher than B
  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="ek-register">
      <h2>{t("exam.register")}</h2>
      <ProblemBanner error={err} />
      <div className="grid">
        <Field name="examineeId" label={t("exam.examinee")} findings={[]}>
          {({ id }) => (
            <select id={id} value={form.examineeId} onChange={(e) => setForm({ ...form, examineeId: e.target.value })} required data-testid="ek-register-examinee">
              <option value="">{t("exam.choose")}</option>
              {(examinees.data ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name} ({x.cprMasked})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="registeredOn" label={t("exam.registeredOn")} findings={[]}>
          {({ id }) => <input id={id} type="date" value={form.registeredOn} onChange={(e) => setForm({ ...form, registeredOn: e.target.value })} required data-testid="ek-register-on" />}
        </Field>
        <Field name="followedTeaching" label={t("exam.followedTeaching")} findings={[]}>
          {({ id }) => <input id={id} type="checkbox" checked={form.followedTeaching} onChange={(e) => setForm({ ...form, followedTeaching: e.target.checked })} data-testid="ek-register-followed" />}
        </Field>
        <Field name="formalRequirementsMet" label={t("exam.formalRequirementsMet")} findings={[]}>
          {({ id }) => (
            <select id={id} value={form.formal} onChange={(e) => setForm({ ...form, formal: e.target.value as RegForm["formal"] })} data-testid="ek-register-formal">
              <option value="unknown">{t("exam.formalRequirements.unknown")}</option>
              <option value="yes">{t("yes")}</option>
              <option value="no">{t("no")}</option>
            </select>
          )}
        </Field>
        {higher.length > 0 && (
          <Field name="followsOrWillFollow" label={t("exam.followsHigher")} findings={[]}>
            {() => (
              <span>
                {higher.map((l) => (
                  <label key={l} className="inline-check">
                    <input
                      type="checkbox"
                      checked={form.follows.includes(l)}
                      onChange={(e) => setForm({ ...form, follows: e.target.checked ? [...form.follows, l] : form.follows.filter((x) => x !== l) })}
                      data-testid={`ek-register-follows-${l}`}
                    />{" "}
                    {l}
                  </label>
                ))}
              </span>
            )}
          </Field>
        )}
      </div>
      <div data-testid="ek-register-check" data-checking={checking ? "yes" : "no"} data-accepted={check ? String(check.accepted) : ""}>
        {checking && <p className="muted">{t("exam.checking")}</p>}
        {check && (
          <>
            <Banner kind={check.accepted ? "success" : "error"}>
              {check.accepted ? t("exam.accepted") : t("exam.refused")}
              {check.deadline ? ` · ${t("exam.deadline")} ${check.deadline}` : ""}
            </Banner>
            <FindingList findings={check.findings} />
          </>
        )}
      </div>
      {refused.length > 0 && (
        <Banner kind="error" testid="ek-register-refused">
          <FindingList findings={refused} />
        </Banner>
      )}
      <button type="submit" className="primary" data-testid="ek-register-save">
        {t("save")}
      </button>
    </form>
  );
}

/** The valid exam grade of this exam for an examinee (the last version of the last grade of the exam). */
function gradeOf(detail: ExamineeDetail | undefined, examId: string): Grade | undefined {
  const gs = (detail?.grades ?? []).filter((g) => g.examId === examId && g.status === "valid");
  return gs.sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : 1)).at(-1);
}

function GradeEntry({ session, exam }: { session: Session; exam: ExamDetail }) {
  const t = useT();
  const mayGrade = session.roles.some((r) => GRADE_ROLES.includes(r));
  const [details, setDetails] = useState<Record<string, ExamineeDetail> | null>(null);
  const [n, setN] = useState(0);
  const ids = useMemo(() => [...new Set(exam.registrations.map((r) => r.examineeId))], [exam.registrations]);
  useEffect(() => {
    const ctl = new AbortController();
    void Promise.all(ids.map((x) => get<ExamineeDetail>(`${API}/examinees/${encodeURIComponent(x)}`, ctl.signal).catch(() => undefined))).then((ds) => {
      if (ctl.signal.aborted) return;
      const out: Record<string, ExamineeDetail> = {};
      for (const d of ds) if (d) out[d.id] = d;
      setDetails(out);
    });
    return () => ctl.abort();
  }, [ids, n]);
  if (exam.registrations.length === 0) return null;
  return (
    <section className="card" aria-labelledby="ek-grades-h" data-testid="ek-grades" data-loaded={details ? "yes" : "no"}>
      <h2 id="ek-grades-h">{t("exam.grades")}</h2>
      <datalist id="ek-scale">
        {SCALE.map((g) => (
          <option key={g} value={g} />
        ))}
      </datalist>
      {exam.registrations.map((r) => (
        <GradeRow key={r.id} exam={exam} reg={r} current={gradeOf(details?.[r.examineeId], exam.id)} mayGrade={mayGrade} onSaved={() => setN((x) => x + 1)} />
      ))}
    </section>
  );
}

function GradeRow({ exam, reg, current, mayGrade, onSaved }: { exam: ExamDetail; reg: Registration; current: Grade | undefined; mayGrade: boolean; onSaved: () => void }) {
  const t = useT();
  const [grade, setGrade] = useState("");
  const [announcedOn, setAnnouncedOn] = useState(exam.date);
  const [reason, setReason] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const sub = useSubmit();
  const { findings, err } = sub;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const g = await sub.run(() =>
      current
        ? put<Grade>(`${API}/grades/${current.id}`, { grade: grade.trim(), announcedOn, version: current.version, reason })
        : post<Grade>(`${API}/grades`, {
            kind: "exam",
            examineeId: reg.examineeId,
            subjectCode: exam.subject.code,
            ...(exam.level ? { level: exam.level } : {}),
            part: exam.part,
            grade: grade.trim(),
            date: exam.date,
            announcedOn,
            termId: exam.termId,
            examId: exam.id,
          }),
    );
    if (g) {
      setSaved(g.grade);
      setGrade("");
      setReason("");
      onSaved();
    }
  };
  const gradeFindings = findings.filter((f) => !f.subject || f.subject === "grade" || f.subject.endsWith("grade"));
  const other = findings.filter((f) => !gradeFindings.includes(f));
  return (
    <form className="grade-row" style={{ borderTop: "1px solid #e3e6ea", paddingTop: "0.5rem" }} onSubmit={(e) => void save(e)} data-testid="ek-grade-row" data-examinee={reg.examineeName} data-current={current?.grade ?? ""}>
      <h3>
        {t("exam.gradeFor", { name: reg.examineeName })}
        {current && (
          <>
            {" "}
            · {t("exam.current")}: <strong data-testid="ek-grade-current">{current.grade}</strong>
          </>
        )}
      </h3>
      <ProblemBanner error={err} />
      <fieldset disabled={!mayGrade} className="grid">
        <Field name="grade" label={t("exam.grade")} hint={t("exam.gradeHint")} findings={gradeFindings}>
          {({ id, describedBy, invalid }) => (
            <input id={id} list="ek-scale" value={grade} onChange={(e) => setGrade(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} required data-testid="ek-grade-input" />
          )}
        </Field>
        <Field name="announcedOn" label={t("exam.announcedOn")} findings={[]}>
          {({ id }) => <input id={id} type="date" value={announcedOn} onChange={(e) => setAnnouncedOn(e.target.value)} data-testid="ek-grade-announced" />}
        </Field>
        {current && (
          <Field name="reason" label={t("exam.correction")} findings={[]}>
            {({ id }) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} required data-testid="ek-grade-reason" />}
          </Field>
        )}
      </fieldset>
      <FindingList findings={other} />
      {mayGrade && (
        <button type="submit" className="secondary" data-testid="ek-grade-save">
          {t("exam.saveGrade")}
        </button>
      )}
      {saved !== null && (
        <span role="status" data-testid="ek-grade-saved">
          {" "}
          {t("exam.gradeSaved", { grade: saved })}
        </span>
      )}
    </form>
  );
}

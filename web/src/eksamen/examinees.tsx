/**
 * Examinees and the diploma (issue 4, "diploma preview with the exam-result calculation shown step by step"): the
 * examinee's grades, complaints and the preview of the eksamensbevis/prøvebevis — the lines of § 35 (highest grade at
 * the same level, a lower level dropped after a higher one, standpunkt, merit, AP/NV shown without counting), the
 * exam result of §§ 40–42 as a table of weights (§ 40, stk. 1–2), the weighted average (§ 41), the A-level factor
 * ×1,03/×1,06 (§ 42) and the display rounding (a cited setting) — and the ledger of issued documents (§§ 34–36)
 * with issue, revoke and PDF download. The write side — correcting the examinee with its version history, merit (§ 35,
 * stk. 2), special exam conditions (§ 19), cheating cases (§ 20) and leaver's certificates (§ 37) — is in
 * examinee-forms.tsx.
 */
import { useState, type FormEvent } from "react";
import type { Session } from "../App.tsx";
import { post, qs, type Finding } from "../api.ts";
import { useSubmit } from "../forms.ts";
import { Banner, Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { formatDate, pick, useI18n, useTexts } from "../i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { EDUCATION_LABEL, PART_LABEL, SOURCE_LABEL, STATE_LABEL, TEXTS } from "./texts.ts";
import { API, LEADER_ROLES, subjectName, today, useLoad, type ComplaintView, type DiplomaPreview, type DocumentCopy, type DocumentRow, type Exam, type Examinee, type Grade, type ResultView } from "./types.ts";
import { CheatingSection, EditExamineeForm, ExamineeHistory, LeaverSection, MeritSection, SpecialConditionsSection, type ExamineeFull } from "./examinee-forms.tsx";

const useT = () => useTexts(TEXTS);

export function ExamineesPage({ session }: { session: Session }) {
  const t = useT();
  const { lang } = useI18n();
  const [q, setQ] = useState("");
  const { data, error } = useLoad<Examinee[]>(`${API}/examinees${qs({ q })}`);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("examinees.title")}</h1>
      </div>
      <div className="filters">
        <label>
          {t("examinees.search")} <input value={q} onChange={(e) => setQ(e.target.value)} data-testid="ek-examinee-search" />
        </label>
      </div>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : data.length === 0 ? (
        <p className="card">{t("examinees.none")}</p>
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="ek-examinees">
            <thead>
              <tr>
                <th>{t("examinees.name")}</th>
                <th>{t("examinees.cpr")}</th>
                <th>{t("examinees.education")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((x) => (
                <tr key={x.id} data-testid="ek-examinee-row" data-name={x.name}>
                  <td>
                    <Link to={`/eksamen/examinees/${x.id}`} data-testid="ek-examinee-link">
                      {x.name}
                    </Link>
                  </td>
                  <td className="mono">{x.cprMasked}</td>
                  <td>{pick(EDUCATION_LABEL[x.education], lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {session.canWrite && <NewExamineeForm />}
    </div>
  );
}

const EXAMINEE_FIELDS = ["cpr", "name", "education", "coherent", "programmeStart"] as const;

/** Create an examinee (API `POST /examinees`): a refusal's findings (bad CPR, missing name, …) are shown beside their field. */
function NewExamineeForm() {
  const t = useT();
  const { lang } = useI18n();
  const [form, setForm] = useState({ cpr: "", name: "", education: "stx", coherent: true, programmeStart: "", selfStudy: false, repeatsYear: false });
  const sub = useSubmit();
  const { findings, err, busy, at } = sub;
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const x = await sub.run(() => post<Examinee>(`${API}/examinees`, form));
    if (x) navigate(`/eksamen/examinees/${x.id}`);
  };
  const other = sub.rest(EXAMINEE_FIELDS);
  return (
    <form className="card" onSubmit={(e) => void create(e)} data-testid="ek-new-examinee" noValidate>
      <h2>{t("examinees.new")}</h2>
      <ProblemBanner error={err} />
      {findings.length > 0 && (
        <Banner kind="error" testid="ek-examinee-refused">
          {t("examinees.refused")}
        </Banner>
      )}
      <FindingList findings={other} testid="ek-examinee-findings" />
      <div className="grid">
        <Field name="cpr" label={t("examinees.cprFull")} findings={at("cpr")}>
          {({ id, describedBy, invalid }) => (
            <input id={id} value={form.cpr} onChange={(e) => setForm({ ...form, cpr: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} autoComplete="off" data-testid="ek-examinee-cpr" />
          )}
        </Field>
        <Field name="name" label={t("examinees.name")} findings={at("name")}>
          {({ id, describedBy, invalid }) => (
            <input id={id} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-examinee-name-input" />
          )}
        </Field>
        <Field name="education" label={t("examinees.education")} findings={at("education")}>
          {({ id, describedBy, invalid }) => (
            <select id={id} value={form.education} onChange={(e) => setForm({ ...form, education: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-examinee-education">
              {Object.entries(EDUCATION_LABEL).map(([code, label]) => (
                <option key={code} value={code}>
                  {pick(label, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="programmeStart" label={t("examinees.programmeStart")} hint={t("examinees.programmeStartHint")} findings={at("programmeStart")}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" value={form.programmeStart} onChange={(e) => setForm({ ...form, programmeStart: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} data-testid="ek-examinee-start" />
          )}
        </Field>
        <Field name="coherent" label={t("examinees.coherent")} findings={at("coherent")}>
          {({ id }) => <input id={id} type="checkbox" checked={form.coherent} onChange={(e) => setForm({ ...form, coherent: e.target.checked })} data-testid="ek-examinee-coherent" />}
        </Field>
        <Field name="selfStudy" label={t("examinees.selfStudy")} findings={[]}>
          {({ id }) => <input id={id} type="checkbox" checked={form.selfStudy} onChange={(e) => setForm({ ...form, selfStudy: e.target.checked })} data-testid="ek-examinee-selfstudy" />}
        </Field>
        <Field name="repeatsYear" label={t("examinees.repeatsYear")} findings={[]}>
          {({ id }) => <input id={id} type="checkbox" checked={form.repeatsYear} onChange={(e) => setForm({ ...form, repeatsYear: e.target.checked })} data-testid="ek-examinee-repeats" />}
        </Field>
      </div>
      <button type="submit" className="primary" disabled={busy} data-testid="ek-examinee-create">
        {t("examinees.create")}
      </button>
    </form>
  );
}

const lineName = (g: { subject: Grade["subject"]; level: string | null }, lang: "da" | "en") => `${subjectName(g.subject, lang)}${g.level ? ` ${g.level}` : ""}`;

export function ExamineePage({ session, id }: { session: Session; id: string }) {
  const t = useT();
  const { lang } = useI18n();
  const detail = useLoad<ExamineeFull>(`${API}/examinees/${encodeURIComponent(id)}`);
  const exams = useLoad<Exam[]>(`${API}/exams`);
  const [on, setOn] = useState(today());
  const diploma = useLoad<DiplomaPreview>(`${API}/examinees/${encodeURIComponent(id)}/diploma${qs({ on })}`);
  const [complaintErr, setComplaintErr] = useState<unknown>(null);
  if (detail.error) return <ProblemBanner error={detail.error} />;
  const d = detail.data;
  if (!d) return <Spinner />;
  const openComplaint = async (gradeId: string) => {
    setComplaintErr(null);
    try {
      const c = await post<ComplaintView>(`${API}/complaints`, { gradeId });
      navigate(`/eksamen/complaints/${c.id}`);
    } catch (x) {
      setComplaintErr(x);
    }
  };
  const byDate = (a: Grade, b: Grade) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);
  const changed = () => {
    detail.reload();
    diploma.reload();
  };
  return (
    <div className="page">
      <p className="crumbs">
        <Link to="/eksamen/examinees">← {t("nav.examinees")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="ek-examinee-name">{d.name}</h1>
        <span className="mono">{d.cpr ?? d.cprMasked}</span>
        <span>
          {pick(EDUCATION_LABEL[d.education], lang)} · {formatDate(d.programmeStart, lang)}
        </span>
        <span className="pill" data-testid="ek-examinee-version" data-version={d.version}>
          v{d.version}
        </span>
      </div>
      {session.canWrite && <EditExamineeForm key={d.version} examinee={d} onSaved={changed} onReload={changed} />}
      <div>
        <section className="card" aria-labelledby="ek-grades-h">
          <h2 id="ek-grades-h">{t("examinee.grades")}</h2>
          <ProblemBanner error={complaintErr} />
          <table className="table" data-testid="ek-examinee-grades">
            <tbody>
              {[...d.grades].sort(byDate).map((g) => (
                <tr key={g.id} data-testid="ek-examinee-grade" data-subject={g.subject.code} data-level={g.level ?? ""} data-grade={g.grade} data-status={g.status}>
                  <td>{lineName(g, lang)}</td>
                  <td>{pick(PART_LABEL[g.part], lang)}</td>
                  <td className="num">
                    <strong>{g.grade}</strong> {g.status === "void" && <span className="pill">{t("examinee.void")}</span>}
                  </td>
                  <td className="nowrap">{formatDate(g.date, lang)}</td>
                  <td>
                    {session.canWrite && g.status === "valid" && (
                      <button type="button" className="ghost small" onClick={() => void openComplaint(g.id)} data-testid="ek-open-complaint">
                        {t("examinee.newComplaint")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.standpunkt.length > 0 && (
            <>
              <h3>{t("examinee.standpunkt")}</h3>
              <ul>
                {d.standpunkt.map((g) => (
                  <li key={g.id}>
                    {lineName(g, lang)} {pick(PART_LABEL[g.part], lang)}: <strong>{g.grade}</strong>
                  </li>
                ))}
              </ul>
            </>
          )}
          {d.complaints.length > 0 && (
            <>
              <h3>{t("examinee.complaints")}</h3>
              <ul data-testid="ek-examinee-complaints">
                {d.complaints.map((c) => (
                  <li key={c.id}>
                    <Link to={`/eksamen/complaints/${c.id}`}>
                      {lineName(c, lang)} {pick(PART_LABEL[c.part], lang)}
                    </Link>{" "}
                    · {pick(STATE_LABEL[c.state] ?? { da: c.state, en: c.state }, lang)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      </div>
      <section className="card" aria-labelledby="ek-diploma-h" data-testid="ek-diploma">
        <div className="table-head">
          <h2 id="ek-diploma-h">{t("diploma.title")}</h2>
          <label>
            {t("on")} <input type="date" value={on} onChange={(e) => e.target.value && setOn(e.target.value)} data-testid="ek-diploma-on" />
          </label>
        </div>
        <ProblemBanner error={diploma.error} />
        {!diploma.data ? <Spinner /> : <DiplomaView preview={diploma.data} />}
      </section>
      <MeritSection session={session} detail={d} preview={diploma.data} onChange={changed} />
      <SpecialConditionsSection session={session} detail={d} exams={exams.data ?? []} onChange={changed} />
      <CheatingSection session={session} detail={d} exams={exams.data ?? []} onChange={changed} />
      <LeaverSection session={session} detail={d} exams={exams.data ?? []} onChange={changed} />
      <DocumentsSection session={session} examineeId={id} documents={d.documents} onChange={changed} />
      <ExamineeHistory history={d.history} />
    </div>
  );
}

/** The § 35 findings that explain which lines are on the diploma (highest grade, lower level dropped, void, replaced). */
const isLineReason = (f: Finding) => f.severity === "info" && /\bdiploma\.(lower-level|highest-grade|void-grade|replacement|stx-ap-nv|standpunkt)/.test(f.rule);

function DiplomaView({ preview }: { preview: DiplomaPreview }) {
  const t = useT();
  const { lang } = useI18n();
  const lineReasons = preview.findings.filter(isLineReason);
  const otherInfo = preview.findings.filter((f) => f.severity === "info" && !isLineReason(f));
  return (
    <div data-testid="ek-diploma-preview" data-kind={preview.kind ?? ""} data-issuable={String(preview.issuable)}>
      <h3 data-testid="ek-diploma-kind">{preview.kind ? t(`diploma.kind.${preview.kind}`) : t("diploma.kind.none")}</h3>
      <div className="table-scroll">
        <table className="table" data-testid="ek-diploma-lines">
          <thead>
            <tr>
              <th>{t("diploma.subject")}</th>
              <th>{t("diploma.level")}</th>
              <th>{t("diploma.part")}</th>
              <th>{t("diploma.source")}</th>
              <th>{t("diploma.grade")}</th>
              <th>{t("diploma.counts")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.lines.map((l, i) => (
              <tr
                key={`${l.subject.code}-${l.level ?? ""}-${l.part}-${l.source}-${i}`}
                data-testid="ek-diploma-line"
                data-subject={l.subject.code}
                data-level={l.level ?? ""}
                data-part={l.part}
                data-source={l.source}
                data-grade={l.grade ?? ""}
                data-counts={String(l.counts)}
              >
                <td>{subjectName(l.subject, lang)}</td>
                <td>{l.level ?? t("none")}</td>
                <td>{pick(PART_LABEL[l.part], lang)}</td>
                <td>{pick(SOURCE_LABEL[l.source], lang)}</td>
                <td className="num">
                  <strong>{l.grade ?? l.merit ?? t("none")}</strong>
                </td>
                <td>{l.counts ? t("yes") : <span className="muted">{t("diploma.notCounting")}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {lineReasons.length > 0 && (
        <div data-testid="ek-diploma-why">
          <h4>{t("diploma.why")}</h4>
          <FindingList findings={lineReasons} testid="ek-diploma-why-findings" />
        </div>
      )}
      {preview.result && <ResultSteps r={preview.result} />}
      {preview.explanation[lang].length > 0 && (
        <details>
          <summary>{t("diploma.explanation")}</summary>
          <ol className="small" data-testid="ek-diploma-explanation">
            {preview.explanation[lang].map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </details>
      )}
      <Banner kind={preview.issuable ? "success" : "warning"} testid="ek-diploma-issuable">
        {preview.issuable ? t("diploma.issuable") : t("diploma.notIssuable")}
      </Banner>
      <FindingList findings={preview.findings.filter((f) => f.severity !== "info")} testid="ek-diploma-findings" />
      {otherInfo.length > 0 && (
        <details>
          <summary>{t("diploma.otherReasons")}</summary>
          <FindingList findings={otherInfo} />
        </details>
      )}
    </div>
  );
}

/** §§ 40–42 as a table: every grade with its weight, the sums, the average, the factor and the rounding shown. */
function ResultSteps({ r }: { r: ResultView }) {
  const t = useT();
  const { lang } = useI18n();
  const x = (e: { da: string; en: string; exact: string }) => e[lang];
  return (
    <div data-testid="ek-result" data-preliminary={r.preliminary.exact} data-final={r.final.exact} data-passed={String(r.passed)} data-factor={r.factor.exact}>
      <h3>{t("diploma.result")}</h3>
      <dl>
        <dt>{t("diploma.preliminary")}</dt>
        <dd data-testid="ek-result-preliminary">
          <strong className="result-value">{x(r.preliminary)}</strong> <span className="muted">({r.preliminary.exact})</span>
        </dd>
        <dt>{t("diploma.final")}</dt>
        <dd data-testid="ek-result-final">
          <strong className="result-value">{x(r.final)}</strong> <span className="muted">({r.final.exact})</span>
        </dd>
      </dl>
      <p data-testid="ek-result-passed">{r.passed ? t("diploma.passed") : t("diploma.notPassed")}</p>
      <h4>{t("diploma.steps")}</h4>
      <p className="small">{t("diploma.weightsSource", { src: r.weightsSource })}</p>
      <div className="table-scroll">
        <table className="table" data-testid="ek-result-steps">
          <thead>
            <tr>
              <th>{t("diploma.subject")}</th>
              <th>{t("diploma.part")}</th>
              <th>{t("diploma.step.grade")}</th>
              <th>{t("diploma.step.subjectWeight")}</th>
              <th>{t("diploma.step.shares")}</th>
              <th>{t("diploma.step.weight")}</th>
              <th>{t("diploma.step.contribution")}</th>
              <th>{t("diploma.step.ref")}</th>
            </tr>
          </thead>
          <tbody>
            {r.steps.map((s, i) => (
              <tr key={i} data-testid="ek-result-step" data-subject={s.subject.code} data-level={s.level ?? ""} data-grade={s.grade} data-weight={s.weight.exact}>
                <td>
                  {subjectName(s.subject, lang)}
                  {s.level ? ` ${s.level}` : ""}
                </td>
                <td>
                  {pick(PART_LABEL[s.part], lang)} · {pick(SOURCE_LABEL[s.source], lang).toLowerCase()}
                </td>
                <td className="num">{s.grade}</td>
                <td className="num">{x(s.subjectWeight)}</td>
                <td className="num">{s.shares}</td>
                <td className="num">{x(s.weight)}</td>
                <td className="num">{x(s.contribution)}</td>
                <td className="small">{s.ref}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={5}>{t("diploma.sum")}</th>
              <th className="num" data-testid="ek-result-total-weight">
                {x(r.totalWeight)}
              </th>
              <th className="num" data-testid="ek-result-weighted-sum">
                {x(r.weightedSum)}
              </th>
              <th />
            </tr>
          </tfoot>
        </table>
      </div>
      <ol className="small" data-testid="ek-result-lines">
        <li>
          {t("diploma.average", { sum: x(r.weightedSum), weights: x(r.totalWeight), exact: r.preliminary.exact })} — {t("diploma.shownAs", { shown: x(r.preliminary) })}
        </li>
        <li>{t("diploma.aLevels", { n: r.aLevelSubjects.length, subjects: r.aLevelSubjects.join(", ") || t("none"), extra: r.extraALevels === 2 ? "2+" : r.extraALevels, factor: x(r.factor) })}</li>
        <li>
          {t("diploma.finalLine", { pre: r.preliminary.exact, factor: x(r.factor), exact: r.final.exact })} — {t("diploma.shownAs", { shown: x(r.final) })}
        </li>
        <li>{t("diploma.rounding")}</li>
      </ol>
    </div>
  );
}

/** A ledger row with the § 38 retention the server computes (API.md `DocumentRow.retainUntil`). */
type LedgerRow = DocumentRow & { retainFrom?: string; retainUntil?: string; retention?: Finding[] };

const RETENTION_TEXTS = {
  da: { "docs.retainUntil": "Opbevares til {date} (§ 38)", "docs.retainHint": "Oplysningerne til beviset opbevares i 30 år efter prøvens afslutning ({from}), § 38, stk. 1." },
  en: { "docs.retainUntil": "Kept until {date} (§ 38)", "docs.retainHint": "The data behind the certificate is kept for 30 years after the exam ended ({from}), § 38, stk. 1." },
};

function DocumentsSection({ session, examineeId, documents, onChange }: { session: Session; examineeId: string; documents: LedgerRow[]; onChange: () => void }) {
  const t = useT();
  const r38 = useTexts(RETENTION_TEXTS);
  const { lang } = useI18n();
  const [copy, setCopy] = useState<DocumentCopy>("original");
  const [on, setOn] = useState(today());
  const [originalLost, setOriginalLost] = useState(false);
  const [requested, setRequested] = useState(false);
  const sub = useSubmit();
  const { findings: refused, err, setErr } = sub;
  const [issued, setIssued] = useState<DocumentRow | null>(null);
  const isLeader = session.roles.some((r) => LEADER_ROLES.includes(r));
  const issue = async (e: FormEvent) => {
    e.preventDefault();
    setIssued(null);
    const doc = await sub.run(() =>
      post<DocumentRow>(`${API}/examinees/${encodeURIComponent(examineeId)}/documents`, {
        copy,
        on,
        ...(copy === "copy" ? { originalLost } : {}),
        ...(copy === "english-certified-copy" ? { requestedByExaminee: requested } : {}),
      }),
    );
    if (doc) {
      setIssued(doc);
      onChange();
    }
  };
  const revoke = async (doc: DocumentRow) => {
    const reason = window.prompt(t("docs.revokeReason"));
    if (!reason) return;
    const destroyed = window.confirm(t("docs.revokeDestroyed"));
    try {
      await post(`${API}/documents/${doc.id}/revoke`, { on: today(), destroyed, reason });
      onChange();
    } catch (x) {
      setErr(x);
    }
  };
  return (
    <section className="card" aria-labelledby="ek-docs-h" data-testid="ek-documents">
      <h2 id="ek-docs-h">{t("docs.title")}</h2>
      <ProblemBanner error={err} />
      {documents.length === 0 ? (
        <p className="muted">{t("docs.none")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t("docs.number")}</th>
              <th>{t("docs.kind")}</th>
              <th>{t("docs.issuedOn")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.id} data-testid="ek-document-row" data-id={doc.id} data-copy={doc.copy} data-kind={doc.kind} data-revoked={doc.revokedOn ?? ""}>
                <td className="mono">{doc.number}</td>
                <td>
                  {t(`diploma.kind.${doc.kind}`)} · {t(`docs.copy.${doc.copy}`)}
                  {doc.revokedOn && (
                    <span className="pill">
                      {" "}
                      {t("docs.revoked", { date: formatDate(doc.revokedOn, lang) })}
                      {doc.destroyed ? `, ${t("docs.destroyed")}` : ""}
                    </span>
                  )}
                </td>
                <td className="nowrap">
                  {formatDate(doc.issuedOn, lang)} · {doc.issuedBy}
                  {doc.retainUntil && (
                    <>
                      <br />
                      <span className="small muted" title={doc.retainFrom ? r38("docs.retainHint", { from: formatDate(doc.retainFrom, lang) }) : undefined} data-testid="ek-document-retain" data-until={doc.retainUntil}>
                        {r38("docs.retainUntil", { date: formatDate(doc.retainUntil, lang) })}
                      </span>
                    </>
                  )}
                </td>
                <td className="downloads">
                  <a href={`${API}/documents/${doc.id}/pdf${qs({ lang: doc.copy === "english-certified-copy" ? "en" : "da" })}`} download data-testid="ek-document-pdf">
                    {t("docs.download")}
                  </a>
                  {isLeader && !doc.revokedOn && (
                    <>
                      {" "}
                      <button type="button" className="ghost small" onClick={() => void revoke(doc)} data-testid="ek-document-revoke">
                        {t("docs.revoke")}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {session.canWrite && (
        <form className="report-controls" onSubmit={(e) => void issue(e)} data-testid="ek-issue">
          <label>
            {t("docs.copy")}{" "}
            <select value={copy} onChange={(e) => setCopy(e.target.value as DocumentCopy)} data-testid="ek-issue-copy">
              {(["original", "copy", "english-certified-copy"] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`docs.copy.${c}`)}
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            {t("on")} <input type="date" value={on} onChange={(e) => setOn(e.target.value)} data-testid="ek-issue-on" />
          </label>
          {copy === "copy" && (
            <label className="inline-check">
              <input type="checkbox" checked={originalLost} onChange={(e) => setOriginalLost(e.target.checked)} /> {t("docs.originalLost")}
            </label>
          )}
          {copy === "english-certified-copy" && (
            <label className="inline-check">
              <input type="checkbox" checked={requested} onChange={(e) => setRequested(e.target.checked)} data-testid="ek-issue-requested" /> {t("docs.requestedByExaminee")}
            </label>
          )}{" "}
          <button type="submit" className="primary" data-testid="ek-issue-submit">
            {t("docs.issue")}
          </button>
          {issued && (
            <p role="status" data-testid="ek-issued" data-id={issued.id}>
              {t("docs.issued", { number: issued.number })}
            </p>
          )}
          {refused.length > 0 && (
            <Banner kind="error" testid="ek-issue-refused">
              <FindingList findings={refused} />
            </Banner>
          )}
        </form>
      )}
    </section>
  );
}

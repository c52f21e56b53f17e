/**
 * Sprogprøver (seed 001): school years, the pupil list, attempt registration with live findings, the exempted count,
 * the four submission steps with the receipt, the overview chart and the XLSX copy. API: /api/sprogprove (docs/api.md).
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import type { Session } from "../App.tsx";
import { ApiError, get, post, put, type Finding } from "../api.ts";
import { Banner, CountBadges, Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { formatDateTime, pick, useI18n, useTexts } from "../i18n.tsx";
import type { WebModule } from "../modules.tsx";
import { Link, match, navigate } from "../router.tsx";
import { postCsv } from "../upload.tsx";
import { useSubmit } from "../forms.ts";
import { FIELD_LABEL, RESULT_LABEL, TEXTS } from "./texts.ts";

const API = "/api/sprogprove";
type Result = "sprogparat" | "ikke-sprogparat" | "intet-resultat";
interface Decision<T> {
  value: T;
  because: Finding[];
}
interface YearSummary {
  id: string;
  schoolYear: string;
  version: number;
  closes: string;
  open: boolean;
  pupils: number;
  submissions: number;
  lastSubmission: { number: number; complete: boolean; createdAt: string } | null;
}
interface YearDetail extends YearSummary {
  covered: Decision<boolean | null>;
  exemptedCount: number | null;
  mustResubmit: Decision<boolean>;
  window: Decision<boolean>;
  history: { version: number; recordedAt: string; recordedBy: string; reason: string | null }[];
}
interface PupilRow {
  id: string;
  cprMasked: string;
  name: string | null;
  classLevel: number;
  toBeTested: boolean | null;
  results: (Result | null)[];
  rykkerOp: boolean | null;
  errors: number;
  warnings: number;
  /** The pupil left the school during the year; null = a pupil of the school. */
  left: { on: string; reason: string } | null;
  /** Whether the submission reports the pupil. */
  reported: boolean;
}
interface Leaving {
  on: string;
  reason: string;
  recordedBy?: string;
  recordedAt?: string;
}
interface Attempt {
  no: number;
  result: Result | null;
}
interface PupilData {
  id: string;
  cpr: string;
  cprMasked: string;
  classLevel: number;
  toBeTested: boolean | null;
  attempts: Attempt[];
  sommerskole?: boolean;
  specialPermission?: boolean;
  previouslyPostponed?: boolean;
  rykkerOp: boolean | null;
  version: number;
  name?: string;
  dsa?: { receiving: boolean; schoolYearsReceived: number; leaderJudgesNoLongerNeeded: boolean } | null;
  exemption?: { considerableDisability: boolean; pppAssessment: boolean; specialConditionsConsidered: boolean } | null;
  left?: Leaving;
}
interface Receipt {
  complete: boolean;
  /** Pupils who left the school during the year (absent from receipts stored before this field existed). */
  left?: { reported: number; notReported: number };
  steps: Record<string, Finding[]>;
  pupils: Record<string, { cprMasked: string; classLevel: number }>;
  errors: number;
  warnings: number;
}
interface Submission {
  id: string;
  number: number;
  decidedOn: string;
  complete: boolean;
  errors: number;
  createdAt: string;
  createdBy: string;
  receipt?: Receipt;
}
interface PupilVersion {
  version: number;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
  changed: string[];
  values: Record<string, unknown>;
}
interface YearChange {
  pupilId: string;
  cprMasked: string;
  name: string | null;
  classLevel: number;
  version: number;
  recordedAt: string;
  recordedBy: string;
  reason: string | null;
  changed: string[];
}
interface PupilListReport {
  added: { pupilId: string; line: number; cprMasked: string; classLevel: number; toBeTested: boolean | null; left: string | null }[];
  kept: { pupilId: string; line: number; cprMasked: string; differs: string[] }[];
  left: { pupilId: string; line: number; cprMasked: string; on: string; reason: string; version: number }[];
  findings: Finding[];
}
interface Overview {
  levels: { classLevel: number; tested: number; attempts: { no: number; registered: number; sprogparat: number }[] }[];
}

const STEP_LABELS: Record<string, { da: string; en: string }> = {
  "1-bhkl": { da: "1) Elever i børnehaveklasse", en: "1) Pupils in børnehaveklassen" },
  "2-1-9": { da: "2) Elever i 1.-9. klasse", en: "2) Pupils in 1.–9. klasse" },
  "3-exempted": { da: "3) Fritagne elever", en: "3) Exempted pupils" },
  "4-submit": { da: "4) Indberetning", en: "4) Submission" },
};

const levelText = (n: number, lang: "da" | "en") => (n === 0 ? (lang === "da" ? "Børnehaveklasse" : "Børnehaveklassen") : lang === "da" ? `${n}. klasse` : `${n}. klasse`);
const SUBMIT_ROLES = ["leder", "ledelse", "tap"];

function useLoad<T>(path: string | null): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>(null);
  const [n, setN] = useState(0);
  useEffect(() => {
    if (!path) return;
    const ac = new AbortController();
    get<T>(path, ac.signal).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: unknown) => {
        if (!ac.signal.aborted) setError(e);
      },
    );
    return () => ac.abort();
  }, [path, n]);
  return { data, error, reload: useCallback(() => setN((x) => x + 1), []) };
}

// ------------------------------------------------------------------------------------------------------------ years

function YearsPage({ session }: { session: Session }) {
  const t = useTextsSp();
  const { data, error } = useLoad<YearSummary[]>(`${API}/years`);
  const [sy, setSy] = useState("");
  const [total, setTotal] = useState("");
  const [listed, setListed] = useState("");
  const [err, setErr] = useState<unknown>(null);
  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const body: Record<string, unknown> = { schoolYear: sy };
      if (total !== "" && listed !== "") body.coverage = { pupilsTotal: Number(total), pupilsInListedAreas: Number(listed) };
      const y = await post<YearDetail>(`${API}/years`, body);
      navigate(`/sprogprove/years/${y.id}`);
    } catch (x) {
      setErr(x);
    }
  };
  return (
    <>
      <div className="page-head">
        <h1>{t("years.title")}</h1>
      </div>
      <p>{t("years.intro")}</p>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : (
        <section className="card flush">
          {data.length === 0 ? (
            <p>{t("years.none")}</p>
          ) : (
            <table className="table" data-testid="sp-years">
              <tbody>
                {data.map((y) => (
                  <tr key={y.id} data-testid="sp-year-row" data-school-year={y.schoolYear}>
                    <td>
                      <Link to={`/sprogprove/years/${y.id}`} data-testid="sp-year-link">
                        {y.schoolYear}
                      </Link>
                    </td>
                    <td>{y.open ? t("years.closes", { date: y.closes }) : t("years.closed")}</td>
                    <td>{t("years.pupils", { n: y.pupils })}</td>
                    <td>
                      {t("years.submissions", { n: y.submissions })}
                      {y.lastSubmission && <> {y.lastSubmission.complete ? "✓" : "!"}</>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {session.canWrite && (
        <form className="card" onSubmit={(e) => void create(e)} data-testid="sp-open-year">
          <h2>{t("years.open")}</h2>
          <ProblemBanner error={err} />
          <label>
            {t("years.schoolYear")} <input value={sy} onChange={(e) => setSy(e.target.value)} data-testid="sp-school-year" required />
          </label>{" "}
          <label>
            {t("years.total")} <input type="number" min={0} value={total} onChange={(e) => setTotal(e.target.value)} data-testid="sp-total" />
          </label>{" "}
          <label>
            {t("years.listed")} <input type="number" min={0} value={listed} onChange={(e) => setListed(e.target.value)} data-testid="sp-listed" />
          </label>{" "}
          <button type="submit" className="primary" data-testid="sp-open-year-submit">
            {t("years.create")}
          </button>
        </form>
      )}
    </>
  );
}

const useTextsSp = () => useTexts(TEXTS);

// ------------------------------------------------------------------------------------------------------------- year

function YearPage({ session, id }: { session: Session; id: string }) {
  const t = useTextsSp();
  const { lang } = useI18n();
  const year = useLoad<YearDetail>(`${API}/years/${id}`);
  const pupils = useLoad<{ items: PupilRow[] }>(`${API}/years/${id}/pupils`);
  const draft = useLoad<Receipt>(`${API}/years/${id}/receipt`);
  const subs = useLoad<Submission[]>(`${API}/years/${id}/submissions`);
  const ov = useLoad<Overview>(`${API}/years/${id}/overview`);
  const [count, setCount] = useState("");
  const [countFindings, setCountFindings] = useState<Finding[]>([]);
  const [countSaved, setCountSaved] = useState(false);
  const [receipt, setReceipt] = useState<Submission | null>(null);
  const submitSub = useSubmit();
  useEffect(() => {
    if (year.data) setCount(year.data.exemptedCount === null ? "" : String(year.data.exemptedCount));
  }, [year.data]);
  const reloadAll = () => {
    year.reload();
    draft.reload();
    subs.reload();
  };
  const saveCount = async (e: FormEvent) => {
    e.preventDefault();
    if (!year.data) return;
    setCountSaved(false);
    try {
      await put(`${API}/years/${id}`, { version: year.data.version, reason: "step 3", exemptedCount: count.trim() === "" ? null : /^\d+$/.test(count.trim()) ? Number(count) : count });
      setCountFindings([]);
      setCountSaved(true);
      reloadAll();
    } catch (x) {
      setCountFindings(x instanceof ApiError ? x.findings : []);
      if (!(x instanceof ApiError)) throw x;
    }
  };
  const submit = async () => {
    await submitSub.run(async () => {
      setReceipt(await post<Submission>(`${API}/years/${id}/submissions`));
      reloadAll();
    });
  };
  const maySubmit = session.roles.some((r) => SUBMIT_ROLES.includes(r));
  const y = year.data;
  if (year.error) return <ProblemBanner error={year.error} />;
  if (!y) return <Spinner />;
  return (
    <>
      <p className="crumbs">
        <Link to="/sprogprove">← {t("nav.years")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="sp-year-title">{y.schoolYear}</h1>
      </div>
      <section className="card" data-testid="sp-coverage" data-covered={String(y.covered.value)}>
        <strong>{y.covered.value === true ? t("year.covered") : y.covered.value === false ? t("year.notCovered") : t("year.coverageUnknown")}</strong>
        <FindingList findings={y.covered.because} />
        <FindingList findings={y.window.because} />
      </section>

      <section className="card flush" aria-labelledby="sp-pupils-h">
        <div className="table-head">
          <h2 id="sp-pupils-h">{t("year.pupils")}</h2>
          <span>
            <Link to={`/sprogprove/years/${id}/history`} data-testid="sp-history-link">
              {t("year.history")}
            </Link>{" "}
            ·{" "}
            <Link to={`/sprogprove/years/${id}/pupils/new`} data-testid="sp-new-pupil">
              {t("year.newPupil")}
            </Link>
          </span>
        </div>
        {!pupils.data ? (
          <Spinner />
        ) : pupils.data.items.length === 0 ? (
          <p>{t("year.noPupils")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="sp-pupils">
              <thead>
                <tr>
                  <th>{t("year.cpr")}</th>
                  <th>{t("year.name")}</th>
                  <th>{t("year.level")}</th>
                  <th>{t("year.tested")}</th>
                  <th>{t("year.attempts")}</th>
                  <th>{t("year.rykkerOp")}</th>
                  <th>{t("year.findings")}</th>
                </tr>
              </thead>
              <tbody>
                {pupils.data.items.map((p) => (
                  <tr key={p.id} data-testid="sp-pupil-row" data-id={p.id} data-cpr={p.cprMasked} data-left={p.left?.on ?? ""} data-reported={String(p.reported)}>
                    <td>
                      <Link to={`/sprogprove/years/${id}/pupils/${p.id}`}>{p.cprMasked}</Link>
                      {p.left && (
                        <>
                          {" "}
                          <span className="badge" data-testid="sp-pupil-left" title={`${p.left.reason} — ${p.reported ? t("left.reported") : t("left.notReported")}`}>
                            {t("left.badge", { on: p.left.on })}
                          </span>
                        </>
                      )}
                    </td>
                    <td data-testid="sp-pupil-name">{p.name ?? ""}</td>
                    <td>{levelText(p.classLevel, lang)}</td>
                    <td>{p.toBeTested === null ? "?" : p.toBeTested ? t("pupil.yes") : t("pupil.no")}</td>
                    <td>{p.results.map((r) => (r ? pick(RESULT_LABEL[r], lang) : t("result.none"))).join(" · ")}</td>
                    <td>{p.rykkerOp === null ? t("pupil.unset") : p.rykkerOp ? t("pupil.yes") : t("pupil.no")}</td>
                    <td>
                      <CountBadges errors={p.errors} warnings={p.warnings} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {session.canWrite && y.open && (
        <PupilListImport
          yearId={id}
          onDone={() => {
            pupils.reload();
            reloadAll();
          }}
        />
      )}

      {ov.data && <Chart data={ov.data} />}

      <form className="card" onSubmit={(e) => void saveCount(e)} data-testid="sp-step3">
        <h2>{t("step3.title")}</h2>
        <Field name="exemptedCount" label={t("step3.label")} hint={t("step3.hint")} findings={countFindings}>
          {({ id: fid, describedBy, invalid }) => (
            <input id={fid} aria-describedby={describedBy} aria-invalid={invalid} value={count} onChange={(e) => setCount(e.target.value)} data-testid="sp-exempted-count" />
          )}
        </Field>
        <button type="submit" className="secondary" disabled={!session.canWrite || !y.open} data-testid="sp-exempted-save">
          {t("step3.save")}
        </button>
        {countSaved && <span data-testid="sp-exempted-saved"> {t("step3.saved")}</span>}
      </form>

      <section className="card" data-testid="sp-submission">
        <h2>{t("submit.title")}</h2>
        {draft.data && <ReceiptView receipt={draft.data} title={t("receipt.draft")} testid="sp-draft-receipt" />}
        {y.submissions > 0 && y.mustResubmit.value && <Banner kind="warning">{t("submit.resubmit")}</Banner>}
        {!maySubmit && <Banner kind="info" testid="sp-submit-not-allowed">{t("submit.notAllowed")}</Banner>}
        <ProblemBanner error={submitSub.thrown} />
        <button type="button" className="primary" onClick={() => void submit()} disabled={!y.open} data-testid="sp-submit">
          {t("submit.button")}
        </button>
        {receipt && receipt.receipt && (
          <div data-testid="sp-receipt" data-complete={String(receipt.complete)} data-number={receipt.number}>
            <h3>{t("receipt.title", { n: receipt.number })}</h3>
            <Banner kind={receipt.complete ? "success" : "warning"}>{receipt.complete ? t("receipt.green") : t("receipt.gaps", { n: receipt.errors })}</Banner>
            <ReceiptView receipt={receipt.receipt} />
            <a href={`${API}/years/${id}/submissions/${receipt.id}/xlsx`} download data-testid="sp-xlsx">
              {t("receipt.download")}
            </a>
          </div>
        )}
        {subs.data && subs.data.length > 0 && (
          <>
            <h3>{t("receipt.history")}</h3>
            <ul data-testid="sp-submissions">
              {subs.data.map((s) => (
                <li key={s.id} data-testid="sp-submission-row" data-complete={String(s.complete)}>
                  nr. {s.number} · {formatDateTime(s.createdAt, lang)} · {s.createdBy} · {s.complete ? "✓" : `${s.errors} ✕`} ·{" "}
                  <a href={`${API}/years/${id}/submissions/${s.id}/xlsx`} download>
                    {t("receipt.download")}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function ReceiptView({ receipt, title, testid }: { receipt: Receipt; title?: string; testid?: string }) {
  const t = useTextsSp();
  const { lang } = useI18n();
  return (
    <div data-testid={testid} data-complete={String(receipt.complete)}>
      {title && <h3>{title}</h3>}
      {receipt.left && receipt.left.reported + receipt.left.notReported > 0 && (
        <p className="hint" data-testid="sp-receipt-left" data-reported={receipt.left.reported} data-not-reported={receipt.left.notReported}>
          {t("receipt.left", { reported: receipt.left.reported, notReported: receipt.left.notReported })}
        </p>
      )}
      {Object.entries(STEP_LABELS).map(([step, label]) => {
        const fs = (receipt.steps[step] ?? []).filter((f) => f.severity !== "info");
        return (
          <div key={step} data-testid={`sp-step-${step}`}>
            <h4>{pick(label, lang)}</h4>
            {fs.length === 0 ? (
              <p>{t("receipt.step.ok")}</p>
            ) : (
              <ul className="findings">
                {fs.map((f, i) => {
                  const pid = /^pupils\.([^.]+)/.exec(f.subject ?? "")?.[1];
                  const p = pid ? receipt.pupils[pid] : undefined;
                  return (
                    <li key={i} className={`finding finding-${f.severity}`} data-testid="finding" data-rule={f.rule} data-subject={f.subject ?? ""} data-pupil={p?.cprMasked ?? ""}>
                      {p && <strong>{p.cprMasked}: </strong>}
                      {pick(f.message, lang)} <cite className="finding-cite">{f.cite.ref}</cite>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** Sprogparat per attempt and class level: one group of four bars per level, inline SVG. */
function Chart({ data }: { data: Overview }) {
  const t = useTextsSp();
  const levels = data.levels.filter((l) => l.tested > 0);
  if (levels.length === 0) return null;
  const max = Math.max(1, ...levels.flatMap((l) => l.attempts.map((a) => a.registered)));
  const bw = 18;
  const gw = bw * 4 + 24;
  const h = 140;
  const colors = ["#1f6feb", "#2da44e", "#bf8700", "#8250df"];
  return (
    <section className="card" data-testid="sp-chart">
      <h2>{t("chart.title")}</h2>
      <svg width={levels.length * gw + 20} height={h + 40} role="img" aria-label={t("chart.title")}>
        {levels.map((l, i) => (
          <g key={l.classLevel} transform={`translate(${10 + i * gw},0)`}>
            {l.attempts.map((a, j) => {
              const bh = (a.sprogparat / max) * h;
              return (
                <g key={a.no} data-testid="sp-bar" data-level={l.classLevel} data-attempt={a.no} data-sprogparat={a.sprogparat}>
                  <rect x={j * bw} y={h - bh} width={bw - 3} height={bh} fill={colors[j]}>
                    <title>{`${t("chart.attempt", { n: a.no })}: ${a.sprogparat} (${a.registered})`}</title>
                  </rect>
                  <text x={j * bw + (bw - 3) / 2} y={h - bh - 3} fontSize="10" textAnchor="middle">
                    {a.sprogparat}
                  </text>
                </g>
              );
            })}
            <text x={(bw * 4) / 2} y={h + 16} fontSize="11" textAnchor="middle">
              {l.classLevel === 0 ? t("chart.level0") : t("chart.level", { n: l.classLevel })}
            </text>
          </g>
        ))}
      </svg>
      <p className="hint">
        {[1, 2, 3, 4].map((n, j) => (
          <span key={n} style={{ color: colors[j], marginRight: "1em" }}>
            ■ {t("chart.attempt", { n })}
          </span>
        ))}
        {t("chart.legend")}
      </p>
    </section>
  );
}

// ----------------------------------------------------------------------------------------------------- pupil list

/** A finding of a file, with the cell it names ("line 3: klassetrin") first. */
function CellFindings({ findings, testid }: { findings: Finding[]; testid: string }) {
  const { lang } = useI18n();
  if (findings.length === 0) return null;
  return (
    <ul className="findings" data-testid={testid}>
      {findings.map((f, i) => (
        <li key={i} className={`finding finding-${f.severity}`} data-testid="finding" data-rule={f.rule} data-severity={f.severity} data-subject={f.subject ?? ""}>
          {f.subject && <strong>{f.subject}: </strong>}
          {pick(f.message, lang)} <cite className="finding-cite">{f.cite.seed === "reference" ? f.cite.ref : `${f.cite.seed} ${f.cite.ref}`}</cite>
        </li>
      ))}
    </ul>
  );
}

/** Upload of the pupil list (CSV) from the administrative system: all or nothing; what was added and kept. */
function PupilListImport({ yearId, onDone }: { yearId: string; onDone: () => void }) {
  const t = useTextsSp();
  const { lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  // all or nothing: a 422's findings are shown cell by cell; any other problem as a banner
  const sub = useSubmit({ findingStatuses: [422] });
  const { busy, err, findings: refused } = sub;
  const [report, setReport] = useState<PupilListReport | null>(null);
  const upload = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setReport(null);
    const r = await sub.run(async () => postCsv<PupilListReport>(`${API}/years/${yearId}/pupil-list`, await file.text()));
    if (!r) return;
    setReport(r);
    onDone();
  };
  const fields = (fs: string[]) => fs.map((f) => pick(FIELD_LABEL[f] ?? { da: f, en: f }, lang)).join(", ");
  return (
    <form className="card" onSubmit={(e) => void upload(e)} data-testid="sp-import">
      <h2>{t("import.title")}</h2>
      <p className="hint">{t("import.hint")}</p>
      <label>
        {t("import.file")}{" "}
        <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="sp-import-file" />
      </label>{" "}
      <button type="submit" className="secondary" disabled={!file || busy} data-testid="sp-import-submit">
        {t("import.button")}
      </button>
      <ProblemBanner error={err} />
      {refused.length > 0 && (
        <div data-testid="sp-import-refused">
          <Banner kind="error">{t("import.refused", { n: refused.filter((f) => f.severity === "error").length })}</Banner>
          <CellFindings findings={refused} testid="sp-import-findings" />
        </div>
      )}
      {report && (
        <div data-testid="sp-import-report" data-added={report.added.length} data-kept={report.kept.length}>
          <Banner kind="success">
            {t("import.added", { n: report.added.length })} · {t("import.kept", { n: report.kept.length })}
            {report.left.length > 0 && <> · {t("import.left", { n: report.left.length })}</>}
          </Banner>
          <ul>
            {report.added.map((a) => (
              <li key={a.pupilId} data-testid="sp-import-added">
                {t("import.line", { n: a.line })}: {a.cprMasked}, {levelText(a.classLevel, lang)},{" "}
                {a.toBeTested === null ? t("import.undecided") : a.toBeTested ? t("import.tested") : t("import.notTested")}
                {a.left && <>, {t("left.badge", { on: a.left })}</>}
              </li>
            ))}
            {report.left.map((l) => (
              <li key={l.pupilId} data-testid="sp-import-left" data-on={l.on}>
                {t("import.line", { n: l.line })}: {l.cprMasked} — {t("import.leftOne", { on: l.on, reason: l.reason })}
              </li>
            ))}
            {report.kept.map((k) => (
              <li key={k.pupilId} data-testid="sp-import-kept" data-differs={k.differs.join(",")}>
                {t("import.line", { n: k.line })}: {k.cprMasked} — {t("import.keptOne")}
                {k.differs.length > 0 && <> ({t("import.differs", { fields: fields(k.differs) })})</>}
              </li>
            ))}
          </ul>
          <CellFindings findings={report.findings} testid="sp-import-warnings" />
        </div>
      )}
    </form>
  );
}

// -------------------------------------------------------------------------------------------------------- history

/** A stored value of a pupil field, as text. */
function valueText(field: string, v: unknown, lang: "da" | "en", t: ReturnType<typeof useTextsSp>): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "boolean") return v ? t("pupil.yes") : t("pupil.no");
  if (field === "classLevel" && typeof v === "number") return levelText(v, lang);
  if (field === "attempts" && Array.isArray(v))
    return (v as Attempt[]).map((a) => `${a.no}: ${a.result ? pick(RESULT_LABEL[a.result], lang) : t("result.none")}`).join(" · ") || "–";
  if (field === "classLevelSchoolYear" && typeof v === "object") return `${(v as { startYear: number }).startYear}/${String(((v as { startYear: number }).startYear + 1) % 100).padStart(2, "0")}`;
  if (field === "left" && typeof v === "object") {
    const l = v as Leaving;
    return `${l.on}: ${l.reason}`;
  }
  if (field === "dsa" && typeof v === "object") {
    const d = v as { receiving: boolean; schoolYearsReceived: number; leaderJudgesNoLongerNeeded: boolean };
    return d.receiving ? `${t("pupil.yes")} (${d.schoolYearsReceived})${d.leaderJudgesNoLongerNeeded ? ` · ${t("pupil.dsa.judged")}` : ""}` : t("pupil.no");
  }
  if (typeof v === "object") return Object.entries(v as Record<string, unknown>).filter(([, x]) => x === true).map(([k]) => k).join(", ") || "–";
  return String(v);
}

/** The versions of a pupil: who, when, why, which fields changed and to what. */
function PupilHistory({ history }: { history: PupilVersion[] }) {
  const t = useTextsSp();
  const { lang } = useI18n();
  if (history.length === 0) return null;
  const fields = Object.keys(FIELD_LABEL);
  return (
    <section className="card" data-testid="sp-pupil-history">
      <h2>{t("pupil.history")}</h2>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th>{t("history.version")}</th>
              <th>{t("history.when")}</th>
              <th>{t("history.who")}</th>
              <th>{t("history.why")}</th>
              <th>{t("history.what")}</th>
            </tr>
          </thead>
          <tbody>
            {[...history].reverse().map((h) => (
              <tr key={h.version} data-testid="sp-pupil-version" data-version={h.version} data-changed={h.changed.join(",")}>
                <td>{h.version}</td>
                <td>{formatDateTime(h.recordedAt, lang)}</td>
                <td>{h.recordedBy}</td>
                <td>{h.reason ?? ""}</td>
                <td>
                  {h.version === 1 ? (
                    t("history.created")
                  ) : h.changed.length === 0 ? (
                    t("history.nothing")
                  ) : (
                    <ul>
                      {h.changed.map((f) => (
                        <li key={f}>
                          {pick(FIELD_LABEL[f] ?? { da: f, en: f }, lang)}: {valueText(f, history.find((x) => x.version === h.version - 1)?.values[f], lang, t)} →{" "}
                          <strong>{valueText(f, h.values[f], lang, t)}</strong>
                        </li>
                      ))}
                    </ul>
                  )}
                  <details>
                    <summary>{t("history.values")}</summary>
                    <dl>
                      {fields
                        .filter((f) => h.values[f] !== undefined)
                        .map((f) => (
                          <div key={f}>
                            <dt>{pick(FIELD_LABEL[f]!, lang)}</dt>
                            <dd>{valueText(f, h.values[f], lang, t)}</dd>
                          </div>
                        ))}
                    </dl>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** A school year's history: every submission with its receipt, the year's data versions, every change to a pupil. */
function HistoryPage({ id }: { id: string }) {
  const t = useTextsSp();
  const { lang } = useI18n();
  const year = useLoad<YearDetail>(`${API}/years/${id}`);
  const subs = useLoad<Submission[]>(`${API}/years/${id}/submissions`);
  const changes = useLoad<YearChange[]>(`${API}/years/${id}/changes`);
  const [open, setOpen] = useState<Record<string, Submission | "loading">>({});
  const [err, setErr] = useState<unknown>(null);
  const toggle = (s: Submission) => {
    if (open[s.id]) {
      setOpen(({ [s.id]: _gone, ...rest }) => rest);
      return;
    }
    setOpen((o) => ({ ...o, [s.id]: "loading" }));
    get<Submission>(`${API}/years/${id}/submissions/${s.id}`).then(
      (d) => setOpen((o) => ({ ...o, [s.id]: d })),
      (x: unknown) => {
        setErr(x);
        setOpen(({ [s.id]: _gone, ...rest }) => rest);
      },
    );
  };
  if (year.error) return <ProblemBanner error={year.error} />;
  const y = year.data;
  if (!y) return <Spinner />;
  return (
    <>
      <p className="crumbs">
        <Link to={`/sprogprove/years/${id}`}>← {t("history.back")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="sp-history-title">{t("history.title", { sy: y.schoolYear })}</h1>
      </div>
      <ProblemBanner error={err} />
      <section className="card" data-testid="sp-history-submissions">
        <h2>{t("history.submissions")}</h2>
        {!subs.data ? (
          <Spinner />
        ) : subs.data.length === 0 ? (
          <p>{t("history.noSubmissions")}</p>
        ) : (
          <ul className="plain">
            {subs.data.map((s) => {
              const o = open[s.id];
              return (
                <li key={s.id} data-testid="sp-history-submission" data-number={s.number} data-complete={String(s.complete)}>
                  <strong>nr. {s.number}</strong> · {formatDateTime(s.createdAt, lang)} · {s.createdBy} · {s.complete ? "✓" : `${s.errors} ✕`}{" "}
                  <button type="button" className="secondary" onClick={() => toggle(s)} data-testid="sp-history-toggle">
                    {o ? t("history.hideReceipt") : t("history.showReceipt")}
                  </button>{" "}
                  <a href={`${API}/years/${id}/submissions/${s.id}/xlsx`} download>
                    {t("receipt.download")}
                  </a>
                  {o === "loading" && <Spinner />}
                  {o && o !== "loading" && o.receipt && (
                    <div data-testid="sp-history-receipt" data-number={o.number}>
                      <Banner kind={o.complete ? "success" : "warning"}>{o.complete ? t("receipt.green") : t("receipt.gaps", { n: o.errors })}</Banner>
                      <ReceiptView receipt={o.receipt} />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="card" data-testid="sp-history-year">
        <h2>{t("history.year")}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t("history.version")}</th>
              <th>{t("history.when")}</th>
              <th>{t("history.who")}</th>
              <th>{t("history.why")}</th>
            </tr>
          </thead>
          <tbody>
            {[...y.history].reverse().map((h) => (
              <tr key={h.version}>
                <td>{h.version}</td>
                <td>{formatDateTime(h.recordedAt, lang)}</td>
                <td>{h.recordedBy}</td>
                <td>{h.reason ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card flush" data-testid="sp-history-changes">
        <h2>{t("history.changes")}</h2>
        {!changes.data ? (
          <Spinner />
        ) : changes.data.length === 0 ? (
          <p>{t("history.noChanges")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th>{t("history.when")}</th>
                  <th>{t("history.pupil")}</th>
                  <th>{t("history.version")}</th>
                  <th>{t("history.who")}</th>
                  <th>{t("history.why")}</th>
                  <th>{t("history.what")}</th>
                </tr>
              </thead>
              <tbody>
                {changes.data.map((c) => (
                  <tr key={`${c.pupilId}-${c.version}`} data-testid="sp-history-change" data-version={c.version} data-changed={c.changed.join(",")}>
                    <td>{formatDateTime(c.recordedAt, lang)}</td>
                    <td>
                      <Link to={`/sprogprove/years/${id}/pupils/${c.pupilId}`}>{c.cprMasked}</Link> {c.name ?? ""} ({levelText(c.classLevel, lang)})
                    </td>
                    <td>{c.version}</td>
                    <td>{c.recordedBy}</td>
                    <td>{c.reason ?? ""}</td>
                    <td>{c.version === 1 ? t("history.created") : c.changed.map((f) => pick(FIELD_LABEL[f] ?? { da: f, en: f }, lang)).join(", ") || t("history.nothing")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

// ------------------------------------------------------------------------------------------------------------ pupil

interface Form {
  cpr: string;
  /** For staff only; never reported. */
  name: string;
  classLevel: number;
  toBeTested: boolean | null;
  results: (Result | "")[];
  sommerskole: boolean;
  specialPermission: boolean;
  previouslyPostponed: boolean;
  rykkerOp: boolean | null;
  /** "Dansk som andetsprog – supplerende" (1.–9. klasse): null = not registered. */
  dsaReceiving: boolean | null;
  dsaYears: number;
  dsaJudged: boolean;
  /** § 14 exemption: null = none; else the three conditions. */
  exemption: { considerableDisability: boolean; pppAssessment: boolean; specialConditionsConsidered: boolean } | null;
}

const emptyForm: Form = {
  cpr: "",
  name: "",
  classLevel: 0,
  toBeTested: true,
  results: ["", "", "", ""],
  sommerskole: false,
  specialPermission: false,
  previouslyPostponed: false,
  rykkerOp: null,
  dsaReceiving: null,
  dsaYears: 1,
  dsaJudged: false,
  exemption: null,
};

function bodyOf(f: Form) {
  return {
    name: f.name,
    classLevel: f.classLevel,
    toBeTested: f.toBeTested,
    attempts: f.results.map((r, i) => ({ no: i + 1, result: r === "" ? null : r })).filter((a, i) => a.result !== null || f.results.slice(i).some((x) => x !== "")),
    sommerskole: f.classLevel === 0 ? f.sommerskole : false,
    specialPermission: f.classLevel === 0 ? f.specialPermission : false,
    previouslyPostponed: f.classLevel === 0 ? f.previouslyPostponed : false,
    rykkerOp: f.rykkerOp,
    dsa: f.classLevel > 0 && f.dsaReceiving !== null ? { receiving: f.dsaReceiving, schoolYearsReceived: f.dsaYears, leaderJudgesNoLongerNeeded: f.dsaJudged } : null,
    exemption: f.exemption,
  };
}

const triValue = (b: boolean | null) => (b === null ? "" : b ? "yes" : "no");
const triParse = (s: string) => (s === "" ? null : s === "yes");

function PupilPage({ session, yearId, pupilId, savedVersion }: { session: Session; yearId: string; pupilId: string | null; savedVersion?: number | undefined }) {
  const t = useTextsSp();
  const { lang } = useI18n();
  const [form, setForm] = useState<Form>(emptyForm);
  const [version, setVersion] = useState<number | null>(null);
  const [cprMasked, setCprMasked] = useState("");
  const [findings, setFindings] = useState<Finding[]>([]);
  const [forced, setForced] = useState<Attempt[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [saved, setSaved] = useState<number | null>(savedVersion ?? null);
  const [err, setErr] = useState<unknown>(null);
  const [history, setHistory] = useState<PupilVersion[]>([]);
  const [left, setLeft] = useState<Leaving | null>(null);
  const loaded = useRef(false);
  const canWrite = session.roles.some((r) => ["admin", "leder", "ledelse", "tap", "laerer"].includes(r));

  useEffect(() => {
    if (!pupilId) return;
    void get<{ pupil: PupilData; findings: Finding[]; history: PupilVersion[] }>(`${API}/years/${yearId}/pupils/${pupilId}`).then((d) => {
      const p = d.pupil;
      const results: (Result | "")[] = ["", "", "", ""];
      for (const a of p.attempts) if (a.no >= 1 && a.no <= 4) results[a.no - 1] = a.result ?? "";
      setHistory(d.history);
      setLeft(p.left ?? null);
      setForm({
        cpr: p.cpr,
        name: p.name ?? "",
        classLevel: p.classLevel,
        toBeTested: p.toBeTested,
        results,
        sommerskole: p.sommerskole ?? false,
        specialPermission: p.specialPermission ?? false,
        previouslyPostponed: p.previouslyPostponed ?? false,
        rykkerOp: p.rykkerOp,
        dsaReceiving: p.dsa ? p.dsa.receiving : null,
        dsaYears: p.dsa?.schoolYearsReceived ?? 1,
        dsaJudged: p.dsa?.leaderJudgesNoLongerNeeded ?? false,
        exemption: p.exemption ?? null,
      });
      setVersion(p.version);
      setCprMasked(p.cprMasked);
      setFindings(d.findings);
      loaded.current = true;
    }, setErr);
  }, [yearId, pupilId]);

  // Live check on every change (debounced): findings beside the fields, the forced attempts.
  useEffect(() => {
    if (pupilId && !loaded.current) return;
    const ac = new AbortController();
    const timer = setTimeout(() => {
      setChecking(true);
      post<{ findings: Finding[]; attempts: Attempt[] | null }>(
        `${API}/years/${yearId}/check`,
        { ...bodyOf(form), ...(pupilId ? { pupilId } : { cpr: form.cpr }) },
        ac.signal,
      ).then(
        (r) => {
          setFindings(r.findings);
          setForced(r.attempts);
          setChecking(false);
        },
        () => setChecking(false),
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [form, yearId, pupilId]);

  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setSaved(null);
    setForm((f) => ({ ...f, [k]: v }));
  };
  const passedIn = form.results.findIndex((r) => r === "sprogparat") + 1;
  const isForced = (no: number) => passedIn > 0 && no > passedIn && (form.classLevel === 0 || no <= Math.max(...form.results.map((r, i) => (r ? i + 1 : 0))));
  const shownResult = (no: number): Result | "" => (isForced(no) ? "intet-resultat" : (forced?.find((a) => a.no === no)?.result ?? form.results[no - 1] ?? ""));
  const about = (prefix: string) => findings.filter((f) => (f.subject ?? "") === prefix || (f.subject ?? "").startsWith(`${prefix}.`));
  // Input findings name the attempt by its position in the list sent (0-based), the rules by its number.
  const attemptFindings = (no: number) =>
    findings.filter((f) => (f.rule.includes(".input.") ? (f.subject ?? "").startsWith(`attempts.${no - 1}.`) : (f.subject ?? "").startsWith(`attempts.${no}.`)));
  const known = new Set(["cpr", "name", "classLevel", "toBeTested", "rykkerOp", "sommerskole", "specialPermission", "previouslyPostponed", "dsa", "exemption"]);
  const general = findings.filter((f) => !known.has((f.subject ?? "").split(".")[0]!) && !(f.subject ?? "").startsWith("attempts.") && f.severity !== "info");

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setErr(null);
    const body = bodyOf(form);
    body.attempts = body.attempts.map((a) => (isForced(a.no) ? { ...a, result: "intet-resultat" } : a));
    try {
      const d = pupilId
        ? await put<{ pupil: PupilData; findings: Finding[]; history: PupilVersion[] }>(`${API}/years/${yearId}/pupils/${pupilId}`, { ...body, version, reason: "registered in the web form" })
        : await post<{ pupil: PupilData; findings: Finding[]; history: PupilVersion[] }>(`${API}/years/${yearId}/pupils`, { ...body, cpr: form.cpr });
      setSaved(d.pupil.version);
      setVersion(d.pupil.version);
      setFindings(d.findings);
      setHistory(d.history);
      setLeft(d.pupil.left ?? null);
      if (!pupilId) navigate(`/sprogprove/years/${yearId}/pupils/${d.pupil.id}?saved=${d.pupil.version}`, { replace: true });
    } catch (x) {
      setErr(x);
      if (x instanceof ApiError) setFindings(x.findings);
    }
  };

  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const bhkl = form.classLevel === 0;
  return (
    <>
      <p className="crumbs">
        <Link to={`/sprogprove/years/${yearId}`}>← {t("pupil.back")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="sp-pupil-title">{pupilId ? t("pupil.title", { cpr: cprMasked }) : t("pupil.new")}</h1>
        <span className="head-status" aria-live="polite" data-testid="sp-check-status" data-checking={checking ? "yes" : "no"}>
          {checking ? t("pupil.checking") : <CountBadges errors={errors} warnings={warnings} />}
        </span>
      </div>
      <ProblemBanner error={err} />
      {saved !== null && <Banner kind="success" testid="sp-saved">{t("pupil.saved", { v: saved })}</Banner>}
      <form onSubmit={(e) => void save(e)} data-testid="sp-pupil-form">
        <fieldset className="card" disabled={!canWrite}>
          <Field name="cpr" label={t("pupil.cpr")} findings={about("cpr")}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={pupilId ? cprMasked : form.cpr} readOnly={Boolean(pupilId)} onChange={(e) => set("cpr", e.target.value)} data-testid="sp-cpr" />
            )}
          </Field>
          <Field name="name" label={t("pupil.name")} findings={about("name")}>
            {({ id, describedBy, invalid }) => (
              <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={form.name} maxLength={200} onChange={(e) => set("name", e.target.value)} data-testid="sp-name" />
            )}
          </Field>
          <Field name="classLevel" label={t("pupil.level")} findings={about("classLevel")}>
            {({ id, describedBy }) => (
              <select id={id} aria-describedby={describedBy} value={form.classLevel} onChange={(e) => set("classLevel", Number(e.target.value))} data-testid="sp-level">
                {[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
                  <option key={n} value={n}>
                    {levelText(n, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="toBeTested" label={t("pupil.toBeTested")} findings={about("toBeTested")}>
            {({ id, describedBy }) => (
              <select id={id} aria-describedby={describedBy} value={triValue(form.toBeTested)} onChange={(e) => set("toBeTested", triParse(e.target.value))} data-testid="sp-tested">
                <option value="">{t("pupil.unset")}</option>
                <option value="yes">{t("pupil.yes")}</option>
                <option value="no">{t("pupil.no")}</option>
              </select>
            )}
          </Field>
          {!bhkl && (
            <Field name="dsa" label={t("pupil.dsa")} hint={t("pupil.dsa.hint")} findings={about("dsa")}>
              {({ id, describedBy }) => (
                <span>
                  <select id={id} aria-describedby={describedBy} value={triValue(form.dsaReceiving)} onChange={(e) => set("dsaReceiving", triParse(e.target.value))} data-testid="sp-dsa">
                    <option value="">{t("pupil.unset")}</option>
                    <option value="yes">{t("pupil.yes")}</option>
                    <option value="no">{t("pupil.no")}</option>
                  </select>{" "}
                  {form.dsaReceiving && (
                    <>
                      <label>
                        {t("pupil.dsa.years")}{" "}
                        <input type="number" min={1} max={20} value={form.dsaYears} onChange={(e) => set("dsaYears", Number(e.target.value))} data-testid="sp-dsa-years" />
                      </label>{" "}
                      <label>
                        <input type="checkbox" checked={form.dsaJudged} onChange={(e) => set("dsaJudged", e.target.checked)} data-testid="sp-dsa-judged" /> {t("pupil.dsa.judged")}
                      </label>
                    </>
                  )}
                </span>
              )}
            </Field>
          )}
          <Field name="exemption" label={t("pupil.exemption")} hint={t("pupil.exemption.hint")} findings={about("exemption")}>
            {({ id, describedBy }) => (
              <span>
                <input
                  id={id}
                  type="checkbox"
                  aria-describedby={describedBy}
                  checked={form.exemption !== null}
                  onChange={(e) => set("exemption", e.target.checked ? { considerableDisability: false, pppAssessment: false, specialConditionsConsidered: false } : null)}
                  data-testid="sp-exempted"
                />
                {form.exemption &&
                  (["considerableDisability", "pppAssessment", "specialConditionsConsidered"] as const).map((k) => (
                    <label key={k} style={{ display: "block" }}>
                      <input type="checkbox" checked={form.exemption![k]} onChange={(e) => set("exemption", { ...form.exemption!, [k]: e.target.checked })} data-testid={`sp-exemption-${k}`} />{" "}
                      {t(`pupil.exemption.${k}`)}
                    </label>
                  ))}
              </span>
            )}
          </Field>
        </fieldset>
        <fieldset className="card" disabled={!canWrite} data-testid="sp-attempts">
          {[1, 2, 3, 4].map((no) => (
            <Field
              key={no}
              name={`attempt-${no}`}
              label={`${t("pupil.attempt", { n: no })}${bhkl ? ` (${no <= 3 ? t("pupil.attempt.mandatory") : t("pupil.attempt.voluntary")})` : ""}`}
              hint={isForced(no) ? t("pupil.forced") : undefined}
              findings={attemptFindings(no)}
            >
              {({ id, describedBy, invalid }) => (
                <select
                  id={id}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  value={shownResult(no)}
                  disabled={isForced(no)}
                  data-forced={String(isForced(no))}
                  onChange={(e) => {
                    const rs = [...form.results];
                    rs[no - 1] = e.target.value as Result | "";
                    set("results", rs);
                  }}
                  data-testid={`sp-attempt-${no}`}
                >
                  <option value="">{t("result.none")}</option>
                  {(["sprogparat", "ikke-sprogparat", "intet-resultat"] as const).map((r) => (
                    <option key={r} value={r}>
                      {pick(RESULT_LABEL[r], lang)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </fieldset>
        <fieldset className="card" disabled={!canWrite}>
          {bhkl && (
            <>
              <Field name="sommerskole" label={t("pupil.sommerskole")} findings={about("sommerskole")}>
                {({ id }) => <input id={id} type="checkbox" checked={form.sommerskole} onChange={(e) => set("sommerskole", e.target.checked)} data-testid="sp-sommerskole" />}
              </Field>
              <Field name="specialPermission" label={t("pupil.permission")} findings={about("specialPermission")}>
                {({ id }) => <input id={id} type="checkbox" checked={form.specialPermission} onChange={(e) => set("specialPermission", e.target.checked)} data-testid="sp-permission" />}
              </Field>
              <Field name="previouslyPostponed" label={t("pupil.postponed")} findings={about("previouslyPostponed")}>
                {({ id }) => <input id={id} type="checkbox" checked={form.previouslyPostponed} onChange={(e) => set("previouslyPostponed", e.target.checked)} data-testid="sp-postponed" />}
              </Field>
            </>
          )}
          <Field name="rykkerOp" label={t("pupil.rykkerOp")} findings={about("rykkerOp")}>
            {({ id, describedBy, invalid }) => (
              <select id={id} aria-describedby={describedBy} aria-invalid={invalid} value={triValue(form.rykkerOp)} onChange={(e) => set("rykkerOp", triParse(e.target.value))} data-testid="sp-rykker-op">
                <option value="">{t("pupil.unset")}</option>
                <option value="yes">{t("pupil.yes")}</option>
                <option value="no">{t("pupil.no")}</option>
              </select>
            )}
          </Field>
        </fieldset>
        {general.length > 0 && (
          <section className="card" data-testid="sp-general-findings">
            <h2>{t("pupil.general")}</h2>
            <FindingList findings={general} />
          </section>
        )}
        {canWrite && (
          <div className="card save-bar">
            <button type="submit" className="primary" data-testid="sp-save">
              {t("pupil.save")}
            </button>
          </div>
        )}
      </form>
      {pupilId && version !== null && (
        <LeavingCard
          yearId={yearId}
          pupilId={pupilId}
          version={version}
          left={left}
          canWrite={session.canWrite}
          onDone={(d) => {
            setVersion(d.pupil.version);
            setFindings(d.findings);
            setHistory(d.history);
            setLeft(d.pupil.left ?? null);
          }}
        />
      )}
      {pupilId && <PupilHistory history={history} />}
    </>
  );
}

/**
 * "Udmeldt": the pupil left the school during the year (docs/rulebooks/001-sprogprove.md "Pupils who leave"). Marking
 * and taking back are each a new version (POST …/pupils/:id/left); refusals (bad date, no reason, stale) sit beside
 * their field.
 */
function LeavingCard({
  yearId,
  pupilId,
  version,
  left,
  canWrite,
  onDone,
}: {
  yearId: string;
  pupilId: string;
  version: number;
  left: Leaving | null;
  canWrite: boolean;
  onDone: (d: { pupil: PupilData; findings: Finding[]; history: PupilVersion[] }) => void;
}) {
  const t = useTextsSp();
  const { lang } = useI18n();
  const [on, setOn] = useState("");
  const [reason, setReason] = useState("");
  const [undoReason, setUndoReason] = useState("");
  const sub = useSubmit({ findingStatuses: [422] });
  const { findings, err } = sub;
  const [done, setDone] = useState<number | null>(null);
  const send = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body = left ? { version, left: null, reason: undoReason } : { version, left: { on, reason } };
    const d = await sub.run(() => post<{ pupil: PupilData; findings: Finding[]; history: PupilVersion[] }>(`${API}/years/${yearId}/pupils/${pupilId}/left`, body));
    if (!d) return;
    setOn("");
    setReason("");
    setUndoReason("");
    setDone(d.pupil.version);
    onDone(d);
  };
  const about = (s: string) => findings.filter((f) => f.subject === s);
  return (
    <form className="card" onSubmit={(e) => void send(e)} data-testid="sp-left" data-left={left?.on ?? ""}>
      <h2>{t("left.title")}</h2>
      <p className="hint">{t("left.hint")}</p>
      <ProblemBanner error={err} />
      {done !== null && <Banner kind="success" testid="sp-left-saved">{t("left.done", { v: done })}</Banner>}
      {left ? (
        <>
          <p data-testid="sp-left-status">
            <strong>{t("left.is", { on: left.on, reason: left.reason })}</strong>
            {left.recordedBy && <> — {t("left.by", { who: left.recordedBy, when: left.recordedAt ? formatDateTime(left.recordedAt, lang) : "" })}</>}
          </p>
          {canWrite && (
            <>
              <Field name="reason" label={t("left.undoReason")} findings={findings.filter((f) => f.subject === "reason" || f.subject === "left")}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={undoReason} onChange={(e) => setUndoReason(e.target.value)} data-testid="sp-left-undo-reason" />
                )}
              </Field>
              <button type="submit" className="secondary" data-testid="sp-left-undo">
                {t("left.undo")}
              </button>
            </>
          )}
        </>
      ) : (
        canWrite && (
          <>
            <Field name="left.on" label={t("left.on")} findings={about("left.on")}>
              {({ id, describedBy, invalid }) => (
                <input id={id} type="date" aria-describedby={describedBy} aria-invalid={invalid} value={on} onChange={(e) => setOn(e.target.value)} data-testid="sp-left-on" />
              )}
            </Field>
            <Field name="left.reason" label={t("left.reason")} findings={about("left.reason")}>
              {({ id, describedBy, invalid }) => (
                <input id={id} aria-describedby={describedBy} aria-invalid={invalid} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} data-testid="sp-left-reason" />
              )}
            </Field>
            <button type="submit" className="secondary" data-testid="sp-left-mark">
              {t("left.mark")}
            </button>
          </>
        )
      )}
      {findings.filter((f) => !["left.on", "left.reason", "reason", "left"].includes(f.subject ?? "")).length > 0 && (
        <FindingList findings={findings.filter((f) => !["left.on", "left.reason", "reason", "left"].includes(f.subject ?? ""))} />
      )}
    </form>
  );
}

// ------------------------------------------------------------------------------------------------------------ module

export const sprogproveModule: WebModule = {
  id: "sprogprove",
  name: { da: "Sprogprøver", en: "Language tests" },
  home: "/sprogprove",
  nav: [{ to: "/sprogprove", label: { da: "Skoleår", en: "School years" }, testid: "nav-sprogprove-years", active: (p) => p.startsWith("/sprogprove") }],
  page(path, query, session) {
    let m: Record<string, string> | null;
    if (path === "/sprogprove") return <YearsPage session={session} />;
    if ((m = match("/sprogprove/years/:id", path))) return <YearPage key={m.id} session={session} id={m.id!} />;
    if ((m = match("/sprogprove/years/:id/history", path))) return <HistoryPage key={`h-${m.id}`} id={m.id!} />;
    if ((m = match("/sprogprove/years/:id/pupils/new", path))) return <PupilPage key="new" session={session} yearId={m.id!} pupilId={null} />;
    if ((m = match("/sprogprove/years/:id/pupils/:pupilId", path))) return <PupilPage key={m.pupilId} session={session} yearId={m.id!} pupilId={m.pupilId!} savedVersion={query.get("saved") ? Number(query.get("saved")) : undefined} />;
    return null;
  },
  afterSwitch(path) {
    return path.startsWith("/sprogprove/years/") ? "/sprogprove" : null;
  },
};

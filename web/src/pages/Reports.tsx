/**
 * The quarterly AMU report: pick a quarter (default: the latest ended one), see STIL's upload window, preview the rows,
 * what is left out and why, and what blocks it; build it (stored as submission n), see the diff against the previous
 * submission, download the file and the receipt; earlier submissions below.
 */
import { useEffect, useState } from "react";
import { get, post, qs, type Change, type Finding, type ReportDetail, type ReportRow, type ReportSummary, type Texts } from "../api.ts";
import type { Session } from "../App.tsx";
import { Banner, FindingItem, ProblemBanner, Spinner } from "../components.tsx";
import { formatDate, formatDateTime, pick, useI18n, type TextKey } from "../i18n.tsx";
import { label, latestEnded, parseQuarter, recentQuarters, todayIso, uploadWindow, windowState } from "../quarter.ts";
import { Link, navigate } from "../router.tsx";
import { useSubmit } from "../forms.ts";

const CHANGES: Change[] = ["new", "changed", "unchanged", "removed"];

export const rowCount = (d: Pick<ReportDetail, "rows" | "rowCount">): number => (Array.isArray(d.rows) ? d.rows.length : (d.rowCount ?? d.rows));

/** The participation a finding or row concerns, when it says so. */
function participationIdOf(x: unknown): string | undefined {
  if (!x || typeof x !== "object") return undefined;
  const o = x as Record<string, unknown>;
  for (const k of ["participationId", "participation", "id"]) if (typeof o[k] === "string") return o[k];
  if (typeof o.subject === "string") {
    const m = /^participations?[:/ ]\s*([\w-]+)/.exec(o.subject);
    if (m) return m[1];
  }
  return undefined;
}

export function ReportsPage({ session, query, reportId }: { session: Session; query: URLSearchParams; reportId: string | null }) {
  const { t } = useI18n();
  const [list, setList] = useState<ReportSummary[] | null>(null);
  const [listError, setListError] = useState<unknown>(null);

  const loadList = () =>
    get<ReportSummary[]>("/api/amu/reports")
      .then(setList)
      .catch(setListError);
  useEffect(() => {
    void loadList();
  }, [reportId]);

  return (
    <>
      {reportId ? <Submission id={reportId} canWrite={session.canWrite} justBuilt={query.get("built") === "1"} /> : <Preview session={session} query={query} onBuilt={loadList} />}
      <section className="card flush" aria-labelledby="earlier-h" data-testid="earlier-reports">
        <div className="table-head">
          <h2 id="earlier-h">{t("report.earlier")}</h2>
        </div>
        <ProblemBanner error={listError} />
        {list && list.length === 0 && <p className="empty">{t("report.earlier.empty")}</p>}
        {list && list.length > 0 && <EarlierTable list={list} current={reportId} />}
      </section>
    </>
  );
}

function EarlierTable({ list, current }: { list: ReportSummary[]; current: string | null }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("report.col.number")}</th>
            <th scope="col">{t("report.col.quarter")}</th>
            <th scope="col">{t("report.col.created")}</th>
            <th scope="col">{t("report.col.by")}</th>
            <th scope="col" className="num">
              {t("report.col.rows")}
            </th>
            <th scope="col">{t("report.col.changes")}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((r) => (
            <tr key={r.id} data-testid="earlier-report" data-id={r.id} data-number={r.number} aria-current={r.id === current ? "true" : undefined}>
              <td>
                <Link to={`/amu/reports/${encodeURIComponent(r.id)}`}>#{r.number}</Link>
              </td>
              <td className="mono">{r.quarter}</td>
              <td className="nowrap">{formatDateTime(r.createdAt, lang)}</td>
              <td>{r.createdBy}</td>
              <td className="num">{r.rows}</td>
              <td>
                <DiffBar counts={r.counts} small />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function QuarterWindow({ quarter }: { quarter: string }) {
  const { t, lang } = useI18n();
  const q = parseQuarter(quarter);
  if (!q) return null;
  const w = uploadWindow(q);
  const s = windowState(w, todayIso());
  const badge = s.state === "open" ? t("report.window.open") : s.state === "future" ? t("report.window.future", { days: s.days }) : t("report.window.past");
  return (
    <div className={`window window-${s.state}`} data-testid="upload-window" data-from={w.from} data-to={w.to}>
      <span className="window-label">{t("report.window")}</span>
      <span>{t("report.window.text", { quarter, from: formatDate(w.from, lang), to: formatDate(w.to, lang) })}</span>
      <span className={`pill pill-${s.state}`}>{badge}</span>
    </div>
  );
}

function Preview({ session, query, onBuilt }: { session: Session; query: URLSearchParams; onBuilt: () => void }) {
  const { t } = useI18n();
  const today = todayIso();
  const def = label(latestEnded(today));
  const quarter = query.get("quarter") && parseQuarter(query.get("quarter")!) ? query.get("quarter")! : def;
  const [loaded, setLoaded] = useState<{ quarter: string; d: ReportDetail } | null>(null);
  const preview = loaded?.quarter === quarter ? loaded.d : null;
  const [error, setError] = useState<unknown>(null);
  const buildSub = useSubmit();
  const building = buildSub.busy;

  useEffect(() => {
    const ac = new AbortController();
    setError(null);
    buildSub.clear();
    get<ReportDetail>(`/api/amu/reports/preview${qs({ quarter })}`, ac.signal)
      .then((d) => setLoaded({ quarter, d }))
      .catch((e: unknown) => {
        if ((e as Error).name !== "AbortError") setError(e);
      });
    return () => ac.abort();
  }, [quarter]);

  const build = async () => {
    const d = await buildSub.run(() => post<ReportDetail>("/api/amu/reports", { quarter }));
    if (!d) return;
    onBuilt();
    navigate(`/amu/reports/${encodeURIComponent(d.id)}?built=1`);
  };

  const quarters = recentQuarters(today, 20).map(label);
  if (!quarters.includes(quarter)) quarters.push(quarter);
  const blocking: Finding[] = buildSub.findings.length ? buildSub.findings : flattenBlocking(preview?.blocking ?? []);

  return (
    <>
      <div className="page-head">
        <h1>{t("report.title")}</h1>
      </div>
      <div className="card report-controls">
        <div className="field">
          <label htmlFor="report-quarter">{t("report.quarter")}</label>
          <select id="report-quarter" value={quarter} onChange={(e) => navigate(`/amu/reports?quarter=${e.target.value}`, { replace: true })} data-testid="report-quarter">
            {quarters.map((q) => (
              <option key={q} value={q}>
                {q}
                {q === def ? ` (${t("report.latestEnded")})` : ""}
              </option>
            ))}
          </select>
        </div>
        <QuarterWindow quarter={quarter} />
        {session.canWrite ? (
          <button type="button" className="primary" onClick={() => void build()} disabled={building || !preview} data-testid="report-build">
            {building ? t("report.building") : t("report.build")}
          </button>
        ) : (
          <span className="muted small">{t("report.forbidden")}</span>
        )}
      </div>

      {blocking.length > 0 && <Blocking findings={blocking} />}
      <ProblemBanner error={buildSub.err} />
      <ProblemBanner error={error} />
      {!preview && !error && <Spinner />}
      {preview && (
        <div data-testid="report-preview" data-quarter={quarter}>
          <ReportBody d={preview} />
        </div>
      )}
    </>
  );
}

/** `{ id, findings }[]` → findings that know their participation; plain findings pass through. Errors only. */
function flattenBlocking(b: NonNullable<ReportDetail["blocking"]>): Finding[] {
  const out: Finding[] = [];
  for (const x of b) {
    if ("findings" in x && Array.isArray(x.findings)) for (const f of x.findings) out.push({ ...f, participationId: x.id } as Finding);
    else out.push(x as Finding);
  }
  return out.filter((f) => f.severity === "error");
}

const quarterLabel = (q: string | { year: number; q: number }): string => (typeof q === "string" ? q : `${q.year}Q${q.q}`);

/** The text of an exclusion reason: a plain text, texts per language, or a finding. */
function reasonText(r: string | Texts | Finding, lang: "da" | "en"): string {
  if (typeof r === "object" && "message" in r) return pick(r.message, lang);
  return pick(r, lang);
}

/** "participation <id>: resultatProevebelagt" → "resultatProevebelagt". */
const fieldOfSubject = (subject: string | undefined) => subject?.replace(/^participations? [\w-]+:?\s*/, "") || undefined;

function Blocking({ findings }: { findings: Finding[] }) {
  const { t } = useI18n();
  const byParticipation = new Map<string, Finding[]>();
  for (const f of findings) {
    const pid = participationIdOf(f) ?? "";
    byParticipation.set(pid, [...(byParticipation.get(pid) ?? []), f]);
  }
  const groups = [...byParticipation.entries()];
  return (
    <Banner kind="error" title={t("report.blocking")} testid="report-blocking">
      <p>{t("report.blocking.intro")}</p>
      <ol className="blocking-list">
        {groups.map(([pid, fs]) => (
          <li key={pid} className="blocking-item" data-testid="blocking-participation" data-id={pid}>
            <ul className="findings">
              {fs.map((f, i) => (
                <FindingItem key={i} f={{ ...f, subject: fieldOfSubject(f.subject) }} />
              ))}
            </ul>
            {pid && (
              <Link to={`/amu/participations/${encodeURIComponent(pid)}`} className="button secondary blocking-link" data-testid="blocking-link">
                {t("report.fix")} →
              </Link>
            )}
          </li>
        ))}
      </ol>
    </Banner>
  );
}

function Submission({ id, justBuilt, canWrite }: { id: string; justBuilt: boolean; canWrite: boolean }) {
  const { t, lang } = useI18n();
  const [d, setD] = useState<ReportDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    get<ReportDetail>(`/api/amu/reports/${encodeURIComponent(id)}`)
      .then(setD)
      .catch(setError);
  }, [id]);
  if (error) return <ProblemBanner error={error} />;
  if (!d) return <Spinner />;
  const base = `/api/amu/reports/${encodeURIComponent(d.id)}`;
  return (
    <>
      <p className="crumbs">
        <Link to={`/amu/reports?quarter=${d.quarter}`}>← {t("report.back")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="submission-title" data-number={d.number}>
          {t("report.submission", { number: d.number, quarter: d.quarter })}
        </h1>
        <span className="muted">{t("report.submission.meta", { when: formatDateTime(d.createdAt, lang), who: d.createdBy })}</span>
      </div>
      {justBuilt && (
        <Banner kind="success" testid="report-built">
          {t("report.built", { number: d.number, quarter: d.quarter })}
        </Banner>
      )}
      <div className="card downloads" data-testid="downloads">
        <h2>{t("report.downloads")}</h2>
        <div className="download-row">
          {canWrite && (
            <>
              <a className="button primary" href={`${base}/file?format=csv`} download data-testid="download-csv">
                ⤓ {t("report.download.csv")}
              </a>
              <a className="button secondary" href={`${base}/file?format=json`} download data-testid="download-json">
                ⤓ {t("report.download.json")}
              </a>
            </>
          )}
          <a className="button secondary" href={`${base}/receipt?format=pdf`} target="_blank" rel="noreferrer" data-testid="receipt-pdf">
            {t("report.receipt.pdf")}
          </a>
          <a className="button secondary" href={`${base}/receipt?format=html`} target="_blank" rel="noreferrer" data-testid="receipt-html">
            {t("report.receipt.html")}
          </a>
        </div>
        <QuarterWindow quarter={d.quarter} />
      </div>
      <ReportBody d={d} />
    </>
  );
}

function ReportBody({ d }: { d: ReportDetail }) {
  const { t, lang } = useI18n();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const n = rowCount(d);
  const rows: ReportRow[] = Array.isArray(d.rows) ? d.rows : [];
  const counts: Record<Change, number> = d.counts ?? { new: 0, changed: 0, unchanged: 0, removed: 0 };
  const diff = (d.diff ?? []).filter((x) => showUnchanged || x.change !== "unchanged");
  const byId = new Map(rows.map((r) => [participationIdOf(r) ?? "", r]));
  const describe = (pid: string): string => {
    const r = byId.get(pid);
    return r ? `${String(r.fagkode ?? "")} · ${maskCpr(String(r.cpr ?? ""))}` : t("report.participation");
  };
  return (
    <>
      {d.window && (
        <p className="muted" data-testid="report-scope">
          {t("report.scope", { from: formatDate(d.window.from, lang), to: formatDate(d.window.to, lang), quarters: d.window.quarters.map(quarterLabel).join(", ") })}
        </p>
      )}
      <div className="report-grid">
        <section className="card" aria-labelledby="diff-h" data-testid="report-diff">
          <h2 id="diff-h">{t("report.diff")}</h2>
          <DiffBar counts={counts} />
          {(d.diff ?? []).length > 0 && (
            <>
              <label className="inline-check">
                <input type="checkbox" checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} /> {t("report.diff.showAll")}
              </label>
              <ul className="diff-list">
                {diff.map((x) => {
                  const key = x.id ?? x.key ?? "";
                  const [pid = key, kind, seq] = key.split("|");
                  return (
                  <li key={`${x.change}-${key}`} data-testid="diff-entry" data-change={x.change}>
                    <span className={`pill pill-${x.change}`}>{t(`report.diff.${x.change}`)}</span>{" "}
                    <Link to={`/amu/participations/${encodeURIComponent(pid)}`}>
                      {describe(pid)}
                      {kind === "omproeve" ? ` · ${t("retakes.title")} ${seq ?? ""}` : ""}
                    </Link>
                    {x.leftWindow && <span className="muted small"> · {t("report.diff.leftWindow")}</span>}
                    {x.fields && x.fields.length > 0 && (
                      <span className="muted small">
                        {" "}
                        · {t("report.diff.fields")}: {x.fields.join(", ")}
                      </span>
                    )}
                  </li>
                  );
                })}
              </ul>
            </>
          )}
        </section>
        <section className="card" aria-labelledby="excluded-h" data-testid="report-excluded">
          <h2 id="excluded-h">{t("report.excluded")}</h2>
          {d.excluded.length === 0 ? (
            <p className="muted">{t("report.excluded.none")}</p>
          ) : (
            <ul className="excluded-list">
              {d.excluded.map((x) => (
                <li key={x.id} data-testid="excluded-entry">
                  <Link to={`/amu/participations/${encodeURIComponent(x.id)}`}>{t("report.participation")}</Link> — {reasonText(x.reason, lang)}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section className="card flush" aria-labelledby="rows-h">
        <div className="table-head">
          <h2 id="rows-h">{t("report.rows")}</h2>
          <span data-testid="report-row-count" data-count={n}>
            {t("report.rowsCount", { n })}
          </span>
        </div>
        {rows.length > 0 && <RowsTable rows={rows} />}
      </section>
    </>
  );
}

const maskCpr = (v: string) => (/^\d{10}$/.test(v) ? `${v.slice(0, 6)}-xxxx` : v);

/** Columns shown first, in the file's order; the participation id and the provider (the same on every row) are not shown. */
const PREFERRED = ["cpr", "fagkode", "recordType", "seq", "startDate", "endDate", "examDate", "quarter", "resultGroup", "ResultatProevebelagt", "ResultatIkkeProevebelagt", "ejRelevant", "euEfteruddannelse", "outsourcedTo"];
const HIDDEN = new Set(["participationId", "GodkendtSkole"]);

function RowsTable({ rows }: { rows: ReportRow[] }) {
  const { t } = useI18n();
  const keys = rows.reduce((s, r) => (Object.keys(r).forEach((k) => s.add(k)), s), new Set<string>());
  const cols = [...PREFERRED.filter((k) => keys.has(k)), ...[...keys].filter((k) => !PREFERRED.includes(k) && !HIDDEN.has(k))];
  const header = (c: string) => {
    const key = `report.col.${c}` as TextKey;
    const label = t(key);
    return label === key ? c : label;
  };
  const show = (k: string, v: unknown): string => {
    if (v === null || v === undefined) return "";
    if (typeof v === "object") return JSON.stringify(v);
    if (typeof v === "boolean") return v ? "✓" : "";
    const s = String(v);
    return /cpr/i.test(k) ? maskCpr(s) : s;
  };
  return (
    <div className="table-scroll">
      <table className="table compact" data-testid="report-rows">
        <thead>
          <tr>
            {cols.map((c) => (
              <th key={c} scope="col" title={c}>
                {header(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i} data-testid="report-row" data-id={participationIdOf(r) ?? ""}>
              {cols.map((c, j) => {
                const pid = participationIdOf(r);
                const v = show(c, r[c]);
                return (
                  <td key={c} className={/cpr|kode|dato|date|id/i.test(c) ? "mono nowrap" : ""}>
                    {j === 0 && pid ? <Link to={`/amu/participations/${encodeURIComponent(pid)}`}>{v}</Link> : v}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** New / changed / unchanged / removed as one stacked bar with a legend: easier to take in than four numbers. */
function DiffBar({ counts, small }: { counts: Record<Change, number>; small?: boolean }) {
  const { t } = useI18n();
  const total = CHANGES.reduce((n, c) => n + (counts[c] ?? 0), 0);
  const w = small ? 120 : 320;
  const h = small ? 8 : 14;
  let x = 0;
  const desc = CHANGES.map((c) => `${t(`report.diff.${c}`)} ${counts[c] ?? 0}`).join(", ");
  return (
    <div className={`diffbar ${small ? "diffbar-small" : ""}`} data-testid="diff-counts" data-new={counts.new} data-changed={counts.changed} data-unchanged={counts.unchanged} data-removed={counts.removed}>
      <svg width={w} height={h} role="img" aria-label={desc}>
        <rect x="0" y="0" width={w} height={h} className="bar-empty" rx="2" />
        {total > 0 &&
          CHANGES.map((c) => {
            const width = ((counts[c] ?? 0) / total) * w;
            const r = <rect key={c} x={x} y="0" width={width} height={h} className={`bar-${c}`} />;
            x += width;
            return r;
          })}
      </svg>
      {small ? (
        <span className="small">
          {counts.new} / {counts.changed} / {counts.removed}
        </span>
      ) : (
        <ul className="legend">
          {CHANGES.map((c) => (
            <li key={c}>
              <span className={`swatch bar-${c}`} aria-hidden="true" />
              {t(`report.diff.${c}`)} <strong>{counts[c] ?? 0}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

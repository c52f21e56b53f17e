/** The list of course participations: filters in the URL, paging, masked CPR, a findings badge per row. */
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { get, qs, type AmuGoal, type ParticipationRow } from "../api.ts";
import type { Session } from "../App.tsx";
import { CountBadges, ProblemBanner, Spinner } from "../components.tsx";
import { categoryText, formatDate, useI18n } from "../i18n.tsx";
import { label, recentQuarters, todayIso } from "../quarter.ts";
import { Link, navigate } from "../router.tsx";

const PAGE = 25;
const FILTERS = ["q", "fagkode", "quarter", "status", "findings"] as const;
type FilterKey = (typeof FILTERS)[number];

export function useGoals(): AmuGoal[] {
  const [goals, setGoals] = useState<AmuGoal[]>([]);
  useEffect(() => {
    get<AmuGoal[]>("/api/amu/goals")
      .then(setGoals)
      .catch(() => setGoals([]));
  }, []);
  return goals;
}

export function ParticipationsPage({ session, query }: { session: Session; query: URLSearchParams }) {
  const { t, lang } = useI18n();
  const goals = useGoals();
  const filters = Object.fromEntries(FILTERS.map((k) => [k, query.get(k) ?? ""])) as Record<FilterKey, string>;
  const offset = Math.max(0, Number(query.get("offset") ?? 0) || 0);
  const [data, setData] = useState<{ items: ParticipationRow[]; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [text, setText] = useState(filters.q);
  const key = query.toString();

  useEffect(() => {
    const ac = new AbortController();
    setError(null);
    get<{ items: ParticipationRow[]; total: number }>(`/api/amu/participations${qs({ ...filters, limit: PAGE, offset })}`, ac.signal)
      .then(setData)
      .catch((e: unknown) => {
        if ((e as Error).name !== "AbortError") setError(e);
      });
    return () => ac.abort();
  }, [key]);

  // The search box filters as the user types (debounced), like the other filters.
  useEffect(() => {
    if (text === filters.q) return;
    const h = window.setTimeout(() => setFilter("q", text), 250);
    return () => window.clearTimeout(h);
  }, [text]);

  function setFilter(k: FilterKey | "offset", v: string) {
    const next = new URLSearchParams(query);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== "offset") next.delete("offset");
    const s = next.toString();
    navigate(`/amu/participations${s ? `?${s}` : ""}`, { replace: k !== "offset" });
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter("q", text);
  };

  const quarters = recentQuarters(todayIso(), 12).map(label);
  const anyFilter = FILTERS.some((k) => filters[k]);
  const pageErrors = data?.items.reduce((n, r) => n + (r.errors > 0 ? 1 : 0), 0) ?? 0;
  const pageWarnings = data?.items.reduce((n, r) => n + (r.errors === 0 && r.warnings > 0 ? 1 : 0), 0) ?? 0;

  return (
    <>
      <div className="page-head">
        <h1>{t("list.title")}</h1>
        {session.canWrite && (
          <Link to="/amu/participations/new" className="button primary" data-testid="new-participation">
            + {t("list.new")}
          </Link>
        )}
      </div>

      <form className="filters card" role="search" aria-label={t("list.filters")} onSubmit={submit} data-testid="filters">
        <div className="field grow">
          <label htmlFor="f-q">{t("list.q")}</label>
          <input id="f-q" type="search" value={text} onChange={(e) => setText(e.target.value)} data-testid="filter-q" />
        </div>
        <div className="field wide-select">
          <label htmlFor="f-fagkode">{t("list.fagkode")}</label>
          <select id="f-fagkode" value={filters.fagkode} onChange={(e) => setFilter("fagkode", e.target.value)} data-testid="filter-fagkode">
            <option value="">{t("list.any")}</option>
            {goals.map((g) => (
              <option key={g.fagkode} value={g.fagkode}>
                {g.fagkode} · {g.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-quarter">{t("list.quarter")}</label>
          <select id="f-quarter" value={filters.quarter} onChange={(e) => setFilter("quarter", e.target.value)} data-testid="filter-quarter">
            <option value="">{t("list.any")}</option>
            {quarters.map((q) => (
              <option key={q}>{q}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">{t("list.status")}</label>
          <select id="f-status" value={filters.status} onChange={(e) => setFilter("status", e.target.value)} data-testid="filter-status">
            <option value="">{t("list.any")}</option>
            <option value="ended">{t("status.ended")}</option>
            <option value="not-ended">{t("status.not-ended")}</option>
            <option value="never-held">{t("status.never-held")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-findings">{t("list.findings")}</label>
          <select id="f-findings" value={filters.findings} onChange={(e) => setFilter("findings", e.target.value)} data-testid="filter-findings">
            <option value="">{t("list.any")}</option>
            <option value="error">{t("list.findings.error")}</option>
            <option value="warning">{t("list.findings.warning")}</option>
            <option value="none">{t("list.findings.none")}</option>
          </select>
        </div>
        {anyFilter && (
          <button
            type="button"
            className="ghost"
            onClick={() => {
              setText("");
              navigate("/amu/participations", { replace: true });
            }}
          >
            {t("list.clear")}
          </button>
        )}
      </form>

      <ProblemBanner error={error} />
      {!data && !error && <Spinner />}
      {data && (
        <section className="card flush" aria-labelledby="list-caption">
          <div className="table-head">
            <h2 id="list-caption" className="visually-hidden">
              {t("list.title")}
            </h2>
            <span data-testid="list-count" data-total={data.total}>
              {data.total === 0 ? "" : t("list.count", { from: offset + 1, to: offset + data.items.length, total: data.total })}
            </span>
            {data.items.length > 0 && <PageChart errors={pageErrors} warnings={pageWarnings} ok={data.items.length - pageErrors - pageWarnings} />}
          </div>
          {data.items.length === 0 ? (
            <p className="empty" data-testid="list-empty">
              {t("list.empty")}
            </p>
          ) : (
            <div className="table-scroll">
              <table className="table" data-testid="participations">
                <thead>
                  <tr>
                    <th scope="col">{t("list.col.cpr")}</th>
                    <th scope="col">{t("list.col.goal")}</th>
                    <th scope="col">{t("list.col.period")}</th>
                    <th scope="col">{t("list.col.status")}</th>
                    <th scope="col">{t("list.col.group")}</th>
                    <th scope="col">{t("list.col.result")}</th>
                    <th scope="col">{t("list.col.findings")}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr key={r.id} data-testid="participation-row" data-id={r.id} data-fagkode={r.fagkode} data-errors={r.errors} data-warnings={r.warnings}>
                      <td className="mono">
                        <Link to={`/amu/participations/${encodeURIComponent(r.id)}`} aria-label={t("list.open", { fagkode: r.fagkode, cpr: r.cprMasked })}>
                          {r.cprMasked}
                        </Link>
                      </td>
                      <td>
                        <span className="mono">{r.fagkode}</span> <span className="muted">{r.goalTitle}</span>
                      </td>
                      <td className="nowrap">
                        {formatDate(r.startDate, lang)} – {formatDate(r.endDate, lang)}
                      </td>
                      <td>{t(`status.${r.status}`)}</td>
                      <td className="center">{r.group ?? "—"}</td>
                      <td className="result-cell">{rowResult(r, lang, t("ejRelevant"))}</td>
                      <td>
                        <CountBadges errors={r.errors} warnings={r.warnings} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.total > PAGE && (
            <nav className="pager" aria-label={t("list.paging")}>
              <button type="button" disabled={offset === 0} onClick={() => setFilter("offset", String(Math.max(0, offset - PAGE)))} data-testid="page-prev">
                ← {t("list.prev")}
              </button>
              <span>
                {Math.floor(offset / PAGE) + 1} / {Math.ceil(data.total / PAGE)}
              </span>
              <button type="button" disabled={offset + PAGE >= data.total} onClick={() => setFilter("offset", String(offset + PAGE))} data-testid="page-next">
                {t("list.next")} →
              </button>
            </nav>
          )}
        </section>
      )}
    </>
  );
}

/** The result as the field it is in (G1 = ResultatProevebelagt, G2 = ResultatIkkeProevebelagt) and its category. */
function rowResult(r: ParticipationRow, lang: "da" | "en", ejRelevant: string): ReactNode {
  if (r.ejRelevant) return ejRelevant;
  const parts: ReactNode[] = [];
  if (r.resultatProevebelagt != null)
    parts.push(
      <span key="p">
        <abbr className="field-tag" title="ResultatProevebelagt">
          G1
        </abbr>
        {categoryText("resultatProevebelagt", r.resultatProevebelagt, lang)}
      </span>,
    );
  if (r.resultatIkkeProevebelagt != null)
    parts.push(
      <span key="ip">
        <abbr className="field-tag" title="ResultatIkkeProevebelagt">
          G2
        </abbr>
        {categoryText("resultatIkkeProevebelagt", r.resultatIkkeProevebelagt, lang)}
      </span>,
    );
  return parts.length ? parts : "—";
}

/** A one-line bar: how many rows on this page have errors, only warnings, or nothing. */
function PageChart({ errors, warnings, ok }: { errors: number; warnings: number; ok: number }) {
  const { t } = useI18n();
  const total = errors + warnings + ok || 1;
  const w = 160;
  const seg = [
    { n: errors, cls: "bar-error" },
    { n: warnings, cls: "bar-warning" },
    { n: ok, cls: "bar-ok" },
  ];
  let x = 0;
  return (
    <span className="page-chart" title={t("list.summary")}>
      <svg width={w} height="10" role="img" aria-label={`${t("list.summary")}: ${t("list.errors", { n: errors })}, ${t("list.warnings", { n: warnings })}, ${t("list.ok")} ${ok}`}>
        {seg.map((s) => {
          const width = (s.n / total) * w;
          const r = <rect key={s.cls} x={x} y="0" width={width} height="10" className={s.cls} />;
          x += width;
          return r;
        })}
      </svg>
    </span>
  );
}

/**
 * Vitnemål and kompetansebevis (seed 003, issue 3): the class list of a school year (who gets which document and
 * whether it is blocked), a person's document preview where every line shows the sections that put it there and why,
 * the findings that block issuing, issuing, the issued documents with PDF download, duplicates (§2.11) and
 * cancellation, and the NVB export. API: /api/vitnemal (src/rulebooks/no-vitnemal/http.ts, docs/api.md).
 *
 * The rules' findings carry Norwegian bokmål (`message.nb`) and English; the UI's local language slot ("da") shows the
 * bokmål text here.
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from "react";
import type { Session } from "../App.tsx";
import { ApiError, get, post, qs, type Finding } from "../api.ts";
import { Banner, Spinner } from "../components.tsx";
import { useI18n } from "../i18n.tsx";
import type { WebModule } from "../modules.tsx";
import { Link, match, navigate } from "../router.tsx";
import { CaseForm, TEMPLATE } from "./case-form.tsx";
import { API, Findings, KindBadge, PreviewLines, Problem, useT, type CaseDetail, type DocumentRow, type Kind } from "./parts.tsx";
import { TEXTS } from "./texts.ts";
import "./vitnemal.css";

// -------------------------------------------------------------------------------------------------------- API types

type CancelReason = "KLA" | "FEI" | "ANN";

interface CaseRow {
  id: string;
  version: number;
  fnrMasked: string;
  name: string;
  subjects: number;
  errors: number;
  warnings: number;
  kind: Kind | null;
  issuable: boolean;
  document: { number: string; kind: Kind } | null;
  schoolYear: string | null;
}

interface IssueResult {
  number: string;
  kind: Kind;
  cancelled: string | null;
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------------------- helpers

function useLoad<T>(path: string | null): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [n, setN] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const ctl = new AbortController();
    setError(undefined);
    get<T>(path, ctl.signal).then(setData, (e: unknown) => {
      if ((e as Error).name !== "AbortError") setError(e);
    });
    return () => ctl.abort();
  }, [path, n]);
  return { data, error, reload: useCallback(() => setN((x) => x + 1), []) };
}

const REASONS = new Set(["new", "change", "gender-change", "duplicate"]);
const pdfHref = (number: string) => `${API}/documents/${encodeURIComponent(number)}/pdf`;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

// ------------------------------------------------------------------------------------------------------- class list

interface BatchResult {
  schoolYear: string;
  issued: { caseId: string; number: string }[];
  refused: { caseId: string; name: string; findings: Finding[] }[];
  skipped: number;
}

/** Issue every case of the school year that has no valid document (POST /issue-all); refused ones with their findings. */
function BatchPanel({ year, on, onDone }: { year: string; on: string; onDone: () => void }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<BatchResult | null>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await post<BatchResult>(`${API}/issue-all`, { schoolYear: year, ...(ISO.test(on) ? { on } : {}) }));
      setConfirming(false);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="vm-batch">
      {!confirming ? (
        <button type="button" className="secondary" data-testid="vm-batch-open" onClick={() => setConfirming(true)}>
          {t("batch.button", { year })}
        </button>
      ) : (
        <div className="vm-confirm">
          <span>{t("batch.confirmText", { year })}</span>
          <button type="button" className="primary" data-testid="vm-batch-confirm" disabled={busy} onClick={() => void run()}>
            {t("batch.confirm")}
          </button>
          <button type="button" className="ghost" onClick={() => setConfirming(false)}>
            {t("issue.abort")}
          </button>
        </div>
      )}
      <Problem error={error} />
      {result && (
        <div data-testid="vm-batch-result" data-issued={result.issued.length} data-refused={result.refused.length}>
          <p>{t("batch.result", { issued: result.issued.length, refused: result.refused.length })}</p>
          {result.refused.map((r) => (
            <div key={r.caseId} data-testid="vm-batch-refused" data-name={r.name}>
              <Link to={`/vitnemal/cases/${r.caseId}`}>{r.name}</Link>
              <Findings findings={r.findings} />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

function ClassListPage({ query, session }: { query: URLSearchParams; session: Session }) {
  const t = useT();
  const year = query.get("year") ?? "";
  const on = query.get("on") ?? "";
  const { data, error, reload } = useLoad<{ items: CaseRow[]; total: number }>(`${API}/cases${qs({ limit: 500, on: ISO.test(on) ? on : undefined })}`);
  const years = useMemo(() => [...new Set((data?.items ?? []).map((r) => r.schoolYear).filter((y): y is string => y !== null))].sort().reverse(), [data]);
  const rows = (data?.items ?? []).filter((r) => year === "" || r.schoolYear === year);
  const set = (k: string, v: string) => {
    const q = new URLSearchParams(query);
    if (v === "") q.delete(k);
    else q.set(k, v);
    const s = q.toString();
    navigate(`/vitnemal${s ? `?${s}` : ""}`, { replace: true });
  };
  const count = (p: (r: CaseRow) => boolean) => rows.filter(p).length;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("list.title")}</h1>
        {session.canWrite && (
          <Link to="/vitnemal/cases/new" className="button" data-testid="vm-new-case">
            {t("edit.newTitle")}
          </Link>
        )}
      </div>
      <p className="muted">{t("list.intro")}</p>
      <div className="filters card">
        <div className="field">
          <label htmlFor="vm-year">{t("list.schoolYear")}</label>
          <select id="vm-year" data-testid="vm-year" value={year} onChange={(e) => set("year", e.target.value)}>
            <option value="">{t("list.allYears")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="vm-on">{t("list.on")}</label>
          <input id="vm-on" type="date" data-testid="vm-on" value={on} onChange={(e) => set("on", e.target.value)} />
          <p className="hint">{t("list.onHint")}</p>
        </div>
      </div>
      <Problem error={error} />
      {session.canWrite && year !== "" && <BatchPanel key={year} year={year} on={on} onDone={reload} />}
      {!data ? (
        <Spinner />
      ) : (
        <>
          <p data-testid="vm-summary">
            {t("list.summary", {
              vitnemal: count((r) => r.kind === "vitnemal"),
              kompetansebevis: count((r) => r.kind === "kompetansebevis"),
              blocked: count((r) => r.errors > 0 || !r.issuable),
              issued: count((r) => r.document !== null),
            })}
          </p>
          {data.total > data.items.length && <p className="hint">{t("list.more", { shown: data.items.length, total: data.total })}</p>}
          <div className="card flush table-scroll">
            <table className="table" data-testid="vm-class-list">
              <thead>
                <tr>
                  <th>{t("list.name")}</th>
                  <th>{t("list.fnr")}</th>
                  <th>{t("list.year")}</th>
                  <th className="num">{t("list.subjects")}</th>
                  <th>{t("list.document")}</th>
                  <th>{t("list.state")}</th>
                  <th>{t("list.number")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.length === 0 && (
                  <tr>
                    <td colSpan={7} className="empty">
                      {t("list.empty")}
                    </td>
                  </tr>
                )}
                {rows.map((r) => (
                  <tr
                    key={r.id}
                    data-testid="vm-class-row"
                    data-name={r.name}
                    data-kind={r.kind ?? ""}
                    data-issuable={String(r.issuable)}
                    data-errors={r.errors}
                    data-document={r.document?.number ?? ""}
                    data-school-year={r.schoolYear ?? ""}
                  >
                    <td>
                      <Link to={`/vitnemal/cases/${r.id}${on && ISO.test(on) ? `?on=${on}` : ""}`} data-testid="vm-case-link">
                        {r.name}
                      </Link>
                    </td>
                    <td className="mono">{r.fnrMasked}</td>
                    <td>{r.schoolYear ?? ""}</td>
                    <td className="num">{r.subjects}</td>
                    <td>
                      <KindBadge kind={r.kind} />
                    </td>
                    <td>
                      {r.errors > 0 ? (
                        <span className="badge badge-error" data-testid="vm-blocked">
                          {t("state.blocked", { n: r.errors })}
                        </span>
                      ) : r.issuable ? (
                        <span className="badge badge-ok">{t("state.issuable")}</span>
                      ) : (
                        <span className="badge badge-warning">{t("state.notIssuable")}</span>
                      )}
                      {r.warnings > 0 && <span className="badge badge-warning vm-gap">{r.warnings} !</span>}
                    </td>
                    <td>
                      {r.document ? (
                        <a href={pdfHref(r.document.number)} download className="mono" data-testid="vm-row-pdf">
                          {r.document.number}
                        </a>
                      ) : (
                        ""
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}

// ----------------------------------------------------------------------------------------------------- case preview

function IssuePanel({ detail, session, on, onIssued }: { detail: CaseDetail; session: Session; on: string; onIssued: (r: IssueResult) => void }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [reason, setReason] = useState<CancelReason>("ANN");
  const p = detail.preview;
  const valid = detail.documents.find((d) => d.status === "issued");
  const kindText = p.kind ? t(`kind.${p.kind}`).split(" (")[0]!.toLowerCase() : "";
  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await post<IssueResult>(`${API}/cases/${encodeURIComponent(detail.id)}/issue`, { ...(ISO.test(on) ? { on } : {}), ...(valid ? { cancelReason: reason } : {}) });
      setConfirming(false);
      onIssued(r);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" data-testid="vm-issue-panel">
      <h2>{t("issue.title")}</h2>
      {!session.canWrite ? (
        <p className="muted" data-testid="vm-issue-not-allowed">
          {t("issue.notAllowed")}
        </p>
      ) : !p.issuable ? (
        <p className="muted" data-testid="vm-issue-blocked">
          {t("issue.blocked")}
        </p>
      ) : null}
      {valid && (
        <>
          <p className="hint">{t("issue.changeHint", { number: valid.number })}</p>
          <div className="field">
            <label htmlFor="vm-cancel-reason">{t("issue.cancelReason")}</label>
            <select id="vm-cancel-reason" data-testid="vm-change-reason" value={reason} onChange={(e) => setReason(e.target.value as CancelReason)}>
              {(["ANN", "KLA", "FEI"] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`doc.${c}`)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      {!confirming ? (
        <button type="button" className="primary" data-testid="vm-issue" disabled={!session.canWrite || !p.issuable} onClick={() => setConfirming(true)}>
          {valid ? t("issue.change") : t("issue.button", { kind: kindText })}
        </button>
      ) : (
        <div className="vm-confirm">
          <button type="button" className="primary" data-testid="vm-issue-confirm" disabled={busy} onClick={() => void issue()}>
            {t("issue.confirm", { kind: kindText })}
          </button>{" "}
          <button type="button" className="ghost" onClick={() => setConfirming(false)}>
            {t("issue.abort")}
          </button>
        </div>
      )}
      <Problem error={error} />
    </section>
  );
}

function DocumentActions({ doc, session, place, onDone }: { doc: DocumentRow; session: Session; place: string; onDone: (msg: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState<"duplicate" | "cancel" | "reissue" | null>(null);
  const [newFnr, setNewFnr] = useState("");
  const [way, setWay] = useState<1 | 2 | 3>(2);
  const [signatory, setSignatory] = useState(session.me.user.name);
  const [reason, setReason] = useState<CancelReason>("FEI");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: FormEvent, f: () => Promise<string>) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await f());
      setOpen(null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const base = `${API}/documents/${encodeURIComponent(doc.number)}`;
  return (
    <div className="vm-actions">
      <a href={pdfHref(doc.number)} download className="button" data-testid="vm-download">
        {t("doc.pdf")}
      </a>
      {/* §2.1: the form also exists in nynorsk and English; the content is the same document */}
      <a href={`${pdfHref(doc.number)}?lang=nn`} download className="ghost" data-testid="vm-download-nn">
        PDF (nynorsk)
      </a>
      <a href={`${pdfHref(doc.number)}?lang=en`} download className="ghost" data-testid="vm-download-en">
        PDF (English)
      </a>
      {session.canWrite && doc.status === "issued" && (
        <>
          <button type="button" className="ghost" data-testid="vm-duplicate-open" onClick={() => setOpen(open === "duplicate" ? null : "duplicate")}>
            {t("doc.duplicate")}
          </button>
          <button type="button" className="ghost" data-testid="vm-cancel-open" onClick={() => setOpen(open === "cancel" ? null : "cancel")}>
            {t("doc.cancel")}
          </button>
          <button type="button" className="ghost" data-testid="vm-reissue-open" onClick={() => setOpen(open === "reissue" ? null : "reissue")}>
            {t("doc.reissue")}
          </button>
        </>
      )}
      {open === "reissue" && (
        <form
          className="vm-inline-form"
          data-testid="vm-reissue-form"
          onSubmit={(e) =>
            void run(e, async () => {
              const r = await post<IssueResult>(`${base}/reissue`, { newFodselsnummer: newFnr.replace(/\s/g, "") });
              return t("doc.reissued", { number: r.number, old: doc.number });
            })
          }
        >
          <span className="hint">{t("doc.reissueHint")}</span>
          <label>
            {t("doc.newFnr")} <input data-testid="vm-reissue-fnr" value={newFnr} inputMode="numeric" autoComplete="off" maxLength={13} onChange={(e) => setNewFnr(e.target.value)} required />
          </label>
          <button type="submit" className="primary" disabled={busy || newFnr.trim() === ""} data-testid="vm-reissue-submit">
            {t("doc.doReissue")}
          </button>
        </form>
      )}
      {open === "duplicate" && (
        <form
          className="vm-inline-form"
          data-testid="vm-duplicate-form"
          onSubmit={(e) =>
            void run(e, async () => {
              const r = await post<IssueResult>(`${base}/duplicate`, { way, signatory, place });
              return t("doc.duplicated", { number: r.number });
            })
          }
        >
          <label>
            {t("doc.way")}{" "}
            <select data-testid="vm-duplicate-way" value={way} onChange={(e) => setWay(Number(e.target.value) as 1 | 2 | 3)}>
              {([1, 2, 3] as const).map((w) => (
                <option key={w} value={w}>
                  {t(`doc.way${w}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("doc.signatory")} <input data-testid="vm-duplicate-signatory" value={signatory} onChange={(e) => setSignatory(e.target.value)} required />
          </label>
          <button type="submit" className="primary" disabled={busy || signatory.trim() === ""} data-testid="vm-duplicate-submit">
            {t("doc.make")}
          </button>
        </form>
      )}
      {open === "cancel" && (
        <form
          className="vm-inline-form"
          data-testid="vm-cancel-form"
          onSubmit={(e) =>
            void run(e, async () => {
              await post(`${base}/cancel`, { reason, ...(comment.trim() ? { comment: comment.trim() } : {}) });
              return t("issue.cancelled", { number: doc.number });
            })
          }
        >
          <label>
            {t("doc.reasonCode")}{" "}
            <select data-testid="vm-cancel-reason-select" value={reason} onChange={(e) => setReason(e.target.value as CancelReason)}>
              {(["FEI", "KLA", "ANN"] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`doc.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("doc.comment")} <input data-testid="vm-cancel-comment" value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy} data-testid="vm-cancel-submit">
            {t("doc.doCancel")}
          </button>
        </form>
      )}
      <Problem error={error} />
    </div>
  );
}

function DocumentsTable({ docs, session, place, onDone, showCase }: { docs: DocumentRow[]; session: Session; place: string; onDone: (msg: string) => void; showCase?: boolean }) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="table compact" data-testid="vm-documents">
        <thead>
          <tr>
            <th>{t("doc.number")}</th>
            <th>{t("doc.kind")}</th>
            {showCase && <th>{t("doc.fnr")}</th>}
            <th>{t("doc.status")}</th>
            <th>{t("doc.on")}</th>
            <th>{t("doc.reason")}</th>
            <th>{t("doc.replaces")}</th>
            <th>{t("doc.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {docs.map((d) => (
            <tr key={d.number} data-testid="vm-document-row" data-number={d.number} data-status={d.status} data-kind={d.kind}>
              <td className="mono">{showCase && d.caseId ? <Link to={`/vitnemal/cases/${d.caseId}`}>{d.number}</Link> : d.number}</td>
              <td>{t(`kind.${d.kind}`).split(" (")[0]}</td>
              {showCase && <td className="mono">{d.fnr}</td>}
              <td>
                <span className={`badge ${d.status === "issued" ? "badge-ok" : "badge-warning"}`}>{d.status === "issued" ? t("doc.issued") : t("doc.cancelledStatus")}</span>
              </td>
              <td className="nowrap">{d.on}</td>
              <td>{REASONS.has(d.reason) ? t(`reason.${d.reason as "new"}`) : d.reason}</td>
              <td className="mono">{d.replaces ?? ""}</td>
              <td>
                <DocumentActions doc={d} session={session} place={place} onDone={onDone} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewCasePage() {
  const t = useT();
  return (
    <div className="page">
      <p>
        <Link to="/vitnemal">← {t("case.back")}</Link>
      </p>
      <div className="page-head">
        <h1>{t("edit.newTitle")}</h1>
      </div>
      <section className="card">
        <CaseForm initial={TEMPLATE} onSaved={(d) => navigate(`/vitnemal/cases/${d.id}`)} />
      </section>
    </div>
  );
}

function CasePage({ id, query, session }: { id: string; query: URLSearchParams; session: Session }) {
  const t = useT();
  const { lang } = useI18n();
  const qOn = query.get("on") ?? "";
  const [on, setOn] = useState(qOn);
  const { data, error, reload } = useLoad<CaseDetail>(`${API}/cases/${encodeURIComponent(id)}${qs({ on: ISO.test(qOn) ? qOn : undefined })}`);
  const [issued, setIssued] = useState<IssueResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const applyOn = (e: FormEvent) => {
    e.preventDefault();
    navigate(`/vitnemal/cases/${id}${ISO.test(on) ? `?on=${on}` : ""}`, { replace: true });
  };
  if (error) return <Problem error={error} />;
  if (!data) return <Spinner />;
  const p = data.preview;
  const errors = p.findings.filter((f) => f.severity === "error");
  const place = typeof (data.input.issuer as { place?: unknown } | undefined)?.place === "string" ? String((data.input.issuer as { place: string }).place) : "";
  return (
    <div className="page vm-case" data-testid="vm-case" data-case={data.id} data-kind={p.kind ?? ""} data-issuable={String(p.issuable)}>
      <p>
        <Link to="/vitnemal">← {t("case.back")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="vm-case-name">{data.input.person.name}</h1>
        <span className="mono">{data.fnrMasked}</span>
        <span>
          <KindBadge kind={p.kind} /> {p.forstegang && <span className="pill vm-forstegang">{t("kind.forstegang")}</span>}
        </span>
      </div>

      <form className="card vm-dateform" onSubmit={applyOn}>
        <div className="field">
          <label htmlFor="vm-case-on">{t("case.on")}</label>
          <input id="vm-case-on" type="date" data-testid="vm-case-on" value={on} onChange={(e) => setOn(e.target.value)} />
          <p className="hint">{t("case.onHint")}</p>
        </div>
        <button type="submit" className="secondary">
          {t("case.show")}
        </button>
      </form>

      {issued && (
        <Banner kind="success" testid="vm-issued">
          <p data-testid="vm-issued-number" data-number={issued.number}>
            {t("issue.done", { kind: t(`kind.${issued.kind}`).split(" (")[0]!, number: issued.number })}
            {issued.cancelled ? ` ${t("issue.cancelled", { number: issued.cancelled })}` : ""}
          </p>
          <a href={pdfHref(issued.number)} download className="button primary" data-testid="vm-issued-download">
            {t("issue.download")}
          </a>
        </Banner>
      )}
      {message && (
        <Banner kind="success" testid="vm-message">
          <p>{message}</p>
        </Banner>
      )}

      <div className="vm-grid">
        <div>
          <section className="card" data-testid="vm-blocking" data-count={errors.length}>
            <h2>{t("case.blocking")}</h2>
            {errors.length === 0 ? <p className="ok-text">{t("case.blockingNone")}</p> : <Findings findings={errors} testid="vm-blocking-findings" />}
          </section>
          <IssuePanel
            detail={data}
            session={session}
            on={qOn}
            onIssued={(r) => {
              setIssued(r);
              setMessage(null);
              reload();
            }}
          />
          <section className="card">
            <h2>{t("case.findings")}</h2>
            <Findings findings={p.findings} testid="vm-all-findings" />
          </section>
        </div>
        <section className="card">
          <h2>{t("case.preview")}</h2>
          <p className="hint">{t("case.previewHint")}</p>
          {p.lines.length === 0 ? <p className="muted">{t("case.noLines")}</p> : <PreviewLines lines={p.lines} />}
        </section>
      </div>
      <section className="card">
        <h2>{t("case.documents")}</h2>
        {data.documents.length === 0 ? (
          <p className="muted">{t("case.noDocuments")}</p>
        ) : (
          <DocumentsTable
            docs={data.documents}
            session={session}
            place={place}
            onDone={(m) => {
              setMessage(m);
              reload();
            }}
          />
        )}
      </section>
      {session.canWrite && (
        <details className="card" data-testid="vm-correct">
          <summary data-testid="vm-correct-open">
            <strong>{t("edit.correctTitle")}</strong>
          </summary>
          <CaseForm
            key={data.version}
            initial={data.input}
            id={data.id}
            version={data.version}
            onReload={reload}
            onSaved={() => {
              setMessage(t("edit.saved"));
              setIssued(null);
              reload();
            }}
          />
        </details>
      )}
      <section className="card">
        <h2>{t("case.history")}</h2>
        <ol className="timeline">
          {data.history.map((h) => (
            <li key={h.version}>
              <strong>{t("case.version", { n: h.version })}</strong> · {new Date(h.recordedAt).toLocaleString(lang === "en" ? "en-GB" : "nb-NO")} · {h.recordedBy}
              {h.reason ? ` · ${h.reason}` : ""}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

// ------------------------------------------------------------------------------------------------------- documents

function DocumentsPage({ session }: { session: Session }) {
  const t = useT();
  const { data, error, reload } = useLoad<DocumentRow[]>(`${API}/documents`);
  const [message, setMessage] = useState<string | null>(null);
  const [year, setYear] = useState("");
  const [schoolNumber, setSchoolNumber] = useState("");
  const [nvbError, setNvbError] = useState<unknown>(null);
  const exportNvb = async (e: FormEvent) => {
    e.preventDefault();
    setNvbError(null);
    try {
      const res = await fetch(`${API}/nvb${qs({ schoolYear: year, schoolNumber })}`, { credentials: "same-origin" });
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { detail?: string; findings?: Finding[] };
        throw new ApiError(res.status, { status: res.status, ...body });
      }
      const blob = await res.blob();
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "nvb.txt";
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      a.click();
      URL.revokeObjectURL(url);
      setMessage(t("nvb.done", { file: name }));
    } catch (err) {
      setNvbError(err);
    }
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("doc.listTitle")}</h1>
      </div>
      {message && (
        <Banner kind="success" testid="vm-message">
          <p>{message}</p>
        </Banner>
      )}
      <Problem error={error} />
      {!data ? (
        <Spinner />
      ) : data.length === 0 ? (
        <p className="muted">{t("doc.none")}</p>
      ) : (
        <div className="card flush">
          <DocumentsTable
            docs={data}
            session={session}
            place=""
            showCase
            onDone={(m) => {
              setMessage(m);
              reload();
            }}
          />
        </div>
      )}
      {session.canWrite && (
        <form className="card" onSubmit={(e) => void exportNvb(e)} data-testid="vm-nvb">
          <h2>{t("nvb.title")}</h2>
          <p className="hint">{t("nvb.hint")}</p>
          <div className="filters">
            <div className="field">
              <label htmlFor="vm-nvb-year">{t("nvb.schoolYear")}</label>
              <input id="vm-nvb-year" data-testid="vm-nvb-year" value={year} onChange={(e) => setYear(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="vm-nvb-school">{t("nvb.schoolNumber")}</label>
              <input id="vm-nvb-school" data-testid="vm-nvb-school" value={schoolNumber} onChange={(e) => setSchoolNumber(e.target.value)} />
            </div>
            <button type="submit" className="primary" data-testid="vm-nvb-export" disabled={year.trim() === ""}>
              {t("nvb.export")}
            </button>
          </div>
          <Problem error={nvbError} />
        </form>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------- module

export const vitnemalModule: WebModule = {
  id: "vitnemal",
  name: { da: TEXTS.da["module.name"], en: TEXTS.en["module.name"] },
  home: "/vitnemal",
  nav: [
    { to: "/vitnemal", label: { da: TEXTS.da["nav.classList"], en: TEXTS.en["nav.classList"] }, testid: "vm-nav-classlist", active: (p) => p === "/vitnemal" || p.startsWith("/vitnemal/cases") },
    { to: "/vitnemal/documents", label: { da: TEXTS.da["nav.documents"], en: TEXTS.en["nav.documents"] }, testid: "vm-nav-documents", active: (p) => p === "/vitnemal/documents" },
  ],
  page: (path, query, session) => {
    if (path === "/vitnemal") return <ClassListPage query={query} session={session} />;
    if (path === "/vitnemal/documents") return <DocumentsPage session={session} />;
    if (path === "/vitnemal/cases/new") return <NewCasePage />;
    const c = match("/vitnemal/cases/:id", path);
    if (c) return <CasePage key={`${c.id}?${query.get("on") ?? ""}`} id={c.id!} query={query} session={session} />;
    return null;
  },
  afterSwitch: (path) => (path.startsWith("/vitnemal/cases/") ? "/vitnemal" : null),
};

/**
 * AUB — Arbejdsgivernes Uddannelsesbidrag (seed 004): employers, notified education agreements with their exemption
 * findings beside the fields (§§ 4–6), contributions per quarter with a chart over time (§ 3) and the wage refund
 * (§§ 7–11) with its documents. API: /api/aub (docs/api.md).
 */
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { Session } from "../App.tsx";
import { get, post, put, qs, type Finding } from "../api.ts";
import { Banner, CountBadges, Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { useTexts, type UiLang } from "../i18n.tsx";
import { useI18n } from "../i18n.tsx";
import type { WebModule } from "../modules.tsx";
import { Link, match, navigate } from "../router.tsx";
import { useSubmit } from "../forms.ts";
import { AtpReportPage, AttestationForm, atpFormHref, EducationsPage, PrepaymentForm } from "./cases.tsx";
import { AddUnitForm, EmployerFormPage, ParametersPage, SchoolWeeksPage } from "./forms.tsx";

const API = "/api/aub";

const TEXTS = {
  da: {
    employers: "Arbejdsgivere",
    agreements: "Uddannelsesaftaler",
    contributions: "Bidrag",
    refunds: "Lønrefusion",
    name: "Navn",
    cvr: "CVR-nr.",
    se: "SE-nr.",
    category: "Undtagelse (§ 2)",
    none: "—",
    units: "ATP-indberettende enheder (§ 3, stk. 3)",
    quarter: "Kvartal",
    charged: "Opkrævet bidrag",
    statement: "Bidragsopgørelse (PDF)",
    chart: "Opkrævede bidrag pr. kvartal",
    newAgreement: "Anmeld uddannelsesaftale",
    notifiedOn: "Anmeldt den",
    employerCvr: "Arbejdsgiverens CVR-nr.",
    employerSe: "eller SE-nr.",
    traineeName: "Elevens navn",
    traineeCpr: "Elevens CPR-nr.",
    educationCode: "Uddannelse",
    paidHoursPerWeek: "Lønnet arbejdstid (timer/uge)",
    probationMonths: "Prøvetid (måneder)",
    underEudLaw: "Indgået efter lov om erhvervsuddannelser (§ 5, stk. 2)",
    employerSector: "Sektor",
    civilServantOnProbation: "Tjenestemand på prøve (§ 6, stk. 2)",
    attachment: "Vedlagt",
    signedByBoth: "Underskrevet af begge parter",
    agreementStart: "Aftalens start",
    agreementEnd: "Aftalens slut",
    terminatedOn: "Ophævet den",
    reason: "Begrundelse for ændringen",
    save: "Gem",
    notify: "Anmeld",
    exemption: "Bidragsfritagelse",
    noExemption: "Ingen bidragsfritagelse (se fund)",
    exemptFrom: "Fritaget {from} – {to} ({fq}–{tq})",
    recalculated: "Genberegnede kvartaler (§ 3, stk. 2)",
    difference: "Difference",
    trainee: "Elev",
    education: "Uddannelse",
    findings: "Fund",
    year: "År",
    weeklyRate: "Ugesats (§ 7, stk. 2)",
    weeks: "Skoleuger",
    amount: "Refusion",
    prepaid: "Forskud (§ 8)",
    schools: "Institutioner",
    downloads: "Dokumenter",
    schoolWeeksPdf: "Skoleuger (PDF)",
    schoolWeeksXlsx: "Skoleuger (XLSX)",
    settlementPdf: "Slutregulering (PDF)",
    settlementXlsx: "Slutregulering (XLSX)",
    attestation: "Ledelses- og Revisorerklæring (PDF)",
    secondary: "SU-satsen stammer fra en sekundær kilde og skal bekræftes.",
    total: "I alt",
    back: "Tilbage",
    saved: "Gemt",
    private: "Privat",
    state: "Stat",
    municipality: "Kommune",
    region: "Region",
    "signed-agreement": "Underskrevet aftale",
    "letter-of-appointment": "Ansættelsesbrev",
    attNone: "Intet",
    general: "Øvrige fund",
    newEmployer: "Registrér arbejdsgiver",
    editEmployer: "Ret",
    atpReport: "ATP-indberetning",
    fileAtp: "Indberet / ret ATP",
    newAtpReport: "Indberet ATP",
  },
  en: {
    employers: "Employers",
    agreements: "Education agreements",
    contributions: "Contributions",
    refunds: "Wage refund",
    name: "Name",
    cvr: "CVR no.",
    se: "SE no.",
    category: "Exemption (§ 2)",
    none: "—",
    units: "ATP-reporting units (§ 3, stk. 3)",
    quarter: "Quarter",
    charged: "Contribution charged",
    statement: "Contribution statement (PDF)",
    chart: "Contributions charged per quarter",
    newAgreement: "Notify an education agreement",
    notifiedOn: "Notified on",
    employerCvr: "Employer's CVR no.",
    employerSe: "or SE no.",
    traineeName: "Trainee's name",
    traineeCpr: "Trainee's CPR no.",
    educationCode: "Education",
    paidHoursPerWeek: "Paid working hours (hours/week)",
    probationMonths: "Probation (months)",
    underEudLaw: "Entered under the EUD act (§ 5, stk. 2)",
    employerSector: "Sector",
    civilServantOnProbation: "Civil servant on probation (§ 6, stk. 2)",
    attachment: "Attached",
    signedByBoth: "Signed by both parties",
    agreementStart: "Agreement starts",
    agreementEnd: "Agreement ends",
    terminatedOn: "Terminated on",
    reason: "Reason for the change",
    save: "Save",
    notify: "Notify",
    exemption: "Exemption",
    noExemption: "No exemption (see findings)",
    exemptFrom: "Exempt {from} – {to} ({fq}–{tq})",
    recalculated: "Recalculated quarters (§ 3, stk. 2)",
    difference: "Difference",
    trainee: "Trainee",
    education: "Education",
    findings: "Findings",
    year: "Year",
    weeklyRate: "Weekly rate (§ 7, stk. 2)",
    weeks: "School weeks",
    amount: "Refund",
    prepaid: "Prepaid (§ 8)",
    schools: "Institutions",
    downloads: "Documents",
    schoolWeeksPdf: "School weeks (PDF)",
    schoolWeeksXlsx: "School weeks (XLSX)",
    settlementPdf: "Settlement (PDF)",
    settlementXlsx: "Settlement (XLSX)",
    attestation: "Management and auditor statement (PDF)",
    secondary: "The SU rate comes from a secondary source and must be confirmed.",
    total: "Total",
    back: "Back",
    saved: "Saved",
    private: "Private",
    state: "State",
    municipality: "Municipality",
    region: "Region",
    "signed-agreement": "Signed agreement",
    "letter-of-appointment": "Letter of appointment",
    attNone: "Nothing",
    general: "Other findings",
    newEmployer: "Register an employer",
    editEmployer: "Change",
    atpReport: "ATP report",
    fileAtp: "File / correct ATP",
    newAtpReport: "File an ATP report",
  },
} satisfies Record<UiLang, Record<string, string>>;
type Key = keyof typeof TEXTS.da;

/** Øre as kroner: "1.573,85 kr." (da) or "DKK 1,573.85" (en). */
export function money(oere: number, lang: UiLang): string {
  const neg = oere < 0;
  const a = Math.abs(oere);
  const kr = Math.floor(a / 100);
  const ore = String(a % 100).padStart(2, "0");
  if (lang === "da") return `${neg ? "-" : ""}${String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${ore} kr.`;
  return `${neg ? "-" : ""}DKK ${String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${ore}`;
}

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

// ------------------------------------------------------------------------------------------------------------ chart

/** Bars of charged contributions per quarter (inline SVG, no dependency). */
function QuarterChart({ series, title }: { series: { quarter: string; chargedOere: number }[]; title: string }) {
  const { lang } = useI18n();
  if (series.length === 0) return null;
  const w = 640;
  const h = 220;
  const pad = 36;
  const max = Math.max(1, ...series.map((s) => s.chargedOere));
  const bw = (w - 2 * pad) / series.length;
  return (
    <figure className="card" data-testid="aub-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} role="img" aria-label={title} width="100%" style={{ maxWidth: w }}>
        <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} stroke="currentColor" strokeOpacity={0.4} />
        {series.map((s, i) => {
          const bh = ((h - 2 * pad) * s.chargedOere) / max;
          const x = pad + i * bw + bw * 0.15;
          return (
            <g key={s.quarter} data-testid="aub-bar" data-quarter={s.quarter} data-oere={s.chargedOere}>
              <rect x={x} y={h - pad - bh} width={bw * 0.7} height={bh} fill="#2f6f9f">
                <title>{`${s.quarter}: ${money(s.chargedOere, lang)}`}</title>
              </rect>
              <text x={x + bw * 0.35} y={h - pad + 14} textAnchor="middle" fontSize="11" fill="currentColor">
                {s.quarter}
              </text>
              <text x={x + bw * 0.35} y={h - pad - bh - 4} textAnchor="middle" fontSize="10" fill="currentColor">
                {Math.round(s.chargedOere / 100).toLocaleString(lang === "da" ? "da-DK" : "en-GB")}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

// -------------------------------------------------------------------------------------------------------- employers

interface EmployerSummary {
  id: string;
  cvr: string;
  name: string;
  category: string | null;
}

function EmployersPage({ session }: { session: Session }) {
  const t = useTexts(TEXTS);
  const { data, error } = useLoad<{ items: EmployerSummary[]; total: number }>(`${API}/employers?limit=500`);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("employers")}</h1>
        {session.canWrite && (
          <Link to="/aub/employers/new" className="button" data-testid="aub-new-employer">
            {t("newEmployer")}
          </Link>
        )}
      </div>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="aub-employers">
            <thead>
              <tr>
                <th>{t("cvr")}</th>
                <th>{t("name")}</th>
                <th>{t("category")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((e) => (
                <tr key={e.id}>
                  <td>{e.cvr}</td>
                  <td>
                    <Link to={`/aub/employers/${e.id}`} data-testid="aub-employer-link">
                      {e.name}
                    </Link>
                  </td>
                  <td>{e.category ?? t("none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

interface EmployerDetail {
  employer: EmployerSummary & { version: number };
  units: { id: string; se: string; name: string | null }[];
  religiousExemptions: { from: string | null; to: string | null; findings: Finding[] }[];
}

function EmployerPage({ id, session }: { id: string; session: Session }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  const { data, error, reload } = useLoad<EmployerDetail>(`${API}/employers/${encodeURIComponent(id)}`);
  const contributions = useLoad<{ items: { quarter: string; chargedOere: number }[]; byQuarter: { quarter: string; chargedOere: number }[] }>(`${API}/contributions${qs({ employerId: id })}`);
  return (
    <div className="page">
      <p>
        <Link to="/aub/employers">← {t("back")}</Link>
      </p>
      <ProblemBanner error={error ?? contributions.error} />
      {!data ? (
        <Spinner />
      ) : (
        <>
          <div className="page-head">
            <h1 data-testid="aub-employer-name">{data.employer.name}</h1>
            <span>
              {t("cvr")} {data.employer.cvr}
            </span>
            {session.canWrite && (
              <Link to={`/aub/employers/${id}/edit`} className="button" data-testid="aub-edit-employer">
                {t("editEmployer")}
              </Link>
            )}
          </div>
          <section className="card">
            <h2>{t("units")}</h2>
            <ul>
              {data.units.map((u) => (
                <li key={u.id}>
                  {t("se")} {u.se} {u.name ? `– ${u.name}` : ""}{" "}
                  {session.canWrite && (
                    <Link to={atpFormHref(u.se)} data-testid="aub-unit-atp-link">
                      {t("newAtpReport")}
                    </Link>
                  )}
                </li>
              ))}
            </ul>
            <AddUnitForm employerId={id} session={session} onAdded={reload} />
            <p>
              {t("category")}: {data.employer.category ?? t("none")}
            </p>
            {data.religiousExemptions.map((r, i) => (
              <FindingList key={i} findings={r.findings} />
            ))}
          </section>
          {contributions.data && (
            <>
              <QuarterChart series={contributions.data.byQuarter} title={t("chart")} />
              <div className="card flush table-scroll">
                <table className="table" data-testid="aub-employer-contributions">
                  <thead>
                    <tr>
                      <th>{t("quarter")}</th>
                      <th>{t("charged")}</th>
                      <th>{t("statement")}</th>
                      <th>{t("atpReport")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {contributions.data.byQuarter.map((q) => (
                      <tr key={q.quarter} data-testid="aub-contribution-row" data-quarter={q.quarter} data-oere={q.chargedOere}>
                        <td>{q.quarter}</td>
                        <td className="num">{money(q.chargedOere, lang)}</td>
                        <td>
                          <a href={`${API}/employers/${encodeURIComponent(id)}/statement${qs({ quarter: q.quarter, lang })}`} data-testid="aub-statement-link">
                            PDF
                          </a>
                        </td>
                        <td>
                          {data.units.map((u) => (
                            <Link key={u.id} to={atpFormHref(u.se, q.quarter)} data-testid="aub-quarter-atp-link">
                              {t("fileAtp")} (SE {u.se}){" "}
                            </Link>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}

// ------------------------------------------------------------------------------------------------------- agreements

interface AgreementRow {
  id: string;
  traineeName: string | null;
  traineeCprMasked: string | null;
  education: string | null;
  notifiedOn: string;
  errors: number;
  warnings: number;
  exemptFrom: string | null;
  exemptTo: string | null;
}

function AgreementsPage({ session }: { session: Session }) {
  const t = useTexts(TEXTS);
  const { data, error } = useLoad<AgreementRow[]>(`${API}/agreements`);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("agreements")}</h1>
        {session.canWrite && (
          <Link to="/aub/agreements/new" className="button" data-testid="aub-new-agreement">
            {t("newAgreement")}
          </Link>
        )}
      </div>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="aub-agreements">
            <thead>
              <tr>
                <th>{t("trainee")}</th>
                <th>CPR</th>
                <th>{t("education")}</th>
                <th>{t("notifiedOn")}</th>
                <th>{t("exemption")}</th>
                <th>{t("findings")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/aub/agreements/${a.id}`}>{a.traineeName ?? "?"}</Link>
                  </td>
                  <td>{a.traineeCprMasked}</td>
                  <td>{a.education}</td>
                  <td>{a.notifiedOn}</td>
                  <td>{a.exemptFrom ? `${a.exemptFrom} – ${a.exemptTo}` : t("none")}</td>
                  <td>
                    <CountBadges errors={a.errors} warnings={a.warnings} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

interface Form {
  notifiedOn: string;
  employerCvr: string;
  employerSe: string;
  traineeName: string;
  traineeCpr: string;
  educationCode: string;
  paidHoursPerWeek: string;
  probationMonths: string;
  underEudLaw: boolean;
  employerSector: "private" | "state" | "municipality" | "region";
  civilServantOnProbation: boolean;
  attachment: "signed-agreement" | "letter-of-appointment" | "none";
  signedByBoth: boolean;
  agreementStart: string;
  agreementEnd: string;
  terminatedOn: string;
  reason: string;
}

const EMPTY: Form = {
  notifiedOn: "",
  employerCvr: "",
  employerSe: "",
  traineeName: "",
  traineeCpr: "",
  educationCode: "",
  paidHoursPerWeek: "",
  probationMonths: "",
  underEudLaw: true,
  employerSector: "private",
  civilServantOnProbation: false,
  attachment: "none",
  signedByBoth: false,
  agreementStart: "",
  agreementEnd: "",
  terminatedOn: "",
  reason: "",
};

interface AgreementDetail {
  id: string;
  version: number;
  notification: Record<string, unknown> & { probation?: { months?: number; weeks?: number; days?: number } };
  findings: Finding[];
  exemption: { from: string; to: string; fromQuarter: string; toQuarter: string } | null;
  employer: { id: string; name: string } | null;
  recalculated?: { quarter: string; se: string; differenceOere: number }[];
}

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

function formOf(d: AgreementDetail): Form {
  const n = d.notification;
  return {
    ...EMPTY,
    notifiedOn: str(n.notifiedOn),
    employerCvr: str(n.employerCvr),
    employerSe: str(n.employerSe),
    traineeName: str(n.traineeName),
    traineeCpr: str(n.traineeCpr),
    educationCode: str(n.educationCode),
    paidHoursPerWeek: str(n.paidHoursPerWeek),
    probationMonths: n.probation?.months !== undefined ? String(n.probation.months) : "",
    underEudLaw: n.underEudLaw === true,
    employerSector: (n.employerSector as Form["employerSector"]) ?? "private",
    civilServantOnProbation: n.civilServantOnProbation === true,
    attachment: (n.attachment as Form["attachment"]) ?? "none",
    signedByBoth: n.signedByBoth === true,
    agreementStart: str(n.agreementStart),
    agreementEnd: str(n.agreementEnd),
    terminatedOn: str(n.terminatedOn),
  };
}

function bodyOf(f: Form) {
  const s = (x: string) => (x.trim() === "" ? null : x.trim());
  return {
    notifiedOn: f.notifiedOn,
    employerCvr: s(f.employerCvr),
    employerSe: s(f.employerSe),
    traineeName: s(f.traineeName),
    traineeCpr: s(f.traineeCpr),
    educationCode: s(f.educationCode),
    paidHoursPerWeek: f.paidHoursPerWeek.trim() === "" ? null : Number(f.paidHoursPerWeek.replace(",", ".")),
    probation: f.probationMonths.trim() === "" ? null : { months: Number(f.probationMonths) },
    underEudLaw: f.underEudLaw,
    employerSector: f.employerSector,
    civilServantOnProbation: f.civilServantOnProbation,
    attachment: f.attachment,
    signedByBoth: f.signedByBoth,
    agreementStart: s(f.agreementStart),
    agreementEnd: s(f.agreementEnd),
    terminatedOn: s(f.terminatedOn),
  };
}

/** Which form field a finding's subject belongs to. */
const FIELD_OF: Record<string, keyof Form> = {
  employerCvr: "employerCvr",
  employerSe: "employerSe",
  traineeName: "traineeName",
  traineeCpr: "traineeCpr",
  educationCode: "educationCode",
  educationName: "educationCode",
  paidHoursPerWeek: "paidHoursPerWeek",
  probation: "probationMonths",
  attachment: "attachment",
  signedByBoth: "signedByBoth",
  agreementStart: "agreementStart",
  agreementEnd: "agreementEnd",
  terminatedOn: "terminatedOn",
  notifiedOn: "notifiedOn",
};

function AgreementPage({ session, id }: { session: Session; id: string | null }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  const [detail, setDetail] = useState<AgreementDetail>();
  const [form, setForm] = useState<Form>(EMPTY);
  const sub = useSubmit();
  const { busy, thrown: error } = sub;
  const [saved, setSaved] = useState(false);
  const educations = useLoad<{ code: string; name: string }[]>(`${API}/educations`);
  useEffect(() => {
    if (id === null) return;
    get<AgreementDetail>(`${API}/agreements/${encodeURIComponent(id)}`).then(
      (d) => {
        setDetail(d);
        setForm(formOf(d));
      },
      (e: unknown) => sub.setErr(e),
    );
  }, [id]);
  const findings = detail?.findings ?? [];
  const on = (k: keyof Form) => findings.filter((f) => f.subject !== undefined && FIELD_OF[f.subject] === k);
  const general = findings.filter((f) => f.subject === undefined || FIELD_OF[f.subject] === undefined);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    await sub.run(async () => {
      if (id === null) {
        const d = await post<AgreementDetail>(`${API}/agreements`, bodyOf(form));
        navigate(`/aub/agreements/${d.id}`);
      } else {
        const d = await put<AgreementDetail>(`${API}/agreements/${encodeURIComponent(id)}`, { ...bodyOf(form), version: detail!.version, reason: form.reason });
        setDetail(d);
        setForm({ ...formOf(d), reason: "" });
        setSaved(true);
      }
    });
  };
  const text = (k: keyof Form & Key, type = "text", hint?: string) => (
    <Field name={k} label={t(k)} findings={on(k)} {...(hint ? { hint } : {})}>
      {({ id: fid, describedBy, invalid }) => (
        <input id={fid} type={type} value={form[k] as string} onChange={(e) => set(k, e.target.value as never)} aria-describedby={describedBy} aria-invalid={invalid} data-testid={`aub-input-${k}`} />
      )}
    </Field>
  );
  const check = (k: "underEudLaw" | "civilServantOnProbation" | "signedByBoth") => (
    <Field name={k} label={t(k)} findings={on(k)}>
      {({ id: fid, describedBy }) => <input id={fid} type="checkbox" checked={form[k]} onChange={(e) => set(k, e.target.checked)} aria-describedby={describedBy} data-testid={`aub-input-${k}`} />}
    </Field>
  );
  return (
    <div className="page">
      <p>
        <Link to="/aub/agreements">← {t("back")}</Link>
      </p>
      <div className="page-head">
        <h1>{id === null ? t("newAgreement") : `${t("agreements")}: ${form.traineeName}`}</h1>
        {detail && <CountBadges errors={findings.filter((f) => f.severity === "error").length} warnings={findings.filter((f) => f.severity === "warning").length} />}
      </div>
      <ProblemBanner error={error} />
      {saved && <Banner kind="success" title={t("saved")} testid="aub-saved" />}
      {detail && (
        <section className="card" data-testid="aub-exemption" data-from-quarter={detail.exemption?.fromQuarter ?? ""}>
          <h2>{t("exemption")}</h2>
          <p>{detail.exemption ? t("exemptFrom", { from: detail.exemption.from, to: detail.exemption.to, fq: detail.exemption.fromQuarter, tq: detail.exemption.toQuarter }) : t("noExemption")}</p>
          {detail.recalculated && detail.recalculated.length > 0 && (
            <>
              <h3>{t("recalculated")}</h3>
              <ul data-testid="aub-recalculated">
                {detail.recalculated.map((r) => (
                  <li key={`${r.se}-${r.quarter}`} data-quarter={r.quarter} data-oere={r.differenceOere}>
                    {r.quarter} (SE {r.se}): {t("difference")} {money(r.differenceOere, lang)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {detail.employer && (
            <p>
              <Link to={`/aub/employers/${detail.employer.id}`} data-testid="aub-agreement-employer">
                {detail.employer.name}
              </Link>
            </p>
          )}
          {general.length > 0 && (
            <>
              <h3>{t("general")}</h3>
              <FindingList findings={general} testid="aub-general-findings" />
            </>
          )}
        </section>
      )}
      <form onSubmit={submit} data-testid="aub-agreement-form">
        <fieldset className="card" disabled={!session.canWrite || busy}>
          <div className="grid">
            {text("notifiedOn", "date")}
            {text("employerCvr")}
            {text("employerSe")}
            {text("traineeName")}
            {text("traineeCpr")}
            <Field name="educationCode" label={t("educationCode")} findings={on("educationCode")}>
              {({ id: fid, describedBy, invalid }) => (
                <select id={fid} value={form.educationCode} onChange={(e) => set("educationCode", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-input-educationCode">
                  <option value="">—</option>
                  {(educations.data ?? []).map((e) => (
                    <option key={e.code} value={e.code}>
                      {e.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {text("paidHoursPerWeek", "text")}
            {text("probationMonths", "text")}
            {check("underEudLaw")}
            <Field name="employerSector" label={t("employerSector")} findings={[]}>
              {({ id: fid }) => (
                <select id={fid} value={form.employerSector} onChange={(e) => set("employerSector", e.target.value as Form["employerSector"])}>
                  {(["private", "state", "municipality", "region"] as const).map((s) => (
                    <option key={s} value={s}>
                      {t(s)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {check("civilServantOnProbation")}
            <Field name="attachment" label={t("attachment")} findings={on("attachment")}>
              {({ id: fid, describedBy }) => (
                <select id={fid} value={form.attachment} onChange={(e) => set("attachment", e.target.value as Form["attachment"])} aria-describedby={describedBy}>
                  <option value="none">{t("attNone")}</option>
                  <option value="signed-agreement">{t("signed-agreement")}</option>
                  <option value="letter-of-appointment">{t("letter-of-appointment")}</option>
                </select>
              )}
            </Field>
            {check("signedByBoth")}
            {text("agreementStart", "date")}
            {text("agreementEnd", "date")}
            {text("terminatedOn", "date")}
            {id !== null && text("reason")}
          </div>
          <p>
            <button type="submit" data-testid="aub-save">
              {id === null ? t("notify") : t("save")}
            </button>
          </p>
        </fieldset>
      </form>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------- contributions

function ContributionsPage({ query }: { query: URLSearchParams }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  const all = useLoad<{ byQuarter: { quarter: string; chargedOere: number }[] }>(`${API}/contributions`);
  const quarter = query.get("quarter") ?? all.data?.byQuarter.at(-1)?.quarter ?? null;
  const one = useLoad<{ items: { employerId: string; cvr: string; name: string; chargedOere: number }[] }>(quarter ? `${API}/contributions${qs({ quarter })}` : null);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("contributions")}</h1>
        {all.data && (
          <select value={quarter ?? ""} onChange={(e) => navigate(`/aub/contributions${qs({ quarter: e.target.value })}`)} aria-label={t("quarter")} data-testid="aub-quarter">
            {all.data.byQuarter.map((q) => (
              <option key={q.quarter}>{q.quarter}</option>
            ))}
          </select>
        )}
      </div>
      <ProblemBanner error={all.error ?? one.error} />
      {all.data ? <QuarterChart series={all.data.byQuarter} title={t("chart")} /> : <Spinner />}
      {one.data && (
        <div className="card flush table-scroll">
          <table className="table" data-testid="aub-contributions">
            <thead>
              <tr>
                <th>{t("cvr")}</th>
                <th>{t("name")}</th>
                <th>{t("charged")}</th>
                <th>{t("statement")}</th>
              </tr>
            </thead>
            <tbody>
              {one.data.items.map((r) => (
                <tr key={r.employerId}>
                  <td>{r.cvr}</td>
                  <td>
                    <Link to={`/aub/employers/${r.employerId}`}>{r.name}</Link>
                  </td>
                  <td className="num">{money(r.chargedOere, lang)}</td>
                  <td>
                    <a href={`${API}/employers/${r.employerId}/statement${qs({ quarter, lang })}`}>PDF</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------- refunds

interface RefundOverview {
  year: number;
  weeklyRate: { monthlyOere: number; weeklyOere: number; findings: Finding[] } | null;
  quarters: { quarter: string; weeks: number; amountOere: number; prepaidOere: number }[];
  schools: { school: string; weeks: number; amountOere: number }[];
  totalWeeks: number;
  totalOere: number;
  grant: { estimatedGrantOere: number; administrationOere: number } | null;
}

function RefundsPage({ query, session }: { query: URLSearchParams; session: Session }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  const year = query.get("year") ?? "2024";
  const { data, error, reload } = useLoad<RefundOverview>(`${API}/refunds${qs({ year })}`);
  const secondary = data?.weeklyRate?.findings.some((f) => f.severity === "warning") ?? false;
  return (
    <div className="page">
      <div className="page-head">
        <h1>
          {t("refunds")} {year}
        </h1>
        <input aria-label={t("year")} defaultValue={year} size={5} onBlur={(e) => navigate(`/aub/refunds${qs({ year: e.target.value })}`)} />
      </div>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : (
        <>
          <section className="card">
            <p data-testid="aub-weekly-rate">
              {t("weeklyRate")}: {data.weeklyRate ? `${money(data.weeklyRate.monthlyOere, lang)} × 12 / 52 = ${money(data.weeklyRate.weeklyOere, lang)}` : t("none")}
            </p>
            {secondary && <Banner kind="warning" title={t("secondary")} testid="aub-secondary" />}
          </section>
          <div className="card flush table-scroll">
            <table className="table" data-testid="aub-refunds">
              <thead>
                <tr>
                  <th>{t("quarter")}</th>
                  <th>{t("weeks")}</th>
                  <th>{t("amount")}</th>
                  <th>{t("prepaid")}</th>
                </tr>
              </thead>
              <tbody>
                {data.quarters.map((q) => (
                  <tr key={q.quarter}>
                    <td>{q.quarter}</td>
                    <td className="num">{q.weeks}</td>
                    <td className="num">{money(q.amountOere, lang)}</td>
                    <td className="num">{money(q.prepaidOere, lang)}</td>
                  </tr>
                ))}
                <tr>
                  <th>{t("total")}</th>
                  <th className="num">{data.totalWeeks}</th>
                  <th className="num">{money(data.totalOere, lang)}</th>
                  <th />
                </tr>
              </tbody>
            </table>
          </div>
          <section className="card">
            <h2>{t("downloads")}</h2>
            <ul>
              <li>
                <a href={`${API}/refunds/school-weeks${qs({ year, format: "pdf", lang })}`}>{t("schoolWeeksPdf")}</a> · <a href={`${API}/refunds/school-weeks${qs({ year, format: "xlsx", lang })}`}>{t("schoolWeeksXlsx")}</a>
              </li>
              <li>
                <a href={`${API}/settlements/document${qs({ year, format: "pdf", lang })}`}>{t("settlementPdf")}</a> · <a href={`${API}/settlements/document${qs({ year, format: "xlsx", lang })}`}>{t("settlementXlsx")}</a>
              </li>
              {data.schools.map((s) => (
                <li key={s.school}>
                  {s.school} ({s.weeks} {t("weeks").toLowerCase()}): <a href={`${API}/attestations/document${qs({ year, school: s.school, lang })}`}>{t("attestation")}</a>
                </li>
              ))}
            </ul>
          </section>
          {data.grant === null && <PrepaymentForm key={`p-${year}`} year={year} session={session} onSaved={reload} />}
          {data.grant && (
            <p data-testid="aub-grant">
              {t("prepaid")}: {money(data.grant.estimatedGrantOere, lang)} (+ {money(data.grant.administrationOere, lang)})
            </p>
          )}
          <AttestationForm key={`a-${year}`} year={year} schools={data.schools.map((s) => s.school)} session={session} />
        </>
      )}
    </div>
  );
}

// ----------------------------------------------------------------------------------------------------------- module

export const aubModule: WebModule = {
  id: "aub",
  name: { da: "AUB", en: "AUB" },
  home: "/aub/employers",
  nav: [
    { to: "/aub/employers", label: { da: "Arbejdsgivere", en: "Employers" }, testid: "nav-aub-employers", active: (p) => p.startsWith("/aub/employers") },
    { to: "/aub/agreements", label: { da: "Uddannelsesaftaler", en: "Agreements" }, testid: "nav-aub-agreements", active: (p) => p.startsWith("/aub/agreements") },
    { to: "/aub/contributions", label: { da: "Bidrag", en: "Contributions" }, testid: "nav-aub-contributions", active: (p) => p.startsWith("/aub/contributions") },
    { to: "/aub/atp-reports", label: { da: "ATP-indberetning", en: "ATP report" }, testid: "nav-aub-atp", active: (p) => p.startsWith("/aub/atp-reports") },
    { to: "/aub/educations", label: { da: "Uddannelser", en: "Educations" }, testid: "nav-aub-educations", active: (p) => p.startsWith("/aub/educations") },
    { to: "/aub/refunds", label: { da: "Lønrefusion", en: "Wage refund" }, testid: "nav-aub-refunds", active: (p) => p.startsWith("/aub/refunds") },
    { to: "/aub/school-weeks", label: { da: "Skoleuger", en: "School weeks" }, testid: "nav-aub-school-weeks", active: (p) => p.startsWith("/aub/school-weeks") },
    { to: "/aub/parameters", label: { da: "Parametre", en: "Parameters" }, testid: "nav-aub-parameters", active: (p) => p.startsWith("/aub/parameters") },
  ],
  page(path, query, session) {
    let m: Record<string, string> | null;
    if (path === "/aub" || path === "/aub/employers") return <EmployersPage session={session} />;
    if (path === "/aub/employers/new") return <EmployerFormPage key="new" session={session} id={null} />;
    if ((m = match("/aub/employers/:id/edit", path))) return <EmployerFormPage key={`edit-${m.id}`} session={session} id={m.id!} />;
    if ((m = match("/aub/employers/:id", path))) return <EmployerPage key={m.id} id={m.id!} session={session} />;
    if (path === "/aub/agreements") return <AgreementsPage session={session} />;
    if (path === "/aub/agreements/new") return <AgreementPage key="new" session={session} id={null} />;
    if ((m = match("/aub/agreements/:id", path))) return <AgreementPage key={m.id} session={session} id={m.id!} />;
    if (path === "/aub/contributions") return <ContributionsPage query={query} />;
    if (path === "/aub/refunds") return <RefundsPage query={query} session={session} />;
    if (path === "/aub/atp-reports") return <AtpReportPage key={query.toString()} session={session} query={query} />;
    if (path === "/aub/educations") return <EducationsPage session={session} />;
    if (path === "/aub/school-weeks") return <SchoolWeeksPage session={session} />;
    if (path === "/aub/parameters") return <ParametersPage session={session} />;
    return null;
  },
  afterSwitch(path) {
    if (match("/aub/employers/:id", path) || match("/aub/employers/:id/edit", path)) return "/aub/employers";
    if (match("/aub/agreements/:id", path)) return "/aub/agreements";
    return null;
  },
};

/**
 * AUB (seed 004) case forms that were API-only: one ATP report, registered or corrected (§ 3, stk. 2: a correction is a
 * new version, the difference to what was charged is shown), education applications and AUB's decision (§ 4, stk. 2–3:
 * approving rechecks the agreements that name the education), the state's prepayments (§ 8) and the auditor's attested
 * school weeks (§ 11). Refusals (422) come back as findings whose `subject` names the field; each is shown beside its
 * field with its paragraph. API: /api/aub (docs/api.md).
 */
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { Session } from "../App.tsx";
import { get, post, qs, type Finding } from "../api.ts";
import { Banner, Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { useI18n, useTexts, type UiLang } from "../i18n.tsx";
import { Link } from "../router.tsx";
import { useSubmit } from "../forms.ts";
import { kronerToOere, money } from "./forms.tsx";

const API = "/api/aub";

const TEXTS = {
  da: {
    atpReport: "ATP-indberetning (§ 3)",
    atpHint: "Én enheds samlede ATP-bidrag for et kvartal. Findes der allerede en indberetning for kvartalet, er dette en rettelse (§ 3, stk. 2): en ny version, og forskellen til det opkrævede vises.",
    se: "SE-nr. (ATP-indberettende enhed)",
    quarter: "Kvartal (fx 2024Q3)",
    totalKr: "Samlet ATP-bidrag (kr.)",
    receivedOn: "Modtaget den",
    persons: "Personlinjer (elever, § 4)",
    cpr: "CPR-nr.",
    amountKr: "Beløb (kr.)",
    addPerson: "Tilføj person",
    remove: "Fjern",
    reason: "Begrundelse for rettelsen",
    newReport: "Ny indberetning for kvartalet.",
    correcting: "Rettelse af version {v} ({total}, modtaget {on}).",
    unknownUnit: "SE-nummeret er ikke en registreret enhed.",
    file: "Indberet",
    correct: "Gem rettelse",
    versions: "Versioner",
    version: "Version",
    recordedBy: "Registreret af",
    charges: "Opkrævninger (§ 3, stk. 2)",
    cause: "Årsag",
    contribution: "Bidrag",
    previous: "Tidligere opkrævet",
    difference: "Difference",
    result: "Beregnet bidrag",
    reported: "Indberettet ATP",
    exemptTrainees: "Fritagne elever (§ 4)",
    basis: "Grundlag",
    fullQuarters: "Hele kvartalsbidrag",
    remainder: "Rest (opkræves ikke)",
    rate: "Sats pr. kvartal",
    employer: "Arbejdsgiver",
    noCharge: "Intet opkrævet (se fund).",
    educations: "Uddannelser og ansøgninger (§ 4)",
    listed: "Fritagne uddannelser",
    code: "Kode",
    name: "Navn",
    nr: "§ 20, stk. 4, nr.",
    months: "Normal uddannelsestid (mdr.)",
    origin: "Grundlag",
    list: "listen på virk.dk/aub",
    approvedOn: "godkendt {d}",
    applications: "Ansøgninger",
    newApplication: "Registrér ansøgning (§ 4, stk. 2)",
    educationName: "Uddannelsens navn",
    content: "Uddannelsens indhold",
    legalBasis: "Regelgrundlag",
    otherFacts: "Andre forhold af betydning",
    register: "Registrér",
    decide: "Afgør (§ 4, stk. 3)",
    approve: "Godkend",
    refuseApp: "Afslå",
    decidedOn: "Afgjort den",
    decision: "Afgørelse",
    undecided: "Ikke afgjort",
    approved: "Godkendt {d}, virkning fra {q}",
    refused: "Afslået {d}",
    rechecked: "Genvurderede uddannelsesaftaler",
    exemptBefore: "før: {b}",
    exemptAfter: "efter: {a}",
    noExemption: "ingen fritagelse",
    recalculated: "Genberegnede kvartaler (§ 3, stk. 2)",
    nothingRechecked: "Ingen anmeldte aftaler nævner uddannelsen.",
    saved: "Gemt",
    prepayments: "Forskud (§ 8)",
    year: "År",
    estimateKr: "Skønnet tilskud for året (kr.)",
    adminKr: "Administrationsomkostninger (kr.)",
    setPrepayments: "Fastsæt forskud",
    prepaidQuarters: "Forskud pr. kvartal",
    attestation: "Revisorerklæring om skoleuger (§ 11)",
    school: "Institution",
    attestedWeeks: "Attesterede skoleuger",
    check: "Kontrollér og gem",
    attested: "Indberettet {r} uger, attesteret {a}, forskel {d}",
    "cause.atp-report": "ATP-indberetning",
    "cause.atp-correction": "rettet ATP-indberetning (§ 3, stk. 2)",
    "cause.exemption": "elevfritagelse (§§ 4–6)",
    "cause.employer-changed": "arbejdsgiver ændret (§ 2)",
    "cause.parameter-added": "sats tilføjet",
    "cause.parameter-corrected": "sats rettet",
    "cause.education-approved": "uddannelse godkendt (§ 4, stk. 3)",
  },
  en: {
    atpReport: "ATP report (§ 3)",
    atpHint: "One unit's total ATP contribution for a quarter. When the quarter already has a report, this is a correction (§ 3, stk. 2): a new version, and the difference to what was charged is shown.",
    se: "SE no. (ATP-reporting unit)",
    quarter: "Quarter (e.g. 2024Q3)",
    totalKr: "Total ATP contribution (DKK)",
    receivedOn: "Received on",
    persons: "Person lines (trainees, § 4)",
    cpr: "CPR no.",
    amountKr: "Amount (DKK)",
    addPerson: "Add a person",
    remove: "Remove",
    reason: "Reason for the correction",
    newReport: "A new report for the quarter.",
    correcting: "Correction of version {v} ({total}, received {on}).",
    unknownUnit: "The SE number is not a registered unit.",
    file: "File",
    correct: "Save the correction",
    versions: "Versions",
    version: "Version",
    recordedBy: "Recorded by",
    charges: "Charges (§ 3, stk. 2)",
    cause: "Cause",
    contribution: "Contribution",
    previous: "Charged before",
    difference: "Difference",
    result: "Contribution computed",
    reported: "Reported ATP",
    exemptTrainees: "Exempt trainees (§ 4)",
    basis: "Basis",
    fullQuarters: "Whole quarter amounts",
    remainder: "Remainder (not charged)",
    rate: "Rate per quarter",
    employer: "Employer",
    noCharge: "Nothing charged (see findings).",
    educations: "Educations and applications (§ 4)",
    listed: "Exempt educations",
    code: "Code",
    name: "Name",
    nr: "§ 20, stk. 4, no.",
    months: "Normal duration (months)",
    origin: "Basis",
    list: "the list at virk.dk/aub",
    approvedOn: "approved {d}",
    applications: "Applications",
    newApplication: "Register an application (§ 4, stk. 2)",
    educationName: "Name of the education",
    content: "Content of the education",
    legalBasis: "Legal basis",
    otherFacts: "Other facts of importance",
    register: "Register",
    decide: "Decide (§ 4, stk. 3)",
    approve: "Approve",
    refuseApp: "Refuse",
    decidedOn: "Decided on",
    decision: "Decision",
    undecided: "Not decided",
    approved: "Approved {d}, effect from {q}",
    refused: "Refused {d}",
    rechecked: "Education agreements checked again",
    exemptBefore: "before: {b}",
    exemptAfter: "after: {a}",
    noExemption: "no exemption",
    recalculated: "Recalculated quarters (§ 3, stk. 2)",
    nothingRechecked: "No notified agreement names the education.",
    saved: "Saved",
    prepayments: "Prepayments (§ 8)",
    year: "Year",
    estimateKr: "Estimated grant for the year (DKK)",
    adminKr: "Administration costs (DKK)",
    setPrepayments: "Set the prepayments",
    prepaidQuarters: "Prepayment per quarter",
    attestation: "Auditor's statement of school weeks (§ 11)",
    school: "Institution",
    attestedWeeks: "Attested school weeks",
    check: "Check and save",
    attested: "Reported {r} weeks, attested {a}, difference {d}",
    "cause.atp-report": "ATP report",
    "cause.atp-correction": "corrected ATP report (§ 3, stk. 2)",
    "cause.exemption": "trainee exemption (§§ 4–6)",
    "cause.employer-changed": "employer changed (§ 2)",
    "cause.parameter-added": "rate added",
    "cause.parameter-corrected": "rate corrected",
    "cause.education-approved": "education approved (§ 4, stk. 3)",
  },
} satisfies Record<UiLang, Record<string, string>>;

/** Findings of `subject` (exactly) from a refusal. */
const onField = (fs: Finding[], subject: string) => fs.filter((f) => f.subject === subject);

// ------------------------------------------------------------------------------------------------------- ATP report

interface Charge {
  seq: number;
  cause: string;
  contributionOere: number;
  previousOere: number;
  differenceOere: number;
  reportVersion: number;
  chargedAt: string;
}

interface AtpReportVersions {
  unit: { id: string; se: string; name: string | null } | null;
  employer: { id: string; cvr: string; name: string } | null;
  quarter: string;
  versions: { version: number; isCurrent: boolean; totalOere: number; receivedOn: string; reason: string | null; recordedAt: string; recordedBy: string; persons: { cpr: string; amountOere: number }[] }[];
  charges: Charge[];
}

interface FiledReport {
  report: { se: string; employerId: string; quarter: string; version: number; totalOere: number };
  contribution: { reportedOere: number; exemptTraineeOere: number; basisOere: number; fullQuarters: number; remainderOere: number; ratePerQuarterOere: number; contributionOere: number; employerExempt: boolean } | null;
  charge: { previousOere: number; contributionOere: number; differenceOere: number } | null;
  findings: Finding[];
}

interface PersonLine {
  cpr: string;
  amount: string;
}

const oereToInput = (o: number) => `${Math.floor(o / 100)},${String(o % 100).padStart(2, "0")}`;

/** `/aub/atp-reports?se=&quarter=`: file one ATP report or correct the current one; the contribution is shown. */
export function AtpReportPage({ session, query }: { session: Session; query: URLSearchParams }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  const [se, setSe] = useState(query.get("se") ?? "");
  const [quarter, setQuarter] = useState(query.get("quarter") ?? "");
  const [receivedOn, setReceivedOn] = useState("");
  const [total, setTotal] = useState("");
  const [persons, setPersons] = useState<PersonLine[]>([]);
  const [reason, setReason] = useState("");
  const [lookup, setLookup] = useState<AtpReportVersions>();
  const [n, setN] = useState(0);
  const sub = useSubmit();
  const { busy, findings, thrown: error } = sub;
  const [result, setResult] = useState<FiledReport>();
  const ready = /^\s*\d{2}\s?\d{2}\s?\d{2}\s?\d{2}\s*$/.test(se) && /^\s*\d{4}\s*[Qq]\s*[1-4]\s*$/.test(quarter);
  useEffect(() => {
    setLookup(undefined);
    if (!ready) return;
    const ctl = new AbortController();
    get<AtpReportVersions>(`${API}/atp-reports${qs({ se: se.trim(), quarter: quarter.trim().toUpperCase() })}`, ctl.signal).then(setLookup, () => undefined);
    return () => ctl.abort();
  }, [se, quarter, ready, n]);
  const current = lookup?.versions.find((v) => v.isCurrent);
  // a correction starts from the current version's figures
  useEffect(() => {
    if (!current) return;
    setTotal((x) => (x === "" ? oereToInput(current.totalOere) : x));
    setPersons((ps) => (ps.length === 0 ? current.persons.map((p) => ({ cpr: p.cpr, amount: oereToInput(p.amountOere) })) : ps));
  }, [current]);
  const personIndex = (f: Finding) => /^persons[.[](\d+)/.exec(f.subject ?? "")?.[1];
  const general = findings.filter((f) => !["se", "unitId", "quarter", "totalOere", "receivedOn", "reason", "persons", "version"].includes(f.subject ?? "") && personIndex(f) === undefined);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(undefined);
    await sub.run(async () => {
      const body = {
        se: se.trim(),
        quarter: quarter.trim().toUpperCase(),
        totalOere: kronerToOere(total),
        receivedOn,
        persons: persons.filter((p) => p.cpr.trim() !== "" || p.amount.trim() !== "").map((p) => ({ cpr: p.cpr.trim(), amountOere: kronerToOere(p.amount) })),
        ...(current ? { version: current.version, reason } : {}),
      };
      setResult(await post<FiledReport>(`${API}/atp-reports`, body));
      setReason("");
      setN((x) => x + 1);
    });
  };
  const c = result?.contribution;
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("atpReport")}</h1>
        {lookup?.employer && (
          <Link to={`/aub/employers/${lookup.employer.id}`} data-testid="aub-atp-employer">
            {t("employer")}: {lookup.employer.name}
          </Link>
        )}
      </div>
      <p className="hint">{t("atpHint")}</p>
      <ProblemBanner error={error} />
      {result && (
        <section
          className="card"
          data-testid="aub-atp-result"
          data-version={result.report.version}
          data-contribution={result.charge?.contributionOere ?? ""}
          data-difference={result.charge?.differenceOere ?? ""}
        >
          <h2>
            {t("result")}: {result.report.quarter} SE {result.report.se}, {t("version").toLowerCase()} {result.report.version}
          </h2>
          {c ? (
            <table className="table">
              <tbody>
                <tr>
                  <th>{t("reported")}</th>
                  <td className="num">{money(c.reportedOere, lang)}</td>
                </tr>
                <tr>
                  <th>{t("exemptTrainees")}</th>
                  <td className="num">{money(c.exemptTraineeOere, lang)}</td>
                </tr>
                <tr>
                  <th>{t("basis")}</th>
                  <td className="num">{money(c.basisOere, lang)}</td>
                </tr>
                <tr>
                  <th>{t("fullQuarters")}</th>
                  <td className="num">{c.fullQuarters}</td>
                </tr>
                <tr>
                  <th>{t("remainder")}</th>
                  <td className="num">{money(c.remainderOere, lang)}</td>
                </tr>
                <tr>
                  <th>{t("rate")}</th>
                  <td className="num">{money(c.ratePerQuarterOere, lang)}</td>
                </tr>
                <tr>
                  <th>{t("contribution")}</th>
                  <td className="num" data-testid="aub-atp-contribution">
                    {money(c.contributionOere, lang)}
                  </td>
                </tr>
                {result.charge && result.report.version > 1 && (
                  <>
                    <tr>
                      <th>{t("previous")}</th>
                      <td className="num">{money(result.charge.previousOere, lang)}</td>
                    </tr>
                    <tr>
                      <th>{t("difference")}</th>
                      <td className="num" data-testid="aub-atp-difference">
                        {money(result.charge.differenceOere, lang)}
                      </td>
                    </tr>
                  </>
                )}
              </tbody>
            </table>
          ) : (
            <p>{t("noCharge")}</p>
          )}
          <FindingList findings={result.findings} testid="aub-atp-result-findings" />
        </section>
      )}
      <form onSubmit={submit} data-testid="aub-atp-form">
        <fieldset className="card" disabled={!session.canWrite || busy}>
          <div className="grid">
            <Field name="se" label={t("se")} findings={[...onField(findings, "se"), ...onField(findings, "unitId")]}>
              {({ id, describedBy, invalid }) => <input id={id} value={se} onChange={(e) => setSe(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-atp-se" />}
            </Field>
            <Field name="quarter" label={t("quarter")} findings={onField(findings, "quarter")}>
              {({ id, describedBy, invalid }) => <input id={id} value={quarter} onChange={(e) => setQuarter(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-atp-quarter" size={8} />}
            </Field>
            <Field name="receivedOn" label={t("receivedOn")} findings={onField(findings, "receivedOn")}>
              {({ id, describedBy, invalid }) => <input id={id} type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-atp-received" />}
            </Field>
            <Field name="totalOere" label={t("totalKr")} findings={onField(findings, "totalOere")}>
              {({ id, describedBy, invalid }) => <input id={id} inputMode="decimal" value={total} onChange={(e) => setTotal(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-atp-total" />}
            </Field>
          </div>
          {ready && lookup && (
            <p data-testid="aub-atp-status" data-current-version={current?.version ?? 0}>
              {lookup.unit === null
                ? t("unknownUnit")
                : current
                  ? t("correcting", { v: current.version, total: money(current.totalOere, lang), on: current.receivedOn })
                  : t("newReport")}
            </p>
          )}
          {current && (
            <div className="grid">
              <Field name="reason" label={t("reason")} findings={onField(findings, "reason")} wide>
                {({ id, describedBy, invalid }) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-atp-reason" />}
              </Field>
            </div>
          )}
          <FindingList findings={onField(findings, "version")} testid="findings-version" />
          <h2>{t("persons")}</h2>
          <FindingList findings={onField(findings, "persons")} testid="findings-persons" />
          {persons.length > 0 && (
            <table className="table" data-testid="aub-atp-persons">
              <thead>
                <tr>
                  <th>{t("cpr")}</th>
                  <th>{t("amountKr")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {persons.map((p, i) => (
                  <tr key={i}>
                    <td>
                      <input aria-label={`${t("cpr")} ${i + 1}`} value={p.cpr} onChange={(e) => setPersons((ps) => ps.map((x, j) => (j === i ? { ...x, cpr: e.target.value } : x)))} size={11} />
                    </td>
                    <td>
                      <input aria-label={`${t("amountKr")} ${i + 1}`} inputMode="decimal" value={p.amount} onChange={(e) => setPersons((ps) => ps.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)))} />
                      <FindingList findings={findings.filter((f) => personIndex(f) === String(i))} testid={`aub-atp-person-findings-${i}`} />
                    </td>
                    <td>
                      <button type="button" onClick={() => setPersons((ps) => ps.filter((_, j) => j !== i))}>
                        {t("remove")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <FindingList findings={general} />
          <p>
            <button type="button" onClick={() => setPersons((ps) => [...ps, { cpr: "", amount: "" }])}>
              {t("addPerson")}
            </button>{" "}
            <button type="submit" data-testid="aub-atp-submit">
              {current ? t("correct") : t("file")}
            </button>
          </p>
        </fieldset>
      </form>
      {lookup && lookup.versions.length > 0 && (
        <section className="card flush table-scroll">
          <h2>{t("versions")}</h2>
          <table className="table" data-testid="aub-atp-versions">
            <thead>
              <tr>
                <th>{t("version")}</th>
                <th>{t("totalKr")}</th>
                <th>{t("receivedOn")}</th>
                <th>{t("reason")}</th>
                <th>{t("recordedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {lookup.versions.map((v) => (
                <tr key={v.version}>
                  <td>
                    {v.version}
                    {v.isCurrent ? " ✓" : ""}
                  </td>
                  <td className="num">{money(v.totalOere, lang)}</td>
                  <td>{v.receivedOn}</td>
                  <td>{v.reason ?? ""}</td>
                  <td>
                    {v.recordedBy} {v.recordedAt.slice(0, 16).replace("T", " ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ChargeTable charges={lookup.charges} />
        </section>
      )}
    </div>
  );
}

const CAUSE_LIST = ["atp-report", "atp-correction", "exemption", "employer-changed", "parameter-added", "parameter-corrected", "education-approved"] as const;
type Cause = (typeof CAUSE_LIST)[number];
const CAUSES = new Set<string>(CAUSE_LIST);

/** The charge ledger of a unit's quarter: every (re)calculation with the amount before and the difference. */
export function ChargeTable({ charges, testid }: { charges: Charge[]; testid?: string }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  if (charges.length === 0) return null;
  return (
    <>
      <h2>{t("charges")}</h2>
      <table className="table" data-testid={testid ?? "aub-charges"}>
        <thead>
          <tr>
            <th>#</th>
            <th>{t("cause")}</th>
            <th>{t("previous")}</th>
            <th>{t("contribution")}</th>
            <th>{t("difference")}</th>
          </tr>
        </thead>
        <tbody>
          {charges.map((c) => (
            <tr key={c.seq}>
              <td>{c.seq}</td>
              <td data-cause={c.cause}>{CAUSES.has(c.cause) ? t(`cause.${c.cause}` as `cause.${Cause}`) : c.cause}</td>
              <td className="num">{money(c.previousOere, lang)}</td>
              <td className="num">{money(c.contributionOere, lang)}</td>
              <td className="num">{money(c.differenceOere, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

// ------------------------------------------------------------------------------------------- educations (§ 4)

interface Education {
  code: string;
  name: string;
  law20Stk4Nr: number;
  normalDurationMonths: number;
  origin: { kind: "list" } | { kind: "approved"; approvedOn: string };
}

interface Recalc {
  se: string;
  quarter: string;
  previousOere: number;
  contributionOere: number;
  differenceOere: number;
}

interface Application {
  id: string;
  educationName: string;
  content: string | null;
  legalBasis: string | null;
  otherFacts: string | null;
  law20Stk4Nr: number | null;
  normalDurationMonths: number | null;
  receivedOn: string;
  decision: { approved: boolean; decidedOn: string; educationCode: string | null } | null;
  findings: Finding[];
  effectiveFrom: string | null;
  rechecked?: { agreementId: string; version: number; before: { exemptFrom: string | null; exemptTo: string | null }; after: { exemptFrom: string | null; exemptTo: string | null } }[];
  recalculated?: Recalc[];
}

function useLoad<T>(path: string): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [n, setN] = useState(0);
  useEffect(() => {
    const ctl = new AbortController();
    get<T>(path, ctl.signal).then(setData, (e: unknown) => {
      if ((e as Error).name !== "AbortError") setError(e);
    });
    return () => ctl.abort();
  }, [path, n]);
  return { data, error, reload: useCallback(() => setN((x) => x + 1), []) };
}

const intOrNull = (s: string): number | null => (s.trim() === "" ? null : Number(s.trim()));

/** `/aub/educations`: the exempt educations, applications with their § 4, stk. 2 findings, and AUB's decision. */
export function EducationsPage({ session }: { session: Session }) {
  const t = useTexts(TEXTS);
  const educations = useLoad<Education[]>(`${API}/educations`);
  const applications = useLoad<Application[]>(`${API}/education-applications`);
  const [form, setForm] = useState({ educationName: "", content: "", legalBasis: "", otherFacts: "", law20Stk4Nr: "", normalDurationMonths: "", receivedOn: "" });
  const sub = useSubmit();
  const { busy, findings, thrown: error } = sub;
  const [created, setCreated] = useState<Application>();
  const [decided, setDecided] = useState<Application>();
  const set = (k: keyof typeof form, v: string) => setForm((f) => ({ ...f, [k]: v }));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setCreated(undefined);
    await sub.run(async () => {
      const body = {
        educationName: form.educationName,
        content: form.content.trim() || null,
        legalBasis: form.legalBasis.trim() || null,
        otherFacts: form.otherFacts.trim() || null,
        law20Stk4Nr: intOrNull(form.law20Stk4Nr),
        normalDurationMonths: intOrNull(form.normalDurationMonths),
        receivedOn: form.receivedOn,
      };
      setCreated(await post<Application>(`${API}/education-applications`, body));
      applications.reload();
    });
  };
  const onDecided = (a: Application) => {
    setDecided(a);
    applications.reload();
    educations.reload();
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("educations")}</h1>
      </div>
      <ProblemBanner error={educations.error ?? applications.error} />
      <h2>{t("listed")}</h2>
      {!educations.data ? (
        <Spinner />
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="aub-educations">
            <thead>
              <tr>
                <th>{t("code")}</th>
                <th>{t("name")}</th>
                <th>{t("nr")}</th>
                <th>{t("months")}</th>
                <th>{t("origin")}</th>
              </tr>
            </thead>
            <tbody>
              {educations.data.map((e) => (
                <tr key={e.code}>
                  <td>{e.code}</td>
                  <td>{e.name}</td>
                  <td className="num">{e.law20Stk4Nr}</td>
                  <td className="num">{e.normalDurationMonths}</td>
                  <td>{e.origin.kind === "list" ? t("list") : t("approvedOn", { d: e.origin.approvedOn })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {decided && <DecisionResult a={decided} />}
      <h2>{t("applications")}</h2>
      {!applications.data ? (
        <Spinner />
      ) : (
        applications.data.map((a) => <ApplicationCard key={a.id} a={a} session={session} onDecided={onDecided} />)
      )}
      <h2>{t("newApplication")}</h2>
      {created && (
        <Banner kind="success" title={t("saved")} testid="aub-application-saved">
          <FindingList findings={created.findings} />
        </Banner>
      )}
      <ProblemBanner error={error} />
      <form onSubmit={submit} data-testid="aub-application-form">
        <fieldset className="card" disabled={!session.canWrite || busy}>
          <div className="grid">
            {(["educationName", "receivedOn", "law20Stk4Nr", "normalDurationMonths"] as const).map((k) => (
              <Field key={k} name={k} label={t(k === "law20Stk4Nr" ? "nr" : k === "normalDurationMonths" ? "months" : k)} findings={onField(findings, k)}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} type={k === "receivedOn" ? "date" : "text"} inputMode={k === "law20Stk4Nr" || k === "normalDurationMonths" ? "numeric" : undefined} value={form[k]} onChange={(e) => set(k, e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid={`aub-app-${k}`} />
                )}
              </Field>
            ))}
            {(["content", "legalBasis", "otherFacts"] as const).map((k) => (
              <Field key={k} name={k} label={t(k)} findings={onField(findings, k)} wide>
                {({ id, describedBy, invalid }) => <textarea id={id} rows={3} value={form[k]} onChange={(e) => set(k, e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid={`aub-app-${k}`} />}
              </Field>
            ))}
          </div>
          <p>
            <button type="submit" data-testid="aub-app-submit">
              {t("register")}
            </button>
          </p>
        </fieldset>
      </form>
    </div>
  );
}

const exemptText = (x: { exemptFrom: string | null; exemptTo: string | null }, none: string) => (x.exemptFrom ? `${x.exemptFrom} – ${x.exemptTo ?? ""}` : none);

function DecisionResult({ a }: { a: Application }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  return (
    <Banner kind="success" title={`${t("saved")}: ${a.educationName}`} testid="aub-decision-saved">
      {a.decision?.approved && (
        <>
          <p>{t("approved", { d: a.decision.decidedOn, q: a.effectiveFrom ?? "" })}</p>
          <p>{t("rechecked")}</p>
          {(a.rechecked ?? []).length === 0 ? (
            <p>{t("nothingRechecked")}</p>
          ) : (
            <ul data-testid="aub-rechecked">
              {(a.rechecked ?? []).map((r) => (
                <li key={r.agreementId}>
                  <Link to={`/aub/agreements/${r.agreementId}`}>v{r.version}</Link>: {t("exemptBefore", { b: exemptText(r.before, t("noExemption")) })}, {t("exemptAfter", { a: exemptText(r.after, t("noExemption")) })}
                </li>
              ))}
            </ul>
          )}
          {(a.recalculated ?? []).length > 0 && (
            <>
              <p>{t("recalculated")}</p>
              <ul data-testid="aub-decision-recalculated">
                {(a.recalculated ?? []).map((r) => (
                  <li key={`${r.se}-${r.quarter}`} data-quarter={r.quarter} data-oere={r.differenceOere}>
                    {r.quarter} SE {r.se}: {money(r.previousOere, lang)} → {money(r.contributionOere, lang)} ({t("difference")} {money(r.differenceOere, lang)})
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Banner>
  );
}

function ApplicationCard({ a, session, onDecided }: { a: Application; session: Session; onDecided: (a: Application) => void }) {
  const t = useTexts(TEXTS);
  const [form, setForm] = useState({ decidedOn: "", code: "", law20Stk4Nr: a.law20Stk4Nr === null ? "" : String(a.law20Stk4Nr), normalDurationMonths: a.normalDurationMonths === null ? "" : String(a.normalDurationMonths) });
  const sub = useSubmit();
  const { busy, findings, thrown: error } = sub;
  const decide = async (approved: boolean) => {
    await sub.run(async () => {
      const body = { approved, decidedOn: form.decidedOn, code: form.code.trim() || null, law20Stk4Nr: intOrNull(form.law20Stk4Nr), normalDurationMonths: intOrNull(form.normalDurationMonths) };
      onDecided(await post<Application>(`${API}/education-applications/${encodeURIComponent(a.id)}/decision`, body));
    });
  };
  // the application's own findings (§ 4, stk. 2) sit beside the fields they concern; the decision's refusal beside its fields
  const appOn = (k: string) => a.findings.filter((f) => f.subject === k);
  return (
    <section className="card" data-testid="aub-application" data-id={a.id}>
      <h3>
        {a.educationName} ({t("receivedOn").toLowerCase()} {a.receivedOn})
      </h3>
      <dl>
        {(["content", "legalBasis", "otherFacts"] as const).map((k) => (
          <div key={k}>
            <dt>{t(k)}</dt>
            <dd>
              {a[k] ?? "—"}
              <FindingList findings={appOn(k)} />
            </dd>
          </div>
        ))}
      </dl>
      <FindingList findings={a.findings.filter((f) => !["content", "legalBasis", "otherFacts"].includes(f.subject ?? ""))} />
      <p>
        <strong>{t("decision")}:</strong> {a.decision === null ? t("undecided") : a.decision.approved ? t("approved", { d: a.decision.decidedOn, q: a.effectiveFrom ?? "" }) : t("refused", { d: a.decision.decidedOn })}
      </p>
      {a.decision === null && session.canWrite && (
        <fieldset disabled={busy}>
          <legend>{t("decide")}</legend>
          <ProblemBanner error={error} />
          <div className="grid">
            {(["decidedOn", "code", "law20Stk4Nr", "normalDurationMonths"] as const).map((k) => (
              <Field key={k} name={k} label={t(k === "law20Stk4Nr" ? "nr" : k === "normalDurationMonths" ? "months" : k)} findings={onField(findings, k)}>
                {({ id, describedBy, invalid }) => (
                  <input id={id} type={k === "decidedOn" ? "date" : "text"} value={form[k]} onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))} aria-describedby={describedBy} aria-invalid={invalid} data-testid={`aub-decide-${k}`} />
                )}
              </Field>
            ))}
          </div>
          <FindingList findings={findings.filter((f) => !["decidedOn", "code", "law20Stk4Nr", "normalDurationMonths"].includes(f.subject ?? ""))} />
          <p>
            <button type="button" onClick={() => void decide(true)} data-testid="aub-decide-approve">
              {t("approve")}
            </button>{" "}
            <button type="button" onClick={() => void decide(false)} data-testid="aub-decide-refuse">
              {t("refuseApp")}
            </button>
          </p>
        </fieldset>
      )}
    </section>
  );
}

// ----------------------------------------------------------------------------------- prepayments (§ 8), § 11

/** § 8: the state's quarterly prepayments for a year, from the estimated grant (recorded once per year). */
export function PrepaymentForm({ year, session, onSaved }: { year: string; session: Session; onSaved: () => void }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  const [estimate, setEstimate] = useState("");
  const [admin, setAdmin] = useState("");
  const sub = useSubmit();
  const { busy, findings, thrown: error } = sub;
  const [saved, setSaved] = useState<{ quarter: string; prepaidOere: number }[]>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(undefined);
    await sub.run(async () => {
      const r = await post<{ quarters: { quarter: string; prepaidOere: number }[] }>(`${API}/prepayments`, { year: Number(year), estimatedGrantOere: kronerToOere(estimate), administrationOere: kronerToOere(admin === "" ? "0" : admin) });
      setSaved(r.quarters);
      onSaved();
    });
  };
  return (
    <form onSubmit={submit} data-testid="aub-prepayment-form">
      <fieldset className="card" disabled={!session.canWrite || busy}>
        <legend>
          {t("prepayments")} {year}
        </legend>
        {saved && (
          <Banner kind="success" title={t("prepaidQuarters")} testid="aub-prepayment-saved">
            <ul>
              {saved.map((q) => (
                <li key={q.quarter}>
                  {q.quarter}: {money(q.prepaidOere, lang)}
                </li>
              ))}
            </ul>
          </Banner>
        )}
        <div className="grid">
          <Field name="year" label={t("year")} findings={onField(findings, "year")}>
            {({ id }) => <input id={id} value={year} readOnly size={5} />}
          </Field>
          <Field name="estimatedGrantOere" label={t("estimateKr")} findings={onField(findings, "estimatedGrantOere")}>
            {({ id, describedBy, invalid }) => <input id={id} inputMode="decimal" value={estimate} onChange={(e) => setEstimate(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-prepay-estimate" />}
          </Field>
          <Field name="administrationOere" label={t("adminKr")} findings={onField(findings, "administrationOere")}>
            {({ id, describedBy, invalid }) => <input id={id} inputMode="decimal" value={admin} onChange={(e) => setAdmin(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-prepay-admin" />}
          </Field>
        </div>
        <FindingList findings={findings.filter((f) => !["year", "estimatedGrantOere", "administrationOere"].includes(f.subject ?? ""))} />
        <ProblemBanner error={error} />
        <p>
          <button type="submit" data-testid="aub-prepay-submit">
            {t("setPrepayments")}
          </button>
        </p>
      </fieldset>
    </form>
  );
}

/** § 11: the auditor's attested number of eligible school weeks, checked against the reported weeks and recorded. */
export function AttestationForm({ year, schools, session }: { year: string; schools: string[]; session: Session }) {
  const t = useTexts(TEXTS);
  const [school, setSchool] = useState(schools[0] ?? "");
  const [weeks, setWeeks] = useState("");
  const sub = useSubmit();
  const { busy, findings } = sub;
  const [result, setResult] = useState<{ reportedWeeks: number; attestedWeeks: number; differenceWeeks: number; findings: Finding[] }>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(undefined);
    await sub.run(async () => {
      setResult(await post(`${API}/attestations`, { school, year: Number(year), attestedWeeks: weeks.trim() === "" ? Number.NaN : Number(weeks) }));
    });
  };
  // the check's findings (§ 11) sit beside the attested weeks
  const weekFindings = [...onField(findings, "attestedWeeks"), ...(result?.findings ?? [])];
  return (
    <form onSubmit={submit} data-testid="aub-attestation-form">
      <fieldset className="card" disabled={!session.canWrite || busy}>
        <legend>
          {t("attestation")} {year}
        </legend>
        {result && (
          <Banner kind={result.differenceWeeks === 0 ? "success" : "warning"} title={t("attested", { r: result.reportedWeeks, a: result.attestedWeeks, d: result.differenceWeeks })} testid="aub-attestation-result" />
        )}
        <div className="grid">
          <Field name="school" label={t("school")} findings={onField(findings, "school")}>
            {({ id }) => (
              <input id={id} list="aub-schools" value={school} onChange={(e) => setSchool(e.target.value)} data-testid="aub-attest-school" />
            )}
          </Field>
          <Field name="attestedWeeks" label={t("attestedWeeks")} findings={weekFindings}>
            {({ id, describedBy, invalid }) => <input id={id} inputMode="numeric" value={weeks} onChange={(e) => setWeeks(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-attest-weeks" />}
          </Field>
        </div>
        <datalist id="aub-schools">
          {schools.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <FindingList findings={findings.filter((f) => !["school", "attestedWeeks"].includes(f.subject ?? ""))} />
        <p>
          <button type="submit" data-testid="aub-attest-submit">
            {t("check")}
          </button>
        </p>
      </fieldset>
    </form>
  );
}

/** Link to the ATP form for a unit's quarter (from the employer page). */
export function atpFormHref(se: string, quarter?: string): string {
  return `/aub/atp-reports${qs({ se, quarter })}`;
}

/**
 * AUB (seed 004) forms: the dated parameters with their sources and an administrator's form to add a year's values
 * (§ 3, stk. 1; § 7), registering and changing employers with the CVR/SE findings beside the fields (§§ 1–2, § 3,
 * stk. 3), and an institution's report of eligible school weeks (§ 9). Refusals (422) come back as findings whose
 * `subject` names the field; they are shown beside that field. API: /api/aub (docs/api.md).
 */
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { Session } from "../App.tsx";
import { get, post, put, type Finding } from "../api.ts";
import { Banner, Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { useI18n, useTexts, type UiLang } from "../i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { useSubmit } from "../forms.ts";

const API = "/api/aub";

const TEXTS = {
  da: {
    parameters: "Parametre",
    kind: "Parameter",
    "contribution-rate": "Bidrag pr. fuldtidsansat pr. år (§ 3, stk. 1)",
    "full-quarter-atp": "Fuldt kvartals ATP-bidrag (§ 3, stk. 1)",
    "su-rate": "SU-stipendium, udeboende 20+ pr. måned (§ 7)",
    period: "Gyldig",
    validFrom: "Gyldig fra",
    validTo: "Gyldig til",
    value: "Værdi",
    valueKr: "Værdi (kr.)",
    derived: "Afledt",
    source: "Kilde",
    factsRow: "Række i facts.md",
    sureness: "Sikkerhed",
    secondary: "Sekundær kilde",
    secondaryBadge: "sekundær kilde — skal bekræftes",
    origin: "Oprindelse",
    shipped: "leveret med bevis",
    added: "tilføjet",
    addYear: "Tilføj et års værdi",
    adminOnly: "Kun en administrator kan tilføje værdier.",
    add: "Tilføj",
    charged: "Indberetninger, der nu er opkrævet",
    noneCharged: "Ingen indberetninger ventede på værdien.",
    certain: "sikker",
    good: "god",
    medium: "middel",
    low: "lav",
    newEmployer: "Registrér arbejdsgiver",
    editEmployer: "Ret arbejdsgiver",
    cvr: "CVR-nr.",
    name: "Navn",
    atpCovered: "Omfattet af ATP-loven (§ 1)",
    category: "Undtagelse (§ 2)",
    none: "Ingen",
    "julemaerkefonden": "Julemærkefonden og dens hjem",
    "diplomatic-representation": "Diplomatisk repræsentation",
    "consular-representation": "Konsulær repræsentation",
    "international-organisation": "International organisation",
    "religious-community": "Religiøst samfund (§ 2, stk. 2)",
    hasPostedStaff: "Har udsendt personale",
    unknown: "Ukendt",
    yes: "Ja",
    no: "Nej",
    units: "SE-numre for ATP-indberettende enheder (adskilt med komma)",
    reason: "Begrundelse for ændringen",
    save: "Gem",
    saved: "Gemt",
    recalculated: "Genberegnede kvartaler (§ 3, stk. 2)",
    difference: "difference",
    back: "Tilbage",
    schoolWeeks: "Indberet skoleuger (§ 9)",
    school: "Institution",
    receivedOn: "Modtaget den",
    lines: "Linjer",
    cpr: "CPR-nr.",
    education: "Uddannelse",
    speciality: "Speciale",
    part: "Del",
    grundforloeb: "Grundforløb",
    hovedforloeb: "Hovedforløb",
    supplementary: "Supplerende studieforberedende undervisning",
    weeks: "Uger",
    from: "Fra",
    to: "Til",
    addLine: "Tilføj linje",
    removeLine: "Fjern",
    report: "Indberet",
    reported: "Indberettet: {lines} linjer, {weeks} uger, refusion {amount}",
    allOrNothing: "Indberetningen gemmes kun, hvis alle linjer er i orden.",
    religious: "Ansøgninger om undtagelse som religiøst samfund (§ 2, stk. 2)",
    religiousHint: "Undtagelsen gælder fra det kvartal, hvor AUB modtager ansøgningen med dokumentation, indtil begyndelsen af det kvartal, hvor AUB får meddelelse om, at betingelsen ikke længere er opfyldt.",
    appReceivedOn: "Ansøgning modtaget",
    documentationReceivedOn: "Dokumentation modtaget",
    conditionLapsedNoticeOn: "Meddelelse om bortfald modtaget",
    addApplication: "Tilføj ansøgning",
    exemptQuarters: "Undtaget {from} – {to}",
    open: "indtil videre",
    notExempt: "ingen undtagelse",
    addUnit: "Tilføj ATP-indberettende enhed (§ 3, stk. 3)",
    se: "SE-nr.",
    unitName: "Enhedens navn",
    unitAdded: "Enheden er tilføjet",
    correctRow: "Ret",
    correctTitle: "Ret en forkert tilføjet værdi",
    correctHint: "Rettelsen gemmes som en ny række, der afløser den forkerte (intet overskrives). Bidrag, der er opkrævet med den forkerte værdi, genberegnes som nye opkrævninger med differencen (§ 3, stk. 2).",
    correctionReason: "Begrundelse for rettelsen",
    saveCorrection: "Gem rettelse",
    cancel: "Annullér",
    superseded: "afløst",
    supersededBy: "afløst af rettelse",
    correctedBecause: "rettelse: {reason} ({who}, {when})",
    correctionSaved: "Rettelsen er gemt",
    recalcNone: "Ingen opkrævede bidrag ændrede sig.",
    refundChanges: "Lønrefusion genberegnet (§ 7)",
    status: "Status",
  },
  en: {
    parameters: "Parameters",
    kind: "Parameter",
    "contribution-rate": "Contribution per full-time employee per year (§ 3, stk. 1)",
    "full-quarter-atp": "Full quarter's ATP contribution (§ 3, stk. 1)",
    "su-rate": "SU stipend, living away from home, 20+, per month (§ 7)",
    period: "Valid",
    validFrom: "Valid from",
    validTo: "Valid to",
    value: "Value",
    valueKr: "Value (DKK)",
    derived: "Derived",
    source: "Source",
    factsRow: "Row in facts.md",
    sureness: "Sureness",
    secondary: "Secondary source",
    secondaryBadge: "secondary source — to be confirmed",
    origin: "Origin",
    shipped: "shipped with bevis",
    added: "added",
    addYear: "Add a year's value",
    adminOnly: "Only an administrator can add values.",
    add: "Add",
    charged: "Reports now charged",
    noneCharged: "No report was waiting for the value.",
    certain: "certain",
    good: "good",
    medium: "medium",
    low: "low",
    newEmployer: "Register an employer",
    editEmployer: "Change the employer",
    cvr: "CVR no.",
    name: "Name",
    atpCovered: "Covered by the ATP act (§ 1)",
    category: "Exemption (§ 2)",
    none: "None",
    "julemaerkefonden": "Julemærkefonden and its homes",
    "diplomatic-representation": "Diplomatic representation",
    "consular-representation": "Consular representation",
    "international-organisation": "International organisation",
    "religious-community": "Religious community (§ 2, stk. 2)",
    hasPostedStaff: "Has posted staff",
    unknown: "Unknown",
    yes: "Yes",
    no: "No",
    units: "SE numbers of the ATP-reporting units (comma-separated)",
    reason: "Reason for the change",
    save: "Save",
    saved: "Saved",
    recalculated: "Recalculated quarters (§ 3, stk. 2)",
    difference: "difference",
    back: "Back",
    schoolWeeks: "Report school weeks (§ 9)",
    school: "Institution",
    receivedOn: "Received on",
    lines: "Lines",
    cpr: "CPR no.",
    education: "Education",
    speciality: "Speciality",
    part: "Part",
    grundforloeb: "Basic course",
    hovedforloeb: "Main course",
    supplementary: "Supplementary study-preparatory teaching",
    weeks: "Weeks",
    from: "From",
    to: "To",
    addLine: "Add a line",
    removeLine: "Remove",
    report: "Report",
    reported: "Reported: {lines} lines, {weeks} weeks, refund {amount}",
    allOrNothing: "The report is saved only if every line is in order.",
    religious: "Applications for exemption as a religious community (§ 2, stk. 2)",
    religiousHint: "The exemption runs from the quarter in which AUB receives the application with documentation until the start of the quarter in which AUB is told the condition is no longer met.",
    appReceivedOn: "Application received",
    documentationReceivedOn: "Documentation received",
    conditionLapsedNoticeOn: "Notice of lapse received",
    addApplication: "Add an application",
    exemptQuarters: "Exempt {from} – {to}",
    open: "until further notice",
    notExempt: "no exemption",
    addUnit: "Add an ATP-reporting unit (§ 3, stk. 3)",
    se: "SE no.",
    unitName: "Unit name",
    unitAdded: "The unit was added",
    correctRow: "Correct",
    correctTitle: "Correct a wrongly added value",
    correctHint: "The correction is saved as a new row that supersedes the wrong one (nothing is overwritten). Contributions charged with the wrong value are recalculated as new charges with the difference (§ 3, stk. 2).",
    correctionReason: "Reason for the correction",
    saveCorrection: "Save the correction",
    cancel: "Cancel",
    superseded: "superseded",
    supersededBy: "superseded by a correction",
    correctedBecause: "correction: {reason} ({who}, {when})",
    correctionSaved: "The correction was saved",
    recalcNone: "No charged contribution changed.",
    refundChanges: "Wage refund recalculated (§ 7)",
    status: "Status",
  },
} satisfies Record<UiLang, Record<string, string>>;

/** Øre as kroner: "1.573,85 kr." (da) or "DKK 1,573.85" (en). */
export function money(oere: number, lang: UiLang): string {
  const neg = oere < 0;
  const a = Math.abs(oere);
  const kr = Math.floor(a / 100);
  const ore = String(a % 100).padStart(2, "0");
  if (lang === "da") return `${neg ? "-" : ""}${String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, ".")},${ore} kr.`;
  return `${neg ? "-" : ""}DKK ${String(kr).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${ore}`;
}

/**
 * Kroner typed by a person ("3.200,00", "3200,5", "3200.50", "3 200") to whole øre, by string arithmetic (no floating
 * point). Returns NaN when it is not an amount, so the server refuses it with its finding.
 */
export function kronerToOere(s: string): number {
  let t = s.trim().replace(/\s|kr\.?|dkk/gi, "");
  // the last "," or "." followed by one or two digits is the decimal mark; other marks group thousands
  const m = /^(.*?)[.,](\d{1,2})$/.exec(t);
  let frac = "00";
  if (m) {
    t = m[1]!;
    frac = m[2]!.padEnd(2, "0");
  }
  t = t.replace(/[.,]/g, "");
  if (!/^-?\d+$/.test(t)) return Number.NaN;
  const neg = t.startsWith("-");
  const oere = Number(t.replace("-", "")) * 100 + Number(frac);
  return neg ? -oere : oere;
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

// ------------------------------------------------------------------------------------------------------ parameters

type ParameterKind = "contribution-rate" | "full-quarter-atp" | "su-rate";
type Sureness = "certain" | "good" | "medium" | "low";

interface ParameterRow {
  kind: ParameterKind;
  validFrom: string;
  validTo: string;
  valueOere: number;
  derivedOere: number | null;
  source: string;
  factsRow: string | null;
  sureness: Sureness;
  secondary: boolean;
  origin: "shipped" | "added";
  note: string | null;
  usedBy: string;
  id: string | null;
  status: "in-force" | "superseded";
  supersedes: string | null;
  supersededBy: string | null;
  reason: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
}

interface Correction {
  superseded: ParameterRow;
  replacement: ParameterRow;
  recalculated: { employerId: string; se: string; quarter: string; previousOere: number; contributionOere: number; differenceOere: number }[];
  refunds: { year: number; weeks: number; beforeOere: number | null; afterOere: number | null; differenceOere: number | null }[];
}

/** Øre back into the kroner field ("3200,00"). */
const krInput = (o: number) => `${Math.floor(o / 100)},${String(o % 100).padStart(2, "0")}`;

/**
 * Choice 20: an administrator corrects a wrongly added row. The form starts from the row's values; the reason is
 * required. The answer shows the superseded row, its replacement and the quarters recalculated as new charges with the
 * difference (or, for an SU rate, each year's refund before and after).
 */
function ParameterCorrectionForm({ row, onDone, onCancel }: { row: ParameterRow; onDone: (c: Correction) => void; onCancel: () => void }) {
  const t = useTexts(TEXTS);
  const [form, setForm] = useState({ validFrom: row.validFrom, validTo: row.validTo, value: krInput(row.valueOere), source: row.source, factsRow: row.factsRow ?? "", sureness: row.sureness, secondary: row.secondary, reason: "" });
  const sub = useSubmit();
  const { busy, findings, thrown: error } = sub;
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const on = (subject: string) => findings.filter((f) => f.subject === subject);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await sub.run(async () => {
      const body = { validFrom: form.validFrom, validTo: form.validTo, valueOere: kronerToOere(form.value), source: form.source, factsRow: form.factsRow.trim() || null, sureness: form.sureness, secondary: form.secondary, reason: form.reason };
      onDone(await post<Correction>(`${API}/parameters/${encodeURIComponent(row.id!)}/correction`, body));
    });
  };
  return (
    <form onSubmit={submit} data-testid="aub-correction-form">
      <h2>
        {t("correctTitle")}: {t(row.kind)} {row.validFrom} – {row.validTo}
      </h2>
      <p className="hint">{t("correctHint")}</p>
      <ProblemBanner error={error} />
      <fieldset className="card" disabled={busy}>
        <div className="grid">
          {(["validFrom", "validTo"] as const).map((k) => (
            <Field key={k} name={k} label={t(k)} findings={on(k)}>
              {({ id, describedBy, invalid }) => <input id={id} type="date" value={form[k]} onChange={(e) => set(k, e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid={`aub-corr-${k}`} />}
            </Field>
          ))}
          <Field name="valueOere" label={t("valueKr")} findings={on("valueOere")}>
            {({ id, describedBy, invalid }) => <input id={id} inputMode="decimal" value={form.value} onChange={(e) => set("value", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-corr-value" />}
          </Field>
          <Field name="source" label={t("source")} findings={on("source")} wide>
            {({ id, describedBy, invalid }) => <input id={id} value={form.source} onChange={(e) => set("source", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-corr-source" />}
          </Field>
          <Field name="factsRow" label={t("factsRow")} findings={on("factsRow")}>
            {({ id }) => <input id={id} value={form.factsRow} onChange={(e) => set("factsRow", e.target.value)} />}
          </Field>
          <Field name="sureness" label={t("sureness")} findings={[]}>
            {({ id }) => (
              <select id={id} value={form.sureness} onChange={(e) => set("sureness", e.target.value as Sureness)}>
                {(["certain", "good", "medium", "low"] as const).map((x) => (
                  <option key={x} value={x}>
                    {t(x)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field name="secondary" label={t("secondary")} findings={[]}>
            {({ id }) => <input id={id} type="checkbox" checked={form.secondary} onChange={(e) => set("secondary", e.target.checked)} />}
          </Field>
          <Field name="reason" label={t("correctionReason")} findings={on("reason")} wide>
            {({ id, describedBy, invalid }) => <input id={id} value={form.reason} onChange={(e) => set("reason", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-corr-reason" />}
          </Field>
        </div>
        <FindingList findings={findings.filter((f) => !["validFrom", "validTo", "valueOere", "source", "factsRow", "reason"].includes(f.subject ?? ""))} />
        <p>
          <button type="submit" data-testid="aub-corr-save">
            {t("saveCorrection")}
          </button>{" "}
          <button type="button" onClick={onCancel}>
            {t("cancel")}
          </button>
        </p>
      </fieldset>
    </form>
  );
}

function CorrectionResult({ c }: { c: Correction }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  return (
    <Banner kind="success" title={t("correctionSaved")} testid="aub-correction-saved">
      <p>
        {money(c.superseded.valueOere, lang)} ({c.superseded.validFrom} – {c.superseded.validTo}) → {money(c.replacement.valueOere, lang)} ({c.replacement.validFrom} – {c.replacement.validTo})
      </p>
      {c.superseded.kind !== "su-rate" && (
        <>
          <p>{c.recalculated.length === 0 ? t("recalcNone") : t("recalculated")}</p>
          <ul data-testid="aub-param-recalculated">
            {c.recalculated.map((r) => (
              <li key={`${r.se}-${r.quarter}`} data-se={r.se} data-quarter={r.quarter} data-previous={r.previousOere} data-contribution={r.contributionOere} data-oere={r.differenceOere}>
                {r.quarter} SE {r.se}: {money(r.previousOere, lang)} → {money(r.contributionOere, lang)}, {t("difference")} {money(r.differenceOere, lang)}
              </li>
            ))}
          </ul>
        </>
      )}
      {c.refunds.length > 0 && (
        <>
          <p>{t("refundChanges")}</p>
          <ul data-testid="aub-param-refunds">
            {c.refunds.map((r) => (
              <li key={r.year} data-year={r.year} data-oere={r.differenceOere ?? ""}>
                {r.year} ({r.weeks} {t("weeks").toLowerCase()}): {r.beforeOere === null ? "—" : money(r.beforeOere, lang)} → {r.afterOere === null ? "—" : money(r.afterOere, lang)}
                {r.differenceOere !== null && `, ${t("difference")} ${money(r.differenceOere, lang)}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </Banner>
  );
}

interface Charged {
  employerId: string;
  se: string;
  quarter: string;
  contributionOere: number;
  differenceOere: number;
}

/** `/aub/parameters`: every dated value with its source (secondary sources marked); admins add a year's values. */
export function ParametersPage({ session }: { session: Session }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  const list = useLoad<ParameterRow[]>(`${API}/parameters`);
  const isAdmin = session.roles.includes("admin");
  const [form, setForm] = useState({ kind: "contribution-rate" as ParameterKind, validFrom: "", validTo: "", value: "", source: "", factsRow: "", sureness: "good" as Sureness, secondary: false });
  const sub = useSubmit();
  const { busy, findings, thrown: error } = sub;
  const [charged, setCharged] = useState<Charged[]>();
  const [correcting, setCorrecting] = useState<ParameterRow>();
  const [corrected, setCorrected] = useState<Correction>();
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const on = (subject: string) => findings.filter((f) => f.subject === subject);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setCharged(undefined);
    setCorrected(undefined);
    await sub.run(async () => {
      const body = { kind: form.kind, validFrom: form.validFrom, validTo: form.validTo, valueOere: kronerToOere(form.value), source: form.source, factsRow: form.factsRow.trim() || null, sureness: form.sureness, secondary: form.secondary };
      const r = await post<{ parameters: ParameterRow[]; charged: Charged[] }>(`${API}/parameters`, body);
      setCharged(r.charged);
      list.reload();
    });
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("parameters")}</h1>
      </div>
      <ProblemBanner error={list.error} />
      {!list.data ? (
        <Spinner />
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="aub-parameters">
            <thead>
              <tr>
                <th>{t("kind")}</th>
                <th>{t("period")}</th>
                <th>{t("value")}</th>
                <th>{t("derived")}</th>
                <th>{t("source")}</th>
                <th>{t("sureness")}</th>
                <th>{t("origin")}</th>
                <th>{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((p) => (
                <tr
                  key={p.id ?? `${p.kind}-${p.validFrom}-${p.origin}`}
                  data-testid="aub-parameter-row"
                  data-kind={p.kind}
                  data-secondary={p.secondary ? "true" : "false"}
                  data-status={p.status}
                  data-from={p.validFrom}
                  data-oere={p.valueOere}
                  className={p.status === "superseded" ? "superseded" : undefined}
                >
                  <td>{t(p.kind)}</td>
                  <td>
                    {p.validFrom} – {p.validTo}
                  </td>
                  <td className="num">{money(p.valueOere, lang)}</td>
                  <td className="num">{p.derivedOere === null ? "" : money(p.derivedOere, lang)}</td>
                  <td>
                    {p.source}
                    {p.factsRow ? ` (facts.md: ${p.factsRow})` : ""}
                    {p.secondary && (
                      <>
                        {" "}
                        <span className="badge badge-warning" data-testid="aub-secondary-badge">
                          {t("secondaryBadge")}
                        </span>
                      </>
                    )}
                  </td>
                  <td>{t(p.sureness)}</td>
                  <td>{t(p.origin)}</td>
                  <td>
                    {p.status === "superseded" ? (
                      <span className="badge" data-testid="aub-superseded-badge">
                        {t("supersededBy")}
                      </span>
                    ) : null}
                    {p.supersedes !== null && <span className="hint">{t("correctedBecause", { reason: p.reason ?? "", who: p.recordedBy ?? "", when: (p.recordedAt ?? "").slice(0, 10) })}</span>}
                    {isAdmin && p.origin === "added" && p.status === "in-force" && (
                      <button
                        type="button"
                        onClick={() => {
                          setCorrected(undefined);
                          setCorrecting(p);
                        }}
                        data-testid="aub-param-correct"
                      >
                        {t("correctRow")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {corrected && <CorrectionResult c={corrected} />}
      {isAdmin && correcting && (
        <ParameterCorrectionForm
          key={correcting.id}
          row={correcting}
          onCancel={() => setCorrecting(undefined)}
          onDone={(c) => {
            setCorrected(c);
            setCorrecting(undefined);
            list.reload();
          }}
        />
      )}
      <h2>{t("addYear")}</h2>
      {!isAdmin && <Banner kind="info" title={t("adminOnly")} testid="aub-admin-only" />}
      {isAdmin && (
        <form onSubmit={submit} data-testid="aub-parameter-form">
          <ProblemBanner error={error} />
          {charged && (
            <Banner kind="success" title={t("saved")} testid="aub-parameter-saved">
              <p>{charged.length === 0 ? t("noneCharged") : t("charged")}</p>
              <ul>
                {charged.map((c) => (
                  <li key={`${c.se}-${c.quarter}`}>
                    {c.quarter} SE {c.se}: {money(c.contributionOere, lang)}
                  </li>
                ))}
              </ul>
            </Banner>
          )}
          <fieldset className="card" disabled={busy}>
            <div className="grid">
              <Field name="kind" label={t("kind")} findings={on("kind")}>
                {({ id }) => (
                  <select id={id} value={form.kind} onChange={(e) => set("kind", e.target.value as ParameterKind)} data-testid="aub-param-kind">
                    {(["contribution-rate", "full-quarter-atp", "su-rate"] as const).map((k) => (
                      <option key={k} value={k}>
                        {t(k)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {(["validFrom", "validTo"] as const).map((k) => (
                <Field key={k} name={k} label={t(k)} findings={on(k)}>
                  {({ id, describedBy, invalid }) => <input id={id} type="date" value={form[k]} onChange={(e) => set(k, e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid={`aub-param-${k}`} />}
                </Field>
              ))}
              <Field name="valueOere" label={t("valueKr")} findings={on("valueOere")}>
                {({ id, describedBy, invalid }) => <input id={id} inputMode="decimal" value={form.value} onChange={(e) => set("value", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-param-value" />}
              </Field>
              <Field name="source" label={t("source")} findings={on("source")} wide>
                {({ id, describedBy, invalid }) => <input id={id} value={form.source} onChange={(e) => set("source", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-param-source" />}
              </Field>
              <Field name="factsRow" label={t("factsRow")} findings={on("factsRow")}>
                {({ id }) => <input id={id} value={form.factsRow} onChange={(e) => set("factsRow", e.target.value)} />}
              </Field>
              <Field name="sureness" label={t("sureness")} findings={[]}>
                {({ id }) => (
                  <select id={id} value={form.sureness} onChange={(e) => set("sureness", e.target.value as Sureness)}>
                    {(["certain", "good", "medium", "low"] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(s)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="secondary" label={t("secondary")} findings={[]}>
                {({ id }) => <input id={id} type="checkbox" checked={form.secondary} onChange={(e) => set("secondary", e.target.checked)} data-testid="aub-param-secondary" />}
              </Field>
            </div>
            <p>
              <button type="submit" data-testid="aub-param-add">
                {t("add")}
              </button>
            </p>
          </fieldset>
        </form>
      )}
    </div>
  );
}

// ------------------------------------------------------------------------------------------------------- employers

const CATEGORIES = ["julemaerkefonden", "diplomatic-representation", "consular-representation", "international-organisation", "religious-community"] as const;
type Category = (typeof CATEGORIES)[number];

interface ReligiousApplication {
  receivedOn: string;
  documentationReceivedOn?: string | null;
  conditionLapsedNoticeOn?: string | null;
}

interface EmployerDetail {
  employer: { id: string; cvr: string; name: string; category: Category | null; atpCovered: boolean; hasPostedStaff: boolean | null; version: number; religiousApplications: ReligiousApplication[] };
  units: { id: string; se: string }[];
  religiousExemptions: { from: string | null; to: string | null; findings: Finding[] }[];
}

type AppRow = { receivedOn: string; documentationReceivedOn: string; conditionLapsedNoticeOn: string };
const appRowOf = (a: ReligiousApplication): AppRow => ({ receivedOn: a.receivedOn, documentationReceivedOn: a.documentationReceivedOn ?? "", conditionLapsedNoticeOn: a.conditionLapsedNoticeOn ?? "" });
const appBody = (r: AppRow) => ({ receivedOn: r.receivedOn, documentationReceivedOn: r.documentationReceivedOn || null, conditionLapsedNoticeOn: r.conditionLapsedNoticeOn || null });

/**
 * § 2, stk. 2: a religious community's applications (received, documentation received, notice of lapse), one row each;
 * each date's refusal sits beside it (subject `religiousApplications.<i>.<field>`), and after saving the quarters each
 * application covers are shown with their findings.
 */
function ReligiousApplications({ rows, setRows, findings, exemptions }: { rows: AppRow[]; setRows: (f: (rs: AppRow[]) => AppRow[]) => void; findings: Finding[]; exemptions: EmployerDetail["religiousExemptions"] | undefined }) {
  const t = useTexts(TEXTS);
  const fields = ["receivedOn", "documentationReceivedOn", "conditionLapsedNoticeOn"] as const;
  const label = { receivedOn: t("appReceivedOn"), documentationReceivedOn: t("documentationReceivedOn"), conditionLapsedNoticeOn: t("conditionLapsedNoticeOn") };
  return (
    <section data-testid="aub-religious">
      <h2>{t("religious")}</h2>
      <p className="hint">{t("religiousHint")}</p>
      <FindingList findings={findings.filter((f) => f.subject === "religiousApplications")} testid="findings-religiousApplications" />
      {rows.map((r, i) => (
        <div className="grid" key={i} data-testid="aub-religious-row">
          {fields.map((k) => (
            <Field key={k} name={`religiousApplications.${i}.${k}`} label={label[k]} findings={findings.filter((f) => f.subject === `religiousApplications.${i}.${k}`)}>
              {({ id, describedBy, invalid }) => (
                <input id={id} type="date" value={r[k]} onChange={(e) => setRows((rs) => rs.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)))} aria-describedby={describedBy} aria-invalid={invalid} data-testid={`aub-religious-${i}-${k}`} />
              )}
            </Field>
          ))}
          <div className="field">
            {exemptions?.[i] && (
              <p data-testid={`aub-religious-${i}-quarters`} data-from={exemptions[i].from ?? ""} data-to={exemptions[i].to ?? ""}>
                {exemptions[i].from ? t("exemptQuarters", { from: exemptions[i].from, to: exemptions[i].to ?? t("open") }) : t("notExempt")}
              </p>
            )}
            {exemptions?.[i] && <FindingList findings={exemptions[i].findings} />}
            <button type="button" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
              {t("removeLine")}
            </button>
          </div>
        </div>
      ))}
      <p>
        <button type="button" onClick={() => setRows((rs) => [...rs, { receivedOn: "", documentationReceivedOn: "", conditionLapsedNoticeOn: "" }])} data-testid="aub-religious-add">
          {t("addApplication")}
        </button>
      </p>
    </section>
  );
}

interface Recalc {
  se: string;
  quarter: string;
  differenceOere: number;
}

/** `/aub/employers/new` (id null) and `/aub/employers/:id/edit`: CVR/SE findings (kernel ids) beside the fields. */
export function EmployerFormPage({ session, id }: { session: Session; id: string | null }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  const [form, setForm] = useState({ cvr: "", name: "", atpCovered: true, category: "" as Category | "", hasPostedStaff: "" as "" | "yes" | "no", units: "", reason: "" });
  const [detail, setDetail] = useState<EmployerDetail>();
  const sub = useSubmit();
  const { busy, findings, thrown: error } = sub;
  const [recalculated, setRecalculated] = useState<Recalc[]>();
  const [apps, setApps] = useState<AppRow[]>([]);
  useEffect(() => {
    if (id === null) return;
    get<EmployerDetail>(`${API}/employers/${encodeURIComponent(id)}`).then((d) => {
      setDetail(d);
      setApps(d.employer.religiousApplications.map(appRowOf));
      const e = d.employer;
      setForm((f) => ({ ...f, cvr: e.cvr, name: e.name, atpCovered: e.atpCovered, category: e.category ?? "", hasPostedStaff: e.hasPostedStaff === null ? "" : e.hasPostedStaff ? "yes" : "no", units: d.units.map((u) => u.se).join(", ") }));
    }, sub.setErr);
  }, [id]);
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));
  const on = (subject: string) => findings.filter((f) => f.subject === subject || (subject === "units" && (f.subject ?? "").startsWith("units.")));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRecalculated(undefined);
    const common = { name: form.name, atpCovered: form.atpCovered, category: form.category === "" ? null : form.category, hasPostedStaff: form.hasPostedStaff === "" ? null : form.hasPostedStaff === "yes" };
    await sub.run(async () => {
      if (id === null) {
        const units = form.units.split(/[,;\s]+/).filter((s) => s !== "").map((se) => ({ se }));
        const d = await post<EmployerDetail>(`${API}/employers`, { ...common, cvr: form.cvr, units, religiousApplications: apps.map(appBody) });
        navigate(`/aub/employers/${d.employer.id}`);
      } else {
        const d = await put<EmployerDetail & { recalculated: Recalc[] }>(`${API}/employers/${encodeURIComponent(id)}`, { ...common, religiousApplications: apps.map(appBody), version: detail!.employer.version, reason: form.reason });
        setDetail(d);
        setApps(d.employer.religiousApplications.map(appRowOf));
        setRecalculated(d.recalculated);
        set("reason", "");
      }
    });
  };
  return (
    <div className="page">
      <p>
        <Link to={id === null ? "/aub/employers" : `/aub/employers/${id}`}>← {t("back")}</Link>
      </p>
      <div className="page-head">
        <h1>{id === null ? t("newEmployer") : t("editEmployer")}</h1>
      </div>
      <ProblemBanner error={error} />
      {recalculated && (
        <Banner kind="success" title={t("saved")} testid="aub-employer-saved">
          {recalculated.length > 0 && (
            <>
              <p>{t("recalculated")}</p>
              <ul data-testid="aub-recalculated">
                {recalculated.map((r) => (
                  <li key={`${r.se}-${r.quarter}`}>
                    {r.quarter} SE {r.se}: {t("difference")} {money(r.differenceOere, lang)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Banner>
      )}
      {id !== null && !detail && !error ? (
        <Spinner />
      ) : (
        <form onSubmit={submit} data-testid="aub-employer-form">
          <fieldset className="card" disabled={!session.canWrite || busy}>
            <div className="grid">
              <Field name="cvr" label={t("cvr")} findings={on("cvr")}>
                {({ id: fid, describedBy, invalid }) => <input id={fid} value={form.cvr} readOnly={id !== null} onChange={(e) => set("cvr", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-employer-cvr" />}
              </Field>
              <Field name="name" label={t("name")} findings={on("name")}>
                {({ id: fid, describedBy, invalid }) => <input id={fid} value={form.name} onChange={(e) => set("name", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-employer-name-input" />}
              </Field>
              <Field name="atpCovered" label={t("atpCovered")} findings={on("atpCovered")}>
                {({ id: fid }) => <input id={fid} type="checkbox" checked={form.atpCovered} onChange={(e) => set("atpCovered", e.target.checked)} />}
              </Field>
              <Field name="category" label={t("category")} findings={on("category")}>
                {({ id: fid }) => (
                  <select id={fid} value={form.category} onChange={(e) => set("category", e.target.value as Category | "")} data-testid="aub-employer-category">
                    <option value="">{t("none")}</option>
                    {CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {t(c)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="hasPostedStaff" label={t("hasPostedStaff")} findings={on("hasPostedStaff")}>
                {({ id: fid }) => (
                  <select id={fid} value={form.hasPostedStaff} onChange={(e) => set("hasPostedStaff", e.target.value as "" | "yes" | "no")}>
                    <option value="">{t("unknown")}</option>
                    <option value="yes">{t("yes")}</option>
                    <option value="no">{t("no")}</option>
                  </select>
                )}
              </Field>
              <Field name="units" label={t("units")} findings={on("units")} wide>
                {({ id: fid, describedBy, invalid }) => <input id={fid} value={form.units} readOnly={id !== null} onChange={(e) => set("units", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-employer-units" />}
              </Field>
            </div>
            {(form.category === "religious-community" || apps.length > 0) && <ReligiousApplications rows={apps} setRows={setApps} findings={findings} exemptions={detail?.religiousExemptions} />}
            <div className="grid">
              {id !== null && (
                <Field name="reason" label={t("reason")} findings={on("reason")} wide>
                  {({ id: fid, describedBy, invalid }) => <input id={fid} value={form.reason} onChange={(e) => set("reason", e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-employer-reason" />}
                </Field>
              )}
            </div>
            <p>
              <button type="submit" data-testid="aub-employer-save">
                {t("save")}
              </button>
            </p>
          </fieldset>
        </form>
      )}
    </div>
  );
}

/** Adds an ATP-reporting unit (SE, § 3, stk. 3) to an existing employer; a bad or taken SE is refused beside the field. */
export function AddUnitForm({ employerId, session, onAdded }: { employerId: string; session: Session; onAdded: () => void }) {
  const t = useTexts(TEXTS);
  const [se, setSe] = useState("");
  const [name, setName] = useState("");
  const sub = useSubmit();
  const { busy, findings, thrown: error } = sub;
  const [added, setAdded] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(false);
    await sub.run(async () => {
      await post(`${API}/employers/${encodeURIComponent(employerId)}/units`, { se, name: name.trim() || null });
      setAdded(true);
      setSe("");
      setName("");
      onAdded();
    });
  };
  if (!session.canWrite) return null;
  return (
    <form onSubmit={submit} data-testid="aub-unit-form">
      <h3>{t("addUnit")}</h3>
      {added && <Banner kind="success" title={t("unitAdded")} testid="aub-unit-added" />}
      <ProblemBanner error={error} />
      <fieldset disabled={busy}>
        <div className="grid">
          <Field name="se" label={t("se")} findings={findings.filter((f) => f.subject === "se")}>
            {({ id, describedBy, invalid }) => <input id={id} value={se} onChange={(e) => setSe(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-unit-se" />}
          </Field>
          <Field name="unitName" label={t("unitName")} findings={[]}>
            {({ id }) => <input id={id} value={name} onChange={(e) => setName(e.target.value)} data-testid="aub-unit-name" />}
          </Field>
        </div>
        <p>
          <button type="submit" data-testid="aub-unit-add">
            {t("add")}
          </button>
        </p>
      </fieldset>
    </form>
  );
}

// ---------------------------------------------------------------------------------------------------- school weeks

interface Line {
  cpr: string;
  education: string;
  speciality: string;
  part: "" | "grundforloeb" | "hovedforloeb";
  supplementary: boolean;
  weeks: string;
  from: string;
  to: string;
}

const EMPTY_LINE: Line = { cpr: "", education: "", speciality: "", part: "", supplementary: true, weeks: "", from: "", to: "" };

/** `/aub/school-weeks`: an institution's report of eligible school weeks (§ 9), all or nothing (findings per line). */
export function SchoolWeeksPage({ session }: { session: Session }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  const [school, setSchool] = useState("");
  const [receivedOn, setReceivedOn] = useState("");
  const [lines, setLines] = useState<Line[]>([{ ...EMPTY_LINE }]);
  const sub = useSubmit();
  const { busy, findings, thrown: error } = sub;
  const [done, setDone] = useState<{ lines: number; weeks: number; amountOere: number }>();
  const lineFindings = (i: number) => findings.filter((f) => (f.subject ?? "").startsWith(`lines[${i}]`));
  const other = findings.filter((f) => !(f.subject ?? "").startsWith("lines["));
  const setLine = (i: number, patch: Partial<Line>) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    await sub.run(async () => {
      const body = {
        school,
        receivedOn,
        lines: lines.map((l) => ({
          cpr: l.cpr.trim() || null,
          education: l.education.trim() || null,
          speciality: l.speciality.trim() || null,
          part: l.part === "" ? null : l.part,
          supplementaryStudyPreparatory: l.supplementary,
          weeks: Number(l.weeks.trim() === "" ? Number.NaN : l.weeks),
          from: l.from,
          to: l.to,
        })),
      };
      setDone(await post<{ lines: number; weeks: number; amountOere: number }>(`${API}/school-weeks`, body));
    });
  };
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("schoolWeeks")}</h1>
      </div>
      <p className="hint">{t("allOrNothing")}</p>
      <ProblemBanner error={error} />
      {done && <Banner kind="success" title={t("reported", { lines: String(done.lines), weeks: String(done.weeks), amount: money(done.amountOere, lang) })} testid="aub-school-weeks-saved" />}
      <form onSubmit={submit} data-testid="aub-school-weeks-form">
        <fieldset className="card" disabled={!session.canWrite || busy}>
          <div className="grid">
            <Field name="school" label={t("school")} findings={other.filter((f) => f.subject === "school")}>
              {({ id, describedBy, invalid }) => <input id={id} value={school} onChange={(e) => setSchool(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-sw-school" />}
            </Field>
            <Field name="receivedOn" label={t("receivedOn")} findings={other.filter((f) => f.subject === "receivedOn")}>
              {({ id, describedBy, invalid }) => <input id={id} type="date" value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} aria-describedby={describedBy} aria-invalid={invalid} data-testid="aub-sw-received" />}
            </Field>
          </div>
          <FindingList findings={other.filter((f) => f.subject !== "school" && f.subject !== "receivedOn")} />
          <h2>{t("lines")}</h2>
          <div className="table-scroll">
            <table className="table" data-testid="aub-sw-lines">
              <thead>
                <tr>
                  <th>{t("cpr")}</th>
                  <th>{t("education")}</th>
                  <th>{t("speciality")}</th>
                  <th>{t("part")}</th>
                  <th>{t("supplementary")}</th>
                  <th>{t("weeks")}</th>
                  <th>{t("from")}</th>
                  <th>{t("to")}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {lines.map((l, i) => (
                  <tr key={i} data-testid="aub-sw-line">
                    <td>
                      <input aria-label={`${t("cpr")} ${i + 1}`} value={l.cpr} onChange={(e) => setLine(i, { cpr: e.target.value })} size={11} />
                    </td>
                    <td>
                      <input aria-label={`${t("education")} ${i + 1}`} value={l.education} onChange={(e) => setLine(i, { education: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={`${t("speciality")} ${i + 1}`} value={l.speciality} onChange={(e) => setLine(i, { speciality: e.target.value })} />
                    </td>
                    <td>
                      <select aria-label={`${t("part")} ${i + 1}`} value={l.part} onChange={(e) => setLine(i, { part: e.target.value as Line["part"] })}>
                        <option value="">—</option>
                        <option value="grundforloeb">{t("grundforloeb")}</option>
                        <option value="hovedforloeb">{t("hovedforloeb")}</option>
                      </select>
                    </td>
                    <td>
                      <input aria-label={`${t("supplementary")} ${i + 1}`} type="checkbox" checked={l.supplementary} onChange={(e) => setLine(i, { supplementary: e.target.checked })} />
                    </td>
                    <td>
                      <input aria-label={`${t("weeks")} ${i + 1}`} inputMode="numeric" value={l.weeks} onChange={(e) => setLine(i, { weeks: e.target.value })} size={4} />
                    </td>
                    <td>
                      <input aria-label={`${t("from")} ${i + 1}`} type="date" value={l.from} onChange={(e) => setLine(i, { from: e.target.value })} />
                    </td>
                    <td>
                      <input aria-label={`${t("to")} ${i + 1}`} type="date" value={l.to} onChange={(e) => setLine(i, { to: e.target.value })} />
                      <FindingList findings={lineFindings(i)} testid={`aub-sw-findings-${i}`} />
                    </td>
                    <td>
                      {lines.length > 1 && (
                        <button type="button" onClick={() => setLines((ls) => ls.filter((_, j) => j !== i))}>
                          {t("removeLine")}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="button" onClick={() => setLines((ls) => [...ls, { ...EMPTY_LINE }])} data-testid="aub-sw-add-line">
              {t("addLine")}
            </button>{" "}
            <button type="submit" data-testid="aub-sw-submit">
              {t("report")}
            </button>
          </p>
        </fieldset>
      </form>
    </div>
  );
}

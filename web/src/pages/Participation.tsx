/**
 * One course participation: the form (new and edit) with every field of ParticipationInput, findings beside the field
 * they concern (checked live through POST /api/amu/check), the group decision and its reasons, history and retakes.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import {
  ApiError,
  get,
  post,
  put,
  type AmuGoal,
  type CheckResult,
  type EmergencyTeaching,
  type Finding,
  type GroupDecision,
  type Participation as P,
  type ParticipationDetail,
  type ParticipationInput,
  type ParticipationStatus,
} from "../api.ts";
import type { Session } from "../App.tsx";
import { Banner, CountBadges, Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { CATEGORIES, categoryText, formatDate, formatDateTime, pick, useI18n, type TextKey } from "../i18n.tsx";
import { Link, navigate } from "../router.tsx";
import { useSubmit } from "../forms.ts";
import { useGoals } from "./Participations.tsx";

const EMPTY: ParticipationInput = {
  cpr: "",
  fagkode: "",
  startDate: "",
  endDate: null,
  status: "ended",
  outsourcedTo: null,
  euEfteruddannelse: false,
  industryCertificate: false,
  emergencyTeaching: "none",
  forloebId: null,
  subCourses: [],
  resultatProevebelagt: null,
  resultatIkkeProevebelagt: null,
  ejRelevant: false,
  ikvCompetenceFagkoder: [],
  writtenTaken: null,
  oralTaken: null,
  industryCertificateObtained: null,
};

const INPUT_KEYS = Object.keys(EMPTY) as (keyof ParticipationInput)[];

function toInput(p: P): ParticipationInput {
  const out = { ...EMPTY } as Record<string, unknown>;
  for (const k of INPUT_KEYS) if (p[k] !== undefined) out[k] = p[k];
  return out as unknown as ParticipationInput;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The form field a finding concerns: "subCourses.0.endDate" → "subCourses", "retakes[1].date" → "retakes". */
export function fieldOf(subject: string | undefined): string | undefined {
  if (!subject) return undefined;
  return subject.split(/[.[\s:]/)[0];
}

/** Subjects shown beside a form field (or, for retakes, in the retakes panel); any other finding is shown on top. */
const FIELD_NAMES = new Set<string>([...INPUT_KEYS, "reason", "retakes"]);

/** Normalises the group as the server sends it: a Decision `{ value, because }` or a bare 1 | 2 | null. */
function asDecision(g: unknown): GroupDecision {
  if (g && typeof g === "object" && "value" in g) return g as GroupDecision;
  return { value: g === 1 || g === 2 ? g : null, because: [] };
}

export function ParticipationPage({ session, id }: { session: Session; id: string | null }) {
  const { t, lang } = useI18n();
  const goals = useGoals();
  const canWrite = session.canWrite;
  const isNew = id === null;

  const [detail, setDetail] = useState<ParticipationDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [base, setBase] = useState<ParticipationInput>(EMPTY);
  const [input, setInput] = useState<ParticipationInput>(EMPTY);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const edited = useRef(false);

  const load = useCallback(async (): Promise<ParticipationDetail | null> => {
    if (id === null) return null;
    try {
      const d = await get<ParticipationDetail>(`/api/amu/participations/${encodeURIComponent(id)}`);
      return { ...d, group: asDecision(d.group) };
    } catch (e) {
      setLoadError(e);
      return null;
    }
  }, [id]);

  useEffect(() => {
    void load().then((d) => {
      if (!d) return;
      setDetail(d);
      const i = toInput(d.participation);
      setBase(i);
      setInput(i);
    });
  }, [load]);

  // Live check as the user edits (debounced; the answer to a superseded request is dropped).
  useEffect(() => {
    if (!canWrite || !edited.current) return;
    const ac = new AbortController();
    const h = window.setTimeout(() => {
      setChecking(true);
      post<CheckResult>("/api/amu/check", input, ac.signal)
        .then((r) => {
          setCheck({ group: asDecision(r.group), findings: r.findings ?? [] });
          setCheckError(false);
        })
        .catch((e: unknown) => {
          if ((e as Error).name === "AbortError") return;
          if (e instanceof ApiError && e.findings.length > 0) {
            // Malformed input (400) or a rule refusal (422): the findings name the fields.
            setCheck((prev) => ({ group: prev?.group ?? detail?.group ?? { value: null, because: [] }, findings: e.findings }));
            setCheckError(false);
          } else setCheckError(true);
        })
        .finally(() => {
          if (!ac.signal.aborted) setChecking(false);
        });
    }, 250);
    return () => {
      window.clearTimeout(h);
      ac.abort();
    };
  }, [input]);

  const update = <K extends keyof ParticipationInput>(k: K, v: ParticipationInput[K]) => {
    edited.current = true;
    setNotice(null);
    setSaveError(null);
    setInput((prev) => ({ ...prev, [k]: v }));
  };

  const findings: Finding[] = saveError?.findings.length ? saveError.findings : (check?.findings ?? detail?.findings ?? []);
  const group: GroupDecision = check?.group ?? detail?.group ?? { value: null, because: [] };
  const bySubject = (name: string) => findings.filter((f) => fieldOf(f.subject) === name);
  const general = findings.filter((f) => !FIELD_NAMES.has(fieldOf(f.subject) ?? ""));
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const goal: AmuGoal | undefined = goals.find((g) => g.fagkode === input.fagkode);
  const isIkv = input.fagkode === "40080" || input.fagkode === "40081";

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!canWrite || saving) return;
    if (!isNew && !reason.trim()) {
      setReasonMissing(true);
      document.getElementById("reason")?.focus();
      return;
    }
    setSaving(true);
    setSaveError(null);
    setNotice(null);
    try {
      if (isNew) {
        const d = await post<ParticipationDetail>("/api/amu/participations", input);
        navigate(`/amu/participations/${encodeURIComponent(d.participation.id)}`, { replace: true });
        return;
      }
      const d = await put<ParticipationDetail>(`/api/amu/participations/${encodeURIComponent(id)}`, {
        ...input,
        version: detail?.participation.version,
        reason: reason.trim(),
      });
      const nd = { ...d, group: asDecision(d.group) };
      const i = toInput(nd.participation);
      setDetail(nd);
      setBase(i);
      setInput(i);
      setCheck(null);
      edited.current = false;
      setReason("");
      setReasonMissing(false);
      setNotice(t("form.saved", { version: nd.participation.version }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      else if (err instanceof ApiError) setSaveError(err);
      else setSaveError(new ApiError(0, { status: 0, detail: String((err as Error).message) }));
    } finally {
      setSaving(false);
    }
  };

  /** After a 409: load the newer version and keep every field the user changed (a three-way merge per field). */
  const reloadAfterConflict = async () => {
    const d = await load();
    if (!d) return;
    const theirs = toInput(d.participation);
    const merged = { ...theirs } as Record<string, unknown>;
    const kept: string[] = [];
    for (const k of INPUT_KEYS) {
      if (!same(input[k], base[k])) {
        merged[k] = input[k];
        kept.push(k);
      }
    }
    setDetail(d);
    setBase(theirs);
    setInput(merged as unknown as ParticipationInput);
    setConflict(false);
    edited.current = true;
    setNotice(
      kept.length
        ? t("form.conflict.merged", { version: d.participation.version, fields: kept.map((k) => fieldLabel(k, t)).join(", ") })
        : t("form.conflict.mergedNone", { version: d.participation.version }),
    );
  };

  // Ctrl+S / Cmd+S saves.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
        e.preventDefault();
        formRef.current?.requestSubmit();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (loadError) return <ProblemBanner error={loadError} />;
  if (!isNew && !detail) return <Spinner />;

  const disabled = !canWrite;
  const title = isNew ? t("form.newTitle") : t("form.editTitle", { fagkode: `${detail!.participation.fagkode}${goal ? ` · ${goal.title}` : ""}` });

  return (
    <>
      <p className="crumbs">
        <Link to="/amu/participations">← {t("form.back")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="participation-title">{title}</h1>
        <span className="head-status" aria-live="polite" data-testid="check-status" data-checking={checking ? "yes" : "no"}>
          {checking ? t("form.checking") : checkError ? t("form.checkFailed") : <CountBadges errors={errors} warnings={warnings} />}
        </span>
      </div>

      {!canWrite && (
        <Banner kind="info" testid="readonly-note">
          {t("form.readonly")}
        </Banner>
      )}
      {conflict && (
        <Banner kind="warning" title={t("form.conflict.title")} testid="conflict">
          <p>{t("form.conflict.body")}</p>
          <button type="button" onClick={() => void reloadAfterConflict()} data-testid="conflict-reload">
            {t("form.conflict.reload")}
          </button>
        </Banner>
      )}
      {notice && (
        <Banner kind="success" testid="notice">
          {notice}
        </Banner>
      )}
      {saveError && (
        <Banner kind="error" title={t("form.rejected")} testid="save-error">
          <p>{saveError.message}</p>
        </Banner>
      )}

      <div className="two-col">
        <form ref={formRef} className="participation-form" onSubmit={(e) => void submit(e)} noValidate data-testid="participation-form" aria-describedby="form-general">
          {general.length > 0 && (
            <section className="card general-findings" aria-labelledby="general-h">
              <h2 id="general-h">{t("form.general")}</h2>
              <FindingList findings={general} id="form-general" testid="findings-general" />
            </section>
          )}

          <fieldset className="card" disabled={disabled}>
            <legend>{t("form.section.person")}</legend>
            <div className="grid">
              <Field name="cpr" label={t("form.cpr")} hint={t("form.cpr.hint")} findings={bySubject("cpr")}>
                {(a) => (
                  <input
                    id={a.id}
                    aria-describedby={a.describedBy}
                    aria-invalid={a.invalid}
                    className="mono"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={11}
                    value={input.cpr}
                    onChange={(e) => update("cpr", e.target.value.replace(/[^0-9]/g, ""))}
                    data-testid="input-cpr"
                  />
                )}
              </Field>
              <Field name="fagkode" label={t("form.fagkode")} findings={bySubject("fagkode")} wide>
                {(a) => (
                  <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={input.fagkode} onChange={(e) => update("fagkode", e.target.value)} data-testid="input-fagkode">
                    <option value="">{t("form.fagkode.choose")}</option>
                    {input.fagkode && !goal && <option value={input.fagkode}>{input.fagkode}</option>}
                    {goals.map((g) => (
                      <option key={g.fagkode} value={g.fagkode}>
                        {g.fagkode} · {g.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="startDate" label={t("form.startDate")} findings={bySubject("startDate")}>
                {(a) => (
                  <input id={a.id} type="date" aria-describedby={a.describedBy} aria-invalid={a.invalid} value={input.startDate} onChange={(e) => update("startDate", e.target.value)} data-testid="input-startDate" />
                )}
              </Field>
              <Field name="endDate" label={t("form.endDate")} findings={bySubject("endDate")}>
                {(a) => (
                  <input id={a.id} type="date" aria-describedby={a.describedBy} aria-invalid={a.invalid} value={input.endDate ?? ""} onChange={(e) => update("endDate", e.target.value || null)} data-testid="input-endDate" />
                )}
              </Field>
              <Field name="status" label={t("form.status")} findings={bySubject("status")}>
                {(a) => (
                  <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={input.status} onChange={(e) => update("status", e.target.value as ParticipationStatus)} data-testid="input-status">
                    {(["ended", "not-ended", "never-held"] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(`status.${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field name="outsourcedTo" label={t("form.outsourcedTo")} hint={t("form.outsourcedTo.hint")} findings={bySubject("outsourcedTo")}>
                {(a) => (
                  <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={input.outsourcedTo ?? ""} onChange={(e) => update("outsourcedTo", e.target.value || null)} data-testid="input-outsourcedTo" />
                )}
              </Field>
            </div>
          </fieldset>

          <fieldset className="card result-card" disabled={disabled}>
            <legend>{t("form.section.result")}</legend>
            <div className="grid">
              {(["resultatProevebelagt", "resultatIkkeProevebelagt"] as const).map((field) => {
                const fieldGroup = field === "resultatProevebelagt" ? 1 : 2;
                const other = group.value !== null && group.value !== fieldGroup;
                return (
                  <Field key={field} name={field} label={t(`form.${field}`)} hint={other ? t("form.result.notThisGroup", { group: group.value ?? "" }) : undefined} findings={bySubject(field)} wide>
                    {(a) => (
                      <select
                        id={a.id}
                        aria-describedby={a.describedBy}
                        aria-invalid={a.invalid}
                        className={other ? "dim" : ""}
                        value={input[field] ?? ""}
                        onChange={(e) => update(field, e.target.value ? Number(e.target.value) : null)}
                        data-testid={`input-${field}`}
                      >
                        <option value="">{t("form.result.none")}</option>
                        {Object.entries(CATEGORIES[field]).map(([code, c]) => (
                          <option key={code} value={code}>
                            {code}) {pick(c, lang)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                );
              })}
            </div>
            {(goal?.writtenAndOral || input.writtenTaken != null || input.oralTaken != null) && (
              <div className="grid">
                <TriState name="writtenTaken" label={t("form.writtenTaken")} value={input.writtenTaken} onChange={(v) => update("writtenTaken", v)} findings={bySubject("writtenTaken")} />
                <TriState name="oralTaken" label={t("form.oralTaken")} value={input.oralTaken} onChange={(v) => update("oralTaken", v)} findings={bySubject("oralTaken")} />
              </div>
            )}
            <Check name="ejRelevant" label={t("form.ejRelevant")} checked={input.ejRelevant} onChange={(v) => update("ejRelevant", v)} findings={bySubject("ejRelevant")} />
            {(isIkv || input.ikvCompetenceFagkoder.length > 0) && (
              <IkvFagkoder goals={goals} value={input.ikvCompetenceFagkoder} onChange={(v) => update("ikvCompetenceFagkoder", v)} findings={bySubject("ikvCompetenceFagkoder")} />
            )}
          </fieldset>

          <fieldset className="card" disabled={disabled}>
            <legend>{t("form.section.course")}</legend>
            <div className="grid">
              <Field name="forloebId" label={t("form.forloebId")} hint={t("form.forloebId.hint")} findings={bySubject("forloebId")}>
                {(a) => (
                  <input id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={input.forloebId ?? ""} onChange={(e) => update("forloebId", e.target.value || null)} data-testid="input-forloebId" />
                )}
              </Field>
            </div>
            <SubCourses value={input.subCourses} onChange={(v) => update("subCourses", v)} findings={bySubject("subCourses")} />
          </fieldset>

          <fieldset className="card" disabled={disabled}>
            <legend>{t("form.section.special")}</legend>
            <Check name="euEfteruddannelse" label={t("form.euEfteruddannelse")} checked={input.euEfteruddannelse} onChange={(v) => update("euEfteruddannelse", v)} findings={bySubject("euEfteruddannelse")} />
            <Check name="industryCertificate" label={t("form.industryCertificate")} checked={input.industryCertificate} onChange={(v) => update("industryCertificate", v)} findings={bySubject("industryCertificate")} />
            {(input.industryCertificate || input.industryCertificateObtained != null) && (
              <div className="grid indent">
                <TriState
                  name="industryCertificateObtained"
                  label={t("form.industryCertificateObtained")}
                  value={input.industryCertificateObtained}
                  onChange={(v) => update("industryCertificateObtained", v)}
                  findings={bySubject("industryCertificateObtained")}
                />
              </div>
            )}
            <div className="grid">
              <Field name="emergencyTeaching" label={t("form.emergencyTeaching")} findings={bySubject("emergencyTeaching")} wide>
                {(a) => (
                  <select id={a.id} aria-describedby={a.describedBy} aria-invalid={a.invalid} value={input.emergencyTeaching} onChange={(e) => update("emergencyTeaching", e.target.value as EmergencyTeaching)} data-testid="input-emergencyTeaching">
                    {(["none", "exam-omitted", "exam-postponed"] as const).map((s) => (
                      <option key={s} value={s}>
                        {t(`emergency.${s}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          </fieldset>

          {canWrite && (
            <div className="card save-bar">
              {!isNew && (
                <Field name="reason" label={t("form.reason")} hint={t("form.reason.hint")} findings={bySubject("reason")} wide>
                  {(a) => (
                    <>
                      <textarea
                        id="reason"
                        aria-describedby={a.describedBy}
                        aria-invalid={reasonMissing}
                        aria-required="true"
                        rows={2}
                        value={reason}
                        onChange={(e) => {
                          setReason(e.target.value);
                          if (e.target.value.trim()) setReasonMissing(false);
                        }}
                        data-testid="input-reason"
                      />
                      {reasonMissing && (
                        <p className="field-error" role="alert" data-testid="reason-missing">
                          {t("form.reason.missing")}
                        </p>
                      )}
                    </>
                  )}
                </Field>
              )}
              <div className="save-row">
                <button type="submit" className="primary" disabled={saving} data-testid="save">
                  {saving ? t("form.saving") : isNew ? t("form.create") : t("form.save")}
                </button>
                <span className="muted small">{t("form.shortcut")}</span>
              </div>
            </div>
          )}
        </form>

        <aside className="side">
          <DecisionPanel group={group} />
          {findings.length === 0 && (detail || edited.current) && (
            <Banner kind="success" testid="no-findings">
              {t("form.noFindings")}
            </Banner>
          )}
          {detail && <Retakes detail={detail} findings={bySubject("retakes")} canWrite={canWrite} goal={goal} group={group.value} onChanged={(d) => setDetail({ ...d, group: asDecision(d.group) })} />}
          {detail && <History detail={detail} />}
        </aside>
      </div>
    </>
  );
}

function fieldLabel(k: string, t: (k: TextKey) => string): string {
  const key = `form.${k}` as TextKey;
  return t(key) === key ? k : t(key);
}

/** Yes / no / not recorded. */
function TriState(props: { name: string; label: string; value: boolean | null | undefined; onChange: (v: boolean | null) => void; findings: Finding[] }) {
  const { t } = useI18n();
  return (
    <Field name={props.name} label={props.label} findings={props.findings}>
      {(a) => (
        <select
          id={a.id}
          aria-describedby={a.describedBy}
          aria-invalid={a.invalid}
          value={props.value == null ? "" : props.value ? "yes" : "no"}
          onChange={(e) => props.onChange(e.target.value === "" ? null : e.target.value === "yes")}
          data-testid={`input-${props.name}`}
        >
          <option value="">{t("form.notRecorded")}</option>
          <option value="yes">{t("retakes.yes")}</option>
          <option value="no">{t("retakes.no")}</option>
        </select>
      )}
    </Field>
  );
}

function Check(props: { name: string; label: string; checked: boolean; onChange: (v: boolean) => void; findings: Finding[] }) {
  const id = `chk-${props.name}`;
  return (
    <div className={`field check ${props.findings.some((f) => f.severity === "error") ? "field-error" : ""}`} data-testid={`field-${props.name}`}>
      <label htmlFor={id}>
        <input id={id} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} aria-describedby={props.findings.length ? `${id}-f` : undefined} data-testid={`input-${props.name}`} />
        {props.label}
      </label>
      <FindingList findings={props.findings} id={`${id}-f`} testid={`findings-${props.name}`} />
    </div>
  );
}

function SubCourses({ value, onChange, findings }: { value: ParticipationInput["subCourses"]; onChange: (v: ParticipationInput["subCourses"]) => void; findings: Finding[] }) {
  const { t } = useI18n();
  const set = (i: number, k: "startDate" | "endDate", v: string) => onChange(value.map((s, j) => (j === i ? { ...s, [k]: k === "endDate" ? v || null : v } : s)));
  return (
    <div className="subcourses" data-testid="field-subCourses" role="group" aria-labelledby="sub-h">
      <h3 id="sub-h">{t("form.subCourses")}</h3>
      <p className="hint">{t("form.subCourses.hint")}</p>
      {value.length === 0 && <p className="muted small">{t("form.subCourses.none")}</p>}
      {value.map((s, i) => (
        <div className="sub-row" key={i}>
          <label>
            <span>{t("form.subCourse.start", { n: i + 1 })}</span>
            <input type="date" value={s.startDate} onChange={(e) => set(i, "startDate", e.target.value)} />
          </label>
          <label>
            <span>{t("form.subCourse.end", { n: i + 1 })}</span>
            <input type="date" value={s.endDate ?? ""} onChange={(e) => set(i, "endDate", e.target.value)} />
          </label>
          <button type="button" className="ghost" onClick={() => onChange(value.filter((_, j) => j !== i))} aria-label={t("form.subCourses.remove", { n: i + 1 })}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...value, { startDate: "", endDate: null }])}>
        + {t("form.subCourses.add")}
      </button>
      <FindingList findings={findings} testid="findings-subCourses" />
    </div>
  );
}

function IkvFagkoder({ goals, value, onChange, findings }: { goals: AmuGoal[]; value: string[]; onChange: (v: string[]) => void; findings: Finding[] }) {
  const { t } = useI18n();
  const options = goals.filter((g) => g.fagkode !== "40080" && g.fagkode !== "40081");
  const extra = value.filter((v) => !options.some((g) => g.fagkode === v));
  const toggle = (f: string, on: boolean) => onChange(on ? [...value, f] : value.filter((x) => x !== f));
  return (
    <fieldset className="ikv" data-testid="field-ikvCompetenceFagkoder">
      <legend>{t("form.ikvCompetenceFagkoder")}</legend>
      <p className="hint">{t("form.ikvCompetenceFagkoder.hint")}</p>
      <div className="ikv-list">
        {[...extra.map((f) => ({ fagkode: f, title: "" })), ...options].map((g) => (
          <label key={g.fagkode}>
            <input type="checkbox" checked={value.includes(g.fagkode)} onChange={(e) => toggle(g.fagkode, e.target.checked)} data-testid="ikv-fagkode" data-fagkode={g.fagkode} />{" "}
            <span className="mono">{g.fagkode}</span> {g.title}
          </label>
        ))}
      </div>
      <FindingList findings={findings} testid="findings-ikvCompetenceFagkoder" />
    </fieldset>
  );
}

function DecisionPanel({ group }: { group: GroupDecision }) {
  const { t } = useI18n();
  return (
    <section className={`card decision decision-${group.value ?? "none"}`} aria-labelledby="decision-h" data-testid="group-decision" data-group={group.value ?? ""}>
      <h2 id="decision-h">{t("decision.title")}</h2>
      <p className="decision-value">{group.value === null ? t("decision.none") : t(`group.${group.value}`)}</p>
      {group.because.length > 0 && (
        <>
          <h3 className="small-h">{t("decision.because")}</h3>
          <FindingList findings={group.because} testid="group-because" />
        </>
      )}
    </section>
  );
}

function History({ detail }: { detail: ParticipationDetail }) {
  const { t, lang } = useI18n();
  const rows = [...detail.history].sort((a, b) => b.version - a.version);
  return (
    <section className="card" aria-labelledby="history-h" data-testid="history">
      <h2 id="history-h">{t("history.title")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("history.empty")}</p>
      ) : (
        <ol className="timeline">
          {rows.map((h) => (
            <li key={h.version} data-testid="history-entry" data-version={h.version}>
              <span className="tl-version">v{h.version}</span>
              <span className="tl-body">
                <span className="tl-meta">
                  {formatDateTime(h.recordedAt, lang)} · {h.recordedBy}
                </span>
                <span className="tl-reason">{h.reason || t("history.created")}</span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Retakes(props: { detail: ParticipationDetail; findings: Finding[]; canWrite: boolean; goal: AmuGoal | undefined; group: 1 | 2 | null; onChanged: (d: ParticipationDetail) => void }) {
  const { t, lang } = useI18n();
  const p = props.detail.participation;
  const field = props.group === 2 ? "resultatIkkeProevebelagt" : "resultatProevebelagt";
  const [date, setDate] = useState("");
  const [result, setResult] = useState("");
  const [written, setWritten] = useState(true);
  const [oral, setOral] = useState(true);
  const sub = useSubmit();
  const { busy, thrown: error } = sub;
  const [done, setDone] = useState(false);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    await sub.run(async () => {
      const body: Record<string, unknown> = { version: p.version, date, [field]: result ? Number(result) : null };
      if (props.goal?.writtenAndOral) {
        body.writtenTaken = written;
        body.oralTaken = oral;
      }
      const d = await post<ParticipationDetail>(`/api/amu/participations/${encodeURIComponent(p.id)}/retakes`, body);
      props.onChanged(d);
      setDate("");
      setResult("");
      setDone(true);
    });
  };

  const yn = (v: boolean | undefined) => (v === undefined ? t("retakes.unknown") : v ? t("retakes.yes") : t("retakes.no"));
  const resultOf = (a: P["retakes"][number]): ReactNode =>
    a.resultatProevebelagt != null
      ? categoryText("resultatProevebelagt", a.resultatProevebelagt, lang)
      : a.resultatIkkeProevebelagt != null
        ? categoryText("resultatIkkeProevebelagt", a.resultatIkkeProevebelagt, lang)
        : "—";

  return (
    <section className="card" aria-labelledby="retakes-h" data-testid="retakes">
      <h2 id="retakes-h">{t("retakes.title")}</h2>
      <p className="hint">{t("retakes.intro")}</p>
      <FindingList findings={props.findings} testid="findings-retakes" />
      {p.retakes.length === 0 ? (
        <p className="muted small">{t("retakes.empty")}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">{t("retakes.seq")}</th>
              <th scope="col">{t("retakes.date")}</th>
              <th scope="col">{t("retakes.result")}</th>
              {props.goal?.writtenAndOral && <th scope="col">{t("retakes.written")}</th>}
              {props.goal?.writtenAndOral && <th scope="col">{t("retakes.oral")}</th>}
            </tr>
          </thead>
          <tbody>
            {p.retakes.map((a) => (
              <tr key={a.seq} data-testid="retake-row">
                <td>{a.seq}</td>
                <td className="nowrap">{formatDate(a.date, lang)}</td>
                <td>{resultOf(a)}</td>
                {props.goal?.writtenAndOral && <td>{yn(a.writtenTaken)}</td>}
                {props.goal?.writtenAndOral && <td>{yn(a.oralTaken)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.canWrite && (
        <form className="retake-form" onSubmit={(e) => void add(e)} data-testid="retake-form">
          <div className="field">
            <label htmlFor="retake-date">{t("retakes.date")}</label>
            <input id="retake-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="retake-result">{t(`form.${field}`)}</label>
            <select id="retake-result" value={result} onChange={(e) => setResult(e.target.value)}>
              <option value="">{t("form.result.none")}</option>
              {Object.entries(CATEGORIES[field]).map(([code, c]) => (
                <option key={code} value={code}>
                  {code}) {pick(c, lang)}
                </option>
              ))}
            </select>
          </div>
          {props.goal?.writtenAndOral && (
            <div className="field check-row">
              <label>
                <input type="checkbox" checked={written} onChange={(e) => setWritten(e.target.checked)} /> {t("retakes.written")}
              </label>
              <label>
                <input type="checkbox" checked={oral} onChange={(e) => setOral(e.target.checked)} /> {t("retakes.oral")}
              </label>
            </div>
          )}
          <button type="submit" className="secondary" disabled={busy || !date} data-testid="retake-add">
            {t("retakes.add")}
          </button>
          {done && (
            <p className="small ok-text" role="status">
              {t("retakes.added")}
            </p>
          )}
          <ProblemBanner error={error} />
        </form>
      )}
    </section>
  );
}

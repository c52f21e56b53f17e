/**
 * Complaints about the institution's other decisions (§ 55, seed 002): access and registration (§ 7, stk. 3),
 * exclusion (§ 17), special conditions (§ 19), expulsion (§ 20), § 45 decisions, legal questions, and the leader's
 * rejection of a grade complaint (§ 49, stk. 1). The list shows each case with its next deadline; the open form files
 * the complaint (2 weeks from the notification, § 55, stk. 2 — a late one is refused and nothing is saved); the case
 * page shows the state, the deadline clock as of a chosen date, the next steps the state machine allows (the
 * statement with the 1-week comment week, forwarding refused before it, § 55, stk. 3; suspensive effect, stk. 4), the
 * history with its findings, and the letters. API: /api/eksamen/appeals (src/rulebooks/dk-eksamen/API.md).
 */
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import type { Session } from "../App.tsx";
import { ApiError, get, post, qs, type Finding } from "../api.ts";
import { useSubmit } from "../forms.ts";
import { Banner, Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { formatDate, formatDateTime, pick, useI18n, useTexts } from "../i18n.tsx";
import { Link, navigate, useLocation } from "../router.tsx";
import { API, LEADER_ROLES, today, useLoad, type Deadline, type Examinee } from "./types.ts";

// ------------------------------------------------------------------------------------------------------ wire types

export type AppealDecisionKind = "access" | "lateness" | "special-conditions" | "expulsion" | "error-remedy" | "legal-question" | "complaint-rejection";
export type AppealRefKind = "cheating-case" | "special-conditions" | "registration" | "complaint";
export type AppealActor = "examinee" | "custody-holder" | "institution" | "ministry";
export type AppealState = "none" | "filed" | "statement-sent" | "comments-received" | "comment-deadline-passed" | "forwarded" | "decided";

export interface AppealSummary {
  id: string;
  examineeId: string;
  examineeName: string;
  decision: AppealDecisionKind;
  decisionRef: string;
  reference: { kind: AppealRefKind; id: string } | null;
  notifiedOn: string;
  filedOn: string | null;
  state: AppealState;
  suspensive: boolean;
  nextDeadline: Deadline | null;
}

interface AppealEventRow {
  seq: number;
  actor: AppealActor;
  event: { type: string; on: string; outcome?: string; statement?: string; suspensiveEffectGranted?: boolean };
  on: string;
  findings: Finding[];
  recordedAt: string;
  recordedBy: string;
}

export interface AppealView {
  id: string;
  seq: number;
  examinee: { id: string; name: string };
  decision: { kind: AppealDecisionKind; decidedOn?: string; notifiedOn: string; underCustody?: boolean; ref: string };
  reference: { kind: AppealRefKind; id: string } | null;
  description: string | null;
  case: {
    state: AppealState;
    filedBy?: "examinee" | "custody-holder";
    dates: { fileDue: string; filed?: string; statementSent?: string; commentsDue?: string; commentsReceived?: string; forwarded?: string; decided?: string };
    suspensive: boolean;
    suspendedBy?: "institution" | "ministry";
    outcome?: string;
  };
  on: string;
  deadlines: Deadline[];
  earliestForward: string | null;
  allowedEvents: { event: string; actors: AppealActor[]; ref: string }[];
  events: AppealEventRow[];
  findings: Finding[];
}

/** What GET /examinees/:id gives that can be referenced. */
interface ExamineeRefs {
  cheatingCases: { id: string; on: string; expelled: boolean; examId: string }[];
  specialConditions: { id: string; decidedOn: string; conditions: string }[];
  registrations: { id: string; registeredOn: string; subject?: { code: string }; examId: string }[];
  complaints: { id: string; state: string; subject: { code: string } }[];
}

// ----------------------------------------------------------------------------------------------------------- texts

type L = { da: string; en: string };

const KIND_LABEL: Record<AppealDecisionKind, L> = {
  access: { da: "Adgang og tilmelding til prøve", en: "Access and registration" },
  lateness: { da: "Udelukkelse (udeblivelse/forsinkelse)", en: "Exclusion (absence/lateness)" },
  "special-conditions": { da: "Særlige prøvevilkår", en: "Special exam conditions" },
  expulsion: { da: "Bortvisning fra prøven", en: "Expulsion from the exam" },
  "error-remedy": { da: "Fejl og mangler ved prøven", en: "Errors at the exam" },
  "legal-question": { da: "Retligt spørgsmål ved prøven", en: "Legal question at the exam" },
  "complaint-rejection": { da: "Afvisning af klage som åbenbart grundløs", en: "Rejection of a complaint as manifestly unfounded" },
};

/** Which stored row each kind points at (service.ts APPEAL55_REF_KIND). */
const REF_OF: Record<AppealDecisionKind, AppealRefKind | null> = {
  expulsion: "cheating-case",
  "special-conditions": "special-conditions",
  access: "registration",
  "complaint-rejection": "complaint",
  lateness: null,
  "error-remedy": null,
  "legal-question": null,
};

const STATE_LABEL: Record<AppealState, L> = {
  none: { da: "Ikke indgivet", en: "Not filed" },
  filed: { da: "Indgivet", en: "Filed" },
  "statement-sent": { da: "Udtalelse sendt til kommentering", en: "Statement sent for comments" },
  "comments-received": { da: "Kommentarer modtaget", en: "Comments received" },
  "comment-deadline-passed": { da: "Kommentarfristen er udløbet", en: "Comment deadline passed" },
  forwarded: { da: "Videresendt til ministeriet", en: "Forwarded to the ministry" },
  decided: { da: "Afgjort af ministeriet", en: "Decided by the ministry" },
};

const EVENT_LABEL: Record<string, L> = {
  file: { da: "Klage indgivet", en: "Complaint filed" },
  "send-statement": { da: "Send institutionens udtalelse", en: "Send the institution's statement" },
  "comments-received": { da: "Kommentarer modtaget", en: "Comments received" },
  "comment-deadline-passed": { da: "Kommentarfristen er udløbet", en: "Comment deadline passed" },
  forward: { da: "Videresend til ministeriet", en: "Forward to the ministry" },
  suspend: { da: "Giv opsættende virkning", en: "Grant suspensive effect" },
  decide: { da: "Ministeriets afgørelse", en: "The ministry's decision" },
};

const ACTOR: Record<AppealActor, L> = {
  examinee: { da: "Eleven/eksaminanden", en: "The examinee" },
  "custody-holder": { da: "Forældremyndighedens indehaver", en: "The custody holder" },
  institution: { da: "Institutionen", en: "The institution" },
  ministry: { da: "Ministeriet", en: "The ministry" },
};

const OUTCOME: Record<string, L> = {
  upheld: { da: "Medhold", en: "Upheld" },
  "not-upheld": { da: "Ikke medhold", en: "Not upheld" },
  dismissed: { da: "Afvist", en: "Dismissed" },
};

const DEADLINE: Record<string, L> = {
  appeal: { da: "Klage til ministeriet (gennem institutionen)", en: "Complaint to the ministry (through the institution)" },
  "appeal-comments": { da: "Klagers kommentarer til udtalelsen", en: "Complainant's comments on the statement" },
};

const STATUS: Record<Deadline["status"], L> = {
  open: { da: "Løber", en: "Running" },
  met: { da: "Overholdt / afsluttet", en: "Met / closed" },
  overdue: { da: "Overskredet", en: "Overdue" },
};

const REF_LABEL: Record<AppealRefKind, L> = {
  "cheating-case": { da: "Sag om uretmæssig hjælp (§ 20)", en: "Cheating case (§ 20)" },
  "special-conditions": { da: "Særlige prøvevilkår (§ 19)", en: "Special conditions (§ 19)" },
  registration: { da: "Tilmelding (§ 7)", en: "Registration (§ 7)" },
  complaint: { da: "Klage over prøve (§ 49)", en: "Grade complaint (§ 49)" },
};

const LETTER: Record<string, L> = {
  receipt: { da: "Kvittering for klagen", en: "Receipt of the complaint" },
  statement: { da: "Udtalelse til kommentering (1 uge)", en: "Statement for comments (1 week)" },
};

const TEXTS = {
  da: {
    title: "Klager over afgørelser (§ 55)",
    intro: "Klage over institutionens afgørelser om adgang, udelukkelse, særlige prøvevilkår, bortvisning, fejl og mangler og retlige spørgsmål går til Undervisningsministeriet gennem institutionen, senest 2 uger efter afgørelsens meddelelse.",
    none: "Ingen klager efter § 55.",
    examinee: "Eksaminand",
    decision: "Afgørelse",
    state: "Status",
    next: "Næste frist",
    noDeadline: "Ingen",
    suspensive: "Opsættende virkning",
    newTitle: "Ny klage efter § 55",
    kind: "Afgørelsen klagen vedrører",
    reference: "Den registrerede afgørelse",
    noReference: "— ingen (beskriv afgørelsen) —",
    noReferenceFound: "Eksaminanden har ingen registreret afgørelse af denne type.",
    description: "Beskrivelse af afgørelsen",
    notifiedOn: "Afgørelsen meddelt",
    filedOn: "Klagen modtaget",
    by: "Klager",
    underCustody: "Eleven er undergivet forældremyndighed",
    suspensiveGranted: "Institutionen har besluttet, at klagen har opsættende virkning (§ 55, stk. 4; leder)",
    open: "Registrér klagen",
    pick: "Vælg …",
    back: "Klager over afgørelser (§ 55)",
    caseTitle: "Klage efter § 55 — {name}",
    theDecision: "Den påklagede afgørelse",
    decidedOn: "Truffet",
    filed: "Indgivet",
    notSuspensive: "Nej — afgørelsen gælder, mens klagen behandles (§ 55, stk. 4)",
    suspensiveBy: "Ja — besluttet af {who} (§ 55, stk. 4)",
    outcome: "Ministeriets afgørelse",
    clock: "Fristerne",
    clockAt: "Set pr.",
    deadline: "Frist",
    party: "Hvem",
    due: "Senest",
    status: "Status",
    daysLeft: "{n} dage tilbage",
    daysLeft1: "1 dag tilbage",
    dueToday: "udløber i dag",
    daysOver: "{n} dage over",
    earliestForward: "Kan tidligst videresendes {date} (§ 55, stk. 3)",
    nextStep: "Næste skridt",
    noNext: "Sagen er afsluttet.",
    event: "Hændelse",
    actor: "Hvem",
    on: "Dato",
    statement: "Institutionens udtalelse",
    record: "Registrér",
    recorded: "Registreret.",
    refused: "Afvist — intet er gemt",
    history: "Forløb",
    letters: "Breve",
    leaderOnly: "Opsættende virkning besluttes af institutionens leder.",
    readOnly: "Din rolle kan ikke registrere skridt.",
    stale: "Sagen er ændret af en anden. Hent den igen.",
  },
  en: {
    title: "Appeals (§ 55)",
    intro: "A complaint about the institution's decisions on access, exclusion, special conditions, expulsion, errors and legal questions goes to the ministry through the institution, within 2 weeks of the notification.",
    none: "No § 55 complaints.",
    examinee: "Examinee",
    decision: "Decision",
    state: "State",
    next: "Next deadline",
    noDeadline: "None",
    suspensive: "Suspensive effect",
    newTitle: "New § 55 complaint",
    kind: "The decision complained about",
    reference: "The recorded decision",
    noReference: "— none (describe the decision) —",
    noReferenceFound: "The examinee has no recorded decision of this kind.",
    description: "Description of the decision",
    notifiedOn: "Decision notified",
    filedOn: "Complaint received",
    by: "Complainant",
    underCustody: "The examinee is under parental custody",
    suspensiveGranted: "The institution decided that the complaint suspends the decision (§ 55, stk. 4; leder)",
    open: "Record the complaint",
    pick: "Choose …",
    back: "Appeals (§ 55)",
    caseTitle: "§ 55 complaint — {name}",
    theDecision: "The decision complained about",
    decidedOn: "Made",
    filed: "Filed",
    notSuspensive: "No — the decision applies while the complaint is handled (§ 55, stk. 4)",
    suspensiveBy: "Yes — decided by {who} (§ 55, stk. 4)",
    outcome: "The ministry's decision",
    clock: "Deadlines",
    clockAt: "As of",
    deadline: "Deadline",
    party: "Who",
    due: "Due",
    status: "Status",
    daysLeft: "{n} days left",
    daysLeft1: "1 day left",
    dueToday: "due today",
    daysOver: "{n} days over",
    earliestForward: "Can be forwarded from {date} (§ 55, stk. 3)",
    nextStep: "Next step",
    noNext: "The case is closed.",
    event: "Event",
    actor: "Who",
    on: "Date",
    statement: "The institution's statement",
    record: "Record",
    recorded: "Recorded.",
    refused: "Refused — nothing was saved",
    history: "History",
    letters: "Letters",
    leaderOnly: "Suspensive effect is decided by the head of the institution.",
    readOnly: "Your role cannot record steps.",
    stale: "Someone else changed the case. Reload it.",
  },
};

const useT = () => useTexts(TEXTS);

function DaysLeft({ d }: { d: Deadline }) {
  const t = useT();
  if (d.status === "met") return null;
  return <>{d.daysLeft < 0 ? t("daysOver", { n: -d.daysLeft }) : d.daysLeft === 0 ? t("dueToday") : d.daysLeft === 1 ? t("daysLeft1") : t("daysLeft", { n: d.daysLeft })}</>;
}

// ------------------------------------------------------------------------------------------------------------ list

/**
 * The link "Klag over afgørelsen (§ 55)" for a page that shows a decision: the open form on /eksamen/appeals comes
 * prefilled (examinee, decision kind, the recorded row, the notification day). E.g. from a § 20 cheating case:
 * `appealLink({ examineeId, decision: "expulsion", refId: cheatingCase.id, notifiedOn: cheatingCase.on })`.
 */
export function appealLink(p: { examineeId: string; decision: AppealDecisionKind; refId?: string; notifiedOn?: string }): string {
  return `/eksamen/appeals${qs({ examineeId: p.examineeId, decision: p.decision, ref: p.refId, notifiedOn: p.notifiedOn })}#ek-new-appeal`;
}

/** The link's words, as the brief of the pages that show a decision gives them. */
export const APPEAL_LINK_TEXT = { da: "Klag over afgørelsen (§ 55)", en: "Appeal this decision (§ 55)" } as const;

/**
 * The link "Klag over afgørelsen (§ 55)" itself, for pages that show an appealable decision (a § 20 expulsion, a § 19
 * decision, a § 49, stk. 1 rejection). Callers show it to write roles only: filing is a write.
 */
export function AppealLink({ testid, ...p }: Parameters<typeof appealLink>[0] & { testid?: string }) {
  const { lang } = useI18n();
  return (
    <Link to={appealLink(p)} data-testid={testid ?? "ek-appeal55-link"} data-decision={p.decision} data-ref={p.refId ?? ""}>
      {pick(APPEAL_LINK_TEXT, lang)}
    </Link>
  );
}

export function AppealsPage({ session }: { session: Session }) {
  const t = useT();
  const { lang } = useI18n();
  const { data, error, reload } = useLoad<AppealSummary[]>(`${API}/appeals`);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("title")}</h1>
      </div>
      <p className="hint">{t("intro")}</p>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : data.length === 0 ? (
        <p className="card" data-testid="ek-appeals-none">
          {t("none")}
        </p>
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="ek-appeals">
            <thead>
              <tr>
                <th>{t("examinee")}</th>
                <th>{t("decision")}</th>
                <th>{t("state")}</th>
                <th>{t("next")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((a) => (
                <tr key={a.id} data-testid="ek-appeal-row" data-examinee={a.examineeName} data-state={a.state} data-decision={a.decision}>
                  <td>
                    <Link to={`/eksamen/appeals/${a.id}`} data-testid="ek-appeal-link">
                      {a.examineeName}
                    </Link>
                  </td>
                  <td>
                    {pick(KIND_LABEL[a.decision], lang)} <span className="muted">({a.decisionRef})</span>
                    {a.suspensive && <span className="pill">{t("suspensive")}</span>}
                  </td>
                  <td>{pick(STATE_LABEL[a.state], lang)}</td>
                  <td data-testid="ek-appeal-next" data-due={a.nextDeadline?.due ?? ""}>
                    {a.nextDeadline ? (
                      <>
                        {pick(DEADLINE[a.nextDeadline.id] ?? { da: a.nextDeadline.id, en: a.nextDeadline.id }, lang)}: {formatDate(a.nextDeadline.due, lang)} (<DaysLeft d={a.nextDeadline} />)
                      </>
                    ) : (
                      t("noDeadline")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {session.canWrite && <NewAppealForm session={session} onDone={reload} />}
    </div>
  );
}

interface NewForm {
  examineeId: string;
  decision: AppealDecisionKind;
  referenceId: string;
  description: string;
  notifiedOn: string;
  filedOn: string;
  by: "examinee" | "custody-holder";
  underCustody: boolean;
  suspensive: boolean;
}

/** The examinee's recorded decisions of the kind's table, as options. */
function referenceOptions(refs: ExamineeRefs | undefined, kind: AppealRefKind | null, lang: "da" | "en"): { id: string; label: string }[] {
  if (!refs || kind === null) return [];
  switch (kind) {
    case "cheating-case":
      return refs.cheatingCases.filter((c) => c.expelled).map((c) => ({ id: c.id, label: `${pick(KIND_LABEL.expulsion, lang)} ${formatDate(c.on, lang)}` }));
    case "special-conditions":
      return refs.specialConditions.map((s) => ({ id: s.id, label: `${formatDate(s.decidedOn, lang)}: ${s.conditions}` }));
    case "registration":
      return refs.registrations.map((r) => ({ id: r.id, label: `${r.subject?.code ?? r.examId.slice(0, 8)} ${formatDate(r.registeredOn, lang)}` }));
    case "complaint":
      return refs.complaints.filter((c) => c.state === "rejected").map((c) => ({ id: c.id, label: `${c.subject.code}: ${c.state}` }));
  }
}

function NewAppealForm({ session, onDone }: { session: Session; onDone: () => void }) {
  const t = useT();
  const { lang } = useI18n();
  const examinees = useLoad<Examinee[]>(`${API}/examinees`);
  const { query } = useLocation();
  const [form, setForm] = useState<NewForm>(() => {
    const kind = query.get("decision");
    return {
      examineeId: query.get("examineeId") ?? "",
      decision: kind !== null && kind in KIND_LABEL ? (kind as AppealDecisionKind) : "expulsion",
      referenceId: query.get("ref") ?? "",
      description: "",
      notifiedOn: query.get("notifiedOn") ?? today(),
      filedOn: today(),
      by: "examinee",
      underCustody: false,
      suspensive: false,
    };
  });
  const [refs, setRefs] = useState<ExamineeRefs | undefined>(undefined);
  const sub = useSubmit();
  const { findings, err, at } = sub;
  const set = <K extends keyof NewForm>(k: K, v: NewForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const isLeader = session.roles.some((r) => LEADER_ROLES.includes(r));

  useEffect(() => {
    setRefs(undefined);
    if (!form.examineeId) return;
    const ctl = new AbortController();
    get<ExamineeRefs>(`${API}/examinees/${encodeURIComponent(form.examineeId)}`, ctl.signal).then(setRefs, () => undefined);
    return () => ctl.abort();
  }, [form.examineeId]);

  const refKind = REF_OF[form.decision];
  const options = referenceOptions(refs, refKind, lang);
  const referenceId = options.some((o) => o.id === form.referenceId) ? form.referenceId : (options[0]?.id ?? "");
  const rest = sub.rest(["examineeId", "decision", "reference", "notifiedOn", "filedOn", "on", "actor", "written", "decidedOn"]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = await sub.run(() =>
      post<AppealView>(`${API}/appeals`, {
        examineeId: form.examineeId,
        decision: form.decision,
        reference: refKind !== null && referenceId ? { kind: refKind, id: referenceId } : null,
        description: form.description || null,
        notifiedOn: form.notifiedOn,
        filedOn: form.filedOn,
        by: form.by,
        underCustody: form.underCustody,
        suspensive: form.suspensive,
      }),
    );
    if (!v) return;
    onDone();
    navigate(`/eksamen/appeals/${v.id}`);
  };

  return (
    <form className="card" id="ek-new-appeal" onSubmit={(e) => void submit(e)} data-testid="ek-new-appeal">
      <h2>{t("newTitle")}</h2>
      <ProblemBanner error={err} />
      {findings.length > 0 && (
        <Banner kind="error" title={t("refused")} testid="ek-appeal-refused">
          <FindingList findings={rest} />
        </Banner>
      )}
      <div className="grid">
        <Field name="appealExaminee" label={t("examinee")} findings={at("examineeId")}>
          {({ id }) => (
            <select id={id} value={form.examineeId} onChange={(e) => set("examineeId", e.target.value)} required data-testid="ek-appeal-examinee">
              <option value="">{t("pick")}</option>
              {(examinees.data ?? []).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="appealKind" label={t("kind")} findings={at("decision")}>
          {({ id }) => (
            <select id={id} value={form.decision} onChange={(e) => set("decision", e.target.value as AppealDecisionKind)} data-testid="ek-appeal-kind">
              {(Object.keys(KIND_LABEL) as AppealDecisionKind[]).map((k) => (
                <option key={k} value={k}>
                  {pick(KIND_LABEL[k], lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {refKind !== null && (
          <Field name="appealReference" label={`${t("reference")}: ${pick(REF_LABEL[refKind], lang)}`} findings={at("reference")} hint={form.examineeId && refs && options.length === 0 ? t("noReferenceFound") : undefined}>
            {({ id }) => (
              <select id={id} value={referenceId} onChange={(e) => set("referenceId", e.target.value)} data-testid="ek-appeal-reference">
                <option value="">{t("noReference")}</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field name="appealDescription" label={t("description")} findings={[]} wide>
          {({ id }) => <input id={id} value={form.description} onChange={(e) => set("description", e.target.value)} maxLength={2000} data-testid="ek-appeal-description" />}
        </Field>
        <Field name="appealNotified" label={t("notifiedOn")} findings={[...at("notifiedOn"), ...at("decidedOn")]}>
          {({ id }) => <input id={id} type="date" value={form.notifiedOn} onChange={(e) => set("notifiedOn", e.target.value)} required data-testid="ek-appeal-notified" />}
        </Field>
        <Field name="appealFiled" label={t("filedOn")} findings={[...at("filedOn"), ...at("on"), ...at("written")]}>
          {({ id }) => <input id={id} type="date" value={form.filedOn} onChange={(e) => set("filedOn", e.target.value)} required data-testid="ek-appeal-filed" />}
        </Field>
        <Field name="appealBy" label={t("by")} findings={at("actor")}>
          {({ id }) => (
            <select id={id} value={form.by} onChange={(e) => set("by", e.target.value as NewForm["by"])} data-testid="ek-appeal-by">
              <option value="examinee">{pick(ACTOR.examinee, lang)}</option>
              <option value="custody-holder">{pick(ACTOR["custody-holder"], lang)}</option>
            </select>
          )}
        </Field>
      </div>
      <div>
        <label className="inline-check">
          <input type="checkbox" checked={form.underCustody} onChange={(e) => set("underCustody", e.target.checked)} data-testid="ek-appeal-custody" /> {t("underCustody")}
        </label>
      </div>
      <div>
        <label className="inline-check">
          <input type="checkbox" checked={form.suspensive} disabled={!isLeader} onChange={(e) => set("suspensive", e.target.checked)} data-testid="ek-appeal-suspensive" /> {t("suspensiveGranted")}
        </label>
      </div>
      <p>
        <button type="submit" className="primary" data-testid="ek-appeal-open">
          {t("open")}
        </button>
      </p>
    </form>
  );
}

// ------------------------------------------------------------------------------------------------------------ case

export function AppealPage({ session, id }: { session: Session; id: string }) {
  const t = useT();
  const { lang } = useI18n();
  const [on, setOn] = useState(today());
  const view = useLoad<AppealView>(`${API}/appeals/${encodeURIComponent(id)}${qs({ on })}`);
  const [latest, setLatest] = useState<AppealView | null>(null);
  if (view.error) return <ProblemBanner error={view.error} />;
  // a step's answer is as of the step's day; the clock follows the chosen day once the reload is in
  const v = latest && (!view.data || latest.seq > view.data.seq) ? latest : view.data;
  if (!v) return <Spinner />;
  const c = v.case;
  const d = c.dates;
  return (
    <div className="page">
      <p className="crumbs">
        <Link to="/eksamen/appeals">← {t("back")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="ek-appeal-title">{t("caseTitle", { name: v.examinee.name })}</h1>
        <span className="pill" data-testid="ek-appeal-state" data-state={c.state}>
          {pick(STATE_LABEL[c.state], lang)}
        </span>
      </div>
      <section className="card" aria-labelledby="ek-a-dec-h">
        <h2 id="ek-a-dec-h">{t("theDecision")}</h2>
        <dl>
          <dt>{t("examinee")}</dt>
          <dd>
            <Link to={`/eksamen/examinees/${v.examinee.id}`}>{v.examinee.name}</Link>
          </dd>
          <dt>{t("decision")}</dt>
          <dd data-testid="ek-appeal-decision" data-kind={v.decision.kind}>
            {pick(KIND_LABEL[v.decision.kind], lang)} ({v.decision.ref}){v.reference && <span className="muted"> · {pick(REF_LABEL[v.reference.kind], lang)}</span>}
            {v.description && <div>{v.description}</div>}
          </dd>
          {v.decision.decidedOn && (
            <>
              <dt>{t("decidedOn")}</dt>
              <dd>{formatDate(v.decision.decidedOn, lang)}</dd>
            </>
          )}
          <dt>{t("notifiedOn")}</dt>
          <dd>{formatDate(v.decision.notifiedOn, lang)}</dd>
          <dt>{t("filed")}</dt>
          <dd>
            {d.filed ? formatDate(d.filed, lang) : "—"} {c.filedBy && <span className="muted">({pick(ACTOR[c.filedBy], lang)})</span>}
          </dd>
          <dt>{t("suspensive")}</dt>
          <dd data-testid="ek-appeal-suspensive-state" data-suspensive={String(c.suspensive)}>
            {c.suspensive ? t("suspensiveBy", { who: pick(ACTOR[c.suspendedBy ?? "institution"], lang) }) : t("notSuspensive")}
          </dd>
          {c.outcome && (
            <>
              <dt>{t("outcome")}</dt>
              <dd data-testid="ek-appeal-outcome">{pick(OUTCOME[c.outcome] ?? { da: c.outcome, en: c.outcome }, lang)}</dd>
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="ek-a-clock-h" data-testid="ek-appeal-clock">
        <div className="table-head">
          <h2 id="ek-a-clock-h">{t("clock")}</h2>
          <label>
            {t("clockAt")} <input type="date" value={on} onChange={(e) => e.target.value && setOn(e.target.value)} data-testid="ek-appeal-on" />
          </label>
        </div>
        <table className="table">
          <thead>
            <tr>
              <th>{t("deadline")}</th>
              <th>{t("party")}</th>
              <th>{t("due")}</th>
              <th>{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {v.deadlines.map((x) => (
              <tr key={x.id} data-testid="ek-appeal-deadline" data-id={x.id} data-due={x.due} data-status={x.status} data-days-left={x.daysLeft} className={x.status === "overdue" ? "field-error" : ""}>
                <td>
                  {pick(DEADLINE[x.id] ?? { da: x.id, en: x.id }, lang)} <span className="muted">({x.ref})</span>
                </td>
                <td>{pick(ACTOR[x.party as AppealActor] ?? { da: x.party, en: x.party }, lang)}</td>
                <td className="nowrap">
                  <strong>{formatDate(x.due, lang)}</strong>
                </td>
                <td>
                  {pick(STATUS[x.status], lang)}
                  {x.status !== "met" && (
                    <>
                      {" · "}
                      <DaysLeft d={x} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {v.earliestForward && !d.forwarded && (
          <p className="hint" data-testid="ek-appeal-earliest-forward" data-date={v.earliestForward}>
            {t("earliestForward", { date: formatDate(v.earliestForward, lang) })}
          </p>
        )}
      </section>
      <NextStep
        key={v.seq}
        session={session}
        view={v}
        onStep={(nv) => {
          setLatest(nv);
          view.reload();
        }}
      />
      <section className="card" aria-labelledby="ek-a-hist-h">
        <h2 id="ek-a-hist-h">{t("history")}</h2>
        <ol className="timeline" data-testid="ek-appeal-history">
          {v.events.map((e) => (
            <li key={e.seq} data-testid="ek-appeal-event" data-type={e.event.type}>
              <div className="tl-meta">
                {formatDate(e.on, lang)} · {pick(ACTOR[e.actor] ?? { da: e.actor, en: e.actor }, lang)} · <span className="muted">{e.recordedBy}, {formatDateTime(e.recordedAt, lang)}</span>
              </div>
              <div className="tl-body">
                <strong>{pick(EVENT_LABEL[e.event.type] ?? { da: e.event.type, en: e.event.type }, lang)}</strong>
                {e.event.outcome && <> : {pick(OUTCOME[e.event.outcome] ?? { da: e.event.outcome, en: e.event.outcome }, lang)}</>}
                {e.event.statement && <blockquote>{e.event.statement}</blockquote>}
                <FindingList findings={e.findings} />
              </div>
            </li>
          ))}
        </ol>
        <h3>{t("letters")}</h3>
        <ul className="downloads" data-testid="ek-appeal-letters">
          {letterKinds(v).map((k) => (
            <li key={k}>
              <a href={`${API}/appeals/${encodeURIComponent(v.id)}/letter${qs({ kind: k })}`} download data-testid="ek-appeal-letter" data-kind={k}>
                {pick(LETTER[k]!, lang)} (PDF)
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** The letters the case allows now (letters.ts `appeal55Letter`: the receipt while at the institution, the statement while the comment week runs). */
function letterKinds(v: AppealView): string[] {
  const s = v.case.state;
  const out: string[] = [];
  if (["filed", "statement-sent", "comments-received", "comment-deadline-passed"].includes(s)) out.push("receipt");
  // the statement letter prints the statement's text, kept with the send-statement event
  if (s === "statement-sent" && v.events.some((e) => e.event.type === "send-statement" && (e.event.statement ?? "").trim() !== "")) out.push("statement");
  return out;
}

function NextStep({ session, view, onStep }: { session: Session; view: AppealView; onStep: (v: AppealView) => void }) {
  const t = useT();
  const { lang } = useI18n();
  const allowed = view.allowedEvents;
  const [event, setEvent] = useState(allowed[0]?.event ?? "");
  const [actor, setActor] = useState<string>(allowed[0]?.actors[0] ?? "");
  const [on, setOn] = useState(today());
  const [statement, setStatement] = useState("");
  const [outcome, setOutcome] = useState("not-upheld");
  const sub = useSubmit();
  const { findings: refused, err } = sub;
  const [done, setDone] = useState<Finding[] | null>(null);
  const isLeader = session.roles.some((r) => LEADER_ROLES.includes(r));
  if (allowed.length === 0)
    return (
      <section className="card" data-testid="ek-appeal-next">
        <h2>{t("nextStep")}</h2>
        <p>{t("noNext")}</p>
      </section>
    );
  const current = allowed.find((a) => a.event === event) ?? allowed[0]!;
  const who = current.actors.includes(actor as AppealActor) ? actor : current.actors[0]!;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const body: Record<string, unknown> = { type: current.event, on };
    if (current.event === "send-statement" && statement.trim()) body.statement = statement.trim();
    if (current.event === "decide") body.outcome = outcome;
    const nv = await sub.run(() =>
      post<AppealView>(`${API}/appeals/${encodeURIComponent(view.id)}/events`, { seq: view.seq, actor: who, event: body }).catch((x: unknown) => {
        // a 409 without findings: someone else took a step first
        throw x instanceof ApiError && x.findings.length === 0 && x.status === 409 ? new Error(t("stale")) : x;
      }),
    );
    if (!nv) return;
    setDone(nv.findings);
    onStep(nv);
  };
  const row = (label: string, control: ReactNode) => (
    <div className="field">
      <label>
        {label} {control}
      </label>
    </div>
  );
  return (
    <section className="card" aria-labelledby="ek-a-next-h" data-testid="ek-appeal-next">
      <h2 id="ek-a-next-h">{t("nextStep")}</h2>
      <form onSubmit={(e) => void submit(e)} data-testid="ek-appeal-step-form" data-event={current.event}>
        <fieldset disabled={!session.canWrite} className="grid">
          {row(
            t("event"),
            <select value={current.event} onChange={(e) => setEvent(e.target.value)} data-testid="ek-appeal-step-event">
              {allowed.map((a) => (
                <option key={a.event} value={a.event}>
                  {pick(EVENT_LABEL[a.event] ?? { da: a.event, en: a.event }, lang)} ({a.ref})
                </option>
              ))}
            </select>,
          )}
          {row(
            t("actor"),
            <select value={who} onChange={(e) => setActor(e.target.value)} data-testid="ek-appeal-step-actor">
              {current.actors.map((a) => (
                <option key={a} value={a}>
                  {pick(ACTOR[a], lang)}
                </option>
              ))}
            </select>,
          )}
          {row(t("on"), <input type="date" value={on} onChange={(e) => setOn(e.target.value)} required data-testid="ek-appeal-step-on" />)}
          {current.event === "send-statement" && row(t("statement"), <textarea value={statement} onChange={(e) => setStatement(e.target.value)} rows={3} maxLength={10000} data-testid="ek-appeal-step-statement" />)}
          {current.event === "decide" &&
            row(
              t("outcome"),
              <select value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="ek-appeal-step-outcome">
                {Object.keys(OUTCOME).map((o) => (
                  <option key={o} value={o}>
                    {pick(OUTCOME[o]!, lang)}
                  </option>
                ))}
              </select>,
            )}
        </fieldset>
        {current.event === "suspend" && who === "institution" && !isLeader && <Banner kind="info">{t("leaderOnly")}</Banner>}
        {!session.canWrite && <Banner kind="info">{t("readOnly")}</Banner>}
        <ProblemBanner error={err} />
        {refused.length > 0 && (
          <Banner kind="error" title={t("refused")} testid="ek-appeal-step-refused">
            <FindingList findings={refused} />
          </Banner>
        )}
        {session.canWrite && (
          <button type="submit" className="primary" data-testid="ek-appeal-step-submit">
            {t("record")}
          </button>
        )}
        {done && (
          <div role="status" data-testid="ek-appeal-step-done">
            <p>{t("recorded")}</p>
            <FindingList findings={done} />
          </div>
        )}
      </form>
    </section>
  );
}

/**
 * Complaints about exams (§§ 47–55, issue 4: "a complaint case with its deadline clock"): the list of cases, and one
 * case with its state, the deadline clock (filing § 47, stk. 2; statements and comments § 49; acceptance § 52; appeal
 * §§ 54–55) as of a chosen date, what can be offered (§ 50, stk. 1: never a re-assessment for an oral exam), the next
 * steps the state machine allows with who may take them, the history and the letters. Every step is checked by the
 * server with the pure state machine; a refused step shows its findings and nothing is saved.
 */
import { useState, type FormEvent, type ReactNode } from "react";
import type { Session } from "../App.tsx";
import { post, qs, type Finding } from "../api.ts";
import { useSubmit } from "../forms.ts";
import { Banner, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { formatDate, formatDateTime, pick, useI18n, useTexts } from "../i18n.tsx";
import { Link } from "../router.tsx";
import { AppealLink } from "./appeals.tsx";
import { ACTOR_LABEL, DEADLINE_LABEL, DEADLINE_STATUS, EVENT_LABEL, GROUND_LABEL, LETTER_LABEL, OUTCOME_LABEL, PART_LABEL, STATE_LABEL, TEXTS } from "./texts.ts";
import { API, LEADER_ROLES, SCALE, subjectName, today, useLoad, type ComplaintActor, type ComplaintOutcome, type ComplaintSummary, type ComplaintView, type Deadline } from "./types.ts";

const useT = () => useTexts(TEXTS);

/** A 7-trinsskala grade as written: the core's numbers 2 and 0 are "02" and "00". */
const gradeText = (g: string | number): string => (typeof g === "number" ? (g === 2 ? "02" : g === 0 ? "00" : String(g)) : g);

const stateText = (s: string, lang: "da" | "en") => {
  const l = STATE_LABEL[s];
  return l ? `${pick(l, lang)}${l.ref ? ` (${l.ref})` : ""}` : s;
};

export function ComplaintsPage() {
  const t = useT();
  const { lang } = useI18n();
  const { data, error } = useLoad<ComplaintSummary[]>(`${API}/complaints`);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("complaints.title")}</h1>
      </div>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : data.length === 0 ? (
        <p className="card">{t("complaints.none")}</p>
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="ek-complaints">
            <thead>
              <tr>
                <th>{t("complaints.examinee")}</th>
                <th>{t("complaints.exam")}</th>
                <th>{t("complaints.state")}</th>
                <th>{t("complaints.next")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((c) => (
                <tr key={c.id} data-testid="ek-complaint-row" data-examinee={c.examineeName} data-state={c.state} data-part={c.part}>
                  <td>
                    <Link to={`/eksamen/complaints/${c.id}`} data-testid="ek-complaint-link">
                      {c.examineeName}
                    </Link>
                  </td>
                  <td>
                    {subjectName(c.subject, lang)}
                    {c.level ? ` ${c.level}` : ""} – {pick(PART_LABEL[c.part], lang)}
                  </td>
                  <td>{stateText(c.state, lang)}</td>
                  <td>{c.nextDeadline ? <DeadlineText d={c.nextDeadline} /> : t("none")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function DeadlineText({ d }: { d: Deadline }) {
  const t = useT();
  const { lang } = useI18n();
  let left: string;
  if (d.status === "met") left = pick(DEADLINE_STATUS.met, lang);
  else if (d.daysLeft < 0) left = t("complaint.daysOver", { n: -d.daysLeft });
  else if (d.daysLeft === 0) left = t("complaint.dueToday");
  else if (d.daysLeft === 1) left = t("complaint.daysLeft1");
  else left = t("complaint.daysLeft", { n: d.daysLeft });
  return (
    <span>
      {pick(DEADLINE_LABEL[d.id] ?? { da: d.id, en: d.id }, lang)}: {formatDate(d.due, lang)} ({left})
    </span>
  );
}

export function ComplaintPage({ session, id }: { session: Session; id: string }) {
  const t = useT();
  const { lang } = useI18n();
  const [on, setOn] = useState(today());
  const view = useLoad<ComplaintView>(`${API}/complaints/${encodeURIComponent(id)}${qs({ on })}`);
  const [latest, setLatest] = useState<ComplaintView | null>(null);
  if (view.error) return <ProblemBanner error={view.error} />;
  const v = latest && (!view.data || latest.seq > view.data.seq) ? latest : view.data;
  if (!v) return <Spinner />;
  const c = v.case;
  const oral = v.exam.answer.includes("oral");
  const ALL: ComplaintOutcome[] = ["reassessment", "retest", "not-upheld"];
  return (
    <div className="page">
      <p className="crumbs">
        <Link to="/eksamen/complaints">← {t("nav.complaints")}</Link>
      </p>
      <div className="page-head">
        <h1 data-testid="ek-complaint-title">{t("complaint.title", { name: v.examinee.name })}</h1>
        <span className="pill" data-testid="ek-complaint-state" data-state={c.state}>
          {stateText(c.state, lang)}
        </span>
      </div>
      {session.canWrite && c.state === "rejected" && (
        <p data-testid="ek-complaint-appeal55">
          <AppealLink examineeId={v.examinee.id} decision="complaint-rejection" refId={v.id} notifiedOn={c.dates.decisionNotified} />
        </p>
      )}
      <div className="two-col">
        <section className="card" aria-labelledby="ek-c-exam-h">
          <h2 id="ek-c-exam-h">{t("complaint.exam")}</h2>
          <dl>
            <dt>{t("complaints.exam")}</dt>
            <dd>
              <Link to={`/eksamen/examinees/${v.examinee.id}`}>{v.examinee.name}</Link>
              {v.grade && (
                <>
                  {" "}
                  · {subjectName(v.grade.subject, lang)}
                  {v.grade.level ? ` ${v.grade.level}` : ""} – {pick(PART_LABEL[v.grade.part], lang)}, {formatDate(v.grade.date, lang)}
                </>
              )}
            </dd>
            <dt>{t("complaint.answer")}</dt>
            <dd data-testid="ek-complaint-answer" data-oral={String(oral)}>
              {v.exam.answer.map((a) => pick(PART_LABEL[a], lang)).join(" + ")}
            </dd>
            <dt>{t("complaint.originalGrade")}</dt>
            <dd>
              <strong>{gradeText(v.exam.originalGrade)}</strong>
              {c.newGrade !== undefined && (
                <>
                  {" "}
                  → <strong data-testid="ek-complaint-new-grade">{gradeText(c.newGrade)}</strong> (§ 53, stk. 5)
                </>
              )}
            </dd>
            <dt>{t("complaint.announced")}</dt>
            <dd>{formatDate(v.exam.gradeAnnouncedOn, lang)} (§ 33)</dd>
            {c.grounds.length > 0 && (
              <>
                <dt>{t("complaint.grounds")}</dt>
                <dd>{c.grounds.map((g) => pick(GROUND_LABEL[g] ?? { da: g, en: g }, lang)).join(", ")}</dd>
              </>
            )}
            {c.outcome && (
              <>
                <dt>{t("complaint.outcome")}</dt>
                <dd data-testid="ek-complaint-outcome" data-outcome={c.outcome}>
                  {pick(OUTCOME_LABEL[c.outcome], lang)}
                </dd>
              </>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="ek-c-outcomes-h" data-testid="ek-complaint-outcomes">
          <h2 id="ek-c-outcomes-h">{t("complaint.outcomes")}</h2>
          <ul>
            {ALL.map((o) => {
              const offered = v.possibleOutcomes.value.includes(o);
              return (
                <li key={o} data-testid="ek-outcome" data-outcome={o} data-offered={String(offered)} className={offered ? "" : "muted"}>
                  {offered ? "✓" : "✕"} {pick(OUTCOME_LABEL[o], lang)} — {offered ? t("complaint.outcomeOffered") : t("complaint.outcomeNotOffered")}
                </li>
              );
            })}
          </ul>
          <FindingList findings={v.possibleOutcomes.because} testid="ek-outcomes-because" />
        </section>
      </div>
      <section className="card" aria-labelledby="ek-c-clock-h" data-testid="ek-complaint-clock">
        <div className="table-head">
          <h2 id="ek-c-clock-h">{t("complaint.clock")}</h2>
          <label>
            {t("complaint.clockAt", { date: "" })}
            <input type="date" value={on} onChange={(e) => e.target.value && setOn(e.target.value)} data-testid="ek-complaint-on" />
          </label>
        </div>
        <p className="hint">{t("onHint")}</p>
        <table className="table">
          <thead>
            <tr>
              <th>{t("complaint.deadline")}</th>
              <th>{t("complaint.party")}</th>
              <th>{t("complaint.due")}</th>
              <th>{t("complaint.status")}</th>
            </tr>
          </thead>
          <tbody>
            {v.deadlines.map((d) => (
              <tr key={d.id} data-testid="ek-deadline" data-id={d.id} data-due={d.due} data-status={d.status} data-days-left={d.daysLeft} className={d.status === "overdue" ? "field-error" : ""}>
                <td>
                  {pick(DEADLINE_LABEL[d.id] ?? { da: d.id, en: d.id }, lang)} <span className="muted">({d.ref})</span>
                </td>
                <td>{pick(ACTOR_LABEL[d.party] ?? { da: d.party, en: d.party }, lang)}</td>
                <td className="nowrap">
                  <strong>{formatDate(d.due, lang)}</strong> <span className="muted">({t(`complaint.kind.${d.kind}`)})</span>
                </td>
                <td>
                  {pick(DEADLINE_STATUS[d.status], lang)}
                  {d.status !== "met" && (
                    <>
                      {" · "}
                      {d.daysLeft < 0 ? t("complaint.daysOver", { n: -d.daysLeft }) : d.daysLeft === 0 ? t("complaint.dueToday") : d.daysLeft === 1 ? t("complaint.daysLeft1") : t("complaint.daysLeft", { n: d.daysLeft })}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <NextStep session={session} view={v} onStep={(nv) => {
        setLatest(nv);
        view.reload();
      }} />
      <section className="card" aria-labelledby="ek-c-hist-h">
        <h2 id="ek-c-hist-h">{t("complaint.history")}</h2>
        <ol className="timeline" data-testid="ek-complaint-history">
          {v.events.map((e) => (
            <li key={e.seq} data-testid="ek-complaint-event" data-type={e.event.type}>
              <div className="tl-meta">
                {formatDate(e.on, lang)} · {pick(ACTOR_LABEL[e.actor] ?? { da: e.actor, en: e.actor }, lang)} · <span className="muted">{e.recordedBy}, {formatDateTime(e.recordedAt, lang)}</span>
              </div>
              <div className="tl-body">
                <strong>{pick(EVENT_LABEL[e.event.type] ?? { da: e.event.type, en: e.event.type }, lang)}</strong>
                {typeof e.event.outcome === "string" && <> : {pick(OUTCOME_LABEL[e.event.outcome] ?? { da: e.event.outcome, en: e.event.outcome }, lang)}</>}
                <FindingList findings={e.findings.filter((f) => f.severity !== "info" || f.rule.startsWith("eksamen.complaint.offer") || f.rule.endsWith("appeal-open"))} />
              </div>
            </li>
          ))}
        </ol>
        <h3>{t("complaint.letters")}</h3>
        <ul className="downloads" data-testid="ek-complaint-letters">
          {letterKinds(v).map((k) => (
            <li key={k}>
              <a href={`${API}/complaints/${encodeURIComponent(v.id)}/letter${qs({ kind: k, on })}`} download data-testid="ek-complaint-letter" data-kind={k}>
                {t("complaint.letter", { kind: pick(LETTER_LABEL[k]!, lang) })} (PDF)
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

/** Which letters the case has reached (complaint letters of documents.ts). */
function letterKinds(v: ComplaintView): string[] {
  const seen = new Set(v.events.map((e) => e.event.type));
  const out: string[] = [];
  if (seen.has("file")) out.push("receipt");
  if (seen.has("present-statements")) out.push("statements");
  if (seen.has("reject")) out.push("rejection");
  if (seen.has("decide") || seen.has("ministry-decide")) out.push("decision");
  if (seen.has("new-grade")) out.push("new-grade");
  return out;
}

interface StepForm {
  event: string;
  actor: string;
  on: string;
  written: boolean;
  reasoned: boolean;
  individual: boolean;
  grounds: string[];
  due: string;
  outcome: string;
  justifiedDoubt: boolean;
  count: number;
  ministryInformed: boolean;
  grade: string;
  legalQuestion: boolean;
}

function eventBody(f: StepForm): Record<string, unknown> {
  const base = { type: f.event, on: f.on };
  switch (f.event) {
    case "file":
      return { ...base, written: f.written, reasoned: f.reasoned, individual: f.individual, grounds: f.grounds };
    case "reject":
      return { ...base, reasoned: f.reasoned };
    case "request-statements":
      return f.due ? { ...base, due: f.due } : base;
    case "present-statements":
    case "institution-statement":
      return f.due ? { ...base, commentsDue: f.due } : base;
    case "decide":
      return { ...base, outcome: f.outcome, reasoned: f.reasoned, justifiedDoubt: f.justifiedDoubt };
    case "ministry-decide":
      return { ...base, outcome: f.outcome };
    case "appoint-assessors":
      return { ...base, count: f.count, ministryInformed: f.ministryInformed };
    case "new-grade":
      return { ...base, grade: f.grade };
    case "appeal":
      return { ...base, legalQuestion: f.legalQuestion };
    default:
      return base;
  }
}

/** Events the leader role takes (API.md: leader for reject, decide, appoint-assessors). */
const LEADER_EVENTS = ["reject", "decide", "appoint-assessors"];

function NextStep({ session, view, onStep }: { session: Session; view: ComplaintView; onStep: (v: ComplaintView) => void }) {
  const t = useT();
  const { lang } = useI18n();
  const allowed = view.allowedEvents;
  const first = allowed[0];
  const [form, setForm] = useState<StepForm>(() => ({
    event: first?.event ?? "",
    actor: first?.actors[0] ?? "",
    on: today(),
    written: true,
    reasoned: true,
    individual: true,
    grounds: ["assessment"],
    due: "",
    outcome: view.possibleOutcomes.value[0] ?? "not-upheld",
    justifiedDoubt: false,
    count: view.exam.assessorCount || 2,
    ministryInformed: true,
    grade: "",
    legalQuestion: false,
  }));
  const sub = useSubmit();
  const { findings: refused, err } = sub;
  const [done, setDone] = useState<Finding[] | null>(null);
  const isLeader = session.roles.some((r) => LEADER_ROLES.includes(r));
  const current = allowed.find((a) => a.event === form.event) ?? first;
  const set = <K extends keyof StepForm>(k: K, val: StepForm[K]) => setForm((f) => ({ ...f, [k]: val }));
  if (allowed.length === 0)
    return (
      <section className="card" data-testid="ek-complaint-next">
        <h2>{t("complaint.next")}</h2>
        <p>{t("complaint.noNext")}</p>
      </section>
    );
  const event = current?.event ?? "";
  const actor = current?.actors.includes(form.actor as ComplaintActor) ? form.actor : (current?.actors[0] ?? "");
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const nv = await sub.run(() => post<ComplaintView>(`${API}/complaints/${encodeURIComponent(view.id)}/events`, { seq: view.seq, actor, event: eventBody({ ...form, event }) }));
    if (!nv) return;
    setDone(nv.findings);
    onStep(nv);
    const next = nv.allowedEvents[0];
    setForm((f) => ({ ...f, event: next?.event ?? "", actor: next?.actors[0] ?? "", due: "", outcome: nv.possibleOutcomes.value[0] ?? f.outcome }));
  };
  const row = (label: string, control: ReactNode, testid?: string) => (
    <div className="field" data-testid={testid}>
      <label>
        {label} {control}
      </label>
    </div>
  );
  const leaderOnly = LEADER_EVENTS.includes(event) && !isLeader;
  return (
    <section className="card" aria-labelledby="ek-c-next-h" data-testid="ek-complaint-next">
      <h2 id="ek-c-next-h">{t("complaint.next")}</h2>
      <form onSubmit={(e) => void submit(e)} data-testid="ek-step-form" data-event={event}>
        <fieldset disabled={!session.canWrite} className="grid">
          {row(
            t("complaint.event"),
            <select value={event} onChange={(e) => set("event", e.target.value)} data-testid="ek-step-event">
              {allowed.map((a) => (
                <option key={a.event} value={a.event}>
                  {pick(EVENT_LABEL[a.event] ?? { da: a.event, en: a.event }, lang)} ({a.ref})
                </option>
              ))}
            </select>,
          )}
          {row(
            t("complaint.actor"),
            <select value={actor} onChange={(e) => set("actor", e.target.value)} data-testid="ek-step-actor">
              {(current?.actors ?? []).map((a) => (
                <option key={a} value={a}>
                  {pick(ACTOR_LABEL[a] ?? { da: a, en: a }, lang)}
                </option>
              ))}
            </select>,
          )}
          {row(t("on"), <input type="date" value={form.on} onChange={(e) => set("on", e.target.value)} required data-testid="ek-step-on" />)}
          {event === "file" && (
            <>
              {(["written", "reasoned", "individual"] as const).map((k) => (
                <label key={k} className="inline-check">
                  <input type="checkbox" checked={form[k]} onChange={(e) => set(k, e.target.checked)} data-testid={`ek-step-${k}`} /> {t(`complaint.${k}`)}
                </label>
              ))}
              {row(
                t("complaint.grounds"),
                <span>
                  {(["basis", "procedure", "assessment"] as const).map((g) => (
                    <label key={g} className="inline-check">
                      <input type="checkbox" checked={form.grounds.includes(g)} onChange={(e) => set("grounds", e.target.checked ? [...form.grounds, g] : form.grounds.filter((x) => x !== g))} data-testid={`ek-step-ground-${g}`} />{" "}
                      {pick(GROUND_LABEL[g]!, lang)}
                    </label>
                  ))}
                </span>,
              )}
            </>
          )}
          {event === "reject" && (
            <label className="inline-check">
              <input type="checkbox" checked={form.reasoned} onChange={(e) => set("reasoned", e.target.checked)} /> {t("complaint.reasoned")}
            </label>
          )}
          {["request-statements", "present-statements", "institution-statement"].includes(event) &&
            row(t("complaint.due.optional"), <input type="date" value={form.due} onChange={(e) => set("due", e.target.value)} data-testid="ek-step-due" />)}
          {(event === "decide" || event === "ministry-decide") && (
            <>
              <fieldset className="field" data-testid="ek-decision-options">
                <legend>{t("complaint.outcome")}</legend>
                {(event === "decide" ? view.possibleOutcomes.value : (["reassessment", "retest", "not-upheld"] as ComplaintOutcome[])).map((o) => (
                  <label key={o} className="inline-check" data-testid="ek-decision-option" data-outcome={o}>
                    <input type="radio" name="outcome" value={o} checked={form.outcome === o} onChange={() => set("outcome", o)} data-testid={`ek-decision-${o}`} /> {pick(OUTCOME_LABEL[o]!, lang)}
                  </label>
                ))}
                {event === "decide" && <FindingList findings={view.possibleOutcomes.because} testid="ek-decision-because" />}
              </fieldset>
              {event === "decide" && (
                <>
                  <label className="inline-check">
                    <input type="checkbox" checked={form.reasoned} onChange={(e) => set("reasoned", e.target.checked)} data-testid="ek-step-reasoned" /> {t("complaint.reasoned")}
                  </label>
                  <label className="inline-check">
                    <input type="checkbox" checked={form.justifiedDoubt} onChange={(e) => set("justifiedDoubt", e.target.checked)} data-testid="ek-step-doubt" /> {t("complaint.justifiedDoubt")}
                  </label>
                </>
              )}
            </>
          )}
          {event === "appoint-assessors" && (
            <>
              {row(t("complaint.count"), <input type="number" min={1} max={3} value={form.count} onChange={(e) => set("count", Number(e.target.value))} />)}
              <label className="inline-check">
                <input type="checkbox" checked={form.ministryInformed} onChange={(e) => set("ministryInformed", e.target.checked)} /> {t("complaint.ministryInformed")}
              </label>
            </>
          )}
          {event === "new-grade" &&
            row(
              t("complaint.newGrade"),
              <input list="ek-scale-c" value={form.grade} onChange={(e) => set("grade", e.target.value)} required data-testid="ek-step-grade" />,
            )}
          {event === "appeal" && (
            <label className="inline-check">
              <input type="checkbox" checked={form.legalQuestion} onChange={(e) => set("legalQuestion", e.target.checked)} /> {t("complaint.legalQuestion")}
            </label>
          )}
        </fieldset>
        <datalist id="ek-scale-c">
          {SCALE.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        {leaderOnly && <Banner kind="info">{t("complaint.decisionOnly")}</Banner>}
        {!session.canWrite && <Banner kind="info">{t("complaint.notAllowedRole")}</Banner>}
        <ProblemBanner error={err} />
        {refused.length > 0 && (
          <Banner kind="error" testid="ek-step-refused">
            <FindingList findings={refused} />
          </Banner>
        )}
        {session.canWrite && (
          <button type="submit" className="primary" data-testid="ek-step-submit">
            {t("complaint.record")}
          </button>
        )}
        {done && (
          <div role="status" data-testid="ek-step-done">
            <p>{t("complaint.recorded")}</p>
            <FindingList findings={done} />
          </div>
        )}
      </form>
    </section>
  );
}

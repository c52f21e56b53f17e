/**
 * Censors (seed 002, §§ 23–31): the list with the create form, and one censor's page with employer(s), subjects,
 * capacity, the load per term and the censorship history — the records § 27's two-year rule ("der ikke forekommer
 * individuel gentagen og gensidig censur inden for en samlet periode på 2 år") is checked against — with a form to
 * record an earlier censorship at another institution. API: GET/POST /censors, GET /censors/:id,
 * POST /censors/:id/history (src/rulebooks/dk-eksamen/API.md). The server decides; refusals are shown beside their field.
 */
import { useState, type FormEvent } from "react";
import type { Session } from "../App.tsx";
import { post } from "../api.ts";
import { useSubmit } from "../forms.ts";
import { Field, FindingList, ProblemBanner, Spinner } from "../components.tsx";
import { formatDate, useI18n, useTexts } from "../i18n.tsx";
import { Link } from "../router.tsx";
import { TEXTS } from "./texts.ts";
import { API, today, useLoad, type Censor, type Level, type Teacher, type Term } from "./types.ts";

/** `CensorshipRecord` of API.md as GET /censors/:id returns it (the store row: with its id and term). */
export interface CensorshipRecord {
  id: string;
  censorId: string;
  examinerIds: string[];
  date: string;
  institutionCode: string;
  examId: string | null;
  termId: string | null;
}

/** GET /censors/:id. */
export interface CensorDetail extends Censor {
  history: CensorshipRecord[];
  load: { termId: string; exams: number }[];
}

const CT = {
  da: {
    "detail.back": "Censorer",
    "detail.facts": "Censor",
    "detail.load": "Belastning pr. termin",
    "detail.loadNone": "Ingen censoropgaver i nogen termin endnu.",
    "detail.term": "Termin",
    "detail.exams": "Prøver",
    "detail.history": "Censurhistorik",
    "detail.historyIntro": "Tidligere censur her og ved andre institutioner. Censorfordelingen bruger den til § 27's regel om gentagen og gensidig censur inden for 2 år.",
    "detail.historyNone": "Ingen censur registreret.",
    "detail.date": "Dato",
    "detail.institution": "Institution",
    "detail.examiners": "Eksaminatorer",
    "detail.exam": "Prøve",
    "detail.examLink": "Se prøven",
    "detail.earlier": "Tidligere censur (registreret)",
    "detail.add": "Registrér tidligere censur",
    "detail.addIntro": "Censur ved en anden institution, som § 27's 2-årsregel skal kende. Vælg de eksaminatorer, censoren censurerede.",
    "detail.institutionHint": "Institutionsnummer, fx 280001.",
    "detail.examinersNone": "Ingen lærere oprettet.",
    "detail.addSubmit": "Registrér",
    "detail.added": "Censuren er registreret.",
    "list.open": "Se censor",
  },
  en: {
    "detail.back": "Censors",
    "detail.facts": "Censor",
    "detail.load": "Load per term",
    "detail.loadNone": "No censor work in any term yet.",
    "detail.term": "Term",
    "detail.exams": "Exams",
    "detail.history": "Censorship history",
    "detail.historyIntro": "Earlier censorship here and at other institutions. The censor assignment checks it for § 27's rule on repeated and mutual censorship within 2 years.",
    "detail.historyNone": "No censorship recorded.",
    "detail.date": "Date",
    "detail.institution": "Institution",
    "detail.examiners": "Examiners",
    "detail.exam": "Exam",
    "detail.examLink": "Open the exam",
    "detail.earlier": "Earlier censorship (recorded)",
    "detail.add": "Record an earlier censorship",
    "detail.addIntro": "Censorship at another institution that § 27's 2-year rule must know. Pick the examiners the censor censored.",
    "detail.institutionHint": "Institution number, e.g. 280001.",
    "detail.examinersNone": "No teachers yet.",
    "detail.addSubmit": "Record",
    "detail.added": "The censorship is recorded.",
    "list.open": "Open censor",
  },
};

/** "MA A, EN" → `[{ subject: "MA", level: "A" }, { subject: "EN" }]`. */
export function parseCensorSubjects(text: string): { subject: string; level?: Level }[] {
  return text
    .split(",")
    .map((x) => x.trim().split(/\s+/))
    .filter((p) => p[0])
    .map(([subject, level]) => (level && ["A", "B", "C"].includes(level.toUpperCase()) ? { subject: subject!, level: level.toUpperCase() as Level } : { subject: subject! }));
}

const subjectsText = (c: Pick<Censor, "subjects">) => c.subjects.map((s) => `${s.subject}${s.level ? ` ${s.level}` : ""}`).join(", ");

const CENSOR_FIELDS = ["name", "employedAt", "capacity"];

/** Create a censor (API `POST /censors`); a refusal's findings are shown beside the field they name. */
function NewCensorForm({ onDone }: { onDone: () => void }) {
  const t = useTexts(TEXTS);
  const [form, setForm] = useState({ name: "", employedAt: "", subjects: "", capacity: "10" });
  const sub = useSubmit();
  const create = async (e: FormEvent) => {
    e.preventDefault();
    const r = await sub.run(() =>
      post<Censor>(`${API}/censors`, {
        name: form.name,
        employedAt: form.employedAt.split(",").map((x) => x.trim()).filter(Boolean),
        subjects: parseCensorSubjects(form.subjects),
        capacity: Number(form.capacity),
      }),
    );
    if (r) {
      setForm({ name: "", employedAt: "", subjects: "", capacity: "10" });
      onDone();
    }
  };
  // the server names the field of a refusal (service.ts createCensor: "name", "employedAt[i]", "capacity"); the rest goes on top
  const { at, err } = sub;
  const other = sub.rest(CENSOR_FIELDS);
  return (
    <form className="card" onSubmit={(e) => void create(e)} data-testid="ek-new-censor">
      <h2>{t("censor.new")}</h2>
      <ProblemBanner error={err} />
      <FindingList findings={other} testid="ek-censor-form-findings" />
      <div className="grid">
        <Field name="censorName" label={t("examinees.name")} findings={at("name")}>
          {({ id, describedBy, invalid }) => (
            <input id={id} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required data-testid="ek-censor-name" />
          )}
        </Field>
        <Field name="employedAt" label={t("censor.employedAt")} hint={t("censor.employedAtHint")} findings={at("employedAt")}>
          {({ id, describedBy }) => <input id={id} value={form.employedAt} onChange={(e) => setForm({ ...form, employedAt: e.target.value })} aria-describedby={describedBy} data-testid="ek-censor-employed" />}
        </Field>
        <Field name="censorSubjects" label={t("censor.subjects")} hint={t("censor.subjectsHint")} findings={[]}>
          {({ id, describedBy }) => <input id={id} value={form.subjects} onChange={(e) => setForm({ ...form, subjects: e.target.value })} aria-describedby={describedBy} data-testid="ek-censor-subjects" />}
        </Field>
        <Field name="capacity" label={t("censor.capacity")} findings={at("capacity")}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="number" min={0} value={form.capacity} onChange={(e) => setForm({ ...form, capacity: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required data-testid="ek-censor-capacity" />
          )}
        </Field>
      </div>
      <button type="submit" className="primary" data-testid="ek-censor-create">
        {t("censor.create")}
      </button>
    </form>
  );
}

export function CensorsPage({ session }: { session: Session }) {
  const t = useTexts(TEXTS);
  const c = useTexts(CT);
  const { data, error, reload } = useLoad<Censor[]>(`${API}/censors`);
  return (
    <div className="page">
      <div className="page-head">
        <h1>{t("censor.list")}</h1>
      </div>
      <p className="small">{t("censor.intro")}</p>
      <ProblemBanner error={error} />
      {!data ? (
        <Spinner />
      ) : (
        <div className="card flush table-scroll">
          <table className="table" data-testid="ek-censors">
            <thead>
              <tr>
                <th>{t("examinees.name")}</th>
                <th>{t("censor.employedAt")}</th>
                <th>{t("censor.subjects")}</th>
                <th>{t("censor.capacity")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((x) => (
                <tr key={x.id} data-testid="ek-censor-row" data-name={x.name}>
                  <td>
                    <Link to={`/eksamen/censors/${x.id}`} data-testid="ek-censor-link" title={c("list.open")}>
                      {x.name}
                    </Link>
                  </td>
                  <td>{x.employedAt.join(", ") || t("none")}</td>
                  <td>{subjectsText(x)}</td>
                  <td className="num">{x.capacity}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {session.canWrite && <NewCensorForm onDone={reload} />}
    </div>
  );
}

const HISTORY_FIELDS = ["date", "institutionCode", "examinerIds"];

/** Record an earlier censorship (API `POST /censors/:id/history`); the server's findings are shown beside their field. */
function NewHistoryForm({ censorId, teachers, onDone }: { censorId: string; teachers: Teacher[] | undefined; onDone: () => void }) {
  const c = useTexts(CT);
  const empty = { date: today(), institutionCode: "", examinerIds: [] as string[] };
  const [x, setX] = useState(empty);
  const sub = useSubmit();
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    const r = await sub.run(() => post<CensorshipRecord>(`${API}/censors/${encodeURIComponent(censorId)}/history`, x));
    if (r) {
      setX(empty);
      setDone(true);
      onDone();
    }
  };
  const { at, err } = sub;
  const other = sub.rest(HISTORY_FIELDS);
  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid="ek-censor-history-form">
      <h2>{c("detail.add")}</h2>
      <p className="small">{c("detail.addIntro")}</p>
      <ProblemBanner error={err} />
      <FindingList findings={other} testid="ek-censor-history-findings" />
      {done && (
        <p role="status" className="small" data-testid="ek-censor-history-added">
          {c("detail.added")}
        </p>
      )}
      <div className="grid">
        <Field name="date" label={c("detail.date")} findings={at("date")}>
          {({ id, describedBy, invalid }) => (
            <input id={id} type="date" value={x.date} onChange={(e) => setX({ ...x, date: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required data-testid="ek-censor-history-date" />
          )}
        </Field>
        <Field name="institutionCode" label={c("detail.institution")} hint={c("detail.institutionHint")} findings={at("institutionCode")}>
          {({ id, describedBy, invalid }) => (
            <input id={id} value={x.institutionCode} onChange={(e) => setX({ ...x, institutionCode: e.target.value })} aria-describedby={describedBy} aria-invalid={invalid} required data-testid="ek-censor-history-institution" />
          )}
        </Field>
        <Field name="examinerIds" label={c("detail.examiners")} findings={at("examinerIds")} wide>
          {({ describedBy }) => (
            <span aria-describedby={describedBy} data-testid="ek-censor-history-examiners">
              {!teachers ? (
                <Spinner />
              ) : teachers.length === 0 ? (
                <span className="muted">{c("detail.examinersNone")}</span>
              ) : (
                teachers.map((tc) => (
                  <label key={tc.id} className="inline-check" style={{ marginRight: "1rem" }}>
                    <input
                      type="checkbox"
                      checked={x.examinerIds.includes(tc.id)}
                      onChange={(e) => setX({ ...x, examinerIds: e.target.checked ? [...x.examinerIds, tc.id] : x.examinerIds.filter((y) => y !== tc.id) })}
                      data-testid="ek-censor-history-examiner"
                      data-initials={tc.initials}
                    />{" "}
                    {tc.name} ({tc.initials})
                  </label>
                ))
              )}
            </span>
          )}
        </Field>
      </div>
      <button type="submit" className="primary" data-testid="ek-censor-history-submit">
        {c("detail.addSubmit")}
      </button>
    </form>
  );
}

/** One censor: employer(s), subjects, capacity, load per term, censorship history; the history form for write roles. */
export function CensorPage({ session, id }: { session: Session; id: string }) {
  const t = useTexts(TEXTS);
  const c = useTexts(CT);
  const { lang } = useI18n();
  const censor = useLoad<CensorDetail>(`${API}/censors/${encodeURIComponent(id)}`);
  const teachers = useLoad<Teacher[]>(`${API}/teachers`);
  const terms = useLoad<Term[]>(`${API}/terms`);
  const back = (
    <p className="crumbs">
      <Link to="/eksamen/censors" data-testid="ek-censor-back">
        ← {c("detail.back")}
      </Link>
    </p>
  );
  const error = censor.error ?? teachers.error ?? terms.error;
  if (error)
    return (
      <div className="page">
        {back}
        <ProblemBanner error={error} />
      </div>
    );
  const d = censor.data;
  // the history names teachers and terms: wait for both lists so no raw id flashes by
  if (!d || !teachers.data || !terms.data) return <Spinner />;
  const teacherName = new Map(teachers.data.map((x) => [x.id, `${x.name} (${x.initials})`]));
  const termName = new Map(terms.data.map((x) => [x.id, x.name]));
  const history = [...d.history].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return (
    <div className="page">
      {back}
      <div className="page-head">
        <h1 data-testid="ek-censor-title">{d.name}</h1>
      </div>
      <section className="card" aria-labelledby="ek-censor-facts-h">
        <h2 id="ek-censor-facts-h">{c("detail.facts")}</h2>
        <dl data-testid="ek-censor-facts">
          <dt>{t("censor.employedAt")}</dt>
          <dd data-testid="ek-censor-employed-at">{d.employedAt.join(", ") || t("none")}</dd>
          <dt>{t("censor.subjects")}</dt>
          <dd data-testid="ek-censor-subjects-at">{subjectsText(d) || t("none")}</dd>
          <dt>{t("censor.capacity")}</dt>
          <dd data-testid="ek-censor-capacity-at">{d.capacity}</dd>
        </dl>
      </section>
      <section className="card flush" aria-labelledby="ek-censor-load-h">
        <div className="table-head">
          <h2 id="ek-censor-load-h">{c("detail.load")}</h2>
        </div>
        {d.load.length === 0 ? (
          <p className="empty">{c("detail.loadNone")}</p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="ek-censor-term-load">
              <thead>
                <tr>
                  <th>{c("detail.term")}</th>
                  <th>{c("detail.exams")}</th>
                </tr>
              </thead>
              <tbody>
                {d.load.map((l) => (
                  <tr key={l.termId} data-testid="ek-censor-term-load-row" data-exams={l.exams}>
                    <td>
                      <Link to={`/eksamen/terms/${l.termId}`}>{termName.get(l.termId) ?? l.termId}</Link>
                    </td>
                    <td className="num">{t("censor.loadOf", { n: l.exams, cap: d.capacity })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card flush" aria-labelledby="ek-censor-history-h">
        <div className="table-head">
          <h2 id="ek-censor-history-h">{c("detail.history")}</h2>
          <span className="small">{c("detail.historyIntro")}</span>
        </div>
        {history.length === 0 ? (
          <p className="empty" data-testid="ek-censor-history-none">
            {c("detail.historyNone")}
          </p>
        ) : (
          <div className="table-scroll">
            <table className="table" data-testid="ek-censor-history">
              <thead>
                <tr>
                  <th>{c("detail.date")}</th>
                  <th>{c("detail.institution")}</th>
                  <th>{c("detail.examiners")}</th>
                  <th>{c("detail.exam")}</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.id} data-testid="ek-censor-history-row" data-date={h.date} data-institution={h.institutionCode}>
                    <td className="nowrap">{formatDate(h.date, lang)}</td>
                    <td>{h.institutionCode}</td>
                    <td>{h.examinerIds.map((e) => teacherName.get(e) ?? e).join(", ") || t("none")}</td>
                    <td>
                      {h.examId ? (
                        <Link to={`/eksamen/exams/${h.examId}`}>{h.termId && termName.get(h.termId) ? `${termName.get(h.termId)}: ${c("detail.examLink")}` : c("detail.examLink")}</Link>
                      ) : (
                        <span className="muted">{c("detail.earlier")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {session.canWrite && <NewHistoryForm censorId={d.id} teachers={teachers.data} onDone={censor.reload} />}
    </div>
  );
}

/**
 * Register or correct a vitnemål case with a form (docs/api.md `VitnemalCaseInput` = model.ts `VitnemalCase` as JSON
 * without its decision date): every field of the model, code lists as selects (statuses, levels, fagtype, grades and
 * the other expressions of §5.2, exam forms §6.1, orden og adferd §5.6, FAM/VMM §3) and the catalogue's fagkoder and
 * programme areas (src/rulebooks/no-vitnemal/codes, the same data the server checks against) with their names shown.
 *
 * The form never re-implements a rule: the server decides. "Forhåndsvis" posts the unsaved case (POST /preview,
 * nothing saved); "Registrer" posts it (POST /cases, 422 when the fødselsnummer or name is unusable); a correction
 * needs its reason and sends the version it started from (PUT /cases/:id; 409 when someone else saved first — shown
 * as such, nothing merged). Findings sit beside the field they name (`subject` "person.fnr") or the row
 * ("subjects.0.fagkode", or a fagkode); the rest on top. An "advanced" JSON editor edits the same value (fields the
 * form does not show are kept).
 */
import { createContext, useContext, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react";
import { ApiError, post, put, type Finding } from "../api.ts";
import { Banner } from "../components.tsx";
import { isAbout, useSubmit } from "../forms.ts";
import { useI18n, useTexts } from "../i18n.tsx";
import { allSubjectRows, programmeAreaDef, subjectDef } from "../../../src/rulebooks/no-vitnemal/codes/catalogue.ts";
import { PROGRAMME_AREA_ROWS } from "../../../src/rulebooks/no-vitnemal/codes/catalogue-data.ts";
import { CONDUCT_GRADES, EXAM_FORMS, EXPRESSIONS, GRADES } from "../../../src/rulebooks/no-vitnemal/codes/grades.ts";
import { MERKNADER } from "../../../src/rulebooks/no-vitnemal/codes/merknader.ts";
import { FAGTYPE_ORDER, LEVEL_ORDER, STATUSES } from "../../../src/rulebooks/no-vitnemal/model.ts";
import { FORM_TEXTS } from "./form-texts.ts";
import { API, Findings, KindBadge, PreviewLines, Problem, useT, type CaseDetail, type Preview } from "./parts.tsx";

type Json = Record<string, unknown>;
type Path = readonly (string | number)[];
/** A code-list option: value, bokmål label, English label (when it differs). */
type Opt = readonly [value: unknown, label: string, en?: string];

const useF = () => useTexts(FORM_TEXTS);

/** A new case's starting point: the shape of docs/api.md `VitnemalCaseInput` with one vg1 subject. */
export const TEMPLATE: Json = {
  person: { fnr: "", name: "" },
  issuer: { kind: "skole", place: "" },
  signatories: ["", ""],
  statuses: [{ status: "elev", schoolYear: { startYear: 2024 } }],
  programmeAreas: [{ code: "STUSP1----", level: "VG1", schoolYear: { startYear: 2024 } }],
  subjects: [{ fagkode: "ENG1007", fagtype: "FF", omfang: 140, level: "VG1", status: "elev", year: { half: "V", year: 2025 }, standpunkt: 4 }],
  conduct: [{ schoolYear: { startYear: 2024 }, orden: "G", adferd: "G", kind: "standpunkt", elevInYear: true }],
  absence: [{ courseYear: 1, schoolYear: { startYear: 2024 }, days: 0, hours: 0 }],
  course: { achieved: [], fixedLop: true, withinNormalTime: true },
};

// ------------------------------------------------------------------------------------------------- value by path

function getIn(o: unknown, p: Path): unknown {
  let x = o;
  for (const k of p) {
    if (x === null || typeof x !== "object") return undefined;
    x = (x as Record<string | number, unknown>)[k];
  }
  return x;
}

/** A copy of `o` with `p` set to `v`; `undefined` removes an object key (the JSON then has no such field). */
function setIn(o: unknown, p: Path, v: unknown): unknown {
  if (p.length === 0) return v;
  const [k, ...rest] = p;
  if (typeof k === "number") {
    const arr = Array.isArray(o) ? [...(o as unknown[])] : [];
    arr[k] = setIn(arr[k], rest, v);
    return arr;
  }
  const obj: Json = o !== null && typeof o === "object" && !Array.isArray(o) ? { ...(o as Json) } : {};
  const nv = setIn(obj[k!], rest, v);
  if (nv === undefined) delete obj[k!];
  else obj[k!] = nv;
  return obj;
}

const pathName = (p: Path) => p.join(".");

// ------------------------------------------------------------------------------------------------------ code lists

const STATUS_NAMES: Record<string, string> = {
  elev: "Elev",
  privatist: "Privatist",
  laerling: "Lærling",
  laerekandidat: "Lærekandidat",
  voksen: "Voksen deltaker",
  praksisbrevkandidat: "Praksisbrevkandidat",
  praksiskandidat: "Praksiskandidat",
  fagbrevPaJobb: "Kandidat for fagbrev på jobb",
};
const STATUS_EN: Record<string, string> = {
  elev: "Elev (pupil)",
  privatist: "Privatist (external candidate)",
  laerling: "Lærling (apprentice)",
  laerekandidat: "Lærekandidat (training candidate)",
  voksen: "Voksen deltaker (adult)",
  praksisbrevkandidat: "Praksisbrevkandidat (practice-certificate candidate)",
  praksiskandidat: "Praksiskandidat (practice candidate)",
  fagbrevPaJobb: "Fagbrev på jobb (trade certificate at work)",
};
const STATUS_OPTS: Opt[] = STATUSES.map((s) => [s, STATUS_NAMES[s] ?? s, STATUS_EN[s]]);
const LEVEL_OPTS: Opt[] = LEVEL_ORDER.map((l) => [l, l === "GS" ? "GS (ungdomstrinnet)" : l.replace("VG", "Vg")]);
const FAGTYPE_OPTS: Opt[] = FAGTYPE_ORDER.map((f) => [f, f]);
const EXAM_FORM_OPTS: Opt[] = EXAM_FORMS.map((r) => [r.code, `${r.code} – ${r.nb}`, `${r.code} – ${r.en}`]);
const CONDUCT_OPTS: Opt[] = CONDUCT_GRADES.map((r) => [r.code, r.nb, `${r.nb} (${r.en})`]);
const EXAM_KIND_OPTS: Opt[] = [
  ["ordinaer", "Ordinær", "Ordinary"],
  ["saerskilt", "Særskilt (§ 3-30)", "Special (§ 3-30)"],
  ["utsatt", "Utsatt (§ 3-32)", "Postponed (§ 3-32)"],
  ["ny", "Ny (§ 3-33/3-34)", "Resit (§ 3-33/3-34)"],
];
const FINAL_TEST_OPTS: Opt[] = [
  ["fagprove", "Fagprøve"],
  ["svenneprove", "Svenneprøve"],
  ["praksisbrevprove", "Praksisbrevprøve"],
  ["kompetanseprove", "Kompetanseprøve"],
];
const OUTCOME_OPTS: Opt[] = [
  ["graded", "Vurdert (karakter)", "Graded"],
  ["notMet", "Ikke møtt (6.3, 6.4)", "Did not attend (6.3, 6.4)"],
  ["bortvist", "Bortvist (6.5)", "Sent away (6.5)"],
  ["fusk", "Fusk (6.6)", "Cheating (6.6)"],
  ["avlyst", "Avlyst (6.7)", "Cancelled (6.7)"],
  ["annulledByUdir", "Annullert av Udir (6.2)", "Annulled by Udir (6.2)"],
  ["annulledAfterComplaint", "Annullert etter klage (6.2)", "Annulled after complaint (6.2)"],
  ["annulled20230522", "Annullert 22.05.2023 (6.8)", "Annulled 22.05.2023 (6.8)"],
  ["korona", "Korona (6.9–6.11)", "Covid (6.9–6.11)"],
];
const EXEMPTION_KIND_OPTS: Opt[] = [
  ["opplaering", "Fritak fra opplæring (FAM01)", "From teaching (FAM01)"],
  ["vurdering", "Fritak fra vurdering (FAM02)", "From assessment (FAM02)"],
  ["fellesfag", "Fellesfag, fem års praksis (FAM43)", "Fellesfag, five years' practice (FAM43)"],
  ["fremmedsprak", "Fremmedspråk (FAM02, 7.5)", "Foreign language (FAM02, 7.5)"],
  ["laerekontrakt", "Lærekontrakt (FAM38)", "Apprenticeship contract (FAM38)"],
  ["hoyereNiva", "Høyere nivå (FAM17)", "Higher level (FAM17)"],
];
const AREA_OPTS: Opt[] = ["sidemal", "kroppsoving", "fremmedsprak", "programfag", "yff", "other"].map((a) => [a, a]);
const DECIDED_BY_OPTS: Opt[] = ["rektor", "fylkeskommune", "statsforvalter", "udir"].map((a) => [a, a]);
const APPROVAL_KIND_OPTS: Opt[] = [
  ["soknad", "Etter søknad (FAM52)", "After application (FAM52)"],
  ["realkompetanse", "Realkompetanse (5.3)", "Prior learning (5.3)"],
  ["ungdomstrinn", "Ungdomstrinnet (FAM34)", "Lower secondary (FAM34)"],
  ["omvalg", "Omvalg (FAM57)", "Change of programme (FAM57)"],
  ["steiner", "Steinerskole (FAM48)", "Steiner school (FAM48)"],
  ["r94", "R94 (FAM13)"],
  ["forR94", "Før R94 (FAM16)", "Before R94 (FAM16)"],
];
const GROUND_OPTS: Opt[] = ["helse", "velferd", "tillitsvalgt", "politisk", "hjelpearbeid", "lovpalagt", "representasjon"].map((g) => [g, g]);
const SLUTTKOMPETANSE: Opt[] = [
  ["studiekompetanse", "Studiekompetanse", "Studiekompetanse (higher-education entrance)"],
  ["yrkeskompetanse", "Yrkeskompetanse", "Yrkeskompetanse (vocational qualification)"],
  ["fagopplaering", "Fagopplæring", "Fagopplæring (vocational training)"],
];
const EXTENDED: Opt[] = [
  ["utveksling", "Utveksling o.l. (VMM07)", "Exchange etc. (VMM07)"],
  ["omvalg", "Omvalg (VMM08)", "Change of programme (VMM08)"],
  ["sykdom", "Sykdom (VMM09)", "Illness (VMM09)"],
  ["utvidetOpplaeringstid", "Utvidet opplæringstid (VMM10)", "Extended training time (VMM10)"],
  ["utsattEksamen", "Utsatt eksamen (VMM20)", "Postponed exam (VMM20)"],
  ["saerskiltEksamen", "Særskilt eksamen (VMM21)", "Special exam (VMM21)"],
  ["nyEksamen", "Ny eksamen (VMM22)", "Resit exam (VMM22)"],
  ["idrett", "Idrett (VMM24)", "Sport (VMM24)"],
];
/** §5.1 grades and §5.2's other expressions; `null` = a dotted line (nothing entered). */
const VURDERING_OPTS = (dotted: string): Opt[] => [
  [null, dotted],
  ...GRADES.map((g): Opt => [g.grade, `${g.grade} ${g.nb}`, `${g.grade} ${g.nb} (${g.en})`]),
  ...EXPRESSIONS.map((e): Opt => [e.code, `${e.code} – ${e.name}`, `${e.code} – ${e.name} (${e.en})`]),
];
const SUBJECTS = allSubjectRows()
  .map((r) => r.def)
  .sort((a, b) => a.fagkode.localeCompare(b.fagkode));
const AREAS = [...PROGRAMME_AREA_ROWS.map((r) => r.def), { code: "GSGSK0VG--", name: "Fag fra videregående på ungdomstrinnet" }].sort((a, b) => a.code.localeCompare(b.code));

/** Defaults of new rows and the school-year list only (the rules get the decision date from the server). */
const THIS_YEAR = new Date().getFullYear();
const SCHOOL_YEARS = Array.from({ length: THIS_YEAR - 1990 + 3 }, (_, i) => THIS_YEAR + 2 - i);

// --------------------------------------------------------------------------------------------------- form context

interface Ctx {
  value: Json;
  set: (p: Path, v: unknown) => void;
  /** Remounts the fields (after a row is removed or the JSON is applied: fields with their own text state re-read). */
  bump: () => void;
  /** Findings (errors and warnings) about a field or anything under it. */
  about: (name: string) => Finding[];
}
const FormCtx = createContext<Ctx | null>(null);
const useCtx = (): Ctx => {
  const c = useContext(FormCtx);
  if (!c) throw new Error("outside the case form");
  return c;
};

/** A labelled field; findings about it sit right under it (list rows show theirs once, under the row). */
function Labelled({ label, path, children, wide }: { label: string; path: Path; children: (id: string) => ReactNode; wide?: boolean }) {
  const id = useId();
  const { about } = useCtx();
  const inRow = path.some((k) => typeof k === "number");
  const fs = inRow ? [] : about(pathName(path));
  return (
    <div className={`field vm-f${wide ? " vm-f-wide" : ""}${fs.some((f) => f.severity === "error") ? " has-error" : ""}`} data-field={pathName(path)}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {fs.length > 0 && <Findings findings={fs} testid="vm-field-findings" />}
    </div>
  );
}

const tid = (p: Path) => `vm-f-${pathName(p).replace(/\./g, "-")}`;

function Txt({ path, label, keepEmpty, wide, list }: { path: Path; label: string; keepEmpty?: boolean; wide?: boolean; list?: string }) {
  const { value, set } = useCtx();
  const v = getIn(value, path);
  return (
    <Labelled label={label} path={path} {...(wide ? { wide } : {})}>
      {(id) => (
        <input
          id={id}
          data-testid={tid(path)}
          value={typeof v === "string" ? v : v === undefined || v === null ? "" : String(v)}
          {...(list ? { list } : {})}
          onChange={(e) => set(path, e.target.value === "" && !keepEmpty ? undefined : e.target.value)}
        />
      )}
    </Labelled>
  );
}

/** A number; empty = no value (`undefined`), or `null` where the model gives empty a meaning ("--" hours). */
function Num({ path, label, emptyIsNull }: { path: Path; label: string; emptyIsNull?: boolean }) {
  const { value, set } = useCtx();
  const v = getIn(value, path);
  return (
    <Labelled label={label} path={path}>
      {(id) => (
        <input
          id={id}
          type="number"
          className="vm-num"
          data-testid={tid(path)}
          value={typeof v === "number" ? v : ""}
          onChange={(e) => set(path, e.target.value === "" ? (emptyIsNull ? null : undefined) : Number(e.target.value))}
        />
      )}
    </Labelled>
  );
}

function DateIn({ path, label }: { path: Path; label: string }) {
  const { value, set } = useCtx();
  const v = getIn(value, path);
  return <Labelled label={label} path={path}>{(id) => <input id={id} type="date" data-testid={tid(path)} value={typeof v === "string" ? v : ""} onChange={(e) => set(path, e.target.value || undefined)} />}</Labelled>;
}

/** A select over a code list; the first option is "not given" (removes the field) unless `required`. */
function Sel({ path, label, opts, required, empty }: { path: Path; label: string; opts: readonly Opt[]; required?: boolean; empty?: string }) {
  const { value, set } = useCtx();
  const f = useF();
  const { lang } = useI18n();
  const v = getIn(value, path);
  const cur = v === undefined ? "" : JSON.stringify(v);
  const known = cur === "" || opts.some(([o]) => JSON.stringify(o) === cur);
  return (
    <Labelled label={label} path={path}>
      {(id) => (
        <select id={id} data-testid={tid(path)} value={cur} onChange={(e) => set(path, e.target.value === "" ? undefined : (JSON.parse(e.target.value) as unknown))}>
          {(!required || v === undefined) && <option value="">{empty ?? f("form.notGiven")}</option>}
          {!known && <option value={cur}>{cur}</option>}
          {opts.map(([o, l, en]) => (
            <option key={JSON.stringify(o)} value={JSON.stringify(o)}>
              {lang === "en" && en !== undefined ? en : l}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

/** A yes/no; unticked removes the field unless `explicitFalse` (a required boolean of the model). */
function Chk({ path, label, explicitFalse }: { path: Path; label: string; explicitFalse?: boolean }) {
  const { value, set } = useCtx();
  const id = useId();
  return (
    <div className="field vm-f vm-chk">
      <label htmlFor={id}>
        <input id={id} type="checkbox" data-testid={tid(path)} checked={getIn(value, path) === true} onChange={(e) => set(path, e.target.checked ? true : explicitFalse ? false : undefined)} /> {label}
      </label>
    </div>
  );
}

/** Several values of a closed list (e.g. the sluttkompetanser achieved). */
function Multi({ path, label, opts }: { path: Path; label: string; opts: readonly Opt[] }) {
  const { value, set } = useCtx();
  const { lang } = useI18n();
  const cur = (getIn(value, path) as unknown[] | undefined) ?? [];
  return (
    <fieldset className="vm-multi" data-testid={tid(path)}>
      <legend>{label}</legend>
      {opts.map(([o, l, en]) => (
        <label key={String(o)}>
          <input type="checkbox" checked={cur.includes(o)} onChange={(e) => set(path, e.target.checked ? [...cur, o] : cur.filter((x) => x !== o))} /> {lang === "en" && en !== undefined ? en : l}
        </label>
      ))}
    </fieldset>
  );
}

/** A list of short strings (fagkoder, fødselsnumre) written comma-separated. */
function Strings({ path, label }: { path: Path; label: string }) {
  const { value, set } = useCtx();
  const f = useF();
  const cur = getIn(value, path);
  const [text, setText] = useState(Array.isArray(cur) ? cur.join(", ") : "");
  return (
    <Labelled label={`${label} (${f("form.commaList")})`} path={path}>
      {(id) => (
        <input
          id={id}
          data-testid={tid(path)}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const xs = e.target.value
              .split(",")
              .map((s) => s.trim())
              .filter((s) => s !== "");
            set(path, xs.length > 0 ? xs : undefined);
          }}
        />
      )}
    </Labelled>
  );
}

/** One of the two signatories (§2.8); the pair is always sent whole (the API takes two names or none). */
function Signatory({ i, label }: { i: 0 | 1; label: string }) {
  const { value, set } = useCtx();
  const pair = Array.isArray(value.signatories) ? (value.signatories as unknown[]) : [];
  const name = (k: number) => (typeof pair[k] === "string" ? (pair[k] as string) : "");
  return (
    <Labelled label={label} path={["signatories", i]}>
      {(id) => (
        <input
          id={id}
          data-testid={tid(["signatories", i])}
          value={name(i)}
          onChange={(e) => {
            const next = [name(0), name(1)];
            next[i] = e.target.value;
            set(["signatories"], next[0] === "" && next[1] === "" && pair.length === 0 ? undefined : next);
          }}
        />
      )}
    </Labelled>
  );
}

/** A school year `{ startYear }` as "2022/23". */
function SchoolYear({ path, label }: { path: Path; label: string }) {
  return <Sel path={[...path, "startYear"]} label={label} opts={SCHOOL_YEARS.map((y): Opt => [y, `${y}/${String((y + 1) % 100).padStart(2, "0")}`])} />;
}

/** A half-year `{ half: "V"|"H", year }` (the "År" column, §2.6). */
function HalfYear({ path, label }: { path: Path; label: string }) {
  const { value, set } = useCtx();
  const v = (getIn(value, path) as { half?: string; year?: number } | undefined) ?? {};
  return (
    <Labelled label={label} path={path}>
      {(id) => (
        <span className="vm-halfyear">
          <select id={id} data-testid={`${tid(path)}-half`} value={v.half ?? ""} onChange={(e) => set(path, e.target.value === "" ? undefined : { ...v, half: e.target.value })}>
            <option value="">—</option>
            <option value="V">V</option>
            <option value="H">H</option>
          </select>
          <input type="number" className="vm-num" data-testid={`${tid(path)}-year`} value={v.year ?? ""} onChange={(e) => set(path, { ...v, year: e.target.value === "" ? undefined : Number(e.target.value) })} />
        </span>
      )}
    </Labelled>
  );
}

/** FAM/VMM uses `{ code, params? }` (§3): a code from the tables and the values of its placeholders. */
function Merknader({ path, label, kind }: { path: Path; label: string; kind: "FAM" | "VMM" }) {
  const f = useF();
  const { value } = useCtx();
  const listId = `vm-merknad-${kind}`;
  return (
    <Rows
      path={path}
      title={label}
      small
      empty={() => ({ code: "" })}
      row={(p) => (
        <>
          <Txt path={[...p, "code"]} label={f("f.code")} list={listId} keepEmpty />
          <CodeName code={String(getIn(value, [...p, "code"]) ?? "")} lookup={(c) => MERKNADER.find((m) => m.code === c)?.nb} />
          <Params path={[...p, "params"]} />
        </>
      )}
    />
  );
}

function Params({ path }: { path: Path }) {
  const { value, set } = useCtx();
  const f = useF();
  const cur = (getIn(value, path) as Record<string, string> | undefined) ?? {};
  const [text, setText] = useState(
    Object.entries(cur)
      .map(([k, v]) => `${k}=${v}`)
      .join("; "),
  );
  return (
    <Labelled label={f("form.params")} path={path}>
      {(id) => (
        <input
          id={id}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            const o: Record<string, string> = {};
            for (const part of e.target.value.split(";")) {
              const [k, ...v] = part.split("=");
              if (k && k.trim() !== "" && v.length > 0) o[k.trim()] = v.join("=").trim();
            }
            set(path, Object.keys(o).length > 0 ? o : undefined);
          }}
        />
      )}
    </Labelled>
  );
}

/** The catalogue's name of a code beside its field (or "not in the code list"; the server's finding says why). */
function CodeName({ code, lookup }: { code: string; lookup: (c: string) => string | undefined }) {
  const f = useF();
  if (code === "") return null;
  const name = lookup(code);
  return (
    <span className={`vm-codename${name ? "" : " muted"}`} data-testid="vm-code-name">
      {name ?? f("form.unknownCode")}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------------------- lists

/** A list field: add/remove rows; each row's findings (its `subjects.3…` paths, or `rowFindings`) sit under it. */
function Rows({
  path,
  title,
  empty,
  row,
  more,
  rowFindings,
  small,
  testid,
}: {
  path: Path;
  title: string;
  empty: () => Json;
  row: (p: Path, i: number) => ReactNode;
  more?: (p: Path, i: number) => ReactNode;
  rowFindings?: (i: number) => Finding[];
  small?: boolean;
  testid?: string;
}) {
  const { value, set, about, bump } = useCtx();
  const f = useF();
  const rows = (getIn(value, path) as unknown[] | undefined) ?? [];
  const name = pathName(path);
  const own = about(name).filter((x) => x.subject === name);
  const Tag = small ? "div" : "section";
  return (
    <Tag className={small ? "vm-rows vm-rows-small" : "vm-rows card"} data-testid={testid ?? tid(path)} data-rows={rows.length}>
      {small ? <strong className="vm-rows-title">{title}</strong> : <h3>{title}</h3>}
      {own.length > 0 && <Findings findings={own} testid="vm-section-findings" />}
      {rows.length === 0 && !small && <p className="muted">{f("form.none")}</p>}
      {rows.map((_, i) => {
        const p = [...path, i];
        const fs = [...about(pathName(p)), ...(rowFindings?.(i) ?? [])];
        return (
          <div key={i} className={`vm-row${fs.some((x) => x.severity === "error") ? " has-error" : ""}`} data-testid={`${testid ?? tid(path)}-row`} data-row={i}>
            <div className="vm-row-fields">
              {row(p, i)}
              <button type="button" className="ghost vm-remove" data-testid="vm-row-remove" onClick={() => {
                  set(path, rows.filter((__, j) => j !== i));
                  bump();
                }}>
                {f("form.remove")}
              </button>
            </div>
            {more && (
              <details className="vm-more">
                <summary>{f("form.more")}</summary>
                <div className="vm-row-fields">{more(p, i)}</div>
              </details>
            )}
            {fs.length > 0 && <Findings findings={fs} testid="vm-row-findings" />}
          </div>
        );
      })}
      <button type="button" className="secondary" data-testid={`${testid ?? tid(path)}-add`} onClick={() => set(path, [...rows, empty()])}>
        + {f("form.add")}
      </button>
    </Tag>
  );
}

// ----------------------------------------------------------------------------------------------------- the fields

function Fields() {
  const f = useF();
  const { value, about } = useCtx();
  const subjects = (value.subjects as Json[] | undefined) ?? [];
  const s = (p: Path, k: string) => String(getIn(value, [...p, k]) ?? "");
  const section = (name: string) => about(name).filter((x) => x.subject === name);
  const outcome = (p: Path) => s([...p, "outcome"], "kind");
  /** Findings that name a fagkode (the §6–§13 rules do) go to that subject's row. */
  const byFagkode = (i: number) => {
    const k = subjects[i]?.fagkode;
    return typeof k === "string" && k !== "" && subjects.findIndex((x) => x.fagkode === k) === i ? about(k).filter((x) => x.subject === k) : [];
  };
  return (
    <>
      <datalist id="vm-fagkoder">
        {SUBJECTS.map((d) => (
          <option key={d.fagkode} value={d.fagkode}>
            {d.name}
          </option>
        ))}
      </datalist>
      <datalist id="vm-programomrader">
        {AREAS.map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </datalist>
      {(["FAM", "VMM"] as const).map((k) => (
        <datalist key={k} id={`vm-merknad-${k}`}>
          {[...new Map(MERKNADER.filter((m) => m.kind === k).map((m) => [m.code, m])).values()].map((m) => (
            <option key={m.code} value={m.code}>
              {m.nb}
            </option>
          ))}
        </datalist>
      ))}

      <section className="vm-rows card" data-testid="vm-f-person">
        <h3>{f("sec.person")}</h3>
        <div className="vm-row-fields">
          <Txt path={["person", "name"]} label={f("f.name")} keepEmpty wide />
          <Txt path={["person", "fnr"]} label={f("f.fnr")} keepEmpty />
          <Strings path={["person", "previousFnr"]} label={f("f.previousFnr")} />
        </div>
      </section>

      <section className="vm-rows card" data-testid="vm-f-issuer">
        <h3>{f("sec.issuer")}</h3>
        <div className="vm-row-fields">
          <Sel path={["issuer", "kind"]} label={f("f.issuerKind")} required opts={[["skole", "Skole"], ["fylkeskommune", "Fylkeskommune"]]} />
          <Txt path={["issuer", "place"]} label={f("f.place")} keepEmpty />
          <Txt path={["issuer", "name"]} label={f("f.issuerName")} />
          <Txt path={["issuer", "orgnr"]} label={f("f.orgnr")} />
          <Txt path={["issuer", "schoolNumber"]} label={f("f.schoolNumber")} />
          <Txt path={["issuer", "countyOrgnr"]} label={f("f.countyOrgnr")} />
          <Txt path={["issuer", "foreignNumber"]} label={f("f.foreignNumber")} />
          <Chk path={["issuer", "privateSchool"]} label={f("f.privateSchool")} />
          <Chk path={["issuer", "closed"]} label={f("f.closed")} />
        </div>
        <div className="vm-row-fields">
          <Signatory i={0} label={f("f.signatory1")} />
          <Signatory i={1} label={f("f.signatory2")} />
          <Sel path={["requested"]} label={f("f.requested")} empty={f("f.requestedAuto")} opts={[["vitnemal", "Vitnemål"], ["kompetansebevis", "Kompetansebevis"]]} />
        </div>
        {section("signatories").length > 0 && <Findings findings={section("signatories")} />}
      </section>

      <Rows
        path={["statuses"]}
        title={f("sec.statuses")}
        empty={() => ({ status: "elev", schoolYear: { startYear: THIS_YEAR - 1 } })}
        row={(p) => (
          <>
            <SchoolYear path={[...p, "schoolYear"]} label={f("f.schoolYear")} />
            <Sel path={[...p, "status"]} label={f("f.status")} opts={STATUS_OPTS} required />
            <Chk path={[...p, "partTime"]} label={f("f.partTime")} />
          </>
        )}
      />

      <Rows
        path={["programmeAreas"]}
        title={f("sec.programmeAreas")}
        empty={() => ({ code: "", level: "VG1" })}
        row={(p) => (
          <>
            <Txt path={[...p, "code"]} label={f("f.code")} list="vm-programomrader" keepEmpty />
            <CodeName code={s(p, "code")} lookup={(c) => programmeAreaDef(c)?.name} />
            <Sel path={[...p, "level"]} label={f("f.level")} opts={LEVEL_OPTS} required />
            <SchoolYear path={[...p, "schoolYear"]} label={f("f.schoolYear")} />
            <Sel path={[...p, "completion"]} label={f("f.completion")} opts={[["fullfort", f("f.completion.fullfort")], ["bestatt", f("f.completion.bestatt")]]} />
            <Chk path={[...p, "inLop"]} label={f("f.inLop")} />
          </>
        )}
        more={(p) => <Txt path={[...p, "name"]} label={f("f.name")} wide />}
      />

      <SubjectRows byFagkode={byFagkode} />

      <Rows
        path={["exams"]}
        title={f("sec.exams")}
        empty={() => ({ fagkode: "", form: "S", halfYear: { half: "V", year: THIS_YEAR }, kind: "ordinaer", status: "elev", outcome: { kind: "graded", result: 4 } })}
        row={(p) => (
          <>
            <Txt path={[...p, "fagkode"]} label={f("f.fagkode")} list="vm-fagkoder" keepEmpty />
            <Sel path={[...p, "form"]} label={f("f.form")} opts={[[null, f("form.dotted")], ...EXAM_FORM_OPTS]} required />
            <HalfYear path={[...p, "halfYear"]} label={f("f.halfYear")} />
            <Sel path={[...p, "kind"]} label={f("f.examKind")} opts={EXAM_KIND_OPTS} required />
            <Sel path={[...p, "status"]} label={f("f.status")} opts={STATUS_OPTS} required />
            <Sel path={[...p, "outcome", "kind"]} label={f("f.outcome")} opts={OUTCOME_OPTS} required />
            {outcome(p) === "graded" && <Sel path={[...p, "outcome", "result"]} label={f("f.result")} opts={VURDERING_OPTS(f("form.dotted")).slice(1)} />}
            {outcome(p) === "notMet" && (
              <>
                <Chk path={[...p, "outcome", "documented"]} label={f("f.documented")} explicitFalse />
                <Chk path={[...p, "outcome", "brokeOffIll"]} label={f("f.brokeOffIll")} />
              </>
            )}
            {outcome(p) === "avlyst" && (
              <>
                <Txt path={[...p, "outcome", "reason"]} label={f("f.reason")} keepEmpty />
                <Chk path={[...p, "outcome", "neededForVitnemal"]} label={f("f.neededForVitnemal")} />
              </>
            )}
            {outcome(p) === "annulledAfterComplaint" && <Sel path={[...p, "outcome", "retaken"]} label={f("f.retaken")} opts={VURDERING_OPTS("").slice(1)} />}
            {outcome(p) === "korona" && <Sel path={[...p, "outcome", "spring"]} label={f("f.spring")} opts={[[2020, "2020"], [2021, "2021"], [2022, "2022"]]} required />}
          </>
        )}
        more={(p) => (
          <>
            <DateIn path={[...p, "date"]} label={f("f.date")} />
            <Chk path={[...p, "tverrfaglig"]} label={f("f.tverrfaglig")} />
            <Sel path={[...p, "finalTest"]} label={f("f.finalTest")} opts={FINAL_TEST_OPTS} />
            <Chk path={[...p, "obligatory"]} label={f("f.obligatory")} />
            {(outcome(p) === "avlyst" || outcome(p) === "annulledByUdir") && (
              <>
                <Txt path={[...p, "outcome", "dispensation", "caseNumber"]} label={`Udir ${f("f.caseNumber")}`} />
                <DateIn path={[...p, "outcome", "dispensation", "date"]} label={`Udir ${f("f.date")}`} />
              </>
            )}
          </>
        )}
      />

      <Rows
        path={["exemptions"]}
        title={f("sec.exemptions")}
        empty={() => ({ fagkode: "", kind: "opplaering", decidedOn: "" })}
        row={(p) => (
          <>
            <Txt path={[...p, "fagkode"]} label={f("f.fagkode")} list="vm-fagkoder" keepEmpty />
            <Sel path={[...p, "kind"]} label={f("f.kind")} opts={EXEMPTION_KIND_OPTS} required />
            <Sel path={[...p, "area"]} label={f("f.area")} opts={AREA_OPTS} />
            <DateIn path={[...p, "decidedOn"]} label={f("f.decidedOn")} />
            <HalfYear path={[...p, "naturalEnd"]} label={f("f.naturalEnd")} />
            <Sel path={[...p, "decidedBy"]} label={f("f.decidedBy")} opts={DECIDED_BY_OPTS} />
          </>
        )}
      />

      <Rows
        path={["approvals"]}
        title={f("sec.approvals")}
        empty={() => ({ fagkode: "", kind: "soknad", completed: { half: "V", year: THIS_YEAR } })}
        row={(p) => (
          <>
            <Txt path={[...p, "fagkode"]} label={f("f.fagkode")} list="vm-fagkoder" keepEmpty />
            <Sel path={[...p, "kind"]} label={f("f.kind")} opts={APPROVAL_KIND_OPTS} required />
            <HalfYear path={[...p, "completed"]} label={f("f.completed")} />
            <Chk path={[...p, "partial"]} label={f("f.partial")} />
            <Chk path={[...p, "abroad"]} label={f("f.abroad")} />
          </>
        )}
        more={(p) => (
          <>
            <Sel path={[...p, "wholeYear"]} label={f("f.wholeYear")} opts={LEVEL_OPTS} />
            <Txt path={[...p, "originalCode"]} label={f("f.originalCode")} />
            <Num path={[...p, "passedYear"]} label={f("f.passedYear")} />
            <DateIn path={[...p, "decidedOn"]} label={f("f.decidedOn")} />
          </>
        )}
      />

      <Rows
        path={["conduct"]}
        title={f("sec.conduct")}
        empty={() => ({ schoolYear: { startYear: THIS_YEAR - 1 }, orden: "G", adferd: "G", kind: "standpunkt", elevInYear: true })}
        row={(p) => (
          <>
            <SchoolYear path={[...p, "schoolYear"]} label={f("f.schoolYear")} />
            <Sel path={[...p, "orden"]} label={f("f.orden")} opts={CONDUCT_OPTS} required />
            <Sel path={[...p, "adferd"]} label={f("f.adferd")} opts={CONDUCT_OPTS} required />
            <Sel path={[...p, "kind"]} label={f("f.conductKind")} opts={[["standpunkt", "Standpunkt"], ["halvar", "Halvår"]]} required />
            <Chk path={[...p, "elevInYear"]} label={f("f.elevInYear")} explicitFalse />
          </>
        )}
      />

      <Rows
        path={["absence"]}
        title={f("sec.absence")}
        empty={() => ({ courseYear: ((value.absence as unknown[] | undefined)?.length ?? 0) + 1, schoolYear: { startYear: THIS_YEAR - 1 }, days: 0, hours: 0 })}
        row={(p) => (
          <>
            <Num path={[...p, "courseYear"]} label={f("f.courseYear")} />
            <SchoolYear path={[...p, "schoolYear"]} label={f("f.schoolYear")} />
            <Num path={[...p, "days"]} label={f("f.days")} />
            <Num path={[...p, "hours"]} label={f("f.hours")} />
            <Chk path={[...p, "abroadWithoutRecord"]} label={f("f.abroadWithoutRecord")} />
            <Chk path={[...p, "alternativeVg3"]} label={f("f.alternativeVg3")} />
          </>
        )}
        more={(p) => (
          <Rows
            path={[...p, "deductions"]}
            title={f("f.deductions")}
            small
            empty={() => ({ ground: "helse", days: 0, documented: true })}
            row={(q) => (
              <>
                <Sel path={[...q, "ground"]} label={f("f.ground")} opts={GROUND_OPTS} required />
                <Num path={[...q, "days"]} label={f("f.days")} />
                <Num path={[...q, "hours"]} label={f("f.hours")} />
                <Chk path={[...q, "documented"]} label={f("f.documented")} explicitFalse />
                <Chk path={[...q, "chronicFromDay1"]} label={f("f.chronicFromDay1")} />
                <DateIn path={[...q, "from"]} label={f("f.from")} />
              </>
            )}
          />
        )}
      />

      <Rows
        path={["subjectAbsence"]}
        title={f("sec.subjectAbsence")}
        empty={() => ({ fagkode: "", schoolYear: { startYear: THIS_YEAR - 1 }, undocumentedHours: 0, subjectHours: 0 })}
        row={(p) => (
          <>
            <Txt path={[...p, "fagkode"]} label={f("f.fagkode")} list="vm-fagkoder" keepEmpty />
            <SchoolYear path={[...p, "schoolYear"]} label={f("f.schoolYear")} />
            <Num path={[...p, "undocumentedHours"]} label={f("f.undocumentedHours")} />
            <Num path={[...p, "subjectHours"]} label={f("f.subjectHours")} />
          </>
        )}
      />

      <Rows
        path={["contracts"]}
        title={f("sec.contracts")}
        empty={() => ({ kind: "laerekontrakt", status: "laerling", fagName: "", programmeArea: "", start: "", contractMonths: 24 })}
        row={(p) => (
          <>
            <Sel path={[...p, "kind"]} label={f("f.contractKind")} opts={[["laerekontrakt", "Lærekontrakt"], ["opplaeringskontrakt", "Opplæringskontrakt"]]} required />
            <Sel path={[...p, "status"]} label={f("f.status")} opts={STATUS_OPTS.filter(([v]) => v === "laerling" || v === "laerekandidat" || v === "praksisbrevkandidat")} required />
            <Txt path={[...p, "fagName"]} label={f("f.fagName")} keepEmpty />
            <Txt path={[...p, "programmeArea"]} label={f("f.programmeArea")} list="vm-programomrader" keepEmpty />
            <DateIn path={[...p, "start"]} label={f("f.start")} />
            <Num path={[...p, "contractMonths"]} label={f("f.contractMonths")} />
          </>
        )}
        more={(p) => (
          <>
            <Num path={[...p, "completedMonths"]} label={f("f.completedMonths")} />
            <DateIn path={[...p, "end"]} label={f("f.end")} />
            <DateIn path={[...p, "cancelled"]} label={f("f.cancelled")} />
            <Chk path={[...p, "programfagInCompany"]} label={f("f.programfagInCompany")} />
            <Chk path={[...p, "ysk"]} label={f("f.ysk")} />
            <Sel path={[...p, "finalTest", "kind"]} label={f("f.finalTestKind")} opts={FINAL_TEST_OPTS} />
            <Sel path={[...p, "finalTest", "result"]} label={f("f.finalTestResult")} opts={VURDERING_OPTS("").slice(1)} />
            <DateIn path={[...p, "finalTest", "passedOn"]} label={f("f.passedOn")} />
          </>
        )}
      />

      <IopSection />

      <Rows
        path={["udirDecisions"]}
        title={f("sec.udirDecisions")}
        empty={() => ({ kind: "dispensasjon", ref: { caseNumber: "", date: "" }, fagkoder: [] })}
        row={(p) => (
          <>
            <Sel path={[...p, "kind"]} label={f("f.kind")} opts={[["dispensasjon", "Dispensasjon (12.1)"], ["forsok", "Forsøk (12.2)"]]} required />
            <Txt path={[...p, "ref", "caseNumber"]} label={f("f.caseNumber")} keepEmpty />
            <DateIn path={[...p, "ref", "date"]} label={f("f.date")} />
            <Strings path={[...p, "fagkoder"]} label={f("f.fagkoder")} />
          </>
        )}
        more={(p) => (
          <>
            <Txt path={[...p, "ref", "text"]} label={f("f.text")} wide />
            <Chk path={[...p, "ref", "textMentionsVedlegg"]} label={f("f.textMentionsVedlegg")} />
          </>
        )}
      />

      <section className="vm-rows card">
        <Merknader path={["vitnemalsmerknader"]} label={f("sec.vitnemalsmerknader")} kind="VMM" />
      </section>

      <section className="vm-rows card" data-testid="vm-f-course">
        <h3>{f("sec.course")}</h3>
        {section("course").length > 0 && <Findings findings={section("course")} testid="vm-section-findings" />}
        <Multi path={["course", "achieved"]} label={f("f.achieved")} opts={SLUTTKOMPETANSE} />
        <div className="vm-row-fields">
          <Chk path={["course", "allPassed"]} label={f("f.allPassed")} />
          <Chk path={["course", "fixedLop"]} label={f("f.fixedLop")} />
          <Chk path={["course", "withinNormalTime"]} label={f("f.withinNormalTime")} />
          <Chk path={["course", "retookFailedAfterNormalTime"]} label={f("f.retookFailedAfterNormalTime")} />
          <Chk path={["course", "vg4Pabygging"]} label={f("f.vg4Pabygging")} />
          <Chk path={["course", "replacedElevSubjectWithPrivatist"]} label={f("f.replacedElevSubjectWithPrivatist")} />
          <Chk path={["course", "fourAreaLop"]} label={f("f.fourAreaLop")} />
          <Chk path={["course", "fellesfagDocumented"]} label={f("f.fellesfagDocumented")} />
          <Chk path={["course", "finalTestPassedFellesfagFailed"]} label={f("f.finalTestPassedFellesfagFailed")} />
          <Chk path={["course", "praksisbrevExceptionApproved"]} label={f("f.praksisbrevExceptionApproved")} />
        </div>
        <Multi path={["course", "extendedTimeReasons"]} label={f("f.extendedTimeReasons")} opts={EXTENDED} />
        <div className="vm-row-fields">
          <Num path={["course", "requiredExams"]} label={f("f.requiredExams")} />
          <Strings path={["course", "section342Approved"]} label={f("f.section342Approved")} />
          <DateIn path={["course", "fremmedsprakPrivatistBy"]} label={f("f.fremmedsprakPrivatistBy")} />
        </div>
      </section>
    </>
  );
}

function SubjectRows({ byFagkode }: { byFagkode: (i: number) => Finding[] }) {
  const f = useF();
  const { value, set } = useCtx();
  const vur = VURDERING_OPTS(f("form.dotted"));
  /** Picking a catalogue code fills fagtype, timer and nivå from the catalogue (they stay editable). */
  const pickCode = (p: Path, code: string) => {
    let row = setIn(getIn(value, p), ["fagkode"], code) as Json;
    const d = subjectDef(code);
    if (d) {
      row = { ...row, fagtype: d.fagtype, omfang: d.omfang ?? null, ...((LEVEL_ORDER as readonly string[]).includes(d.level) ? { level: d.level } : {}) };
      if (d.faggruppe !== undefined && row.faggruppe === undefined && d.faggruppe !== d.fagkode) row.faggruppe = d.faggruppe;
    }
    set(p, row);
  };
  return (
    <Rows
      path={["subjects"]}
      title={f("sec.subjects")}
      rowFindings={byFagkode}
      empty={() => ({ fagkode: "", fagtype: "FF", omfang: null, level: "VG1", status: "elev", year: { half: "V", year: THIS_YEAR } })}
      row={(p) => {
        const code = String(getIn(value, [...p, "fagkode"]) ?? "");
        return (
          <>
            <div className="field vm-f" data-field={pathName([...p, "fagkode"])}>
              <label>
                {f("f.fagkode")}
                <input className="vm-code" list="vm-fagkoder" data-testid={tid([...p, "fagkode"])} value={code} onChange={(e) => pickCode(p, e.target.value)} />
              </label>
              <CodeName code={code} lookup={(c) => subjectDef(c)?.name} />
            </div>
            <Sel path={[...p, "fagtype"]} label={f("f.fagtype")} opts={FAGTYPE_OPTS} required />
            <Num path={[...p, "omfang"]} label={f("f.omfang")} emptyIsNull />
            <Sel path={[...p, "level"]} label={f("f.level")} opts={LEVEL_OPTS} required />
            <Sel path={[...p, "status"]} label={f("f.status")} opts={STATUS_OPTS} required />
            <HalfYear path={[...p, "year"]} label={f("f.year")} />
            <Sel path={[...p, "standpunkt"]} label={f("f.standpunkt")} opts={vur} />
            <Sel path={[...p, "eksamen"]} label={f("f.eksamen")} opts={vur} />
            <Sel path={[...p, "examForm"]} label={f("f.examForm")} opts={[[null, f("form.dotted")], ...EXAM_FORM_OPTS]} />
            <Sel path={[...p, "halvar"]} label={f("f.halvar")} opts={vur} />
          </>
        );
      }}
      more={(p) => (
        <>
          <Txt path={[...p, "name"]} label={f("f.name")} wide />
          <Sel path={[...p, "examKind"]} label={f("f.examKind")} opts={EXAM_KIND_OPTS} />
          <Chk path={[...p, "tverrfagligExam"]} label={f("f.tverrfagligExam")} />
          <Sel path={[...p, "finalTest"]} label={f("f.finalTest")} opts={FINAL_TEST_OPTS} />
          <Txt path={[...p, "programmeArea"]} label={f("f.programmeArea")} list="vm-programomrader" />
          <Txt path={[...p, "faggruppe"]} label={f("f.faggruppe")} />
          <Txt path={[...p, "replaces"]} label={f("f.replaces")} list="vm-fagkoder" />
          <Chk path={[...p, "beyondMinimum"]} label={f("f.beyondMinimum")} />
          <Chk path={[...p, "leftOffByChoice"]} label={f("f.leftOffByChoice")} />
          <Chk path={[...p, "takenInLowerSecondary"]} label={f("f.takenInLowerSecondary")} />
          <Chk path={[...p, "fremmedsprak"]} label={f("f.fremmedsprak")} />
          <Merknader path={[...p, "merknader"]} label={f("f.merknader")} kind="FAM" />
        </>
      )}
    />
  );
}

function IopSection() {
  const f = useF();
  const { value, set } = useCtx();
  const on = value.iop !== undefined;
  return (
    <section className="vm-rows card" data-testid="vm-f-iop">
      <h3>{f("sec.iop")}</h3>
      <label>
        <input type="checkbox" checked={on} onChange={(e) => set(["iop"], e.target.checked ? { deviatingSubjects: [], specialEducationDecision: false } : undefined)} /> {f("f.iopOn")}
      </label>
      {on && (
        <div className="vm-row-fields">
          <Strings path={["iop", "deviatingSubjects"]} label={f("f.deviatingSubjects")} />
          <Chk path={["iop", "specialEducationDecision"]} label={f("f.specialEducationDecision")} explicitFalse />
          <Chk path={["iop", "yearCodes"]} label={f("f.yearCodes")} />
          <Chk path={["iop", "buildsOnVg2OrVg3"]} label={f("f.buildsOnVg2OrVg3")} />
        </div>
      )}
    </section>
  );
}

// -------------------------------------------------------------------------------------------------------- the form

/** The top-level fields the form shows; a finding naming none of them (nor a fagkode) is listed on top. */
const ROOTS = ["person", "issuer", "signatories", "requested", "statuses", "programmeAreas", "subjects", "exams", "exemptions", "approvals", "conduct", "absence", "subjectAbsence", "contracts", "iop", "udirDecisions", "vitnemalsmerknader", "course"];

/**
 * The case form: a new case (POST /cases) or a correction of version `version` with its reason (PUT /cases/:id).
 * Test ids `vm-editor-*` are the page's (e2e/vitnemal.test.ts, e2e/vitnemal-form.test.ts).
 */
export function CaseForm({ initial, id, version, onSaved, onReload }: { initial: unknown; id?: string; version?: number; onSaved: (d: CaseDetail) => void; onReload?: () => void }) {
  const t = useT();
  const f = useF();
  const [value, setValue] = useState<Json>(() => structuredClone(initial) as Json);
  const [reason, setReason] = useState("");
  const [preview, setPreview] = useState<Preview | null>(null);
  const [json, setJson] = useState<string | null>(null);
  const [jsonErr, setJsonErr] = useState<string | null>(null);
  const [gen, setGen] = useState(0);
  const submit = useSubmit({ findingStatuses: [422] });

  const shown = useMemo(() => [...submit.findings, ...(preview?.findings ?? [])].filter((x) => x.severity !== "info"), [submit.findings, preview]);
  const fagkoder = useMemo(() => new Set(((value.subjects as Json[] | undefined) ?? []).map((s) => s.fagkode).filter((k): k is string => typeof k === "string" && k !== "")), [value]);
  const ctx = useMemo<Ctx>(
    () => ({
      value,
      set: (p, v) => {
        setValue((old) => setIn(old, p, v) as Json);
        setPreview(null);
      },
      about: (name) => shown.filter((x) => isAbout(x, name)),
      bump: () => setGen((g) => g + 1),
    }),
    [value, shown],
  );
  const formRef = useRef<HTMLFormElement>(null);
  // a refusal's findings sit beside their fields: bring the first field with an error into view
  useEffect(() => {
    if (submit.findings.length > 0) formRef.current?.querySelector(".has-error")?.scrollIntoView({ block: "center" });
  }, [submit.findings]);
  const rest = shown.filter((x) => x.subject === undefined || (!ROOTS.some((r) => isAbout(x, r)) && !fagkoder.has(x.subject)));

  const runPreview = async () => {
    setPreview(null);
    const p = await submit.run(() => post<Preview>(`${API}/preview`, value));
    if (p) setPreview(p);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setPreview(null);
    const d = await submit.run(() => (id !== undefined ? put<CaseDetail>(`${API}/cases/${encodeURIComponent(id)}`, { input: value, version, reason }) : post<CaseDetail>(`${API}/cases`, value)));
    if (d) onSaved(d);
  };
  const stale = submit.err instanceof ApiError && submit.err.status === 409 ? submit.err : null;
  const current = stale ? /current (?:version )?is (\d+)/.exec(`${stale.problem.detail ?? ""} ${stale.findings.map((x) => x.message.en).join(" ")}`)?.[1] : undefined;

  return (
    <FormCtx.Provider value={ctx}>
      <form ref={formRef} className="vm-editor vm-form" onSubmit={(e) => void save(e)} data-testid="vm-editor" noValidate>
        {rest.length > 0 && (
          <div className="card" data-testid="vm-form-other-findings">
            <strong>{f("form.otherFindings")}</strong>
            <Findings findings={rest} />
          </div>
        )}
        <Fields key={gen} />

        <details
          className="card"
          data-testid="vm-json"
          onToggle={(e) => {
            if ((e.target as HTMLDetailsElement).open) setJson(JSON.stringify(value, null, 2));
          }}
        >
          <summary>{f("form.json")}</summary>
          <p className="hint">{f("form.jsonHint")}</p>
          <textarea data-testid="vm-editor-json" spellCheck={false} rows={18} value={json ?? ""} onChange={(e) => setJson(e.target.value)} aria-label={t("edit.json")} />
          <button
            type="button"
            className="secondary"
            data-testid="vm-json-apply"
            onClick={() => {
              try {
                setValue(JSON.parse(json ?? "{}") as Json);
                setGen((g) => g + 1);
                setPreview(null);
                setJsonErr(null);
              } catch (x) {
                setJsonErr(`${f("form.badJson")}: ${(x as Error).message}`);
              }
            }}
          >
            {f("form.jsonApply")}
          </button>
          {jsonErr && <p className="error-text">{jsonErr}</p>}
        </details>

        {id !== undefined && (
          <div className="field">
            <label htmlFor="vm-edit-reason">{t("edit.reason")}</label>
            <input id="vm-edit-reason" data-testid="vm-editor-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </div>
        )}
        <div className="vm-confirm">
          <button type="button" className="secondary" disabled={submit.busy} data-testid="vm-editor-preview" onClick={() => void runPreview()}>
            {t("edit.preview")}
          </button>
          <button type="submit" className="primary" disabled={submit.busy || (id !== undefined && reason.trim() === "")} data-testid="vm-editor-save">
            {id !== undefined ? t("edit.saveCorrection") : t("edit.register")}
          </button>
        </div>
        {submit.findings.length > 0 && (
          <Banner kind="error" testid="vm-form-refused">
            <p>{f("form.refused", { n: submit.findings.length })}</p>
          </Banner>
        )}
        {stale ? (
          <Banner kind="error" testid="vm-stale">
            <p>{f("form.stale", { sent: version ?? "?", current: current ?? "?" })}</p>
            {onReload && (
              <button type="button" className="secondary" data-testid="vm-stale-reload" onClick={onReload}>
                {f("form.reload")}
              </button>
            )}
          </Banner>
        ) : (
          <Problem error={submit.err} />
        )}
        {preview && (
          <div data-testid="vm-editor-result" data-issuable={String(preview.issuable)} data-kind={preview.kind ?? ""}>
            <p>
              <KindBadge kind={preview.kind} /> {preview.issuable ? t("state.issuable") : t("state.notIssuable")}
            </p>
            {preview.lines.length > 0 && <PreviewLines lines={preview.lines} />}
          </div>
        )}
      </form>
    </FormCtx.Provider>
  );
}

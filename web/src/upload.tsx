/**
 * Upload of an all-or-nothing CSV import (a file, or text pasted in): the columns the route expects, an example
 * header row to download, and the answer — "N imported", or on 422 every finding as `line N: field` with its value,
 * message and citation, and the statement that nothing was saved. Any rulebook's `text/csv` import route can use it.
 */
import { useState, type FormEvent, type ReactNode } from "react";
import { ApiError, notifyUnauthorized, type Finding, type Problem } from "./api.ts";
import { Banner, ProblemBanner } from "./components.tsx";
import { useSubmit } from "./forms.ts";
import { citationText, findingText, useI18n, useTexts } from "./i18n.tsx";

const TEXTS = {
  da: {
    columns: "Overskriftsrække (kolonner adskilt med ; eller ,)",
    example: "Hent som CSV-fil",
    file: "CSV-fil",
    paste: "… eller indsæt CSV-tekst",
    submit: "Indlæs",
    busy: "Indlæser …",
    empty: "Vælg en fil eller indsæt tekst.",
    imported: "{n} rækker indlæst.",
    imported1: "1 række indlæst.",
    refused: "Intet er gemt: filen indlæses helt eller slet ikke, og {n} fund skal rettes først.",
    refused1: "Intet er gemt: filen indlæses helt eller slet ikke, og 1 fund skal rettes først.",
    where: "Linje: felt",
    value: "Værdi",
    rule: "Regel",
    message: "Fund",
    cite: "Hjemmel",
  },
  en: {
    columns: "Header row (columns separated by ; or ,)",
    example: "Download as a CSV file",
    file: "CSV file",
    paste: "… or paste CSV text",
    submit: "Import",
    busy: "Importing …",
    empty: "Choose a file or paste text.",
    imported: "{n} rows imported.",
    imported1: "1 row imported.",
    refused: "Nothing was saved: the file is imported all or nothing, and {n} findings must be fixed first.",
    refused1: "Nothing was saved: the file is imported all or nothing, and 1 finding must be fixed first.",
    where: "Line: field",
    value: "Value",
    rule: "Rule",
    message: "Finding",
    cite: "Citation",
  },
};

/** POST a CSV text as `text/csv`; the parsed JSON answer, or an `ApiError` carrying the problem's findings (401: back to the login, as `api` does). */
export async function postCsv<T>(path: string, text: string): Promise<T> {
  const res = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { Accept: "application/json", "Content-Type": "text/csv" },
    body: text,
  });
  const data: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    if (res.status === 401) notifyUnauthorized();
    const problem: Problem = data && typeof data === "object" ? { status: res.status, ...(data as Partial<Problem>) } : { status: res.status, title: res.statusText };
    throw new ApiError(res.status, problem);
  }
  return data as T;
}

/** A link that downloads `text` as a CSV file named `filename` (built in the browser, nothing fetched). */
export function CsvDownload({ filename, text, testid, children }: { filename: string; text: string; testid?: string; children: ReactNode }) {
  return (
    <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(text)}`} download={filename} data-testid={testid}>
      {children}
    </a>
  );
}

/** Every finding of a refused import as a table row: where (`line N: field`), value, rule, message, citation. */
export function ImportFindings({ findings, testid }: { findings: Finding[]; testid?: string }) {
  const t = useTexts(TEXTS);
  const { lang } = useI18n();
  return (
    <div className="table-scroll">
      <table className="table" data-testid={testid}>
        <thead>
          <tr>
            <th>{t("where")}</th>
            <th>{t("value")}</th>
            <th>{t("message")}</th>
            <th>{t("rule")}</th>
            <th>{t("cite")}</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, i) => (
            <tr key={i} className={`finding-${f.severity}`} data-testid="import-finding" data-rule={f.rule} data-subject={f.subject ?? ""} data-severity={f.severity}>
              <td>{f.subject ?? ""}</td>
              <td>{f.value === undefined || f.value === null ? "" : String(f.value)}</td>
              <td>{findingText(f, lang)}</td>
              <td>
                <code>{f.rule}</code>
              </td>
              <td>
                <cite className="finding-cite" data-testid="finding-cite">
                  {citationText(f)}
                </cite>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A CSV import form: `columns` are shown and make the example file; the text of a chosen file (or the pasted text)
 * is posted to `path`; the route answers `{ imported }` or 422 with findings (all or nothing).
 */
export function CsvImportForm(props: {
  title: string;
  intro?: ReactNode;
  path: string;
  columns: readonly string[];
  exampleRows?: readonly string[];
  filename: string;
  testid: string;
  onDone?: (imported: number) => void;
}) {
  const t = useTexts(TEXTS);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const imp = useSubmit({ findingStatuses: [422] });
  const { busy, err, findings: refused } = imp;
  const [imported, setImported] = useState<number | null>(null);
  const header = props.columns.join(";");
  const example = [header, ...(props.exampleRows ?? [])].join("\n") + "\n";
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setImported(null);
    imp.clear();
    const body = file ? await file.text() : text;
    if (body.trim() === "") {
      imp.setErr(new Error(t("empty")));
      return;
    }
    const res = await imp.run(() => postCsv<{ imported: number }>(props.path, body));
    if (!res) return;
    setImported(res.imported);
    props.onDone?.(res.imported);
  };
  return (
    <form className="card" onSubmit={(e) => void submit(e)} data-testid={props.testid}>
      <h2>{props.title}</h2>
      {props.intro}
      <p className="small">
        {t("columns")}: <code data-testid={`${props.testid}-columns`}>{header}</code>{" "}
        <CsvDownload filename={props.filename} text={example} testid={`${props.testid}-example`}>
          ⤓ {t("example")}
        </CsvDownload>
      </p>
      <div className="grid">
        <div className="field">
          <label htmlFor={`${props.testid}-file`}>{t("file")}</label>
          <input
            id={`${props.testid}-file`}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid={`${props.testid}-file`}
          />
        </div>
        <div className="field field-wide">
          <label htmlFor={`${props.testid}-text`}>{t("paste")}</label>
          <textarea id={`${props.testid}-text`} rows={5} value={text} onChange={(e) => setText(e.target.value)} disabled={file !== null} data-testid={`${props.testid}-text`} spellCheck={false} />
        </div>
      </div>
      <button type="submit" className="primary" disabled={busy} data-testid={`${props.testid}-submit`}>
        {busy ? t("busy") : t("submit")}
      </button>
      <ProblemBanner error={err} />
      {refused.length > 0 && (
        <div data-testid={`${props.testid}-refused`} data-count={refused.length}>
          <Banner kind="error">{refused.length === 1 ? t("refused1") : t("refused", { n: refused.length })}</Banner>
          <ImportFindings findings={refused} testid={`${props.testid}-findings`} />
        </div>
      )}
      {imported !== null && (
        <div data-testid={`${props.testid}-imported`} data-count={imported}>
          <Banner kind="success">{imported === 1 ? t("imported1") : t("imported", { n: imported })}</Banner>
        </div>
      )}
    </form>
  );
}

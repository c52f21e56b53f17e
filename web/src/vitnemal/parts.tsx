/**
 * Shared pieces of the vitnemål pages (module.tsx, case-form.tsx): the API types of a preview and a case, the bokmål
 * findings in the UI's local slot, the document kind badge and the preview's lines with their sections.
 */
import { useMemo } from "react";
import { ApiError, type Finding } from "../api.ts";
import { FindingList, ProblemBanner } from "../components.tsx";
import { useI18n, useTexts } from "../i18n.tsx";
import { TEXTS } from "./texts.ts";

export const API = "/api/vitnemal";
export const useT = () => useTexts(TEXTS);

export type Kind = "vitnemal" | "kompetansebevis";

export type Part = "identity" | "intro" | "programme-area" | "sluttkompetanse" | "subject" | "sum" | "conduct" | "absence" | "merknad" | "place-date" | "number" | "vedlegg";

export interface PreviewLine {
  part: Part;
  text: string;
  sections: string[];
  why: { nb: string; en: string };
  findings: Finding[];
}

export interface Preview {
  caseId: string | null;
  version: number | null;
  kind: Kind | null;
  forstegang: boolean;
  issuable: boolean;
  findings: Finding[];
  lines: PreviewLine[];
}

export interface DocumentRow {
  number: string;
  kind: Kind;
  fnr: string;
  caseId: string | null;
  caseVersion: number | null;
  reason: string;
  replaces: string | null;
  on: string;
  by: string;
  status: "issued" | "cancelled";
}

export interface CaseDetail {
  id: string;
  version: number;
  fnrMasked: string;
  input: { person: { name: string } } & Record<string, unknown>;
  preview: Preview;
  history: { version: number; recordedAt: string; recordedBy: string; reason: string | null }[];
  documents: DocumentRow[];
}

/** The bokmål text of a finding in the local-language slot (the shared components read `message.da`). */
export const localized = (fs: Finding[]): Finding[] => fs.map((f) => (f.message.nb !== undefined && f.message.da === undefined ? { ...f, message: { ...f.message, da: f.message.nb } } : f));

export function Findings({ findings, testid }: { findings: Finding[]; testid?: string }) {
  const l = useMemo(() => localized(findings), [findings]);
  return <FindingList findings={l} {...(testid !== undefined ? { testid } : {})} />;
}

export function Problem({ error }: { error: unknown }) {
  if (error instanceof ApiError) {
    const e = new ApiError(error.status, { ...error.problem, findings: localized(error.findings) });
    return <ProblemBanner error={e} />;
  }
  return <ProblemBanner error={error} />;
}

export function KindBadge({ kind }: { kind: Kind | null }) {
  const t = useT();
  return (
    <span className={`pill vm-kind vm-kind-${kind ?? "none"}`} data-testid="vm-kind" data-kind={kind ?? ""}>
      {kind ? t(`kind.${kind}`) : t("kind.none")}
    </span>
  );
}

export function Sections({ refs }: { refs: string[] }) {
  const t = useT();
  return (
    <span className="vm-sections" data-testid="vm-sections">
      {refs.map((r) => (
        <span key={r} className="vm-section" data-section={r} title={`seed 003 · ${r}`}>
          {t("section", { ref: r })}
        </span>
      ))}
    </span>
  );
}

export function PreviewLines({ lines }: { lines: PreviewLine[] }) {
  const t = useT();
  const { lang } = useI18n();
  return (
    <ol className="vm-paper" data-testid="vm-preview">
      {lines.map((l, i) => {
        const worst = l.findings.some((f) => f.severity === "error") ? "error" : l.findings.some((f) => f.severity === "warning") ? "warning" : "";
        return (
          <li key={i} className={`vm-line vm-part-${l.part} ${worst ? `vm-line-${worst}` : ""}`} data-testid="vm-line" data-part={l.part} data-sections={l.sections.join(" ")}>
            <div className="vm-line-main">
              <span className="vm-part">{t(`part.${l.part}`)}</span>
              <span className="vm-text" data-testid="vm-line-text">
                {l.text}
              </span>
            </div>
            <div className="vm-why" data-testid="vm-why">
              <Sections refs={l.sections} />
              <span className="vm-why-text">{lang === "en" ? l.why.en : l.why.nb}</span>
            </div>
            <Findings findings={l.findings} testid="vm-line-findings" />
          </li>
        );
      })}
    </ol>
  );
}

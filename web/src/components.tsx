/** Small shared pieces: findings with their citation, severity badges, field wrappers, problem banners. */
import { useId, type ReactNode } from "react";
import type { ApiError, Finding } from "./api.ts";
import { citationText, findingText, useI18n } from "./i18n.tsx";

const ICON: Record<Finding["severity"], string> = { error: "✕", warning: "!", info: "i" };

export function FindingItem({ f }: { f: Finding }) {
  const { lang, t } = useI18n();
  return (
    <li
      className={`finding finding-${f.severity}`}
      data-testid="finding"
      data-rule={f.rule}
      data-severity={f.severity}
      data-subject={f.subject ?? ""}
    >
      <span className="finding-icon" aria-hidden="true">
        {ICON[f.severity]}
      </span>
      <span className="finding-body">
        <span className="visually-hidden">{t(`finding.${f.severity}`)}: </span>
        <span className="finding-message">{findingText(f, lang)}</span>{" "}
        <cite className="finding-cite" data-testid="finding-cite" title={t("finding.cite")}>
          {citationText(f)}
        </cite>
      </span>
    </li>
  );
}

export function FindingList({ findings, id, testid }: { findings: Finding[]; id?: string; testid?: string }) {
  if (findings.length === 0) return null;
  const order = { error: 0, warning: 1, info: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.severity] - order[b.severity]);
  return (
    <ul className="findings" id={id} data-testid={testid}>
      {sorted.map((f, i) => (
        <FindingItem key={`${f.rule}-${f.subject ?? ""}-${i}`} f={f} />
      ))}
    </ul>
  );
}

export function CountBadges({ errors, warnings }: { errors: number; warnings: number }) {
  const { t } = useI18n();
  if (errors === 0 && warnings === 0)
    return (
      <span className="badge badge-ok" data-testid="badge-ok">
        {t("list.ok")}
      </span>
    );
  return (
    <span className="badges">
      {errors > 0 && (
        <span className="badge badge-error" data-testid="badge-errors" data-count={errors}>
          {t("list.errors", { n: errors })}
        </span>
      )}
      {warnings > 0 && (
        <span className="badge badge-warning" data-testid="badge-warnings" data-count={warnings}>
          {warnings === 1 ? t("list.warning1") : t("list.warnings", { n: warnings })}
        </span>
      )}
    </span>
  );
}

/**
 * A labelled form field with its hint and the findings that concern it, tied together with aria-describedby so a
 * screen reader reads the finding with the field.
 */
export function Field(props: {
  name: string;
  label: string;
  hint?: string;
  findings: Finding[];
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  wide?: boolean;
}) {
  const base = useId();
  const id = `${base}-${props.name}`;
  const hintId = props.hint ? `${id}-hint` : undefined;
  const findingsId = props.findings.length ? `${id}-findings` : undefined;
  const describedBy = [hintId, findingsId].filter(Boolean).join(" ") || undefined;
  const worst = props.findings.some((f) => f.severity === "error") ? "error" : props.findings.some((f) => f.severity === "warning") ? "warning" : "";
  return (
    <div className={`field ${worst ? `field-${worst}` : ""} ${props.wide ? "field-wide" : ""}`} data-testid={`field-${props.name}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, describedBy, invalid: worst === "error" })}
      {props.hint && (
        <p className="hint" id={hintId}>
          {props.hint}
        </p>
      )}
      <FindingList findings={props.findings} id={findingsId} testid={`findings-${props.name}`} />
    </div>
  );
}

export function Banner({ kind, title, children, testid }: { kind: "error" | "warning" | "success" | "info"; title?: string; children?: ReactNode; testid?: string }) {
  return (
    <div className={`banner banner-${kind}`} role={kind === "error" || kind === "warning" ? "alert" : "status"} data-testid={testid}>
      {title && <strong className="banner-title">{title}</strong>}
      {children}
    </div>
  );
}

export function ProblemBanner({ error, title }: { error: unknown; title?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const e = error as Partial<ApiError> & { message?: string };
  return (
    <Banner kind="error" title={title ?? t("app.error")} testid="problem">
      {e.message && <p>{e.message}</p>}
      {e.findings && e.findings.length > 0 && <FindingList findings={e.findings} />}
    </Banner>
  );
}

export function Spinner() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t("app.loading")}
    </p>
  );
}

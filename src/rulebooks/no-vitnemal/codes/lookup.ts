/**
 * Looking up a merknad (FAM/VMM) for a document on a date: the one place that refuses unknown, expired, not yet valid
 * and misplaced merknader, and fills the placeholders of the text.
 *
 * §3: "Dere kan bare føre fag- og vitnemålsmerknader som er gitt av Utdanningsdirektoratet."
 * §3.5/§3.6: "Følgende … merknader er utgått, og kan ikke lenger benyttes på dokumentasjon".
 * §2.6: "Dere skal føre innholdet i merknaden, ikke koden for merknaden."
 */
import { decision, versionOn, type Decision, type Finding } from "../../../kernel/law.ts";
import type { IsoDate } from "../../../kernel/time/date.ts";
import { formatNorwegianDate, vmFinding } from "../cite.ts";
import type { IssuedDocumentKind } from "../model.ts";
import { merknadVersions, type MerknadDef } from "./merknader.ts";

export const DOC_NB: Record<IssuedDocumentKind, string> = { vitnemal: "vitnemål", kompetansebevis: "kompetansebevis" };
export const DOC_EN: Record<IssuedDocumentKind, string> = { vitnemal: "vitnemål (diploma)", kompetansebevis: "kompetansebevis (certificate)" };

export interface MerknadCheck {
  /** The document date: picks the version in force (§3.5, §3.6). */
  on: IsoDate;
  document: IssuedDocumentKind;
  /** Placeholder values. */
  params?: Record<string, string>;
  /** The case that allows a "(X)" document holds (VMM32 on a kompetansebevis with a completed, not passed course, §4.2). */
  conditionalAllowed?: boolean;
  /** Field name for the findings. */
  field?: string;
}

export interface ResolvedMerknad {
  def: MerknadDef;
  /** The printed text with the placeholders filled. */
  text: string;
}

/** Fills `{name}` placeholders; returns the names that have no value. */
export function fillText(template: string, params: Record<string, string> = {}): { text: string; missing: string[] } {
  const missing: string[] = [];
  const text = template.replace(/\{([a-z]+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined || v.trim() === "") {
      missing.push(name);
      return `<${name}>`;
    }
    return v;
  });
  return { text, missing };
}

/**
 * Resolves a merknad for a document on a date. Errors (the merknad may not stand there) give value null; the
 * findings carry the section that forbids it.
 */
export function resolveMerknad(code: string, check: MerknadCheck): Decision<ResolvedMerknad | null> {
  const field = check.field ?? "merknad";
  const c = code.trim().toUpperCase();
  const fail = (f: Finding) => decision<ResolvedMerknad | null>(null, [f]);
  const versions = merknadVersions(c);
  if (versions.length === 0)
    return fail(
      vmFinding(
        "merknad.unknown",
        "error",
        "3",
        `${c} er ikke en merknad gitt av Utdanningsdirektoratet; dere kan bare føre fag- og vitnemålsmerknader som er gitt av Utdanningsdirektoratet.`,
        `${c} is not a remark issued by Udir; only Udir's subject and document remarks may be used.`,
        field,
        c,
      ),
    );
  const def = versionOn(versions, check.on);
  if (def === undefined) {
    const ended = versions.filter((v) => v.validTo !== undefined && v.validTo < check.on);
    if (ended.length > 0) {
      const last = ended.reduce((a, b) => ((a.validTo ?? "") > (b.validTo ?? "") ? a : b));
      const repl = last.replacedBy;
      return fail(
        vmFinding(
          "merknad.expired",
          "error",
          last.cite,
          `${c} «${last.nb}» er utgått ${formatNorwegianDate(last.validTo ?? "")} og kan ikke lenger benyttes på dokumentasjon${repl !== undefined ? `; bruk ${repl}` : ""}.`,
          `${c} "${last.nb}" expired on ${formatNorwegianDate(last.validTo ?? "")} and can no longer be used${repl !== undefined ? `; use ${repl}` : ""}.`,
          field,
          c,
        ),
      );
    }
    const first = versions.reduce((a, b) => ((a.validFrom ?? "") < (b.validFrom ?? "") ? a : b));
    return fail(
      vmFinding(
        "merknad.not-yet-valid",
        "error",
        first.cite,
        `${c} «${first.nb}» gjelder først fra ${formatNorwegianDate(first.validFrom ?? "")}.`,
        `${c} "${first.nb}" applies only from ${formatNorwegianDate(first.validFrom ?? "")}.`,
        field,
        c,
      ),
    );
  }
  const because: Finding[] = [];
  if (!def.documents.includes(check.document)) {
    const conditional = def.conditional?.includes(check.document) === true;
    if (!(conditional && check.conditionalAllowed === true)) {
      const allowed = def.documents.map((d) => DOC_NB[d]).join(" og ");
      const allowedEn = def.documents.map((d) => DOC_EN[d]).join(" and ");
      return fail(
        vmFinding(
          "merknad.wrong-document",
          "error",
          def.cite,
          `${c} «${def.nb}» kan ikke stå på ${DOC_NB[check.document]}; den kan bare stå på ${allowed}${conditional ? " (på kompetansebevis bare i tilfellet punkt 4.2 nevner)" : ""}.`,
          `${c} "${def.nb}" may not stand on a ${DOC_EN[check.document]}; only on a ${allowedEn}${conditional ? " (on a kompetansebevis only in the case §4.2 names)" : ""}.`,
          field,
          c,
        ),
      );
    }
  }
  const { text, missing } = fillText(def.nb, check.params);
  if (missing.length > 0)
    return fail(
      vmFinding(
        "merknad.missing-value",
        "error",
        def.cite,
        `${c} «${def.nb}» mangler verdi for ${missing.join(", ")}.`,
        `${c} "${def.nb}" lacks a value for ${missing.join(", ")}.`,
        field,
        c,
      ),
    );
  return decision<ResolvedMerknad | null>({ def, text }, because);
}

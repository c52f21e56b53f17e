/**
 * Applies the §6–§13 rules to one `VitnemalCase` before 3a's `decideContent` (decide.ts) runs the §1–§5 rules and the
 * §3 selection: exam events (§6), exemptions and approvals (§7), the 10 % absence limit and the absence per year after
 * deductions (§8), the contracts' VMM31/VMM29 (§9.1, §9.11), the IOP (§11) and Udir's dispensations and trials (§12).
 * Each step's entries are written onto the subject lines (`applyEntry`), their VMMs onto the case's
 * vitnemålsmerknader (dispensations numbered VMM17–19), and the vedlegg lines collected.
 *
 * Usage: `const a = applyRules(c); const d = decideContent(a.value.case); toLayoutInput(a.value.case, d.value,
 * { …, absence: a.value.absence })` (with the vedlegg of both). Pure; the decision date is `c.decisionDate`.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { absenceLimit, noBasisEntry, recordedAbsence } from "./absence.ts";
import { vmFinding } from "./cite.ts";
import { allocateDispensationVmm, udirDecisionEntries } from "./dispensations.ts";
import { applyEntry, type Entry } from "./entry.ts";
import { examEntries, type ExamContext } from "./exams.ts";
import { approvalEntry, exemptionEntry, type ExemptionContext } from "./exemptions.ts";
import { checkIopExemptions, iopDocumentEntry, iopSubjectEntry } from "./iop.ts";
import type { AbsenceInput } from "./layout.ts";
import type { VedleggEntry } from "./merknader.ts";
import type { IssuedDocumentKind, MerknadUse, SubjectResult, VitnemalCase } from "./model.ts";
import { vmm29, vmm31 } from "./vocational.ts";

export interface ApplyOptions {
  /** Per exam fagkode: the §6.6 context (standpunkt code, a privatist's other exam code). */
  examContexts?: Readonly<Record<string, ExamContext>>;
  /** Per exemption fagkode: the §7 context beyond the line's status (norsk læreplan, practice years …). */
  exemptionContexts?: Readonly<Record<string, Partial<ExemptionContext>>>;
}

export interface AppliedCase {
  /** The case with the entries written onto its subject lines and vitnemålsmerknader. */
  case: VitnemalCase;
  /** Absence per course year after §8.1 deductions, for the layout (null cells = dotted line). */
  absence: AbsenceInput[];
  /** What the vedlegg must hold because of the §6–§13 rules. */
  vedlegg: VedleggEntry[];
  /** The document the entries allow when one of them allows only one (e.g. IM + FAM39 → kompetansebevis). */
  onlyOn?: IssuedDocumentKind;
}

/** Applies the §6–§13 rules of one case. Findings of every rule are kept. */
export function applyRules(c: VitnemalCase, opts: ApplyOptions = {}): Decision<AppliedCase> {
  const because: Finding[] = [];
  let subjects: SubjectResult[] = c.subjects.map((s) => ({ ...s }));
  const vmm: MerknadUse[] = [...(c.vitnemalsmerknader ?? [])];
  const vedlegg: VedleggEntry[] = [];
  const onlyOn = new Set<IssuedDocumentKind>();

  const put = (entries: readonly Entry[], ref: string) => {
    for (const e of entries) {
      vmm.push(...e.vmm);
      vedlegg.push(...e.vedlegg);
      if (e.onlyOn !== undefined) onlyOn.add(e.onlyOn);
      if (e.fagkode === "") continue;
      const i = subjects.findIndex((s) => s.fagkode === e.fagkode);
      if (i === -1) {
        because.push(
          vmFinding("apply.no-line", "warning", ref, `${e.fagkode}: regelen gjelder et fag som ikke står blant fagene på dokumentet.`, `${e.fagkode}: the rule concerns a subject that is not among the document's subjects.`, e.fagkode, e.fagkode),
        );
        continue;
      }
      if (e.omit === true) {
        subjects = subjects.filter((_, j) => j !== i);
        continue;
      }
      subjects[i] = applyEntry(subjects[i]!, e);
    }
  };
  const run = <T>(d: Decision<T>): T => {
    because.push(...d.because);
    return d.value;
  };

  // §6 exams
  for (const ev of c.exams ?? []) put(run(examEntries(ev, opts.examContexts?.[ev.fagkode] ?? {})), "6");

  // §7 exemptions and approvals (R94 / pre-R94 approvals are §13 and need the equivalence data: left to the caller)
  for (const x of c.exemptions ?? []) {
    const line = subjects.find((s) => s.fagkode === x.fagkode);
    const ctx: ExemptionContext = { status: line?.status ?? "elev", ...(opts.exemptionContexts?.[x.fagkode] ?? {}) };
    put([run(exemptionEntry(x, ctx))], "7");
  }
  for (const a of c.approvals ?? []) {
    if (a.kind === "r94" || a.kind === "forR94") continue;
    const line = subjects.find((s) => s.fagkode === a.fagkode);
    const grade = line?.standpunkt ?? undefined;
    put([run(approvalEntry(a, { on: c.decisionDate, level: line?.level ?? "VG1", ...(grade !== undefined && grade !== null ? { grade } : {}) }))], "7");
  }

  // §8.2 the 10 % limit
  for (const sa of c.subjectAbsence ?? []) {
    const lim = run(absenceLimit(sa));
    const line = subjects.find((s) => s.fagkode === sa.fagkode);
    if (lim.exceeded && line !== undefined) put([noBasisEntry(sa.fagkode, true, line.year)], "8.2");
  }

  // §11 IOP
  if (c.iop !== undefined) {
    because.push(...checkIopExemptions(c.iop, c.exemptions ?? []));
    for (const k of c.iop.deviatingSubjects) {
      const line = subjects.find((s) => s.fagkode === k);
      if (line === undefined) continue;
      const g = line.standpunkt ?? undefined;
      put([run(iopSubjectEntry(k, g === null ? undefined : g, line.year))], "11.3");
    }
    const doc = run(iopDocumentEntry(c.iop));
    if (doc !== null) put([doc], "11.3");
  }

  // §12 dispensations and trials
  for (const d of c.udirDecisions ?? []) put(run(udirDecisionEntries(d)), "12");

  // §9.1 / §9.11 contracts
  for (const k of c.contracts ?? []) {
    const v31 = run(vmm31(k));
    if (v31 !== null) put([v31], "9.1");
    const v29 = run(vmm29(k, c.decisionDate));
    if (v29 !== null) put([v29], "9.11");
  }

  // §8.1 absence per year
  const absence: AbsenceInput[] = [...(c.absence ?? [])]
    .sort((a, b) => a.courseYear - b.courseYear)
    .map((y) => {
      const r = run(recordedAbsence(y));
      return { label: `${y.courseYear}. år`, days: r?.days ?? null, hours: r?.hours ?? null };
    });

  const numbered = run(allocateDispensationVmm(vmm));
  let only: IssuedDocumentKind | undefined;
  if (onlyOn.size === 1) only = [...onlyOn][0];
  else if (onlyOn.size > 1)
    because.push(
      vmFinding("apply.conflicting-documents", "error", "3.1", "Reglene krever både vitnemål og kompetansebevis for det samme dokumentet (f.eks. FAM37 og FAM39).", "The rules require both a vitnemål and a kompetansebevis for the same document.", "document"),
    );
  const out: AppliedCase = { case: { ...c, subjects, vitnemalsmerknader: numbered }, absence, vedlegg };
  if (only !== undefined) out.onlyOn = only;
  return decision(out, because);
}

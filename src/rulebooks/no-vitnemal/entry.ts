/**
 * What a rule of seed 003 §6–§13 says goes on the document for one subject line: the cells it sets (standpunkt,
 * eksamen, eksamensform, år, omfang), the fagmerknad(er) of the line, the vitnemålsmerknader it adds to the document
 * and what the vedlegg (attachment) must hold. The rules in exams.ts, exemptions.ts, absence.ts, vocational.ts,
 * minorities.ts, iop.ts, dispensations.ts and transitional.ts return an `Entry`; `applyEntry` writes it onto a
 * `SubjectResult` so that merknader.ts (§3 selection) and the layout can take it from there.
 *
 * Cell convention (as in model.ts): `null` = stiplet linje (dotted line); `undefined` = the rule leaves the cell as it is.
 */
import type { HalfYear } from "../../kernel/time/half-year.ts";
import type { ExamForm, IssuedDocumentKind, MerknadUse, SubjectResult, Vurdering } from "./model.ts";
import type { VedleggEntry } from "./merknader.ts";

export interface Entry {
  /** The subject line the entry is for (the caller's fagkode, or the code the rule names, e.g. "IOP1000"). */
  fagkode: string;
  standpunkt?: Vurdering | null;
  halvar?: Vurdering | null;
  eksamen?: Vurdering | null;
  examForm?: ExamForm | null;
  /** The "År" column. */
  year?: HalfYear;
  /** Årstimer; null = "--" (codes without omfang, §2.6). */
  omfang?: number | null;
  /** Fagmerknader for this line, each with the section that puts it there (`because`). */
  fam: MerknadUse[];
  /** Vitnemålsmerknader the rule adds to the document. */
  vmm: MerknadUse[];
  /** What the vedlegg must hold. */
  vedlegg: VedleggEntry[];
  /**
   * The only document the entry may stand on, when the rule says so (e.g. IM/IV after an exam: the subject is not passed
   * and FAM29/FAM39 are kompetansebevis merknader). Absent = either.
   */
  onlyOn?: IssuedDocumentKind;
  /** The line is not printed at all (§6.7 "skal dere ikke synliggjøre", §7.1 no sidemål, §7.4 no kroppsøving for 4A). */
  omit?: boolean;
}

/** An empty entry for a fagkode. */
export const entry = (fagkode: string, over: Partial<Entry> = {}): Entry => ({ fagkode, fam: [], vmm: [], vedlegg: [], ...over });

/** A merknad use with the section that puts it there. */
export const use = (code: string, because: string, params?: Record<string, string>): MerknadUse =>
  params === undefined ? { code, because } : { code, because, params };

const CELLS = ["standpunkt", "halvar", "eksamen", "examForm", "year", "omfang"] as const;

/**
 * Writes an entry onto a subject line: the cells it sets replace the line's, its FAMs are added after the line's own
 * (the same code twice is kept once). VMMs and vedlegg belong to the document and are not on the line.
 */
export function applyEntry(line: SubjectResult, e: Entry): SubjectResult {
  const out: SubjectResult = { ...line };
  for (const k of CELLS) {
    if (e[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = e[k];
  }
  const fams = [...(line.merknader ?? [])];
  for (const m of e.fam) if (!fams.some((x) => x.code === m.code && JSON.stringify(x.params ?? {}) === JSON.stringify(m.params ?? {}))) fams.push(m);
  if (fams.length > 0) out.merknader = fams;
  return out;
}

/** All VMMs of several entries, each code once (the first one's params win). */
export function collectVmm(entries: readonly Entry[]): MerknadUse[] {
  const out: MerknadUse[] = [];
  for (const e of entries) for (const m of e.vmm) if (!out.some((x) => x.code === m.code && JSON.stringify(x.params ?? {}) === JSON.stringify(m.params ?? {}))) out.push(m);
  return out;
}

/** The FAM codes of an entry (for tests and explanations). */
export const famCodes = (e: Entry): string[] => e.fam.map((m) => m.code);
/** The VMM codes of an entry. */
export const vmmCodes = (e: Entry): string[] => e.vmm.map((m) => m.code);

/**
 * Export to the import format of Nasjonal vitnemålsdatabase (NVB), the "soltegnformat" of the NVB kontrollmotor
 * documentation as summarised in `../shared/reference/nvb-format.md` (cited below as "nvb §x"): one UTF-8 text file, LF
 * line ends, lines `¤X¤f1¤f2…` with the exact field count per record type (nvb §2.8: ¤A 10, ¤V 22, ¤P 9, ¤F 17, ¤M 10,
 * ¤D 6), one part per issuer orgnr (¤A then its ¤V blocks — ¤V, ¤P…, ¤F…, ¤M… — then its ¤D lines, nvb §2.9), the ¤A
 * counts computed from the lines written.
 *
 * Field values (nvb §2.3–2.5, §8): trimmed; CR/LF become the two characters `\n`; a value containing `¤` (or one that
 * would read as a quoted field, starting with `{` and ending with `}`) is wrapped in `{ }`. Maximum widths are checked
 * here (nvb §2.6: the engine would truncate with only a warning): an over-long value is an error, nothing is exported.
 *
 * Mappings bevis chose (docs 003-vitnemal.md, "NVB export"):
 *  - F3 Fagtypekode has no code for YF (yrkesfaglig fordypning) or IO (individuell opplæringsplan): YF → FP, IO → UP;
 *  - F5/F6: grades 1–6 and the §5.2 codes BM, B, IB, D, F, GK, IV, IM as they are; no assessment → `-`;
 *  - F7 Eksamensformkode only with a real F6 value (nvb §3.5: "F6 must hold a grade when F7 is set"): an exam form
 *    printed beside a dotted exam cell (avlyst, annullert without dispensation, §6.2/§6.7) is not sent;
 *  - ¤P P4/P5: kompetansebevis «fullført» → F, «bestått» → B; on a vitnemål the last level carries B «Bestått»
 *    (nvb §3.4: "For a KL vitnemål, the last year's ¤P must have B, F or FB");
 *  - V2 Foerstegangsvm J/N on a vitnemål, empty on a kompetansebevis; V17 D when a merknad is a Udir dispensation
 *    (VMM17–19); V18 J when generell studiekompetanse stands on the document, else empty; V26 B/N, A for English.
 */
import { cite, decision, type Decision, type Finding } from "../../kernel/law.ts";
import { parseOrgnr } from "../../kernel/ids/orgnr.ts";
import { parseFodselsnummer } from "../../kernel/ids/fodselsnummer.ts";
import { vmFinding } from "./cite.ts";
import type { CancelReason, IssuanceLog } from "./issuance.ts";
import { langOf, sortSubjects, type Assessment, type Fagtype, type VitnemalInput } from "./layout.ts";

/** nvb §2.8 field counts (after the tag). */
export const FIELD_COUNTS = { A: 10, S: 33, V: 22, P: 9, F: 17, M: 10, D: 6 } as const;

export const SEP = "¤";

export interface NvbCancellation {
  /** D1: the document annulled. */
  number: string;
  /** D2, ISO date. */
  on: string;
  /** D3: the caseworker's name. */
  by: string;
  /** D4 */
  replacedBy?: string;
  /** D5 */
  reason: CancelReason;
  /** D6 */
  comment?: string;
}

export interface NvbBatch {
  documents: readonly VitnemalInput[];
  cancellations: readonly NvbCancellation[];
  /** A8/A9 */
  system: { name: string; version: string };
  /** A10, T14 "YYYYMMDDHHMMSS", Norwegian local time (an input: rules never read the clock). */
  createdAt: string;
  /** VIGO school number (A2, N05) per orgnr, for parts whose documents do not carry `issuer.schoolNumber`. */
  schoolNumbers?: Readonly<Record<string, string>>;
}

const ref = (s: string) => cite("reference", `nvb-format.md ${s}`);
const nvbFinding = (rule: string, severity: "error" | "warning", where: string, nb: string, en: string, subject?: string, value?: string): Finding =>
  vmFinding(`nvb.${rule}`, severity, ref(where), nb, en, subject, value);

/** nvb §2.3–2.5: trim, line breaks as `\n`, `{ }` around a value containing ¤ or looking quoted. */
export function encodeField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = String(v).replace(/\r\n|\r|\n/g, "\\n").replace(/^[ \t]+|[ \t]+$/g, "");
  if (s.includes(SEP) || (s.startsWith("{") && s.endsWith("}"))) s = `{${s}}`;
  return s;
}

export function nvbLine(tag: keyof typeof FIELD_COUNTS, fields: readonly (string | number | null | undefined)[]): string {
  if (fields.length !== FIELD_COUNTS[tag]) throw new Error(`¤${tag} needs ${FIELD_COUNTS[tag]} fields, got ${fields.length}`);
  return `${SEP}${tag}${fields.map((f) => SEP + encodeField(f)).join("")}`;
}

/** D8 from an ISO date. */
const d8 = (iso: string) => iso.replace(/-/g, "");

const FAGTYPE_NVB: Record<Fagtype, string> = { FF: "FF", FP: "FP", VP: "VP", UP: "UP", PF: "PF", YF: "FP", IO: "UP" };
const UTDPROGRAM = new Set("AA BA BY DH EL FO HN HS ID KP MD ME MK NA RM SA SS ST TB TF TP TR".split(" "));

const gradeCode = (a: Assessment): string => (a === null ? "-" : String(a));

interface Built {
  lines: string[];
  counts: { V: number; D: number; F: number; P: number; M: number };
}

/** nvb §2.6: a value longer than its field's maximum width is an error here (the engine would truncate it). */
function checkWidth(out: Finding[], number: string, label: string, value: string, max: number): void {
  if (value.length > max)
    out.push(
      nvbFinding(
        "width",
        "error",
        "§2.6",
        `${number}: feltet ${label} er lengre enn ${max} tegn («${value}»).`,
        `${number}: field ${label} is longer than ${max} characters ("${value}").`,
        label,
        value,
      ),
    );
}

function documentLines(doc: VitnemalInput, out: Finding[]): Built {
  const n = doc.documentNumber;
  const lines: string[] = [];
  checkWidth(out, n, "V1 Vgdoknr", n, 18);
  const fnr = parseFodselsnummer(doc.person.fodselsnummer, "person.fodselsnummer");
  if (fnr.value === null)
    out.push(
      nvbFinding("fnr", "error", "§3.3 (V15)", `${n}: fødselsnummeret har feil kontrollsiffer eller format.`, `${n}: the fødselsnummer is invalid.`, "person.fodselsnummer"),
    );
  const digits = doc.person.fodselsnummer.replace(/\D/g, "");
  const vm = doc.kind === "vitnemal";
  const gsk = (doc.sluttkompetanse ?? []).includes("studiekompetanse");
  const sum = doc.sumOmfang ?? doc.subjects.reduce((s, x) => s + (x.omfang ?? 0), 0);
  const lang = langOf(doc);
  const disp = doc.merknader.some((m) => m.dispensation === true);
  checkWidth(out, n, "V20 Omfang", String(sum), 4);
  if (vm && (doc.orden === null || doc.adferd === null) && doc.subjects.some((s) => typeof s.standpunkt === "number"))
    out.push(
      nvbFinding(
        "orden",
        "warning",
        "§3.3 (V22/V23)",
        `${n}: NVB krever orden og adferd på vitnemål med standpunktkarakterer.`,
        `${n}: NVB requires orden and adferd on a vitnemål with standpunkt grades.`,
        "orden",
      ),
    );
  lines.push(
    nvbLine("V", [
      n,
      vm ? (doc.forstegangs === true ? "J" : "N") : "",
      "KL",
      vm ? "VM" : "KB",
      doc.completedYear,
      doc.issuer.orgnr,
      doc.issuer.place,
      d8(doc.issuedOn),
      doc.issuer.name,
      doc.signatories[0],
      doc.signatories[1],
      digits.slice(0, 6),
      digits.slice(6, 11),
      doc.person.name,
      disp ? "D" : "",
      gsk ? "J" : "",
      sum,
      doc.orden ?? "",
      doc.adferd ?? "",
      doc.vedlegg?.length ?? 0,
      "",
      lang === "nb" ? "B" : lang === "nn" ? "N" : "A",
    ]),
  );

  const levels = ["vg1", "vg2", "vg3", "vg4", "vg5"];
  const areas = [...doc.programmeAreas].sort((a, b) => levels.indexOf(a.level) - levels.indexOf(b.level));
  const byPosition = doc.absence.length === areas.length;
  areas.forEach((a, i) => {
    const abs = a.absence ?? (byPosition ? { days: doc.absence[i]!.days, hours: doc.absence[i]!.hours } : undefined);
    const last = i === areas.length - 1;
    const [p4, p5] = vm ? (last ? ["B", "Bestått"] : ["", ""]) : a.status === "bestatt" ? ["B", "bestått"] : a.status === "fullfort" ? ["F", "fullført"] : ["", ""];
    const prog = a.programmeCode ?? (UTDPROGRAM.has(a.code.slice(0, 2)) ? a.code.slice(0, 2) : "");
    checkWidth(out, n, "P6 Fravaer_dager", String(abs?.days ?? ""), 3);
    checkWidth(out, n, "P7 Fravaer_timer", String(abs?.hours ?? ""), 3);
    lines.push(nvbLine("P", [n, a.code, a.level.toUpperCase(), p4, p5, abs?.days ?? "", abs?.hours ?? "", prog, a.year ?? (last ? doc.completedYear : "")]));
  });
  if (vm && doc.subjects.some((s) => typeof s.standpunkt === "number") && areas.some((a, i) => (a.absence ?? (byPosition ? doc.absence[i] : undefined))?.days == null))
    out.push(
      nvbFinding(
        "absence",
        "warning",
        "§3.4 (P6/P7)",
        `${n}: fravær per år (dager og timer) mangler for NVB.`,
        `${n}: absence per year (days and hours) is missing for NVB.`,
        "absence",
      ),
    );

  sortSubjects(doc.subjects).forEach((s, i) => {
    checkWidth(out, n, "F2 Fagkode", s.fagkode, 10);
    const st = gradeCode(s.standpunkt);
    const ex = gradeCode(s.eksamen);
    const status = s.status ?? "E";
    if (status === "P" && typeof s.standpunkt === "number")
      out.push(
        nvbFinding(
          "privatist-standpunkt",
          "error",
          "§3.5 (F12)",
          `${n} ${s.fagkode}: privatistfag (P) med standpunktkarakter gir FEIL i NVB.`,
          `${n} ${s.fagkode}: a privatist subject (P) with a standpunkt grade is an NVB error.`,
          "subjects",
          s.fagkode,
        ),
      );
    if (s.eksamen === "D")
      out.push(nvbFinding("deltatt-exam", "error", "§4.1", `${n} ${s.fagkode}: «Deltatt» (D) er ikke tillatt som eksamenskarakter i NVB.`, `${n} ${s.fagkode}: D is not allowed as an exam grade in NVB.`, "subjects", s.fagkode));
    if (s.standpunkt === "F" || s.eksamen === "F")
      if (!s.merknad)
        out.push(nvbFinding("fritatt-fam", "error", "§4.1", `${n} ${s.fagkode}: «Fritatt» krever en fagmerknad (F13).`, `${n} ${s.fagkode}: F (fritatt) needs a FAM code in F13.`, "subjects", s.fagkode));
    const form = ex !== "-" && s.eksamensform !== null ? s.eksamensform : "";
    lines.push(
      nvbLine("F", [
        n,
        s.fagkode,
        FAGTYPE_NVB[s.fagtype],
        i + 1,
        st,
        ex,
        form,
        s.omfang ?? "",
        s.term.half,
        s.term.year,
        status,
        s.merknad?.code ?? "",
        s.merknad?.params?.[0] ?? "",
        s.merknad?.params?.[1] ?? "",
        "",
        "",
        "",
      ]),
    );
  });

  doc.merknader.forEach((m, i) => {
    if (!/^VMM\d{2}$/.test(m.code))
      out.push(nvbFinding("merknad-code", "error", "§3.6 (M3)", `${n}: «${m.code}» er ikke en VMM-kode.`, `${n}: "${m.code}" is not a VMM code.`, "merknader", m.code));
    lines.push(nvbLine("M", [n, i + 1, m.code, m.params?.[0] ?? "", m.params?.[1] ?? "", m.dispensation === true ? "DISP" : "", "F", "", "", ""]));
  });
  return { lines, counts: { V: 1, D: 0, F: doc.subjects.length, P: areas.length, M: doc.merknader.length } };
}

function cancellationLine(c: NvbCancellation, out: Finding[]): string {
  checkWidth(out, c.number, "D1 Vgdoknr", c.number, 18);
  if (c.by.trim() === "")
    out.push(nvbFinding("caseworker", "error", "§3.7 (D3)", `${c.number}: saksbehandler mangler.`, `${c.number}: the caseworker is missing.`, "by"));
  return nvbLine("D", [c.number, d8(c.on), c.by, c.replacedBy ?? "", c.reason, c.comment ?? ""]);
}

/**
 * The NVB file for a batch: one part per orgnr (in order of first appearance), each `¤A` followed by its ¤V blocks and
 * ¤D lines. Returns null with findings when anything would be rejected or truncated by NVB.
 */
export function nvbFile(batch: NvbBatch): Decision<string | null> {
  const out: Finding[] = [];
  if (!/^\d{14}$/.test(batch.createdAt))
    out.push(nvbFinding("created", "error", "§3.1 (A10)", "Tidspunkt for filen må ha formen ÅÅÅÅMMDDTTMMSS.", "The file time must be YYYYMMDDHHMMSS.", "createdAt", batch.createdAt));
  const parts = new Map<string, { docs: VitnemalInput[]; cancels: NvbCancellation[] }>();
  const part = (orgnr: string) => {
    let p = parts.get(orgnr);
    if (!p) parts.set(orgnr, (p = { docs: [], cancels: [] }));
    return p;
  };
  for (const d of batch.documents) part(d.issuer.orgnr).docs.push(d);
  for (const c of batch.cancellations) part(c.number.slice(1, 10)).cancels.push(c);
  const seen = new Set<string>();
  for (const d of batch.documents) {
    if (seen.has(d.documentNumber))
      out.push(nvbFinding("twice", "error", "§2.9", `${d.documentNumber} står to ganger i filen.`, `${d.documentNumber} appears twice in the file.`, "documentNumber", d.documentNumber));
    seen.add(d.documentNumber);
  }

  const lines: string[] = [];
  for (const [orgnr, p] of parts) {
    if (parseOrgnr(orgnr).value === null)
      out.push(nvbFinding("orgnr", "error", "§7.2", `«${orgnr}» er ikke et gyldig organisasjonsnummer.`, `"${orgnr}" is not a valid organisation number.`, "orgnr", orgnr));
    const skolenr = p.docs.find((d) => d.issuer.schoolNumber)?.issuer.schoolNumber ?? batch.schoolNumbers?.[orgnr] ?? "";
    if (!/^\d{5}$/.test(skolenr))
      out.push(
        nvbFinding(
          "skolenr",
          "error",
          "§3.1 (A2)",
          `Skolenummeret (VIGO, 5 siffer) mangler for ${orgnr}.`,
          `The VIGO school number (5 digits) is missing for ${orgnr}.`,
          "issuer.schoolNumber",
          skolenr,
        ),
      );
    const built = p.docs.map((d) => documentLines(d, out));
    const cancels = p.cancels.map((c) => cancellationLine(c, out));
    const sum = (k: keyof Built["counts"]) => built.reduce((s, b) => s + b.counts[k], 0);
    lines.push(nvbLine("A", [orgnr, skolenr, sum("V"), cancels.length, sum("F"), sum("P"), sum("M"), batch.system.name, batch.system.version, batch.createdAt]));
    for (const b of built) lines.push(...b.lines);
    lines.push(...cancels);
  }
  if (out.some((f) => f.severity === "error")) return decision<string | null>(null, out);
  return decision<string | null>(lines.map((l) => `${l}\n`).join(""), out);
}

/**
 * What a school sends after the events with seq > `afterSeq` of its issuance log: every document issued since (new,
 * changed, gender change, way-3 duplicate) and every cancellation since. Duplicates with an unchanged number (§2.11
 * ways 1 and 2) send nothing: that number is already in NVB.
 */
export function nvbBatchFromLog(log: IssuanceLog, afterSeq = 0): { documents: VitnemalInput[]; cancellations: NvbCancellation[] } {
  const docs: VitnemalInput[] = [];
  const cancellations: NvbCancellation[] = [];
  for (const e of log) {
    if (e.seq <= afterSeq) continue;
    if (e.type === "issued") docs.push(e.document);
    else if (e.type === "cancelled") {
      const c: NvbCancellation = { number: e.number, on: e.on, by: e.by, reason: e.reason };
      if (e.replacedBy !== undefined) c.replacedBy = e.replacedBy;
      if (e.comment !== undefined) c.comment = e.comment;
      cancellations.push(c);
    }
  }
  return { documents: docs, cancellations };
}

/** Splits an NVB line back into its fields (honouring `{ }`, decoding `\n`): for tests and for reading result files. */
export function parseNvbLine(line: string): { tag: string; fields: string[] } {
  if (!line.startsWith(SEP)) throw new Error("an NVB line starts with ¤");
  const tag = line.slice(1, 2);
  const fields: string[] = [];
  let i = 2;
  while (i < line.length) {
    if (line[i] !== SEP) throw new Error(`expected ¤ at ${i}`);
    i++;
    let v: string;
    if (line[i] === "{") {
      // a quoted field runs to the "}" followed by ¤ or the end of the line
      let j = i + 1;
      while (j < line.length && !(line[j] === "}" && (j + 1 === line.length || line[j + 1] === SEP))) j++;
      v = line.slice(i + 1, j);
      i = j + 1;
    } else {
      const j = line.indexOf(SEP, i);
      v = line.slice(i, j === -1 ? line.length : j);
      i = j === -1 ? line.length : j;
    }
    fields.push(v.replace(/\\n/g, "\n").trim());
  }
  return { tag, fields };
}

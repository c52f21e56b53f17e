/**
 * Selecting and checking the merknader of one document — seed 003 §3 (Merknader til vitnemål og kompetansebevis):
 * - every FAM/VMM must be one Udir gave, in force on the document date, allowed on this document (§3, §3.1–§3.6);
 * - "En fagmerknad per fag/fagkode": one FAM is printed per subject line, the rest go to the vedlegg with VMM23;
 * - §3.2: the extended-time VMMs only with VMM06, VMM06 only on a førstegangsvitnemål;
 * - §3.1 row conditions: FAM19/FAM26/FAM42 only with their fagkoder, FAM14 only for kroppsøving completed before
 *   01.08.2012, FAM35 (and FAM36) with VMM17–19, FAM32 with the grant as vedlegg;
 * - §3.3: VMM25 only while the subject was taken by autumn 2018; Udir case numbers padded to four digits (NVB).
 *
 * The texts come from `codes/merknader.ts`; `codes/lookup.ts` refuses unknown, expired and misplaced codes.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { halfYearEnd } from "../../kernel/time/half-year.ts";
import { vmFinding } from "./cite.ts";
import { resolveMerknad, type ResolvedMerknad } from "./codes/lookup.ts";
import { DISPENSATION_VMM, EXTENDED_TIME_VMM } from "./codes/merknader.ts";
import type { IssuedDocumentKind, MerknadUse, SubjectResult } from "./model.ts";

/** A line of the vedlegg (attachment) that a merknad points to (§2.10, §3). */
export interface VedleggEntry {
  /** The subject it concerns, when it is about one (§3: "hvilket fag og fagkode dette gjelder"). */
  fagkode?: string;
  /** The merknad behind it. */
  code: string;
  /** What the vedlegg must say or contain. */
  text: string;
  /** The section that requires it. */
  because: string;
}

export interface PrintedMerknader {
  /** Per subject line (by index in the input): the one FAM printed, or null. */
  perSubject: (ResolvedMerknad | null)[];
  /** The vitnemålsmerknader printed, in code order. */
  vmm: ResolvedMerknad[];
  /** What the vedlegg must hold. */
  vedlegg: VedleggEntry[];
}

export interface MerknadInput {
  document: IssuedDocumentKind;
  /** The document date. */
  on: IsoDate;
  subjects: readonly SubjectResult[];
  vitnemalsmerknader: readonly MerknadUse[];
  /** The §1.2 decision (decideForstegangsvitnemal); absent = not decided, VMM06 is then taken as asked. */
  forstegang?: boolean;
  /** The §4.2 case for VMM32 on a kompetansebevis: a completed but not passed course. */
  completedNotPassedLop?: boolean;
}

/**
 * bevis's order for choosing the one printed FAM when the user has not chosen (§3: "den fagmerknaden som har betydning
 * for poengberegning ved inntak til neste årstrinn eller høyere utdanning. Ellers … den viktigste informasjon"): first
 * the FAMs that change what the grade means for admission (exception, exam annulled/cancelled, grade from another
 * scheme, credit, approval), then the others in the order given.
 */
export const POINTS_RELEVANT_FAM: readonly string[] = [
  "FAM37", "FAM04", "FAM36", "FAM35", "FAM32", "FAM13", "FAM16", "FAM48", "FAM17", "FAM18", "FAM52", "FAM34", "FAM46",
  "FAM57", "FAM14", "FAM30", "FAM02", "FAM01", "FAM43",
];

const rank = (m: MerknadUse): number => {
  if (m.primary === true) return -1;
  const i = POINTS_RELEVANT_FAM.indexOf(m.code);
  return i === -1 ? POINTS_RELEVANT_FAM.length : i;
};

/**
 * §3.3 "må dere skrive dispensasjonsvedtak fra Utdanningsdirektoratet med 4 og 5 siffer (VMM17-19). Det betyr at dere
 * for saksnummer under 1000 legger til 0 foran saksnummeret, for eksempel: 2013/0999, 2013/0099, 2013/0009."
 * Pads every "<year>/<serial>" in a text to a serial of at least four digits.
 */
export function padCaseNumbers(text: string): string {
  return text.replace(/\b(\d{2}|\d{4})\/(\d{1,3})\b(?!\d)/g, (_, y: string, n: string) => `${y}/${n.padStart(4, "0")}`);
}

const sortCodes = (a: ResolvedMerknad, b: ResolvedMerknad) => a.def.code.localeCompare(b.def.code);

/** Checks and selects the merknader of one document. Findings with severity error block issuing. */
export function selectMerknader(input: MerknadInput): Decision<PrintedMerknader> {
  const because: Finding[] = [];
  const vedlegg: VedleggEntry[] = [];
  const perSubject: (ResolvedMerknad | null)[] = [];
  const allFam: string[] = [];

  input.subjects.forEach((s, i) => {
    const field = `subjects.${i}.merknader`;
    const seen = new Set<string>();
    const uses = (s.merknader ?? []).filter((m) => {
      const k = `${m.code}|${JSON.stringify(m.params ?? {})}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const resolved: { use: MerknadUse; r: ResolvedMerknad }[] = [];
    for (const use of uses) {
      if (!use.code.toUpperCase().startsWith("FAM")) {
        because.push(
          vmFinding("merknad.vmm-on-subject", "error", "3", `${s.fagkode}: ${use.code} er en vitnemålsmerknad og kan ikke stå som fagmerknad.`, `${s.fagkode}: ${use.code} is a document remark, not a subject remark.`, field, use.code),
        );
        continue;
      }
      const d = resolveMerknad(use.code, { on: input.on, document: input.document, field, ...(use.params !== undefined ? { params: use.params } : {}) });
      because.push(...d.because);
      if (d.value === null) continue;
      const def = d.value.def;
      if (def.onlyWithFagkoder !== undefined && !def.onlyWithFagkoder.includes(s.fagkode))
        because.push(
          vmFinding(
            "merknad.wrong-fagkode",
            "error",
            def.cite,
            `${def.code} «${def.nb}» gjelder bare fagkodene ${def.onlyWithFagkoder.join(", ")}, ikke ${s.fagkode}.`,
            `${def.code} applies only to ${def.onlyWithFagkoder.join(", ")}, not ${s.fagkode}.`,
            field,
            def.code,
          ),
        );
      else if (def.subjectLimit?.completedBefore !== undefined && halfYearEnd(s.year) >= def.subjectLimit.completedBefore)
        because.push(vmFinding("merknad.subject-too-late", "error", def.cite, `${s.fagkode}: ${def.code} — ${def.subjectLimit.note}`, `${s.fagkode}: ${def.code} applies only to subjects completed before ${def.subjectLimit.completedBefore}.`, field, def.code));
      else resolved.push({ use, r: d.value });
    }
    if (resolved.length === 0) {
      perSubject.push(null);
      return;
    }
    const primaries = resolved.filter((x) => x.use.primary === true);
    if (primaries.length > 1)
      because.push(vmFinding("merknad.two-primary", "error", "3", `${s.fagkode}: bare én fagmerknad kan velges til å stå på faget.`, `${s.fagkode}: only one subject remark can be chosen to stand on the line.`, field));
    const ordered = [...resolved].sort((a, b) => rank(a.use) - rank(b.use));
    const [chosen, ...rest] = ordered;
    perSubject.push(chosen?.r ?? null);
    for (const x of resolved) allFam.push(x.r.def.code);
    if (rest.length > 0) {
      for (const x of rest)
        vedlegg.push({ fagkode: s.fagkode, code: x.r.def.code, text: `${s.fagkode}${s.name !== undefined ? ` ${s.name}` : ""}: ${x.r.text}`, because: "3" });
      because.push(
        vmFinding(
          "merknad.one-per-subject",
          "info",
          "3",
          `${s.fagkode}: det er bare plass til én fagmerknad; ${chosen?.r.def.code} føres, ${rest.map((x) => x.r.def.code).join(", ")} føres i vedlegget, og VMM23 «Jf. vedlegg.» føres.`,
          `${s.fagkode}: one subject remark per line; ${chosen?.r.def.code} is printed, ${rest.map((x) => x.r.def.code).join(", ")} go to the vedlegg, with VMM23.`,
          field,
          chosen?.r.def.code ?? null,
        ),
      );
    }
    // Row conditions that create a vedlegg.
    for (const x of resolved) {
      if (x.r.def.code === "FAM32")
        vedlegg.push({ fagkode: s.fagkode, code: "FAM32", text: "Kopi av Utdanningsdirektoratets brev der forsøket ble innvilget.", because: "3.1" });
      if (x.r.def.code === "FAM31")
        vedlegg.push({ fagkode: s.fagkode, code: "FAM31", text: "Omfanget av kompetanseprøven.", because: "3.1" });
    }
  });

  // Vitnemålsmerknader.
  const vmm: ResolvedMerknad[] = [];
  const seenVmm = new Set<string>();
  for (const [i, use] of input.vitnemalsmerknader.entries()) {
    const field = `vitnemalsmerknader.${i}`;
    const code = use.code.trim().toUpperCase();
    if (!code.startsWith("VMM")) {
      because.push(vmFinding("merknad.fam-as-vmm", "error", "3", `${code} er en fagmerknad og må knyttes til et fag.`, `${code} is a subject remark and must belong to a subject.`, field, code));
      continue;
    }
    let params = use.params;
    if ((DISPENSATION_VMM as readonly string[]).includes(code) && params?.["tekst"] !== undefined) {
      const padded = padCaseNumbers(params["tekst"]);
      if (padded !== params["tekst"]) {
        because.push(
          vmFinding(
            "merknad.case-number-padded",
            "info",
            "3.3",
            `${code}: saksnummer under 1000 skrives med fire siffer for NVB («${padded}»).`,
            `${code}: case numbers below 1000 are written with four digits for NVB ("${padded}").`,
            field,
          ),
        );
        params = { ...params, tekst: padded };
      }
    }
    const d = resolveMerknad(code, {
      on: input.on,
      document: input.document,
      field,
      ...(params !== undefined ? { params } : {}),
      ...(input.completedNotPassedLop === true ? { conditionalAllowed: true } : {}),
    });
    because.push(...d.because);
    if (d.value === null) continue;
    const key = `${code}|${d.value.text}`;
    if (seenVmm.has(key)) continue;
    seenVmm.add(key);
    vmm.push(d.value);
  }
  const codes = new Set(vmm.map((m) => m.def.code));

  // §3.2 / §1.2
  const extended = vmm.filter((m) => (EXTENDED_TIME_VMM as readonly string[]).includes(m.def.code));
  if (extended.length > 0 && !codes.has("VMM06"))
    because.push(
      vmFinding(
        "merknad.extended-without-vmm06",
        "error",
        "3.2",
        `${extended.map((m) => m.def.code).join(", ")} kan bare stå på førstegangsvitnemål og kommer i tillegg til VMM06 «Førstegangsvitnemål».`,
        `${extended.map((m) => m.def.code).join(", ")} stand only on a førstegangsvitnemål, in addition to VMM06.`,
        "vitnemalsmerknader",
      ),
    );
  if (codes.has("VMM06") && input.forstegang === false)
    because.push(
      vmFinding(
        "merknad.vmm06-not-entitled",
        "error",
        "1.2",
        "VMM06 «Førstegangsvitnemål» føres bare på vitnemål som oppfyller kravene til førstegangsvitnemål.",
        "VMM06 stands only on a vitnemål that meets the førstegangsvitnemål requirements.",
        "vitnemalsmerknader",
        "VMM06",
      ),
    );
  if (!codes.has("VMM06") && input.forstegang === true)
    because.push(
      vmFinding("merknad.vmm06-missing", "error", "1.2", "Vitnemålet oppfyller kravene til førstegangsvitnemål: VMM06 «Førstegangsvitnemål» skal føres.", "The vitnemål qualifies as førstegangsvitnemål: VMM06 must be entered.", "vitnemalsmerknader", "VMM06"),
    );

  // §3.1 FAM35 (and FAM36) with VMM17–19.
  const hasDisp = DISPENSATION_VMM.some((c) => codes.has(c));
  if (allFam.includes("FAM35") && !hasDisp)
    because.push(vmFinding("merknad.fam35-without-vmm17", "error", "3.1", "FAM35 «Jf. dispensasjon»: i tillegg skal dere føre VMM17-19 med dispensasjonsvedtaket.", "FAM35 needs VMM17–19 with Udir's dispensation.", "vitnemalsmerknader", "FAM35"));
  if (allFam.includes("FAM36") && !hasDisp)
    because.push(
      vmFinding(
        "merknad.fam36-without-vmm17",
        "warning",
        "6.7",
        "FAM36 «Eksamen avlyst, jf. vedlegg»: tabellen i punkt 3.1 krever VMM17-19; etter punkt 6.7 trengs dispensasjon bare når eksamen er obligatorisk eller nødvendig for antall eksamener.",
        "FAM36: the §3.1 table asks for VMM17–19; §6.7 needs a dispensation only for an obligatory or required exam.",
        "vitnemalsmerknader",
        "FAM36",
      ),
    );

  // §3.3 VMM25 only while the subject was taken by autumn 2018.
  if (codes.has("VMM25")) {
    const nor = input.subjects.filter((s) => s.fagkode === "NOR1049" || s.fagkode === "NOR1045");
    if (nor.length === 0 || nor.every((s) => halfYearEnd(s.year) > "2018-12-31"))
      because.push(
        vmFinding(
          "merknad.vmm25-too-late",
          "error",
          "3.3",
          "VMM25 kan bare brukes så lenge faget (NOR1049 eller NOR1045) er tatt senest høsten 2018.",
          "VMM25 may be used only while the subject (NOR1049 or NOR1045) was taken by autumn 2018.",
          "vitnemalsmerknader",
          "VMM25",
        ),
      );
  }

  // §3 / §2.10: a vedlegg must be announced by a merknad; VMM23 once.
  // (FAM32 §12.2 and FAM31 §9.10 also say "Dere fører VMM23"; a FAM03 vedlegg is announced by FAM03 itself.)
  if (vedlegg.length > 0 && !codes.has("VMM23")) {
    const d = resolveMerknad("VMM23", { on: input.on, document: input.document });
    if (d.value !== null) vmm.push(d.value);
    because.push(
      vmFinding(
        "merknad.vmm23-added",
        "info",
        "3",
        "VMM23 «Jf. vedlegg.» føres fordi dokumentet har vedlegg med merknader som ikke fikk plass.",
        "VMM23 is added because the document has a vedlegg.",
        "vitnemalsmerknader",
        "VMM23",
      ),
    );
  }

  return decision<PrintedMerknader>({ perSubject, vmm: vmm.sort(sortCodes), vedlegg }, because);
}

/**
 * Seed 003 §12 Dispensasjoner og forsøk innvilget av Utdanningsdirektoratet, with §3.3's case-number rule:
 * - the Udir case number on a VMM17–19 text, its serial padded to four digits ("2013/0999"), at most five;
 * - the VMM17–19 text with the decision's date and case number;
 * - FAM35 on the subjects a dispensation concerns, VMM23 when the text does not say there is a vedlegg, the decision
 *   attached (§12.1); FAM32 + VMM23 + Udir's letter as vedlegg for a trial (forsøk, §12.2);
 * - numbering the document's dispensations VMM17, VMM18, VMM19 (three places).
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { vmFinding, formatNorwegianDate } from "./cite.ts";
import { DISPENSATION_VMM } from "./codes/merknader.ts";
import { entry, use, type Entry } from "./entry.ts";
import { padCaseNumbers } from "./merknader.ts";
import type { DispensationRef, MerknadUse, UdirDecision } from "./model.ts";

export interface CaseNumber {
  /** The year part as written ("2013" or "13"). */
  year: string;
  /** The serial without leading zeros. */
  serial: number;
  /** "2013/0999": the serial with at least four digits (§3.3). */
  formatted: string;
}

const CASE_RE = /^\s*(\d{2}|\d{4})\s*\/\s*(\d{1,6})\s*$/;

/**
 * §3.3 "For at vitnemål skal kunne importeres i Nasjonal vitnemålsdatabase (NVB) må dere skrive dispensasjonsvedtak fra
 * Utdanningsdirektoratet med 4 og 5 siffer (VMM17-19). Det betyr at dere for saksnummer under 1000 legger til 0 foran
 * saksnummeret, for eksempel: 2013/0999, 2013/0099, 2013/0009."
 *
 * Reads "2013/999" (also "13/999") and gives the serial padded to four digits; a serial of six digits or more cannot
 * be written with "4 og 5 siffer" and is an error.
 */
export function parseCaseNumber(s: string): Decision<CaseNumber | null> {
  const m = CASE_RE.exec(s);
  if (m === null || m[1] === undefined || m[2] === undefined)
    return decision(null, [
      vmFinding("dispensation.case-number-format", "error", "3.3", `Saksnummeret «${s}» har ikke formen <år>/<løpenummer> (f.eks. 2013/0999).`, `The case number "${s}" is not <year>/<serial> (e.g. 2013/0999).`, "caseNumber", s),
    ]);
  const serial = Number(m[2]);
  const digits = String(serial);
  if (digits.length > 5 || serial === 0)
    return decision(null, [
      vmFinding("dispensation.case-number-digits", "error", "3.3", `Saksnummeret «${s}» kan ikke skrives med 4 eller 5 siffer.`, `The case number "${s}" cannot be written with 4 or 5 digits.`, "caseNumber", s),
    ]);
  return decision({ year: m[1], serial, formatted: `${m[1]}/${digits.padStart(4, "0")}` });
}

/**
 * §12.1 "Det vil gå frem av dispensasjonsvedtaket hvilken tekst som skal føres på vitnemålet. Teksten skal inneholde
 * dato og saksnr. (Dersom dette ikke står i teksten fra direktoratet, må dere føre på vitnemålsmerknaden saksnummer og
 * dato i samsvar med saksnr. og dato på Utdanningsdirektoratets brev)."
 * The text's case numbers are padded (§3.3); the case number and date are appended when the text lacks them.
 */
export function dispensationText(ref: DispensationRef): Decision<string> {
  const because: Finding[] = [];
  const cn = parseCaseNumber(ref.caseNumber);
  because.push(...cn.because);
  const number = cn.value?.formatted ?? ref.caseNumber.trim();
  const date = formatNorwegianDate(ref.date);
  let text = padCaseNumbers((ref.text ?? "").trim());
  const missing: string[] = [];
  if (!text.includes(number)) missing.push(`saksnr. ${number}`);
  if (!text.includes(date)) missing.push(`dato ${date}`);
  if (text === "") {
    text = `Dispensasjonsvedtak fra Utdanningsdirektoratet, ${missing.join(", ")}`;
    because.push(vmFinding("dispensation.no-text", "warning", "12.1", "Dispensasjonsvedtaket har ingen tekst til vitnemålet; bevis fører saksnummer og dato. Kontroller mot vedtaket.", "The dispensation gives no text for the document; bevis enters the case number and date. Check against the decision.", "text"));
  } else if (missing.length > 0) {
    text = `${text} (${missing.join(", ")})`;
    because.push(vmFinding("dispensation.added-case-date", "info", "12.1", `Teksten fra direktoratet manglet ${missing.join(" og ")}; det er føyd til.`, `Udir's text lacked ${missing.join(" and ")}; added.`, "text"));
  }
  return decision(text, because);
}

/**
 * §12.1 "skal dere føre VMM17–19 <dispensasjonsvedtak fra Utdanningsdirektoratet-tekst>. … I tillegg skal dere føre
 * FAM35 «Jf. dispensasjon» når dispensasjonen kan knyttes til ett eller flere fag og det ikke fremgår av dette skrivet at
 * dere skal bruke en annen fagmerknad. Vedtak om dispensasjon fra Utdanningsdirektoratet skal ligge ved vitnemålet.
 * Dersom det ikke går frem av teksten … at vitnemålet skal ha slikt vedlegg, må dere i tillegg føre VMM23 «Jf. vedlegg»."
 *
 * §12.2 "Dere fører da FAM32 «Forsøk, jf. oppl. § 1-5» for det/de fagene hvor dere må avvike fra vanlige retningslinjer
 * for føring. Dere skal også føre VMM23 «Jf. vedlegg» og legge ved en kopi av Utdanningsdirektoratets brev".
 *
 * Returns one entry per subject (the first carries the document's VMMs and the vedlegg); with no subjects, one entry
 * with fagkode "" for the document-level merknader. `otherFam`: the FAM the decision says to use instead of FAM35.
 */
export function udirDecisionEntries(d: UdirDecision, opts: { otherFam?: string } = {}): Decision<Entry[]> {
  const because: Finding[] = [];
  const cn = parseCaseNumber(d.ref.caseNumber);
  because.push(...cn.because);
  const number = cn.value?.formatted ?? d.ref.caseNumber;
  const date = formatNorwegianDate(d.ref.date);
  const vmm: MerknadUse[] = [];
  const vedlegg: Entry["vedlegg"] = [];
  let famCode: string;
  let ref: string;
  if (d.kind === "dispensasjon") {
    ref = "12.1";
    const t = dispensationText(d.ref);
    because.push(...t.because);
    vmm.push(use("VMM17", ref, { tekst: t.value }));
    if (d.ref.textMentionsVedlegg !== true) vmm.push(use("VMM23", ref));
    vedlegg.push({ code: "VMM17", text: `Vedtak om dispensasjon fra Utdanningsdirektoratet, saksnr. ${number}, ${date}`, because: ref });
    famCode = opts.otherFam ?? "FAM35";
  } else {
    ref = "12.2";
    vmm.push(use("VMM23", ref));
    vedlegg.push({ code: "FAM32", text: `Kopi av Utdanningsdirektoratets brev om innvilget forsøk, saksnr. ${number}, ${date}`, because: ref });
    famCode = "FAM32";
  }
  const codes = d.fagkoder.length > 0 ? d.fagkoder : [""];
  const out = codes.map((k, i) =>
    entry(k, {
      fam: k === "" ? [] : [use(famCode, ref)],
      vmm: i === 0 ? vmm : [],
      vedlegg: i === 0 ? vedlegg : [],
    }),
  );
  because.push(
    vmFinding(
      d.kind === "dispensasjon" ? "dispensation.applied" : "trial.applied",
      "info",
      ref,
      d.kind === "dispensasjon"
        ? `Dispensasjon ${number} (${date}): VMM17–19 med vedtakets tekst${d.fagkoder.length > 0 ? `, ${famCode} på ${d.fagkoder.join(", ")}` : ""}${d.ref.textMentionsVedlegg === true ? "" : ", VMM23 «Jf. vedlegg»"}; vedtaket legges ved.`
        : `Forsøk ${number} (${date}): FAM32 på ${d.fagkoder.join(", ") || "(ingen fag)"}, VMM23 og direktoratets brev som vedlegg.`,
      d.kind === "dispensasjon"
        ? `Dispensation ${number} (${date}): VMM17–19 with its text${d.fagkoder.length > 0 ? `, ${famCode} on ${d.fagkoder.join(", ")}` : ""}${d.ref.textMentionsVedlegg === true ? "" : ", VMM23"}; the decision is attached.`
        : `Trial ${number} (${date}): FAM32 on ${d.fagkoder.join(", ") || "(no subjects)"}, VMM23 and Udir's letter attached.`,
    ),
  );
  if (d.kind === "forsok" && d.fagkoder.length === 0)
    because.push(vmFinding("trial.no-subjects", "warning", "12.2", "Forsøket er ikke knyttet til noe fag; FAM32 føres for fagene der føringen avviker.", "The trial names no subject; FAM32 goes on the subjects whose entry deviates.", "fagkoder"));
  return decision(out, because);
}

/**
 * Numbers the document's dispensation texts VMM17, VMM18, VMM19 in the order given (each distinct text once). The
 * rules enter every dispensation as "VMM17"; a fourth distinct one has no place (§3.3 lists three) and is an error.
 */
export function allocateDispensationVmm(uses: readonly MerknadUse[]): Decision<MerknadUse[]> {
  const because: Finding[] = [];
  const out: MerknadUse[] = [];
  const texts: string[] = [];
  for (const m of uses) {
    if (!(DISPENSATION_VMM as readonly string[]).includes(m.code)) {
      if (!out.some((x) => x.code === m.code && JSON.stringify(x.params ?? {}) === JSON.stringify(m.params ?? {}))) out.push(m);
      continue;
    }
    const t = m.params?.["tekst"] ?? "";
    if (texts.includes(t)) continue;
    texts.push(t);
    const code = DISPENSATION_VMM[texts.length - 1];
    if (code === undefined) {
      because.push(vmFinding("dispensation.too-many", "error", "3.3", `Dokumentet har ${texts.length} dispensasjonsvedtak, men det er bare plass til tre (VMM17–19).`, `The document has ${texts.length} dispensations but only three places (VMM17–19).`, "vitnemalsmerknader", texts.length));
      continue;
    }
    out.push({ ...m, code });
  }
  return decision(out, because);
}

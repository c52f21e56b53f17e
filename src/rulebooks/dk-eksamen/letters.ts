/**
 * The complaint letters of seed 002 (Kapitel 10, §§ 47–55) with their deadlines, as PDF.
 *
 * `complaintLetter` (pure) writes the letter from the `ComplaintCase` of complaint.ts: every deadline printed is one the
 * pure core computed (`ComplaintCase.dates`, `complaintDeadlines`, `complainantDeadline`) — the letter never counts
 * days itself. It refuses (value null, error findings) a letter that does not fit the case: a decision letter before
 * the decision, a re-assessment offered for an oral exam (§ 50, stk. 1, nr. 1), a rejection or decision without the
 * written reasons the order requires (§§ 49, 50). `drawLetter` lays the letter out on A4.
 *
 * The letters are in Danish: they go to the examinee (or the holder of custody, § 47, stk. 1) of a Danish institution.
 */
import { formatGrade7 } from "../../kernel/grades/seven-step.ts";
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import type { IsoDate } from "../../kernel/time/date.ts";
import { createPdf } from "../../platform/render/pdf.ts";
import { exFinding } from "./cite.ts";
import { complainantDeadline, complaintDeadlines, type ComplaintActor, type ComplaintCase, type ComplaintDeadline } from "./complaint.ts";
import type { ComplaintLetterInput, ComplaintLetterKind, EksamenInstitution } from "./documents.ts";
import { appeal55Deadlines, OTHER_DECISION_REF, type Appeal55Case, type OtherDecision } from "./appeal55.ts";
import type { GradePart } from "./model.ts";
import { longDate } from "./pdf.ts";

/** One paragraph of a letter; `ref` is the § it states, printed after it. */
export interface LetterParagraph {
  heading?: string;
  text: string;
  ref?: string;
}

/** A deadline as the letter prints it. */
export interface LetterDeadline {
  what: string;
  who: string;
  due: IsoDate;
  /** "normalt" deadlines are the institution's to set; the others are the order's. */
  kind: ComplaintDeadline["kind"];
  ref: string;
}

export interface ComplaintLetter {
  kind: ComplaintLetterKind;
  title: string;
  sender: string[];
  recipient: string[];
  placeDate: string;
  reference?: string;
  salutation: string;
  paragraphs: LetterParagraph[];
  deadlines: LetterDeadline[];
  signature: string[];
}

const PART_EXAM: Record<GradePart, string> = {
  written: "skriftlig prøve",
  oral: "mundtlig prøve",
  practical: "praktisk prøve",
  combined: "prøve",
};

const WHO: Record<ComplaintActor, string> = {
  examinee: "Eksaminanden",
  "custody-holder": "Forældremyndighedens indehaver",
  leader: "Institutionens leder",
  institution: "Institutionen",
  assessors: "Bedømmerne",
  ministry: "Undervisningsministeriet",
};

const DEADLINE_WHAT: Record<ComplaintDeadline["id"], string> = {
  file: "Klage over bedømmelsen",
  statements: "Bedømmernes faglige udtalelser",
  comments: "Dine kommentarer til udtalelserne",
  accept: "Accept af tilbuddet",
  appeal: "Klage til Undervisningsministeriet (gennem institutionen)",
  "appeal-comments": "Dine kommentarer til institutionens udtalelse",
};

/** Which deadlines of the clock each letter prints (the open ones among them). */
const LETTER_DEADLINES: Record<ComplaintLetterKind, readonly ComplaintDeadline["id"][]> = {
  receipt: ["statements"],
  statements: ["comments"],
  rejection: ["appeal"],
  decision: ["accept", "appeal"],
  "new-grade": [],
};

/** The states in which each letter can be written. */
const LETTER_STATES: Record<ComplaintLetterKind, readonly ComplaintCase["state"][]> = {
  receipt: ["filed", "with-ministry", "with-assessors"],
  statements: ["comments"],
  rejection: ["rejected"],
  decision: ["decided"],
  "new-grade": ["concluded"],
};

const LETTER_REF: Record<ComplaintLetterKind, string> = {
  receipt: "§ 49, stk. 1",
  statements: "§ 49, stk. 2",
  rejection: "§ 49, stk. 1",
  decision: "§ 50, stk. 1",
  "new-grade": "§ 53, stk. 4",
};

const TITLE: Record<ComplaintLetterKind, string> = {
  receipt: "Kvittering for klage over prøve",
  statements: "Bedømmernes udtalelser til kommentering",
  rejection: "Afgørelse: klagen afvises",
  decision: "Afgørelse af klage over prøve",
  "new-grade": "Resultat af ombedømmelse/omprøve",
};

/** "dansk A-niveau, mundtlig prøve den 10. juni 2024". */
export function examPhrase(input: ComplaintLetterInput): string {
  const e = input.exam;
  return `${e.subject.name.da}${e.level !== undefined ? ` ${e.level}-niveau` : ""}, ${PART_EXAM[e.part]} den ${longDate(e.date, "da")}`;
}

/**
 * Writes the letter. Value null with error findings when the letter does not fit the case; the info findings name
 * the paragraphs the letter states.
 */
export function complaintLetter(input: ComplaintLetterInput): Decision<ComplaintLetter | null> {
  const c = input.case;
  const d = c.dates;
  const because: Finding[] = [];
  const refuse = (rule: string, ref: string, en: string, da: string, field?: string) => because.push(exFinding(rule, "error", ref, en, da, field));
  const oral = c.exam.answer.includes("oral");

  if (!LETTER_STATES[input.kind].includes(c.state))
    refuse(
      "letter.state",
      LETTER_REF[input.kind],
      `A "${input.kind}" letter cannot be written while the case is "${c.state}".`,
      `Brevet (${input.kind}) kan ikke skrives, mens sagen har status "${c.state}".`,
      "case",
    );
  const reasons = input.reasons?.trim() ?? "";
  if ((input.kind === "rejection" || input.kind === "decision") && reasons === "")
    refuse(
      "letter.reasons",
      input.kind === "rejection" ? "§ 49, stk. 1" : "§ 50, stk. 1",
      "The decision must be written and reasoned: give the reasons.",
      input.kind === "rejection" ? "Afvisningen af klagen skal være skriftlig og begrundet: angiv begrundelsen." : "Afgørelsen skal være skriftlig og begrundet: angiv begrundelsen.",
      "reasons",
    );
  if (input.kind === "new-grade" && reasons === "")
    refuse("letter.reasons", "§ 53, stk. 4", "The new assessment is notified with its reasons.", "Klager får meddelelse om bedømmelsen og begrundelsen herfor.", "reasons");
  if (input.kind === "decision" && c.outcome === "reassessment" && oral)
    refuse(
      "letter.no-reassessment-oral",
      "§ 50, stk. 1",
      "No re-assessment can be offered for an oral exam.",
      "Ombedømmelse kan ikke tilbydes ved mundtlige prøver.",
      "outcome",
    );
  if (because.length > 0) return decision<ComplaintLetter | null>(null, because);

  const exam = examPhrase(input);
  const paragraphs: LetterParagraph[] = [];
  const p = (text: string, ref?: string, heading?: string) => {
    const para: LetterParagraph = { text };
    if (ref !== undefined) para.ref = ref;
    if (heading !== undefined) para.heading = heading;
    paragraphs.push(para);
  };
  const info = (rule: string, ref: string, en: string, da: string) => because.push(exFinding(rule, "info", ref, en, da));
  const byCustody = c.filedBy === "custody-holder";
  const you = byCustody ? `${input.examinee.name}s` : "din";

  switch (input.kind) {
    case "receipt": {
      p(`Institutionen har ${d.filed !== undefined ? `den ${longDate(d.filed, "da")} ` : ""}modtaget ${byCustody ? `din klage på vegne af ${input.examinee.name}` : "din klage"} over ${exam}.`, "§ 47, stk. 1");
      if (c.exam.answer.includes("written"))
        p("Til brug for klagesagen kan du efter anmodning få udleveret kopi af den stillede opgave og af egen opgavebesvarelse.", "§ 47, stk. 3");
      else p("Til brug for klagesagen kan du efter anmodning få udleveret kopi af den stillede opgave.", "§ 47, stk. 3");
      if (c.basisWithMinistry === true)
        p(
          "Den del af klagen, der vedrører eksaminationsgrundlaget, er sendt til Undervisningsministeriet, fordi opgaven ved prøven er stillet af ministeriet.",
          "§ 48, stk. 2",
        );
      if (c.state === "with-assessors" && d.statementsDue !== undefined)
        p(
          `Klagen fremmes. Institutionen har forelagt klagen for bedømmerne med anmodning om en faglig udtalelse fra hver senest den ${longDate(d.statementsDue, "da")}. Du får herefter udtalelserne til kommentering.`,
          "§ 49, stk. 1–2",
        );
      else if (c.state === "filed") p("Institutionens leder afgør, om klagesagen skal fremmes eller afvises som åbenbart grundløs. Du hører nærmere.", "§ 49, stk. 1");
      info("letter.receipt", "§ 47, stk. 1", "Receipt of the complaint.", "Kvittering for klagen.");
      break;
    }
    case "statements": {
      p(`Vedlagt er bedømmernes faglige udtalelser i klagesagen om ${exam}.`, "§ 49, stk. 2");
      p(`Du har lejlighed til at komme med eventuelle kommentarer til udtalelserne senest den ${longDate(d.commentsDue!, "da")}. Herefter træffer institutionens leder afgørelse.`, "§ 49, stk. 2");
      info("letter.statements", "§ 49, stk. 2", `Comments due ${d.commentsDue}.`, `Frist for kommentarer ${d.commentsDue}.`);
      break;
    }
    case "rejection": {
      p(`Institutionens leder har besluttet at afvise ${byCustody ? "klagen" : "din klage"} over ${exam} som åbenbart grundløs.`, "§ 49, stk. 1");
      p(reasons, undefined, "Begrundelse");
      p(
        `Afvisningen er en afgørelse af et retligt spørgsmål. Du kan klage over den til Undervisningsministeriet senest den ${longDate(d.appealDue!, "da")}. Klagen indgives skriftligt til institutionen, der sender den videre til ministeriet sammen med sin egen udtalelse; du får lejlighed til at kommentere udtalelsen inden for 1 uge, og dine kommentarer sendes med. Klagen har ikke opsættende virkning, medmindre institutionen eller ministeriet i særlige tilfælde beslutter det.`,
        "§ 55, stk. 2–4",
        "Klagevejledning",
      );
      info("letter.rejection", "§ 49, stk. 1", `Rejected; appeal by ${d.appealDue}.`, `Afvist; klagefrist ${d.appealDue}.`);
      break;
    }
    case "decision": {
      const byMinistry = c.decidedBy === "ministry";
      const who = byMinistry ? "Undervisningsministeriet" : "Institutionens leder";
      const ref = byMinistry ? "§ 54, stk. 4" : "§ 50, stk. 1";
      if (c.outcome === "not-upheld") p(`${who} har truffet afgørelse i klagesagen om ${exam}: du får ikke medhold i klagen. Karakteren ${formatGrade7(c.exam.originalGrade)} står ved magt.`, byMinistry ? "§ 54, stk. 4, nr. 3" : "§ 50, stk. 1, nr. 3");
      else {
        const what = c.outcome === "reassessment" ? "ny bedømmelse (ombedømmelse)" : "ny prøve (omprøve)";
        p(`${who} har truffet afgørelse i klagesagen om ${exam}: ${byCustody ? `${input.examinee.name} tilbydes` : "du tilbydes"} ${what}.`, byMinistry ? `§ 54, stk. 4, nr. ${c.outcome === "reassessment" ? 1 : 2}` : `§ 50, stk. 1, nr. ${c.outcome === "reassessment" ? 1 : 2}`);
        if (oral) p("Da prøven er mundtlig, kan der ikke tilbydes ombedømmelse, kun omprøve.", "§ 50, stk. 1, nr. 1");
      }
      p(reasons, undefined, "Begrundelse");
      if (c.outcome !== "not-upheld") {
        p(
          `Det er alene eksaminanden, der kan acceptere tilbuddet. Accepten skal være modtaget af institutionen senest den ${longDate(d.acceptanceDue!, "da")}. Accepteres tilbuddet ikke inden fristen, bortfalder det. ${c.outcome === "reassessment" ? "Ombedømmelsen" : "Omprøven"} finder sted snarest muligt.`,
          "§ 52, stk. 1",
          "Sådan accepterer du",
        );
        p(`Vær opmærksom på, at en ${c.outcome === "reassessment" ? "ombedømmelse" : "omprøve"} kan resultere i en lavere karakter.`, "§ 50, stk. 2; § 53, stk. 5");
        if (c.exam.diplomaIssued === true)
          p(`Er ${you} bevis udstedt, inddrager institutionen beviset, indtil den nye bedømmelse foreligger, og udsteder eventuelt et nyt bevis.`, "§ 52, stk. 2");
      }
      if (!byMinistry && d.appealDue !== undefined) {
        const adult = c.exam.education === "avu" || c.exam.education === "fvu";
        p(
          adult
            ? `For ${c.exam.education} kan alene retlige spørgsmål indbringes for Undervisningsministeriet. Klagen indsendes gennem institutionen senest den ${longDate(d.appealDue, "da")}, og institutionen afgiver en udtalelse, når den sender klagen videre; du får lejlighed til at kommentere udtalelsen.`
            : `Afgørelsen kan indbringes for Undervisningsministeriet. Klagen indsendes gennem institutionen senest den ${longDate(d.appealDue, "da")}, og institutionen afgiver en udtalelse, når den sender klagen videre; du får lejlighed til at kommentere udtalelsen inden for normalt 1 uge.`,
          adult ? "§ 54, stk. 1–2; § 55" : "§ 54, stk. 1–3",
          "Klagevejledning",
        );
      } else if (byMinistry) p("Institutionen orienterer bedømmerne om ministeriets afgørelse.", "§ 54, stk. 5");
      info("letter.decision", ref, `Decision: ${c.outcome}.`, `Afgørelse: ${c.outcome}.`);
      break;
    }
    case "new-grade": {
      const g = c.newGrade!;
      const was = c.exam.originalGrade;
      p(`${c.outcome === "retest" ? "Omprøven" : "Ombedømmelsen"} i ${exam} er afsluttet. Bedømmerne har fastsat karakteren ${formatGrade7(g)} (den oprindelige karakter var ${formatGrade7(was)}).`, "§ 53, stk. 3–4");
      if (g < was) p("Karakteren er lavere end den oprindelige. En ombedømmelse eller omprøve efter klage kan resultere i en lavere karakter.", "§ 53, stk. 5");
      p(reasons, "§ 53, stk. 3", "Bedømmernes begrundelse");
      if (c.diplomaRecalled === true || c.exam.diplomaIssued === true) p("Institutionen udsteder et nyt bevis med den nye karakter.", "§ 52, stk. 2");
      const from = d.newGradeNotified ?? input.date;
      p(
        `Du kan klage over den nye bedømmelse. Klagen skal være skriftlig og begrundet og indgives til institutionen senest den ${longDate(complainantDeadline(from, 2), "da")}.`,
        "§ 53, stk. 4; § 47, stk. 1–2",
        "Klagevejledning",
      );
      info("letter.new-grade", "§ 53, stk. 4", `New grade ${formatGrade7(g)}.`, `Ny karakter ${formatGrade7(g)}.`);
      break;
    }
  }

  if (input.date !== (input.kind === "new-grade" ? d.newGradeNotified : input.kind === "decision" || input.kind === "rejection" ? d.decisionNotified : input.date))
    because.push(
      exFinding(
        "letter.date",
        "warning",
        input.kind === "new-grade" ? "§ 53, stk. 4" : input.kind === "rejection" ? "§ 55, stk. 2" : "§ 54, stk. 2",
        `The letter is dated ${input.date}, but the case records the notification on another day; the deadlines run from the recorded day.`,
        `Brevet er dateret ${input.date}, men sagen har registreret meddelelsen en anden dag; fristerne regnes fra den registrerede dag.`,
        "date",
      ),
    );

  const wanted = LETTER_DEADLINES[input.kind];
  const deadlines: LetterDeadline[] = complaintDeadlines(c, input.date)
    .filter((x) => wanted.includes(x.id) && x.status === "open")
    .map((x) => ({ what: DEADLINE_WHAT[x.id], who: WHO[x.party], due: x.due, kind: x.kind, ref: x.ref }));
  if (input.kind === "new-grade")
    deadlines.push({ what: "Klage over den nye bedømmelse", who: WHO[c.filedBy ?? "examinee"], due: complainantDeadline(d.newGradeNotified ?? input.date, 2), kind: "hard", ref: "§ 47, stk. 2" });

  const inst = input.institution;
  const letter: ComplaintLetter = {
    kind: input.kind,
    title: TITLE[input.kind],
    sender: [inst.name, ...(inst.address ?? [])],
    recipient: [input.recipient.name, ...(input.recipient.address ?? [])],
    placeDate: `${inst.place !== undefined ? `${inst.place}, ` : ""}${longDate(input.date, "da")}`,
    salutation: `Kære ${input.recipient.name}`,
    paragraphs,
    deadlines,
    signature: [input.signatory.name, input.signatory.title, inst.name],
  };
  if (input.reference !== undefined) letter.reference = input.reference;
  return decision<ComplaintLetter | null>(letter, because);
}

/** Lays a letter out on A4: sender, recipient, date, title, paragraphs with their §, the deadlines, signature. */
export async function drawLetter(l: Omit<ComplaintLetter, "kind">, createdAt: Date): Promise<Buffer> {
  const pdf = createPdf({ title: l.title, lang: "da", createdAt, footer: l.reference !== undefined ? `J.nr. ${l.reference}` : l.sender[0] ?? "" });
  const top = pdf.doc.y;
  for (const s of l.sender) pdf.text(s, { align: "right", after: 0, size: pdf.fontSize * 0.9 });
  pdf.doc.y = top;
  for (const r of l.recipient) pdf.text(r, { after: 0 });
  pdf.space(2);
  pdf.text(l.placeDate, { align: "right", after: 0 });
  if (l.reference !== undefined) pdf.text(`J.nr. ${l.reference}`, { align: "right", after: 0 });
  pdf.space(1.5);
  pdf.title(l.title);
  pdf.text(l.salutation, { after: 0.6 });
  for (const para of l.paragraphs) {
    if (para.heading !== undefined) pdf.text(para.heading, { bold: true, after: 0.15 });
    pdf.text(para.ref !== undefined ? `${para.text} (${para.ref})` : para.text, { after: 0.6 });
  }
  if (l.deadlines.length > 0) {
    pdf.heading("Frister");
    pdf.table(
      [
        { header: "Frist", width: 6.6 },
        { header: "Hvem", width: 2.6 },
        { header: "Senest", width: 2.4 },
        { header: "§", width: 1.8 },
      ],
      l.deadlines.map((x) => [x.what + (x.kind === "normal" ? " (normalt)" : ""), x.who, longDate(x.due, "da"), x.ref]),
    );
    pdf.text(
      "Fristerne for klage og accept regnes fra meddelelsen, og sidste dag er medregnet; ender en sådan frist på en lørdag, søndag, helligdag, grundlovsdag, 24. eller 31. december, er den rykket til næste hverdag.",
      { size: pdf.fontSize * 0.85, color: "#444444" },
    );
  }
  pdf.space(1);
  pdf.text("Med venlig hilsen", { after: 2 });
  for (const [i, s] of l.signature.entries()) pdf.text(s, { bold: i === 0, after: 0 });
  return pdf.toBuffer();
}

// ---------------------------------------------------------------------------------------------------------------
// § 55: letters in a complaint about another decision (appeal55.ts)

/** "receipt": the complaint is received (stk. 3); "statement": the institution's statement sent for comments within 1 week (stk. 3). */
export type Appeal55LetterKind = "receipt" | "statement";

export interface Appeal55LetterInput {
  kind: Appeal55LetterKind;
  case: Appeal55Case;
  institution: EksamenInstitution;
  /** The addressee: the examinee, or the holder of custody when they filed (§ 55, stk. 2). */
  recipient: { name: string; address?: string[] };
  examinee: { name: string };
  /** The decision as the institution describes it ("Bortvist fra Fysik B, mundtlig prøve, 13. juni 2024"), printed under the kind's words. */
  description?: string;
  date: IsoDate;
  /** The institution's statement (udtalelse), in Danish, for the "statement" letter. */
  statement?: string;
  reference?: string;
  signatory: { name: string; title: string };
  createdAt?: Date;
}

export type Appeal55Letter = Omit<ComplaintLetter, "kind"> & { kind: Appeal55LetterKind };

/** The decisions of § 55, stk. 1 in the letters' Danish. */
export const OTHER_DECISION_DA: Record<OtherDecision, string> = {
  access: "afgørelsen om adgang og tilmelding til prøve",
  lateness: "afgørelsen om udelukkelse fra prøven ved udeblivelse eller forsinkelse",
  "special-conditions": "afgørelsen om særlige prøvevilkår",
  expulsion: "afgørelsen om bortvisning fra prøven",
  "error-remedy": "afgørelsen om fejl og mangler ved prøven",
  "legal-question": "afgørelsen om et retligt spørgsmål i forbindelse med prøveaflæggelsen",
  "complaint-rejection": "afvisningen af din klage over prøven som åbenbart grundløs",
};

const APPEAL55_STATES: Record<Appeal55LetterKind, readonly Appeal55Case["state"][]> = {
  receipt: ["filed", "statement-sent", "comments-received", "comment-deadline-passed"],
  statement: ["statement-sent"],
};

/**
 * Writes a § 55 letter. The receipt states how the complaint goes on (stk. 3) and whether it suspends the decision
 * (stk. 4); the statement letter gives the institution's statement and the comment deadline the pure core computed
 * (`appeal55Deadlines`: "inden for 1 uges frist", stk. 3). Value null with error findings when the letter does not
 * fit the case: a statement letter before the statement is sent, or without the statement's text.
 */
export function appeal55Letter(input: Appeal55LetterInput): Decision<Appeal55Letter | null> {
  const c = input.case;
  const d = c.dates;
  const because: Finding[] = [];
  if (!APPEAL55_STATES[input.kind].includes(c.state))
    because.push(exFinding("letter.appeal55-state", "error", "§ 55, stk. 3", `A "${input.kind}" letter cannot be written while the § 55 complaint is "${c.state}".`, `Brevet (${input.kind}) kan ikke skrives, mens klagen efter § 55 har status "${c.state}".`, "case"));
  const statement = input.statement?.trim() ?? "";
  if (input.kind === "statement" && statement === "")
    because.push(exFinding("letter.appeal55-statement", "error", "§ 55, stk. 3", "The letter sends the institution's statement: give its text.", "Brevet sender institutionens udtalelse: angiv udtalelsen.", "statement"));
  if (because.length > 0) return decision<Appeal55Letter | null>(null, because);

  const paragraphs: LetterParagraph[] = [];
  const p = (text: string, ref?: string, heading?: string) => paragraphs.push({ text, ...(ref !== undefined ? { ref } : {}), ...(heading !== undefined ? { heading } : {}) });
  const byCustody = c.filedBy === "custody-holder";
  const about = OTHER_DECISION_DA[c.decision.kind];
  const described = input.description?.trim() ?? "";
  const ref = OTHER_DECISION_REF[c.decision.kind];
  if (input.kind === "receipt") {
    p(`Institutionen har den ${longDate(d.filed!, "da")} modtaget ${byCustody ? `din klage på vegne af ${input.examinee.name}` : "din klage"} over ${about} (${ref}), meddelt den ${longDate(c.decision.notifiedOn, "da")}. Klagen er indgivet inden fristen på 2 uger.`, "§ 55, stk. 2");
    if (described !== "") p(described, undefined, "Afgørelsen");
    p("Institutionen sender klagen videre til Undervisningsministeriet sammen med sin egen udtalelse. Før sagen sendes videre, får du udtalelsen og lejlighed til at kommentere den inden for 1 uge; dine kommentarer sendes med til ministeriet.", "§ 55, stk. 3");
    because.push(exFinding("letter.appeal55-receipt", "info", "§ 55, stk. 3", "Receipt of the § 55 complaint.", "Kvittering for klagen efter § 55."));
  } else {
    p(`Vedlagt er institutionens udtalelse i sagen om ${byCustody ? "klagen" : "din klage"} over ${about} (${ref}).`, "§ 55, stk. 3");
    p(statement, undefined, "Institutionens udtalelse");
    p(`Du har lejlighed til at kommentere udtalelsen inden for 1 uges frist, senest den ${longDate(d.commentsDue!, "da")}. Herefter sender institutionen klagen, udtalelsen og dine eventuelle kommentarer til Undervisningsministeriet.`, "§ 55, stk. 3");
    because.push(exFinding("letter.appeal55-statement-sent", "info", "§ 55, stk. 3", `Comments due ${d.commentsDue}.`, `Frist for kommentarer ${d.commentsDue}.`));
  }
  p(
    c.suspensive
      ? `${c.suspendedBy === "ministry" ? "Undervisningsministeriet" : "Institutionen"} har i dette særlige tilfælde besluttet, at klagen har opsættende virkning.`
      : "Klagen har ikke opsættende virkning: afgørelsen gælder, mens klagen behandles.",
    "§ 55, stk. 4",
  );
  if (input.kind === "statement" && d.statementSent !== undefined && input.date !== d.statementSent)
    because.push(exFinding("letter.date", "warning", "§ 55, stk. 3", `The letter is dated ${input.date}, but the statement was recorded as sent on ${d.statementSent}; the week runs from the recorded day.`, `Brevet er dateret ${input.date}, men udtalelsen er registreret sendt ${d.statementSent}; fristen regnes fra den registrerede dag.`, "date"));

  const deadlines: LetterDeadline[] = appeal55Deadlines(c, input.date)
    .filter((x) => x.id === "appeal-comments" && x.status === "open")
    .map((x) => ({ what: DEADLINE_WHAT[x.id], who: WHO[x.party], due: x.due, kind: x.kind, ref: x.ref }));
  const inst = input.institution;
  const letter: Appeal55Letter = {
    kind: input.kind,
    title: input.kind === "receipt" ? "Kvittering for klage til Undervisningsministeriet" : "Institutionens udtalelse til kommentering",
    sender: [inst.name, ...(inst.address ?? [])],
    recipient: [input.recipient.name, ...(input.recipient.address ?? [])],
    placeDate: `${inst.place !== undefined ? `${inst.place}, ` : ""}${longDate(input.date, "da")}`,
    salutation: `Kære ${input.recipient.name}`,
    paragraphs,
    deadlines,
    signature: [input.signatory.name, input.signatory.title, inst.name],
    ...(input.reference !== undefined ? { reference: input.reference } : {}),
  };
  return decision<Appeal55Letter | null>(letter, because);
}

/** Error findings of a § 55 letter that cannot be written (thrown by `renderAppeal55LetterPdf`). */
export class Appeal55LetterError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(findings.map((f) => `${f.cite.ref}: ${f.message.en}`).join("; "));
    this.name = "Appeal55LetterError";
    this.findings = findings;
  }
}

/** Renders a § 55 letter as PDF (Danish). Throws `Appeal55LetterError` when the letter does not fit the case. */
export async function renderAppeal55LetterPdf(input: Appeal55LetterInput): Promise<Uint8Array> {
  const l = appeal55Letter(input);
  if (l.value === null) throw new Appeal55LetterError(l.because.filter((f) => f.severity === "error"));
  return drawLetter(l.value, input.createdAt ?? new Date(`${input.date}T12:00:00Z`));
}

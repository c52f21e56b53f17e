/**
 * The transfer of bh.kl. results registered on sprogprøver.dk into the report (Løbende registrering …, 2.1). A pure merge:
 * what is already registered in the report is never overwritten.
 */
import { decision, type Decision, type Finding } from "../../kernel/law.ts";
import { maskCpr, type Cpr } from "../../kernel/ids/cpr.ts";
import { checkAttempts } from "./attempts.ts";
import { f001, scoped } from "./findings.ts";
import type { Attempt, Pupil } from "./model.ts";

/** One pupil's attempts as registered on sprogprøver.dk (bh.kl. only), with their delprøver. */
export interface TransferredPupil {
  cpr: Cpr;
  attempts: Attempt[];
}

/** One line of the transfer report. Names the pupil by bevis' id, never by CPR. */
export interface TransferEntry {
  pupilId: string;
  /** Attempts transferred (taken) or already registered (kept). */
  attempts: number;
}

export interface TransferResult {
  /** The pupils after the merge (same order as given). */
  pupils: Pupil[];
  /** Pupils whose attempts were taken from sprogprøver.dk. */
  taken: TransferEntry[];
  /** Pupils whose attempts were already registered in the report and were kept; the transferred ones were dropped. */
  kept: TransferEntry[];
  /** Transferred records that match no pupil in børnehaveklassen of the report, by masked CPR. */
  unmatched: string[];
}

/** Whether anything about the pupil's attempts is registered in the report (a result or a delprøve value). */
export function hasRegisteredAttempts(p: Pupil): boolean {
  return p.attempts.some((a) => a.result !== null || (a.delprover ?? []).some((d) => d.value !== null));
}

/**
 * "Bemærk også, at data i indberetningsløsningen (indberet.sprogprøver.dk) ikke overskrives med data fra
 * sprogprøver.dk. Hvis der er registreret oplysninger om sprogprøveforsøg for en elev på indberet.sprogprøver.dk inden
 * d. 7. august, overføres de eventuelle oplysninger, som måtte være registreret om eleven på sprogprøver.dk ikke til
 * indberetningsløsningen." (Løbende registrering …)
 *
 * Per pupil: when the report already holds attempt information for the pupil, all of it is kept and nothing is taken;
 * otherwise the transferred attempts are taken (marked `source: "sprogprover.dk"`). Only bh.kl. pupils are transferred
 * ("For sprogprøver i børnehaveklassen kan resultaterne løbende registreres på sprogprøver.dk", Hvor finder …). The fields
 * the transfer does not fill — sommerskole, rykker op, special permission — are never touched: "Vær opmærksom på, at
 * ikke alt i indberetningen udfyldes ved den automatiske overførsel. I skal selv ind og notere om …".
 */
export function mergeTransfer(pupils: readonly Pupil[], transferred: readonly TransferredPupil[]): Decision<TransferResult> {
  const because: Finding[] = [];
  const byCpr = new Map<string, TransferredPupil>();
  for (const t of transferred) {
    if (byCpr.has(t.cpr)) {
      because.push(
        f001(
          "transfer.duplicate",
          "warning",
          "continuous",
          {
            en: `Pupil ${maskCpr(t.cpr)} appears twice in the transfer; only the first record is used.`,
            da: `Elev ${maskCpr(t.cpr)} optræder to gange i overførslen; kun den første post bruges.`,
          },
          { subject: "transfer", value: maskCpr(t.cpr) },
        ),
      );
      continue;
    }
    byCpr.set(t.cpr, t);
  }
  const taken: TransferEntry[] = [];
  const kept: TransferEntry[] = [];
  const used = new Set<string>();
  const out = pupils.map((p) => {
    const t = byCpr.get(p.cpr);
    if (!t || p.classLevel !== 0) return p;
    used.add(p.cpr);
    if (hasRegisteredAttempts(p)) {
      kept.push({ pupilId: p.id, attempts: p.attempts.length });
      because.push(
        f001(
          "transfer.kept",
          "info",
          "continuous",
          {
            en: "Attempts were already registered in the report for this pupil; the results from sprogprøver.dk are not transferred.",
            da: "Der er allerede registreret sprogprøveforsøg i indberetningen for eleven; resultaterne fra sprogprøver.dk overføres ikke.",
          },
          { subject: `pupils.${p.id}.attempts`, value: p.attempts.length },
        ),
      );
      return p;
    }
    taken.push({ pupilId: p.id, attempts: t.attempts.length });
    because.push(...scoped(`pupils.${p.id}`, checkAttempts("bhkl", t.attempts, { complete: false })));
    return { ...p, attempts: t.attempts.map((a) => ({ ...a, source: "sprogprover.dk" as const })) };
  });
  const unmatched = [...byCpr.keys()].filter((k) => !used.has(k)).map(maskCpr);
  for (const m of unmatched) {
    because.push(
      f001(
        "transfer.unmatched",
        "warning",
        "continuous",
        {
          en: `Pupil ${m} from sprogprøver.dk is not a pupil in børnehaveklassen in the report; nothing was transferred for the pupil.`,
          da: `Elev ${m} fra sprogprøver.dk er ikke en elev i børnehaveklassen i indberetningen; intet er overført for eleven.`,
        },
        { subject: "transfer", value: m },
      ),
    );
  }
  if (taken.length > 0) {
    because.push(
      f001(
        "transfer.fill-in",
        "info",
        "continuous",
        {
          en: "The transfer fills in attempts only: for each pupil, state sommerskole, rykker op and special permission (folkeskoleloven § 11 a, stk. 5) yourselves.",
          da: "Overførslen udfylder kun sprogprøveforsøg: I skal selv notere sommerskole, om eleven rykker et klassetrin op, og særlig tilladelse (folkeskolelovens § 11 a, stk. 5).",
        },
        { subject: "transfer", value: taken.length },
      ),
    );
  }
  return decision({ pupils: out, taken, kept, unmatched }, because);
}

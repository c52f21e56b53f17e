import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REF, type SprogproveResult } from "./codes.ts";
import type { Pupil } from "./model.ts";
import { attempts, I, N, pupil, S, syntheticCpr } from "./testing.ts";
import { mergeTransfer, type TransferredPupil } from "./transfer.ts";

const fromSite = (p: Pupil, ...results: SprogproveResult[]): TransferredPupil => ({
  cpr: p.cpr,
  attempts: attempts(...results).map((a) => ({ ...a, delprover: [1, 2, 3, 4].map((no) => ({ no, value: "x" })) })),
});

describe("transfer from sprogprøver.dk never overwrites what is registered (Løbende registrering …)", () => {
  it("takes results for a pupil with nothing registered; keeps a pupil's registered attempts", () => {
    const empty = pupil({ id: "a" });
    const registered = pupil({ id: "b", attempts: attempts(I, S) });
    const d = mergeTransfer([empty, registered], [fromSite(empty, I, I, S), fromSite(registered, S)]);
    expect(d.value.taken).toEqual([{ pupilId: "a", attempts: 3 }]);
    expect(d.value.kept).toEqual([{ pupilId: "b", attempts: 2 }]);
    expect(d.value.pupils[0]?.attempts.map((a) => [a.result, a.source])).toEqual([
      [I, "sprogprover.dk"],
      [I, "sprogprover.dk"],
      [S, "sprogprover.dk"],
    ]);
    expect(d.value.pupils[1]).toBe(registered);
    const kept = d.because.find((f) => f.rule === "sprogprove.transfer.kept");
    expect(kept).toMatchObject({ subject: "pupils.b.attempts", cite: { seed: "001", ref: REF.continuous } });
  });

  it("a delprøve value alone counts as registered information", () => {
    const p = pupil({ attempts: [{ no: 1, result: null, delprover: [{ no: 1, value: "7" }] }] });
    expect(mergeTransfer([p], [fromSite(p, S)]).value.kept).toHaveLength(1);
  });

  it("never fills sommerskole, rykker op or special permission, and reminds the school to", () => {
    const p = pupil({ sommerskole: false, rykkerOp: null, specialPermission: false });
    const d = mergeTransfer([p], [fromSite(p, I, I, I, I)]);
    const after = d.value.pupils[0];
    expect([after?.sommerskole, after?.rykkerOp, after?.specialPermission, after?.toBeTested]).toEqual([false, null, false, true]);
    expect(d.because.some((f) => f.rule === "sprogprove.transfer.fill-in")).toBe(true);
  });

  it("transfers bh.kl. only; unknown pupils are reported by masked CPR", () => {
    const third = pupil({ classLevel: 3, attempts: [] });
    const stranger = { cpr: syntheticCpr(999), attempts: attempts(S) };
    const d = mergeTransfer([third], [fromSite(third, S), stranger]);
    expect(d.value.taken).toEqual([]);
    expect(d.value.pupils[0]).toBe(third);
    expect(d.value.unmatched).toHaveLength(2);
    expect(d.value.unmatched.every((m) => /^\d{6}-xxxx$/.test(m))).toBe(true);
    expect(JSON.stringify(d)).not.toContain(stranger.cpr);
  });

  it("checks the transferred attempts (one Sprogparat, attempt 5) and reports a pupil sent twice", () => {
    const p = pupil({ id: "c" });
    const bad: TransferredPupil = { cpr: p.cpr, attempts: [...attempts(S, S), { no: 5, result: N }] };
    const d = mergeTransfer([p], [bad, fromSite(p, I)]);
    expect(d.because.map((f) => f.subject)).toEqual(
      expect.arrayContaining(["transfer", "pupils.c.attempts.2.result", "pupils.c.attempts.5.no"]),
    );
  });

  const resultArb = fc.constantFrom<SprogproveResult | null>(S, I, N, null);
  it("property: a pupil with registered attempts comes out unchanged; every pupil keeps all non-attempt fields", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ mine: fc.array(resultArb, { maxLength: 4 }), site: fc.array(resultArb, { maxLength: 4 }), level: fc.constantFrom(0, 0, 2) }), {
          maxLength: 8,
        }),
        (rows) => {
          const pupils = rows.map((r, i) => pupil({ id: `x${i}`, cpr: syntheticCpr(i + 1), classLevel: r.level as 0 | 2, attempts: attempts(...r.mine) }));
          const sent = rows.map((r, i) => ({ cpr: syntheticCpr(i + 1), attempts: attempts(...r.site) }));
          const d = mergeTransfer(pupils, sent).value;
          expect(d.taken.length + d.kept.length).toBe(rows.filter((r) => r.level === 0).length);
          d.pupils.forEach((after, i) => {
            const before = pupils[i] as Pupil;
            expect({ ...after, attempts: [] }).toEqual({ ...before, attempts: [] });
            if (before.attempts.some((a) => a.result !== null) || before.classLevel !== 0) expect(after).toBe(before);
          });
        },
      ),
    );
  });
});

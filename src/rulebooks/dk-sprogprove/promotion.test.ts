import { describe, expect, it } from "vitest";
import { REF } from "./codes.ts";
import type { Pupil } from "./model.ts";
import { bhklPromotion, checkBhklOnlyFields, checkRykkerOp, checkSpecialPermission, type Promotion } from "./promotion.ts";
import { attempts, I, N, pupil, S } from "./testing.ts";

const rulesOf = (fs: { rule: string }[]) => fs.map((f) => f.rule.replace("sprogprove.", ""));

describe("bh.kl.: repeat, special permission, postponed only once (Hvornår kan der gives særlig tilladelse …)", () => {
  // name, pupil, expected promotion, rykker-op findings when rykkerOp = true, when rykkerOp = false
  const rows: [string, Partial<Pupil>, Promotion, string[], string[]][] = [
    ["passed in 2.", { attempts: attempts(I, S, N, N) }, "may-move-up", [], []],
    ["passed in the voluntary 4th", { attempts: attempts(I, I, I, S) }, "may-move-up", [], []],
    ["not passed in 3rd or 4th: repeats bh.kl.", { attempts: attempts(I, I, I, I) }, "must-repeat", ["rykker-op.must-repeat"], []],
    ["not passed, 4th not taken", { attempts: attempts(I, I, I, N) }, "must-repeat", ["rykker-op.must-repeat"], []],
    ["not passed, special permission § 11 a, stk. 5", { attempts: attempts(I, I, I, I), specialPermission: true }, "may-move-up", [], ["rykker-op.permission-unused"]],
    ["not passed again after one postponement: begins 1. klasse", { attempts: attempts(I, I, I, I), previouslyPostponed: true }, "must-move-up", [], ["rykker-op.postponed-once"]],
    ["third attempt not yet held", { attempts: attempts(I, I, null, null) }, "undecided", [], []],
  ];
  it.each(rows)("%s", (_name, over, expected, whenUp, whenNot) => {
    const p = pupil(over);
    expect(bhklPromotion(p).value).toBe(expected);
    expect(bhklPromotion(p).because[0]?.cite.ref).toBe(REF.permission);
    expect(rulesOf(checkRykkerOp({ ...p, rykkerOp: true }, { complete: true }))).toEqual(whenUp);
    expect(rulesOf(checkRykkerOp({ ...p, rykkerOp: false }, { complete: true }))).toEqual(whenNot);
  });

  it("rykker op not stated is a gap at submission, in step 2.1 for bh.kl. and 2.2 for 1.–9.", () => {
    const [bh] = checkRykkerOp(pupil({ attempts: attempts(S, N, N, N) }), { complete: true });
    expect(bh).toMatchObject({ rule: "sprogprove.rykker-op.missing", subject: "rykkerOp", value: null, cite: { ref: REF.step21 } });
    const [nine] = checkRykkerOp(pupil({ classLevel: 7, attempts: attempts(S) }), { complete: true });
    expect(nine?.cite.ref).toBe(REF.step22);
    expect(checkRykkerOp(pupil({}), { complete: false })).toEqual([]);
  });

  it.each([
    ["passed: permission not allowed", { attempts: attempts(S, N, N, N), specialPermission: true }, ["permission.passed"]],
    ["not passed in 3rd/4th: allowed", { attempts: attempts(I, I, I, I), specialPermission: true }, []],
    ["third attempt has no result yet", { attempts: attempts(I, I), specialPermission: true }, ["permission.before-third"]],
    ["already postponed once: not needed", { attempts: attempts(I, I, I, I), specialPermission: true, previouslyPostponed: true }, ["permission.not-needed"]],
    ["1.–9. pupil: bh.kl. only", { classLevel: 2, attempts: attempts(I), specialPermission: true }, ["permission.only-bhkl"]],
    ["no permission: nothing to check", { attempts: attempts(S, N, N, N) }, []],
  ] as [string, Partial<Pupil>, string[]][])("special permission: %s", (_n, over, expected) => {
    const fs = checkSpecialPermission(pupil(over));
    expect(rulesOf(fs)).toEqual(expected);
    for (const f of fs) expect(f).toMatchObject({ subject: "specialPermission", value: true, cite: { seed: "001", ref: REF.permission } });
  });

  it("sommerskole and the postponement are bh.kl. fields", () => {
    expect(rulesOf(checkBhklOnlyFields(pupil({ classLevel: 1, sommerskole: true })))).toEqual(["bhkl-field.on-1-9"]);
    expect(checkBhklOnlyFields(pupil({ classLevel: 0, sommerskole: true }))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { formatCpr } from "../../kernel/ids/cpr.ts";
import { parseTransfer, TRANSFER_COLUMNS } from "./import.ts";
import { parsePupil } from "./service.ts";
import { syntheticCpr } from "./testing.ts";

const A = syntheticCpr(901);
const B = syntheticCpr(902);

describe("transfer file layout (docs/rulebooks/001-sprogprove.md)", () => {
  it("CSV: one row per attempt, grouped per pupil, delprøver and date kept, Danish labels or codes", () => {
    const csv = [
      TRANSFER_COLUMNS.join(";"),
      `${A};2;Sprogparat;x;y;z;w;2023-03-01`,
      `${A};1;ikke-sprogparat;;;;;`,
      `${formatCpr(B)};1;Intet resultat;;;;;`,
    ].join("\r\n");
    const r = parseTransfer(csv);
    expect(r.findings).toEqual([]);
    expect(r.records).toEqual([
      {
        cpr: A,
        attempts: [
          { no: 1, result: "ikke-sprogparat" },
          { no: 2, result: "sprogparat", heldOn: "2023-03-01", delprover: [1, 2, 3, 4].map((no, i) => ({ no, value: "xyzw"[i] })) },
        ],
      },
      { cpr: B, attempts: [{ no: 1, result: "intet-resultat" }] },
    ]);
  });

  it("comma-separated and a BOM are accepted; only cpr, forsoeg and resultat are required", () => {
    const r = parseTransfer(`\uFEFFCPR,Forsoeg,Resultat\n${A},1,Sprogparat\n`);
    expect(r.findings).toEqual([]);
    expect(r.records[0]!.attempts).toEqual([{ no: 1, result: "sprogparat" }]);
  });

  it("JSON: {pupils:[{cpr, attempts:[{no, result, heldOn?, delprover?}]}]} or the bare array", () => {
    const body = [{ cpr: A, attempts: [{ no: 1, result: "Sprogparat", delprover: [{ no: 1, value: "ok" }] }] }];
    for (const text of [JSON.stringify({ pupils: body }), JSON.stringify(body)]) {
      const r = parseTransfer(text);
      expect(r.findings).toEqual([]);
      expect(r.records).toEqual([{ cpr: A, attempts: [{ no: 1, result: "sprogparat", delprover: [{ no: 1, value: "ok" }] }] }]);
    }
  });

  it.each([
    ["unknown result value", `cpr;forsoeg;resultat\n${A};1;Bestået\n`, "sprogprove.input.result-unknown", "line 2: resultat"],
    ["attempt 5", `cpr;forsoeg;resultat\n${A};5;Sprogparat\n`, "sprogprove.input.attempt-number", "line 2: forsoeg"],
    ["bad CPR (the kernel's CPR finding)", `cpr;forsoeg;resultat\n999999-1234;1;Sprogparat\n`, "", "line 2: cpr"],
    ["attempt twice", `cpr;forsoeg;resultat\n${A};1;Sprogparat\n${A};1;Intet resultat\n`, "sprogprove.input.transfer-layout", "line 3: forsoeg"],
    ["missing column", `cpr;forsoeg\n${A};1\n`, "sprogprove.input.transfer-layout", "line 1"],
    ["bad date", `cpr;forsoeg;resultat;dato\n${A};1;Sprogparat;2023-02-30\n`, "sprogprove.input.transfer-layout", "line 2: dato"],
    ["not JSON", `{"pupils": [`, "sprogprove.input.transfer-layout", "(file)"],
  ])("bad input is a finding naming the cell: %s", (_label, text, rule, subject) => {
    const r = parseTransfer(text);
    expect(r.findings.length).toBeGreaterThan(0);
    expect(r.findings[0]).toMatchObject({ severity: "error", subject });
    if (rule.startsWith("sprogprove")) expect(r.findings[0]!.rule).toBe(rule);
    expect(JSON.stringify(r.findings)).not.toContain("9999991234");
  });
});

describe("parsePupil (the edge of the API): bad input never half-parsed", () => {
  const base = { cpr: A, classLevel: 0, toBeTested: true, attempts: [], rykkerOp: null };
  it.each([
    ["unknown result", { attempts: [{ no: 1, result: "Bestået" }] }, ["sprogprove.input.result-unknown"]],
    ["attempt 5", { attempts: [{ no: 5, result: "Sprogparat" }] }, ["sprogprove.input.attempt-number"]],
    ["attempt 0", { attempts: [{ no: 0, result: "Sprogparat" }] }, ["sprogprove.input.attempt-number"]],
    ["attempt twice", { attempts: [{ no: 1, result: "Sprogparat" }, { no: 1, result: "Intet resultat" }] }, ["sprogprove.input.attempt-duplicate"]],
    ["class level 10", { classLevel: 10 }, ["sprogprove.input.class-level"]],
    ["bad school year of the class level", { classLevelSchoolYear: "2023/25" }, ["sprogprove.input.school-year"]],
    ["bad date", { attempts: [{ no: 1, result: "Sprogparat", heldOn: "2023-13-01" }] }, ["sprogprove.input.date"]],
  ])("%s", (_label, over, rules) => {
    const r = parsePupil({ ...base, ...over });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings.map((f) => f.rule)).toEqual(rules);
  });

  it("labels and codes, 'bh.kl.' and '3. klasse' are accepted", () => {
    const r = parsePupil({ ...base, classLevel: "bh.kl.", attempts: [{ no: "2", result: "sprogparat" }, { no: 1, result: "Ikke sprogparat" }] });
    expect(r.ok && r.pupil.attempts.map((a) => [a.no, a.result])).toEqual([
      [1, "ikke-sprogparat"],
      [2, "sprogparat"],
    ]);
    const s = parsePupil({ ...base, classLevel: "3. klasse" });
    expect(s.ok && s.pupil.classLevel).toBe(3);
  });
});

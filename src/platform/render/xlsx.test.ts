import { describe, expect, it } from "vitest";
import { addTableSheet, createWorkbook, readWorkbook, sheetName, sheetValues, workbookToBuffer } from "./xlsx.ts";

describe("xlsx renderer", () => {
  it("writes a styled sheet that reads back with the same values", async () => {
    const wb = createWorkbook({ title: "AMU", createdAt: new Date("2024-10-15T00:00:00Z") });
    const rows = [
      { fagkode: "40080", title: "IKV i AMU — Ærø", end: "2024-09-30", n: 3 },
      { fagkode: "47592", title: 'Quote "x"; semi', end: null, n: 0 },
    ];
    addTableSheet(wb, "Deltagelser: 2024/Q3", [
      { header: "Fagkode", key: "fagkode" },
      { header: "Titel", key: "title" },
      { header: "Slutdato", key: "end", type: "date" },
      { header: "Antal", key: "n", type: "integer" },
    ], rows);
    const back = await readWorkbook(await workbookToBuffer(wb));
    const ws = back.worksheets[0]!;
    expect(ws.name).toBe("Deltagelser  2024 Q3");
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.getColumn(3).numFmt).toBe("dd-mm-yyyy");
    const values = sheetValues(ws);
    expect(values[0]).toEqual(["Fagkode", "Titel", "Slutdato", "Antal"]);
    expect(values[1]).toEqual(["40080", "IKV i AMU — Ærø", new Date("2024-09-30T00:00:00Z"), 3]);
    expect(values[2]).toEqual(["47592", 'Quote "x"; semi', null, 0]);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual("IKV i AMU — Ærø".length);
  });

  it("keeps sheet names legal and unique", () => {
    const wb = createWorkbook();
    const long = "A very long sheet name that Excel would refuse";
    wb.addWorksheet(sheetName(wb, long));
    const second = sheetName(wb, long);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second).toMatch(/\(2\)$/);
    expect(sheetName(wb, "[]")).toBe("Ark");
  });
});

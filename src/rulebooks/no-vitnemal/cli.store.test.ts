/**
 * `bevis vitnemal …` run in-process (src/cli/testing.ts) on a PGlite data folder and on a PostgreSQL database: add
 * cases from JSON files, preview, issue (and a refused issue with its findings), issue-all for a year, duplicate,
 * cancel, pdf and export-nvb, with --json.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cliTargets, type CliRun as Run } from "../../cli/testing.ts";
import { pdfText } from "../../platform/render/testing.ts";
import { demoCases, demoFnr, vitnemalCase } from "./demo.ts";

for (const t of cliTargets("bevis-vm-cli")) {
  describe(`bevis vitnemal CLI on ${t.kind}`, () => {
    const { dir, run } = t;
    afterAll(() => t.cleanup());

    it("adds, previews, issues, refuses with findings, issues a year, duplicates, cancels, writes the PDF and the NVB file", async () => {
      expect((await run("institution", "add", "--code", "921234562", "--name", "Nordlys (cli)", "--country", "NO")).code).toBe(0);
      const ids: Record<string, string> = {};
      for (const c of demoCases()) {
        const f = join(dir, `${c.key}.json`);
        writeFileSync(f, JSON.stringify(c.input));
        const r = await run("--json", "vitnemal", "add", f);
        expect(r.code).toBe(0);
        ids[c.key] = (JSON.parse(r.out) as { id: string }).id;
      }
      const extra = join(dir, "extra.json");
      writeFileSync(extra, JSON.stringify(vitnemalCase("Kari Klasse", demoFnr("150306", 11))));
      expect((await run("vitnemal", "add", extra)).code).toBe(0);

      const pv = await run("vitnemal", "preview", ids["im-fam39"]!, "--on", "2023-06-20");
      expect(pv.code).toBe(0);
      expect(pv.out).toMatch(/ENG1007 .*IM .*Dokumentert fravær .*§ 2\.5, 2\.6, 3, 6\.3/);

      const iss = await run("--json", "vitnemal", "issue", ids["im-fam39"]!, "--on", "2023-06-20", "--out", join(dir, "k.pdf"));
      expect(iss.code).toBe(0);
      expect(JSON.parse(iss.out)).toMatchObject({ number: "K92123456220230001", kind: "kompetansebevis" });
      expect(pdfText(readFileSync(join(dir, "k.pdf")))).toContain("Dokumentert fravær");

      const refused = await run("--json", "vitnemal", "issue", ids["blocked"]!, "--on", "2025-06-20");
      expect(refused.code).toBe(1);
      const body = JSON.parse(refused.out) as { status: number; findings: { cite: { ref: string } }[] };
      expect(body.status).toBe(422);
      expect(body.findings.map((f) => f.cite.ref)).toContain("5.6");

      const all = await run("--json", "vitnemal", "issue-all", "--year", "2025", "--on", "2025-06-20", "--out-dir", join(dir, "pdfs"));
      expect(all.code).toBe(0);
      const a = JSON.parse(all.out) as { issued: { number: string }[]; refused: { name: string }[]; pdfs: number };
      expect(a.issued.map((x) => x.number)).toEqual(["V92123456220250001", "V92123456220250002"]);
      expect(a.refused.map((x) => x.name)).toEqual(["Sara Demo"]);
      // --out-dir: each issued document's PDF written in the batch, as it prints
      expect(a.pdfs).toBe(2);
      expect(readdirSync(join(dir, "pdfs")).sort()).toEqual(["vitnemal-V92123456220250001.pdf", "vitnemal-V92123456220250002.pdf"]);
      expect(pdfText(readFileSync(join(dir, "pdfs", "vitnemal-V92123456220250002.pdf")))).toContain("V92123456220250002");

      const dup = await run("--json", "vitnemal", "duplicate", "V92123456220250001", "--way", "3", "--signatory", "Rolf Rektor", "--on", "2025-08-20");
      expect(JSON.parse(dup.out)).toMatchObject({ number: "V92123456220250003", cancelled: "V92123456220250001" });
      expect((await run("vitnemal", "cancel", "V92123456220250002", "--reason", "FEI", "--on", "2025-07-01")).code).toBe(0);
      expect((await run("vitnemal", "cancel", "V92123456220250002", "--reason", "XXX")).code).toBe(2);

      expect((await run("vitnemal", "pdf", "V92123456220250003", "--out", join(dir, "v.pdf"))).code).toBe(0);
      expect(pdfText(readFileSync(join(dir, "v.pdf")))).toMatch(/DUPLIKAT/i);

      const nvb = await run("--json", "vitnemal", "export-nvb", "2024/25", "--school-number", "99001", "--out", join(dir, "nvb.txt"));
      expect(nvb.code).toBe(0);
      expect(JSON.parse(nvb.out)).toMatchObject({ documents: 2, cancellations: 1 }); // V0003 and the cancellation of V0001 (20.08.2025) belong to 2025/26
      expect(readFileSync(join(dir, "nvb.txt"), "utf8")).toMatch(/^¤A¤921234562¤99001¤/);
    }, 300_000); // some twenty commands, each opening the database anew: PGlite on disk takes seconds per open

    it("issue-all draws its progress bar on stderr when stderr is a terminal, and none otherwise", async () => {
      const tty = Object.getOwnPropertyDescriptor(process.stderr, "isTTY");
      /** A fresh database with an institution and three cases of 2025; issue-all run in it with stderr a terminal or not. */
      const issueAll = async (terminal: boolean): Promise<Run> => {
        const f0 = t.fresh(); // removed by t.cleanup()
        const d = f0.dir;
        expect((await f0.run("institution", "add", "--code", "921234562", "--name", "Nordlys (bar)", "--country", "NO")).code).toBe(0);
        for (let i = 0; i < 3; i++) {
          const f = join(d, `c${i}.json`);
          writeFileSync(f, JSON.stringify(vitnemalCase(`Elev ${i} Bar`, demoFnr("150306", 20 + i))));
          expect((await f0.run("vitnemal", "add", f)).code).toBe(0);
        }
        Object.defineProperty(process.stderr, "isTTY", { value: terminal, configurable: true });
        try {
          return await f0.run("vitnemal", "issue-all", "--year", "2025", "--on", "2025-06-20");
        } finally {
          if (tty) Object.defineProperty(process.stderr, "isTTY", tty);
          else delete (process.stderr as { isTTY?: boolean }).isTTY;
        }
      };
      const quiet = await issueAll(false);
      expect(quiet.code).toBe(0);
      expect(quiet.out).toMatch(/^issued 3 document\(s\)/);
      expect(quiet.err).not.toMatch(/issuing/);
      // stdout is not a terminal here (the test captures it): the bar follows stderr, where it is drawn
      const shown = await issueAll(true);
      expect(shown.code).toBe(0);
      expect(shown.out).toMatch(/^issued 3 document\(s\)/);
      expect(shown.out).not.toMatch(/issuing/);
      expect(shown.err).toMatch(/issuing \[.*\] 3\/3/);
    }, 300_000);
  });
}

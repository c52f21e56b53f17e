/**
 * Test helpers that read rendered documents back the way a person would: PDFs through poppler's `pdftotext` and
 * `pdfinfo` (Debian package poppler-utils; CI installs it).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function withFile<T>(bytes: Buffer, f: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "bevis-pdf-"));
  try {
    const path = join(dir, "doc.pdf");
    writeFileSync(path, bytes);
    return f(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF (`pdftotext -layout`, UTF-8); pages are separated by form feeds (\f). */
export function pdfText(bytes: Buffer, o: { layout?: boolean } = {}): string {
  return withFile(bytes, (path) =>
    execFileSync("pdftotext", [...(o.layout === false ? [] : ["-layout"]), "-enc", "UTF-8", path, "-"], { encoding: "utf8" }),
  );
}

/** The text of each page. */
export function pdfPages(bytes: Buffer): string[] {
  const pages = pdfText(bytes).split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/** `pdfinfo` as a record ("Pages" → "3", "Title" → "…", "Page size" → "595.28 x 841.89 pts (A4)"). */
export function pdfInfo(bytes: Buffer): Record<string, string> {
  const out = withFile(bytes, (path) => execFileSync("pdfinfo", ["-enc", "UTF-8", path], { encoding: "utf8" }));
  const info: Record<string, string> = {};
  for (const line of out.split("\n")) {
    const i = line.indexOf(":");
    if (i > 0) info[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return info;
}

/** The fonts embedded in a PDF (`pdffonts`), by name. */
export function pdfFonts(bytes: Buffer): string[] {
  const out = withFile(bytes, (path) => execFileSync("pdffonts", [path], { encoding: "utf8" }));
  return out
    .split("\n")
    .slice(2)
    .map((l) => l.split(/\s+/)[0] ?? "")
    .filter((n) => n !== "");
}

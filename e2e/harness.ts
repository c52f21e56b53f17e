/**
 * Browser-test harness: the real `bevis serve --demo` as a child process on a free port with a fresh data folder
 * (embedded PGlite, the real API, the built web app from web/dist), and Debian's Chromium driven by playwright-core.
 * `npm run test:e2e` builds the web app first.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { DEMO_USERS } from "../src/platform/bootstrap.ts";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface RunningServer {
  url: string;
  dataDir: string;
  /** Everything the server printed so far (stdout and stderr), for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on("error", rej);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => res(port));
    });
  });
}

/** Starts `node bin/bevis.mjs serve --demo` and resolves with its URL once it prints "bevis serving <url>". */
export async function startServer(opts: { timeoutMs?: number } = {}): Promise<RunningServer> {
  // BEVIS_E2E_URL: drive a server that is already running (e.g. while developing the UI) instead of starting one.
  const external = process.env.BEVIS_E2E_URL;
  if (external) return { url: external.replace(/\/$/, ""), dataDir: "", output: () => "", stop: async () => {} };
  if (!existsSync(join(ROOT, "web", "dist", "index.html"))) throw new Error("web/dist is missing: run `npm run build:web` (npm run test:e2e does)");
  const dataDir = await mkdtemp(join(tmpdir(), "bevis-e2e-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, BEVIS_DATA: dataDir, NODE_ENV: "test" };
  delete env.DATABASE_URL; // always the embedded database
  // detached: the server runs in its own process group (bin/bevis.mjs starts tsx, which starts node), so stop()
  // can end the whole group by its id.
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, "bin", "bevis.mjs"), "serve", "--demo", "--port", String(port), "--host", "127.0.0.1"], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (out += d));
  const exited = new Promise<number | null>((res) => child.once("exit", (code) => res(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* already gone */
        }
      }, 10_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const url = await new Promise<string>((res, rej) => {
    const deadline = setTimeout(() => rej(new Error(`bevis serve did not print its URL within ${opts.timeoutMs ?? 120_000} ms:\n${out}`)), opts.timeoutMs ?? 120_000);
    const onData = () => {
      const m = /bevis serving (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(deadline);
        res(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    void exited.then((code) => {
      clearTimeout(deadline);
      rej(new Error(`bevis serve exited with ${code} before it was ready:\n${out}`));
    });
  }).catch(async (e: unknown) => {
    await stop();
    throw e;
  });

  return { url, dataDir, output: () => out, stop };
}

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, acceptDownloads: true, viewport: { width: 1440, height: 1000 }, locale: "da-DK", timezoneId: "Europe/Copenhagen" });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/** Logs in through the login form and waits for the header. */
export async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/");
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("current-user").waitFor();
}

/** The demo user with this e-mail (src/platform/bootstrap.ts `DEMO_USERS`, listed in the README); throws naming it. */
export function demoUser(email: string): (typeof DEMO_USERS)[number] {
  const u = DEMO_USERS.find((x) => x.email === email);
  if (!u) throw new Error(`no demo user ${email} in DEMO_USERS (src/platform/bootstrap.ts)`);
  return u;
}

/**
 * One test file's server and browser: started before its first test, stopped after its last (vitest hooks). Each
 * file gets its own fresh server, so files never share data.
 */
export function serverAndBrowser(): { readonly server: RunningServer; readonly browser: Browser } {
  const e2e = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    e2e.server = await startServer();
    e2e.browser = await launchBrowser();
  });
  afterAll(async () => {
    await e2e.browser?.close();
    await e2e.server?.stop();
  });
  return e2e;
}

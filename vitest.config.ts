import { defineConfig } from "vitest/config";

// Three projects, run one after another by `npm test`:
//  unit  — pure rules and kernel (fast, no I/O)
//  store — database, HTTP and CLI tests; each runs on PGlite and, when TEST_DATABASE_URL is set, on a PostgreSQL server
//  e2e   — a real Chromium against the real server
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["src/**/*.test.ts"], exclude: ["src/**/*.store.test.ts"] } },
      {
        test: {
          name: "store",
          include: ["src/**/*.store.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      { test: { name: "e2e", include: ["e2e/**/*.test.ts"], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } },
    ],
  },
});

#!/usr/bin/env node
// `bevis` command: loads the TypeScript CLI in this same process through tsx's loader (no build step, and no
// wrapper process in between, so signals such as SIGTERM reach the server directly and it can close the database).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exit(await main(process.argv));

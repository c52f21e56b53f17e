import type { MigrationSet } from "../migrate.ts";
import { platformCore } from "./0001-platform-core.ts";
import { demoSeed } from "./0002-demo-seed.ts";
import { loginThrottle } from "./0003-login-throttle.ts";

export const platformMigrations: MigrationSet = {
  "0001-platform-core": platformCore,
  "0002-demo-seed": demoSeed,
  "0003-login-throttle": loginThrottle,
};

import type { MigrationSet } from "../migrate.ts";
import { platformCore } from "./0001-platform-core.ts";

export const platformMigrations: MigrationSet = {
  "0001-platform-core": platformCore,
};

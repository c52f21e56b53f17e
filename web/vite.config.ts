import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

// The staff UI. `npm run build:web` writes web/dist, which `bevis serve` serves (with SPA fallback).
// `vite --config web/vite.config.ts` runs a dev server that forwards the API to a `bevis serve` on port 8080.
export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  server: {
    port: 5173,
    proxy: {
      "/api": "http://localhost:8080",
      "/openapi.json": "http://localhost:8080",
    },
  },
});

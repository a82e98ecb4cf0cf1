import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Reads a console fixture (made by test/fixtures/console/regenerate.sh, or hand/ files). */
export function fixture(rel: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/console/${rel}`, import.meta.url)), "utf8");
}

/**
 * The shared fixtures: real reports of real runners (../shared/fixtures/junit/README.md), kept
 * outside the repository in the `shared/` checkout that CI places next to it. A clone without
 * that checkout skips the tests that read them, and says so once; under CI they must be there,
 * so a missing checkout fails those tests instead of hiding them.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export const sharedJunit = path.resolve(import.meta.dirname, "../../shared/fixtures/junit");

export const skipShared = !existsSync(sharedJunit) && !process.env.CI;

if (skipShared) console.warn(`tests on the shared fixtures: skipped: no ${sharedJunit} (the shared/ checkout next to the repository)`);

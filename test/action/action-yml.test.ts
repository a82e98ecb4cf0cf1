import { readFileSync } from "node:fs";
import type { HttpsJsonSchemastoreOrgGithubActionJson as ActionMetadata } from "@schemastore/github-action";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

const root = new URL("../../", import.meta.url);
// The `yaml` package (YAML 1.2, core schema), as GitHub reads action.yml; `uniqueKeys` (default) rejects duplicate keys.
const metadata = parseYaml(readFileSync(new URL("action.yml", root), "utf8"), { strict: true, prettyErrors: true }) as ActionMetadata;
const schema = JSON.parse(readFileSync(new URL("test/action/fixtures/github-action.schema.json", root), "utf8"));

// The inputs the Action reads (src/action/inputs.ts) and the outputs it sets (src/action/run.ts).
const INPUTS = ["mode", "tests", "trials", "shard", "base-seed", "seed-env", "reports", "working-directory", "reruns", "fresh-seeds", "rerun-timeout", "jobs", "time-budget", "max-failures", "seed-patterns", "rerun-command", "runner", "fail-on", "annotations", "summary", "check-run", "check-name", "history", "charts", "github-token"];
const OUTPUTS = ["report", "deterministic", "intermittent", "not-reproduced", "failed-tests", "summary-markdown", "failed-trials"];

describe("action.yml", () => {
  it("validates against the published action metadata schema (SchemaStore github-action.json)", () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(metadata), ajv.errorsText(validate.errors)).toBe(true);
  });

  it("runs on node24 from the bundle", () => {
    expect(metadata.runs).toMatchObject({ using: "node24", main: "dist/index.js" });
    expect(metadata.branding).toBeDefined();
  });

  it("declares every input with a description and a default, and every output", () => {
    const inputs = metadata.inputs ?? {};
    expect(Object.keys(inputs).sort()).toEqual([...INPUTS].sort());
    for (const [name, input] of Object.entries(inputs)) {
      expect(input?.description, name).toBeTruthy();
      expect(input?.default, name).toBeTypeOf("string");
    }
    expect(inputs["github-token"]!.default).toBe("${{ github.token }}");
    expect(inputs["fail-on"]!.default).toBe("deterministic");
    expect(Object.keys(metadata.outputs ?? {}).sort()).toEqual([...OUTPUTS].sort());
  });

  it("is rejected by the schema when broken (the validator is live)", () => {
    const ajv = new Ajv({ strict: false });
    const validate = ajv.compile(schema);
    expect(validate({ ...metadata, runs: { using: "node99", main: "x" } })).toBe(false);
    expect(validate({ ...metadata, inputs: { x: { default: "1" } } })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { normaliseCiLog } from "../../src/reports/ci-log.js";
import { fixture } from "./console-fixtures.js";

describe("normaliseCiLog", () => {
  it("removes Jenkins timestamps and pipeline markers from a real log", () => {
    const { text, notes } = normaliseCiLog(fixture("ci/jenkins-pytest.log"));
    expect(text).toContain(fixture("pytest-default.log").trimEnd());
    expect(text).not.toContain("[Pipeline]");
    expect(notes).toContain("removed Jenkins timestamps");
  });

  it("removes GitHub timestamps, ##[group] lines and ANSI colours, keeping line numbers", () => {
    const raw = fixture("ci/github-pytest.log");
    const { text, notes } = normaliseCiLog(raw);
    expect(text).toContain(fixture("pytest-verbose-short.log").trimEnd());
    expect(text).not.toMatch(/##\[(?:group|endgroup)\]|\x1b/);
    expect(text).toContain("Process completed with exit code 1.");
    expect(text.split("\n").length).toBe(raw.split("\n").length);
    expect(notes).toEqual(expect.arrayContaining(["removed ANSI colour codes", "removed GitHub Actions timestamps"]));
  });

  it("converts CRLF and undoes double spacing of Windows copies", () => {
    const plain = fixture("unittest-verbose.log");
    expect(normaliseCiLog(fixture("ci/windows-unittest.log")).text).toBe(plain);
    const doubled = normaliseCiLog(fixture("ci/double-spaced-unittest.log"));
    expect(doubled.text.trimEnd()).toBe(plain.trimEnd());
    expect(doubled.notes).toContain("undid double line spacing");
    expect(normaliseCiLog("a\r\r\nb\r\n").text).toBe("a\nb\n");
  });

  it("leaves an ordinary log's blank lines alone", () => {
    const plain = fixture("pytest-default.log");
    expect(normaliseCiLog(plain)).toMatchObject({ text: plain, notes: [] });
  });

  it("maps each line back to the line of the file as given", () => {
    const { text, origin } = normaliseCiLog("a\r\n\r\nb\r\n\r\nc\r\n\r\nd\r\n\r\ne\r\n\r\nf\r\n\r\n\r\n\r\ng\r\n");
    const lines = text.split("\n");
    expect(lines.slice(0, 8)).toEqual(["a", "b", "c", "d", "e", "f", "", "g"]);
    expect(origin.slice(0, 8)).toEqual([1, 3, 5, 7, 9, 11, 14, 15]);
  });

  it("removes xdist worker prefixes only at the start of a line", () => {
    const { text } = normaliseCiLog("[gw3] [ 50%] PASSED tests/x.py::test_a\nworker 'gw0' crashed while running '[gw1] x'\n");
    expect(text).toBe("[ 50%] PASSED tests/x.py::test_a\nworker 'gw0' crashed while running '[gw1] x'\n");
  });

  it("keeps the text of other workflow commands and handles OSC hyperlinks", () => {
    const { text } = normaliseCiLog("##[error]Process completed\n\x1b]8;;https://x\x07link\x1b]8;;\x07 done\n");
    expect(text).toBe("Process completed\nlink done\n");
  });

  it("does not touch timestamps that are not line prefixes", () => {
    const line = "value at 2024-05-01T12:00:00.1234567Z was [2018-05-01T12:00:00.123Z]";
    expect(normaliseCiLog(line).text).toBe(line);
  });
});

import { describe, expect, it } from "vitest";
import { annotationCommand, escapeData, escapeProperty, WorkflowLog } from "../../src/action/workflow-commands.js";

describe("escaping", () => {
  it("escapes % CR LF in data and additionally : , in properties", () => {
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("formats annotations with escaped properties and message", () => {
    expect(annotationCommand("error", "line1\nline2 ::x::", { file: "a,b.py", line: 3, title: "t: x" })).toBe(
      "::error title=t%3A x,file=a%2Cb.py,line=3::line1%0Aline2 ::x::",
    );
    expect(annotationCommand("notice", "m")).toBe("::notice::m");
  });

  it("cannot be tricked into a second command by a hostile message", () => {
    const cmd = annotationCommand("warning", "x\n::add-mask::secret\n::set-output name=a::b", { title: "t\n::error::y" });
    expect(cmd.split("\n")).toHaveLength(1);
  });
});

describe("WorkflowLog", () => {
  it("wraps untrusted text in one stop-commands block that commands close first", () => {
    const lines: string[] = [];
    const log = new WorkflowLog({ write: (l) => lines.push(l) });
    log.untrusted("::add-mask::x\n::error::pwned");
    log.untrusted("::set-output name=a::b");
    log.annotation("error", "ours");
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0]!)![1];
    expect(lines).toEqual([`::stop-commands::${token}`, "::add-mask::x", "::error::pwned", "::set-output name=a::b", `::${token}::`, "::error::ours"]);
    expect(log.annotations).toEqual({ error: 1, warning: 0, notice: 0 });
  });

  it("never uses a token that the text contains", () => {
    const lines: string[] = [];
    const log = new WorkflowLog({ write: (l) => lines.push(l) });
    log.untrusted("first");
    const token = lines[0]!.slice("::stop-commands::".length);
    log.untrusted(`::${token}::\n::error::escaped?`);
    // The block was closed and reopened with a different token before the hostile text.
    expect(lines[2]).toBe(`::${token}::`);
    expect(lines[3]).toMatch(/^::stop-commands::/);
    expect(lines[3]).not.toContain(token);
  });

  it("masks the token", () => {
    const lines: string[] = [];
    new WorkflowLog({ write: (l) => lines.push(l) }).mask("ghs_x");
    expect(lines).toEqual(["::add-mask::ghs_x"]);
  });
});

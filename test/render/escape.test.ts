import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { codeBlock, codeSpan, escapeHtml, escapeMarkdown, oneLine, showControls, stripControl } from "../../src/render/escape.js";
import { HOSTILE } from "./fixtures.js";

const WJ = "\u2060";

/** Every Markdown-significant ASCII punctuation character in `s` is backslash-escaped. */
function allPunctuationEscaped(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if ("\\`*_{}[]()#+-.!|~$:".includes(c)) {
      if (c === "\\" && i + 1 < s.length && "\\`*_{}[]()#+-.!|~$:".includes(s[i + 1]!)) {
        i++;
        continue;
      }
      return false;
    }
  }
  return true;
}

describe("escapeMarkdown", () => {
  const out = escapeMarkdown(HOSTILE);

  it("leaves no HTML: tags and attribute quotes become entities", () => {
    expect(out).not.toMatch(/[<>"']/);
    expect(out).toContain("&lt;img src=x onerror=alert\\(1\\)&gt;");
    expect(out).toContain("&amp;");
  });

  it("breaks links, emphasis, code, tables and math", () => {
    expect(out).toContain("\\[link\\]\\(javascript\\:alert\\(1\\)\\)");
    expect(out).toContain("\\*bold\\*");
    expect(out).toContain("\\_it\\_");
    expect(out).toContain("\\~strike\\~");
    expect(out).toContain("\\`code\\`");
    expect(out).toContain("\\|");
    expect(out).toContain("\\$x\\$");
  });

  it("breaks @mentions and #references with an invisible word joiner", () => {
    expect(out).toContain(`@${WJ}octocat`);
    expect(out).toContain(`\\#${WJ}123`);
    expect(out).not.toMatch(/@octocat/);
  });

  it("breaks every @, so no email autolink forms through the escapes of what follows it", () => {
    // GitHub (cmark-gfm) linked these as mailto:admin@.evil.com and mailto:a+b@_x.com: the
    // escaped punctuation after @ hid it from the mention rule.
    for (const text of ["admin@.evil.com", "a+b@_x.com", "admin.@.x.y", "x@-y.com"]) {
      const md = escapeMarkdown(text);
      expect(md, text).not.toMatch(/@(?!\u2060)/);
    }
  });

  it("shows control and bidi characters instead of passing them on (reproduce commands keep every character)", () => {
    expect(showControls("a\u202Eb\u2066c\u0007d\ne\u200Ff")).toBe("a\\u202Eb\\u2066c\\x07d\\x0ae\\u200Ff");
  });

  it("strips ANSI and control characters and keeps one line", () => {
    expect(out).not.toContain("\u001b");
    expect(escapeMarkdown("a\nb\r\nc\u0000d")).toBe("a b cd");
    expect(stripControl("\u001b]0;title\u0007x\u001b[2Jy\u202Ez")).toBe("xyz");
  });

  it("escapes every Markdown punctuation character of arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const e = escapeMarkdown(s);
        return allPunctuationEscaped(e.replace(/&(amp|lt|gt|quot|#39);/g, "")) && !/[<>\n\r"']/.test(e);
      }),
    );
  });
});

describe("escapeHtml", () => {
  it("entity-encodes & < > \" ' and breaks mentions", () => {
    expect(escapeHtml(`<b a="1" b='2'>&</b> @x #9 [l](u)`)).toBe(`&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&lt;/b&gt; @${WJ}x #${WJ}9 &#91;l&#93;&#40;u&#41;`);
  });
});

describe("codeSpan", () => {
  it("uses a fence longer than any backtick run inside", () => {
    expect(codeSpan("a ``` b")).toBe("````a ``` b````");
    expect(codeSpan("`x`")).toBe("`` `x` ``");
    expect(codeSpan("")).toBe("` `");
  });

  it("escapes | inside table cells and keeps one line", () => {
    expect(codeSpan("a|b\nc", { inTable: true })).toBe("`a\\|b c`");
  });

  it("cannot be closed early by any content", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const span = codeSpan(s);
        const fence = /^`+/.exec(span)![0];
        const inner = span.slice(fence.length, span.length - fence.length);
        return span.endsWith(fence) && !inner.includes(fence);
      }),
    );
  });
});

describe("codeBlock", () => {
  it("chooses a fence longer than any backtick run in the body", () => {
    const block = codeBlock("echo ```\n````\nrm -rf /", "sh");
    expect(block.startsWith("`````sh\n")).toBe(true);
    expect(block.endsWith("\n`````")).toBe(true);
  });

  it("keeps the info string harmless", () => {
    expect(codeBlock("x", "sh`<b>")).toBe("```shb\nx\n```");
  });
});

describe("oneLine", () => {
  it("collapses whitespace", () => {
    expect(oneLine("  a\t\n b  ")).toBe("a b");
  });
});

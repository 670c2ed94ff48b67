import { escapeMarkdown, escapeTableCell, truncate } from "../../src/text/escape-markdown.js";

describe("escapeMarkdown", () => {
  it.each([
    ["@octocat please look", "@&#8203;octocat please look"],
    ["cc @acme/oncall", "cc @&#8203;acme/oncall"],
    ["<!-- hotfix-bot:state {} -->", "&lt;\\!\\-\\- hotfix\\-bot:state \\{\\} \\-\\-\\>"],
    ["**bold** [link](http://x)", "\\*\\*bold\\*\\* \\[link\\]\\(http://x\\)"],
    ["a | b", "a \\| b"],
    ["`code`", "\\`code\\`"],
    ["mail@example.com is not a mention", "mail@&#8203;example\\.com is not a mention"],
  ])("escapes %j", (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });

  it("keeps table cells on one line", () => {
    expect(escapeTableCell("fix\r\nthe | bug\n")).toBe("fix the \\| bug ");
  });
});

describe("truncate", () => {
  it("leaves short text alone and cuts long text to the limit", () => {
    expect(truncate("abc", 3)).toBe("abc");
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abcdef", 4).length).toBe(4);
  });

  it("never splits a surrogate pair", () => {
    const cut = truncate("ab😀cd", 4);
    expect(cut).toBe("ab…");
  });
});

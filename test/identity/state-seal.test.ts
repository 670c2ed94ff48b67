import { hasValidSeal, hiddenMarkers, sealBody } from "../../src/identity/state-seal.js";

const body = '<!-- hotfix-bot:follow-up {"pr":7,"kind":"post-mortem"} -->\n## Post-mortem\n\nRoot cause: …';
const scope = "acme/webshop";

describe("state seal", () => {
  it("verifies with the same key and scope only", () => {
    const sealed = sealBody(body, "k1", scope);
    expect(hasValidSeal(sealed, "k1", scope)).toBe(true);
    expect(hasValidSeal(sealed, "k2", scope)).toBe(false);
    expect(hasValidSeal(sealed, "k1", "acme/webshop#3")).toBe(false);
    expect(hasValidSeal(body, "k1", scope)).toBe(false);
  });

  it("survives edits of the visible text, not of a marker", () => {
    const sealed = sealBody(body, "k1", scope);
    expect(
      hasValidSeal(`${sealed.replace("Root cause: …", "Root cause: a typo")}\n\nmore notes`, "k1", scope),
    ).toBe(true);
    expect(hasValidSeal(sealed.replace('"pr":7', '"pr":8'), "k1", scope)).toBe(false);
    expect(
      hasValidSeal(`${sealed}\n<!-- hotfix-bot:follow-up {"pr":9,"kind":"proper-fix"} -->`, "k1", scope),
    ).toBe(false);
  });

  it("rejects a malformed or forged seal", () => {
    expect(hasValidSeal(`${body}\n<!-- hotfix-bot:seal ${"0".repeat(64)} -->`, "k1", scope)).toBe(false);
    expect(hasValidSeal(`${body}\n<!-- hotfix-bot:seal nothex -->`, "k1", scope)).toBe(false);
  });

  it("finds markers in linear time even in a body of unclosed openings", () => {
    const hostile = "<!-- hotfix-bot:".repeat(4000);
    expect(hiddenMarkers(hostile)).toEqual([]);
    expect(hiddenMarkers("a <!-- hotfix-bot:x --> b <!-- hotfix-bot:seal y --> c")).toEqual([
      "<!-- hotfix-bot:x -->",
    ]);
  });
});

import fc from "fast-check";
import { matchingBranchPattern } from "../../src/patterns/branch-pattern.js";
import { checkTitle, jiraKeyOf } from "../../src/rules/title.js";
import { configOf } from "../support/config-of.js";

// The title and branch matchers no longer build RegExps (a backtracking engine is exponential on some formats).
// On the formats and patterns the schema accepts, they must mean exactly what the RegExps they replace meant:
// each reference below is the RegExp the previous implementation compiled, and it is fast on these small inputs.

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");

/** The title RegExp of the previous implementation, and the group of its `{key}`. */
function titleRegex(format: string): { regex: RegExp; keyGroup: number } {
  let source = "";
  let group = 0;
  let keyGroup = 0;
  for (const part of format.trim().split(/(\{key\}|\{summary\}|\s+)/)) {
    if (part === "") continue;
    if (part === "{key}") {
      group += 1;
      if (keyGroup === 0) keyGroup = group;
      source += "([A-Z][A-Z0-9_]+-[1-9][0-9]{0,8})";
    } else if (part === "{summary}") {
      group += 1;
      source += "(\\S(?:.*\\S)?)";
    } else if (/^\s+$/.test(part)) source += "\\s+";
    else source += escapeRegex(part);
  }
  return { regex: new RegExp(`^${source}$`), keyGroup };
}

/** Formats with at most one {key} and one {summary}, around literal text and spaces. */
const format = fc
  .tuple(
    fc.array(fc.constantFrom("[", "]", " ", "  ", ":", "-", "Fix", "x."), { maxLength: 3 }),
    fc.boolean(),
    fc.array(fc.constantFrom("[", "]", " ", ":", "-", "(", ")"), { maxLength: 3 }),
    fc.boolean(),
    fc.array(fc.constantFrom(" ", "!", ".", "]"), { maxLength: 2 }),
  )
  .map(
    ([a, key, b, summary, c]) =>
      `${a.join("")}${key ? "{key}" : ""}${b.join("")}${summary ? "{summary}" : ""}${c.join("")}`,
  )
  .filter((f) => f.trim() !== "");
/** Titles built from the same pieces, with keys, near-keys and whitespace of several kinds. */
const title = fc
  .array(
    fc.constantFrom(
      "[",
      "]",
      " ",
      "\t",
      "\u00a0",
      ":",
      "-",
      "(",
      ")",
      "!",
      ".",
      "SPF-12",
      "A1_-9",
      "AB-0",
      "x",
      "Fix",
      "\n",
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(""));

test("a title's key (and whether it matches) is what the previous RegExp read", () => {
  fc.assert(
    fc.property(format, fc.array(title, { minLength: 1, maxLength: 6 }), (f, titles) => {
      const { regex, keyGroup } = titleRegex(f);
      const config = configOf({ title: { format: f } });
      for (const t of titles) {
        const match = regex.exec(t.trim());
        const expected = match && keyGroup > 0 ? (match[keyGroup] ?? null) : null;
        expect([f, t, jiraKeyOf(t, config)]).toEqual([f, t, expected]);
        expect([f, t, checkTitle(t, config).state]).toEqual([f, t, match ? "pass" : "fail"]);
      }
    }),
    { numRuns: 500 },
  );
});

const BRANCH_TOKENS: Record<string, string> = {
  "{date}": "[0-9]{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])",
  "{slug}": "[a-z0-9]+(?:-[a-z0-9]+)*",
  "{n}": "[0-9]+",
  "*": ".*",
};

/** The branch RegExp of the previous implementation. */
function branchRegex(pattern: string): RegExp {
  const parts = pattern.replace(/\*+/g, "*").split(/(\{[^{}]*\}|\*)/);
  const source = parts.map((part) => BRANCH_TOKENS[part] ?? escapeRegex(part)).join("");
  return new RegExp(`^${source}$`);
}

test("a branch matches a pattern exactly when the previous RegExp said so", () => {
  const pattern = fc
    .array(fc.constantFrom("hotfix/", "{date}", "{slug}", "{n}", "*", "-", "incident-", "a"), {
      maxLength: 5,
    })
    .map((parts) => parts.join(""))
    .filter((p) => p !== "" && (p.match(/\{slug\}|\{n\}|\*+/g) ?? []).length <= 3);
  const branch = fc
    .array(
      fc.constantFrom("hotfix/", "20240131", "20241301", "fix-login", "-", "12", "incident-", "a", "A", "/"),
      {
        maxLength: 6,
      },
    )
    .map((parts) => parts.join(""));
  fc.assert(
    fc.property(pattern, fc.array(branch, { minLength: 1, maxLength: 6 }), (p, branches) => {
      const regex = branchRegex(p);
      for (const b of branches)
        expect([p, b, matchingBranchPattern(b, [p]) !== null]).toEqual([p, b, regex.test(b)]);
    }),
    { numRuns: 500 },
  );
});

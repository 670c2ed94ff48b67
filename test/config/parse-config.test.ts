import { readFileSync } from "node:fs";
import { renderConfigJsonSchema } from "../../src/config/json-schema.js";
import { parseConfigText, validateConfig } from "../../src/config/parse-config.js";

describe("parseConfigText", () => {
  it("gives a fully defaulted configuration for an empty file", () => {
    const result = parseConfigText("");
    if (!result.ok) throw result.error;
    expect(result.config.productionBranch).toBe("main");
    expect(result.config.developBranch).toBe("develop");
    expect(result.config.branches.patterns).toEqual(["hotfix/{date}-{slug}", "hotfix/incident-{n}"]);
    expect(result.config.approvals.P2.required).toBe(1);
    expect(result.config.approvals.P1.required).toBe(0);
    expect(result.config.severity.labels.P1).toBe("P1-hotfix");
    expect(result.config.backport.targets).toEqual(["{develop}", "newer-lines"]);
  });

  it("keeps given values and defaults the rest of the same object", () => {
    const result = parseConfigText("approvals:\n  P2:\n    required: 2\ndiffBudget:\n  maxFiles: 3\n");
    if (!result.ok) throw result.error;
    expect(result.config.approvals.P2).toEqual({ required: 2, from: [], timeoutMinutes: null });
    expect(result.config.diffBudget).toEqual({ maxFiles: 3, maxLines: 500, mode: "fail" });
  });

  it.each([
    ["a: [\n", "", /^YAML syntax error: .*at line 2, column 1$/],
    ["title:\n  format: x\n format: y\n", "", /^YAML syntax error: .*at line 3, column 1$/],
    ["approvals:\n  P2:\n    required: two\n", "approvals.P2.required", /expected number/],
    ["productionBranch: 7\n", "productionBranch", /expected string/],
    [
      "checks:\n  criticalTest: [unit]\n",
      "checks",
      /^unknown key checks\.criticalTest \(did you mean criticalTests\?\)$/,
    ],
    ["productionBrnch: x\n", "", /^unknown key productionBrnch \(did you mean productionBranch\?\)$/],
    ["followUps:\n  postMortem: { enabeld: false }\n", "followUps.postMortem", /did you mean enabled\?/],
    ["notifications: {}\n", "", /^unknown key notifications$/],
    ["title:\n  projects: [spf]\n", "title.projects.0", /upper-case Jira project key/],
    ["productionBranch: 'main; rm -rf /'\n", "productionBranch", /plain git branch name/],
    ["- just\n- a list\n", "", /mapping of keys/],
  ])("reports %j at field %j", (text, path, message) => {
    const result = parseConfigText(text, ".github/hotfix.yml");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.file).toBe(".github/hotfix.yml");
    const problem = result.error.problems.find((p) => p.path === path);
    expect(problem?.message).toMatch(message);
    expect(result.error.message).toContain(".github/hotfix.yml");
  });

  it("validates objects that came from elsewhere (an _extends chain)", () => {
    expect(validateConfig({ developBranch: "dev" }).ok).toBe(true);
    expect(validateConfig(null).ok).toBe(true);
    expect(validateConfig("main").ok).toBe(false);
  });
});

describe("committed JSON Schema", () => {
  it("matches the zod schema (run `npm run schema` after changing it)", () => {
    const committed = readFileSync(new URL("../../schema/hotfix.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(renderConfigJsonSchema());
  });
});

describe("validateConfig with content merged from another file", () => {
  const origin = {
    ownKeys: new Set(["productionBranch", "typoOwn"]),
    otherFile: "acme/shared:.github/hotfix.yml",
  };

  it("names the repository's own unknown keys and only counts the other file's", () => {
    const result = validateConfig(
      { productionBranch: "main", typoOwn: 1, secretA: 1, secretB: 2 },
      undefined,
      origin,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain("unknown key typoOwn");
    expect(result.error.message).toContain("2 unknown keys in acme/shared:.github/hotfix.yml");
    expect(result.error.message).not.toMatch(/secretA|secretB/);
  });

  it("points at the other file for its invalid values without echoing them", () => {
    const result = validateConfig({ title: { format: "{leak-me}" } }, undefined, origin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toEqual([
      { path: "title", message: "invalid value in acme/shared:.github/hotfix.yml; fix it there" },
    ]);
  });
});

describe("production lines", () => {
  const problemsOf = (text: string) => {
    const result = parseConfigText(text, ".github/hotfix.yml");
    return result.ok ? [] : result.error.problems;
  };

  it("reads productionBranch: x as productionBranches: [x], and defaults to main", () => {
    const single = parseConfigText("productionBranch: trunk\n");
    const list = parseConfigText("productionBranches: [trunk]\n");
    const none = parseConfigText("");
    if (!single.ok || !list.ok || !none.ok) throw new Error("all three are valid");
    expect(single.config).toEqual(list.config);
    expect(single.config.productionBranch).toBe("trunk");
    expect(single.config.productionBranches).toEqual(["trunk"]);
    expect(none.config.productionBranches).toEqual(["main"]);
  });

  it("takes the first entry as the main line", () => {
    const result = parseConfigText('productionBranches: [main, "release/*"]\n');
    if (!result.ok) throw result.error;
    expect(result.config.productionBranch).toBe("main");
    expect(result.config.productionBranches).toEqual(["main", "release/*"]);
  });

  it("refuses both keys, naming them", () => {
    expect(problemsOf("productionBranch: main\nproductionBranches: [main]\n")).toEqual([
      {
        path: "productionBranches",
        message: expect.stringMatching(/productionBranch and productionBranches are both given/),
      },
    ]);
  });

  it.each([
    ['productionBranches: ["release/*", main]\n', "productionBranches.0", /first entry is the main line/],
    ["productionBranches: []\n", "productionBranches", /at least the main line/],
    ['productionBranches: [main, "release/@(a|b)"]\n', "productionBranches.1", /extglobs/],
    ['productionBranches: [main, "*"]\n', "developBranch", /also a production line/],
  ])("reports %j at %s", (text, path, message) => {
    const problem = problemsOf(text).find((p) => p.path === path);
    expect(problem?.message).toMatch(message);
  });
});

describe("follow-up due times", () => {
  it("default to the policy: 24 h for reviews, a week for the fix, root cause and prevention", () => {
    const result = parseConfigText("");
    if (!result.ok) throw result.error;
    expect(result.config.followUps.due).toEqual({
      postMortem: "7d",
      properFix: "7d",
      regressionTests: "7d",
      postDeployReview: "24h",
      securityReview: "24h",
    });
  });

  it("refuses a due time the sweep could not see, an unknown kind, and a bad duration, naming the field", () => {
    for (const [yaml, field] of [
      ["followUps: { due: { postMortem: 14d } }", "followUps.due.postMortem"],
      ["followUps: { due: { postmortem: 7d } }", "followUps.due"],
      ["followUps: { due: { properFix: 1w } }", "followUps.due.properFix"],
    ] as const) {
      const result = parseConfigText(yaml);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain(field);
    }
  });
});

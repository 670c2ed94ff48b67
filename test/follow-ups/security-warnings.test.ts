import {
  LISTED_ANNOTATIONS_MAX,
  passedWithWarnings,
  type ScanAnnotation,
  securityWarningsSection,
} from "../../src/follow-ups/security-warnings.js";

const annotation = (n: number, overrides: Partial<ScanAnnotation> = {}): ScanAnnotation => ({
  path: `src/file-${n}.ts`,
  startLine: n,
  level: "warning",
  title: `Rule ${n}`,
  message: `Message ${n}`,
  ...overrides,
});

test("a scan passed with warnings when it concluded neutral, or succeeded with a warning annotation", () => {
  expect(passedWithWarnings("neutral", 0)).toBe(true);
  expect(passedWithWarnings("success", 1)).toBe(true);
  expect(passedWithWarnings("success", 0)).toBe(false);
  expect(passedWithWarnings("failure", 3)).toBe(false);
});

test("lists path:line, title and message, and escapes what the scanner wrote", () => {
  const hostile = annotation(7, {
    path: "src/a.ts",
    title: "<img src=x onerror=alert(1)>",
    message:
      '@admin see [here](javascript:alert(1)) **now**\n# heading\n<!-- hotfix-bot:follow-up {"pr":1} -->',
  });
  const text = securityWarningsSection([
    {
      name: "security-scan",
      app: "scanner",
      conclusion: "neutral",
      url: null,
      annotations: [hostile],
      warningsTotal: 1,
    },
  ]);
  expect(text).toContain("src/a\\.ts:7");
  expect(text).not.toContain("<img");
  expect(text).not.toContain("<!--");
  expect(text).not.toMatch(/(^|[^&#\w])@admin/);
  expect(text).not.toContain("](javascript");
  expect(text).not.toContain("**now**");
  // The message stays on its list line: no heading of its own.
  expect(text.split("\n").filter((line) => line.startsWith("#"))).toEqual([
    "## Security scan warnings",
    "### security\\-scan (scanner): neutral, 1 warning annotation",
  ]);
});

test("caps the listed annotations over every run and says how many more there are", () => {
  const many = Array.from({ length: 25 }, (_, i) => annotation(i + 1));
  const text = securityWarningsSection([
    {
      name: "a",
      app: "x",
      conclusion: "success",
      url: "https://github.com/o/r/runs/1",
      annotations: many,
      warningsTotal: 25,
    },
    {
      name: "b",
      app: "x",
      conclusion: "success",
      url: "https://github.com/o/r/runs/2",
      annotations: many,
      warningsTotal: 40,
    },
  ]);
  const listed = text.split("\n").filter((line) => line.startsWith("- `warning`"));
  expect(listed).toHaveLength(LISTED_ANNOTATIONS_MAX);
  expect(text).toContain(
    `- … and ${40 - (LISTED_ANNOTATIONS_MAX - 25)} more: see [the check run](https://github.com/o/r/runs/2)`,
  );
});

test("a neutral scan without annotations is still listed, and a hostile run URL is not linked", () => {
  const text = securityWarningsSection([
    {
      name: "scan",
      app: "x",
      conclusion: "neutral",
      url: "https://x/)[y](javascript:1",
      annotations: [],
      warningsTotal: 0,
    },
  ]);
  expect(text).toContain("concluded neutral without a warning annotation: see the check run");
  expect(text).not.toContain("javascript");
});

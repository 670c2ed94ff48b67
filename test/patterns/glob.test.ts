import fc from "fast-check";
import picomatch from "picomatch";
import { GlobSyntaxError, globMatcher, globProblem } from "../../src/patterns/glob.js";

// The linear-time glob matcher must mean what picomatch (`{ dot: true }`) meant for the syntax it supports, on the
// paths GitHub reports (no empty, `.` or `..` segments) and on branch names.

describe("globMatcher", () => {
  it.each([
    ["**/*.test.*", "src/a/b.test.ts", true],
    ["**/*.test.*", "b.test.ts", true],
    ["**/*.test.*", "src/b.ts", false],
    ["**/test/**", "test/x.js", true],
    ["**/test/**", "pkg/test/unit/x.js", true],
    ["**/test/**", "pkg/tests/x.js", false],
    ["**/__tests__/**", "a/__tests__/b/c.js", true],
    ["release/*", "release/1.x", true],
    ["release/*", "release/1.x/hot", false],
    ["release/*", "release", false],
    ["release/**", "release", true],
    ["release/**", "release/1/2", true],
    ["*.js", ".eslintrc.js", true],
    ["src/*.{js,ts}", "src/a.ts", true],
    ["src/*.{js,ts}", "src/a.tsx", false],
    ["{src,lib}/**/*.spec.js", "lib/a/b.spec.js", true],
    ["v[0-9].x", "v1.x", true],
    ["v[0-9].x", "va.x", false],
    ["v[!0-9].x", "va.x", true],
    ["v[^0-9].x", "v1.x", false],
    ["a?c", "abc", true],
    ["a?c", "a/c", false],
    ["a\\*c", "a*c", true],
    ["a\\*c", "abc", false],
    ["{a}", "{a}", true],
    ["a**b", "axxb", true],
    ["a**b", "ax/b", false],
    ["a/**/b", "a/b", true],
    ["a/**/b", "a/x/y/b", true],
    ["**", "any/thing/at/all", true],
  ])("%j on %j -> %j", (glob, path, expected) => {
    expect(globMatcher(glob)(path)).toBe(expected);
  });

  it("matches any of several globs", () => {
    const isTest = globMatcher(["**/*.spec.*", "test/**"]);
    expect(isTest("test/a.js")).toBe(true);
    expect(isTest("src/a.spec.ts")).toBe(true);
    expect(isTest("src/a.ts")).toBe(false);
  });

  it("throws a GlobSyntaxError naming the glob for syntax it does not support", () => {
    expect(() => globMatcher("release/@(a|b)")).toThrow(GlobSyntaxError);
    expect(() => globMatcher("release/@(a|b)")).toThrow(/release\/@\(a\|b\)/);
  });
});

describe("globProblem", () => {
  it.each([
    ["**/*.test.*", null],
    ["release/{1,2}.x", null],
    ["!release/*", /negated patterns/],
    ["release/@(a|b)", /extglobs/],
    ["+(a|b)", /extglobs/],
    ["v{1..3}", /brace ranges/],
    ["src/{a,b", /never closed/],
    ["src/[ab", /never closed/],
    ["src/[z-a]", /backwards/],
    ["trailing\\", /lone \\/],
  ])("%j -> %j", (glob, problem) => {
    const found = globProblem(glob);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});

/** Globs from the supported syntax over a tiny alphabet, so that random paths often match. */
const segmentGlob = fc
  .array(fc.constantFrom("a", "b", ".", "*", "?", "{a,b}", "{a,*.b}", "[ab]", "-"), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(""));
const glob = fc
  .array(fc.oneof({ weight: 3, arbitrary: segmentGlob }, { weight: 1, arbitrary: fc.constant("**") }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((segments) => segments.join("/"))
  // `**` inside a segment (`a**`, `**{a,b}`) is read by picomatch in several ways depending on what follows; here
  // it is always a plain `*`. Only whole-segment `**` is compared.
  .filter((g) => g.split("/").every((segment) => segment === "**" || !segment.includes("**")));
const path = fc
  .array(
    fc
      .array(fc.constantFrom("a", "b", ".", "-"), { minLength: 1, maxLength: 4 })
      .map((chars) => chars.join(""))
      .filter((segment) => segment !== "." && segment !== ".."),
    { minLength: 1, maxLength: 4 },
  )
  .map((segments) => segments.join("/"));

test("agrees with picomatch { dot: true } on random globs and paths", () => {
  fc.assert(
    fc.property(glob, fc.array(path, { minLength: 1, maxLength: 8 }), (g, paths) => {
      const ours = globMatcher(g);
      const theirs = picomatch(g, { dot: true });
      for (const p of paths) expect([g, p, ours(p)]).toEqual([g, p, theirs(p)]);
    }),
    { numRuns: 400 },
  );
});

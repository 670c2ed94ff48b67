import {
  alt,
  capture,
  char,
  compilePattern,
  literal,
  matchPattern,
  oneOrMore,
  optional,
  seq,
  zeroOrMore,
} from "../../src/patterns/nfa.js";

const a = char((c) => c === 97);
const any = char(() => true);

describe("matchPattern", () => {
  it("matches the whole input only", () => {
    const abc = compilePattern(literal("abc"));
    expect(matchPattern(abc, "abc")).not.toBeNull();
    expect(matchPattern(abc, "abcd")).toBeNull();
    expect(matchPattern(abc, "xabc")).toBeNull();
  });

  it("prefers what a backtracking engine would: greedy repetition, first alternative", () => {
    // /^(.*)(a*)$/ on "baa": the greedy first group takes everything.
    const greedy = compilePattern(seq(capture(1, zeroOrMore(any)), capture(2, zeroOrMore(a))));
    expect(matchPattern(greedy, "baa")?.slice(2, 6)).toEqual([0, 3, 3, 3]);
    // /^(a|aa)(a*)$/ on "aaa": the first alternative wins.
    const first = compilePattern(seq(capture(1, alt(a, seq(a, a))), capture(2, zeroOrMore(a))));
    expect(matchPattern(first, "aaa")?.slice(2, 6)).toEqual([0, 1, 1, 3]);
  });

  it("reports a group that took no part as -1", () => {
    const maybe = compilePattern(seq(optional(capture(1, literal("x"))), literal("y")));
    expect(matchPattern(maybe, "y")?.slice(2, 4)).toEqual([-1, -1]);
    expect(matchPattern(maybe, "xy")?.slice(2, 4)).toEqual([0, 1]);
  });

  it("terminates on repetitions of patterns that match the empty string", () => {
    const empty = compilePattern(zeroOrMore(zeroOrMore(optional(a))));
    expect(matchPattern(empty, "aaaa")).not.toBeNull();
    expect(matchPattern(empty, "aab")).toBeNull();
    expect(matchPattern(compilePattern(oneOrMore(zeroOrMore(a))), "")).not.toBeNull();
  });

  it("takes time linear in the input where a backtracking engine takes exponential time", () => {
    // /^(a*)*b$/ and 30×(.*a) + b: classic catastrophic-backtracking shapes, on a non-matching input.
    const nested = compilePattern(seq(zeroOrMore(zeroOrMore(a)), literal("b")));
    const stars = compilePattern(
      seq(...Array.from({ length: 30 }, () => seq(zeroOrMore(any), a)), literal("b")),
    );
    expect(matchPattern(nested, `${"a".repeat(5000)}c`)).toBeNull();
    expect(matchPattern(stars, "a".repeat(2000))).toBeNull();
  });
});

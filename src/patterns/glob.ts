import { HotfixBotError } from "../util/errors.js";
import {
  alt,
  type CharTest,
  type CompiledPattern,
  char,
  compilePattern,
  isAny,
  literal,
  matchesPattern,
  optional,
  type Pattern,
  seq,
  zeroOrMore,
} from "./nfa.js";

/**
 * Globs for file paths (`followUps.testGlobs`) and branch names (`backport.targets`), matched in linear time
 * (see nfa.ts) instead of through picomatch's backtracking regexes. The syntax is the common subset, with
 * picomatch's meaning under `{ dot: true }`:
 *
 * - `*` any run of characters within one path segment, `?` one character other than `/`;
 * - `**` as a whole segment: any number of segments (`**` alone: anything; `a/**` also matches `a`);
 *   elsewhere it is a plain `*`;
 * - `{a,b}` alternatives (nestable), `[abc]`, `[a-z]`, `[!a]` / `[^a]` one character of (or not of) a set;
 * - `\x` the character x itself; everything else stands for itself.
 *
 * Extglobs (`@(…)`, `!(…)`, …), negated patterns (`!pattern`) and brace ranges (`{1..3}`) are refused by
 * `globProblem` rather than read differently from what their author meant.
 */

const SLASH = "/".charCodeAt(0);
const notSlash: CharTest = (code) => code !== SLASH;

export class GlobSyntaxError extends HotfixBotError {
  override readonly kind = "config";
  override readonly name = "GlobSyntaxError";
  constructor(
    readonly pattern: string,
    reason: string,
  ) {
    super(`glob ${JSON.stringify(pattern)}: ${reason}`);
  }
}

class Parser {
  private at = 0;
  private readonly text: string;
  constructor(readonly pattern: string) {
    // `**/**` means what `**` means; collapsed, `a/**/**` matches `a` as `a/**` does. A leading `./` is the
    // repository root, which paths never spell out.
    this.text = pattern.replace(/^(?:\.\/)+/, "").replace(/(^|\/)\*\*(?:\/\*\*)+(?=\/|$)/g, "$1**");
  }

  parse(): Pattern {
    const result = this.sequence(false);
    if (this.at < this.text.length) this.fail(`unexpected "${this.text[this.at]}"`);
    return result;
  }

  private fail(reason: string): never {
    throw new GlobSyntaxError(this.pattern, reason);
  }

  /** Items up to the end of the text, or (inside braces) up to the next `,` or `}`. */
  private sequence(inBraces: boolean): Pattern {
    const items: Pattern[] = [];
    const start = this.at;
    while (this.at < this.text.length) {
      const c = this.text[this.at] as string;
      if (inBraces && (c === "," || c === "}")) break;
      if (c === "*") items.push(this.star(start, inBraces));
      else if (c === "?") {
        this.at += 1;
        items.push(char(notSlash));
      } else if (c === "[") items.push(this.charClass());
      else if (c === "{") items.push(this.braces());
      else if (c === "\\") {
        if (this.at + 1 >= this.text.length) this.fail("it ends with a lone \\");
        items.push(literal(this.text[this.at + 1] as string));
        this.at += 2;
      } else if (c === "/" && this.isTrailingGlobstar(this.at + 1, inBraces)) {
        // `a/**` matches `a` itself too, as in picomatch (which does not do so after a `*`: `*/**` needs a `/`).
        const anythingBelow = seq(literal("/"), zeroOrMore(char(isAny)));
        items.push(this.text[this.at - 1] === "*" ? anythingBelow : optional(anythingBelow));
        this.at += 3;
      } else {
        this.at += 1;
        items.push(literal(c));
      }
    }
    return seq(...items);
  }

  private isTrailingGlobstar(from: number, inBraces: boolean): boolean {
    return !inBraces && this.text.startsWith("**", from) && from + 2 === this.text.length;
  }

  private star(sequenceStart: number, inBraces: boolean): Pattern {
    const text = this.text;
    let end = this.at;
    while (text[end] === "*") end += 1;
    const run = end - this.at;
    const before = this.at === sequenceStart ? "" : text[this.at - 1];
    const after = text[end];
    const startsSegment = before === "" || before === "/";
    const endsSegment =
      after === undefined || after === "/" || (inBraces && (after === "," || after === "}"));
    this.at = end;
    if (run < 2 || !startsSegment || !endsSegment) return zeroOrMore(char(notSlash));
    if (after === "/") {
      this.at += 1;
      return optional(seq(zeroOrMore(char(isAny)), literal("/")));
    }
    return zeroOrMore(char(isAny));
  }

  private charClass(): Pattern {
    const text = this.text;
    let at = this.at + 1;
    const negated = text[at] === "!" || text[at] === "^";
    if (negated) at += 1;
    const tests: CharTest[] = [];
    let first = true;
    while (at < text.length && (text[at] !== "]" || first)) {
      first = false;
      let from = text[at] as string;
      if (from === "\\" && at + 1 < text.length) {
        at += 1;
        from = text[at] as string;
      }
      if (text[at + 1] === "-" && at + 2 < text.length && text[at + 2] !== "]") {
        const low = from.charCodeAt(0);
        const high = (text[at + 2] as string).charCodeAt(0);
        if (high < low) this.fail(`the range ${from}-${text[at + 2]} is backwards`);
        tests.push((code) => code >= low && code <= high);
        at += 3;
      } else {
        const code = from.charCodeAt(0);
        tests.push((c) => c === code);
        at += 1;
      }
    }
    if (at >= text.length) this.fail("a [ is never closed");
    this.at = at + 1;
    const inSet = (code: number) => tests.some((test) => test(code));
    return char((code) => code !== SLASH && inSet(code) !== negated);
  }

  private braces(): Pattern {
    const open = this.at;
    this.at += 1;
    const options: Pattern[] = [this.sequence(true)];
    while (this.text[this.at] === ",") {
      this.at += 1;
      options.push(this.sequence(true));
    }
    if (this.text[this.at] !== "}") this.fail("a { is never closed");
    this.at += 1;
    // `{a}` has no alternatives: like picomatch, it is the literal text.
    if (options.length === 1) return literal(this.text.slice(open, this.at));
    return alt(...options);
  }
}

const UNSUPPORTED: { test: RegExp; reason: string }[] = [
  { test: /^!/, reason: "negated patterns (a leading !) are not supported" },
  { test: /[@!+*?]\(/, reason: "extglobs such as @(a|b) are not supported; use {a,b}" },
  { test: /\{[^{}]*\.\.[^{}]*\}/, reason: "brace ranges such as {1..3} are not supported; list the values" },
];

/** Why a configured glob cannot be used, or null. The message is made for a config error. */
export function globProblem(pattern: string): string | null {
  for (const { test, reason } of UNSUPPORTED) if (test.test(pattern)) return reason;
  try {
    new Parser(pattern).parse();
    return null;
  } catch (error) {
    if (error instanceof GlobSyntaxError) return error.message;
    throw error;
  }
}

const cache = new Map<string, CompiledPattern>();

function compileGlob(pattern: string): CompiledPattern {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const problem = globProblem(pattern);
  if (problem !== null) throw new GlobSyntaxError(pattern, problem);
  const compiled = compilePattern(new Parser(pattern).parse());
  if (cache.size > 200) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/**
 * A matcher for one glob or any of several. Throws `GlobSyntaxError` for a glob `globProblem` refuses (the
 * configuration schema refuses them first).
 */
export function globMatcher(patterns: string | readonly string[]): (path: string) => boolean {
  const compiled = (typeof patterns === "string" ? [patterns] : patterns).map(compileGlob);
  return (path) => compiled.some((program) => matchesPattern(program, path));
}

import fc from "fast-check";
import { codeSpan, shellWord } from "../../src/intake/shell-word.js";

/** What a POSIX shell makes of one word built only of plain characters and single-quoted runs. */
function unquote(word: string): string | null {
  let out = "";
  let i = 0;
  while (i < word.length) {
    const c = word[i] as string;
    if (c === "'") {
      const end = word.indexOf("'", i + 1);
      if (end === -1) return null;
      out += word.slice(i + 1, end);
      i = end + 1;
    } else if (c === "\\") {
      out += word[i + 1] ?? "";
      i += 2;
    } else if (/[A-Za-z0-9._/@%+=:,-]/.test(c)) {
      out += c;
      i += 1;
    } else {
      return null; // anything else would be special to the shell outside quotes
    }
  }
  return out;
}

test("plain names stay plain", () => {
  expect(shellWord("hotfix-20260301-1200")).toBe("hotfix-20260301-1200");
  expect(shellWord("origin/main")).toBe("origin/main");
  expect(shellWord("tag=v1.2.3")).toBe("tag=v1.2.3");
});

test("anything else is quoted so that the shell reads back exactly the value", () => {
  expect(shellWord("a b")).toBe("'a b'");
  expect(shellWord("$(rm -rf /)")).toBe("'$(rm -rf /)'");
  expect(shellWord("it's")).toBe("'it'\\''s'");
  expect(shellWord("")).toBe("''");
  fc.assert(fc.property(fc.string(), (value) => unquote(shellWord(value)) === value));
});

test("a code span cannot be closed early or broken across lines", () => {
  expect(codeSpan("v1`; echo")).toBe("`v1'; echo`");
  expect(codeSpan("a\nb")).toBe("`a b`");
});

import { presentedToken, tokenMatches } from "../../../src/metrics/dashboard/dashboard-access.js";

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

test("the token comes from a bearer header or a Basic password, never anything else", () => {
  expect(presentedToken("Bearer abc.def")).toBe("abc.def");
  expect(presentedToken(basic("anyone", "s3:cret"))).toBe("s3:cret");
  expect(presentedToken(undefined)).toBeNull();
  expect(presentedToken("token abc")).toBeNull();
  expect(presentedToken(`Basic ${Buffer.from("no-colon").toString("base64")}`)).toBeNull();
});

test("only the exact token matches: not a prefix, not a longer string, not empty", () => {
  const token = "t".repeat(40);
  expect(tokenMatches(token, token)).toBe(true);
  for (const wrong of [null, "", token.slice(0, 39), `${token}x`, token.toUpperCase()])
    expect(tokenMatches(wrong, token)).toBe(false);
});

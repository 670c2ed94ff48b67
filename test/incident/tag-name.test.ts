import { hotfixTagBase, nextTagName, parseSemverTag } from "../../src/incident/tag-name.js";

const at = (iso: string) => new Date(iso);

describe("hotfixTagBase", () => {
  it.each([
    ["2026-11-21T14:05:59.999Z", "hotfix-20261121-1405"],
    ["2026-01-02T03:04:00Z", "hotfix-20260102-0304"],
    // UTC, not the local zone of the offset in the input.
    ["2026-11-21T23:30:00-02:00", "hotfix-20261122-0130"],
    ["2026-12-31T23:59:00Z", "hotfix-20261231-2359"],
  ])("%s -> %s", (iso, expected) => {
    expect(hotfixTagBase(at(iso))).toBe(expected);
  });

  it("rejects an invalid date instead of naming a tag hotfix-NaN", () => {
    expect(() => hotfixTagBase(new Date("nope"))).toThrow(RangeError);
  });
});

describe("nextTagName hotfix-date", () => {
  const mergedAt = at("2026-11-21T14:05:10Z");
  it.each<[string[], string]>([
    [[], "hotfix-20261121-1405"],
    [["hotfix-20261121-1405"], "hotfix-20261121-1405-2"],
    [["hotfix-20261121-1405", "hotfix-20261121-1405-2"], "hotfix-20261121-1405-3"],
    [["hotfix-20261121-1405-2", "hotfix-20261121-1405"], "hotfix-20261121-1405-3"],
    // A gap is reused rather than skipped: names are only ever compared for being taken.
    [["hotfix-20261121-1405", "hotfix-20261121-1405-3"], "hotfix-20261121-1405-2"],
    // Other minutes and look-alikes do not take the name.
    [["hotfix-20261121-1404", "hotfix-20261121-14050", "v1.0.0"], "hotfix-20261121-1405"],
  ])("with %j -> %s", (existingTags, expected) => {
    expect(nextTagName({ scheme: "hotfix-date", mergedAt, existingTags })).toBe(expected);
  });

  it("never returns a taken name, however many hotfixes share the minute", () => {
    const existingTags = ["hotfix-20261121-1405"];
    for (let i = 2; i <= 50; i++) existingTags.push(`hotfix-20261121-1405-${i}`);
    const next = nextTagName({ scheme: "hotfix-date", mergedAt, existingTags });
    expect(next).toBe("hotfix-20261121-1405-51");
    expect(existingTags).not.toContain(next);
  });
});

describe("nextTagName semver-patch", () => {
  const mergedAt = at("2026-11-21T14:05:10Z");
  it.each<[string[], string]>([
    [["v1.2.3"], "v1.2.4"],
    [["v1.9.9"], "v1.9.10"],
    [["v1.2.3", "v1.10.0", "v1.9.99"], "v1.10.1"],
    [["v2.0.0", "v10.0.0", "v9.9.9"], "v10.0.1"],
    [["v0.0.0"], "v0.0.1"],
    [[], "v0.0.1"],
    // Non-semver tags are ignored: no v prefix, pre-release, build metadata, two parts, leading zeros.
    [
      [
        "v1.2.3",
        "1.5.0",
        "v1.5.0-rc.1",
        "v1.5.0+build",
        "v1.5",
        "v01.5.0",
        "release-9",
        "hotfix-20261121-1405",
      ],
      "v1.2.4",
    ],
    [["1.5.0", "v1.5.0-rc.1"], "v0.0.1"],
    // A name lost to someone else is added to the list and the answer moves on.
    [["v1.2.3", "v1.2.4"], "v1.2.5"],
  ])("with %j -> %s", (existingTags, expected) => {
    expect(nextTagName({ scheme: "semver-patch", mergedAt, existingTags })).toBe(expected);
  });
});

describe("parseSemverTag", () => {
  it.each([
    ["v1.2.3", { name: "v1.2.3", major: 1, minor: 2, patch: 3 }],
    ["v0.10.200", { name: "v0.10.200", major: 0, minor: 10, patch: 200 }],
    ["v1.2.3.4", null],
    ["V1.2.3", null],
    ["v1.2.3 ", null],
    ["v99999999999999999.0.0", null],
  ])("%s", (name, expected) => {
    expect(parseSemverTag(name)).toEqual(expected);
  });
});

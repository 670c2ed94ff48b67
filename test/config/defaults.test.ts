import { validateConfig } from "../../src/config/parse-config.js";
import { configOfText } from "../support/config-of.js";

const defaults = configOfText("");

type Json = Record<string, unknown>;
const isPlainObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every key of the defaulted configuration, as a path with the default value found there. */
function defaultedKeys(node: Json, path: string[] = []): { path: string[]; value: unknown }[] {
  return Object.entries(node).flatMap(([key, value]) => [
    { path: [...path, key], value },
    ...(isPlainObject(value) ? defaultedKeys(value, [...path, key]) : []),
  ]);
}

/** `{ a: { b: { c: value } } }` for the path a.b.c. */
function nested(path: string[], value: unknown): Json {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Json;
}

describe("every configuration key has a default", () => {
  it("accepts turning one follow-up off and keeps the rest of its defaults", () => {
    const config = configOfText("followUps:\n  postMortem: { enabled: false }\n");
    expect(config.followUps.postMortem).toEqual({ ...defaults.followUps.postMortem, enabled: false });
    expect(config.followUps.properFix).toEqual(defaults.followUps.properFix);
  });

  it("accepts an approval rule that only names who may approve", () => {
    const config = configOfText("approvals:\n  P2: { from: [alice] }\n");
    expect(config.approvals.P2).toEqual({ required: 1, from: ["alice"], timeoutMinutes: null });
    expect(config.approvals.P0).toEqual({ required: 0, from: [], timeoutMinutes: 5 });
  });

  const keys = defaultedKeys(defaults as unknown as Json);

  it("walks the whole configuration", () => {
    // A guard for the walk itself: nested objects such as followUps.postMortem and approvals.P2 are visited.
    const paths = keys.map((key) => key.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining(["followUps.postMortem.title", "approvals.P2.required", "severity.labels.P1"]),
    );
    expect(paths.length).toBeGreaterThan(50);
  });

  it.each(keys.map((key) => [key.path.join("."), key.path, key.value] as const))(
    "%s given alone, at its default, leaves the whole configuration at its defaults",
    (_name, path, value) => {
      const result = validateConfig(nested([...path], value));
      if (!result.ok) throw result.error;
      expect(result.config).toEqual(defaults);
    },
  );

  it.each(
    keys.filter((key) => isPlainObject(key.value)).map((key) => [key.path.join("."), key.path] as const),
  )("%s given as an empty object is complete", (_name, path) => {
    const result = validateConfig(nested([...path], {}));
    if (!result.ok) throw result.error;
    expect(result.config).toEqual(defaults);
  });
});

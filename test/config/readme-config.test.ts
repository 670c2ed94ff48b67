import { readFileSync } from "node:fs";
import { parseConfigText } from "../../src/config/parse-config.js";

/** The yaml block of the README's configuration section, exactly as a user would paste it. */
function readmeConfigBlock(): string {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const section = readme
    .split(/^## /m)
    .find((part) => part.startsWith("Configuration: `.github/hotfix.yml`"));
  if (!section) throw new Error('README.md has no "## Configuration: `.github/hotfix.yml`" section');
  const block = /^```yaml\n([\s\S]*?)^```$/m.exec(section);
  if (!block?.[1]) throw new Error("the README's configuration section has no yaml block");
  return block[1];
}

describe("the README's configuration block", () => {
  const text = readmeConfigBlock();

  it("has no placeholder left to fill in", () => {
    expect(text).not.toContain("…");
  });

  it("is valid as pasted", () => {
    const result = parseConfigText(text, "README.md");
    expect(result.ok ? [] : result.error.problems).toEqual([]);
  });

  it("shows the defaults, except for the deploy example", () => {
    const shown = parseConfigText(text);
    const defaults = parseConfigText("");
    if (!shown.ok || !defaults.ok) throw new Error("unreachable: both parse");
    const { deploy, ...rest } = shown.config;
    const { deploy: defaultDeploy, ...defaultRest } = defaults.config;
    expect(rest).toEqual(defaultRest);
    expect(deploy.workflow?.id).toBe("deploy.yml");
    expect(deploy.environment).toBe("production");
    expect({ ...deploy, workflow: undefined, environment: undefined }).toEqual({
      ...defaultDeploy,
      workflow: undefined,
      environment: undefined,
    });
  });
});

import { renderDeployInputs } from "../../src/config/deploy-inputs.js";
import { validateConfig } from "../../src/config/parse-config.js";
import { DEPLOY_PLACEHOLDERS, unknownPlaceholders } from "../../src/config/placeholders.js";

const values = {
  tag: "hotfix-20260301-1200",
  incident: "12",
  pr: "34",
  sha: "f".repeat(40),
  severity: "P1",
  line: "main",
};

test("no configured inputs: the tag and the incident", () => {
  expect(renderDeployInputs({}, values)).toEqual({ tag: "hotfix-20260301-1200", incident: "12" });
});

test("configured inputs are filled in one pass from the fixed set; anything else stays text", () => {
  expect(
    renderDeployInputs(
      {
        version: "{tag}",
        note: "#{incident} via #{pr} ({severity}) {sha}",
        other: "{unknown} {tag",
        raw: "{{tag}}",
      },
      { ...values, tag: "{incident}" },
    ),
  ).toEqual({
    version: "{incident}",
    note: `#12 via #34 (P1) ${"f".repeat(40)}`,
    other: "{unknown} {tag",
    raw: "{{incident}}",
  });
});

test("an unknown placeholder is a configuration error that names the field", () => {
  expect(unknownPlaceholders("{tag} {tga} {tga} {constructor}", DEPLOY_PLACEHOLDERS)).toEqual([
    "tga",
    "constructor",
  ]);
  const result = validateConfig({ deploy: { workflow: { id: "deploy.yml", inputs: { version: "{tga}" } } } });
  expect(result.ok).toBe(false);
  if (!result.ok)
    expect(result.error.message).toMatch(/deploy\.workflow\.inputs\.version.*unknown placeholder \{tga\}/);
});

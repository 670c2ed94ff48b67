import { incidentReport, incidentReportPath, incidentSlug } from "../../src/intake/incident-report.js";

test("the slug is lower-case ASCII words joined by dashes, at most 50 characters, never empty", () => {
  expect(incidentSlug("Checkout: logins FAIL (since 14:02)!", 3)).toBe("checkout-logins-fail-since-14-02");
  expect(incidentSlug("Café crème", 3)).toBe("cafe-creme");
  expect(incidentSlug("日本語", 3)).toBe("incident-3");
  const long = incidentSlug("word ".repeat(40), 3);
  expect(long.length).toBeLessThanOrEqual(50);
  expect(long).toMatch(/^word(-word)*$/);
});

test("the path has the detection date in UTC", () => {
  expect(
    incidentReportPath({ title: "Cart is empty", incident: 9, detectedAt: "2026-03-01T23:30:00-02:00" }),
  ).toBe("docs/incidents/HOTFIX-2026-03-02-cart-is-empty.md");
});

test("the report keeps user text on one line and names the rollback target", () => {
  const text = incidentReport({
    incident: 9,
    title: "Cart\n# is empty",
    url: "https://github.com/acme/webshop/issues/9",
    severity: "P0",
    detectedAt: "2026-03-01T12:00:00.000Z",
    commander: "alice",
    branch: "hotfix/incident-9",
    previousTag: null,
  });
  expect(text.split("\n")[0]).toBe("# Incident #9: Cart # is empty");
  expect(text).toContain("- Detected: 2026-03-01 12:00:00 UTC");
  expect(text).toContain("- Rollback target: none (no production tag)");
  expect(text).toContain("## Root cause");
});

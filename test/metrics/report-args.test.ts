import { parseReportArgs, ReportUsageError } from "../../src/metrics/report-args.js";

test("all options, in both spellings", () => {
  expect(
    parseReportArgs([
      "--repo",
      "acme/webshop",
      "--since",
      "2026-03-01",
      "--json",
      "--html",
      "report.html",
      "--api-url=http://127.0.0.1:3000/",
    ]),
  ).toEqual({
    repo: { owner: "acme", repo: "webshop" },
    since: new Date("2026-03-01T00:00:00Z"),
    json: true,
    html: "report.html",
    apiUrl: "http://127.0.0.1:3000",
    help: false,
  });
  expect(parseReportArgs(["--repo=a/b", "--since=2026-03-01T12:00:00+02:00"]).since?.toISOString()).toBe(
    "2026-03-01T10:00:00.000Z",
  );
  expect(parseReportArgs(["--help"]).help).toBe(true);
});

test.each([
  [[], "--repo owner/name is required"],
  [["--repo"], "--repo needs a value"],
  [["--repo", "--json"], "--repo needs a value"],
  [["--repo", "acme"], "not owner/name"],
  [["--repo", "a/b", "--since", "yesterday"], "not a date"],
  [["--repo", "a/b", "--api-url", "ftp://x"], "not an http(s) URL"],
  [["--repo", "a/b", "extra"], "unknown argument extra"],
  [["--repo", "a/b", "--html"], "--html needs a value"],
  [["--repo", "a/b", "--html="], "--html: needs a file name"],
])("%j is a usage error", (argv, message) => {
  expect(() => parseReportArgs(argv)).toThrow(ReportUsageError);
  expect(() => parseReportArgs(argv)).toThrow(message);
});

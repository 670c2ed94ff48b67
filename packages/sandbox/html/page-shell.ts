import { createHash } from "node:crypto";
import { escapeHtml } from "./escape-html.js";

const STYLE = `
:root { color: #1f2328; background: #fff; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0; } header.top { background: #24292f; color: #fff; padding: 10px 24px; }
header.top a { color: #fff; font-weight: 600; text-decoration: none; }
main { max-width: 1012px; margin: 0 auto; padding: 16px 24px 48px; }
a { color: #0969da; } h1 { font-size: 1.6em; font-weight: 400; margin: 8px 0; } h1 .num { color: #59636e; }
h2 { font-size: 1.15em; border-bottom: 1px solid #d1d9e0; padding-bottom: 4px; margin-top: 28px; }
.state { display: inline-block; border-radius: 2em; padding: 2px 10px; color: #fff; font-weight: 600; margin-right: 8px; }
.state-open { background: #1f883d; } .state-closed { background: #cf222e; } .state-merged { background: #8250df; } .state-draft { background: #59636e; }
.meta { color: #59636e; } .label { display: inline-block; border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 8px; margin-right: 4px; font-size: 0.85em; }
.box { border: 1px solid #d1d9e0; border-radius: 6px; margin: 12px 0; }
.box > .box-head { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; padding: 8px 12px; border-radius: 6px 6px 0 0; }
.box > .box-body { padding: 8px 12px; overflow-x: auto; }
.bot { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 6px; font-size: 0.8em; }
table { border-collapse: collapse; } td, th { border: 1px solid #d1d9e0; padding: 4px 8px; text-align: left; }
ul.list { list-style: none; padding: 0; } ul.list li { border-bottom: 1px solid #d1d9e0; padding: 6px 0; }
pre { background: #f6f8fa; padding: 8px; overflow-x: auto; } code { font-family: ui-monospace, monospace; }
pre.diff { padding: 0; } pre.diff span { display: block; padding: 0 8px; }
pre.diff .add { background: #dafbe1; } pre.diff .del { background: #ffebe9; } pre.diff .hunk { background: #ddf4ff; color: #59636e; }
.conclusion-success { color: #1a7f37; } .conclusion-failure, .conclusion-action_required { color: #cf222e; }
.conclusion-neutral, .conclusion-skipped, .conclusion-pending { color: #59636e; }
`;

const STYLE_HASH = `sha256-${createHash("sha256").update(STYLE).digest("base64")}`;

/** Nothing loads but the page's own stylesheet: comment bodies that slipped past escaping could still not run. */
export const SANDBOX_PAGE_CSP = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

export function page(input: { title: string; home: string; body: string }): string {
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(input.title)} · sandbox GitHub</title><style>${STYLE}</style></head>\n` +
    `<body><header class="top"><a href="${escapeHtml(input.home)}">sandbox GitHub</a> <span>(read-only; hotfix-bot's local GitHub)</span></header>` +
    `<main>${input.body}</main></body></html>\n`
  );
}

import { createHash } from "node:crypto";
import { escapeHtml } from "../../text/escape-html.js";

/**
 * The one stylesheet of the report and the dashboard, inline so the page is one self-contained file. Colours keep
 * a contrast of at least 4.5:1 on white (WCAG AA); meaning never rests on colour alone (patterns, words).
 */
const STYLE = `
:root { color: #1f2328; background: #ffffff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0 auto; max-width: 980px; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.2em; margin: 32px 0 8px; }
a { color: #0b57d0; } a:focus { outline: 3px solid #1f2328; outline-offset: 2px; }
.meta { color: #4d5560; margin: 0 0 16px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin: 16px 0; padding: 0; }
.figures div { border: 1px solid #c8ccd1; border-radius: 6px; padding: 10px 12px; }
.figures dt { color: #4d5560; font-size: 0.85em; } .figures dd { margin: 2px 0 0; font-size: 1.35em; font-weight: 600; }
.verdict { font-size: 0.7em; font-weight: 600; margin-left: 6px; }
.missed { color: #b3261e; } .met { color: #146c2e; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #d8dee4; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
svg.chart text { font: 12px system-ui, sans-serif; fill: #1f2328; }
svg.chart .axis { stroke: #4d5560; stroke-width: 1; }
svg.chart .target { stroke: #1f2328; stroke-width: 2; stroke-dasharray: 6 4; }
.empty { color: #4d5560; font-style: italic; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 24px; top: 8px; background: #fff; }
`;

const STYLE_HASH = `sha256-${createHash("sha256").update(STYLE).digest("base64")}`;

/**
 * Nothing but this page's own inline stylesheet may load: no script, font, image or frame from anywhere, so text
 * that slipped past escaping still could not run or call out. Also sent as a header where a server serves the page.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** A complete HTML document around `body` (already escaped HTML). */
export function htmlPage(input: { title: string; body: string }): string {
  return (
    "<!doctype html>\n" +
    '<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, ""))}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="referrer" content="no-referrer">' +
    `<title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head>\n` +
    `<body><a class="skip" href="#main">Skip to the figures</a><main id="main">${input.body}</main></body></html>\n`
  );
}

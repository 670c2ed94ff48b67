import { escapeHtml } from "../../text/escape-html.js";

/**
 * Small helpers for the report's inline SVG charts. Every chart is an `<svg role="img">` with a title and a
 * description that says in words what the picture shows, so it is readable by a screen reader and without colour.
 */

/** A number for an SVG attribute: two decimals at most, never `NaN`. */
export function n(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : "0";
}

export function svgChart(input: {
  id: string;
  width: number;
  height: number;
  title: string;
  description: string;
  body: string;
}): string {
  const { id, width, height } = input;
  return (
    `<svg class="chart" id="${escapeHtml(id)}" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" ` +
    `role="img" aria-labelledby="${escapeHtml(id)}-title ${escapeHtml(id)}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${escapeHtml(id)}-title">${escapeHtml(input.title)}</title>` +
    `<desc id="${escapeHtml(id)}-desc">${escapeHtml(input.description)}</desc>` +
    PATTERNS +
    input.body +
    "</svg>"
  );
}

/**
 * Fills told apart by pattern as well as by colour (for readers who do not see the colours, and for print).
 * Ids are per document; each chart repeats the definitions so any chart can be copied alone.
 */
const PATTERNS =
  "<defs>" +
  '<pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
  '<rect width="6" height="6" fill="#f6c8b8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b3261e" stroke-width="3"/></pattern>' +
  '<pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse">' +
  '<rect width="5" height="5" fill="#d6e4f5"/><circle cx="2.5" cy="2.5" r="1.3" fill="#174ea6"/></pattern>' +
  "</defs>";

/** A fill for each kind of mark; the legend names them in words. */
export const FILL = {
  primary: "#174ea6",
  over: "url(#hatch)",
  second: "url(#dots)",
  third: "#7a8794",
  track: "#e8eaed",
} as const;

export function rect(
  x: number,
  y: number,
  width: number,
  height: number,
  fill: string,
  title?: string,
): string {
  const tip = title ? `<title>${escapeHtml(title)}</title>` : "";
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, width))}" height="${n(Math.max(0, height))}" fill="${fill}">${tip}</rect>`;
}

export function text(
  x: number,
  y: number,
  content: string,
  anchor: "start" | "middle" | "end" = "start",
): string {
  return `<text x="${n(x)}" y="${n(y)}" text-anchor="${anchor}">${escapeHtml(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, className: string): string {
  return `<line class="${escapeHtml(className)}" x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}"/>`;
}

/** A legend entry: a swatch and its name. */
export function legendItem(x: number, y: number, fill: string, label: string): string {
  return rect(x, y - 10, 14, 12, fill) + text(x + 20, y, label);
}

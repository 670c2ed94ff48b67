import { linkTarget } from "../text/escape-markdown.js";

/** `[Deploy log](<url>)` for an http(s) URL from a deployment status; anything else is not linked at all. */
export function deployLogLink(url: string | null): string | null {
  if (url === null || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return `[Deploy log](${linkTarget(url)})`;
}

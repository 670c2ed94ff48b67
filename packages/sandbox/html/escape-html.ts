/**
 * Everything the sandbox's pages show was written through its API, by tests, the demo, or a script playing an
 * attacker: text, never markup. (The sandbox keeps its own copy: it must not import the product.)
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Only http(s) URLs become links; anything else (`javascript:`) gives `#`. */
export function safeHref(url: string | null | undefined): string {
  if (!url) return "#";
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? escapeHtml(parsed.href) : "#";
  } catch {
    return "#";
  }
}

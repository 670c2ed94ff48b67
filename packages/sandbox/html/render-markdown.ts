import MarkdownIt from "markdown-it";

/**
 * Markdown as GitHub shows comments, minus raw HTML: with `html: false` markdown-it escapes every tag written in
 * a body (`<script>`, `<img onerror>`) instead of passing it through, and its link check refuses `javascript:`,
 * `vbscript:`, `file:` and `data:` (but images) URLs.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/**
 * HTML comments are hidden on GitHub (hotfix-bot keeps its state in one); with raw HTML off they would show as
 * text, so they are cut first. A linear scan: no regular expression over attacker-written text.
 */
export function withoutHtmlComments(text: string): string {
  let out = "";
  let at = 0;
  for (;;) {
    const start = text.indexOf("<!--", at);
    if (start === -1) return out + text.slice(at);
    out += text.slice(at, start);
    const end = text.indexOf("-->", start + 4);
    if (end === -1) return out;
    at = end + 3;
  }
}

export function renderMarkdown(text: string | null | undefined): string {
  if (!text) return '<p class="empty">No description provided.</p>';
  return markdown.render(withoutHtmlComments(text));
}

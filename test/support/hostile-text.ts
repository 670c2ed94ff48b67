/** Text an attacker writes into an issue title or a comment, to break out of HTML text and attributes. */
export const HOSTILE_TITLE = `<script>alert(1)</script>"><img src=x onerror=alert(2)>'<svg onload=alert(3)>`;
export const HOSTILE_BODY = `Hello <script>alert(5)</script>\n\n<img src=x onerror=alert(6)>\n\n[click](javascript:alert(7)) <a href="javascript:alert(8)">x</a>`;

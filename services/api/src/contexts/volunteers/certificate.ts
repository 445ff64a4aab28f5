import { type ApprovalCertificate, approvalCertificateLines } from "@tandem/domain/volunteers";
import { escapeHtml } from "../../http/html.js";

/**
 * The approval certificate as one self-contained HTML page that prints to one A4 page (ADR 14). The words
 * come from the domain (`approvalCertificateLines`); this only marks them up. HTML is UTF-8 and the
 * browser's fonts cover every script, so "Łukasz", "Ŵyn", "Şükrü" and "Nguyễn" print as written; the
 * page is real text with a heading and a language, so a screen reader reads it and a browser's "Save as
 * PDF" gives a tagged PDF. No style or script from elsewhere: the page works offline, under the strict
 * Content-Security-Policy below.
 */
export function certificateHtml(input: ApprovalCertificate): string {
  const [title, role, certify, name, approvedAs, tenant, on, ...signature] =
    approvalCertificateLines(input).map(escapeHtml);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}: ${name}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p class="role">${role}</p>
<p>${certify}</p>
<p class="name">${name}</p>
<p>${approvedAs}</p>
<p class="tenant">${tenant}</p>
<p>${on}</p>
${signature.map((line) => `<p class="signature">${line}</p>`).join("\n")}
</main>
</body>
</html>
`;
}

/** Only inline styles: nothing else may load. */
export const CERTIFICATE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = [
  "@page{size:A4;margin:12mm}",
  "html{color:#0b0c0c;background:#fff;font-family:Arial,'Noto Sans','DejaVu Sans',sans-serif}",
  "body{margin:0;padding:1rem}",
  "main{max-width:44rem;margin:0 auto;border:4px solid #1d4f91;padding:3rem 1.5rem;text-align:center;font-size:1.25rem;line-height:1.4}",
  "h1{font-size:2.25rem;margin:0 0 2rem}",
  ".role{font-size:1.5rem;margin-top:-1.5rem}",
  ".name,.tenant{font-size:1.75rem;font-weight:bold;overflow-wrap:anywhere}",
  ".signature{margin-top:3rem}",
  "@media print{body{padding:0}main{max-width:none;min-height:270mm;box-sizing:border-box}}",
].join("");

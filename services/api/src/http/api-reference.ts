import type { OpenAPIObject } from "openapi3-ts/oas31";
import type { ApiDocs } from "../create-app.js";
import { escapeHtml as esc } from "./html.js";

/** `/api/openapi.json` and `/api/docs` for an app serving `document` (createApp's `openApi`); the page drawn once. */
export function apiDocs(document: () => OpenAPIObject): ApiDocs {
  let page: string | undefined;
  return { document, page: () => (page ??= renderApiReference(document())) };
}

/**
 * A plain, dependency-free rendering of the OpenAPI document: it must work offline and under a
 * strict Content-Security-Policy, which rules out the usual CDN-hosted viewers.
 */
export function renderApiReference(doc: OpenAPIObject): string {
  const ops: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, Record<string, unknown>>)) {
      const access = op["x-tandem-access"] as { kind: string; roles?: string[] } | undefined;
      const who = access ? (access.roles ? `${access.kind}: ${access.roles.join(", ")}` : access.kind) : "unknown";
      const body = (op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined)?.content?.[
        "application/json"
      ]?.schema;
      const params = (op.parameters as { name: string; in: string; required?: boolean }[] | undefined) ?? [];
      const responses = Object.entries((op.responses as Record<string, { description?: string }>) ?? {});
      ops.push(`<section>
<h2 id="${esc(`${method}-${path}`)}"><code>${esc(method.toUpperCase())} ${esc(path)}</code></h2>
<p>${esc(String(op.summary ?? ""))}</p>
<p><strong>Who may call it:</strong> ${esc(who)}</p>
${params.length ? `<h3>Parameters</h3><ul>${params.map((p) => `<li><code>${esc(p.name)}</code> in ${esc(p.in)}${p.required ? " (required)" : ""}</li>`).join("")}</ul>` : ""}
${body ? `<h3>Request body</h3><pre>${esc(JSON.stringify(body, null, 2))}</pre>` : ""}
<h3>Responses</h3><ul>${responses.map(([code, r]) => `<li><code>${esc(code)}</code> ${esc(r.description ?? "")}</li>`).join("")}</ul>
</section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} reference</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5;color:#0b0c0c}pre{background:#f3f2f1;padding:.5rem;overflow:auto}code{font-size:1rem}section{border-top:1px solid #b1b4b6;margin-top:1.5rem}</style>
</head><body><main><h1>${esc(doc.info.title)} reference</h1><p>${esc(doc.info.description ?? "")}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(doc.openapi)}).</p>
${ops.join("\n")}</main></body></html>`;
}

import { existsSync, readFileSync } from "node:fs";

/**
 * The SPA's built index.html, copied beside a form-drawing function's bundle at deployment (infra/lib/api.ts,
 * `pageShellFile`): the page around the forms drawn without JavaScript, and the page a form's GET is answered
 * with (ADR 15). Null where it is not there (a bundle run without the SPA built).
 */
export function pageShellBeside(bundleUrl: string): string | null {
  const shellFile = new URL("./index.html", bundleUrl);
  return existsSync(shellFile) ? readFileSync(shellFile, "utf8") : null;
}

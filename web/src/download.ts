import { h } from "./dom";

/** Hand a downloaded Blob to the browser as a file, then let go of it. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: filename, class: "govuk-visually-hidden" }, filename);
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers start reading the file after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

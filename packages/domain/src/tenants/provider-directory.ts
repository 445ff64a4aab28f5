import type { ProviderOrganisation } from "./tenant.js";

/**
 * The providers registered on Tandem, as a council adding a provider sees them (issue 19, item 11): the
 * same charity should be one provider whichever council commissions it first, so its staff keep one
 * identity across councils. Two names are the same provider's when they differ only in case, spacing
 * and punctuation ("Brightpath Visiting Trust", "BrightPath  Visiting Trust.").
 */
export function providerNameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * Whether a registered provider answers a search: every word typed starts a word of its name or of its
 * short name, so "brightpath", "visiting trust" and "Bright" all find Brightpath Visiting Trust (and
 * the directory can be read by one word's prefix).
 */
export function providerMatches(query: string, provider: ProviderOrganisation): boolean {
  const words = providerNameKey(query).split(" ").filter(Boolean);
  if (words.length === 0) return false;
  const own = [...providerNameKey(provider.name).split(" "), ...provider.id.split("-")];
  return words.every((w) => own.some((o) => o.startsWith(w)));
}

/**
 * Addresses the SPA itself uses at the top level: a council with one of these as its slug would
 * have public pages nobody could reach.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "accessibility",
  "api",
  "assets",
  "choose-tenant",
  "cookies",
  "favicon.svg",
  "operator",
  "portal",
  "sign-in",
  "sign-up",
  "workspace",
]);

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** Words that every council's name shares, left out of the suggested address ("Northwick District Council" → "northwick"). */
const GENERIC = /\b(city|county|borough|district|metropolitan|royal|london|council|of|the|and)\b/gi;

export function suggestSlug(councilName: string): string {
  const words = councilName.replace(GENERIC, " ").toLowerCase();
  const slug = words
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug.length >= 2 ? slug : "";
}

export function slugProblem(slug: string): string | null {
  if (slug === "") return "Enter the address of the council's public pages";
  if (!SLUG.test(slug)) return "The address must be lower-case letters, digits and hyphens, up to 40 characters";
  if (RESERVED_SLUGS.has(slug)) return "That address is used by Tandem itself: choose another";
  return null;
}

export function tenantIdProblem(id: string): string | null {
  if (id === "") return "Enter a tenant id";
  if (!TENANT_ID.test(id)) return "The tenant id must be 2 to 40 lower-case letters, digits or hyphens";
  return null;
}

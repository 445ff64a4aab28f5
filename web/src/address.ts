/**
 * Council addresses are typed from letters, posters and e-mails, often capitalised ("/Riverford/Refer"), but a
 * council's slug is lower case (Slug in @tandem/domain/tenants). This gives the lower-case address to go to
 * instead, or null when the address is fine as it is. Only the first two segments are folded: anything after
 * (a page's name aside) may be a link's token, whose case matters.
 */
const PAGES = new Set(["refer", "volunteer", "privacy", "contact", "accessibility", "cookies"]);

export function foldedCouncilAddress(path: string): string | null {
  const [, first = "", second, ...rest] = path.split("/");
  if (first === first.toLowerCase() && (second === undefined || second === second.toLowerCase())) return null;
  const folded = first.toLowerCase();
  if (!/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/.test(folded)) return null;
  const page = second !== undefined && PAGES.has(second.toLowerCase()) ? second.toLowerCase() : second;
  const out = ["", folded, ...(page === undefined ? [] : [page]), ...rest].join("/");
  return out === path ? null : out;
}

/**
 * A label ("Enhanced DBS check", "MOT certificate") placed mid-sentence: its first word loses its
 * capital, but acronyms (DBS, MOT, UK) stay upper-case, as GOV.UK style and screen readers need.
 */
export function midSentence(label: string): string {
  return label.replace(/^(\S+)/, (first) => (isAcronym(first) ? first : first.toLowerCase()));
}

const isAcronym = (word: string) => /^[A-Z0-9]{2,}\b/.test(word);

/** "joinedAt" or "tenant-branding" as "Joined at" or "Tenant branding": the fallback for an internal name no list of words covers yet. */
export function sentence(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[-_.:]+/g, " ")
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

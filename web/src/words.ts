/**
 * A label ("Enhanced DBS check", "MOT certificate") placed mid-sentence: its first word loses its
 * capital, but acronyms (DBS, MOT, UK) stay upper-case, as GOV.UK style and screen readers need.
 */
export function midSentence(label: string): string {
  return label.replace(/^(\S+)/, (first) => (isAcronym(first) ? first : first.toLowerCase()));
}

const isAcronym = (word: string) => /^[A-Z0-9]{2,}\b/.test(word);

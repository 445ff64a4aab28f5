import { sentence } from "../words";

/** The counters' internal names ("activeAdmins") as words, singular and plural. */
const COUNT_WORDS: Record<string, readonly [string, string]> = {
  members: ["team member", "team members"],
  activeAdmins: ["tenant admin", "tenant admins"],
  referrals: ["referral", "referrals"],
  volunteers: ["volunteer", "volunteers"],
};

/** Counts arrive keyed by record kind; shown in words ("6 team members, 1 tenant admin"), never with anyone's details. */
export function countsInWords(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  if (entries.length === 0) return "None yet";
  return entries
    .sort(([a], [b]) => order(a) - order(b))
    .map(([kind, n]) => {
      const [one, many] = COUNT_WORDS[kind] ?? [sentence(kind).toLowerCase(), sentence(kind).toLowerCase()];
      return `${n} ${n === 1 ? one : many}`;
    })
    .join(", ");
}

const order = (kind: string) => {
  const i = Object.keys(COUNT_WORDS).indexOf(kind);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
};

import type { MatchingSettingsView } from "../../api/matching";

type Item = MatchingSettingsView["areas"][number];

/** A readable id for a new label ("North Riverford" → "north-riverford"), unique in the list. */
function newId(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 56) || "item";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The council's list from one label a line: a label already in the list keeps its id, so profiles
 * pointing at it keep pointing at it; a new label gets a new id.
 */
export function itemsFromLines(lines: readonly string[], current: readonly Item[]): Item[] {
  const byLabel = new Map(current.map((i) => [i.label.trim().toLowerCase(), i.id]));
  const taken = new Set(current.map((i) => i.id));
  return lines.map((label) => ({ id: byLabel.get(label.toLowerCase()) ?? newId(label, taken), label }));
}

/**
 * Answers a flow of question pages collects before "check your answers" sends them. Kept in memory
 * only, like the session: a reload signs the person out anyway, and nothing personal reaches storage.
 */
const drafts = new Map<string, unknown>();

export function draft<T extends object>(key: string, empty: () => T): T {
  let found = drafts.get(key) as T | undefined;
  if (!found) {
    found = empty();
    drafts.set(key, found);
  }
  return found;
}

export function dropDraft(key: string): void {
  drafts.delete(key);
}

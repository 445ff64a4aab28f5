/** The first suggestions for each waiting child, in a few words, for the Matching front page. */

export const suggestionsHref = (referralId: string) => `/workspace/matching/children/${encodeURIComponent(referralId)}`;

/** Filled in once the matching API serves suggestions: the top names per child. */
export async function topSuggestions(_referralIds: readonly string[]): Promise<Map<string, string>> {
  return new Map();
}

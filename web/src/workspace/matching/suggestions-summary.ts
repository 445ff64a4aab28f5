/** The first suggestions for each waiting child, in a few words, for the Matching front page. */
import { ApiError } from "../../api/client";
import { suggestionsFor } from "../../api/matches";

export const suggestionsHref = (referralId: string) => `/workspace/matching/children/${encodeURIComponent(referralId)}`;

/** How many children's suggestions the front page works out: the first of the waiting list. */
const FIRST = 10;

/**
 * The top three names per child ("Robin, Alex"), or why there are none. One request per child, for
 * the first ten only: the rest open their own page.
 */
export async function topSuggestions(referralIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await Promise.all(
    referralIds.slice(0, FIRST).map(async (id) => {
      try {
        const x = await suggestionsFor(id);
        const names = x.suggestions.slice(0, 3).map((s) => s.firstName);
        out.set(
          id,
          x.childBlockers.length > 0
            ? "Cannot be proposed now"
            : x.child.openMatchId
              ? "Match in progress"
              : names.length > 0
                ? names.join(", ")
                : "No volunteer fits now",
        );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        out.set(id, error.status === 409 ? "Complete the matching profile" : "–");
      }
    }),
  );
  return out;
}

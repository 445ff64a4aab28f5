/**
 * The API's field errors name a path in the payload ("answers.child.firstName"); the engine shows
 * each next to the question with that key. A form says which prefixes its payload wraps answers in,
 * which paths stand for a whole group (shown on its first question), and, when it keeps to its own
 * questions, which keys it has: a path it cannot place goes to the summary without a link.
 */
export interface ApiPathMap {
  /** Wrappers around the answers in the payload ("answers", "application"). */
  prefixes?: readonly string[];
  /** Paths that name a group, and the question that shows its problem: `[/^referees\.(\d+)$/, "referees.$1.name"]`. */
  aliases?: readonly (readonly [RegExp, string])[];
  /** The form's question keys; without it any path is taken as a key. */
  known?: ReadonlySet<string>;
}

export function keyFromApiPath(path: string | readonly PropertyKey[], map: ApiPathMap = {}): string | undefined {
  let key = typeof path === "string" ? path : path.map(String).join(".");
  for (const prefix of map.prefixes ?? []) {
    if (key === prefix) key = "";
    else if (key.startsWith(`${prefix}.`)) key = key.slice(prefix.length + 1);
  }
  for (const [pattern, replacement] of map.aliases ?? []) {
    if (pattern.test(key)) {
      key = key.replace(pattern, replacement);
      break;
    }
  }
  if (key === "") return undefined;
  if (map.known && !map.known.has(key)) return undefined;
  return key;
}

/** How a form's refusal is put in words: kept here, free of the API client, so the server's pages can share it. */
export interface RefusalWords {
  /** What is being sent, for the messages: "referral", "application". */
  noun: string;
  paths: ApiPathMap;
  /** The message when the API says too many were sent from here (429); its own message otherwise. */
  tooMany?: string;
}

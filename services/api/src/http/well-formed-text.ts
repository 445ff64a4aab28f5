/**
 * Text in a JSON body that holds half of a UTF-16 surrogate pair (JSON lets `"\ud800"` through, and
 * JSON.parse makes it a string no UTF-8 can carry). DynamoDB takes strings as UTF-8: DynamoDB Local stores
 * such a string, but the service itself refuses the call, which the API would answer as a 500 after the
 * person had sent their form. Found by the hostile-input sweep (tenth stop); refused here, for every route,
 * before a handler reads the body.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The dotted path of the first name or text value with a lone surrogate, or null when there is none. */
export function illFormedTextAt(body: unknown): string | null {
  // A stack rather than recursion: bodies nested thousands deep reach here before the schema refuses them.
  const pending: [unknown, string][] = [[body, ""]];
  while (pending.length > 0) {
    const [value, path] = pending.pop() as [unknown, string];
    if (typeof value === "string") {
      if (LONE_SURROGATE.test(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        pending.push([item, path ? `${path}.${i}` : String(i)]);
      });
    } else if (value !== null && typeof value === "object") {
      for (const [name, item] of Object.entries(value)) {
        const at = path ? `${path}.${name}` : name;
        if (LONE_SURROGATE.test(name)) return at;
        pending.push([item, at]);
      }
    }
  }
  return null;
}

/**
 * Text in a JSON body that holds a C0 control character other than tab, line feed and carriage return, or half
 * of a UTF-16 surrogate pair. JSON lets `"\u0000"` and `"\u001b"` through: nobody types them, and a NUL or
 * an escape sequence kept in a record breaks the CSV, e-mail or terminal it is later shown in. JSON lets
 * `"\ud800"` through too, and JSON.parse makes it a string no UTF-8 can carry. DynamoDB takes strings as UTF-8:
 * DynamoDB Local stores such a string, but the service itself refuses the call, which the API would answer as a
 * 500 after the person had sent their form. Found by the hostile-input sweeps; refused here, for every route,
 * before a handler reads the body.
 */
// One regex for both, as the `imports` bundle has little room left (ADR 23's 250 KB).
const ILL_FORMED =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The dotted path of the first name or text value with a control character or a lone surrogate, or null when there is none. */
export function illFormedTextAt(body: unknown): string | null {
  // A stack rather than recursion: bodies nested thousands deep reach here before the schema refuses them.
  const pending: [unknown, string][] = [[body, ""]];
  while (pending.length > 0) {
    const [value, path] = pending.pop() as [unknown, string];
    if (typeof value === "string") {
      if (ILL_FORMED.test(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        pending.push([item, path ? `${path}.${i}` : String(i)]);
      });
    } else if (value !== null && typeof value === "object") {
      for (const [name, item] of Object.entries(value)) {
        const at = path ? `${path}.${name}` : name;
        if (ILL_FORMED.test(name)) return at;
        pending.push([item, at]);
      }
    }
  }
  return null;
}

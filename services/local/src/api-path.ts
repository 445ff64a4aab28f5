/**
 * Whether a request's absolute URL (as the local server builds it: scheme, host, then path) has its path
 * under /api/. Read from the text after "scheme://host" rather than by parsing the URL, on every request.
 */
export function isApiPath(url: string): boolean {
  const hostStart = url.indexOf("//") + 2;
  const pathStart = url.indexOf("/", hostStart);
  if (pathStart === -1 || !url.startsWith("/api/", pathStart)) return false;
  // "/api/" inside a query or fragment of a URL with no path is not its path.
  const query = url.indexOf("?", hostStart);
  const fragment = url.indexOf("#", hostStart);
  return (query === -1 || query > pathStart) && (fragment === -1 || fragment > pathStart);
}

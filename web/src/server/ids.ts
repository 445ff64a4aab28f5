/** An id for a question's control, as the SPA's `controlId` makes it: "child.firstName" becomes "child-firstName". */
export function controlIdOf(key: string): string {
  return key.replaceAll(".", "-");
}

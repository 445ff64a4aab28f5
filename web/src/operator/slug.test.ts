import { describe, expect, it } from "vitest";
import { slugProblem, suggestSlug } from "./slug";

describe("council addresses", () => {
  it("suggests the distinctive part of the council's name", () => {
    expect(suggestSlug("Northwick District Council")).toBe("northwick");
    expect(suggestSlug("Royal Borough of Kings Wharf")).toBe("kings-wharf");
    expect(suggestSlug("Council")).toBe("");
  });

  it("refuses addresses the SPA uses itself, and malformed ones", () => {
    expect(slugProblem("operator")).toMatch(/used by Tandem/);
    expect(slugProblem("North Wick")).toMatch(/lower-case/);
    expect(slugProblem("northwick")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { match } from "./router";

describe("route patterns", () => {
  it("matches literal paths", () => {
    expect(match("/", "/")).toEqual({});
    expect(match("/workspace", "/workspace")).toEqual({});
    expect(match("/workspace", "/workspace/")).toEqual({});
    expect(match("/workspace", "/sign-in")).toBeNull();
  });

  it("captures parameters, such as a tenant's slug", () => {
    expect(match("/:slug/refer", "/riverford/refer")).toEqual({ slug: "riverford" });
    expect(match("/:slug/refer", "/riverford/volunteer")).toBeNull();
    expect(match("/:slug/refer", "/refer")).toBeNull();
  });
});

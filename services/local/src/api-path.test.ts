import { describe, expect, it } from "vitest";
import { isApiPath } from "./api-path.js";

describe("isApiPath", () => {
  it.each([
    ["http://localhost:3000/api/tenant", true],
    ["http://127.0.0.1:14700/api/referrals/r1?x=/api/", true],
    ["http://localhost:3000/api/", true],
    ["http://localhost:3000/api", false],
    ["http://localhost:3000/apiary", false],
    ["http://localhost:3000/riverford/refer", false],
    ["http://localhost:3000/riverford/api/tenant", false],
    ["http://localhost:3000/?next=/api/tenant", false],
    ["http://localhost:3000", false],
    ["http://localhost:3000?next=/api/tenant", false],
    ["http://localhost:3000#/api/tenant", false],
  ])("%s is %s", (url, expected) => {
    expect(isApiPath(url)).toBe(expected);
    expect(isApiPath(url)).toBe(new URL(url).pathname.startsWith("/api/"));
  });
});

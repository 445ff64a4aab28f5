import { describe, expect, it } from "vitest";
import { providerMatches, providerNameKey } from "./provider-directory.js";

const brightpath = { id: "brightpath", name: "Brightpath Visiting Trust" };

describe("a provider's name, compared", () => {
  it.each([
    ["Brightpath Visiting Trust", "brightpath visiting trust"],
    ["  BrightPath   Visiting Trust. ", "brightpath visiting trust"],
    ["Ffrind & Co", "ffrind and co"],
    ["Cyfeillion Môn", "cyfeillion mon"],
    ["St. Anne's", "st anne s"],
  ])("%j is %j", (name, key) => {
    expect(providerNameKey(name)).toBe(key);
  });
});

describe("a search of the registered providers", () => {
  it.each([
    ["brightpath", true],
    ["Bright", true],
    ["visiting trust", true],
    ["TRUST brightpath", true],
    ["brightpath-visiting", true],
    ["Brightpath Care", false],
    ["rightpath", false],
    ["", false],
    ["  ", false],
  ])("%j finds Brightpath Visiting Trust: %s", (query, found) => {
    expect(providerMatches(query, brightpath)).toBe(found);
  });

  it("finds a provider by the words of its short name", () => {
    expect(providerMatches("north visiting", { id: "north-visiting", name: "Northern Friends" })).toBe(true);
  });
});

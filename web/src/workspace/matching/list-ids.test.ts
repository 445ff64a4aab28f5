import { describe, expect, it } from "vitest";
import { itemsFromLines } from "./list-ids";

describe("the council's areas and interests from one label a line", () => {
  const current = [
    { id: "north", label: "North Riverford" },
    { id: "football", label: "Football" },
  ];
  it.each([
    [
      "keeps the id of a label already listed (whatever its case)",
      ["north riverford"],
      [{ id: "north", label: "north riverford" }],
    ],
    ["gives a new label a readable id", ["Riverside East"], [{ id: "riverside-east", label: "Riverside East" }]],
    ["never reuses an id already taken", ["North"], [{ id: "north-2", label: "North" }]],
    ["gives a label with no letters an id still", ["—"], [{ id: "item", label: "—" }]],
  ])("%s", (_name, lines, expected) => {
    expect(itemsFromLines(lines, current)).toEqual(expected);
  });
});

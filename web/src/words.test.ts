import { describe, expect, it } from "vitest";
import { midSentence } from "./words";

describe("a label placed mid-sentence keeps its acronyms", () => {
  it.each([
    { label: "Enhanced DBS check", text: "enhanced DBS check" },
    { label: "MOT certificate", text: "MOT certificate" },
    {
      label: "Must applicants show they have the right to work in the UK?",
      text: "must applicants show they have the right to work in the UK?",
    },
    { label: "DBS", text: "DBS" },
    { label: "Valid", text: "valid" },
    { label: "A", text: "a" },
  ])("$label becomes $text", ({ label, text }) => {
    expect(midSentence(label)).toBe(text);
  });
});

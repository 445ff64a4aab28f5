import { describe, expect, it } from "vitest";
import { foldedCouncilAddress } from "./address";

describe("a council's address typed with capitals", () => {
  it.each([
    ["/Riverford", "/riverford"],
    ["/Riverford/Refer", "/riverford/refer"],
    ["/RIVERFORD/refer/child", "/riverford/refer/child"],
    ["/riverford/Volunteer", "/riverford/volunteer"],
    ["/Cyngor-Bro-Hafren/refer", "/cyngor-bro-hafren/refer"],
    // A link's token keeps its case; only the council's part of the address is folded.
    ["/Riverford/refer/resume/AbC-dEf_123", "/riverford/refer/resume/AbC-dEf_123"],
    ["/Invitation/AbCdEf", "/invitation/AbCdEf"],
  ])("%s goes to %s", (typed, to) => {
    expect(foldedCouncilAddress(typed)).toBe(to);
  });

  it.each([
    ["/riverford/refer", "already lower case"],
    ["/", "the home page"],
    ["/riverford/refer/resume/AbC", "a token after lower-case segments"],
    ["/Not_A-Slug!/refer", "not a slug whatever the case"],
    ["/riverford/Other", "a second segment that is not a council page"],
  ])("%s is left as it is (%s)", (typed) => {
    expect(foldedCouncilAddress(typed)).toBeNull();
  });
});

import { exampleVolunteerApplication, factsFromApplication } from "@tandem/domain/volunteers";
import { type StoredReference, type StoredVolunteer, unrequestedReference } from "./records.js";

/**
 * A stored volunteer and referee shaped like real ones, for tests: an approved volunteer who does not
 * drive, with no checks, references or training yet. The people are fictional.
 */
export function exampleVolunteer(over: Partial<StoredVolunteer> = {}): StoredVolunteer {
  const application = exampleVolunteerApplication();
  application.background.drives = false;
  return {
    id: "11111111-1111-4111-8111-111111111111",
    reference: "V-11111111",
    name: "Sam Okonjo-Hale",
    email: "sam.hale@example.org",
    stage: "approved",
    stageSince: "2026-01-10",
    appliedAt: "2025-10-01T10:00:00.000Z",
    application,
    facts: factsFromApplication(application),
    flags: [],
    history: [],
    checks: [],
    references: [],
    training: [],
    panelRecommendation: "approve",
    approvedOn: "2026-01-10",
    approvedBy: { name: "Morgan Reid" },
    decidedOn: "2026-01-10",
    decisionLetterDueBy: "2026-01-16",
    suspensionReason: null,
    profile: null,
    circumstances: [],
    personId: null,
    pipelineVersion: 0,
    signOffs: [],
    language: "en",
    version: 1,
    ...over,
  };
}

/** A referee not yet asked, unless `over` says otherwise. */
export function exampleReference(over: Partial<StoredReference> = {}): StoredReference {
  return {
    ...unrequestedReference({ name: "Priya Castellan", email: "p.castellan@library.example", isProfessional: true }),
    ...over,
  };
}

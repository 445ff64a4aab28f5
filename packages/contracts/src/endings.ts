/** Payloads of a match's ending (issue 15): begin it (planned, unplanned or immediate), then end it. */
import { BeginEnding, EndMatch } from "@tandem/domain/endings";
import * as z from "zod";

export { BeginEnding, EndMatch };

const Email = z.email("Enter an e-mail address like name@example.org").max(254);

export const BeginMatchEnding = z
  .object({
    version: z.number().int().min(1).describe("The match version you loaded"),
    ending: BeginEnding,
    /** The carer, the IRO and anyone else involved; the volunteer and the social worker are told anyway. */
    alsoTell: z.array(Email).max(10).default([]),
  })
  .strict();

export const EndTheMatch = z
  .object({ version: z.number().int().min(1).describe("The match version you loaded"), end: EndMatch })
  .strict();

/**
 * Payloads for the council's list of looked-after children and the children on it never offered an
 * Independent Visitor (issue 16 item 6, ADR 20). The rules are the domain's (`@tandem/domain/reporting`).
 */
import { LegalStatus } from "@tandem/domain/referrals";
import { PlacementArea } from "@tandem/domain/reporting";
import * as z from "zod";

/** The file's text, read by the browser; the API parses it as CSV (UTF-8, a byte-order mark is fine). */
export const UploadCohort = z
  .object({
    fileName: z.string().trim().min(1, "Choose a file").max(200, "Use a file name of 200 characters or fewer"),
    content: z
      .string()
      .min(1, "The file is empty")
      .max(1_000_000, "The file is larger than 1 MB: a list needs only five columns"),
  })
  .strict();
export type UploadCohort = z.infer<typeof UploadCohort>;

export const CohortUploadView = z.object({
  uploadId: z.string(),
  uploadedAt: z.string(),
  uploadedOn: z.string(),
  uploadedBy: z.string(),
  fileName: z.string(),
  children: z.number().int().describe("Children on the list"),
  warnings: z.array(z.string()).describe("Columns ignored and not stored"),
  keptUntil: z
    .string()
    .describe("The list is deleted after this day (13 months after the upload) unless replaced sooner"),
});
export type CohortUploadView = z.infer<typeof CohortUploadView>;

export const NeverOfferedChild = z.object({
  caseReference: z.string(),
  age: z.number().int(),
  dateCameIntoCare: z.string(),
  monthsInCare: z.number().int(),
  legalStatus: LegalStatus,
  placementArea: PlacementArea,
});

export const NeverOfferedView = z.object({
  upload: CohortUploadView.nullable().describe("null: the council has not uploaded a list (or it has expired)"),
  listed: z.number().int(),
  withinPolicy: z.number().int(),
  referred: z.number().int(),
  outside: z.object({
    below_minimum_age: z.number().int(),
    above_maximum_age: z.number().int(),
    not_long_enough_in_care: z.number().int(),
    proceedings_not_concluded: z.number().int(),
    placed_out_of_area: z.number().int(),
  }),
  children: z.array(NeverOfferedChild).describe("Within the policy and never referred, longest in care first"),
});
export type NeverOfferedView = z.infer<typeof NeverOfferedView>;

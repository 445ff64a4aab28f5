import * as z from "zod";
import { displayDate } from "../calendar/display.js";
import { IsoDate } from "../calendar/iso-date.js";

/**
 * The words on an approved volunteer's certificate (Leicester City: the applicant is "informed of
 * decision by letter, with certificate of IV approval"). Only the lines: the PDF is drawn elsewhere,
 * so the wording can be tested here and reused by a printable web page.
 */
export const ApprovalCertificate = z
  .object({
    volunteerName: z.string().trim().min(1).max(200),
    tenantName: z.string().trim().min(1).max(200),
    approvedOn: IsoDate,
    approvedBy: z
      .object({ name: z.string().trim().min(1).max(200), jobTitle: z.string().trim().min(1).max(200) })
      .strict()
      .optional(),
  })
  .strict();
export type ApprovalCertificate = z.infer<typeof ApprovalCertificate>;

export function approvalCertificateLines(input: ApprovalCertificate): string[] {
  const c = ApprovalCertificate.parse(input);
  const lines = [
    "Certificate of Approval",
    "Independent Visitor",
    "This is to certify that",
    c.volunteerName,
    "has been approved as an Independent Visitor by",
    c.tenantName,
    `on ${displayDate(c.approvedOn)}`,
  ];
  if (c.approvedBy) lines.push(`Approved by ${c.approvedBy.name}, ${c.approvedBy.jobTitle}`);
  return lines;
}

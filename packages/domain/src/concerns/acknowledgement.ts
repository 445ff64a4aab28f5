/**
 * A coordinator acknowledges each concern. Unacknowledged by the council's set hours after it was
 * submitted, the managers are e-mailed (once: the escalation is recorded on the concern).
 */
export function acknowledgementDueAt(submittedAt: string, withinHours: number): Date {
  return new Date(Date.parse(submittedAt) + withinHours * 3_600_000);
}

export function needsEscalation(
  concern: { submittedAt: string; acknowledgedAt: string | null; escalatedAt: string | null },
  withinHours: number,
  now: Date,
): boolean {
  return (
    concern.acknowledgedAt === null &&
    concern.escalatedAt === null &&
    now.getTime() > acknowledgementDueAt(concern.submittedAt, withinHours).getTime()
  );
}

/** Minutes from submission to acknowledgement, for the record and the reports. */
export function minutesToAcknowledge(submittedAt: string, acknowledgedAt: string): number {
  return Math.max(0, Math.round((Date.parse(acknowledgedAt) - Date.parse(submittedAt)) / 60_000));
}

/**
 * Whether a volunteer may plan or record a visit, or claim expenses, on their match. Only an approved
 * volunteer may: a suspension (Leicestershire, "Expectations and boundaries": contact on social media means
 * "an immediate suspension pending further enquiries"; "change of circumstances": a new conviction, ill
 * health) pauses their visits until the council reinstates them, and a withdrawn or ended volunteer no longer
 * volunteers. The stage is the volunteer record's (`VolunteerStage`), taken as a string so visits need not
 * load the recruitment pipeline's schemas. Cancelling a planned visit and confirming home safe stay open:
 * they make nobody less safe.
 */
export function volunteerStandingRefusal(stage: string): string | null {
  if (stage === "approved") return null;
  if (stage === "suspended") {
    return "Your volunteering is suspended, so you cannot plan or record visits or claim expenses for now: contact your coordinator";
  }
  if (stage === "withdrawn" || stage === "ended") {
    return "You are no longer volunteering with this council, so you cannot plan or record visits or claim expenses: contact your coordinator if this is wrong";
  }
  return "Your volunteering has not been approved, so you cannot plan or record visits or claim expenses yet: contact your coordinator";
}

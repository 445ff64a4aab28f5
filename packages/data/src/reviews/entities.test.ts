import { describe, expect, it } from "vitest";
import { StoredItemError } from "../errors.js";
import {
  exampleComplaint,
  exampleEnding,
  exampleFeedbackRequest,
  exampleReview,
  exampleScheduleEntry,
} from "./example-records.js";
import {
  complaintEntity,
  endingEntity,
  feedbackLinkEntity,
  feedbackRequestEntity,
  reviewEntity,
  reviewScheduleEntity,
  supervisionAttendanceEntity,
  supervisionScheduleEntity,
} from "./records.js";

const T = "riverford";

/** Each entity: the item it stores, the keys it must have, and a field it cannot do without. */
const cases = [
  {
    name: "review",
    item: () => reviewEntity.item(T, exampleReview()),
    parse: reviewEntity.parse,
    record: exampleReview(),
    key: { pk: "T#riverford", sk: "MREVIEW#m-example#r1" },
    required: "record",
  },
  {
    name: "feedback request waiting for its reminder",
    item: () => feedbackRequestEntity.item(T, exampleFeedbackRequest()),
    parse: feedbackRequestEntity.parse,
    record: exampleFeedbackRequest(),
    key: {
      pk: "T#riverford",
      sk: "MFEEDBACK#m-example#f1",
      gsi1pk: "T#riverford#RV#DUE#feedback",
      gsi1sk: "2026-02-08#m-example#f1",
    },
    required: "respondent",
  },
  {
    name: "answered feedback request (out of the reminder view)",
    item: () =>
      feedbackRequestEntity.item(
        T,
        exampleFeedbackRequest({ answeredOn: "2026-02-03", answer: { howItIsGoing: "well", concerns: "no" } }),
      ),
    parse: feedbackRequestEntity.parse,
    record: exampleFeedbackRequest({ answeredOn: "2026-02-03", answer: { howItIsGoing: "well", concerns: "no" } }),
    key: { pk: "T#riverford", sk: "MFEEDBACK#m-example#f1" },
    required: "answeredOn",
  },
  {
    name: "feedback link",
    item: () =>
      feedbackLinkEntity.item(
        T,
        { matchId: "m-example", requestId: "f1", expiresOn: "2026-03-01", usedAt: null, version: 1, expiresAt: 1 },
        { id: { tokenHash: "hash" } },
      ),
    parse: feedbackLinkEntity.parse,
    record: { matchId: "m-example", requestId: "f1", expiresOn: "2026-03-01", usedAt: null, version: 1, expiresAt: 1 },
    key: { pk: "T#riverford", sk: "FEEDBACKTOKEN#hash" },
    required: "requestId",
  },
  {
    name: "review schedule entry",
    item: () => reviewScheduleEntity.item(T, exampleScheduleEntry()),
    parse: reviewScheduleEntity.parse,
    record: exampleScheduleEntry(),
    key: {
      pk: "T#riverford#RV",
      sk: "M#m-example",
      gsi1pk: "T#riverford#RV#DUE#reviews",
      gsi1sk: "2026-02-16#m-example",
    },
    required: "activatedOn",
  },
  {
    name: "review schedule entry with nothing due (out of the view)",
    item: () => reviewScheduleEntity.item(T, exampleScheduleEntry({ kind: null, dueOn: null, rule: null })),
    parse: reviewScheduleEntity.parse,
    record: exampleScheduleEntry({ kind: null, dueOn: null, rule: null }),
    key: { pk: "T#riverford#RV", sk: "M#m-example" },
    required: "label",
  },
  {
    name: "supervision schedule entry",
    item: () =>
      supervisionScheduleEntity.item(T, {
        volunteerId: "v1",
        label: "Robin",
        matchStarts: { m1: "2026-01-05" },
        sessions: [],
        kind: "first_call",
        dueOn: "2026-02-16",
        rule: "firstCallAfterWeeks",
        version: 1,
      }),
    parse: supervisionScheduleEntity.parse,
    record: {
      volunteerId: "v1",
      label: "Robin",
      matchStarts: { m1: "2026-01-05" },
      sessions: [],
      kind: "first_call",
      dueOn: "2026-02-16",
      rule: "firstCallAfterWeeks",
      version: 1,
    },
    key: {
      pk: "T#riverford#RV",
      sk: "V#v1",
      gsi1pk: "T#riverford#RV#DUE#supervision",
      gsi1sk: "2026-02-16#v1",
    },
    required: "matchStarts",
  },
  {
    name: "supervision attendance",
    item: () =>
      supervisionAttendanceEntity.item(T, { volunteerId: "v1", heldOn: "2026-07-01", sessionId: "s1", kind: "group" }),
    parse: supervisionAttendanceEntity.parse,
    record: { volunteerId: "v1", heldOn: "2026-07-01", sessionId: "s1", kind: "group" },
    key: { pk: "T#riverford", sk: "VSUP#v1#2026-07-01#s1" },
    required: "sessionId",
  },
  {
    name: "ending",
    item: () => endingEntity.item(T, exampleEnding()),
    parse: endingEntity.parse,
    record: exampleEnding(),
    key: { pk: "T#riverford", sk: "MENDING#m-example" },
    required: "begin",
  },
  {
    name: "complaint",
    item: () => complaintEntity.item(T, exampleComplaint()),
    parse: complaintEntity.parse,
    record: exampleComplaint(),
    key: { pk: "T#riverford", sk: "COMPLAINT#c1", gsi1pk: "T#riverford#RV#COMPLAINTS", gsi1sk: "2026-03-02#c1" },
    required: "stages",
  },
];

describe("reviews' entity codecs", () => {
  it.each(cases)("store a $name where its keys say", ({ item, key }) => {
    const stored = item();
    expect({ pk: stored.pk, sk: stored.sk, gsi1pk: stored.gsi1pk, gsi1sk: stored.gsi1sk }).toEqual({
      gsi1pk: undefined,
      gsi1sk: undefined,
      ...key,
    });
  });
  it.each(cases)("read a stored $name back as the record written", ({ item, parse, record }) => {
    expect(parse(item())).toEqual(record);
  });
  it.each(cases)("refuse a stored $name without its $required", ({ item, parse, required }) => {
    const { [required]: _dropped, ...broken } = item();
    expect(() => parse(broken)).toThrow(StoredItemError);
  });
});

import {
  FeedbackFormView,
  FeedbackSubmitted,
  FeedbackTokenParam,
  SubmitFeedback,
} from "@tandem/contracts/feedback-form";
import { getFeedbackForm, submitFeedback } from "@tandem/data/reviews";
import { publicReading, publicWriting } from "../../http/access.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const base = "/api/public/tenants/{slug}";
const route = routesFor({ tags: ["reviews (public)"], access: publicReading });

const form = route("get", `${base}/feedback/{token}`, {
  summary: "The feedback form behind a review's single-use link (opening it does not use it up)",
  description:
    "A link that is not this council's (or made up) is 404, exactly as another council's; a used or expired one is 410.",
  refuses: ["not_found", "gone"],
  request: { params: FeedbackTokenParam },
  responses: { 200: jsonResponse(FeedbackFormView, "Which form: the child's or the adults'") },
});

const give = route("post", `${base}/feedback/{token}`, {
  summary: "Give feedback for a review (the link works once)",
  access: { ...publicWriting, rate: "information" },
  refuses: ["not_found", "gone"],
  request: { params: FeedbackTokenParam, body: jsonBody(SubmitFeedback) },
  responses: { 200: jsonResponse(FeedbackSubmitted, "Received") },
});

/** The public feedback form: no sign-in. Mounted by the public Lambda. */
export const reviewPublicRoutes = newRouter()
  .openapi(form, async (c) => {
    const found = await getFeedbackForm(c.var.table, c.req.valid("param").token);
    return c.json(FeedbackFormView.parse({ tenantName: c.var.tenant.name, ...found }), 200);
  })
  .openapi(give, async (c) => {
    await submitFeedback(c.var.table, c.req.valid("param").token, c.req.valid("json").answers);
    return c.json(
      { message: `Thank you: your feedback has reached ${c.var.tenant.name}'s Independent Visitor scheme.` },
      200,
    );
  });

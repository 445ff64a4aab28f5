import { AgreementForm, AgreementGiven, AgreementTokenParam, GiveAgreement } from "@tandem/contracts/match-agreements";
import { getAgreementForm, giveAgreement } from "@tandem/data/matches";
import { publicReading, publicWriting } from "../../http/access.js";
import { jsonBody, jsonResponse, routesFor } from "../../http/define-route.js";
import { newRouter } from "../../http/router.js";

const json = jsonResponse;
const base = "/api/public/tenants/{slug}";

const route = routesFor({ tags: ["matches (public)"], access: publicReading });

const form = route("get", `${base}/match-agreements/{token}`, {
  summary:
    "What the child's social worker reads behind their agreement link: the child's first name and the volunteer's pen portrait, without contact details (opening it does not use it up)",
  refuses: ["gone"],
  request: { params: AgreementTokenParam },
  responses: { 200: json(AgreementForm, "The proposed match") },
});

const give = route("post", `${base}/match-agreements/{token}`, {
  summary:
    "The social worker agrees (with the child's wishes about the match) or does not (with why); the link works once",
  access: { ...publicWriting, rate: "information" },
  refuses: ["gone", "conflict", "version_conflict"],
  request: { params: AgreementTokenParam, body: jsonBody(GiveAgreement) },
  responses: { 200: json(AgreementGiven, "Received") },
});

/** The social worker's agreement link: no sign-in. Mounted by the public Lambda. */
export const matchPublicRoutes = newRouter()
  .openapi(form, async (c) =>
    c.json(AgreementForm.parse(await getAgreementForm(c.var.table, c.var.tenant, c.req.valid("param").token)), 200),
  )
  .openapi(give, async (c) => {
    const { table, tenant, links } = c.var;
    return c.json(await giveAgreement(table, tenant, links, c.req.valid("param").token, c.req.valid("json")), 200);
  });

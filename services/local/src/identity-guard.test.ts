import { describe, expect, it } from "vitest";
import { attributesWritten, SPA_WRITABLE_ATTRIBUTES } from "./identity-guard.js";

const T = "AWSCognitoIdentityProviderService.";

describe("the attributes a user's own call writes", () => {
  it.each([
    [`${T}UpdateUserAttributes`, { UserAttributes: [{ Name: "custom:platform", Value: "x" }] }, ["custom:platform"]],
    [
      `${T}UpdateUserAttributes`,
      { UserAttributes: [{ Name: "name" }, { Name: "custom:memberships" }] },
      ["name", "custom:memberships"],
    ],
    [`${T}DeleteUserAttributes`, { UserAttributeNames: ["custom:memberships"] }, ["custom:memberships"]],
    [`${T}UpdateUserAttributes`, {}, []],
    [`${T}InitiateAuth`, { AuthParameters: {} }, null],
    [`${T}AdminUpdateUserAttributes`, { UserAttributes: [{ Name: "custom:platform" }] }, null],
    [`${T}UpdateUserAttributes`, "not an object", null],
  ])("%s %j names %j", (target, body, expected) => {
    expect(attributesWritten(target, body)).toEqual(expected);
  });

  it("lets the user write only the name fields, as the CDK pool's app client does", () => {
    expect([...SPA_WRITABLE_ATTRIBUTES].sort()).toEqual(["family_name", "given_name", "name"]);
  });
});

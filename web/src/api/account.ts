/** The signed-in person's own API: any valid token, no council. */
import { call } from "./client";

/** Who is signed in: their memberships and platform roles. */
export const me = () => call("get", "/api/me", {});

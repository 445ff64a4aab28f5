import type { Membership, TenantRole } from "@tandem/domain/people";
import { PLATFORM_TENANT } from "./table.js";

const verified: unique symbol = Symbol("verified");

/** Who is acting: taken from a verified identity token, never from a request body. */
export interface Actor {
  personId: string;
  email: string;
  name: string;
}

/**
 * The only way into a tenant's data. It can be made in three ways, each named for where its
 * tenant id came from, so a reviewer can find every entry point with one search:
 * - `fromVerifiedMembership`: a signed-in person acting in one of the tenants their token lists;
 * - `forPublicForm`: an anonymous visitor on a tenant's public page, resolved from its slug;
 * - `forPlatform`: the platform operator's records, which hold no tenant's personal data;
 * - `forScheduledJob`: the scheduled job, in each council of the platform's registry in turn.
 */
export class TenantContext {
  readonly [verified] = true;
  private constructor(
    readonly tenantId: string,
    readonly actor: Actor,
    readonly roles: readonly TenantRole[],
    readonly requestId: string,
  ) {}

  static fromVerifiedMembership(actor: Actor, membership: Membership, requestId: string): TenantContext {
    return new TenantContext(membership.tenantId, actor, membership.roles, requestId);
  }

  static forPublicForm(tenantId: string, requestId: string): TenantContext {
    return new TenantContext(tenantId, { personId: "public", email: "", name: "Member of the public" }, [], requestId);
  }

  /**
   * Someone who holds a valid invitation link, acting on their own membership: the link is the proof
   * of who they are, so what they do (setting their password, joining) is recorded under their name.
   */
  static forInvitationHolder(publicForm: TenantContext, invitee: Actor): TenantContext {
    // Only an anonymous public request may become the invitee; never a signed-in person becoming another.
    if (publicForm.actor.personId !== "public" || publicForm.roles.length > 0) {
      throw new Error("forInvitationHolder takes the public form's context");
    }
    return new TenantContext(publicForm.tenantId, invitee, [], publicForm.requestId);
  }

  /** An anonymous visitor looking up a council's public page by slug, in the platform's registry. */
  static forPublicLookup(requestId: string): TenantContext {
    return new TenantContext(
      PLATFORM_TENANT,
      { personId: "public", email: "", name: "Member of the public" },
      [],
      requestId,
    );
  }

  /**
   * The platform operator acting on one tenant's lifecycle (create, suspend, close): the context that
   * tenant's own records are written under in the platform's transaction, so each write is checked
   * against that tenant and the council's audit trail shows who did it.
   */
  static fromPlatformAction(platform: TenantContext, tenantId: string): TenantContext {
    return new TenantContext(tenantId, platform.actor, [], platform.requestId);
  }

  /**
   * The scheduled job acting in one council it found in the platform's registry (timers, reminders): no
   * person and no roles, recorded in the council's audit trail as the scheduled job.
   */
  static forScheduledJob(tenantId: string, runId: string): TenantContext {
    return new TenantContext(tenantId, { personId: "scheduler", email: "", name: "Scheduled job" }, [], runId);
  }

  static forPlatform(actor: Actor, requestId: string): TenantContext {
    return new TenantContext(PLATFORM_TENANT, actor, [], requestId);
  }
}

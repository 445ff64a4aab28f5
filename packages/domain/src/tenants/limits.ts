/**
 * The heaviest priority a waiting-list sort key can hold (referrals/priority.ts keeps the key this wide).
 * A module of its own so the public referral form can use it without the policy's schemas (its bundle).
 */
export const MAX_PRIORITY_WEIGHT = 99;

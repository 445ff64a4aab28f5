/** A match's visits and expenses in the portal: a chunk of its own, loaded when the volunteer opens them. */
export { claimCheckPage, claimForPage, claimItemPage } from "./claim";
export { portalMatchPage } from "./match";
export { planActivityPage, planCheckPage, planNamedPersonPage, planWhenPage } from "./plan";
export { cancelVisitPage, recordCheckPage, recordMorePage, recordVisitPage } from "./record";

/**
 * The list's filters, from the page's address to the API's query. The API reads each supported
 * combination with one query (never filtering in memory) and answers 400 to the others, so the
 * page says which combinations work before asking. Pure.
 */
import type { ReferralListQuery, ReferralSort, ReferralStatusFilter } from "../../api/referrals";
import { STATUS_FILTERS } from "./labels";

export interface ListFilters {
  status: ReferralStatusFilter | "";
  flagged: boolean;
  overdue: boolean;
  sort: ReferralSort;
  cursor: string | null;
}

export interface FilterProblem {
  key: "status" | "flagged" | "overdue" | "sort";
  message: string;
}

const SORTS: readonly ReferralSort[] = ["received", "waiting", "priority"];
const GROUPS: readonly string[] = ["open", "waiting_list", "closed"];

export function filtersFrom(search: URLSearchParams): ListFilters {
  const status = search.get("status") ?? "";
  const sort = search.get("sort") ?? "received";
  return {
    status: STATUS_FILTERS.some((f) => f.value === status) ? (status as ListFilters["status"]) : "",
    flagged: search.get("flagged") === "true",
    overdue: search.get("overdue") === "true",
    sort: SORTS.includes(sort as ReferralSort) ? (sort as ReferralSort) : "received",
    cursor: search.get("cursor"),
  };
}

/** The page's address for these filters (the cursor only when asked for). */
export function filtersSearch(f: ListFilters, withCursor = true): string {
  const params = new URLSearchParams();
  if (f.status) params.set("status", f.status);
  if (f.flagged) params.set("flagged", "true");
  if (f.overdue) params.set("overdue", "true");
  if (f.sort !== "received") params.set("sort", f.sort);
  if (withCursor && f.cursor) params.set("cursor", f.cursor);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Combinations the API does not read in one query, each with what to change. */
export function filterProblems(f: ListFilters): FilterProblem[] {
  const problems: FilterProblem[] = [];
  if (f.overdue) {
    if (f.status || f.flagged || f.sort !== "received") {
      problems.push({
        key: "overdue",
        message:
          "Overdue referrals are shown on their own, most overdue first: choose 'All referrals', untick 'Only flagged' and sort by date received",
      });
    }
    return problems;
  }
  const single = f.status !== "" && !GROUPS.includes(f.status);
  if (f.flagged && single) {
    problems.push({
      key: "status",
      message:
        "Flagged referrals can be shown for all referrals, open, on the waiting list or closed: choose one of those",
    });
  }
  if (f.sort === "priority" && f.flagged) {
    problems.push({
      key: "sort",
      message: "Flagged referrals can be sorted by date received or time waiting, not priority",
    });
  } else if (f.sort === "priority" && (f.status === "" || single)) {
    // The API keeps priority order per group of statuses (open, waiting list, closed), not per status.
    problems.push({
      key: "status",
      message: "To sort by priority, choose a group: open, on the waiting list or closed",
    });
  }
  return problems;
}

export function apiQuery(f: ListFilters, limit = 25): ReferralListQuery {
  const q: ReferralListQuery = { sort: f.sort, limit };
  if (f.overdue) return { overdue: "true", limit, ...(f.cursor ? { cursor: f.cursor } : {}) };
  if (f.status) q.status = f.status;
  if (f.flagged) q.flagged = "true";
  if (f.cursor) q.cursor = f.cursor;
  return q;
}

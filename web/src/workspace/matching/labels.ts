import type { MatchingWeights, TimeOfWeek } from "../../api/matching";

export const TIME_NAMES: Record<TimeOfWeek, string> = {
  weekday_after_school: "Weekdays after school",
  weekday_evening: "Weekday evenings",
  saturday: "Saturdays",
  sunday: "Sundays",
  school_holidays: "School holidays",
};

export const TIMES = Object.keys(TIME_NAMES) as TimeOfWeek[];

export const WEIGHT_NAMES: Record<keyof MatchingWeights, { label: string; hint: string }> = {
  perSharedInterest: { label: "Each shared interest", hint: "Added for every interest the child and volunteer share" },
  travelsToChildsArea: { label: "Travels to the child's area", hint: "Added once when the volunteer travels there" },
  perSharedLanguage: { label: "Each shared language", hint: "Added for every language besides English they share" },
  perSharedTime: { label: "Each shared time of the week", hint: "Added for every time both are free" },
  drives: { label: "Drives", hint: "Added once when the volunteer's licence, insurance and MOT are recorded" },
};

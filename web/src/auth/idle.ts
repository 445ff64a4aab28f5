import { h } from "../dom";
import { session } from "../session";
import { IDLE_MINUTES, signOut } from "./sign-out";
import { onOtherTabActive, tellOtherTabs } from "./tabs";

/**
 * Signed out after a time without activity, with the GOV.UK timeout warning: a modal dialog two minutes
 * before, which only "Stay signed in" (or Escape) dismisses. IDLE_MINUTES is our suggested default; activity
 * in any tab counts.
 */
const WARN_MINUTES = 2;
const IDLE_MS = IDLE_MINUTES * 60_000;
const WARN_MS = WARN_MINUTES * 60_000;
/** Tell other tabs of activity at most this often. */
const SHARE_MS = 30_000;

let watching = false;
let last = 0;
let shared = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let dialog: HTMLDialogElement | null = null;

export function watchIdleTime(): void {
  last = Date.now();
  if (!watching) {
    watching = true;
    for (const type of ["keydown", "pointerdown", "wheel", "touchstart"]) {
      document.addEventListener(type, () => active(true), { passive: true, capture: true });
    }
    onOtherTabActive(() => active(false));
  }
  schedule();
}

function active(mine: boolean): void {
  if (!session() || dialog?.open) return;
  last = Date.now();
  if (mine && last - shared > SHARE_MS) {
    shared = last;
    tellOtherTabs("active");
  }
  schedule();
}

function schedule(): void {
  clearTimeout(timer);
  if (!session()) return;
  const idle = Date.now() - last;
  if (idle >= IDLE_MS) {
    closeWarning();
    void signOut("idle");
    return;
  }
  if (idle >= IDLE_MS - WARN_MS) showWarning();
  timer = setTimeout(schedule, (idle >= IDLE_MS - WARN_MS ? IDLE_MS : IDLE_MS - WARN_MS) - idle);
}

function showWarning(): void {
  if (dialog?.open) return;
  const stay = h("button", { type: "button", class: "govuk-button", "data-module": "govuk-button" }, "Stay signed in");
  const leave = h("a", { href: "/sign-in", class: "govuk-link" }, "Sign out");
  dialog = h(
    "dialog",
    { class: "tandem-timeout", "aria-labelledby": "timeout-heading", "aria-describedby": "timeout-text" },
    h("h2", { class: "govuk-heading-m", id: "timeout-heading" }, "You’re about to be signed out"),
    h(
      "p",
      { class: "govuk-body", id: "timeout-text" },
      `For your security, we will sign you out in ${WARN_MINUTES} minutes if you do not do anything. Anything you have not saved will be lost.`,
    ),
    h("div", { class: "govuk-button-group" }, stay, leave),
  );
  const carryOn = () => {
    closeWarning();
    last = Date.now();
    tellOtherTabs("active");
    schedule();
  };
  stay.addEventListener("click", carryOn);
  dialog.addEventListener("cancel", (event) => {
    event.preventDefault();
    carryOn();
  });
  leave.addEventListener("click", (event) => {
    event.preventDefault();
    closeWarning();
    void signOut();
  });
  document.body.append(dialog);
  dialog.showModal();
  stay.focus();
}

function closeWarning(): void {
  dialog?.close();
  dialog?.remove();
  dialog = null;
}

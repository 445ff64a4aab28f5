import "./styles/main.scss";
import { startApp } from "./app";
import { focusElement } from "./dom";

document.body.classList.add("js-enabled", "govuk-frontend-supported");

// The skip link moves focus, not just the scroll position, to <main> (as govuk-frontend's SkipLink does).
document.querySelector<HTMLAnchorElement>(".govuk-skip-link")?.addEventListener("click", (event) => {
  const target = document.getElementById("main-content");
  if (!target) return;
  event.preventDefault();
  focusElement(target);
  target.scrollIntoView();
});

startApp();

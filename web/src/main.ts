import "./styles/main.scss";
import { createAll, SkipLink } from "govuk-frontend";
import { startApp } from "./app";

// govuk-frontend's components check for this class before they start.
document.body.classList.add("js-enabled", "govuk-frontend-supported");

// The skip link is in index.html, outside the pages: it is set up once. Each page's own components
// are set up as it renders (`showPage`).
createAll(SkipLink);

void startApp();

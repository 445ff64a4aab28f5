/** GOV.UK display components the pages share (the form controls live in `forms.ts`). */
import { type Child, h } from "./dom";
import { t } from "./i18n";

export interface SummaryRow {
  key: string;
  value: Child | Child[];
  /** A "Change" link; `hidden` finishes the link text for screen readers ("Change youngest age"). */
  action?: { href: string; text?: string; hidden: string; id?: string };
}

export function summaryList(rows: readonly SummaryRow[], options: { id?: string } = {}): HTMLDListElement {
  const anyActions = rows.some((r) => r.action);
  return h(
    "dl",
    { class: "govuk-summary-list", id: options.id },
    ...rows.map((row) =>
      h(
        "div",
        { class: `govuk-summary-list__row${anyActions && !row.action ? " govuk-summary-list__row--no-actions" : ""}` },
        h("dt", { class: "govuk-summary-list__key" }, row.key),
        h("dd", { class: "govuk-summary-list__value" }, ...(Array.isArray(row.value) ? row.value : [row.value])),
        row.action
          ? h(
              "dd",
              { class: "govuk-summary-list__actions" },
              h(
                "a",
                { class: "govuk-link", href: row.action.href, id: row.action.id },
                row.action.text ?? t("form.change"),
                h("span", { class: "govuk-visually-hidden" }, ` ${row.action.hidden}`),
              ),
            )
          : null,
      ),
    ),
  );
}

/** The confirmation panel: the page's h1 and, usually, a reference. */
export function confirmationPanel(title: string, ...body: Child[]): HTMLDivElement {
  return h(
    "div",
    { class: "govuk-panel govuk-panel--confirmation" },
    h("h1", { class: "govuk-panel__title" }, title),
    body.length > 0 ? h("div", { class: "govuk-panel__body" }, ...body) : null,
  );
}

export type TagColour = "grey" | "green" | "turquoise" | "blue" | "light-blue" | "yellow" | "orange" | "red" | "purple";

export function tag(text: string, colour?: TagColour): HTMLElement {
  return h("strong", { class: `govuk-tag${colour ? ` govuk-tag--${colour}` : ""}` }, text);
}

/**
 * A table with a caption and column headers; the first cell of each row is its row header.
 *
 * Below GOV.UK's tablet breakpoint (a phone, or a laptop at 200% zoom) each row stacks into a card,
 * every cell under its column's name, so nothing is cut off or scrolls sideways (WCAG 1.4.10). The
 * roles are written out because a table laid out as blocks loses them in some browsers; the names
 * shown in the cards are hidden from screen readers, which already announce the column headers.
 */
export function table(options: {
  caption: string;
  captionClass?: string;
  head: readonly string[];
  rows: readonly Child[][];
  numericColumns?: readonly number[];
}): HTMLTableElement {
  const numeric = (i: number) => (options.numericColumns?.includes(i) ? " govuk-table__header--numeric" : "");
  const label = (i: number) => {
    const name = options.head[i];
    return name ? h("span", { class: "tandem-table__label", "aria-hidden": "true" }, name) : null;
  };
  // Text beside the column's name goes in an element of its own, so the cell's words can be found and
  // copied without the name that only a phone shows.
  const value = (cell: Child): Child => (typeof cell === "string" ? h("span", {}, cell) : cell);
  return h(
    "table",
    { class: "govuk-table tandem-table", role: "table" },
    h(
      "caption",
      { class: `govuk-table__caption ${options.captionClass ?? "govuk-table__caption--m"}` },
      options.caption,
    ),
    h(
      "thead",
      { class: "govuk-table__head", role: "rowgroup" },
      h(
        "tr",
        { class: "govuk-table__row", role: "row" },
        ...options.head.map((text, i) =>
          h("th", { scope: "col", role: "columnheader", class: `govuk-table__header${numeric(i)}` }, text),
        ),
      ),
    ),
    h(
      "tbody",
      { class: "govuk-table__body", role: "rowgroup" },
      ...options.rows.map((cells) =>
        h(
          "tr",
          { class: "govuk-table__row", role: "row" },
          ...cells.map((cell, i) =>
            i === 0
              ? h("th", { scope: "row", role: "rowheader", class: "govuk-table__header" }, label(i), value(cell))
              : h(
                  "td",
                  {
                    role: "cell",
                    class: `govuk-table__cell${options.numericColumns?.includes(i) ? " govuk-table__cell--numeric" : ""}`,
                  },
                  label(i),
                  value(cell),
                ),
          ),
        ),
      ),
    ),
  );
}

/** One task of a GOV.UK task list: `status` is "Completed" as plain text, anything else as a tag. */
export interface Task {
  id: string;
  title: string;
  href?: string | null;
  hint?: string;
  status: { text: string; colour?: TagColour; done?: boolean };
}

/**
 * GOV.UK's task list: what has to be done, each with its state, the whole row a link where it can be
 * acted on. A finished task's state is plain text, an unfinished one's a tag, as the pattern has it.
 */
export function taskList(tasks: readonly Task[], options: { id?: string } = {}): HTMLUListElement {
  return h(
    "ul",
    { class: "govuk-task-list", id: options.id },
    ...tasks.map((task) => {
      const hintId = task.hint ? `${task.id}-hint` : null;
      const statusId = `${task.id}-status`;
      const name = task.href
        ? h(
            "a",
            {
              class: "govuk-link govuk-task-list__link",
              href: task.href,
              "aria-describedby": [hintId, statusId].filter(Boolean).join(" "),
            },
            task.title,
          )
        : h("div", {}, task.title);
      return h(
        "li",
        { class: `govuk-task-list__item${task.href ? " govuk-task-list__item--with-link" : ""}` },
        h(
          "div",
          { class: "govuk-task-list__name-and-hint" },
          name,
          hintId ? h("div", { class: "govuk-task-list__hint", id: hintId }, task.hint) : null,
        ),
        h(
          "div",
          { class: "govuk-task-list__status", id: statusId },
          task.status.done ? task.status.text : tag(task.status.text, task.status.colour ?? "blue"),
        ),
      );
    }),
  );
}

/** The start button of a service's start page: a link that looks and acts like a button. */
export function startButton(href: string, text = t("form.startNow")): HTMLAnchorElement {
  return h(
    "a",
    {
      href,
      class: "govuk-button govuk-button--start",
      "data-module": "govuk-button",
      role: "button",
      draggable: "false",
    },
    text,
    startArrow(),
  );
}

/** GOV.UK's arrow on a start button: drawn, so it scales with the text and is hidden from screen readers. */
function startArrow(): SVGSVGElement {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [name, value] of Object.entries({
    class: "govuk-button__start-icon",
    xmlns: ns,
    width: "17.5",
    height: "19",
    viewBox: "0 0 33 40",
    "aria-hidden": "true",
    focusable: "false",
  }))
    svg.setAttribute(name, value);
  const path = document.createElementNS(ns, "path");
  path.setAttribute("fill", "currentColor");
  path.setAttribute("d", "M0 0h13l20 20-20 20H0l20-20z");
  svg.append(path);
  return svg;
}

/** A bulleted list of short items ("You will need: …"). */
export function bulletList(...items: Child[]): HTMLUListElement {
  return h("ul", { class: "govuk-list govuk-list--bullet" }, ...items.map((item) => h("li", {}, item)));
}

export function backLink(href: string, text = t("form.back")): HTMLAnchorElement {
  return h("a", { href, class: "govuk-back-link" }, text);
}

export function insetText(...content: Child[]): HTMLDivElement {
  return h("div", { class: "govuk-inset-text" }, ...content);
}

export function warningText(text: string): HTMLDivElement {
  return h(
    "div",
    { class: "govuk-warning-text" },
    h("span", { class: "govuk-warning-text__icon", "aria-hidden": "true" }, "!"),
    h("strong", { class: "govuk-warning-text__text" }, h("span", { class: "govuk-visually-hidden" }, "Warning"), text),
  );
}

export function paragraph(...content: Child[]): HTMLParagraphElement {
  return h("p", { class: "govuk-body" }, ...content);
}

/** Text that keeps the writer's line breaks, without any markup. */
export function multiline(text: string): Child[] {
  const out: Child[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) out.push(h("br"));
    out.push(line);
  });
  return out;
}

/** An e-mail address (or another long word) that may wrap anywhere, so a 320px screen never scrolls sideways. */
export function breakable(text: string): HTMLElement {
  return h("span", { class: "govuk-!-text-break-word" }, text);
}

export function link(href: string, text: string): HTMLAnchorElement {
  return h("a", { href, class: "govuk-link" }, text);
}

/** Pages show dates and times as the e-mails do: one GOV.UK-style module in @tandem/domain/calendar. */
export { displayDate as formatDate, displayDateTime as formatDateTime } from "@tandem/domain/calendar";

/**
 * A wide table's own scrolling box, so the page never scrolls sideways at 320px. It takes focus so
 * keyboard users can scroll it too, and is a named region so they know what they are in.
 */
export function scrollBox(label: string, content: HTMLElement): HTMLDivElement {
  return h("div", { class: "tandem-table-scroll", tabindex: "0", role: "region", "aria-label": label }, content);
}

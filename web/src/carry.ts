/**
 * What the person has typed on a page, carried to the same page in the other language: the switch
 * ("English | Cymraeg") draws the page again, and without this every field came back empty. Held in
 * memory for that one redraw only, and only for the same address.
 */
interface Typed {
  path: string;
  /** Text, dates, selects and textareas by id; radios and checkboxes by name and value (their labels change). */
  values: Map<string, string>;
  ticked: Set<string>;
}

let carried: Typed | null = null;

const FIELDS = "input, textarea, select";
const tickKey = (el: HTMLInputElement) => `${el.name}\u0000${el.value}`;

/** Notes the fields of `scope` before the page is drawn again at `path` (its own address in the other language). */
export function carryTyped(scope: HTMLElement, path: string): void {
  const values = new Map<string, string>();
  const ticked = new Set<string>();
  for (const el of scope.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(FIELDS)) {
    if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
      if (el.checked) ticked.add(tickKey(el));
    } else if (el.id && !(el instanceof HTMLInputElement && ["file", "hidden", "password"].includes(el.type))) {
      values.set(el.id, el.value);
    }
  }
  carried = { path, values, ticked };
}

/** Puts what was typed back into the page just drawn, if it is the page it was typed on; once. */
export function restoreTyped(scope: HTMLElement): void {
  const typed = carried;
  // Every page is drawn through here: without a switch just pressed, nothing to look at.
  if (!typed) return;
  const fields = scope.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(FIELDS);
  // A loading placeholder first: wait for the page itself.
  if (typed.path === location.pathname && fields.length === 0) return;
  carried = null;
  if (typed.path !== location.pathname) return;
  const forms = new Set<HTMLFormElement>();
  for (const el of fields) {
    if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
      el.checked = typed.ticked.has(tickKey(el));
    } else {
      const value = typed.values.get(el.id);
      if (value === undefined) continue;
      el.value = value;
    }
    if (el.form) forms.add(el.form);
  }
  // A question revealed by a choice follows the restored choice (the forms listen for "change").
  for (const form of forms) form.dispatchEvent(new Event("change", { bubbles: true }));
}

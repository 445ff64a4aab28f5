import { ApiError } from "../../api/client";
import { uploadLogo } from "../../api/tenant";
import { LOGO_MAX_BYTES, LOGO_TYPES, type TenantView } from "../../api/types";
import { h } from "../../dom";
import { errorMessage, type Field, form, onSubmit, type Problem, submitButton } from "../../forms";

export interface LogoForm {
  form: HTMLFormElement;
  field: Field;
}

type LogoType = (typeof LOGO_TYPES)[number];

function isLogoType(type: string): type is LogoType {
  return (LOGO_TYPES as readonly string[]).includes(type);
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  // In slices, because spreading a 100 KB array into one call can overflow the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The file's first bytes must say PNG or JPEG too: a renamed file of another kind is refused here, not after upload. */
function sniff(bytes: Uint8Array): LogoType | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "image/jpeg";
  return null;
}

/**
 * The logo upload, checked in the browser first (type, size, and that the file really is an image
 * of that type) so a wrong file costs no round trip; the API checks the same again.
 */
export function logoForm(options: {
  tenant: () => TenantView;
  onProblems(problems: Problem[]): void;
  onSaved(tenant: TenantView): void;
}): LogoForm {
  const id = "logo";
  const input = h("input", {
    class: "govuk-file-upload",
    id,
    name: id,
    type: "file",
    accept: LOGO_TYPES.join(","),
    "aria-describedby": `${id}-hint`,
  });
  const errorSlot = h("div");
  const group = h(
    "div",
    { class: "govuk-form-group" },
    h("label", { class: "govuk-label govuk-label--s", for: id }, "Upload a new logo"),
    h(
      "div",
      { class: "govuk-hint", id: `${id}-hint` },
      "A PNG or JPEG image of 100 KB or less. It appears beside your council's name in the header.",
    ),
    errorSlot,
    input,
  );
  const field: Field = {
    id,
    group,
    setError(message) {
      group.classList.toggle("govuk-form-group--error", message !== null);
      input.classList.toggle("govuk-file-upload--error", message !== null);
      input.setAttribute("aria-describedby", message === null ? `${id}-hint` : `${id}-hint ${id}-error`);
      errorSlot.replaceChildren(...(message === null ? [] : [errorMessage(`${id}-error`, message)]));
    },
  };
  const logo = form("/workspace/settings/branding/logo", group, submitButton("Upload logo", "secondary"));
  onSubmit(logo, async () => {
    const file = input.files?.[0];
    const fail = (message: string) => options.onProblems([{ key: "logo", message }]);
    if (!file) return fail("Select a logo to upload");
    if (!isLogoType(file.type)) return fail("The logo must be a PNG or JPEG image");
    if (file.size > LOGO_MAX_BYTES) return fail("The logo must be 100 KB or smaller");
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (sniff(bytes) !== file.type) return fail("The file is not a PNG or JPEG image: choose another file");
    try {
      const tenant = await uploadLogo({
        contentType: file.type,
        dataBase64: toBase64(bytes),
        version: options.tenant().version,
      });
      options.onSaved(tenant);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const message =
        error.status === 409
          ? "The branding was changed by someone else while you were here. Reload the page, then upload again"
          : (error.fields[0]?.message ?? error.message);
      fail(message);
    }
  });
  return { form: logo, field };
}

import { ApiError } from "../../api/client";
import { tenantExport } from "../../api/tenant";
import { areas } from "../../areas";
import { insetText } from "../../components";
import { h } from "../../dom";
import { saveFile } from "../../download";
import { form, onSubmit, showErrorSummary, submitButton } from "../../forms";
import { setTitle, showPage } from "../../layout";
import type { RouteContext } from "../../router";
import { enterArea } from "../shell";
import { settingsFrame } from "./nav";

const TITLE = "Your data";

/**
 * The tenant export. The API needs the token in a header, so a plain link cannot fetch it; the page
 * fetches it and hands the file to the browser. Nothing of it is kept in the page.
 */
export async function dataPage(ctx: RouteContext): Promise<void> {
  const entered = await enterArea(ctx, TITLE, areas.data);
  if (!entered) return;
  const { tenant } = entered;
  const summary = h("div");
  const status = h("p", { class: "govuk-body", role: "status" });
  const download = form("/workspace/settings/data", submitButton("Download all your scheme's data"));
  onSubmit(download, async () => {
    status.textContent = "Preparing the download…";
    try {
      const file = await tenantExport();
      const name = file.filename ?? `tandem-${tenant.slug}-${new Date().toISOString().slice(0, 10)}.ndjson`;
      saveFile(file.blob, name);
      status.textContent = `Downloaded ${name}.`;
      setTitle(TITLE);
      showErrorSummary(summary, []);
    } catch (error) {
      status.textContent = "";
      setTitle(TITLE, true);
      showErrorSummary(summary, [
        { message: error instanceof ApiError ? error.message : "The download failed. Try again" },
      ]);
    }
  });
  showPage(
    TITLE,
    settingsFrame(
      summary,
      h("span", { class: "govuk-caption-l" }, tenant.name),
      h("h1", { class: "govuk-heading-l" }, TITLE),
      h(
        "p",
        { class: "govuk-body" },
        "Download every record Tandem holds for your scheme: settings, people, referrals, volunteers, matches, visits, expenses and the audit trail.",
      ),
      h(
        "p",
        { class: "govuk-body" },
        "The file is in the ‘tandem-tenant-export/1’ format: one JSON object per line. The first line says when it was made and by whom; each line after it is one record, with its kind, its key and its data.",
      ),
      tenant.status === "leaving"
        ? insetText("Your scheme is leaving Tandem. Download your data before the platform operator closes it.")
        : insetText("The download is recorded in the audit trail. Keep the file as securely as the records in it."),
      download,
      status,
    ),
  );
}

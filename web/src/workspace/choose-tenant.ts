import { h } from "../dom";
import { form, onSubmit, radios, showProblems, submitButton } from "../forms";
import { setAccountBar, setFlash, setHeader, showPage, twoThirds } from "../layout";
import { navigate } from "../router";
import { chooseTenant, session, takeReturnTo } from "../session";
import { accountBar } from "./account-bar";

const TITLE = "Which council do you want to work in?";

/** For people who work in more than one council's scheme (a provider's staff, for example). */
export function chooseTenantPage(): void {
  const current = session();
  const me = current?.me;
  if (!current || !me) return;
  // The question page shows no council's branding: the choice has not been made yet.
  setHeader({ homeHref: "/workspace" });
  setAccountBar(accountBar(me));

  const summary = h("div");
  const tenant = radios({
    id: "tenant",
    legend: TITLE,
    legendAsHeading: true,
    options: me.memberships.map((m) => ({ value: m.tenantId, label: m.tenantName })),
    value: current.activeTenantId,
  });
  const page = form("/choose-tenant", tenant.group, submitButton("Continue"));
  onSubmit(page, async () => {
    const picked = tenant.value();
    if (!picked) {
      showProblems(summary, TITLE, { tenant }, [{ key: "tenant", message: "Select the council you want to work in" }]);
      return;
    }
    const previous = session()?.activeTenantId ?? null;
    chooseTenant(picked);
    if (previous && previous !== picked) {
      const name = me.memberships.find((m) => m.tenantId === picked)?.tenantName ?? picked;
      setFlash("success", `You are now working in ${name}`);
    }
    navigate(takeReturnTo() ?? "/workspace");
  });
  showPage(TITLE, twoThirds(summary, page));
}

import { type Kept, kept } from "../session";

/**
 * The tabs of one browser tell each other about the session, on a same-origin BroadcastChannel: a new
 * tab asks whether another is signed in (and gets its refresh token, which this tab then keeps too);
 * signing out in one tab signs out all of them; activity in one tab keeps the others from timing out.
 */
type Message =
  | { type: "who-is-signed-in" }
  | { type: "signed-in"; kept: Kept }
  | { type: "signed-out" }
  | { type: "active" };

const channel: BroadcastChannel | null = typeof BroadcastChannel === "function" ? new BroadcastChannel("tandem") : null;
const handlers: { signedOut: () => void; active: () => void } = { signedOut: () => {}, active: () => {} };

channel?.addEventListener("message", (event: MessageEvent<Message>) => {
  const message = event.data;
  if (message.type === "signed-out") handlers.signedOut();
  else if (message.type === "active") handlers.active();
  else if (message.type === "who-is-signed-in") {
    const mine = kept();
    if (mine) channel?.postMessage({ type: "signed-in", kept: mine } satisfies Message);
  }
});

export function onOtherTabSignedOut(handler: () => void): void {
  handlers.signedOut = handler;
}

export function onOtherTabActive(handler: () => void): void {
  handlers.active = handler;
}

export function tellOtherTabs(type: "signed-out" | "active"): void {
  channel?.postMessage({ type } satisfies Message);
}

/** Another tab's session, if one answers within `waitMs`. */
export function askOtherTabs(waitMs = 300): Promise<Kept | null> {
  const ch = channel;
  if (!ch) return Promise.resolve(null);
  return new Promise((resolve) => {
    const listen = (event: MessageEvent<Message>) => {
      if (event.data.type !== "signed-in") return;
      ch.removeEventListener("message", listen);
      clearTimeout(timer);
      resolve(event.data.kept);
    };
    const timer = setTimeout(() => {
      ch.removeEventListener("message", listen);
      resolve(null);
    }, waitMs);
    ch.addEventListener("message", listen);
    ch.postMessage({ type: "who-is-signed-in" } satisfies Message);
  });
}

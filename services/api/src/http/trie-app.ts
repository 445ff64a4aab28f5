import type { Env } from "hono";
import { HonoBase } from "hono/hono-base";
import { TrieRouter } from "hono/router/trie-router";

/**
 * A Hono app (or a router to mount on one) that routes with the trie router alone, not Hono's default
 * SmartRouter, which tries a RegExpRouter and hands over to the trie router when the routes are beyond it.
 * The whole API's routes are beyond it (a static route before a parameter sibling, such as
 * `/api/referrals/waiting-list` before `/api/referrals/:id`), so the local stack and every test route with
 * the trie router; built here, each Lambda function routes as the tests do, whatever its own routes, and its
 * bundle leaves out the other two routers (~4 KB each). OpenAPIHono's runtime (lambda/zod-openapi-runtime)
 * extends HonoBase with the same router.
 */
export function trieApp<E extends Env>(): HonoBase<E> {
  return new HonoBase<E>({ router: new TrieRouter() });
}

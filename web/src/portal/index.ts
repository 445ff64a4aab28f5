/** The volunteer's portal: its own chunk, loaded only by volunteers after sign-in. */
export { portalPage } from "./home";

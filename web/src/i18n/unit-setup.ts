/**
 * Unit tests draw pages and words without the router, which in the browser fetches the catalogue
 * before each page: here English is loaded once, up front, as the router would for an English page.
 */
import { loadCatalogue } from ".";

await loadCatalogue("en");

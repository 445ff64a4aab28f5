/** The application's first page, shared by the start page (entry chunk) and the form (its own chunk). */
export const FIRST_TOPIC = "your-details";

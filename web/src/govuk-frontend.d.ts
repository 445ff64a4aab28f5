/**
 * The part of govuk-frontend's JavaScript the SPA uses. The package ships no types for it, so they
 * are written here, from its v6 source (dist/govuk/init.mjs and the components).
 */
declare module "govuk-frontend" {
  interface ComponentClass<T> {
    new (root: Element, config?: never): T;
    moduleName: string;
  }

  export class Button {
    static moduleName: string;
    constructor(root: Element | null, config?: { preventDoubleClick?: boolean });
  }

  export class ErrorSummary {
    static moduleName: string;
    /** Takes focus at once unless `disableAutoFocus`. */
    constructor(root: Element | null, config?: { disableAutoFocus?: boolean });
  }

  export class SkipLink {
    static moduleName: string;
    constructor(root: Element | null);
  }

  /** Creates the component on each `[data-module="<its name>"]` in scope (the whole document by default). */
  export function createAll<T>(
    component: ComponentClass<T>,
    config?: undefined,
    scopeOrOptions?: Element | Document | { scope?: Element | Document },
  ): T[];
}

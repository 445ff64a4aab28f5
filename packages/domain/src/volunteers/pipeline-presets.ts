import type { RecruitmentPipeline } from "./pipeline-policy.js";

/**
 * A starting pipeline for each policy preset (`tenants/presets.ts`, by id), with the source lines it
 * is written from (shared/seeds: the document and its words). Where a source names no step or no
 * approver, the pipeline says so in `suggested`: it is Tandem's suggestion, for the council to check.
 *
 * Tandem's roles for the sources' job titles: a "Team Manager" and a "Service Manager" both hold the
 * manager role, and the pipeline asks for their sign-offs from two different people; a "Panel of
 * managers" are the panel members (managers who sit on the panel hold that role too).
 */
export interface PipelinePreset {
  presetId: string;
  pipeline: RecruitmentPipeline;
  /** The lines of the source the steps and sign-offs come from. */
  sources: readonly { document: string; quote: string }[];
  /** What the source does not say and Tandem suggests instead; empty when the source says it all. */
  suggested: readonly string[];
}

const C = ["coordinator"] as const;
const M = ["manager"] as const;

export const pipelinePresets: readonly PipelinePreset[] = [
  {
    presetId: "any-age-40-per-visit",
    pipeline: {
      steps: [
        { kind: "initial_visit", by: [...C] },
        { kind: "checks", by: [...C] },
        { kind: "checks_cleared", by: [...C] },
        { kind: "references", by: [...C] },
        { kind: "interview", by: [...C] },
        { kind: "assessment", by: [...C] },
        { kind: "panel", by: ["panel_member"] },
      ],
      signOffs: [{ title: "Service Manager", by: [...M] }],
    },
    sources: [
      {
        document: "001 Leicestershire procedure",
        quote: "Once an application is received a home visit will be arranged by the co-ordinator.",
      },
      {
        document: "001 Leicestershire procedure",
        quote: "On receipt of the completed form by the coordinator checks will be initiated",
      },
      {
        document: "001 Leicestershire procedure",
        quote: "Once all the checks have been completed a formal interview will take place",
      },
      {
        document: "001 Leicestershire procedure",
        quote: "Two personal references .Referees will be contacted by telephone to confirm the written reference.",
      },
      {
        document: "001 Leicestershire procedure",
        quote: "A Panel of managers will consider the assessment and recommendation.",
      },
      {
        document: "001 Leicestershire procedure",
        quote: "Thereafter, approval will be given by the Service Manager of the Fostering Service.",
      },
    ],
    suggested: [],
  },
  {
    presetId: "per-session-and-monthly-limits-trial-visits",
    pipeline: {
      steps: [
        { kind: "initial_visit", by: [...C] },
        { kind: "interview", by: [...C] },
        { kind: "checks", by: [...C] },
        { kind: "checks_cleared", by: [...C] },
        { kind: "references", by: [...C] },
        { kind: "assessment", by: [...C] },
      ],
      signOffs: [
        { title: "Team Manager", by: [...M] },
        { title: "Service Manager", by: [...M] },
      ],
    },
    sources: [
      {
        document: "003 Leicester City 'Being an Independent Visitor'",
        quote: "3. Initial visit and interview with prospective volunteer.",
      },
      {
        document: "003 Leicester City 'Being an Independent Visitor'",
        quote: "4. If proceeding, assessment commences – DBS, statutory checks and references completed.",
      },
      {
        document: "003 Leicester City 'Being an Independent Visitor'",
        quote: "5. Assessment completed, with the provision of police clearance and suitable references.",
      },
      {
        document: "003 Leicester City 'Being an Independent Visitor'",
        quote: "6. Assessment signed off by Team Manager and Service Manager.",
      },
    ],
    suggested: [],
  },
  {
    presetId: "from-5-care-leavers-to-25",
    pipeline: {
      steps: [
        { kind: "interview", by: [...C] },
        { kind: "checks", by: [...C] },
        { kind: "references", by: [...C] },
        { kind: "assessment", by: [...C] },
        { kind: "panel", by: ["panel_member"] },
      ],
      signOffs: [{ title: "Manager", by: [...M] }],
    },
    sources: [
      {
        document: "000 Leeds one-minute guide",
        quote:
          "safer recruitment practices including interviews, seeking a minimum of two references and conducting an enhanced",
      },
      {
        document: "000 Leeds one-minute guide",
        quote: "All information gathered on each applicant is presented to an approval panel",
      },
    ],
    suggested: [
      "The guide does not say who approves after the panel: Tandem suggests one manager's sign-off",
      "The order of interview, checks and references is Tandem's suggestion",
    ],
  },
  {
    presetId: "commissioned-charity-any-age",
    pipeline: {
      steps: [
        { kind: "checks", by: [...C] },
        { kind: "checks_cleared", by: [...C] },
        { kind: "assessment", by: [...C] },
        { kind: "training", by: [...C] },
      ],
      signOffs: [{ title: "Manager", by: [...M] }],
    },
    sources: [
      {
        document: "002 Redbridge one-minute guide",
        quote: "All volunteers undergo thorough vetting, assessment and training",
      },
    ],
    suggested: ["The guide names no approver: Tandem suggests one manager's sign-off"],
  },
  {
    presetId: "year-in-care-monthly-budget",
    pipeline: {
      steps: [
        { kind: "initial_visit", by: [...C] },
        { kind: "checks", by: [...C] },
        { kind: "interview", by: [...C] },
        { kind: "assessment", by: [...C] },
        { kind: "training", by: [...C] },
      ],
      signOffs: [{ title: "Manager", by: [...M] }],
    },
    sources: [
      {
        document: "004 Northamptonshire information for professionals",
        quote: "The Independent Visitor will go through a vigorous recruitment process, attend training",
      },
    ],
    suggested: [
      "The leaflet names no recruitment steps: the initial visit, checks, interview and assessment are Tandem's suggestion",
      "The leaflet names no approver: Tandem suggests one manager's sign-off",
    ],
  },
];

export function pipelinePresetFor(presetId: string): PipelinePreset | undefined {
  return pipelinePresets.find((p) => p.presetId === presetId);
}

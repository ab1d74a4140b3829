/**
 * Moderation QA's pure core: everything the add-in decides is decided here, deterministic given
 * its inputs, with no Office, React or DOM. `src/excel` only reads and writes.
 */
export * from './model';
export { normalizeKey } from './text/normalizeKey';
export { editDistance } from './text/editDistance';
export { FIELD_ALIASES } from './mapping/fieldAliases';
export {
  detectMapping,
  mapHeaderRow,
  type Mapping,
  type MappingResult,
  type FieldMatch,
} from './mapping/detectMapping';
export { parseVerdict, VERDICT_ALIASES } from './normalize/parseVerdict';
export { createPolicyIndex, type PolicyIndex } from './taxonomy/policyIndex';
export { parseDate, serialToMs, msToSerial } from './normalize/parseDate';
export { parseItemId, type ItemIdReading } from './normalize/parseItemId';
export { parseMarket, parseLanguage } from './normalize/marketAndLanguage';
export { DSA_CATEGORIES, type DsaCategory, type Policy, type Taxonomy } from './taxonomy/types';
export { defaultTaxonomy } from './taxonomy/defaultTaxonomy';
export { taxonomyToRows, rowsToTaxonomy, TAXONOMY_COLUMNS, type TaxonomyReading } from './taxonomy/taxonomyRows';
export { validateTaxonomy } from './taxonomy/validateTaxonomy';
export { FINDING_CODES, FINDING_SEVERITY, makeFinding, type Finding, type FindingCode } from './findings/finding';
export type { Decision } from './decisions/decision';
export { DecisionLot, RepeatedText, REPEATED_FIELDS, type RepeatedField } from './decisions/decisionLot';
export {
  createDecisionValidator,
  validateDecisions,
  type DecisionValidator,
  type DecisionValidatorOptions,
  type ValidationSummary,
} from './validation/createDecisionValidator';
export { validateInspectionRows, type InspectionColumns } from './validation/validateInspectionRows';
export { sampleKey } from './sampling/sampleKey';
export { allocate, type StratumAllocation, type AllocateOptions } from './sampling/allocate';
export {
  drawSample,
  drawFromEligible,
  selectEligible,
  SAMPLING_METHODS,
  type SamplingMethod,
  type SampleOptions,
  type SampleFilters,
  type SampleResult,
  type SampledItem,
} from './sampling/drawSample';
export { cochranSampleSize, type CochranOptions } from './sampling/cochranSampleSize';
export {
  AQLS,
  CODE_LETTERS,
  INSPECTIONS,
  INSPECTION_LEVELS,
  type Aql,
  type CodeLetter,
  type Inspection,
  type InspectionLevel,
} from './iso2859/planTables';
export {
  samplingPlan,
  planForLetter,
  codeLetter,
  type SamplingPlan,
  type SamplingPlanOptions,
} from './iso2859/samplingPlan';
export {
  nextSwitchingStatus,
  switchingStateAfter,
  switchingStatusAfter,
  inspectionFor,
  INITIAL_SWITCHING,
  SWITCHING_RULES,
  type SwitchingState,
  type SwitchingStatus,
  type SwitchingRule,
} from './iso2859/switching';
export { normalQuantile } from './stats/normalQuantile';
export { wilsonInterval, clopperPearsonInterval } from './stats/intervals';
export { cohenKappa, gwetAC1, krippendorffAlpha } from './stats/agreement';
export { classifyOutcome, type VerdictAndPolicy } from './stats/classifyOutcome';
export {
  summarizeInspection,
  breakdown,
  verdictConfusion,
  policyConfusion,
  type InspectedItem,
  type InspectionSummary,
  type Rate,
} from './stats/summarizeInspection';
export { generateDecisions, type GenerateDecisionsOptions } from './demo/generateDecisions';
export {
  fleissKappaOf,
  gwetAC1Of,
  krippendorffAlphaOf,
  bootstrapIntervals,
  seededRandom,
  countsOfRatings,
  type RatingCounts,
  type BootstrapOptions,
} from './stats/multiRater';
export {
  agreementReport,
  raterAccuracy,
  referenceVerdicts,
  judgmentLabel,
  type Judgment,
  type Coefficient,
  type Disagreement,
  type AgreementReport,
  type AgreementOptions,
  type RaterAccuracy,
} from './stats/agreementReport';

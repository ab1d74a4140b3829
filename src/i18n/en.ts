/** English UI messages: the source of every message key. `{name}` marks a parameter. */
export const en = {
  'app.title': 'Moderation QA',
  'app.language': 'Language',
  'app.language.en': 'English',
  'app.language.ja': '日本語',
  'nav.label': 'Inspection steps',
  'page.map': 'Map',
  'page.validate': 'Validate',
  'page.sample': 'Sample',
  'page.inspect': 'Inspect',
  'page.report': 'Report',
  'empty.map.title': 'Map your decisions sheet',
  'empty.map.body':
    'Moderation QA finds the header row of the active sheet (English or Japanese headers) and matches its columns to ' +
    'item ID, moderator, verdict, policy and the rest. You confirm the mapping; your sheet is never changed.',
  'empty.validate.title': 'Check every verdict',
  'empty.validate.body':
    'Every row is checked against the policy taxonomy: unknown or deprecated policies, verdicts a policy does not ' +
    'allow, duplicates, dates and IDs. Each finding names its cell and the fix; clicking one selects the cell.',
  'empty.sample.title': 'Draw a sample for re-review',
  'empty.sample.body':
    'Choose simple, stratified, per-moderator or risk-weighted sampling and a size (fixed, percent, ISO 2859-1 or ' +
    'Cochran). The same seed always draws the same items, and a preview shows the allocation before anything is ' +
    'written.',
  'empty.inspect.title': 'Inspect one item at a time',
  'empty.inspect.body':
    'Review each sampled decision, give your verdict and policy with the keyboard, add a comment or escalate, and ' +
    'move to the next pending item. Your input is saved in the inspection sheet as you go.',
  'empty.report.title': 'Report quality',
  'empty.report.body':
    'Build a report sheet with accuracy and its confidence interval, error rates, agreement, the ISO 2859-1 accept ' +
    'or reject decision, pivot tables by moderator, policy and market, and the escalations. Refresh it as inspection ' +
    'goes on.',
  'empty.notYet': 'This step needs a workbook with a decisions sheet. Open one, then start here.',
  'command.openPane.label': 'Inspection pane',
  'command.openPane.tooltip': 'Open the Moderation QA pane to map, validate, sample, inspect and report.',
  'command.validate.label': 'Validate',
  'command.validate.tooltip': 'Check every decision against the policy taxonomy and list the findings.',
  'command.newSample.label': 'New sample',
  'command.newSample.tooltip': 'Draw a reproducible sample of decisions into a new inspection sheet.',
  'command.refreshReport.label': 'Refresh report',
  'command.refreshReport.tooltip': 'Rebuild the quality report of the current batch with the latest inspections.',
  'command.nextItem.label': 'Next item',
  'command.nextItem.tooltip': 'Go to the next item that has not been inspected yet.',
  'command.shortcut': 'Shortcut: {keys}',
  'group.label': 'Quality inspection',
  'tab.label': 'Moderation QA',
  'addin.description':
    'Quality inspection for content moderation: validate decisions, draw statistically sound samples and report ' +
    'quality in Excel.',
  'flow.error.noSheet': 'There is no sheet named "{sheet}". Open the decisions sheet, or pick it on the Map page.',
  'flow.error.emptySheet': 'The sheet "{sheet}" is empty. Paste or import the moderators\' decisions first.',
  'flow.error.noHeader':
    'No header row was found in the first 30 rows of "{sheet}". Add a row of column names (for example Item ID, ' +
    'Moderator, Verdict, Policy).',
  'flow.error.missingColumn':
    'The required column "{field}" was not found in the header row ({cell}). Add it, or map it by hand on the Map ' +
    'page.',
  'flow.error.invalidTaxonomy':
    'The QA Taxonomy sheet has {count} problem(s), first at {cell}: {message} Fix the taxonomy, then run again.',
  'flow.error.batchExists':
    'A batch named "{batch}" already exists. Choose another batch name; existing batches are never overwritten.',
  'flow.error.batchName': 'The batch name "{batch}" cannot be used: use 1 to 21 letters, digits, spaces, "-" or "_".',
  'flow.error.noBatch': 'There is no inspection sheet "{sheet}". Draw a sample first on the Sample page.',
  'flow.error.protected': 'The sheet "{sheet}" is protected. Unprotect it (Review › Unprotect Sheet) and run again.',
  'flow.error.cancelled': 'Cancelled. Nothing was written; run it again when you are ready.',
  'flow.error.emptySample':
    'No decision is left to sample after the filters and earlier batches. Widen the filters, or include items ' +
    'sampled before.',
  'flow.error.excel':
    'Excel could not finish ({code}). Nothing was lost; run it again. If it happens again, save the workbook and ' +
    'reopen it.',
  'report.title': 'Quality report — batch {batch}',
  'report.lotSize': 'Lot size (items)',
  'report.sampleSize': 'Sample size',
  'report.inspected': 'Inspected (QA verdict given)',
  'report.accuracy': 'Accuracy (% of inspected)',
  'report.interval': '95% interval of accuracy (Wilson)',
  'report.overEnforcement': 'Over-enforcement (% of inspected)',
  'report.underEnforcement': 'Under-enforcement (% of inspected)',
  'report.wrongPolicy': 'Wrong policy (% of inspected)',
  'report.wrongAction': 'Wrong action (% of inspected)',
  'report.kappa': "Cohen's kappa, verdict only (moderator vs QA)",
  'report.plan': 'ISO 2859-1 plan',
  'report.planValue': 'level {level}, AQL {aql}: code {letter}, n = {n}, accept ≤ {ac}, reject ≥ {re}',
  'report.decision': 'Lot decision',
  'report.decision.accept': 'Accept',
  'report.decision.reject': 'Reject',
  'report.decision.undecided': 'Not decided yet ({defects} defects so far)',
  'report.weightedAccuracy': 'Weighted accuracy (estimate for the lot, % of inspected)',
  'report.byModerator': "Outcome by moderator (% of the row's inspected items; pending not shown)",
  'report.byPolicy': "Outcome by policy (% of the row's inspected items; pending not shown)",
  'report.byMarket': "Outcome by market (% of the row's inspected items; pending not shown)",
  'report.errorTypes': 'Errors by type',
  'report.escalations': 'Escalations',
  'report.noEscalations': 'No item was escalated.',
  'report.crossBatch': 'Accuracy per moderator across batches',
  'report.switching': 'ISO 2859-1 state',
  'outcome.correct': 'correct',
  'outcome.over_enforcement': 'over-enforcement',
  'outcome.under_enforcement': 'under-enforcement',
  'outcome.wrong_policy': 'wrong policy',
  'outcome.wrong_action': 'wrong action',
  'outcome.pending': 'pending',
  'cli.description':
    'Moderation QA on .xlsx and .csv files: validate decisions, draw samples, build reports and print ISO 2859-1 ' +
    'plans.',
  'cli.validate': 'check every decision against the policy taxonomy and list the findings',
  'cli.sample': 'draw a reproducible sample into a new inspection sheet',
  'cli.report': 'build or refresh the quality report of a batch',
  'cli.plan': 'print the ISO 2859-1 single sampling plan for a lot',
  'cli.opt.out': 'write the resulting workbook to this .xlsx file',
  'cli.opt.json': 'print machine-readable JSON on standard output',
  'cli.opt.lang': 'language of messages and report labels (en or ja)',
  'cli.opt.strict': 'exit with 1 when there are findings',
  'cli.opt.sheet': "the decisions sheet (default: the first sheet that is not the add-in's)",
  'cli.opt.batch': 'batch name (1–21 letters, digits, spaces, - or _)',
  'cli.opt.method': 'simple, stratified_proportional, stratified_neyman, moderator_quota or risk_weighted',
  'cli.opt.n': 'sample size',
  'cli.opt.percent': 'sample size as a percent of the lot',
  'cli.opt.level': 'ISO 2859-1 inspection level: S-1 … S-4, I, II, III',
  'cli.opt.aql': 'acceptable quality limit in percent: 0.065 … 10',
  'cli.opt.seed': 'seed of the draw (the same seed draws the same items)',
  'cli.opt.strata': 'fields defining strata, comma-separated (e.g. market,language)',
  'cli.opt.quota': 'items per moderator (moderator_quota)',
  'cli.opt.lot': 'lot size',
  'cli.error.usage': '{message} Run with --help for the options.',
  'cli.done.validate': '{rows} decisions checked in "{sheet}": {findings} finding(s).',
  'cli.done.sample': 'Batch {batch}: {n} of {lot} items sampled into "{sheet}".',
  'cli.done.report': 'Report "{sheet}": {inspected} of {n} inspected, accuracy {accuracy}.',
  'cli.done.plan':
    'Lot {lot}, level {level}, AQL {aql}: code letter {letter}, inspect {n}, accept with ≤ {ac} defects, reject with ' +
    '≥ {re}.',
  'cli.done.planAll':
    'Lot {lot}, level {level}, AQL {aql}: code letter {letter}; the plan reaches the lot size, so inspect all {n} ' +
    'items (accept with ≤ {ac} defects).',
  'cli.wrote': 'Wrote {file}.',
  'cli.progress': 'Reading decisions',
  'flow.error.reservedSheet':
    'The sheet "{sheet}" has a name the add-in uses for its own sheets, so it cannot be the decisions sheet. ' +
    'Rename it (for example "Decisions") and run again.',
  'ui.cancel': 'Cancel',
  'ui.dismiss': 'Dismiss',
  'ui.progress': '{done} of {total}',
  'ui.working': 'Working…',
  'ui.errorTitle': 'Could not finish',
  'ui.unexpected': 'Something went wrong ({detail}). Nothing was lost; run it again.',
  'ui.done': 'Done',
  'field.item_id': 'Item ID',
  'field.moderator': 'Moderator',
  'field.verdict': 'Verdict',
  'field.policy': 'Policy',
  'field.decided_at': 'Decided at',
  'field.market': 'Market',
  'field.language': 'Language',
  'field.queue': 'Queue',
  'field.url': 'Link',
  'field.notes': 'Notes',
  'verdict.approve': 'Approve',
  'verdict.remove': 'Remove',
  'verdict.age_restrict': 'Age-restrict',
  'verdict.fyf_ineligible': 'Not for feed',
  'verdict.escalate': 'Escalate',
  'severity.error': 'Errors',
  'severity.warning': 'Warnings',
  'severity.info': 'Notes',
  'severity.all': 'All',
  'map.sheet': 'Decisions sheet: {sheet} (header in row {row})',
  'map.detect': 'Detect on the active sheet',
  'map.confirm': 'Confirm mapping',
  'map.confirmed': 'Mapping confirmed and kept in the QA Settings sheet. Every step uses it.',
  'map.fromSettings': 'This mapping was confirmed earlier (QA Settings).',
  'map.column': 'Column',
  'map.field': 'Field',
  'map.confidence': 'Match',
  'map.none': '(not in this sheet)',
  'map.exact': 'exact',
  'map.near': 'near ({percent}%)',
  'map.manual': 'set by hand',
  'map.missing': 'Required fields without a column: {fields}. Pick their columns below.',
  'map.unmapped': 'Columns not used: {columns}',
  'map.warn.sameColumn':
    'Column {column} is mapped to {fields}. A column holds one field: pick another column for all but one of them.',
  'map.warn.noVerdicts':
    'The verdict column {column} has no verdict Moderation QA recognizes in its first {rows} rows (it holds, for ' +
    'example: {values}). Pick the column that holds verdicts such as {examples}.',
  'map.warn.emptyVerdicts':
    'The verdict column {column} is empty in its first {rows} rows. Pick the column that holds the verdicts.',
  'map.preview': 'Preview of the first rows',
  'map.required': 'required',
  'validate.run': 'Validate',
  'validate.again': 'Validate again',
  'validate.checked': '{rows} decisions checked in "{sheet}": {findings} finding(s).',
  'validate.clean': 'No findings: every decision matches the taxonomy.',
  'validate.byRule': 'Findings by rule',
  'validate.rule': 'Rule',
  'validate.count': 'Count',
  'validate.filter': 'Show',
  'validate.list': 'Findings',
  'validate.shown': 'Showing the first {shown} of {total}; all are in the QA Findings sheet.',
  'validate.select': 'Select {cell}',
  'validate.suggestion': 'Suggested: {value}',
  'validate.noMatch': 'No findings match the rule "{rule}" and the severity "{severity}".',
  'validate.clearFilters': 'Clear filters',
  'validate.position': 'Finding {n} of {total}: {cell}',
  'validate.previousFinding': 'Previous finding',
  'validate.nextFinding': 'Next finding',
  'validate.showing': 'Showing {rule} · {severity}',
  'validate.allRules': 'all rules',
  'sample.batch': 'Batch name',
  'sample.batchHint':
    'Up to 21 characters, in any language (not : \\ / ? * [ ]). The inspection sheet will be "QA {batch}".',
  'sample.method': 'Method',
  'sample.method.simple': 'Simple random',
  'sample.method.simple.help': 'Every eligible decision has the same chance.',
  'sample.method.stratified_proportional': 'Stratified, proportional',
  'sample.method.stratified_proportional.help': 'Each stratum gets items in proportion to its size.',
  'sample.method.stratified_neyman': 'Stratified, Neyman',
  'sample.method.stratified_neyman.help':
    'More items where errors are expected to vary most (expected error rate per stratum).',
  'sample.method.moderator_quota': 'Per-moderator quota',
  'sample.method.moderator_quota.help': 'k items from each moderator (all of theirs if fewer).',
  'sample.method.risk_weighted': 'Risk-weighted',
  'sample.method.risk_weighted.help': 'Severe policies are drawn more often; weights keep estimates unbiased.',
  'sample.size': 'Sample size',
  'sample.size.fixed': 'Fixed number',
  'sample.size.percent': 'Percent of the lot',
  'sample.size.iso2859': 'ISO 2859-1 plan',
  'sample.size.cochran': 'Cochran (confidence and margin)',
  'sample.n': 'Items',
  'sample.percent': 'Percent',
  'sample.level': 'Inspection level',
  'sample.aql': 'AQL (%)',
  'sample.inspection': 'Inspection',
  'sample.inspection.normal': 'Normal',
  'sample.inspection.tightened': 'Tightened',
  'sample.inspection.reduced': 'Reduced',
  'sample.confidence': 'Confidence (%)',
  'sample.margin': 'Margin (%)',
  'sample.expectedRate': 'Expected error rate (%)',
  'sample.expectedRateHint':
    "The share of wrong decisions you expect (the last batches' rate; 5% if unknown). The sample is sized for it; " +
    '50% gives the largest, worst-case size.',
  'sample.strata': 'Strata',
  'sample.minimum': 'Minimum per stratum',
  'sample.quota': 'Items per moderator',
  'sample.filters': 'Filters',
  'sample.markets': 'Markets (comma-separated, empty for all)',
  'sample.queues': 'Queues (comma-separated, empty for all)',
  'sample.from': 'Decided from',
  'sample.to': 'Decided to',
  'sample.verdicts': 'Verdicts (none checked: all)',
  'sample.includeEarlier': 'Include items drawn by earlier batches',
  'sample.seed': 'Seed',
  'sample.seedHint': 'The same seed draws the same items from the same lot; it is recorded in QA Batches.',
  'sample.newSeed': 'New seed',
  'sample.preview': 'Preview allocation',
  'sample.draw': 'Draw sample',
  'sample.previewTitle': '{n} of {lot} eligible items ({excluded} left out as drawn earlier)',
  'sample.plan': 'Plan: code letter {letter}, n = {n}, accept ≤ {ac}, reject ≥ {re}',
  'sample.planAll': 'Plan: code letter {letter} reaches the lot size: inspect all {n}.',
  'sample.stratum': 'Stratum',
  'sample.population': 'Items',
  'sample.allocated': 'Sample',
  'sample.drawn': 'Batch {batch}: {n} of {lot} items sampled into "{sheet}".',
  'sample.inspectNow': 'Inspect now',
  'sample.invalidNumber': '"{field}" must be a number from {min} to {max}.',
  'sample.invalidDate': '"{field}" must be a date such as 2026-11-24.',
  'sample.needStrata': 'Pick at least one field to stratify by.',
  'inspect.batch': 'Batch',
  'inspect.noBatches': 'No batch yet. Draw a sample on the Sample page first.',
  'inspect.progress': '{done} / {total} inspected',
  'inspect.allDoneAwaiting':
    'Nothing is left to inspect in this batch; {awaiting} escalated item(s) await a decision and count as not ' +
    'inspected until then. Build the report on the Report page.',
  'inspect.allDone': 'Every item of this batch is inspected. Build the report on the Report page.',
  'inspect.item': 'Item {id} (row {row} of the inspection sheet)',
  'inspect.original': "Moderator's decision",
  'inspect.noPolicy': 'no policy',
  'inspect.severe':
    'High-severity policy (level {severity}): the content may be distressing. Open the link only when you are ready.',
  'inspect.openLink': 'Open the video in a browser window',
  'inspect.notOpenable': 'This link is not http or https, so it is shown as text only:',
  'inspect.yourVerdict': 'Your verdict (keys 1–5)',
  'inspect.yourPolicy': 'Your policy (P to search by code or name)',
  'inspect.comment': 'Comment',
  'inspect.escalate': 'Escalate this item',
  'inspect.save': 'Save and next',
  'inspect.skip': 'Skip',
  'inspect.saved': 'Saved: {outcome}.',
  'inspect.needVerdict': 'Choose a verdict first (keys 1–5).',
  'inspect.needPolicy': 'This verdict needs a policy: pick one from the list.',
  'inspect.inspector': 'Inspector',
  'inspect.needInspector': 'Enter your name as inspector: it is written beside each decision.',
  'inspect.breaks': 'Break reminders',
  'inspect.breakMinutes': 'Remind after minutes',
  'inspect.breakSevere': 'Remind after severe items',
  'inspect.breakNow': 'Time for a short break: step away from the screen for a few minutes.',
  'inspect.refreshed': '{count} outcome(s) recomputed after edits in the sheet.',
  'report.build': 'Build report',
  'report.refresh': 'Refresh report',
  'report.built': 'Report "{sheet}" is up to date.',
  'report.goTo': 'Go to the report sheet',
  'report.figures': 'Key figures',
  'report.notInspected': 'Nothing inspected yet.',
  'report.percentWithInterval': '{value} ({low} – {high})',
  'wb.title': 'Moderation QA workbench',
  'wb.toolbar': 'Commands',
  'wb.open': 'Open…',
  'wb.save': 'Save .xlsx',
  'wb.demo': 'New demo sheet',
  'wb.sheets': 'Sheets',
  'wb.grid': 'Cells of {sheet}',
  'wb.address': 'Selected cell',
  'wb.drop': 'Drop an .xlsx or .csv file to open it',
  'wb.opened': 'Opened {file}.',
  'wb.openFailed': 'Could not open {file}: {reason}. Choose an .xlsx or .csv file.',
  'wb.saved': 'Saved {file}.',
  'wb.edit': 'Edit cell {cell}',
  'wb.protected': 'The sheet "{sheet}" is protected: unprotect it to edit.',
  'wb.pane': 'Task pane',
  'wb.formula': 'Formula bar',
  'wb.reason.xls': 'the old .xls format is not supported (save it as .xlsx in Excel first)',
  'wb.reason.type': 'it is not an .xlsx or .csv file',
  'wb.reason.unreadable': 'it could not be read as a workbook (damaged, or not what its name says)',
  'wb.unsaved': 'Unsaved changes',
  'wb.discard.title': 'Discard unsaved changes?',
  'wb.discard.body':
    '{file} has changes that are not saved. Save .xlsx keeps them; otherwise they are lost when another workbook ' +
    'opens.',
  'wb.discard.save': 'Save .xlsx first',
  'wb.discard.confirm': 'Discard changes',
  'wb.restore.title': 'Restore unsaved workbook?',
  'wb.restore.body': 'Restore unsaved workbook {file} from {time}?',
  'wb.restore.confirm': 'Restore',
  'wb.restore.discard': 'Discard',
  'wb.restored': 'Restored {file} from {time}. It is not saved yet: Save .xlsx to keep it.',
  'wb.restoreFailed': 'The unsaved workbook from {time} could not be read back, so the demo sheet is open instead.',
  'trend.title': 'Trends across {batches} batch(es)',
  'trend.note':
    'Each point has its 95% Wilson interval. A slip: a later batch whose interval lies wholly below an earlier one.',
  'trend.switching': 'ISO 2859-1 switching state per moderator',
  'trend.flags': 'Slips beyond the intervals',
  'trend.noFlags': 'No moderator, policy or market fell by more than its interval allows.',
  'trend.points': 'Accuracy per batch',
  'trend.slipped': 'slip',
  'trend.reducedEligible': '10 lots accepted in a row: reduced inspection once the lead confirms',
  'trend.col.moderator': 'Moderator',
  'trend.col.lots': 'Lots (✓ accepted, ✗ not accepted)',
  'trend.col.state': 'State',
  'trend.col.rule': 'Rule that moved it',
  'trend.col.movedAt': 'Since batch',
  'trend.col.next': 'Next batch',
  'trend.col.dimension': 'By',
  'trend.col.group': 'Group',
  'trend.col.fromBatch': 'From batch',
  'trend.col.fromAccuracy': 'Accuracy (interval)',
  'trend.col.toBatch': 'To batch',
  'trend.col.toAccuracy': 'Accuracy then (interval)',
  'trend.col.batch': 'Batch',
  'trend.col.createdAt': 'Drawn at',
  'trend.col.inspected': 'Inspected',
  'trend.col.correct': 'Correct',
  'trend.col.low': 'Low (95%)',
  'trend.col.high': 'High (95%)',
  'trend.col.flag': 'Flag',
  'trend.dimension.moderator': 'Moderator',
  'trend.dimension.policy': 'Policy',
  'trend.dimension.market': 'Market',
  'trend.state.normal': 'normal',
  'trend.state.tightened': 'tightened',
  'trend.state.reduced': 'reduced',
  'trend.state.discontinued': 'discontinued (stop and correct, then resume on tightened)',
  'trend.rule.normalToTightened': '2 of 5 or fewer consecutive lots not accepted',
  'trend.rule.tightenedToNormal': '5 consecutive lots accepted on tightened',
  'trend.rule.normalToReduced': '10 lots accepted in a row, confirmed by the lead',
  'trend.rule.reducedToNormal': 'a lot not accepted on reduced',
  'trend.rule.discontinue': '5 lots not accepted while on tightened',
  'trend.chart.moderator': 'Accuracy per moderator by batch',
  'trend.chart.policy': 'Accuracy per policy by batch',
  'trend.build': 'Build trends',
  'trend.built': 'Trends written to "{sheet}" over {batches} batch(es).',
  'trend.flagged': '{group} ({dimension}): {from} → {to}, from {fromBatch} to {toBatch}',
  'trend.noBatches': 'Trends need at least one inspected batch. Draw and inspect a sample first.',
  'trend.moderatorState': '{moderator}: {state} — {rule}',
  'trend.next': 'The next batch should use {inspection} inspection (AQL {aql}).',
  'page.trends': 'Trends',
  'empty.trends.title': 'Trends, coaching and disputes',
  'empty.trends.body':
    'See accuracy per moderator, policy and market across every batch with its interval, who is slipping, and each ' +
    "moderator's ISO 2859-1 switching state; write coaching sheets and settle disputed verdicts.",
  'command.showTrends.label': 'Trends',
  'command.showTrends.tooltip': 'Accuracy across batches, slips, switching states, coaching sheets and disputes.',
  'sample.advice':
    'Trends: {moderators} on {inspection} inspection ({rule}). The next batch should use {inspection} inspection.',
  'sample.useAdvice': 'Use the {inspection} plan',
  'reason.label': 'Why was it wrong?',
  'reason.none': 'Choose a reason',
  'reason.needed': 'Give a reason for this error so the report and coaching can use it.',
  'report.byReason': 'Errors by reason',
  'report.reasonByPolicy': 'Errors by reason and policy',
  'report.noReason': '(no reason given)',
  'report.disputed': 'Disputed verdicts',
  'report.overturned': 'Overturned (outcome now correct)',
  'report.recut': 'Cut by {field}',
  'report.filters': 'Use the filter fields (queue, language, inspector, week, reason) to re-cut the pivots.',
  'dispute.title': 'Disputes',
  'dispute.item': 'Item ID',
  'dispute.by': 'Contested by',
  'dispute.comment': 'Why the verdict is contested',
  'dispute.file': 'Record dispute',
  'dispute.filed': 'Dispute recorded for item {item}.',
  'dispute.settleBy': 'Settled by (lead)',
  'dispute.upheld': 'Uphold QA verdict',
  'dispute.overturned': 'Overturn QA verdict',
  'dispute.settled': 'Item {item}: {settlement}. Outcome is now {outcome}.',
  'dispute.settlement.upheld': 'upheld',
  'dispute.settlement.overturned': 'overturned',
  'dispute.error.noItem':
    'There is no item "{item}" in "{sheet}". Check the item ID in column A of the inspection sheet.',
  'dispute.error.notInspected': 'Item {item} has no QA verdict yet, so there is nothing to dispute. Inspect it first.',
  'dispute.error.notDisputed': 'Item {item} is not disputed. Record the dispute first, then settle it.',
  'dispute.error.noName': 'Enter who contests or settles the verdict.',
  'coach.title': 'Coaching sheets',
  'coach.moderator': 'Moderator',
  'coach.all': 'All moderators (one sheet each)',
  'coach.batch': 'Batch to coach on',
  'coach.allBatches': 'Every batch',
  'coach.from': 'From (drawn on or after)',
  'coach.to': 'To (drawn on or before)',
  'coach.write': 'Write coaching sheet',
  'coach.written': '{count} coaching sheet(s) written: {sheets}.',
  'coach.download': 'Download {sheet} as .xlsx',
  'coach.sheetTitle': 'Coaching — {moderator} — {scope}',
  'coach.scopeAll': 'every batch',
  'coach.errors': '{errors} error(s) in {inspected} inspected item(s)',
  'coach.noErrors': 'No error in this period. Well done.',
  'coach.col.batch': 'Batch',
  'coach.col.item': 'Item',
  'coach.col.link': 'Link',
  'coach.col.verdict': 'Your verdict',
  'coach.col.policy': 'Your policy',
  'coach.col.qaVerdict': 'QA verdict',
  'coach.col.qaPolicy': 'QA policy',
  'coach.col.outcome': 'Outcome',
  'coach.col.reason': 'Reason',
  'coach.col.comment': "Inspector's comment",
  'coach.col.dispute': 'Dispute',
  'coach.error.noModerator':
    'No inspected item of moderator "{moderator}" was found in the chosen batches. Check the name as written in ' +
    'the moderator column.',
  'cli.trend':
    'Accuracy per moderator, policy and market across every batch, slips and ISO 2859-1 switching states (writes QA ' +
    'Trends)',
  'cli.coach': "Coaching sheets: one moderator's errors (or every moderator's), each as its own .xlsx",
  'cli.opt.moderator': 'the moderator (omit for every moderator)',
  'cli.opt.from': 'first day (YYYY-MM-DD) of the batches to include',
  'cli.opt.to': 'last day (YYYY-MM-DD) of the batches to include',
  'cli.opt.coachOut': 'the .xlsx to write (one moderator) or a folder (one file per moderator)',
  'cli.done.trend': '{sheet}: {batches} batch(es), {flagged} slip(s) flagged; next batch: {inspection} inspection.',
  'cli.done.coach': 'Wrote {file} ({errors} error(s) of {moderator}).',
  'dispute.batch': 'Batch of the disputed item',
  'report.pending': 'Pending (no QA verdict yet or escalated without a decision)',
  'report.escalated': 'Escalated (verdict Escalate or the escalate box; decided or not)',
  'report.accuracyWeightedHeadline': 'Accuracy, weighted for the lot (% of inspected; weights differ)',
  'report.weightedInterval': '95% interval of the weighted accuracy',
  'report.accuracyUnweighted': 'Accuracy of the sample, unweighted (% of inspected)',
  'report.kappaWithPolicy': "Cohen's kappa, verdict and policy (moderator vs QA)",
  'report.weightedMethod': 'Weighted estimate: method',
  'report.weightedMethodValue':
    'Hájek estimate; variance by Taylor linearization within strata; Wilson interval on the effective sample size',
  'report.fingerprint': 'Built from inspection state',
  'report.percentOfInspected': '% of inspected',
  'report.awaitingDecision': 'Escalated, no decision yet',
  'report.status.stale': 'The inspection sheet changed after this report was built: refresh it.',
  'report.status.current': 'The report is up to date with the inspection sheet.',
  'inspect.escalationHelp':
    'Escalate = the verdict “Escalate” (you cannot decide: the item stays pending) or the box (you decided and also ' +
    'flag it). Both count once as escalated, here and in the report.',
  'inspect.progressEscalated': '{done} / {total} inspected · {escalated} escalated ({awaiting} awaiting a decision)',
  'cli.opt.help': 'show help for a command',
  'cli.opt.inPlace': 'allow --out to be the input file itself (written beside it, checked, then swapped in)',
  'cli.opt.map': 'map fields to header names or column letters, e.g. verdict=判定,item_id=投稿ID',
  'cli.opt.limit': 'findings to print as a table (0: none; --json prints all)',
  'cli.help.usage': 'Usage:',
  'cli.help.options': 'Options:',
  'cli.help.commands': 'Commands:',
  'cli.help.arguments': 'Arguments:',
  'cli.help.globalOptions': 'Global Options:',
  'cli.help.optionsWord': '[options]',
  'cli.help.commandWord': '[command]',
  'cli.help.file': 'the decisions: an .xlsx or .csv file',
  'cli.usage.unknownOption': 'Unknown option ({detail}).',
  'cli.usage.unknownCommand': 'Unknown command ({detail}).',
  'cli.usage.missingArgument': 'A file is missing ({detail}).',
  'cli.usage.missingOption': 'A required option is missing ({detail}).',
  'cli.usage.optionMissingArgument': 'An option is missing its value ({detail}).',
  'cli.usage.invalidArgument': 'An option has a value it does not accept ({detail}).',
  'cli.usage.excessArguments': 'Too many arguments ({detail}).',
  'cli.reason.ENOENT': 'there is no such file or folder',
  'cli.reason.EACCES': 'permission denied',
  'cli.reason.EISDIR': 'it is a folder, not a file',
  'cli.reason.ENOSPC': 'the disk is full',
  'cli.reason.EROFS': 'the disk is read-only',
  'cli.reason.EBUSY': 'the file is in use (open in Excel?)',
  'cli.reason.other': 'the system refused ({code})',
  'cli.error.read': 'Cannot read "{file}": {reason}. Check the path, and that you may read the file.',
  'cli.error.write':
    'Cannot write "{file}": {reason}. Nothing was saved; choose another --out, or fix the folder\'s permissions.',
  'cli.error.verify':
    'The file written for "{file}" did not read back with the sheet "{sheet}", so your file was left as it was. ' +
    'Save to another --out and report this.',
  'cli.error.outCsv':
    '--out "{file}" is a CSV name, but the result is a workbook with several sheets. Give an .xlsx name.',
  'cli.error.outType': '--out "{file}" must end in .xlsx.',
  'cli.error.outIsInput':
    '--out "{file}" is the input file itself. Give another file name, or add --in-place to replace the input (it ' +
    'is written beside, checked, then swapped in).',
  'cli.error.noSheet': 'There is no sheet "{sheet}" in the file. Sheets: {sheets}.',
  'cli.error.noBatch': 'There is no batch "{batch}" in this workbook. Batches: {batches}. Draw one with sample first.',
  'cli.error.unexpected':
    'Moderation QA hit an internal error ({message}). Nothing was saved. Please report it with the command you ran.',
  'cli.error.lotValue': '--lot must be a whole number of at least 2 (got "{value}").',
  'cli.error.limitValue': '--limit must be a whole number of 0 or more (got "{value}").',
  'cli.error.nValue': '--n must be a whole number above 0 (got "{value}").',
  'cli.error.percentValue': '--percent must be above 0 and at most 100 (got "{value}").',
  'cli.error.quotaValue': '--quota must be a whole number above 0 (got "{value}").',
  'cli.error.quotaNeeded':
    '--method moderator_quota needs --quota: how many items to draw per moderator (e.g. --quota 5).',
  'cli.error.levelWithoutAql':
    '--level {level} needs --aql: an ISO 2859-1 plan is chosen by level and AQL together (e.g. --level II --aql 1.5).',
  'cli.error.conflict': '{a} and {b} cannot be used together: {why}',
  'cli.why.oneSize': 'give one sample size (--n, --percent, or --level with --aql).',
  'cli.why.quotaSize': 'moderator_quota draws --quota items per moderator; the sample size follows from it.',
  'cli.why.quotaMethod': '--quota only applies to --method moderator_quota.',
  'cli.why.strataMethod': 'strata only apply to --method stratified_proportional or stratified_neyman.',
  'cli.error.strataField':
    '"{field}" is not a field that can define strata. Use one or more of: {fields} (comma-separated).',
  'cli.error.mapSyntax':
    '--map expects field=column pairs separated by commas; "{pair}" is not one (e.g. --map ' +
    'verdict=判定,item_id=投稿ID).',
  'cli.error.mapField': '--map: "{field}" is not a field. Fields: {fields}.',
  'cli.error.mapHeader': '--map: no column "{column}" (for {field}) in the header row. Headers: {headers}.',
  'cli.note.defaultLevel': "No --level given: used inspection level II, the standard's general level.",
  'cli.note.defaultN': 'No sample size given: drew 50 (set it with --n, --percent, or --level with --aql).',
  'cli.note.planUsed':
    'Plan used: ISO 2859-1 single sampling, normal inspection, level {level}, AQL {aql}: code letter {letter}, ' +
    'inspect {n}, accept with ≤ {ac} defects, reject with ≥ {re}.',
  'cli.note.leftOut':
    '{count} row(s) failed required checks (no item ID, moderator or known verdict, a totals or repeated header row, ' +
    'a ragged line) and were left out of the lot; validate lists them.',
  'cli.notSaved':
    'Nothing was saved: "{sheet}" exists only in this run. Add --out FILE.xlsx to save the workbook with it (the ' +
    'input is never written over).',
  'cli.kind.empty': '"{file}" is empty (0 bytes). Export the decisions again.',
  'cli.kind.encrypted':
    '"{file}" is a password-protected (encrypted) workbook. Open it in Excel, remove the password (File › Info › ' +
    'Protect Workbook), save, and run again.',
  'cli.kind.xls':
    '"{file}" is an Excel 97–2003 workbook (.xls). Open it in Excel and save it as .xlsx (File › Save As › Excel ' +
    'Workbook).',
  'cli.kind.xlsb':
    '"{file}" is an Excel binary workbook (.xlsb). Save it as .xlsx in Excel (File › Save As › Excel Workbook).',
  'cli.kind.ods':
    '"{file}" is an OpenDocument spreadsheet (.ods). Save it as .xlsx (in LibreOffice: File › Save As › Excel ' +
    '2007-365).',
  'cli.kind.zip':
    '"{file}" is a zip archive but not a workbook. Give the .xlsx inside it, or export the decisions as .xlsx or ' +
    '.csv.',
  'cli.kind.compound': '"{file}" is an Office document but not a workbook. Export the decisions as .xlsx or .csv.',
  'cli.kind.html':
    '"{file}" is a web page (HTML) saved with a spreadsheet name. Open it in Excel and save it as .xlsx, or export ' +
    'the decisions as .csv.',
  'cli.kind.pdf': '"{file}" is a PDF. Export the decisions as .xlsx or .csv instead.',
  'cli.kind.binary': '"{file}" is neither a workbook nor text. Export the decisions as .xlsx or .csv.',
  'cli.kind.damaged':
    '"{file}" looks like an .xlsx workbook but could not be read (damaged or incomplete). Open it in Excel, let it ' +
    'repair the file, save, and run again.',
  'cli.kind.renamedText': 'Note: "{file}" is a text (CSV) file despite its name; it was read as CSV.',
  'cli.kind.renamedXlsx': 'Note: "{file}" is an .xlsx workbook despite its name; it was read as one.',
  'cli.csv.summary':
    '{count} line(s) of "{file}" could not be read as written; each is named in the findings (validate).',
  'cli.csv.invalid_bytes':
    "Line {line} (row {row}) holds bytes that are not {encoding} text; they were read as �. Fix the file's encoding " +
    '(save it again as UTF-8) and check that row.',
  'cli.csv.unbalanced_quote':
    'Line {line} (row {row}) opens a quote that never closes; the quote was read as text so later lines are kept. ' +
    "Check that row's cells.",
  'cli.csv.ragged_row':
    'Line {line} (row {row}) has {cells} cells where the header has {expected}. Check the row for a missing or extra ' +
    'delimiter.',
  'cli.findings.cell': 'Cell',
  'cli.findings.rule': 'Rule',
  'cli.findings.severity': 'Severity',
  'cli.findings.message': 'Message',
  'cli.findings.more': '… and {count} more (--limit to show more, --json for all).',
  'flow.error.internal':
    'Moderation QA hit an internal problem ({message}). Nothing was written. Please report it with what you did; ' +
    'running again will not help.',
  'flow.error.stratumField': '"{field}" is not a field that can define strata. Use one or more of: {fields}.',
  'flow.error.stratumUnmapped':
    'The stratum field "{field}" has no column on "{sheet}". Map its column on the Map page (CLI: --map ' +
    '{field}=<header>), or choose another field.',
  'flow.error.quota': 'The quota "{value}" must be a whole number of items per moderator, 1 or more.',
  'flow.error.batchTableTaken':
    'The batch name "{batch}" would use the table name "{table}", which another batch already has. Choose a ' +
    'batch name that differs in more than punctuation.',
  'flow.error.staleMapping':
    'The mapping confirmed for "{sheet}" no longer fits its header: {field} was the column "{expected}", but ' +
    '{cell} now holds "{found}" (a column was inserted or moved). Confirm the mapping again on the Map page (CLI: ' +
    '--map {field}=<header>).',
  'sample.unit': 'Sample',
  'sample.unit.decision': 'Decisions (every judgment; an item judged by several moderators can be drawn for each)',
  'sample.unit.item': 'Items (one row per item ID: its first row)',
  'cli.opt.unit': 'decision (default: every judgment can be drawn) or item (one row per item ID)',
  'agreement.title': 'Agreement between judgments of the same items',
  'agreement.source':
    'Source: {source}. {items} items, {twice} judged twice or more; {judgments} judgments by {raters} raters; ' +
    '{repeats} repeats (the same rater on the same item again) left out.',
  'agreement.method':
    '95% intervals: percentile bootstrap over items ({resamples} resamples, seed "{seed}"); accuracy: Wilson score ' +
    'interval.',
  'agreement.col.coefficient': 'Coefficient',
  'agreement.col.value': 'Value',
  'agreement.col.low': '95% low',
  'agreement.col.high': '95% high',
  'agreement.col.items': 'Items',
  'agreement.alphaVerdict': "Krippendorff's α (nominal), verdict",
  'agreement.alphaVerdictPolicy': "Krippendorff's α (nominal), verdict + policy",
  'agreement.fleiss': "Fleiss' κ, verdict",
  'agreement.ac1': "Gwet's AC1, verdict",
  'agreement.pairwise': "Cohen's κ between raters, verdict (on the items both judged)",
  'agreement.pairwiseSkipped':
    "Cohen's κ between raters is left out: {raters} raters (the matrix is computed for 30 or fewer).",
  'agreement.col.rater': 'Rater',
  'agreement.col.otherRater': 'Other rater',
  'agreement.accuracy':
    "Each inspector's accuracy against the reference (the adjudicated verdict, or the unanimous one)",
  'agreement.col.correct': 'Correct',
  'agreement.col.of': 'Judged',
  'agreement.col.rate': 'Accuracy',
  'agreement.disagreements': 'Items the raters disagree on (verdict or policy): {count}',
  'agreement.disagreementsCut': 'The first {shown} are listed; {more} more are not.',
  'agreement.col.item': 'Item',
  'agreement.col.judgments': 'Judgments',
  'agreement.none':
    'No item is judged twice or more on {source}: there is nothing to compare. Agreement needs several moderators or ' +
    'inspectors judging the same items.',
  'agreement.done':
    'Agreement on {items} items ({twice} judged twice or more): α on the verdict {alpha}, on verdict + policy ' +
    '{alphaPolicy}. See the sheet {sheet}.',
  'agreement.line': '{name}: {value} (95% {low} to {high}; {items} items)',
  'agreement.error.noCalibration':
    'No calibration batch "{batch}" in this workbook. Draw one on the Sample page with two inspectors or more.',
  'agreement.error.settled':
    '{cell}: "{value}" is not a verdict. Choose approve, remove, age_restrict, fyf_ineligible or escalate.',
  'agreement.adjudicated': 'Adjudication sheet {sheet}: {open} of {count} disagreements still to settle.',
  'cli.agreement':
    "agreement between the judgments of items judged more than once: Krippendorff's α, Fleiss' κ, Gwet's AC1, " +
    "pairwise Cohen's κ, with 95% intervals",
  'cli.opt.resamples': 'bootstrap resamples for the 95% intervals (default 1000)',
  'calibration.inspectors':
    'Calibration: inspectors (one per line; two or more draw the same items for each, in their own sheets)',
  'calibration.blind': "Blind review: hide the moderator's verdict and policy until the inspector has saved their own",
  'calibration.drawn': 'Calibration batch {batch}: the same {n} items for {inspectors}, each in their own sheet.',
  'calibration.tooLong':
    'The batch name "{batch}" is too long for {count} inspectors\' sheets: use at most {max} characters.',
  'calibration.sameInspector': 'Each inspector must be named once: "{name}" is listed twice.',
  'calibration.title': 'Calibration',
  'calibration.batch': 'Calibration batch',
  'calibration.refresh': 'Compare inspectors and list disagreements',
  'calibration.none': 'No calibration batch yet: draw one on the Sample page with two inspectors or more.',
  'calibration.pairwise': "Cohen's κ between inspectors",
  'calibration.accuracy': 'Accuracy against the adjudicated verdicts',
  'inspect.blindHidden': 'Hidden until you save your own verdict (blind review).',
  'inspect.assigned': 'This sheet is assigned to {inspector}.',
  'report.repeatedRows':
    "{count} rows of {sheet} repeat a decision already on the sheet (another inspector's rows for the same items?): " +
    'each decision is counted once in the sample.',
  'calibration.goToAdjudication': 'Settle the disagreements on the adjudication sheet',
  'calibration.goToReport': 'Go to the agreement sheet',
  'calibration.alpha': "Krippendorff's α among inspectors, verdict: {value} (95% {low} to {high}; {items} items)",
  'calibration.interval': '{value} (95% {low} to {high}; {items} items)',
  'sample.error.sheetChanged':
    'The decisions sheet "{sheet}" changed while the sample was drawn: row {row} no longer holds item {item} (rows ' +
    'were inserted, deleted, sorted or edited by someone else). Nothing was written. Draw again: the same seed gives ' +
    'the same items.',
  'batch.error.empty': 'The batch name "{batch}" is blank or starts or ends with a space. Type a name such as w48.',
  'batch.error.tooLong':
    'The batch name "{batch}" cannot be used: it has {length} characters; use at most {max}, so that "QA Report ' +
    '{batch}" fits Excel\'s 31-character sheet names.',
  'batch.error.characters':
    'The batch name "{batch}" cannot be used: it contains a character Excel refuses in sheet names (: \\ / ? * [ ' +
    ']). Remove it.',
  'batch.error.apostrophe':
    'The batch name "{batch}" ends with an apostrophe, which Excel refuses at the end of a sheet name. Remove it.',
  'batch.error.reserved':
    'The batch name "{batch}" would name a sheet the add-in uses for something else (Report…, Taxonomy, Findings, ' +
    'Batches, Settings, or a "~"). Choose another name.',
  'warehouse.error.noFile': 'There is no file "{file}". Check the path and try again.',
  'warehouse.error.noHeader':
    'No header row was found in "{file}". Its first row must name the columns (for example item_id, moderator, ' +
    'verdict, policy).',
  'warehouse.error.unreadable':
    'DuckDB could not read "{file}" ({reason}). Give a Parquet file, or a CSV with a header row.',
  'warehouse.error.noColumn':
    'The lot "{file}" has no {field} column. Its columns are: {columns}. Rename the column, or map it with --map ' +
    '{field}=<column>.',
  'warehouse.error.stratum':
    'A warehouse draw can form strata from {fields}, not from "{field}". Choose fields from that list.',
  'warehouse.error.size': 'The sample size is not valid ({reason}). Give --n as a whole number above 0.',
  'warehouse.error.noDates':
    'The lot has no decided_at column, so a date filter cannot be applied. Remove the date filter or map the date ' +
    'column.',
  'warehouse.error.emptySample':
    'No decision in the lot passes the filters (or every one was drawn before). Loosen the filters, or include ' +
    'earlier batches.',
  'warehouse.error.noInspection': 'There is no inspection sheet (QA <batch>) in "{file}". Draw a sample first.',
  'warehouse.error.write': 'Cannot write "{file}" ({reason}). Check the folder exists and you may write to it.',
  'warehouse.done.sample': 'Batch {batch}: {n} of {lot} decisions drawn by DuckDB from "{file}" ({rows} rows read).',
  'warehouse.done.emitSql':
    'The draw as {dialect} SQL is above: {n} of {lot} decisions on the lot given. Run it where the decisions live.',
  'warehouse.done.validate':
    '{rows} decisions checked by DuckDB in "{file}": {findings} finding(s) in {rules} rule(s).',
  'warehouse.done.export': 'Wrote {rows} inspected decisions of batch(es) {batches} to {file}.',
  'warehouse.findings.more': '… and {more} more of this rule.',
  'cli.opt.engine':
    'how to read a .csv lot: sheet (the add-in on a workbook, default) or duckdb (only the sample enters the ' +
    'workbook; always for .parquet, .csv.gz, .tsv)',
  'cli.opt.emitSql': 'print the draw as SQL for duckdb, bigquery or spark instead of writing a workbook',
  'cli.opt.table': 'the warehouse table named in --emit-sql (default decisions)',
  'cli.opt.excludeFrom': 'leave out items drawn by earlier batches: a workbook (its QA sheets) or a file of item_id',
  'cli.opt.taxonomy': 'use the QA Taxonomy sheet of this workbook (default: the built-in taxonomy)',
  'cli.opt.perRule': 'findings listed per rule (counts cover them all)',
  'cli.opt.format': 'parquet or csv',
  'cli.opt.includePending': 'include items not inspected yet',
  'cli.export': 'write the inspected decisions of a workbook to Parquet or CSV, for dashboards',
  'dispute.error.noColumn':
    'The inspection sheet "{sheet}" has no "{column}" column (it was drawn before disputes existed). Add a ' +
    'column headed {column} at the end of its table, then try again.',
  'report.lotSizeDecisions': 'Lot size (decisions)',
  'cli.help.choices': 'choices:',
  'cli.help.default': 'default:',
  'agreement.doneRead':
    'Agreement on {items} items ({twice} judged twice or more): α on the verdict {alpha}, on verdict + policy ' +
    '{alphaPolicy}.',
  'inspect.leave.ask':
    'Item {id} has a verdict, policy or comment you have not saved. Save it before opening {where}, or discard it?',
  'inspect.leave.row': 'row {row}',
  'inspect.leave.next': 'the next item',
  'inspect.leave.batch': 'batch {batch}',
  'inspect.leave.save': 'Save, then open',
  'inspect.leave.discard': 'Discard and open',
  'inspect.leave.stay': 'Keep editing',
  'inspect.previous': 'Previous item',
  'inspect.jump': 'Go to item (ID or row)',
  'inspect.jumpGo': 'Go',
  'inspect.jumpNotFound':
    'No item “{text}” in this batch: enter an item ID, or a row of the inspection sheet from 2 to {last}.',
  'inspect.navigation': 'Move between items',
  'inspect.pickPolicy': '“{text}” is not a policy: pick one from the list (↓ then Enter, or click it).',
  'inspect.noPolicyMatch':
    'No policy matches “{text}”. Search by code, English or Japanese name, or another name the taxonomy lists.',
  'inspect.policyMatched': 'matched “{name}”',
  'inspect.actions': 'Save or move on',
  // Finding messages: `{cell}` is the A1 address (with the sheet); other placeholders are the finding's params.
  'languageName.en': 'English',
  'languageName.ja': 'Japanese',
  'findingHint.didYouMean': ' Did you mean "{suggestion}"?',
  'findingTitle.missing_required_column': 'Required column missing',
  'findingTitle.missing_value': 'Required value empty',
  'findingTitle.unknown_verdict': 'Unknown verdict',
  'findingTitle.unknown_policy': 'Unknown policy',
  'findingTitle.deprecated_policy': 'Deprecated policy',
  'findingTitle.verdict_not_allowed': 'Verdict not allowed for the policy',
  'findingTitle.enforcing_without_policy': 'Enforcement without a policy',
  'findingTitle.approve_with_policy': 'Approve with a policy',
  'findingTitle.section_as_policy': 'Section used as a policy',
  'findingTitle.duplicate_conflicting': 'Same moderator, same item, different judgments',
  'findingTitle.duplicate_item': 'Repeated decision (same moderator, same item)',
  'findingTitle.unparseable_date': 'Unreadable date',
  'findingTitle.future_date': 'Date in the future',
  'findingTitle.unknown_market': 'Unknown market code',
  'findingTitle.unknown_language': 'Unknown language code',
  'findingTitle.id_precision_loss': 'ID lost digits (stored as a number)',
  'findingTitle.id_not_text': 'ID stored as a number',
  'findingTitle.error_value': 'Excel error value',
  'findingTitle.formula_in_cell': 'Formula in a data cell',
  'findingTitle.qa_unknown_verdict': 'QA: unknown verdict',
  'findingTitle.qa_unknown_policy': 'QA: unknown policy',
  'findingTitle.qa_deprecated_policy': 'QA: deprecated policy',
  'findingTitle.qa_verdict_not_allowed': 'QA: verdict not allowed for the policy',
  'findingTitle.qa_enforcing_without_policy': 'QA: enforcement without a policy',
  'findingTitle.qa_approve_with_policy': 'QA: approve with a policy',
  'findingTitle.qa_value_not_listed': "QA: value not in the column's list",
  'findingTitle.taxonomy_duplicate_code': 'Taxonomy: duplicate code',
  'findingTitle.taxonomy_unknown_parent': 'Taxonomy: unknown parent',
  'findingTitle.taxonomy_parent_cycle': 'Taxonomy: parent cycle',
  'findingTitle.taxonomy_replaced_by_missing': 'Taxonomy: replacement missing',
  'findingTitle.taxonomy_missing_name': 'Taxonomy: name missing',
  'findingTitle.taxonomy_unknown_verdict': 'Taxonomy: unknown verdict',
  'findingTitle.taxonomy_bad_severity': 'Taxonomy: severity not 1–4',
  'findingTitle.taxonomy_missing_code': 'Taxonomy: code missing',
  'findingTitle.ragged_row': 'Ragged row',
  'findingTitle.conflicting_judgments': 'Moderators disagree on an item',
  'finding.missing_required_column':
    'No column for the required field "{field}" was found in the header row ({cell}). Add the column or map it by ' +
    'hand on the Map page.',
  'finding.missing_value': '{cell}: the required field "{field}" is empty. Fill it in from the moderation log.',
  'finding.unknown_verdict':
    '{cell}: "{value}" is not a verdict. Use one of approve, remove, age_restrict, fyf_ineligible, escalate.',
  'finding.unknown_policy':
    '{cell}: policy "{value}" is not in the taxonomy.{hint} Correct the code, or add the policy to the QA Taxonomy ' +
    'sheet.',
  'finding.deprecated_policy': '{cell}: policy "{value}" is deprecated. Use "{replacement}" instead.',
  'finding.verdict_not_allowed':
    '{cell}: the verdict "{verdict}" is not allowed under policy "{policy}" (allowed: {allowed}). Change the verdict ' +
    'or the policy.',
  'finding.enforcing_without_policy':
    '{cell}: the verdict "{verdict}" acts on the video but names no policy. Add the policy that was applied.',
  'finding.approve_with_policy':
    '{cell}: the video was approved but a policy ("{policy}") is given. Clear the policy, or correct the verdict.',
  'finding.section_as_policy':
    '{cell}: "{value}" is a section, not a policy. Choose the policy within it that was applied.',
  'finding.duplicate_conflicting':
    '{cell}: moderator {moderator} judged item {value} twice; row {otherRow} says "{otherVerdict}" {otherPolicy}. ' +
    'Keep the final decision and remove the other row from the lot.',
  'finding.duplicate_item':
    '{cell}: moderator {moderator} judged item {value} again with the same verdict and policy (row {otherRow}). ' +
    'Remove the repeat so the decision is not counted twice.',
  'finding.unparseable_date':
    '{cell}: "{value}" is not a date. Use a date cell, or text such as 2026-11-24 13:05 or 2026/11/24 13:05.',
  'finding.future_date': '{cell}: the decision date {value} is in the future. Check the date (and its time zone).',
  'finding.unknown_market':
    '{cell}: "{value}" is not a market code. Use a two-letter ISO 3166 code such as US, GB or JP.',
  'finding.unknown_language':
    '{cell}: "{value}" is not a language code. Use an ISO 639-1 code such as en or ja (en-US is fine too).',
  'finding.id_precision_loss':
    '{cell}: the ID {value} is stored as a number with 16 or more digits, so Excel has already lost digits (it keeps ' +
    '15). Re-import the ID column as text; the add-in does not guess the lost digits.',
  'finding.id_not_text':
    '{cell}: the ID {value} is stored as a number. It is kept as text "{value}"; format the column as text to avoid ' +
    'losing leading zeros.',
  'finding.error_value': '{cell}: the cell holds the error {value}. Fix the formula or paste the value itself.',
  'finding.formula_in_cell':
    '{cell}: the cell holds a formula; its value "{value}" is used. Paste values only if the formula may change.',
  'finding.qa_unknown_verdict':
    '{cell}: the QA verdict "{value}" is not a verdict (pasted values skip the dropdown). Choose one from the ' +
    'dropdown.',
  'finding.qa_unknown_policy':
    '{cell}: the QA policy "{value}" is not in the taxonomy.{hint} Choose one from the dropdown.',
  'finding.qa_deprecated_policy': '{cell}: the QA policy "{value}" is deprecated. Use "{replacement}" instead.',
  'finding.qa_verdict_not_allowed':
    '{cell}: the QA verdict "{verdict}" is not allowed under policy "{policy}" (allowed: {allowed}). Change the QA ' +
    'verdict or the QA policy.',
  'finding.qa_enforcing_without_policy':
    '{cell}: the QA verdict "{verdict}" acts on the video but no QA policy is given. Choose the policy.',
  'finding.qa_approve_with_policy':
    '{cell}: the QA verdict is approve but a QA policy ("{policy}") is given. Clear the QA policy.',
  'finding.qa_value_not_listed':
    '{cell}: "{value}" is not one of the values of the column "{field}" ({allowed}); pasted values skip the ' +
    'dropdown. Choose one from the dropdown.',
  'finding.taxonomy_duplicate_code':
    '{cell}: the code "{value}" is already used in row {otherRow}. Give each policy its own code.',
  'finding.taxonomy_unknown_parent':
    '{cell}: the parent "{value}" is not a code in this taxonomy. Correct it or leave it empty for a section.',
  'finding.taxonomy_parent_cycle': '{cell}: the parents of "{value}" lead back to itself ({path}). Break the loop.',
  'finding.taxonomy_replaced_by_missing':
    '{cell}: "{value}" is replaced by "{replacement}", which is not an active code. Point it to an active policy.',
  'finding.taxonomy_missing_name':
    '{cell}: policy "{value}" has no {language} name. Add it so reports read in both languages.',
  'finding.taxonomy_unknown_verdict':
    '{cell}: "{value}" in the allowed verdicts is not a verdict. Use approve, remove, age_restrict, fyf_ineligible ' +
    'or escalate, separated by spaces.',
  'finding.taxonomy_bad_severity':
    '{cell}: the severity "{value}" must be a whole number from 1 (low) to 4 (critical).',
  'finding.taxonomy_missing_code': '{cell}: the row has no code. Give the policy a code or delete the row.',
  'finding.ragged_row':
    '{cell}: the row has {cells} cells where the header has {expected} (a shifted or split line), so it was left out ' +
    'of the lot. Fix the row: a delimiter is missing or extra.',
  'finding.conflicting_judgments':
    '{cell}: item {value} was judged differently by {otherModerator} in row {otherRow} ("{otherVerdict}" ' +
    '{otherPolicy}). Several moderators on one item are normal; filter on this rule to review the items they ' +
    'disagree on.',
} as const;

export type MessageKey = keyof typeof en;

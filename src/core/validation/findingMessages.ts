import type { Lang } from '../model';
import type { FindingCode } from './finding';

/**
 * Each finding's message in English and Japanese. `{cell}` is the A1 address (with the sheet);
 * other placeholders come from the finding's params. Every message says what to do.
 */
export const FINDING_MESSAGES: Record<FindingCode, Record<Lang, string>> = {
  missing_required_column: {
    en: 'No column for the required field "{field}" was found in the header row ({cell}). Add the column or map it by hand on the Map page.',
    ja: '見出し行（{cell}）に必須項目「{field}」の列が見つかりません。列を追加するか、「マッピング」ページで手動で割り当ててください。',
  },
  missing_value: {
    en: '{cell}: the required field "{field}" is empty. Fill it in from the moderation log.',
    ja: '{cell}：必須項目「{field}」が空です。モデレーション記録から入力してください。',
  },
  unknown_verdict: {
    en: '{cell}: "{value}" is not a verdict. Use one of approve, remove, age_restrict, fyf_ineligible, escalate.',
    ja: '{cell}：「{value}」は判定として認識できません。approve、remove、age_restrict、fyf_ineligible、escalate（承認・削除・年齢制限・おすすめ対象外・エスカレーション）のいずれかにしてください。',
  },
  unknown_policy: {
    en: '{cell}: policy "{value}" is not in the taxonomy.{hint} Correct the code, or add the policy to the QA Taxonomy sheet.',
    ja: '{cell}：ポリシー「{value}」はタクソノミーにありません。{hint}コードを修正するか、QA Taxonomy シートにポリシーを追加してください。',
  },
  deprecated_policy: {
    en: '{cell}: policy "{value}" is deprecated. Use "{replacement}" instead.',
    ja: '{cell}：ポリシー「{value}」は廃止されています。代わりに「{replacement}」を使ってください。',
  },
  verdict_not_allowed: {
    en: '{cell}: the verdict "{verdict}" is not allowed under policy "{policy}" (allowed: {allowed}). Change the verdict or the policy.',
    ja: '{cell}：ポリシー「{policy}」では判定「{verdict}」は使えません（使える判定：{allowed}）。判定かポリシーを変更してください。',
  },
  enforcing_without_policy: {
    en: '{cell}: the verdict "{verdict}" acts on the video but names no policy. Add the policy that was applied.',
    ja: '{cell}：判定「{verdict}」は動画に措置を取りますが、ポリシーがありません。適用したポリシーを入力してください。',
  },
  approve_with_policy: {
    en: '{cell}: the video was approved but a policy ("{policy}") is given. Clear the policy, or correct the verdict.',
    ja: '{cell}：承認された動画にポリシー（「{policy}」）が入っています。ポリシーを消すか、判定を修正してください。',
  },
  section_as_policy: {
    en: '{cell}: "{value}" is a section, not a policy. Choose the policy within it that was applied.',
    ja: '{cell}：「{value}」はセクションでありポリシーではありません。その中で適用したポリシーを選んでください。',
  },
  duplicate_conflicting: {
    en: '{cell}: moderator {moderator} judged item {value} twice; row {otherRow} says "{otherVerdict}" {otherPolicy}. Keep the final decision and remove the other row from the lot.',
    ja: '{cell}：担当者 {moderator} がアイテム {value} を二度判定しています。{otherRow} 行目は「{otherVerdict}」{otherPolicy}です。最終判定を残し、もう一方の行をロットから外してください。',
  },
  duplicate_item: {
    en: '{cell}: moderator {moderator} judged item {value} again with the same verdict and policy (row {otherRow}). Remove the repeat so the decision is not counted twice.',
    ja: '{cell}：担当者 {moderator} がアイテム {value} を同じ判定・ポリシーで再度判定しています（{otherRow} 行目）。二重に数えないよう重複行を削除してください。',
  },
  conflicting_judgments: {
    en: '{cell}: item {value} was judged differently by {otherModerator} in row {otherRow} ("{otherVerdict}" {otherPolicy}). Several moderators on one item are normal; filter on this rule to review the items they disagree on.',
    ja: '{cell}：アイテム {value} は {otherRow} 行目で {otherModerator} が異なる判定（「{otherVerdict}」{otherPolicy}）をしています。1 つのアイテムを複数の担当者が判定するのは通常のことです。このルールで絞り込むと判断の分かれたアイテムを確認できます。',
  },
  unparseable_date: {
    en: '{cell}: "{value}" is not a date. Use a date cell, or text such as 2026-11-24 13:05 or 2026/11/24 13:05.',
    ja: '{cell}：「{value}」は日時として読めません。日付セル、または 2026-11-24 13:05、2026/11/24 13:05 のような形式にしてください。',
  },
  future_date: {
    en: '{cell}: the decision date {value} is in the future. Check the date (and its time zone).',
    ja: '{cell}：判定日時 {value} が未来の日付です。日付（とタイムゾーン）を確認してください。',
  },
  unknown_market: {
    en: '{cell}: "{value}" is not a market code. Use a two-letter ISO 3166 code such as US, GB or JP.',
    ja: '{cell}：「{value}」は市場コードではありません。US、GB、JP のような ISO 3166 の2文字コードにしてください。',
  },
  unknown_language: {
    en: '{cell}: "{value}" is not a language code. Use an ISO 639-1 code such as en or ja (en-US is fine too).',
    ja: '{cell}：「{value}」は言語コードではありません。en や ja のような ISO 639-1 コードにしてください（en-US なども可）。',
  },
  id_precision_loss: {
    en: '{cell}: the ID {value} is stored as a number with 16 or more digits, so Excel has already lost digits (it keeps 15). Re-import the ID column as text; the add-in does not guess the lost digits.',
    ja: '{cell}：ID {value} が16桁以上の数値として保存されているため、Excel ですでに桁が失われています（有効桁数は15桁）。ID 列を文字列として取り込み直してください。失われた桁は推測しません。',
  },
  id_not_text: {
    en: '{cell}: the ID {value} is stored as a number. It is kept as text "{value}"; format the column as text to avoid losing leading zeros.',
    ja: '{cell}：ID {value} が数値として保存されています。文字列「{value}」として扱います。先頭の0が消えないよう、列の書式を文字列にしてください。',
  },
  error_value: {
    en: '{cell}: the cell holds the error {value}. Fix the formula or paste the value itself.',
    ja: '{cell}：セルにエラー {value} があります。数式を修正するか、値そのものを貼り付けてください。',
  },
  formula_in_cell: {
    en: '{cell}: the cell holds a formula; its value "{value}" is used. Paste values only if the formula may change.',
    ja: '{cell}：セルに数式があります。値「{value}」を使います。数式の結果が変わる可能性があるなら値のみを貼り付けてください。',
  },
  qa_unknown_verdict: {
    en: '{cell}: the QA verdict "{value}" is not a verdict (pasted values skip the dropdown). Choose one from the dropdown.',
    ja: '{cell}：QA 判定「{value}」は判定として認識できません（貼り付けた値はドロップダウンを通りません）。ドロップダウンから選んでください。',
  },
  qa_unknown_policy: {
    en: '{cell}: the QA policy "{value}" is not in the taxonomy.{hint} Choose one from the dropdown.',
    ja: '{cell}：QA ポリシー「{value}」はタクソノミーにありません。{hint}ドロップダウンから選んでください。',
  },
  qa_deprecated_policy: {
    en: '{cell}: the QA policy "{value}" is deprecated. Use "{replacement}" instead.',
    ja: '{cell}：QA ポリシー「{value}」は廃止されています。代わりに「{replacement}」を使ってください。',
  },
  qa_verdict_not_allowed: {
    en: '{cell}: the QA verdict "{verdict}" is not allowed under policy "{policy}" (allowed: {allowed}). Change the QA verdict or the QA policy.',
    ja: '{cell}：ポリシー「{policy}」では QA 判定「{verdict}」は使えません（使える判定：{allowed}）。QA 判定か QA ポリシーを変更してください。',
  },
  qa_enforcing_without_policy: {
    en: '{cell}: the QA verdict "{verdict}" acts on the video but no QA policy is given. Choose the policy.',
    ja: '{cell}：QA 判定「{verdict}」は措置を伴いますが QA ポリシーがありません。ポリシーを選んでください。',
  },
  qa_approve_with_policy: {
    en: '{cell}: the QA verdict is approve but a QA policy ("{policy}") is given. Clear the QA policy.',
    ja: '{cell}：QA 判定が承認なのに QA ポリシー（「{policy}」）が入っています。QA ポリシーを消してください。',
  },
  qa_value_not_listed: {
    en: '{cell}: "{value}" is not one of the values of the column "{field}" ({allowed}); pasted values skip the dropdown. Choose one from the dropdown.',
    ja: '{cell}：「{value}」は列「{field}」の値（{allowed}）にありません（貼り付けた値はドロップダウンを通りません）。ドロップダウンから選んでください。',
  },
  taxonomy_duplicate_code: {
    en: '{cell}: the code "{value}" is already used in row {otherRow}. Give each policy its own code.',
    ja: '{cell}：コード「{value}」は {otherRow} 行目ですでに使われています。ポリシーごとに別のコードにしてください。',
  },
  taxonomy_unknown_parent: {
    en: '{cell}: the parent "{value}" is not a code in this taxonomy. Correct it or leave it empty for a section.',
    ja: '{cell}：親「{value}」はこのタクソノミーのコードではありません。修正するか、セクションなら空にしてください。',
  },
  taxonomy_parent_cycle: {
    en: '{cell}: the parents of "{value}" lead back to itself ({path}). Break the loop.',
    ja: '{cell}：「{value}」の親をたどると自分自身に戻ります（{path}）。循環を解消してください。',
  },
  taxonomy_replaced_by_missing: {
    en: '{cell}: "{value}" is replaced by "{replacement}", which is not an active code. Point it to an active policy.',
    ja: '{cell}：「{value}」の後継「{replacement}」は有効なコードではありません。有効なポリシーを指定してください。',
  },
  taxonomy_missing_name: {
    en: '{cell}: policy "{value}" has no {language} name. Add it so reports read in both languages.',
    ja: '{cell}：ポリシー「{value}」に{language}の名前がありません。両言語でレポートを読めるよう追加してください。',
  },
  taxonomy_unknown_verdict: {
    en: '{cell}: "{value}" in the allowed verdicts is not a verdict. Use approve, remove, age_restrict, fyf_ineligible or escalate, separated by spaces.',
    ja: '{cell}：許可された判定の「{value}」は判定ではありません。approve、remove、age_restrict、fyf_ineligible、escalate をスペース区切りで入力してください。',
  },
  taxonomy_bad_severity: {
    en: '{cell}: the severity "{value}" must be a whole number from 1 (low) to 4 (critical).',
    ja: '{cell}：重大度「{value}」は 1（低）から 4（重大）の整数にしてください。',
  },
  taxonomy_missing_code: {
    en: '{cell}: the row has no code. Give the policy a code or delete the row.',
    ja: '{cell}：この行にはコードがありません。ポリシーにコードを付けるか、行を削除してください。',
  },
  ragged_row: {
    en: '{cell}: the row has {cells} cells where the header has {expected} (a shifted or split line), so it was left out of the lot. Fix the row: a delimiter is missing or extra.',
    ja: '{cell}：この行のセル数は {cells} で、見出しは {expected} です（ずれた行か分かれた行）。ロットから除きました。区切り文字の抜けや余分を直してください。',
  },
};

/** A short name for each rule, for counts and filters (the full message names the cell and the fix). */
export const FINDING_TITLES: Record<FindingCode, Record<Lang, string>> = {
  missing_required_column: { en: 'Required column missing', ja: '必須列がない' },
  missing_value: { en: 'Required value empty', ja: '必須値が空' },
  unknown_verdict: { en: 'Unknown verdict', ja: '不明な判定' },
  unknown_policy: { en: 'Unknown policy', ja: '不明なポリシー' },
  deprecated_policy: { en: 'Deprecated policy', ja: '廃止されたポリシー' },
  verdict_not_allowed: { en: 'Verdict not allowed for the policy', ja: 'ポリシーで認められない判定' },
  enforcing_without_policy: { en: 'Enforcement without a policy', ja: 'ポリシーのない措置' },
  approve_with_policy: { en: 'Approve with a policy', ja: 'ポリシー付きの承認' },
  section_as_policy: { en: 'Section used as a policy', ja: 'セクションをポリシーとして使用' },
  duplicate_conflicting: { en: 'Same moderator, same item, different judgments', ja: '同じ担当者・同じアイテムで判定が矛盾' },
  duplicate_item: { en: 'Repeated decision (same moderator, same item)', ja: '重複した判定（同じ担当者・同じアイテム）' },
  conflicting_judgments: { en: 'Moderators disagree on an item', ja: 'アイテムの判定が担当者間で異なる' },
  unparseable_date: { en: 'Unreadable date', ja: '読み取れない日時' },
  future_date: { en: 'Date in the future', ja: '未来の日時' },
  unknown_market: { en: 'Unknown market code', ja: '不明な市場コード' },
  unknown_language: { en: 'Unknown language code', ja: '不明な言語コード' },
  id_precision_loss: { en: 'ID lost digits (stored as a number)', ja: 'IDの桁落ち（数値として保存）' },
  id_not_text: { en: 'ID stored as a number', ja: 'IDが数値として保存' },
  error_value: { en: 'Excel error value', ja: 'Excel のエラー値' },
  formula_in_cell: { en: 'Formula in a data cell', ja: 'データセルに数式' },
  qa_unknown_verdict: { en: 'QA: unknown verdict', ja: 'QA：不明な判定' },
  qa_unknown_policy: { en: 'QA: unknown policy', ja: 'QA：不明なポリシー' },
  qa_deprecated_policy: { en: 'QA: deprecated policy', ja: 'QA：廃止されたポリシー' },
  qa_verdict_not_allowed: { en: 'QA: verdict not allowed for the policy', ja: 'QA：ポリシーで認められない判定' },
  qa_enforcing_without_policy: { en: 'QA: enforcement without a policy', ja: 'QA：ポリシーのない措置' },
  qa_approve_with_policy: { en: 'QA: approve with a policy', ja: 'QA：ポリシー付きの承認' },
  qa_value_not_listed: { en: 'QA: value not in the column\'s list', ja: 'QA：列の一覧にない値' },
  taxonomy_duplicate_code: { en: 'Taxonomy: duplicate code', ja: 'タクソノミー：コードの重複' },
  taxonomy_unknown_parent: { en: 'Taxonomy: unknown parent', ja: 'タクソノミー：不明な親' },
  taxonomy_parent_cycle: { en: 'Taxonomy: parent cycle', ja: 'タクソノミー：親の循環' },
  taxonomy_replaced_by_missing: { en: 'Taxonomy: replacement missing', ja: 'タクソノミー：後継ポリシーがない' },
  taxonomy_missing_name: { en: 'Taxonomy: name missing', ja: 'タクソノミー：名称がない' },
  taxonomy_unknown_verdict: { en: 'Taxonomy: unknown verdict', ja: 'タクソノミー：不明な判定' },
  taxonomy_bad_severity: { en: 'Taxonomy: severity not 1–4', ja: 'タクソノミー：重大度が1〜4でない' },
  taxonomy_missing_code: { en: 'Taxonomy: code missing', ja: 'タクソノミー：コードがない' },
  ragged_row: { en: 'Ragged row', ja: '列数の合わない行' },
};

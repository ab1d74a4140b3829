import type { DecisionField } from '../model';

/** Headers seen for each decision field, in English and Japanese (matched after normalizeKey). */
export const FIELD_ALIASES: Record<DecisionField, readonly string[]> = {
  item_id: ['item_id', 'item id', 'video id', 'video_id', 'content id', 'content_id', 'object id', 'post id', 'id', 'item', '動画ID', 'コンテンツID', '投稿ID', 'アイテムID', 'ID番号'],
  moderator: ['moderator', 'reviewer', 'agent', 'moderator id', 'reviewer id', 'labeler', 'rater', 'operator', '担当者', 'モデレーター', 'レビュアー', '審査担当', '審査員', 'オペレーター'],
  verdict: ['verdict', 'decision', 'action', 'outcome', 'result', 'moderation decision', 'label', '判定', '対応', '判断', '審査結果', '処置', '措置'],
  policy: ['policy', 'policy code', 'reason', 'violation', 'violation reason', 'policy name', 'category', 'ポリシー', '違反理由', 'ポリシーコード', '違反カテゴリ', '理由'],
  decided_at: ['decided_at', 'decided at', 'decision time', 'timestamp', 'date', 'decision date', 'reviewed at', 'time', 'datetime', '判定日時', '判定日', '日時', '審査日時', '対応日時'],
  market: ['market', 'country', 'region', 'country code', 'market code', '市場', '地域', '国', '国コード'],
  language: ['language', 'lang', 'locale', 'language code', '言語', 'ロケール', '言語コード'],
  queue: ['queue', 'queue name', 'review queue', 'workflow', 'キュー', 'キュー名', '審査キュー'],
  url: ['url', 'link', 'video url', 'content url', 'permalink', 'リンク', '動画URL', 'URL'],
  notes: ['notes', 'note', 'comment', 'comments', 'remarks', 'memo', 'メモ', '備考', 'コメント'],
};

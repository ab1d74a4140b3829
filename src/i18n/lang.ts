/** The two languages every message, label and report exists in. */
export const LANGUAGES = ['en', 'ja'] as const;
export type Lang = (typeof LANGUAGES)[number];

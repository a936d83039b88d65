/**
 * A scheduled message is written as a list of typed sentences before it is rendered, so the
 * phrasing rules can be checked on what the bot says: every gap is followed by a suggestion, and
 * a sentence about one person in a channel is a celebration.
 */

import { messages, upperFirst, type Locale } from '../../i18n/index.js';
export type SentenceKind = 'progress' | 'info' | 'celebration' | 'gap' | 'suggestion' | 'focus';

export interface Sentence {
  readonly kind: SentenceKind;
  readonly text: string;
  /** The person the sentence is about, when it is about one person. */
  readonly about?: string;
}

/** A sentence of a kind; it starts with a capital letter even when a metric's name opens it (`"calls: …"` → `"Calls: …"`). */
export const say = (kind: SentenceKind, text: string, about?: string): Sentence => (about ? { kind, text: upperFirst(text), about } : { kind, text: upperFirst(text) });

/** A gap, always with the suggestion that goes with it (rule 3). */
export const gapWithSuggestion = (gap: string, suggestion: string, about?: string): Sentence[] => [say('gap', gap, about), say('suggestion', suggestion, about)];

/** The sentences as one paragraph: a space between English sentences, none between Japanese ones. */
export function paragraph(sentences: readonly Sentence[], locale: Locale): string {
  return sentences.map((s) => s.text).join(messages(locale).separators.sentences);
}

/** A scheduled message with the sentences it was written from. */
export interface Written {
  readonly sentences: readonly Sentence[];
}

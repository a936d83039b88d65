/**
 * Lexing of `/kpi` text as Slack sends it with `should_escape: true`: `&amp; &lt; &gt;` escaped,
 * mentions as `<@U123|name>`, channels as `<#C123|name>`.
 */

/** The longest command text we read; Slack allows more, nobody types more. */
export const MAX_TEXT_LENGTH = 4000;
export const MAX_NOTE_LENGTH = 500;

/** Undoes Slack's escaping of `&`, `<` and `>` in free text. */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/gu, '<').replace(/&gt;/gu, '>').replace(/&amp;/gu, '&');
}

/** Escapes free text the way Slack sends it. */
export function escapeSlack(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

const NOTE_MARK = /(?:^|\s)(?:--|－－|—|–|―)/u;

/** Splits "calls 5 -- tried a new opener" into the arguments and the note (null when none). */
export function splitNote(text: string): { args: string; note: string | null } {
  const m = NOTE_MARK.exec(text);
  if (!m) return { args: text, note: null };
  const note = unescapeSlack(text.slice(m.index + m[0].length)).trim();
  return { args: text.slice(0, m.index), note: note.length > 0 ? note : null };
}

/** Words of the argument text after NFKC; a `<…>` mention is one word even with spaces inside. */
export function tokenize(args: string): string[] {
  return args.normalize('NFKC').match(/<[^>]*>|\S+/gu) ?? [];
}

/**
 * Turns the separators people type between pairs into spaces, in both languages:
 * `架電 50件、メール 12通`, `calls: 30, emails: 5`, `架電50・商談3`, `calls 30 / emails 5`, `calls=30; emails=5`.
 * What is part of a value stays: a thousands comma (`1,000`), a date's slash (`12/24`), a time's
 * colon; mentions (`<@U1|name>`) are left whole. The text comes back NFKC-normalized.
 */
export function spaceSeparators(args: string): string {
  return args
    .normalize('NFKC')
    .split(/(<[^>]*>)/u)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            // Slack sends `>` as `&gt;`: the semicolon of an entity is not a separator.
            .replace(/[、。=|・]|(?<!&(?:amp|lt|gt));/gu, ' ')
            // A comma is a separator unless it groups thousands: a digit before it and three after.
            .replace(/,(?!\d{3}(?!\d))|(?<!\d),/gu, ' ')
            // A colon or slash is a separator unless it stands between digits (a time, a date).
            .replace(/(?<!\d)[:/]|[:/](?!\d)/gu, ' '),
    )
    .join('');
}

/** The user ID in `<@U123|name>` or `<@U123>`, else null. */
export function userMention(token: string): string | null {
  const m = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/u.exec(token);
  return m ? m[1]! : null;
}

/** The channel ID in `<#C123|name>` or `<#C123>`, else null. */
export function channelMention(token: string): string | null {
  const m = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/u.exec(token);
  return m ? m[1]! : null;
}

/**
 * Splits a word typed without a space between name and number: "架電45件" → ["架電", "45件"],
 * "calls=45" → ["calls", "45"], "45calls" → ["45", "calls"]. Leaves "¥3000", "3万", "1.5k" alone.
 */
export function splitGlued(token: string): string[] {
  if (token.startsWith('<')) return [token];
  const nameFirst = /^([^\d\s:=¥$\-−][^\d\s:=¥$]*?)[:=]?(\d[\d,.]*\S*)$/u.exec(token);
  if (nameFirst) return [nameFirst[1]!, nameFirst[2]!];
  const numberFirst = /^(\d[\d,.]*)([A-Za-z][A-Za-z_\-]*)$/u.exec(token);
  if (numberFirst && !/^k$/iu.test(numberFirst[2]!)) return [numberFirst[1]!, numberFirst[2]!];
  return [token];
}

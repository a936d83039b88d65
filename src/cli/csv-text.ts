import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';

/**
 * The encodings a history file may come in: UTF-8 (Excel's "CSV UTF-8", with or without a BOM),
 * Shift-JIS (Japanese Excel's plain "CSV"), and UTF-16 when it starts with its BOM.
 */
export type CsvEncoding = 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';

/** How people know the encodings, for what the import says. */
export const ENCODING_NAMES: Readonly<Record<CsvEncoding, string>> = { 'utf-8': 'UTF-8', shift_jis: 'Shift-JIS', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' };

/** One record of the file, and its place among the records (the header is 1). */
export interface CsvRecord {
  readonly cells: readonly string[];
  readonly index: number;
}

/** What a decoder fails with on bytes that are not in its encoding (Node's TextDecoder, `fatal`). */
export function isDecodingError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_ENCODING_INVALID_ENCODED_DATA';
}

/**
 * The encodings to try, in order: the one a byte-order mark names, else UTF-8 and then Shift-JIS
 * (a Shift-JIS file with Japanese in it is almost never valid UTF-8, so trying UTF-8 first is safe).
 */
export async function candidateEncodings(path: string): Promise<CsvEncoding[]> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(3), 0, 3, 0);
    const head = buffer.subarray(0, bytesRead);
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return ['utf-8'];
    if (head[0] === 0xff && head[1] === 0xfe) return ['utf-16le'];
    if (head[0] === 0xfe && head[1] === 0xff) return ['utf-16be'];
    return ['utf-8', 'shift_jis'];
  } finally {
    await file.close();
  }
}

/** The file's text, decoded as it is read, a chunk at a time; bytes not in `encoding` throw. */
async function* decoded(path: string, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) {
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const PARSE_OPTIONS = { bom: true, skip_empty_lines: true, relax_column_count: true } as const;

/**
 * Parses text chunks as CSV, a stream in and out; `info` adds where each record ends (it costs a
 * third of the parse, so only the line of a bad record is looked up).
 */
async function* parsed<T>(chunks: AsyncIterable<string>, info: boolean): AsyncGenerator<T> {
  const parser = parse({ ...PARSE_OPTIONS, info });
  // Stops the feeding when the reader stops early (a bad row): no wait for a drain that never comes.
  const stop = new AbortController();
  const feeding = (async () => {
    for await (const text of chunks) {
      if (!parser.write(text)) await once(parser, 'drain', { signal: stop.signal });
    }
    parser.end();
  })().catch((error: unknown) => {
    if (!stop.signal.aborted) parser.destroy(error as Error);
  });
  try {
    yield* parser as AsyncIterable<T>;
  } finally {
    stop.abort();
    parser.destroy();
    await feeding;
  }
}

/**
 * The file's CSV records, read and parsed as a stream: memory stays the same whatever the file's
 * size. A byte the encoding does not have throws the decoder's error; malformed CSV, csv-parse's.
 */
export async function* csvRecords(path: string, encoding: CsvEncoding): AsyncGenerator<CsvRecord> {
  let index = 0;
  for await (const cells of parsed<string[]>(decoded(path, encoding), false)) {
    index += 1;
    yield { cells, index };
  }
}

/** The line a record of the file ends on, as a spreadsheet numbers it (a quoted cell may span lines). */
export async function lineOfRecord(path: string, encoding: CsvEncoding, index: number): Promise<number> {
  let seen = 0;
  for await (const { info } of parsed<{ info: { lines: number } }>(decoded(path, encoding), true)) {
    seen += 1;
    if (seen === index) return info.lines;
  }
  return index;
}

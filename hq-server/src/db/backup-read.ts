import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { BackupError, BackupHeader, BackupTrailer } from './backup-format';

export interface BackupVisitor {
  /** Called with up to `batchRows` rows of a table at a time (a whole table at once when named in `wholeTables`). */
  rows?(table: string, lines: string[]): Promise<void>;
  wholeTables?: ReadonlySet<string>;
  batchRows?: number;
}

async function* splitLines(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of source) {
    const parts = (pending + decoder.write(chunk)).split('\n');
    pending = parts.pop()!;
    yield* parts;
  }
  if (pending + decoder.end() !== '') throw new BackupError('the backup file is incomplete: its last line is cut short');
}

function parseJson(line: string, what: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BackupError(`the backup file is damaged: its ${what} is not readable`);
  }
}

/** Reads the header of a backup and checks its format before anything else is read. */
function readHeader(line: string): BackupHeader {
  const parsed = BackupHeader.safeParse(parseJson(line, 'header'));
  if (!parsed.success) throw new BackupError(`this is not a POS HQ backup file of a version this program reads (${parsed.error.issues[0]?.message ?? 'bad header'})`);
  return parsed.data;
}

/** Hands out the file's lines one by one; `atEnd` says whether none are left. */
function lineReader(source: AsyncIterable<Buffer>) {
  const lines = splitLines(source);
  return {
    async next(what: string): Promise<string> {
      const step = await lines.next();
      if (step.done) throw new BackupError(`the backup file is incomplete: it ends before ${what}`);
      return step.value;
    },
    atEnd: async () => (await lines.next()).done === true,
  };
}

/** Every table's rows, exactly as many as the header counts, to the visitor in batches, each line into the hash. */
async function readRows(reader: ReturnType<typeof lineReader>, header: BackupHeader, hash: Hash, visitor: BackupVisitor): Promise<void> {
  for (const table of header.tables) {
    const batchRows = visitor.wholeTables?.has(table.name) ? Number.POSITIVE_INFINITY : (visitor.batchRows ?? 1000);
    let batch: string[] = [];
    for (let read = 0; read < table.rows; read++) {
      const line = await reader.next(`the ${table.rows} rows of ${table.name} (${read} read)`);
      if (!line.startsWith('{')) throw new BackupError(`the backup file is damaged: row ${read + 1} of ${table.name} is not a row`);
      hash.update(`${line}\n`);
      batch.push(line);
      if (batch.length >= batchRows) {
        await visitor.rows?.(table.name, batch);
        batch = [];
      }
    }
    if (batch.length) await visitor.rows?.(table.name, batch);
  }
}

function explainFailure(error: unknown, file: string): unknown {
  if (error instanceof BackupError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new BackupError(`there is no backup file at ${file}`);
  if (code?.startsWith('Z_')) return new BackupError(`the backup file is damaged or incomplete (gzip: ${(error as Error).message})`);
  return error;
}

/**
 * Reads a backup file through, checking as it goes that it is whole: gzip's own check, every
 * table's row count, nothing after the trailer and the SHA-256 in the trailer. Hands the rows to
 * the visitor in batches; throws a `BackupError` naming what is wrong, after which the visitor
 * must discard what it was given (restore runs it inside one transaction).
 */
export async function readBackupFile(file: string, visitor: BackupVisitor = {}): Promise<BackupHeader> {
  const hash = createHash('sha256');
  let header: BackupHeader | null = null;
  const consume = async (source: AsyncIterable<Buffer>) => {
    const reader = lineReader(source);
    const first = await reader.next('its header');
    header = readHeader(first);
    hash.update(`${first}\n`);
    await readRows(reader, header, hash, visitor);
    const trailer = BackupTrailer.safeParse(parseJson(await reader.next('its trailer'), 'trailer'));
    if (!trailer.success) throw new BackupError('the backup file is damaged: its row counts do not match its header, or its trailer is missing');
    if (trailer.data.sha256 !== hash.digest('hex')) throw new BackupError('the backup file is damaged: its checksum does not match its contents');
    if (!(await reader.atEnd())) throw new BackupError('the backup file is damaged: there is more after its trailer');
  };
  try {
    await pipeline(createReadStream(file), createGunzip(), consume);
  } catch (error) {
    throw explainFailure(error, file);
  }
  if (!header) throw new BackupError('the backup file is incomplete');
  return header;
}

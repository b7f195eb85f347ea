/**
 * Turns the realistic failures that are not MonitorErrors (a failed file-system call, a full disk
 * or a damaged file under DuckDB) into one Dutch line naming the path and what to do. Whatever is
 * left unexplained is a bug. Done once here, so every command benefits.
 */
import { resolve, sep } from 'node:path';
import { fileSystemFailure, fileSystemMessage, MonitorError, type FileSystemFailure } from '../../sources/errors.ts';

/** A path the person gave on the command line, and the option that gave it. */
export interface PathArgument {
  /** '--out', '--db', ... or undefined for a positional argument. */
  option: string | undefined;
  value: string;
  /** Whether the option names a folder (--out) or a file (--db). */
  kind: 'map' | 'bestand';
}

export function explainError(error: unknown, paths: readonly PathArgument[], databasePath: string): MonitorError | undefined {
  const failure = fileSystemFailure(error);
  if (failure !== undefined) return new MonitorError(`${fileSystemMessage(error)}; ${advice(failure, paths)}`, { cause: error });
  const message = error instanceof Error ? error.message : '';
  // DuckDB names the kind of error first; a full disk may surface as "TransactionContext Error: Failed to commit: ...".
  const kind = /^([A-Za-z]+(?: [A-Za-z]+)?) Error: /.exec(message)?.[1];
  if (kind !== undefined && (kind === 'IO' || SYSTEM_TROUBLE.test(message))) return databaseIoError(message, databasePath, error);
  if (message.startsWith('Out of Memory Error:')) {
    return new MonitorError('te weinig werkgeheugen voor deze bewerking; sluit andere programma\'s en probeer het opnieuw', { cause: error });
  }
  return undefined;
}

/** What to do about a failed file-system call: name the option that gave the path, if one did. */
function advice(failure: FileSystemFailure, paths: readonly PathArgument[]): string {
  const given = failure.path === undefined ? undefined : argumentFor(failure.dest ?? failure.path, paths) ?? argumentFor(failure.path, paths);
  const other = given === undefined ? 'een ander pad' : given.kind === 'map' ? 'een andere map' : 'een ander bestand';
  const choose = given?.option === undefined ? `kies ${other}` : `kies ${other} met ${given.option}`;
  switch (failure.code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return `maak ruimte vrij of ${choose}`;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return `${choose} of vraag om schrijfrechten`;
    case 'ENOENT':
      return given?.option === undefined ? 'controleer het pad' : `controleer het pad bij ${given.option}`;
    case 'EMFILE':
    case 'ENFILE':
    case 'EBUSY':
    case 'ETXTBSY':
      return "sluit andere programma's en probeer het opnieuw";
    case 'EIO':
      return `controleer de schijf of ${choose}`;
    default:
      return choose;
  }
}

/** The command-line path that `path` is, or lies in (`<db>.lock` and `<db>.wal` belong to --db). */
function argumentFor(path: string, paths: readonly PathArgument[]): PathArgument | undefined {
  const full = resolve(path);
  let best: PathArgument | undefined;
  for (const candidate of paths) {
    const given = resolve(candidate.value);
    const inside = full === given || [sep, '.', '-'].some((next) => full.startsWith(`${given}${next}`));
    if (inside && (best === undefined || given.length > resolve(best.value).length)) best = candidate;
  }
  return best;
}

const SYSTEM_TROUBLE = /No space left on device|Disk quota exceeded|Permission denied|Operation not permitted|Read-only file system|Corrupt database file/i;

/** DuckDB reports a failed read or write of its file as "IO Error: ... <system message>". */
function databaseIoError(message: string, databasePath: string, cause: unknown): MonitorError {
  const file = /"([^"]+)"/.exec(message)?.[1] ?? databasePath;
  const text = (dutch: string) => new MonitorError(dutch, { cause });
  if (/No space left on device/i.test(message)) {
    return text(`kan niet schrijven naar ${file}: de schijf is vol; maak ruimte vrij of kies met --db een database op een andere schijf, en probeer het opnieuw`);
  }
  if (/Disk quota exceeded/i.test(message)) {
    return text(`kan niet schrijven naar ${file}: de toegestane schijfruimte is op; maak ruimte vrij of kies met --db een database op een andere schijf`);
  }
  if (/Permission denied|Operation not permitted/i.test(message)) {
    return text(`kan database ${file} niet gebruiken: geen toestemming; kies met --db een database in een map waar u mag schrijven`);
  }
  if (/Read-only file system/i.test(message)) {
    return text(`kan niet schrijven naar ${file}: het bestandssysteem is alleen-lezen; kies met --db een database op een schrijfbare schijf`);
  }
  if (/Is a directory/i.test(message)) {
    return text(`database ${databasePath} is een map, geen bestand; geef met --db een bestandsnaam op, bijvoorbeeld ${databasePath}/monitor.duckdb`);
  }
  if (/No such file or directory|Not a directory/i.test(message)) {
    return text(`kan database ${databasePath} niet openen: de map bestaat niet; controleer het pad bij --db`);
  }
  if (/Corrupt database file|checksum/i.test(message)) {
    return text(`database ${databasePath} is beschadigd; zet een reservekopie terug of kies met --db een andere database`);
  }
  if (/not a valid DuckDB database file/i.test(message)) {
    return text(
      `${databasePath} is geen lsp-monitor-database (geen DuckDB-bestand, of beschadigd); ` +
        'kies met --db de juiste database, of een nieuwe bestandsnaam voor een nieuwe database',
    );
  }
  if (/version number|newer version/i.test(message)) {
    return text(`database ${databasePath} is gemaakt met een nieuwere versie van lsp-monitor; gebruik die versie, of kies met --db een andere database`);
  }
  return text(`lees- of schrijffout in database ${databasePath}; controleer de schijf en probeer het opnieuw`);
}

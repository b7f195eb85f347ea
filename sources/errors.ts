/**
 * The one error type for problems a person has to act on: a bad file, a missing column, an
 * unknown year, wrong command-line usage. Its message is Dutch and complete (it names the file,
 * row and field where there is one). The CLI prints it once and exits with its exit code;
 * anything else that is thrown is a bug and is reported as such.
 */
export type ExitCode = 1 | 2;

export interface ErrorLocation {
  file?: string;
  /** 1-based row as a spreadsheet shows it (header = row 1). */
  row?: number;
  field?: string;
}

export class MonitorError extends Error {
  override readonly name = 'MonitorError';
  readonly exitCode: ExitCode;
  readonly location: ErrorLocation;

  constructor(message: string, options: { exitCode?: ExitCode; location?: ErrorLocation; cause?: unknown } = {}) {
    super(withLocation(message, options.location ?? {}), { cause: options.cause });
    this.exitCode = options.exitCode ?? 1;
    this.location = options.location ?? {};
  }
}

/** Wrong command-line usage: exit code 2. */
export class UsageError extends MonitorError {
  constructor(message: string, cause?: unknown) {
    super(message, { exitCode: 2, cause });
  }
}

function withLocation(message: string, { file, row, field }: ErrorLocation): string {
  const parts = [
    file === undefined ? undefined : `bestand ${file}`,
    row === undefined ? undefined : `rij ${row}`,
    field === undefined ? undefined : `veld '${field}'`,
  ].filter((part) => part !== undefined);
  return parts.length === 0 ? message : `${parts.join(', ')}: ${message}`;
}

/** What to tell people about an error: a MonitorError's own message, anything else as an internal error. */
export function messageOf(error: unknown): string {
  if (error instanceof MonitorError) return error.message;
  return `interne fout: ${error instanceof Error ? error.message : String(error)}`;
}

/** The error code of a failed system call ('ENOENT', 'EACCES', ...), if `error` is one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** A failed file-system call as Node reports it. */
export interface FileSystemFailure {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

/** The failed file-system call in `error` or its causes, if there is one. */
export function fileSystemFailure(error: unknown): FileSystemFailure | undefined {
  for (let current = error, depth = 0; current !== undefined && current !== null && depth < 10; depth += 1) {
    const code = errorCode(current);
    if (code !== undefined && code in REASONS && typeof current === 'object') {
      const { syscall, path, dest } = current as { syscall?: unknown; path?: unknown; dest?: unknown };
      return {
        code,
        ...(typeof syscall === 'string' ? { syscall } : {}),
        ...(typeof path === 'string' ? { path } : {}),
        ...(typeof dest === 'string' ? { dest } : {}),
      };
    }
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

const REASONS: Record<string, string> = {
  EACCES: 'geen toestemming',
  EPERM: 'geen toestemming',
  ENOSPC: 'de schijf is vol',
  EDQUOT: 'de toegestane schijfruimte is op',
  EROFS: 'het bestandssysteem is alleen-lezen',
  EEXIST: 'er bestaat al een bestand met die naam',
  ENOTDIR: 'een deel van het pad is een bestand, geen map',
  EISDIR: 'dat is een map, geen bestand',
  ENOENT: 'die map of dat bestand bestaat niet',
  ENOTEMPTY: 'de map is niet leeg',
  EMFILE: 'te veel bestanden tegelijk open',
  ENFILE: 'te veel bestanden tegelijk open',
  EBUSY: 'in gebruik door een ander programma',
  ETXTBSY: 'in gebruik door een ander programma',
  ENAMETOOLONG: 'de naam is te lang',
  ELOOP: 'te veel symbolische koppelingen achter elkaar',
  EXDEV: 'verplaatsen naar een ander bestandssysteem kan niet',
  EIO: 'lees- of schrijffout op de schijf',
  EINVAL: 'dit pad kan niet zo worden gebruikt',
  EFBIG: 'het bestand wordt te groot',
};

/** Why a file-system call failed, in Dutch ('geen toestemming', 'de schijf is vol', ...). */
export function fileSystemReason(error: unknown): string {
  const code = fileSystemFailure(error)?.code ?? errorCode(error);
  if (code === undefined) return 'onbekende fout';
  return REASONS[code] ?? `systeemfout ${code}`;
}

/**
 * One Dutch line for a failed file-system call, without advice ("kan niet schrijven naar /x/y: de
 * schijf is vol"), for places that log rather than stop (a scheduled run, a fetch per source).
 * Undefined when `error` is no such failure.
 */
export function fileSystemMessage(error: unknown): string | undefined {
  const failure = fileSystemFailure(error);
  return failure === undefined ? undefined : `${fileSystemAction(failure)}: ${fileSystemReason(failure)}`;
}

/** What was being done, naming the path: "kan niet schrijven naar /x/y". */
export function fileSystemAction(failure: FileSystemFailure): string {
  const path = failure.path ?? 'een bestand';
  switch (failure.syscall) {
    case 'mkdir':
    case 'mkdtemp':
      return `kan map ${path} niet aanmaken`;
    case 'write':
    case 'writev':
    case 'ftruncate':
    case 'fsync':
    case 'fdatasync':
    case 'close':
      return failure.path === undefined ? 'kan niet schrijven' : `kan niet schrijven naar ${path}`;
    case 'read':
      return `kan ${path} niet lezen`;
    case 'scandir':
    case 'opendir':
      return `kan map ${path} niet lezen`;
    case 'rename':
      return failure.dest === undefined ? `kan ${path} niet verplaatsen` : `kan ${path} niet verplaatsen naar ${failure.dest}`;
    case 'copyfile':
    case 'cp':
      return failure.dest === undefined ? `kan ${path} niet kopiëren` : `kan ${path} niet kopiëren naar ${failure.dest}`;
    case 'unlink':
    case 'rmdir':
    case 'rm':
      return `kan ${path} niet verwijderen`;
    case 'link':
    case 'symlink':
      return `kan ${failure.dest ?? path} niet aanmaken`;
    case 'stat':
    case 'lstat':
    case 'access':
    case 'realpath':
    case 'chmod':
    case 'utime':
      return `kan ${path} niet gebruiken`;
    default:
      return `kan ${path} niet openen`;
  }
}

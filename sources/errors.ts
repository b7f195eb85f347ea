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
  constructor(message: string) {
    super(message, { exitCode: 2 });
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

import { checkFolderTarget } from '../../../outputs/write-atomic.ts';
import { writeReport } from '../../../outputs/write-report.ts';
import { pdfPrinter } from '../../../outputs/pdf/chromium.ts';
import { loadConfig, parseMonitorYear } from '../../config/config.ts';
import { withDatabase } from '../../db/database.ts';
import { readReportInput } from '../../read/read-report-input.ts';
import { assertReportable } from '../../build/build-freshness.ts';
import { databasePath, requiredOption, stringOption, type Command } from '../command.ts';
import { reportHelp } from '../help/report.ts';
import { countNl } from '../../format-nl.ts';

export const reportCommand: Command = {
  ...reportHelp,
  async run({ values }, io) {
    const year = parseMonitorYear(requiredOption(values, 'year'));
    const directory = requiredOption(values, 'out');
    const config = loadConfig(stringOption(values, 'config'));
    await checkFolderTarget(directory);
    const input = await withDatabase(databasePath(values), async (database) => {
      await assertReportable(database, config, year);
      return readReportInput(database, year);
    });
    const { chromium, skipNotice } = pdfPrinter();
    if (skipNotice !== undefined) io.out(skipNotice);
    const files = await writeReport(input, directory, { chromium, notice: io.out });
    io.out(`Monitor ${year} geschreven naar ${directory}: ${countNl(files.length, 'bestand', 'bestanden')}.`);
  },
};

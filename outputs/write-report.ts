/** Writes every output of a monitor year into one folder, each file atomically. */
import { join } from 'node:path';
import type { MonitorData } from '../pipeline/read-monitor.ts';
import { csvExports, type ExportFile } from './csv/exports.ts';
import { monitorMarkdown } from './markdown/monitor-md.ts';
import { writeFileAtomic } from './write-atomic.ts';

export function reportFiles(data: MonitorData): ExportFile[] {
  return [...csvExports(data), { name: 'monitor.md', content: monitorMarkdown(data) }];
}

export async function writeReport(data: MonitorData, directory: string): Promise<string[]> {
  const files = reportFiles(data);
  for (const file of files) await writeFileAtomic(join(directory, file.name), file.content);
  return files.map((file) => file.name);
}

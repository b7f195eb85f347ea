import { errorCode } from './lock-file.ts';

/** Whether a process with this PID runs on this machine (signal 0 only checks, it sends nothing). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return errorCode(error) !== 'ESRCH';
  }
}

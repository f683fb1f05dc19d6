import { clearClientLogs } from './client-logs.ts';

export default function globalSetup(): void {
  clearClientLogs();
}
